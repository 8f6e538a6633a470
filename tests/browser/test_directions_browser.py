"""directions_linear and directions_relu in Chromium: every control, JS against the Python state."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial import directions as d
from neuron_tutorial.figures import WIDGETS, directions_linear, directions_relu
from neuron_tutorial.figures.kit import directions as directions_common

from conftest import bokeh_model as model
from conftest import on_screen, wait_for_figure
from conftest import set_bokeh as set_value

LINEAR = directions_linear.layer_table(20)
RELU = directions_relu.tables(10, 10)


def open_widget(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    return page


def number(value):
    """A coordinate as Bokeh holds it: a plain number, or {"value": ...} as Python first sent it."""
    return value["value"] if isinstance(value, dict) else value


def assert_linear_drawn(page, seed, theta, phi, scheme="light"):
    want = directions_linear.state(LINEAR, seed, theta, phi, scheme)
    assert model(page, "readout", "text") == want["readout"]
    assert model(page, "cloud", "data.colour") == want["cloud"]["colour"]
    assert model(page, "inputs", "data.colour") == want["inputs"]["colour"]
    np.testing.assert_allclose(model(page, "cloud", "data.x"), want["cloud"]["x"], atol=1e-9)
    for key in ("vbound", "perp", "pivot"):
        for axis in ("x", "y"):
            np.testing.assert_allclose(model(page, key, f"data.{axis}"), want[key][axis], atol=1e-9)
    np.testing.assert_allclose(model(page, "bounds", "data.xs"), want["bounds"]["xs"], atol=1e-9)
    np.testing.assert_allclose(model(page, "side", "data.xs"), want["side"]["xs"], atol=1e-9)
    np.testing.assert_allclose(model(page, "side", "data.ys"), want["side"]["ys"], atol=1e-9)
    length = 0.6 * want["reach"]
    assert number(model(page, "v_arrow", "x_end")) == pytest.approx(want["v"][0])
    assert number(model(page, "neuron_arrow_1", "x_end")) == pytest.approx(length * np.cos(np.radians(phi)))
    assert model(page, "space", "x_range.end") == pytest.approx(want["reach"])


@pytest.fixture
def linear(page, base_url):
    return open_widget(page, base_url, "directions_linear")


def test_linear_initial_figure_is_the_python_state(linear):
    assert_linear_drawn(linear, WIDGETS["directions_linear"].params["seed"], 30, 0)


@pytest.mark.parametrize("seed, theta, phi",
                         [(8, 0, 0), (8, 135, 0), (8, 40, 40), (3, 250, -90), (19, 359, 180)])
def test_linear_sliders_turn_v_and_the_basis(linear, seed, theta, phi):
    set_value(linear, "seed", "value", seed)
    set_value(linear, "theta", "value", theta)
    set_value(linear, "phi", "value", phi)
    assert_linear_drawn(linear, seed, theta, phi)


def test_linear_drag_in_activation_space_turns_v(linear):
    reach = directions_linear.state(LINEAR, 8, 30, 0)["reach"]
    linear.mouse.move(*on_screen(linear, "space", 0.5 * reach, 0.0))
    linear.mouse.down()
    for t in np.linspace(0, 1, 6):
        angle = np.radians(120 * t)
        x, y = 0.5 * reach * np.cos(angle), 0.5 * reach * np.sin(angle)
        linear.mouse.move(*on_screen(linear, "space", x, y))
    linear.mouse.up()
    # Callbacks are ES modules run asynchronously: wait for the last drag event to land.
    linear.wait_for_function("() => Math.abs(Bokeh.documents[0].get_model_by_name('theta').value - 120) < 3")
    assert model(linear, "theta", "value") == pytest.approx(120, abs=2)
    assert_linear_drawn(linear, 8, model(linear, "theta", "value"), 0)


def test_linear_tap_points_v(linear):
    reach = directions_linear.state(LINEAR, 8, 30, 0)["reach"]
    linear.mouse.click(*on_screen(linear, "space", 0.0, -0.5 * reach))
    linear.wait_for_function("() => Math.abs(Bokeh.documents[0].get_model_by_name('theta').value - 270) <= 2")
    assert model(linear, "theta", "value") == pytest.approx(270, abs=2)


def test_linear_keyboard_turns_v(linear):
    linear.locator(".noUi-handle").first.focus()
    linear.keyboard.press("ArrowRight")
    assert model(linear, "theta", "value") == 31
    assert_linear_drawn(linear, 8, 31, 0)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_linear_dark_scheme(page, base_url):
    widget = open_widget(page, base_url, "directions_linear")
    assert model(widget, "space", "background_fill_color") == "#1e2129"
    set_value(widget, "theta", "value", 200)
    assert_linear_drawn(widget, 8, 200, 0, "dark")


def segments(xs, ys) -> np.ndarray:
    """Segments as sorted rows (x0, x1, y0, y1): the order of pieces may differ, not the set."""
    return np.array(sorted(tuple(np.round([*x, *y], 6)) for x, y in zip(xs, ys, strict=True))).reshape(-1, 4)


def areas(page, name):
    xs, ys = model(page, name, "data.xs"), model(page, name, "data.ys")
    return sum(d.polygon_area(np.c_[x, y]) for x, y in zip(xs, ys, strict=True))


def assert_relu_drawn(page, seed, m, mode, k, r, theta, relu, scheme="light"):
    want = directions_relu.state(RELU, seed, m, mode, k, r, theta, relu, scheme)
    assert model(page, "readout", "text") == want["readout"]
    image = np.array(page.evaluate("Array.from(Bokeh.documents[0].get_model_by_name('field').data.image[0])"))
    np.testing.assert_allclose(image, want["field"]["image"][0].ravel(), rtol=1e-5, atol=1e-6)
    assert model(page, "mapper", "high") == pytest.approx(want["limit"])
    assert model(page, "mapper", "palette") == want["palette"]
    got = segments(model(page, "zero", "data.xs"), model(page, "zero", "data.ys"))
    np.testing.assert_allclose(got, segments(want["zero"]["xs"], want["zero"]["ys"]), atol=1e-6)
    for name in ("flat", "high"):
        want_area = sum(d.polygon_area(np.c_[x, y])
                        for x, y in zip(want[name]["xs"], want[name]["ys"], strict=True))
        assert areas(page, name) == pytest.approx(want_area, abs=1e-9)
    np.testing.assert_allclose(model(page, "bounds", "data.xs"), want["bounds"]["xs"], atol=1e-9)


@pytest.fixture
def relu(page, base_url):
    return open_widget(page, base_url, "directions_relu")


def test_relu_initial_figure_is_the_python_state(relu):
    params = WIDGETS["directions_relu"].params
    assert_relu_drawn(relu, params["seed"], params["m"], 0, 1, 1, 45.0, True)


@pytest.mark.parametrize("seed, m, mode, k, r, theta, on", [
    (2, 5, 0, 3, 1, 45, True), (2, 5, 0, 3, 1, 45, False), (2, 5, 1, 1, 4, 45, True),
    (2, 5, 1, 1, 4, 45, False), (2, 5, 2, 2, 1, 0, True), (2, 5, 2, 2, 1, 70, True),
    (7, 8, 2, 8, 1, 120, True), (0, 3, 1, 1, 10, 0, True), (9, 6, 0, 6, 1, 0, True),
])
def test_relu_every_control_redraws_as_python_says(relu, seed, m, mode, k, r, theta, on):
    for name, attribute, value in [("seed", "value", seed), ("m", "value", m), ("k", "value", k),
                                   ("r", "value", r), ("theta", "value", theta), ("mode", "active", mode),
                                   ("relu", "active", int(on))]:
        set_value(relu, name, attribute, value)
    assert_relu_drawn(relu, seed, m, mode, k, r, theta, on)


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
    assert_relu_drawn(widget, 2, 5, 1, 1, 1, 45, True, "dark")
