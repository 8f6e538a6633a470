"""single_neuron_2d in Chromium: its JS draws the neuron (on load, sliders, taps, drags) as floor 1 says."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import single_neuron_2d as fig
from neuron_tutorial.figures.kit.geometry import clip_line

from conftest import bokeh_model as model
from conftest import on_screen, wait_for_figure
from conftest import set_bokeh as set_value

START = WIDGETS["single_neuron_2d"].params


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/single_neuron_2d.html")
    wait_for_figure(page.main_frame)
    return page


def bands(page) -> dict:
    return model(page, "bands", "data")


def polygon_area(xs, ys) -> float:
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    return 0.5 * float(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1)))


def assert_drawn(page, w1, w2, b, f1, f2):
    """The drawn sources against floor 1: the layer's output, its partition, the clipped line."""
    layer = fig.layer(w1, w2, b)
    drawn = bands(page)
    # The bands tile the square, and the output on every corner of a band lies in its colour bin.
    width = 2 * fig.LIMIT / (2 * fig.SHADES + 1)
    assert sum(polygon_area(xs, ys) for xs, ys in zip(drawn["xs"], drawn["ys"], strict=True)) == \
        pytest.approx(1.0, abs=1e-9)
    for xs, ys, value in zip(drawn["xs"], drawn["ys"], drawn["value"], strict=True):
        outputs = layer(np.column_stack([xs, ys]))[:, 0]
        ends = abs(value) + width / 2 > fig.LIMIT - 1e-9  # the end colours take everything beyond
        if not ends:
            assert np.all(np.abs(outputs - value) <= width / 2 + 1e-9)
    ends = clip_line((w1, w2), b)
    regions = len(nt.partition_2d(layer))
    assert (model(page, "boundary", "data.x") != []) == (regions == 2)
    if ends is not None:
        np.testing.assert_allclose(sorted(model(page, "boundary", "data.x")), sorted(ends[0]), atol=1e-12)
    a = float(layer([[f1, f2]])[0, 0])
    assert model(page, "input", "data.role") == [{1: "positive", -1: "negative", 0: "zero"}[int(np.sign(a))]]
    norm = np.hypot(w1, w2)
    assert model(page, "arrow", "visible") == (norm > 0)
    text = model(page, "readout", "text")
    if norm == 0:
        assert "constant" in text and model(page, "reach", "data.x") == []
        return
    got = [model(page, "arrow", f"{p}.value") for p in ("x_start", "y_start", "x_end", "y_end")]
    np.testing.assert_allclose([got[2] - got[0], got[3] - got[1]], fig.NORMAL * np.array([w1, w2]) / norm)
    (x0, x1), (y0, y1) = model(page, "reach", "data.x"), model(page, "reach", "data.y")
    assert (x0, y0) == (f1, f2)
    assert w1 * x1 + w2 * y1 + b == pytest.approx(0, abs=1e-12)
    assert np.hypot(x1 - x0, y1 - y0) == pytest.approx(abs(a) / norm)
    assert f"|A|/\u2016w\u2016 = {abs(a) / norm:.2f}" in text
    assert ("misses the square" in text) == (ends is None)


def test_first_picture_is_drawn_by_the_js(widget):
    assert_drawn(widget, START["w1"], START["w2"], START["b"], START["f1"], START["f2"])


@pytest.mark.parametrize("w1, w2, b, f1, f2", [(-1.2, 0.6, 0.3, 0.8, 0.6), (0.0, 1.0, -0.5, 0.2, 0.9),
                                               (0.5, 0.5, 2.0, 0.3, 0.6), (1.0, 1.0, -1.0, 0.1, 0.1),
                                               (0.0, 0.0, 0.4, 0.5, 0.5)])
def test_sliders_redraw_output_boundary_normal_and_read_out(widget, w1, w2, b, f1, f2):
    for name, value in (("w1", w1), ("w2", w2), ("b", b), ("f1", f1), ("f2", f2)):
        set_value(widget, name, "value", value)
    assert_drawn(widget, w1, w2, b, f1, f2)


def test_constant_neuron_has_no_boundary_and_no_normal(widget):
    set_value(widget, "w1", "value", 0)
    set_value(widget, "w2", "value", 0)
    assert model(widget, "boundary", "data.x") == []
    assert model(widget, "arrow", "visible") is False
    assert "constant" in model(widget, "readout", "text")
    assert len(set(bands(widget)["value"])) == 1


def test_tap_moves_the_input(widget):
    widget.mouse.click(*on_screen(widget, "plot", 0.8, 0.2))
    widget.wait_for_function("Bokeh.documents[0].get_model_by_name('f1').value > 0.7")
    assert model(widget, "f1", "value") == pytest.approx(0.8, abs=0.011)
    assert model(widget, "f2", "value") == pytest.approx(0.2, abs=0.011)
    f1, f2 = model(widget, "f1", "value"), model(widget, "f2", "value")
    assert_drawn(widget, START["w1"], START["w2"], START["b"], f1, f2)


def test_drag_carries_the_input_along(widget):
    widget.mouse.move(*on_screen(widget, "plot", 0.3, 0.6))
    widget.mouse.down()
    for t in np.linspace(0, 1, 6)[1:]:
        widget.mouse.move(*on_screen(widget, "plot", 0.3 + 0.6 * t, 0.6 - 0.5 * t))
    widget.mouse.up()
    widget.wait_for_function("() => Math.abs(Bokeh.documents[0].get_model_by_name('f1').value - 0.9) < .02")
    assert model(widget, "f1", "value") == pytest.approx(0.9, abs=0.011)
    assert model(widget, "f2", "value") == pytest.approx(0.1, abs=0.011)
    assert model(widget, "input", "data.x") == [model(widget, "f1", "value")]


def test_keyboard_moves_a_weight(widget):
    widget.locator(".noUi-handle").first.focus()
    widget.keyboard.press("ArrowRight")
    assert model(widget, "w1", "value") == pytest.approx(START["w1"] + 0.05)
    assert_drawn(widget, START["w1"] + 0.05, START["w2"], START["b"], START["f1"], START["f2"])


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_swaps_the_colour_map(widget):
    assert model(widget, "mapper", "palette") == fig.palette("dark")
    set_value(widget, "w1", "value", -1.0)
    assert model(widget, "mapper", "palette") == fig.palette("dark")
    assert model(widget, "input", "data.role") == ["negative"]


def test_the_frame_is_the_unit_square(widget):
    for width in (1280, 390):
        widget.set_viewport_size({"width": width, "height": 900})
        widget.wait_for_function("""() => { const p = Bokeh.documents[0].get_model_by_name('plot')
                                   return Math.abs(p.inner_width - p.inner_height) <= 1 }""")
        assert model(widget, "plot", "x_range.start") == 0 and model(widget, "plot", "x_range.end") == 1
