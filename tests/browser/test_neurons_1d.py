"""neurons_1d in Chromium: its JS draws the seeded layer as floor 1 computes it, on load and on change."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.kit.style import THEMES

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

SEED = WIDGETS["neurons_1d"].params["seed"]
ROLE = {1: "positive", -1: "negative", 0: "zero"}


def roles(signs):
    return [ROLE[int(s)] for s in signs]


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/neurons_1d.html")
    wait_for_figure(page.main_frame)
    return page


def assert_lines(page, layer: nt.Layer, level):
    """Every line is cut where its neuron crosses its level, each piece with its own sign there."""
    lines = model(page, "lines", "data")
    expected = []
    for k in range(layer.m):
        one = nt.Layer(layer.weights[k:k + 1], layer.biases[k:k + 1] - level[k])
        expected += [(f"Neuron {k + 1}", r.interval, ROLE[int(r.signs[0])])
                     for r in nt.partition_1d(one).regions]
    assert len(lines["xs"]) == len(expected)
    for name, xs, ys, role, (want_name, interval, want_role) in zip(
            lines["name"], lines["xs"], lines["ys"], lines["role"], expected, strict=True):
        assert (name, role) == (want_name, want_role)
        assert xs == pytest.approx(list(interval))
        k = int(name.split()[1]) - 1
        np.testing.assert_allclose(ys, layer.weights[k, 0] * np.array(xs) + layer.biases[k])


def test_first_picture_is_the_seeded_layer(widget):
    layer = nt.random_layer(8, 1, seed=SEED)
    assert_lines(widget, layer, np.zeros(8))
    assert model(widget, "dots", "data.role") == roles(np.sign(layer([0.5])))
    assert model(widget, "plot", "title.text") == "8 neurons reading one input"


@pytest.mark.parametrize("x", [0.0, 0.3, 0.55, 0.7, 1.0])
def test_live_input_puts_a_dot_on_every_line(widget, x):
    layer = nt.random_layer(8, 1, seed=SEED)
    set_value(widget, "live", "value", x)
    outputs = layer([x])
    assert model(widget, "dots", "data.role") == roles(np.sign(outputs))
    np.testing.assert_allclose(model(widget, "dots", "data.y"), outputs)
    positive = int((outputs > 0).sum())
    assert model(widget, "readout", "text") == f"Live input F = {x:.2f}: {positive} of 8 neurons positive"
    # The lines do not follow the input: each keeps its own sign piece by piece.
    assert_lines(widget, layer, np.zeros(8))


def test_high_output_mode_uses_the_95_percent_quantiles(widget):
    layer = nt.random_layer(8, 1, seed=SEED)
    t = nt.quantile_thresholds(layer, (0.0, 1.0), q=0.95)
    set_value(widget, "mode", "active", 1)
    set_value(widget, "live", "value", 0.97)
    assert_lines(widget, layer, t)
    assert model(widget, "dots", "data.role") == roles(np.sign(layer([0.97]) - t))
    bars = np.concatenate([layer([0.3]) - t, layer([0.7]) - t])
    assert model(widget, "bars", "data.role") == roles(np.sign(bars))
    np.testing.assert_allclose(model(widget, "bars", "data.level"), np.concatenate([t, t]))
    assert "95% quantile" in model(widget, "legend", "items[0].label.value")
    assert model(widget, "marks_legend", "visible") is True
    set_value(widget, "mode", "active", 0)
    assert model(widget, "legend", "items[0].label.value") == "positive (A > 0)"
    assert model(widget, "marks_legend", "visible") is False


@pytest.mark.parametrize("seed, m", [(5, 12), (19, 1), (3, 16)])
def test_seed_and_m_redraw_the_layer(widget, seed, m):
    layer = nt.random_layer(m, 1, seed=seed)
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    assert_lines(widget, layer, np.zeros(m))
    heights = model(widget, "bars", "data.output")
    np.testing.assert_allclose(heights, np.concatenate([layer([0.3]), layer([0.7])]))
    assert len(model(widget, "bar_range", "factors")) == 2 * m
    assert model(widget, "plot", "title.text") == f"{m} neuron{'s' if m > 1 else ''} reading one input"
    # The inputs' names sit in a strip below every line: 10% of the range or more.
    ends = np.concatenate([layer.biases, layer.weights[:, 0] + layer.biases, [0.0]])
    start, end = model(widget, "y_range", "start"), model(widget, "y_range", "end")
    assert ends.max() < end and ends.min() - start >= 0.1 * (end - start)


def test_moving_the_input_repaints_the_canvas_and_keeps_the_range(widget):
    before = widget.screenshot()
    start = model(widget, "y_range", "start")
    set_value(widget, "live", "value", 0.9)
    widget.wait_for_timeout(200)
    assert widget.screenshot() != before
    assert model(widget, "y_range", "start") == start


def test_keyboard_moves_the_live_input(widget):
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    widget.keyboard.press("ArrowRight")
    widget.keyboard.press("ArrowRight")
    assert model(widget, "live", "value") == pytest.approx(0.52)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_plot_and_signs_by_role(widget):
    dark = THEMES["dark"]
    assert model(widget, "plot", "background_fill_color") == dark["background"]
    palette = widget.evaluate("Bokeh.documents[0].get_model_by_name('plot').renderers.find("
                              "(r) => r.data_source.name === 'lines').glyph.line_color.transform.palette")
    assert palette == [dark["positive"], dark["negative"], dark["zero"]]
