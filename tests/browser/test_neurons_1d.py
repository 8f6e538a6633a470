"""neurons_1d in Chromium: its controls change the figure exactly as the Python says."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.kit.style import SIGN_COLOURS

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

SEED = WIDGETS["neurons_1d"].params["seed"]
LIGHT = SIGN_COLOURS["light"]
DARK = SIGN_COLOURS["dark"]


def colours(signs, palette=LIGHT):
    return [palette["positive"] if s > 0 else palette["negative"] if s < 0 else palette["zero"]
            for s in signs]


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/neurons_1d.html")
    wait_for_figure(page.main_frame)
    return page


def test_initial_figure_is_the_seeded_layer(widget):
    layer = nt.random_layer(8, 1, seed=SEED)
    ys = np.array(model(widget, "lines", "data.ys"))
    np.testing.assert_allclose(ys[:, 0], layer.biases)
    np.testing.assert_allclose(ys[:, 1], layer.weights[:, 0] + layer.biases)
    assert model(widget, "lines", "data.colour") == colours(np.sign(layer([0.5])))


@pytest.mark.parametrize("x", [0.0, 0.3, 0.55, 0.7, 1.0])
def test_live_input_colours_every_line_by_its_sign(widget, x):
    layer = nt.random_layer(8, 1, seed=SEED)
    set_value(widget, "live", "value", x)
    outputs = layer([x])
    assert model(widget, "lines", "data.colour") == colours(np.sign(outputs))
    np.testing.assert_allclose(model(widget, "dots", "data.y"), outputs)
    positive = int((outputs > 0).sum())
    assert model(widget, "readout", "text") == f"Live input F = {x:.2f}: {positive} of 8 neurons positive"


def test_high_output_mode_uses_the_95_percent_quantiles(widget):
    layer = nt.random_layer(8, 1, seed=SEED)
    t = nt.quantile_thresholds(layer, (0.0, 1.0), q=0.95)
    set_value(widget, "mode", "active", 1)
    set_value(widget, "live", "value", 0.97)
    assert model(widget, "lines", "data.colour") == colours(np.sign(layer([0.97]) - t))
    bars = np.concatenate([layer([0.3]) - t, layer([0.7]) - t])
    assert model(widget, "bars", "data.colour") == colours(np.sign(bars))
    np.testing.assert_allclose(model(widget, "bars", "data.level"), np.concatenate([t, t]))
    assert "95% quantile" in model(widget, "legend", "items[0].label.value")
    set_value(widget, "mode", "active", 0)
    assert model(widget, "legend", "items[0].label.value") == "positive (A > 0)"


@pytest.mark.parametrize("seed, m", [(5, 12), (19, 1), (3, 16)])
def test_seed_and_m_redraw_the_layer(widget, seed, m):
    layer = nt.random_layer(m, 1, seed=seed)
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    ys = np.array(model(widget, "lines", "data.ys"))
    assert ys.shape == (m, 2)
    np.testing.assert_allclose(ys[:, 1] - ys[:, 0], layer.weights[:, 0])
    heights = model(widget, "bars", "data.output")
    np.testing.assert_allclose(heights, np.concatenate([layer([0.3]), layer([0.7])]))
    assert len(model(widget, "bar_range", "factors")) == 2 * m


def test_moving_the_input_repaints_the_canvas(widget):
    before = widget.screenshot()
    set_value(widget, "live", "value", 0.9)
    widget.wait_for_timeout(200)
    assert widget.screenshot() != before


def test_keyboard_moves_the_live_input(widget):
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    widget.keyboard.press("ArrowRight")
    widget.keyboard.press("ArrowRight")
    assert model(widget, "live", "value") == pytest.approx(0.52)


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_plot_and_signs(widget):
    layer = nt.random_layer(8, 1, seed=SEED)
    assert model(widget, "plot", "background_fill_color") == "#1e2129"
    assert model(widget, "lines", "data.colour") == colours(np.sign(layer([0.5])), DARK)
    set_value(widget, "live", "value", 0.3)
    assert model(widget, "lines", "data.colour") == colours(np.sign(layer([0.3])), DARK)
