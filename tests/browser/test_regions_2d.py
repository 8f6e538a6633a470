"""regions_2d in Chromium: every control redraws the exact partition (the library itself: tests/js).

The parity tests run the shared library itself on the same layers as Python; the widget
tests drive each control and compare the figure's data with floor 1.
"""

from __future__ import annotations

from collections import Counter
from math import comb

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, regions_2d
from neuron_tutorial.figures.kit.style import SIGN_COLOURS

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

BOX = ((0.0, 1.0), (0.0, 1.0))
SEED = WIDGETS["regions_2d"].params["seed"]

PIXEL = """([x, y]) => {
  const plot = Bokeh.documents[0].get_model_by_name('plot')
  const view = Object.values(Bokeh.index)[0].owner.get_one(plot)
  const box = view.canvas_view.el.getBoundingClientRect()
  return [box.left + view.frame.x_scale.compute(x), box.top + view.frame.y_scale.compute(y)]
}"""

SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/regions_2d.html")
    wait_for_figure(page.main_frame)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    return page


def settle(page):
    page.evaluate(SETTLE)


def figure_patterns(page):
    return Counter(model(page, "regions", "data.pattern"))


def expected_patterns(layer, high=False):
    shifted = layer.shifted(nt.quantile_thresholds(layer, BOX)) if high else layer
    return Counter(r.pattern for r in nt.partition_2d(shifted, BOX).regions)


def test_first_draw_is_the_seeded_partition(widget):
    layer = nt.random_layer(8, 2, SEED)
    first = regions_2d.state(layer)
    assert figure_patterns(widget) == expected_patterns(layer)
    assert model(widget, "count", "text") == first["count"]
    assert model(widget, "readout", "text") == first["readout"]
    assert model(widget, "key", "text") == regions_2d.key_html(first["most"], high=False)
    assert model(widget, "labels", "data.text") == ["Region 1", "Region 2"]
    np.testing.assert_allclose(model(widget, "labels", "data.x"), first["labels"]["x"])


@pytest.mark.parametrize("seed, m", [(3, 12), (19, 1), (4, 64), (0, 33)])
def test_seed_and_m_redraw_the_partition(widget, seed, m):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    settle(widget)
    layer = nt.random_layer(m, 2, seed)
    assert figure_patterns(widget) == expected_patterns(layer)
    regions = len(nt.partition_2d(layer, BOX))
    assert model(widget, "count", "text").startswith(f"<b>{regions}</b> region")
    assert f"= <b>{1 + m + comb(m, 2)}</b>" in model(widget, "count", "text")
    assert len(model(widget, "chosen", "options")) == m
    assert model(widget, "bar_range", "end") == m + 0.6


def test_high_output_mode_partitions_the_shifted_layer(widget):
    layer = nt.random_layer(8, 2, SEED)
    set_value(widget, "mode", "active", 1)
    settle(widget)
    assert figure_patterns(widget) == expected_patterns(layer, high=True)
    np.testing.assert_allclose(model(widget, "bars", "data.level"), nt.quantile_thresholds(layer, BOX))
    assert model(widget, "marks", "visible") is True
    assert "number of high neurons" in model(widget, "key", "text")
    set_value(widget, "mode", "active", 0)
    settle(widget)
    assert figure_patterns(widget) == expected_patterns(layer)


@pytest.mark.parametrize("high", [False, True])
def test_editing_a_neuron_recomputes_the_partition_exactly(widget, high):
    set_value(widget, "mode", "active", int(high))
    set_value(widget, "m", "value", 16)
    set_value(widget, "chosen", "value", "3")
    settle(widget)
    edits = {}
    for w1, w2, b in [(0.5, -1.0, 0.2), (-2.0, 0.3, 0.9), (0.0, 0.0, -0.4), (1.0, 1.0, -1.0)]:
        for name, value in (("w1", w1), ("w2", w2), ("b", b)):
            set_value(widget, name, "value", value)
        settle(widget)
        edits[2] = (w1, w2, b)
        layer = regions_2d.table_layer(regions_2d.layer_table(SEED + 1, 16), SEED, 16, edits)
        assert figure_patterns(widget) == expected_patterns(layer, high)
        np.testing.assert_allclose(model(widget, "neurons", "data.w1"), layer.weights[:, 0])
    # Choosing another neuron shows its own values; the edit stays.
    set_value(widget, "chosen", "value", "1")
    settle(widget)
    assert model(widget, "w1", "value") == nt.random_layer(1, 2, SEED).weights[0, 0]
    assert figure_patterns(widget) == expected_patterns(layer, high)


