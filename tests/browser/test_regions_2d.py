"""regions_2d in Chromium: the JS draws every picture, the first included; each is checked
against floor 1 (partition_2d, quantile_thresholds, the layer's outputs). The library it
draws with is tested in Node (tests/js)."""

from __future__ import annotations

from collections import Counter
from math import comb

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures.kit.style import THEMES

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


def layer_of(seed=SEED, m=8, edits=None):
    """The first m neurons of the seed's layer with edits {k: (w1, w2, b)}: what the figure shows."""
    layer = nt.random_layer(64, 2, seed)
    weights, biases = layer.weights[:m].copy(), layer.biases[:m].copy()
    for k, (w1, w2, b) in (edits or {}).items():
        weights[k], biases[k] = (w1, w2), b
    return nt.Layer(weights, biases)


def shifted(layer, high):
    return layer.shifted(nt.quantile_thresholds(layer, BOX)) if high else layer


def figure_patterns(page):
    return Counter(model(page, "regions", "data.pattern"))


def expected_patterns(layer, high=False):
    return Counter(r.pattern for r in nt.partition_2d(shifted(layer, high), BOX).regions)


def input_of(page):
    return model(page, "f1", "value"), model(page, "f2", "value")


def assert_regions_named(page, layer, k=0, high=False):
    """Region 1 and 2 lie across neuron k's line, k negative in Region 1; each name inside its
    region, one of them the input's region or the pair nearest to it."""
    part = nt.partition_2d(shifted(layer, high), BOX)
    labels = model(page, "labels", "data")
    assert labels["text"] == ["Region 1", "Region 2"]
    first, second = (part.regions[i].signs for i in part.locate(np.c_[labels["x"], labels["y"]]))
    assert first[k] == -1 and second[k] == 1 and np.flatnonzero(first != second).tolist() == [k]


def test_first_draw_is_the_seeded_partition(widget):
    layer = layer_of()
    assert figure_patterns(widget) == expected_patterns(layer)
    count = model(widget, "count", "text")
    assert count.startswith(f"<b>{len(nt.partition_2d(layer, BOX))}</b> regions") and "= <b>37</b>" in count
    assert_regions_named(widget, layer)
    # The input starts in Region 1, and the read-out says so.
    part = nt.partition_2d(layer, BOX)
    at = part.regions[part.locate([input_of(widget)])[0]].signs
    assert at[0] == -1 and "in Region 1" in model(widget, "readout", "text")
    np.testing.assert_allclose(model(widget, "bars", "data.output"), layer([input_of(widget)])[0])
    assert "number of positive neurons" in model(widget, "key", "text")


# Every control, and the states with the longest texts and the widest tick labels (m = 64,
# "not high", a tap across many lines, a neuron edited to nearly constant outputs).
EVERY_CONTROL = [("m", "value", 20), ("f1", "value", 0.03), ("f2", "value", 0.03), ("tap", 0.97, 0.97),
                 ("m", "value", 64), ("tap", 0.03, 0.5), ("mode", "active", 1), ("tap", 0.5, 0.5),
                 ("f1", "value", 0.55), ("chosen", "value", "64"), ("view", "active", 1),
                 ("mode", "active", 2), ("seed", "value", 3), ("m", "value", 1), ("w1", "value", 0.0),
                 ("w2", "value", 0.0), ("b", "value", 0.01), ("view", "active", 0), ("mode", "active", 0),
                 ("b", "value", -3.9), ("w1", "value", 3.9), ("m", "value", 9), ("snap", None, None)]
LAYOUT = """() => {
  const doc = Bokeh.documents[0], root = Object.values(Bokeh.index)[0]
  const plot = doc.get_model_by_name('plot'), view = root.owner.get_one(plot)
  return {height: plot.height, inner: [plot.inner_width, plot.inner_height], left: view.frame.bbox.left,
          figure: root.el.getBoundingClientRect().height}
}"""


@pytest.mark.parametrize("width", [1000, 390])
def test_the_frame_hugs_the_square_and_no_control_moves_the_height(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}widgets/regions_2d.html")
    wait_for_figure(page.main_frame)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    ranges = [model(page, "plot", f"{axis}_range.{end}") for axis in "xy" for end in ("start", "end")]
    assert ranges == [0, 1, 0, 1]
    before = page.evaluate(LAYOUT)
    assert before["inner"][0] == pytest.approx(before["inner"][1], abs=1)
    for name, attribute, value in EVERY_CONTROL:
        if name == "tap":
            page.mouse.click(*page.evaluate(PIXEL, [attribute, value]))
        elif name == "snap":
            page.locator(".bk-btn", has_text="Snap to a crossing").click()
        else:
            set_value(page, name, attribute, value)
        settle(page)
        page.wait_for_timeout(50)
        assert page.evaluate(LAYOUT) == before, (name, attribute, value)


