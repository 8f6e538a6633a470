"""planes_3d in Chromium: the JS draws every view, the first included; checked against floor 1
(partition_2d of the floor and of each plane's cuts, the layer's signs) and against the
projection written out here. Its pieces and projection are also tested in Node (tests/js)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, planes_3d
from neuron_tutorial.figures.kit.style import THEMES

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

BOX = ((0.0, 1.0), (0.0, 1.0))
PARAMS = WIDGETS["planes_3d"].params
SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
CANVAS_CENTRE = """() => {
  const plot = Bokeh.documents[0].get_model_by_name('plot')
  const view = Object.values(Bokeh.index)[0].owner.get_one(plot)
  const box = view.canvas_view.el.getBoundingClientRect()
  return [box.left + view.frame.bbox.hcenter, box.top + view.frame.bbox.vcenter]
}"""


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/planes_3d.html")
    wait_for_figure(page.main_frame)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    return page


def settle(page):
    page.evaluate(SETTLE)


def z_max(seed):
    corners = np.array([[0, 0], [1, 0], [1, 1], [0, 1]])
    return float(np.abs(nt.random_layer(planes_3d.MAX_M, 2, seed)(corners)).max())


def project(x, y, z, zmax, azimuth, elevation):
    """The view as the page describes it: the square centred, A scaled so that ±z_max spans
    ±HEIGHT, turned by the azimuth about the vertical, looked down on by the elevation."""
    theta, phi = np.radians(azimuth), np.radians(elevation)
    xc, yc, zc = np.asarray(x) - 0.5, np.asarray(y) - 0.5, np.asarray(z) * planes_3d.HEIGHT / zmax
    u = xc * np.cos(theta) - yc * np.sin(theta)
    v = xc * np.sin(theta) + yc * np.cos(theta)
    return u, zc * np.cos(phi) + v * np.sin(phi)


def corners(xs, ys):
    return tuple(sorted(zip(np.round(xs, 8), np.round(ys, 8), strict=True)))


def assert_scene(page, seed=PARAMS["seed"], m=PARAMS["m"], neuron=PARAMS["neuron"], azimuth=-35, elevation=25,
                 planes=True):
    layer = nt.random_layer(m, 2, seed)
    neuron = min(neuron, m)  # the highlighted neuron is one of the m shown
    assert model(page, "neuron", "value") == neuron
    got = model(page, "patches", "data")
    assert got["depth"] == sorted(got["depth"], reverse=True), "not painted back to front"
    # Every plane in as many pieces as partition_2d cuts it into (its zero line and the lines
    # where it meets the others); the floor in the layer's regions, projected as the page says.
    w, b = layer.weights, layer.biases
    pieces = Counter({-1: len(nt.partition_2d(layer, BOX))})
    if planes:
        for k in range(m):
            cuts = nt.Layer(np.vstack([w[k], w[k] - np.delete(w, k, 0)]), np.r_[b[k], b[k] - np.delete(b, k)])
            pieces[k] = len(nt.partition_2d(cuts, BOX))
    assert Counter(got["neuron"]) == pieces
    floor = nt.partition_2d(layer, BOX).regions
    expected = Counter((corners(*project(*r.polygon.T, 0, z_max(seed), azimuth, elevation)),
                        "positive" if r.signs[neuron - 1] > 0 else "negative") for r in floor)
    drawn = Counter((corners(xs, ys), role) for xs, ys, role, k
                    in zip(got["xs"], got["ys"], got["role"], got["neuron"], strict=True) if k == -1)
    assert drawn == expected
    # One neuron in its sign colours, the others grey.
    for role, k in zip(got["role"], got["neuron"], strict=True):
        if k >= 0:
            assert (role in ("positive", "negative")) == (k == neuron - 1)
    assert_fitted(page)


def assert_fitted(page):
    """The scene and its labels inside the frame; one unit as long across as up."""
    plot = {key: model(page, "plot", key) for key in ("inner_width", "inner_height")}
    x0, x1 = model(page, "plot", "x_range.start"), model(page, "plot", "x_range.end")
    y0, y1 = model(page, "plot", "y_range.start"), model(page, "plot", "y_range.end")
    assert (x1 - x0) / (y1 - y0) == pytest.approx(plot["inner_width"] / plot["inner_height"], rel=1e-6)
    xs = np.concatenate(model(page, "patches", "data.xs"))
    ys = np.concatenate(model(page, "patches", "data.ys"))
    assert x0 < xs.min() and xs.max() < x1 and y0 < ys.min() and ys.max() < y1
    labels = model(page, "labels", "data")
    assert {"A", "F1", "F2"} <= set(labels["text"])
    assert len(set(zip(labels["x"], labels["y"], strict=True))) == len(labels["x"])


def test_first_picture(widget):
    assert_scene(widget)
    assert f"<b>Neuron {PARAMS['neuron']}: A = " in model(widget, "readout", "text")


@pytest.mark.parametrize("azimuth, elevation", [(10, 25), (-170, 60), (90, 0), (45, 90)])
def test_turning_and_tilting_reproject_the_scene(widget, azimuth, elevation):
    set_value(widget, "azimuth", "value", azimuth)
    set_value(widget, "elevation", "value", elevation)
    settle(widget)
    assert_scene(widget, azimuth=azimuth, elevation=elevation)
    # Ticks of A only while its axis stands tall: never piled up seen from above.
    if elevation == 90:
        assert "0" not in model(widget, "labels", "data.text")


@pytest.mark.parametrize("seed, m", [(3, 8), (11, 1), (0, 6)])
def test_seed_and_m_rebuild_the_planes(widget, seed, m):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    settle(widget)
    assert_scene(widget, seed, m)


def test_highlight_and_floor_only(widget):
    set_value(widget, "neuron", "value", 2)
    settle(widget)
    assert_scene(widget, neuron=2)
    assert len(model(widget, "zero_line", "data.xs")) == 1
    assert "Neuron 2" in model(widget, "labels", "data.text")
    set_value(widget, "show", "active", 1)
    settle(widget)
    assert_scene(widget, neuron=2, planes=False)


def test_dragging_turns_and_tilts_the_view(widget):
    x, y = widget.evaluate(CANVAS_CENTRE)
    widget.mouse.move(x, y)
    widget.mouse.down()
    widget.mouse.move(x + 80, y + 40, steps=10)
    widget.mouse.up()
    settle(widget)
    azimuth, elevation = model(widget, "azimuth", "value"), model(widget, "elevation", "value")
    assert azimuth == pytest.approx(-35 + 40, abs=2)
    assert elevation == pytest.approx(25 + 20, abs=2)
    assert_scene(widget, azimuth=azimuth, elevation=elevation)


def test_keyboard_turns_the_view(widget):
    widget.locator(".noUi-handle").nth(1).focus()  # after the neuron slider: the turn
    widget.keyboard.press("ArrowRight")
    settle(widget)
    assert model(widget, "azimuth", "value") == -34
    assert_scene(widget, azimuth=-34)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_by_role(widget):
    dark = THEMES["dark"]
    palette = model(widget, "scene", "glyph.fill_color.transform.palette")
    assert palette == [dark[role] for role in planes_3d.ROLES]
    assert model(widget, "plot", "background_fill_color") == dark["background"]
