"""directions_linear and directions_relu in Chromium: what the JS draws, against floor 1."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial import directions as d
from neuron_tutorial.figures import directions_linear, directions_relu
from neuron_tutorial.figures.kit import directions as directions_common

from conftest import bokeh_model as model
from conftest import on_screen, wait_for_figure
from conftest import set_bokeh as set_value

LINEAR = directions_linear.SETTINGS.defaults()
RELU = directions_relu.SETTINGS.defaults()
SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])


def open_widget(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    return page


def number(value):
    """A coordinate as Bokeh holds it: a plain number, or {"value": ...} as Python first sent it."""
    return value["value"] if isinstance(value, dict) else value


def on_line(xs, ys, w, c):
    return np.allclose(np.asarray(xs) * w[0] + np.asarray(ys) * w[1] + c, 0.0, atol=1e-9)


def assert_linear_drawn(page, seed, theta, phi, m=2, psi=0.0):
    """The sources the JS drew against direction_neuron, rotated and the layer's outputs."""
    layer = nt.random_layer(m, 2, seed)
    v = directions_linear.direction(theta, psi, m)
    neuron = nt.direction_neuron(layer, v)
    w, c = neuron.weights[0], float(neuron.biases[0])
    inputs = d.grid(directions_linear.GRID)
    outputs = layer(inputs)
    signs = np.sign(outputs @ v)
    want_roles = ["positive" if s > 0 else "negative" if s < 0 else "zero" for s in signs]
    assert model(page, "cloud", "data.role") == want_roles
    assert model(page, "inputs", "data.role") == want_roles
    np.testing.assert_allclose(model(page, "inputs", "data.x"), inputs[:, 0], atol=1e-12)
    drawn = np.c_[model(page, "cloud", "data.x"), model(page, "cloud", "data.y")]
    if m == 2:
        np.testing.assert_allclose(drawn, outputs, atol=1e-9)
    else:  # an oblique view: A₁ and A₂ as they are, A₃ along a diagonal at half length
        slant, *_ = np.linalg.lstsq(outputs[:, 2:], drawn - outputs[:, :2], rcond=None)
        np.testing.assert_allclose(drawn, outputs[:, :2] + outputs[:, 2:] @ slant, atol=1e-9)
        np.testing.assert_allclose(np.abs(slant), 0.35, atol=1e-12)
    assert on_line(model(page, "vbound", "data.x"), model(page, "vbound", "data.y"), w, c)
    side = np.c_[model(page, "side", "data.xs")[0], model(page, "side", "data.ys")[0]]
    assert d.polygon_area(side) == pytest.approx(d.polygon_area(d.clip_polygon(SQUARE, w, c)))
    turned = nt.rotated(layer, directions_linear.basis(phi, m))
    xs, ys = model(page, "bounds", "data.xs"), model(page, "bounds", "data.ys")
    assert len(xs) == m
    for k in range(m):
        assert on_line(xs[k], ys[k], turned.weights[k], turned.biases[k])
    pivot = np.c_[model(page, "pivot", "data.x"), model(page, "pivot", "data.y")]
    if m == 2:
        np.testing.assert_allclose(layer(pivot), 0.0, atol=1e-9)
    else:
        assert pivot.size == 0
    # The dashed line holds outputs with v·A = 0: so does the image of v's boundary.
    px, py = model(page, "perp", "data.x"), model(page, "perp", "data.y")
    boundary = layer(np.c_[model(page, "vbound", "data.x"), model(page, "vbound", "data.y")])
    if m == 2:
        assert np.allclose(np.c_[px, py] @ v, 0.0, atol=1e-9)
    else:
        a, b = np.array([px[0], py[0]]), np.array([px[1], py[1]])
        ends = boundary[:, :2] + boundary[:, 2:] @ slant
        for end in ends:  # on the drawn line through a and b: a zero 2-D cross product
            (ux, uy), (wx, wy) = b - a, end - a
            assert abs(ux * wy - uy * wx) <= 1e-6 * np.hypot(ux, uy) * (1 + np.hypot(wx, wy))
    length = 0.6 * model(page, "space", "x_range.end")
    assert number(model(page, "neuron_arrow_1", "x_end")) == pytest.approx(length * np.cos(np.radians(phi)))
    text = model(page, "readout", "text")
    assert f"{w[0]:.2f}".replace("-", "−") in text and f"{abs(c):.2f}" in text
    assert ("ringed input" in text) == (m == 2)


@pytest.fixture
def linear(page, base_url):
    return open_widget(page, base_url, "directions_linear")