@pytest.mark.parametrize("seed, m", [(3, 12), (19, 1), (4, 64), (0, 33)])
def test_seed_and_m_redraw_the_partition(widget, seed, m):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    settle(widget)
    layer = layer_of(seed, m)
    assert figure_patterns(widget) == expected_patterns(layer)
    regions = len(nt.partition_2d(layer, BOX))
    assert model(widget, "count", "text").startswith(f"<b>{regions}</b> region")
    assert f"= <b>{1 + m + comb(m, 2)}</b>" in model(widget, "count", "text")
    assert len(model(widget, "chosen", "options")) == m
    assert model(widget, "bar_range", "end") == m + 0.6


def test_high_output_mode_partitions_the_shifted_layer(widget):
    layer = layer_of()
    set_value(widget, "mode", "active", 1)
    settle(widget)
    assert figure_patterns(widget) == expected_patterns(layer, high=True)
    np.testing.assert_allclose(model(widget, "bars", "data.level"), nt.quantile_thresholds(layer, BOX))
    assert model(widget, "marks", "visible") is True
    assert "number of high neurons" in model(widget, "key", "text")
    assert model(widget, "snap", "disabled") is True
    set_value(widget, "mode", "active", 0)
    settle(widget)
    assert figure_patterns(widget) == expected_patterns(layer)


def test_both_lines_keeps_the_sign_regions_and_adds_the_threshold_lines(widget):
    layer = layer_of()
    set_value(widget, "mode", "active", 2)
    settle(widget)
    assert figure_patterns(widget) == expected_patterns(layer)
    t = nt.quantile_thresholds(layer, BOX)
    xs, ys = model(widget, "high_lines", "data.xs"), model(widget, "high_lines", "data.ys")
    assert len(xs) >= 1
    for x, y in zip(xs, ys, strict=True):
        # Each dashed segment lies on one neuron's line A = t.
        outputs = layer(np.c_[x, y]) - t
        assert np.isclose(outputs, 0, atol=1e-9).all(axis=0).any()
    assert model(widget, "legend", "items[1].visible") is True


@pytest.mark.parametrize("high", [False, True])
def test_editing_a_neuron_recomputes_the_partition_exactly(widget, high):
    set_value(widget, "mode", "active", int(high))
    set_value(widget, "m", "value", 16)
    set_value(widget, "chosen", "value", "3")
    settle(widget)
    for w1, w2, b in [(0.5, -1.0, 0.2), (-2.0, 0.3, 0.9), (0.0, 0.0, -0.4), (1.0, 1.0, -1.0)]:
        for name, value in (("w1", w1), ("w2", w2), ("b", b)):
            set_value(widget, name, "value", value)
        settle(widget)
        layer = layer_of(SEED, 16, {2: (w1, w2, b)})
        assert figure_patterns(widget) == expected_patterns(layer, high)
        np.testing.assert_allclose(model(widget, "neurons", "data.w1"), layer.weights[:, 0])
    # Choosing another neuron shows its own values; the edit stays.
    set_value(widget, "chosen", "value", "1")
    settle(widget)
    assert model(widget, "w1", "value") == layer_of(m=1).weights[0, 0]
    assert figure_patterns(widget) == expected_patterns(layer, high)


def test_snapping_the_chosen_line_through_a_crossing_loses_a_region(widget):
    before = len(nt.partition_2d(layer_of(), BOX))
    widget.locator(".bk-btn", has_text="Snap to a crossing").click()
    settle(widget)
    b = model(widget, "b", "value")
    layer = layer_of(edits={0: (*layer_of().weights[0], b)})
    assert figure_patterns(widget) == expected_patterns(layer)
    assert sum(figure_patterns(widget).values()) == before - 1


def test_dragging_the_chosen_line_moves_it(widget):
    layer = layer_of()
    (x0, x1), (y0, y1) = (model(widget, "chosen_line", f"data.{c}")[0] for c in ("xs", "ys"))
    start = widget.evaluate(PIXEL, [0.5 * (x0 + x1), 0.5 * (y0 + y1)])
    widget.mouse.move(*start)
    widget.mouse.down()
    widget.mouse.move(start[0] - 25, start[1], steps=8)
    widget.mouse.up()
    settle(widget)
    b = model(widget, "b", "value")
    assert b != layer.biases[0] and model(widget, "w1", "value") == layer.weights[0, 0]
    assert figure_patterns(widget) == expected_patterns(layer_of(edits={0: (*layer.weights[0], b)}))