def test_chosen_neuron_colours_labels_and_view(widget):
    layer = nt.random_layer(8, 2, SEED)
    set_value(widget, "chosen", "value", "4")
    set_value(widget, "view", "active", 1)
    settle(widget)
    assert model(widget, "by_neuron", "visible") and not model(widget, "by_pattern", "visible")
    light = SIGN_COLOURS["light"]
    for pattern, colour in zip(model(widget, "regions", "data.pattern"),
                               model(widget, "neuron_regions", "data.colour"), strict=True):
        assert colour == (light["positive"] if pattern[3] == "+" else light["negative"])
    key = model(widget, "key", "text")
    assert "Neuron 4 positive" in key and "var(--nt-negative)" in key
    expected = regions_2d.state(layer, chosen=3)["labels"]
    np.testing.assert_allclose(model(widget, "labels", "data.x"), expected["x"])
    assert len(model(widget, "chosen_line", "data.xs")) == 1
    set_value(widget, "view", "active", 0)
    assert model(widget, "by_pattern", "visible") and not model(widget, "by_neuron", "visible")
    assert "number of positive neurons" in model(widget, "key", "text")


def test_dragging_the_input_from_region_1_to_region_2_turns_neuron_1_positive(widget):
    labels = regions_2d.state(nt.random_layer(8, 2, SEED))["labels"]
    start = widget.evaluate(PIXEL, [labels["x"][0], labels["y"][0]])
    end = widget.evaluate(PIXEL, [labels["x"][1], labels["y"][1]])
    widget.mouse.move(*start)
    widget.mouse.down()
    widget.mouse.move(*end, steps=15)
    widget.mouse.up()
    settle(widget)
    x, y = model(widget, "f1", "value"), model(widget, "f2", "value")
    assert (x, y) == pytest.approx((labels["x"][1], labels["y"][1]), abs=0.01)
    readout = model(widget, "readout", "text")
    assert ", in Region 2:" in readout and "flipped <b>Neuron 1</b> (now positive)" in readout
    assert model(widget, "bars", "data.flipped") == [3] + [0] * 7
    crossed = np.c_[model(widget, "crossed", "data.xs")[0], model(widget, "crossed", "data.ys")[0]]
    np.testing.assert_allclose(nt.random_layer(1, 2, SEED)(crossed)[:, 0], 0, atol=1e-12)
    outputs = nt.random_layer(8, 2, SEED)([[x, y]])[0]
    np.testing.assert_allclose(model(widget, "bars", "data.output"), outputs)


def test_tapping_moves_the_input_and_the_sliders_move_it_back(widget):
    widget.mouse.click(*widget.evaluate(PIXEL, [0.1, 0.9]))
    settle(widget)
    assert (model(widget, "f1", "value"), model(widget, "f2", "value")) == pytest.approx((0.1, 0.9), abs=0.01)
    set_value(widget, "f1", "value", 0.5)
    set_value(widget, "f2", "value", 0.25)
    settle(widget)
    assert model(widget, "point", "data.x") == [0.5] and model(widget, "point", "data.y") == [0.25]
    assert model(widget, "readout", "text").startswith("Input F = (0.50, 0.25)")


def test_hover_shows_the_sign_pattern_and_outputs(widget):
    widget.mouse.move(*widget.evaluate(PIXEL, [0.05, 0.05]))
    tooltip = widget.locator(".bk-tooltip-content").first
    tooltip.wait_for(state="visible")
    layer = nt.random_layer(8, 2, SEED)
    part = nt.partition_2d(layer, BOX)
    region = part.regions[part.locate([[0.05, 0.05]])[0]]
    assert region.pattern in tooltip.inner_text()
    assert "outputs at the region's centre" in tooltip.inner_text()


def test_keyboard_moves_the_input(widget):
    set_value(widget, "f1", "value", 0.5)
    widget.locator(".noUi-handle").first.focus()  # the first slider is Input F1
    widget.keyboard.press("ArrowRight")
    widget.keyboard.press("ArrowRight")
    settle(widget)
    assert model(widget, "f1", "value") == pytest.approx(0.52)
    assert model(widget, "point", "data.x") == [pytest.approx(0.52)]


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_the_one_neuron_view(widget):
    set_value(widget, "view", "active", 1)
    set_value(widget, "seed", "value", 2)
    settle(widget)
    dark = SIGN_COLOURS["dark"]
    assert set(model(widget, "neuron_regions", "data.colour")) <= {dark["positive"], dark["negative"]}
    assert model(widget, "plot", "background_fill_color") == "#1e2129"
