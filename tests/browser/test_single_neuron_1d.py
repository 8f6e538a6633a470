"""single_neuron_1d in Chromium: the JS draws the line, its boundary and the input as floor 1 says."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.kit.style import THEMES

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

START = WIDGETS["single_neuron_1d"].params
ROLE = {1: "positive", -1: "negative", 0: "zero"}


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/single_neuron_1d.html")
    wait_for_figure(page.main_frame)
    return page


def assert_drawn(page, w: float, b: float, x: float):
    """The drawn sources against nt.partition_1d and the layer's output (floor 1)."""
    layer = nt.Layer([[w]], [b])
    part = nt.partition_1d(layer, (0.0, 1.0))
    line = model(page, "line", "data")
    assert [tuple(xs) for xs in line["xs"]] == [pytest.approx(r.interval) for r in part.regions]
    np.testing.assert_allclose(np.array(line["ys"], dtype=float), w * np.array(line["xs"]) + b)
    assert line["role"] == [ROLE[int(s)] for s in part.signs[:, 0]]
    assert model(page, "area", "data.role") == line["role"]
    assert model(page, "boundary", "data.x") == pytest.approx(part.breakpoints.tolist())
    a = float(layer([[x]])[0, 0])
    assert model(page, "input", "data.y") == [pytest.approx(a)]
    assert model(page, "input", "data.role") == [ROLE[int(np.sign(a))]]
    assert model(page, "arrow", "visible") == (len(part.breakpoints) == 1)
    text = model(page, "readout", "text")
    assert f"<b>{a:.2f}".replace("-", "\u2212") in text or abs(a) < 0.005
    if w != 0:
        assert f"|A|/|w| = {abs(a) / abs(w):.2f}" in text
        assert ("increasing" if w > 0 else "decreasing") in text


def test_first_picture_is_drawn_by_the_js(widget):
    assert_drawn(widget, START["w"], START["b"], START["x"])
    assert "Boundary x* = \u2212b/w = 0.50" in model(widget, "readout", "text")


@pytest.mark.parametrize("w, b, x", [(-1.5, 1.2, 0.3), (0.0, 0.4, 0.6), (1.0, 0.5, 0.2),
                                     (-0.8, -0.1, 0.9), (2.0, -1.0, 0.5), (0.0, -0.7, 0.1)])
def test_sliders_redraw_line_boundary_and_read_out(widget, w, b, x):
    for name, value in (("w", w), ("b", b), ("x", x)):
        set_value(widget, name, "value", value)
    assert_drawn(widget, w, b, x)
    if w != 0 and 0 < -b / w < 1:
        root = -b / w
        assert model(widget, "arrow", "x_start.value") == pytest.approx(root)
        # The arrow points into the side where the neuron is positive.
        end = model(widget, "arrow", "x_end.value")
        assert w * end + b > 0
        assert model(widget, "side", "text_align") == ("left" if end > root else "right")


def test_constant_neuron_has_no_boundary(widget):
    set_value(widget, "w", "value", 0)
    assert model(widget, "boundary", "data.x") == []
    assert model(widget, "arrow", "visible") is False
    assert model(widget, "tag", "visible") is False
    assert "constant" in model(widget, "readout", "text")
    assert len(model(widget, "line", "data.xs")) == 1


def test_keyboard_moves_the_weight(widget):
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    widget.keyboard.press("ArrowLeft")
    widget.keyboard.press("ArrowLeft")
    assert model(widget, "w", "value") == pytest.approx(START["w"] - 0.1)
    assert model(widget, "boundary", "data.x") == [pytest.approx(-START["b"] / (START["w"] - 0.1))]
    # The handle tells a screen reader the slider's real value, not one rounded to a decimal.
    assert handle.get_attribute("aria-valuenow") == "1.9"
    set_value(widget, "x", "value", 0.37)
    x_handle = widget.locator(".noUi-handle").nth(2)
    widget.wait_for_function("(h) => h.getAttribute('aria-valuenow') === '0.37'",
                             arg=x_handle.element_handle())


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_the_line_by_role(widget):
    dark = THEMES["dark"]
    mapper = "Bokeh.documents[0].get_model_by_name('plot').renderers[0].glyph.fill_color.transform"
    palette = widget.evaluate(f"{mapper}.palette")
    assert palette == [dark["positive"], dark["negative"], dark["zero"]]
    assert model(widget, "line", "data.role") == ["negative", "positive"]


FIGURE_BOTTOM = ("Math.max(...[...document.querySelectorAll('[data-root-id] > *')]"
                 ".map(e => e.getBoundingClientRect().bottom))")
READOUT_HEIGHT = """() => {
  const owner = Object.values(Bokeh.index)[0].owner
  return owner.find_one(Bokeh.documents[0].get_model_by_name('readout')).el.getBoundingClientRect().height
}"""


def test_a_readout_that_wraps_differently_never_shrinks_the_figure_back(page, base_url):
    """nt/steady.js: on a phone the readout takes three or four lines as w moves; the figure
    grows once and keeps that height, and a new width measures afresh."""
    page.set_viewport_size({"width": 358, "height": 900})
    page.goto(f"{base_url}widgets/single_neuron_1d.html")
    wait_for_figure(page.main_frame)
    heights = []
    for w in [2.0, -2.0, 2.0, -2.0, 1.0, -1.0]:
        set_value(page, "w", "value", w)
        page.wait_for_timeout(60)
        heights.append(page.evaluate(FIGURE_BOTTOM))
    assert len(set(heights)) == 2, "the test needs a readout that wraps to a different height"
    assert heights == sorted(heights), f"the figure shrank back: {heights}"
    tall = page.evaluate(READOUT_HEIGHT)
    page.set_viewport_size({"width": 700, "height": 900})  # wider: the text needs fewer lines
    page.wait_for_function(f"() => ({READOUT_HEIGHT})() < {tall} - 10")