def test_chosen_neuron_colours_labels_and_view(widget):
    layer = layer_of()
    set_value(widget, "chosen", "value", "4")
    set_value(widget, "view", "active", 1)
    settle(widget)
    assert model(widget, "by_neuron", "visible") and not model(widget, "by_pattern", "visible")
    for pattern, role in zip(model(widget, "regions", "data.pattern"),
                             model(widget, "neuron_regions", "data.role"), strict=True):
        assert role == ("positive" if pattern[3] == "+" else "negative")
    key = model(widget, "key", "text")
    assert "Neuron 4 positive" in key and "var(--nt-negative)" in key
    assert_regions_named(widget, layer, k=3)
    assert len(model(widget, "chosen_line", "data.xs")) == 1
    set_value(widget, "view", "active", 0)
    assert model(widget, "by_pattern", "visible") and not model(widget, "by_neuron", "visible")


def test_dragging_the_input_from_region_1_to_region_2_turns_neuron_1_positive(widget):
    layer = layer_of()
    part = nt.partition_2d(layer, BOX)
    here = part.regions[part.locate([input_of(widget)])[0]].signs.copy()
    here[0] = 1
    target = next(r.point for r in part.regions if (r.signs == here).all())
    widget.mouse.move(*widget.evaluate(PIXEL, list(input_of(widget))))
    widget.mouse.down()
    widget.mouse.move(*widget.evaluate(PIXEL, target.tolist()), steps=15)
    widget.mouse.up()
    settle(widget)
    x, y = input_of(widget)
    assert (x, y) == pytest.approx(tuple(target), abs=0.01)
    readout = model(widget, "readout", "text")
    assert "in Region 2" in readout and "flipped <b>Neuron 1</b> (now positive)" in readout
    assert model(widget, "bars", "data.flipped") == [3] + [0] * 7
    crossed = np.c_[model(widget, "crossed", "data.xs")[0], model(widget, "crossed", "data.ys")[0]]
    np.testing.assert_allclose(layer(crossed)[:, 0], 0, atol=1e-12)
    np.testing.assert_allclose(model(widget, "bars", "data.output"), layer([[x, y]])[0])
    assert_regions_named(widget, layer)


def test_tapping_moves_the_input_and_the_sliders_move_it_back(widget):
    widget.mouse.click(*widget.evaluate(PIXEL, [0.1, 0.9]))
    settle(widget)
    assert input_of(widget) == pytest.approx((0.1, 0.9), abs=0.01)
    set_value(widget, "f1", "value", 0.5)
    set_value(widget, "f2", "value", 0.25)
    settle(widget)
    assert model(widget, "point", "data.x") == [0.5] and model(widget, "point", "data.y") == [0.25]
    assert model(widget, "readout", "text").startswith("Input F = (0.50, 0.25)")
    # The names follow the input: the pair across Neuron 1's line nearest to it (here in
    # regions large enough to hold their names).
    part = nt.partition_2d(layer_of(), BOX)
    x, y = np.round(max(part.regions, key=lambda r: r.size).point, 2)
    set_value(widget, "f1", "value", x)
    set_value(widget, "f2", "value", y)
    settle(widget)
    assert_regions_named(widget, layer_of())
    spots = np.c_[model(widget, "labels", "data.x"), model(widget, "labels", "data.y")]
    assert np.hypot(*(spots - [x, y]).T).min() < 0.3


def test_a_constant_neuron_has_a_legend_entry(widget):
    set_value(widget, "chosen", "value", "2")
    assert model(widget, "bar_legend", "items[2].visible") is False
    for name in ("w1", "w2", "b"):
        set_value(widget, name, "value", 0.0)
    settle(widget)
    assert model(widget, "bars", "data.role")[1] == "zero"
    assert model(widget, "bar_legend", "items[2].visible") is True


def test_hover_shows_the_sign_pattern_and_outputs(widget):
    widget.mouse.move(*widget.evaluate(PIXEL, [0.05, 0.05]))
    tooltip = widget.locator(".bk-tooltip-content").first
    tooltip.wait_for(state="visible")
    part = nt.partition_2d(layer_of(), BOX)
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
def test_dark_scheme_recolours_by_role(widget):
    set_value(widget, "view", "active", 1)
    set_value(widget, "seed", "value", 2)
    settle(widget)
    dark = THEMES["dark"]
    assert set(model(widget, "neuron_regions", "data.role")) <= {"positive", "negative"}
    palette = model(widget, "by_neuron", "glyph.fill_color.transform.palette")
    assert palette[:2] == [dark["positive"], dark["negative"]]
    assert model(widget, "plot", "background_fill_color") == dark["background"]