def test_linear_first_picture_is_drawn_from_the_table(linear):
    assert_linear_drawn(linear, LINEAR["seed"], LINEAR["theta"], LINEAR["phi"])
    assert model(linear, "neuron_arrow_3", "visible") is False


@pytest.mark.parametrize("seed, theta, phi",
                         [(8, 0, 0), (8, 135, 0), (8, 40, 40), (3, 250, -90), (19, 359, 180)])
def test_linear_sliders_turn_v_and_the_basis(linear, seed, theta, phi):
    set_value(linear, "seed", "value", seed)
    set_value(linear, "theta", "value", theta)
    set_value(linear, "phi", "value", phi)
    assert_linear_drawn(linear, seed, theta, phi)


def test_rotating_the_basis_by_theta_puts_neuron_1_on_v(linear):
    set_value(linear, "theta", "value", 40)
    set_value(linear, "phi", "value", 40)
    np.testing.assert_allclose(model(linear, "bounds", "data.xs")[0], model(linear, "vbound", "data.x"))


@pytest.mark.parametrize("seed, theta, psi, phi", [(8, 30, 0, 0), (8, 60, 40, 0), (11, 200, -70, 30),
                                                   (0, 90, 90, -45)])
def test_three_neurons_lift_v_out_of_the_plane(linear, seed, theta, psi, phi):
    set_value(linear, "neurons", "active", 1)
    for name, value in (("seed", seed), ("theta", theta), ("psi", psi), ("phi", phi)):
        set_value(linear, name, "value", value)
    assert_linear_drawn(linear, seed, theta, phi, m=3, psi=psi)
    assert model(linear, "neuron_arrow_3", "visible") is True
    assert "A₃ slants" in model(linear, "space_axis", "axis_label")


def test_three_neurons_boundaries_do_not_meet_in_one_point(linear):
    """What page 6 claims: with three neurons the boundaries need not share a point."""
    set_value(linear, "neurons", "active", 1)
    xs, ys = model(linear, "bounds", "data.xs"), model(linear, "bounds", "data.ys")
    lines = [np.cross([x[0], y[0], 1.0], [x[1], y[1], 1.0]) for x, y in zip(xs, ys, strict=True)]
    assert abs(np.linalg.det(np.array(lines))) > 1e-3 * np.prod([np.linalg.norm(line) for line in lines])


def test_linear_drag_in_activation_space_turns_v(linear):
    reach = model(linear, "space", "x_range.end")
    linear.mouse.move(*on_screen(linear, "space", 0.5 * reach, 0.0))
    linear.mouse.down()
    for t in np.linspace(0, 1, 6):
        angle = np.radians(120 * t)
        x, y = 0.5 * reach * np.cos(angle), 0.5 * reach * np.sin(angle)
        linear.mouse.move(*on_screen(linear, "space", x, y))
    linear.mouse.up()
    # Callbacks are ES modules run asynchronously: wait for the last drag event to land.
    linear.wait_for_function("() => Math.abs(Bokeh.documents[0].get_model_by_name('theta').value - 120) < 3")
    assert_linear_drawn(linear, 8, model(linear, "theta", "value"), 0)


def test_linear_tap_points_v(linear):
    reach = model(linear, "space", "x_range.end")
    linear.mouse.click(*on_screen(linear, "space", 0.0, -0.5 * reach))
    linear.wait_for_function("() => Math.abs(Bokeh.documents[0].get_model_by_name('theta').value - 270) <= 2")


def test_linear_keyboard_turns_v(linear):
    linear.locator("[role=slider]").first.focus()
    linear.keyboard.press("ArrowRight")
    assert model(linear, "theta", "value") == 31
    assert_linear_drawn(linear, 8, 31, 0)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_linear_dark_scheme(page, base_url):
    widget = open_widget(page, base_url, "directions_linear")
    assert model(widget, "space", "background_fill_color") == "#1e2129"
    set_value(widget, "theta", "value", 200)
    assert_linear_drawn(widget, 8, 200, 0)


def segments(xs, ys) -> np.ndarray:
    """Segments as sorted rows (x0, x1, y0, y1): the order of pieces may differ, not the set."""
    return np.array(sorted(tuple(np.round([*x, *y], 6)) for x, y in zip(xs, ys, strict=True))).reshape(-1, 4)


def areas(page, name):
    xs, ys = model(page, name, "data.xs"), model(page, name, "data.ys")
    return sum(d.polygon_area(np.c_[x, y]) for x, y in zip(xs, ys, strict=True))


