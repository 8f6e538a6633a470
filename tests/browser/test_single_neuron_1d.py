"""single_neuron_1d in Chromium: w, b and the input redraw the line exactly as the Python says."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import single_neuron_1d as fig
from neuron_tutorial.figures.kit.style import SIGN_COLOURS

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

START = WIDGETS["single_neuron_1d"].params


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/single_neuron_1d.html")
    wait_for_figure(page.main_frame)
    return page


def drawn(page) -> dict:
    """What the figure shows now, in the shape of ``single_neuron_1d.state``."""
    return {
        "line": model(page, "line", "data"),
        "boundary": model(page, "boundary", "data"),
        "input": model(page, "input", "data"),
        "readout": model(page, "readout", "text"),
        "arrow": model(page, "arrow", "visible"),
    }


def assert_matches(now: dict, expected: dict):
    for key in ("xs", "ys"):
        np.testing.assert_allclose(np.array(now["line"][key], dtype=float),
                                   np.array(expected["line"][key], dtype=float))
    assert now["line"]["colour"] == expected["line"]["colour"]
    np.testing.assert_allclose(now["boundary"]["x"], expected["boundary"]["x"])
    np.testing.assert_allclose(now["input"]["y"], expected["input"]["y"])
    assert now["input"]["colour"] == expected["input"]["colour"]
    assert now["readout"] == expected["readout"]
    assert now["arrow"] == (expected["arrow"] is not None)


def test_initial_figure_is_the_python_state(widget):
    assert_matches(drawn(widget), fig.state(START["w"], START["b"], START["x"]))


@pytest.mark.parametrize("w, b, x", [(-1.5, 1.2, 0.3), (0.0, 0.4, 0.6), (1.0, 0.5, 0.2),
                                     (-0.8, -0.1, 0.9), (2.0, -1.0, 0.5), (0.0, -0.7, 0.1)])
def test_sliders_redraw_line_boundary_and_read_out(widget, w, b, x):
    for name, value in (("w", w), ("b", b), ("x", x)):
        set_value(widget, name, "value", value)
    expected = fig.state(w, b, x)
    assert_matches(drawn(widget), expected)
    if expected["arrow"] is not None:
        start, end = expected["arrow"]
        assert model(widget, "arrow", "x_start.value") == pytest.approx(start)
        assert model(widget, "arrow", "x_end.value") == pytest.approx(end)
        assert model(widget, "side", "text_align") == ("left" if end > start else "right")


def test_constant_neuron_has_no_boundary(widget):
    set_value(widget, "w", "value", 0)
    assert model(widget, "boundary", "data.x") == []
    assert model(widget, "arrow", "visible") is False
    assert model(widget, "tag", "visible") is False
    assert "constant" in model(widget, "readout", "text")
    assert len(model(widget, "line", "data.xs")) == 1


def test_the_arrow_flips_with_the_sign_of_w(widget):
    set_value(widget, "w", "value", 1.5)
    set_value(widget, "b", "value", -0.6)       # x* = 0.4, increasing
    assert model(widget, "arrow", "x_end.value") > model(widget, "arrow", "x_start.value")
    set_value(widget, "w", "value", -1.5)
    set_value(widget, "b", "value", 0.6)        # x* = 0.4, decreasing
    assert model(widget, "arrow", "x_end.value") < model(widget, "arrow", "x_start.value")
    assert "decreasing" in model(widget, "readout", "text")


def test_keyboard_moves_the_weight(widget):
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    widget.keyboard.press("ArrowLeft")
    widget.keyboard.press("ArrowLeft")
    assert model(widget, "w", "value") == pytest.approx(START["w"] - 0.1)
    assert model(widget, "boundary", "data.x") == [pytest.approx(-START["b"] / (START["w"] - 0.1))]


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_the_line(widget):
    dark = SIGN_COLOURS["dark"]
    assert model(widget, "line", "data.colour") == [dark["negative"], dark["positive"]]
    set_value(widget, "b", "value", 0.5)
    assert model(widget, "line", "data.colour") == [dark["positive"]]
