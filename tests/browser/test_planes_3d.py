"""planes_3d in Chromium: turning, tilting, dragging and every control draw what the Python says."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, planes_3d
from neuron_tutorial.figures.kit.style import SIGN_COLOURS

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

SEED = WIDGETS["planes_3d"].params["seed"]
TABLE = planes_3d.layer_table(20, 8)
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


def expected(seed=SEED, m=4, **view):
    layer = nt.Layer(np.array(TABLE["weights"][seed][:m]), np.array(TABLE["biases"][seed][:m]))
    return planes_3d.state(layer, planes_3d.z_extent(TABLE, seed), **view)


def pieces_of(patches):
    """Each painted piece as (colour, opacity, depth, sorted corners), rounded: the scene
    compared without the order of corners or of pieces at equal depth (partition_2d only
    promises convex counter-clockwise polygons, not which corner comes first)."""
    columns = [patches[key] for key in ("fill", "fill_alpha", "depth", "xs", "ys")]
    return sorted((fill, round(alpha, 6), round(depth, 9),
                   tuple(sorted(zip(np.round(xs, 9), np.round(ys, 9), strict=True))))
                  for fill, alpha, depth, xs, ys in zip(*columns, strict=True))


def assert_scene(page, want):
    got = model(page, "patches", "data")
    assert got["depth"] == sorted(got["depth"], reverse=True), "not painted back to front"
    assert pieces_of(got) == pieces_of(want["patches"])
    np.testing.assert_allclose(model(page, "labels", "data.y"), want["labels"]["y"], atol=1e-12)
    assert model(page, "labels", "data.text") == want["labels"]["text"]
    assert model(page, "numbers", "data.text") == want["numbers"]["text"]
    np.testing.assert_allclose(model(page, "numbers", "data.x"), want["numbers"]["x"], atol=1e-12)
    assert model(page, "readout", "text") == want["readout"]


def test_first_picture_is_the_python_state(widget):
    assert_scene(widget, expected())


@pytest.mark.parametrize("azimuth, elevation", [(10, 25), (-170, 60), (90, 0), (45, 90)])
def test_turning_and_tilting_reproject_the_scene(widget, azimuth, elevation):
    set_value(widget, "azimuth", "value", azimuth)
    set_value(widget, "elevation", "value", elevation)
    settle(widget)
    assert_scene(widget, expected(azimuth=azimuth, elevation=elevation))


@pytest.mark.parametrize("seed, m", [(3, 8), (11, 1), (0, 6)])
def test_seed_and_m_rebuild_the_planes(widget, seed, m):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    settle(widget)
    assert_scene(widget, expected(seed, m))
    assert len(model(widget, "highlight", "options")) == m + 1


def test_highlight_and_floor_only(widget):
    set_value(widget, "highlight", "value", "3")
    settle(widget)
    want = expected(highlight=2)
    assert_scene(widget, want)
    assert len(model(widget, "zero_line", "data.xs")) == 1
    set_value(widget, "show", "active", 1)
    settle(widget)
    assert_scene(widget, expected(highlight=2, planes=False))
    set_value(widget, "highlight", "value", "0")
    set_value(widget, "show", "active", 0)
    settle(widget)
    assert_scene(widget, expected())
    assert model(widget, "zero_line", "data.xs") == []


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
    assert_scene(widget, expected(azimuth=azimuth, elevation=elevation))
    # A second drag starts from where the first one left the view.
    widget.mouse.move(x, y)
    widget.mouse.down()
    widget.mouse.move(x - 40, y - 200, steps=10)
    widget.mouse.up()
    settle(widget)
    assert model(widget, "azimuth", "value") == pytest.approx(azimuth - 20, abs=2)
    assert model(widget, "elevation", "value") == 0


def test_the_view_keeps_its_aspect(widget):
    width, height = model(widget, "plot", "inner_width"), model(widget, "plot", "inner_height")
    x = model(widget, "plot", "x_range.end") - model(widget, "plot", "x_range.start")
    y = model(widget, "plot", "y_range.end") - model(widget, "plot", "y_range.start")
    assert x / y == pytest.approx(width / height, rel=1e-6)
    assert min(x, y) == pytest.approx(2 * planes_3d.RADIUS)


def test_keyboard_turns_the_view(widget):
    widget.locator(".noUi-handle").first.focus()  # the first slider is the azimuth
    widget.keyboard.press("ArrowRight")
    settle(widget)
    assert model(widget, "azimuth", "value") == -34
    assert_scene(widget, expected(azimuth=-34))


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_the_planes(widget):
    set_value(widget, "azimuth", "value", 0)
    settle(widget)
    dark = SIGN_COLOURS["dark"]
    fills = set(model(widget, "patches", "data.fill"))
    assert {dark["positive"], dark["negative"]} <= fills
    assert fills == set(expected(azimuth=0, scheme="dark")["patches"]["fill"])
    assert model(widget, "plot", "background_fill_color") == "#1e2129"