def assert_relu_drawn(page, seed, m, mode, k, r, theta, relu, own=directions_relu.OWN):
    """The colour map, zero set, flat and high regions the JS drew, against direction_pieces."""
    table = directions_relu.tables()
    layer = nt.random_layer(m, 2, seed)
    v = directions_relu.direction(table, m, mode, k, r, theta, own)
    activation = "relu" if relu else "linear"
    size = directions_relu.IMAGE
    image = np.array(page.evaluate("Array.from(Bokeh.documents[0].get_model_by_name('field').data.image[0])"))
    # Pixel centres row by row from the bottom, as d.grid lays them out.
    values = d.direction_outputs(layer, v[None, :], d.grid(size), activation)[:, 0]
    np.testing.assert_allclose(image, values, rtol=1e-5, atol=1e-5)
    assert model(page, "mapper", "high") == pytest.approx(np.abs(values).max() or 1.0, rel=1e-6)
    coarse = d.direction_outputs(layer, v[None, :], d.grid(directions_relu.PIXELS), activation)[:, 0]
    level = float(np.quantile(coarse, directions_relu.Q))
    pieces = d.direction_pieces(layer, v, activation)
    zero = d.level_segments(pieces)
    want = segments([[s[0][0], s[1][0]] for s in zero], [[s[0][1], s[1][1]] for s in zero])
    got = segments(model(page, "zero", "data.xs"), model(page, "zero", "data.ys"))
    np.testing.assert_allclose(got, want, atol=1e-6)
    flat = sum(d.polygon_area(p) for p in d.flat_polygons(pieces))
    high = sum(d.polygon_area(p) for p in d.above_polygons(pieces, level))
    assert areas(page, "flat") == pytest.approx(flat, abs=1e-9)
    assert areas(page, "high") == pytest.approx(high, abs=1e-9)
    bounds_x, bounds_y = model(page, "bounds", "data.xs"), model(page, "bounds", "data.ys")
    for j in range(m):
        assert on_line(bounds_x[j], bounds_y[j], layer.weights[j], layer.biases[j])
    text = model(page, "readout", "text")
    assert f"above {level:.2f}".replace("-", "−") in text
    assert ("after ReLU" in text) == relu


@pytest.fixture
def relu(page, base_url):
    return open_widget(page, base_url, "directions_relu")


def test_relu_first_picture_is_drawn_from_the_table(relu):
    p = RELU
    assert_relu_drawn(relu, p["seed"], p["m"], p["mode"], p["k"], p["r"], p["theta"], bool(p["relu"]))
    assert "one straight line" in model(relu, "readout", "text")


@pytest.mark.parametrize("seed, m, mode, k, r, theta, on", [
    (2, 5, 0, 3, 1, 45, True), (2, 5, 0, 3, 1, 45, False), (2, 5, 1, 1, 4, 45, True),
    (2, 5, 1, 1, 4, 45, False), (2, 5, 2, 2, 1, 0, True), (2, 5, 2, 2, 1, 70, True),
    (7, 8, 2, 8, 1, 120, True), (0, 3, 1, 1, 10, 0, True), (9, 6, 0, 6, 1, 0, True),
    (4, 6, 3, 1, 1, 0, True), (4, 6, 3, 1, 1, 0, False),
])
def test_relu_every_control_redraws_as_floor_1_says(relu, seed, m, mode, k, r, theta, on):
    for name, attribute, value in [("seed", "value", seed), ("m", "value", m), ("k", "value", k),
                                   ("r", "value", r), ("theta", "value", theta), ("mode", "active", mode),
                                   ("relu", "active", int(on))]:
        set_value(relu, name, attribute, value)
    assert_relu_drawn(relu, seed, m, mode, k, r, theta, on)


def test_relu_typing_a_component_switches_to_your_own_v(relu):
    set_value(relu, "v2", "value", 2.5)
    assert model(relu, "mode", "active") == 3
    own = list(directions_relu.OWN)
    own[1] = 2.5
    assert_relu_drawn(relu, 2, 5, 3, 1, 1, 45, True, own)
    assert "Your own direction" in model(relu, "readout", "text")
    set_value(relu, "m", "value", 3)
    assert model(relu, "v4", "disabled") is True and model(relu, "v3", "disabled") is False


def test_relu_shrinking_m_keeps_the_neuron_in_range(relu):
    set_value(relu, "k", "value", 8)
    set_value(relu, "m", "value", 4)
    assert model(relu, "k", "end") == 4
    assert_relu_drawn(relu, 2, 4, 0, 4, 1, 45, True)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_relu_dark_scheme_swaps_the_palette(page, base_url):
    widget = open_widget(page, base_url, "directions_relu")
    assert model(widget, "mapper", "palette") == directions_common.palette("dark")
    set_value(widget, "mode", "active", 1)
    assert_relu_drawn(widget, 2, 5, 1, 1, 1, 45, True)
