"""single_neuron_2d in Chromium: sliders, taps and drags redraw the neuron as the Python says."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import single_neuron_2d as fig

from conftest import bokeh_model as model
from conftest import on_screen, wait_for_figure
from conftest import set_bokeh as set_value

START = {"f1": 0.3, "f2": 0.6, **WIDGETS["single_neuron_2d"].params}


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/single_neuron_2d.html")
    wait_for_figure(page.main_frame)
    return page


def image(page) -> np.ndarray:
    flat = page.evaluate("Array.from(Bokeh.documents[0].get_model_by_name('field').data.image[0])")
    return np.array(flat).reshape(fig.PIXELS, fig.PIXELS)


def assert_drawn(page, w1, w2, b, f1, f2):
    expected = fig.state(w1, w2, b, f1, f2)
    np.testing.assert_allclose(image(page), expected["field"]["image"][0], rtol=1e-6, atol=1e-6)
    for source in ("boundary", "reach"):
        for axis in ("x", "y"):
            np.testing.assert_allclose(model(page, source, f"data.{axis}"), expected[source][axis],
                                       atol=1e-12)
    assert model(page, "input", "data.colour") == expected["input"]["colour"]
    assert model(page, "readout", "text") == expected["readout"]
    assert model(page, "arrow", "visible") == (expected["normal"] is not None)
    if expected["normal"] is not None:
        (sx, sy), (ex, ey) = expected["normal"]
        got = [model(page, "arrow", f"{p}.value") for p in ("x_start", "y_start", "x_end", "y_end")]
        np.testing.assert_allclose(got, [sx, sy, ex, ey], atol=1e-12)


def test_initial_figure_is_the_python_state(widget):
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
    assert np.ptp(image(widget)) == 0


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
    assert model(widget, "input", "data.colour") == fig.state(-1.0, START["w2"], START["b"], START["f1"],
                                                              START["f2"], "dark")["input"]["colour"]
