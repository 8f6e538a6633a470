"""partition_1d in Chromium: the JavaScript partition agrees with nt.partition_1d, controls work."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import partition_1d as fig
from neuron_tutorial.figures.kit.style import THEMES

from conftest import bokeh_model as model
from conftest import on_screen, show_figure, wait_for_figure
from conftest import set_bokeh as set_value

START = WIDGETS["partition_1d"].params


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/partition_1d.html")
    wait_for_figure(page.main_frame)
    return page


def edit(page, k: int, w: float | None = None, b: float | None = None):
    """Select neuron k (from 0) in the editor and set its weight and bias."""
    set_value(page, "neuron", "value", f"Neuron {k + 1}")
    if w is not None:
        set_value(page, "weight", "value", w)
    if b is not None:
        set_value(page, "bias", "value", b)


def layer_of(seed: int, m: int, edits: dict) -> nt.Layer:
    layer = nt.random_layer(m, 1, seed)
    w, b = layer.weights.copy(), layer.biases.copy()
    for k, (wk, bk) in edits.items():
        w[k, 0], b[k] = wk, bk
    return nt.Layer(w, b)


ROLE = {1: "positive", -1: "negative", 0: "zero"}


def level(layer: nt.Layer, high: bool) -> np.ndarray:
    return nt.quantile_thresholds(layer, (0.0, 1.0), q=0.95) if high else np.zeros(layer.m)


def assert_partition_agrees(page, layer: nt.Layer, high: bool):
    """The drawn sources against floor 1: the partition of the layer shifted by its levels."""
    np.testing.assert_array_equal(model(page, "layer", "data.w"), layer.weights[:, 0])
    np.testing.assert_array_equal(model(page, "layer", "data.b"), layer.biases)
    t = level(layer, high)
    p = nt.partition_1d(layer.shifted(t), (0.0, 1.0))
    assert model(page, "breakpoints", "data.x") == p.breakpoints.tolist()
    regions = model(page, "regions", "data")
    assert list(zip(regions["lo"], regions["hi"], strict=True)) == [r.interval for r in p.regions]
    assert regions["pattern"] == [r.pattern for r in p.regions]
    cells = model(page, "cells", "data")
    assert "".join(cells["symbol"]) == "".join(r.pattern for r in p.regions)
    assert cells["role"] == [ROLE[int(s)] for r in p.regions for s in r.signs]
    # Each guide line is cut where its neuron crosses its level, each piece with its own sign.
    lines = model(page, "lines", "data")
    expected = []
    for k in range(layer.m):
        one = nt.Layer(layer.weights[k:k + 1], layer.biases[k:k + 1] - t[k])
        expected += [(f"Neuron {k + 1}", r.interval, ROLE[int(r.signs[0])])
                     for r in nt.partition_1d(one).regions]
    assert list(zip(lines["name"], lines["role"], strict=True)) == [(n, r) for n, _, r in expected]
    for xs, ys, (name, interval, _) in zip(lines["xs"], lines["ys"], expected, strict=True):
        k = int(name.split()[1]) - 1
        assert xs == pytest.approx(list(interval), abs=1e-12)
        np.testing.assert_allclose(ys, layer.weights[k, 0] * np.array(xs) + layer.biases[k], atol=1e-12)
    arrows = model(page, "arrows", "data")
    assert len(arrows["x"]) == len(lines["xs"]) - layer.m
    for x, row, angle in zip(arrows["x"], arrows["y"], arrows["angle"], strict=True):
        w, b = layer.weights[row - 1, 0], layer.biases[row - 1]
        assert angle == (-np.pi / 2 if w > 0 else np.pi / 2)
        assert w * x + b - t[row - 1] == pytest.approx(0, abs=1e-12)
    live = model(page, "live", "value")
    here = p.regions[int(p.locate([[live]])[0])]
    word = "high-output pattern" if high else "sign pattern"
    assert f"{word} <b>{here.pattern}</b>" in model(page, "readout", "text")
    assert model(page, "chart", "title.text") == f"{len(p)} region{'s' if len(p) != 1 else ''} " \
        f"(at most m + 1 = {layer.m + 1})"


@pytest.mark.parametrize("seed, m", [(1, 8), (0, 8), (5, 12), (13, 3), (19, 1), (7, 16)])
@pytest.mark.parametrize("high", [False, True])
def test_javascript_partition_agrees_with_python_for_seeds(widget, seed, m, high):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    set_value(widget, "mode", "active", int(high))
    assert_partition_agrees(widget, layer_of(seed, m, {}), high)


@pytest.mark.parametrize("seed", [1, 4, 11])
@pytest.mark.parametrize("high", [False, True])
def test_javascript_partition_agrees_with_python_for_edited_neurons(widget, seed, high):
    set_value(widget, "seed", "value", seed)
    # A constant neuron, a breakpoint outside [0, 1], two neurons on one breakpoint, a flipped one.
    edits = {2: (0.0, 0.4), 4: (1.2, 0.5), 0: (-2.0, 1.0), 5: (2.0, -1.0), 6: (-0.8, 0.6)}
    for k, (w, b) in edits.items():
        edit(widget, k, w, b)
    set_value(widget, "mode", "active", int(high))
    set_value(widget, "live", "value", 0.62)
    layer = layer_of(seed, 8, edits)
    assert_partition_agrees(widget, layer, high)
    if not high:
        assert 0.5 in model(widget, "breakpoints", "data.x")    # neurons 1 and 6 share it
        assert "constant" not in model(widget, "about", "text")  # neuron 7 is selected last
        edit(widget, 2)
        assert "w = 0: it is constant" in model(widget, "about", "text")


def test_a_zero_neuron_shows_a_zero_in_the_pattern(widget):
    edit(widget, 3, 0.0, 0.0)
    layer = layer_of(START["seed"], 8, {3: (0.0, 0.0)})
    assert_partition_agrees(widget, layer, high=False)
    assert all(p[3] == "0" for p in model(widget, "regions", "data.pattern"))


def test_editing_a_neuron_moves_its_boundary_point(widget):
    before = model(widget, "breakpoints", "data.x")
    edit(widget, 0, b=0.2)                      # neuron 1: w < 0, so x* = 0.2 / |w|
    w = model(widget, "weight", "value")
    after = model(widget, "breakpoints", "data.x")
    assert -0.2 / w in after and len(after) == len(before)
    assert "turns off" in model(widget, "about", "text")
    set_value(widget, "weight", "value", 0.0)
    assert len(model(widget, "breakpoints", "data.x")) == len(before) - 1
    assert model(widget, "chart", "title.text").startswith(f"{len(before)} regions")
    widget.locator("button", has_text="Reset to the seed").click()
    widget.wait_for_function(f"Bokeh.documents[0].get_model_by_name('breakpoints').data.x.length"
                             f" === {len(before)}")
    assert model(widget, "breakpoints", "data.x") == before
    assert model(widget, "weight", "value") == nt.random_layer(8, 1, START["seed"]).weights[0, 0]


@pytest.mark.parametrize("x", [0.05, 0.3, 0.55, 0.99])
def test_input_highlights_the_neurons_positive_in_its_region(widget, x):
    set_value(widget, "live", "value", x)
    layer = layer_of(START["seed"], 8, {})
    positive = layer([[x]])[0] > 0
    p = nt.partition_1d(layer)
    region = p.regions[int(p.locate([[x]])[0])]
    assert model(widget, "chart_here", "left") == region.interval[0]
    assert model(widget, "chart_here", "right") == region.interval[1]
    widths = dict(zip(model(widget, "lines", "data.name"), model(widget, "lines", "data.width"),
                      strict=False))
    assert [widths[f"Neuron {k + 1}"] == 3.5 for k in range(8)] == positive.tolist()
    listed = ", ".join(str(k + 1) for k in np.flatnonzero(positive)) or "none"
    assert f"Neurons positive there: {listed}." in model(widget, "readout", "text")


def test_clicking_a_region_selects_it(widget):
    target = 0.3
    point = on_screen(widget, "chart", target, 4)
    widget.mouse.click(*point)
    widget.wait_for_function("Math.abs(Bokeh.documents[0].get_model_by_name('live').value - 0.3) < 0.01")
    p = nt.partition_1d(layer_of(START["seed"], 8, {}))
    region = p.regions[int(p.locate([[target]])[0])]
    assert model(widget, "chart_here", "left") <= target <= model(widget, "chart_here", "right")
    assert f"sign pattern <b>{region.pattern}</b>" in model(widget, "readout", "text")


def test_guide_lines_toggle_hides_and_shows_the_plot(widget):
    widget.get_by_label("show the guide lines").uncheck()
    widget.wait_for_function("!Bokeh.documents[0].get_model_by_name('plot').visible")
    assert model(widget, "chart", "visible") is True
    widget.get_by_label("show the guide lines").press("Space")  # the keyboard brings them back
    widget.wait_for_function("Bokeh.documents[0].get_model_by_name('plot').visible")


def test_m_resizes_the_rows_and_the_editor(widget):
    set_value(widget, "m", "value", 3)
    assert model(widget, "neuron", "options") == ["Neuron 1", "Neuron 2", "Neuron 3"]
    assert model(widget, "row_ticks", "ticks") == [0, 1, 2, 3]
    assert model(widget, "chart", "height") == fig.CHART_HEIGHT
    edit(widget, 2, 0.7, -0.35)
    set_value(widget, "m", "value", 2)              # the edited neuron goes: select the last one
    assert model(widget, "neuron", "value") == "Neuron 2"
    assert "m + 1 = 3" in model(widget, "chart", "title.text")


def test_keyboard_reaches_the_input_and_the_neuron_editor(widget):
    widget.locator(".noUi-handle").first.focus()   # the input F slider
    widget.keyboard.press("ArrowRight")
    assert model(widget, "live", "value") == pytest.approx(START.get("live", 0.5) + 0.01)
    widget.locator("select").focus()
    widget.keyboard.press("ArrowDown")
    widget.wait_for_function("Bokeh.documents[0].get_model_by_name('neuron').value === 'Neuron 2'")
    layer = nt.random_layer(8, 1, START["seed"])
    widget.wait_for_function(f"Bokeh.documents[0].get_model_by_name('weight').value === "
                             f"{float(layer.weights[1, 0])!r}")


def test_high_output_mode_relabels_the_legend(widget):
    set_value(widget, "mode", "active", 1)
    assert "95% quantile" in model(widget, "legend", "items[0].label.value")
    assert model(widget, "breakpoints", "data.x") == pytest.approx([0.05, 0.95])
    set_value(widget, "mode", "active", 0)
    assert model(widget, "legend", "items[0].label.value") == "positive (A > 0)"


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme_recolours_cells_and_bands_by_role(widget):
    dark = THEMES["dark"]
    mappers = widget.evaluate("""[...Bokeh.documents[0].all_models]
        .filter((m) => m.type === 'CategoricalColorMapper').map((m) => [m.factors, m.palette])""")
    assert [["positive", "negative", "zero"], [dark["positive"], dark["negative"], dark["zero"]]] in mappers
    assert [["background", "grid"], [dark["background"], dark["grid"]]] in mappers
    assert_partition_agrees(widget, layer_of(START["seed"], 8, {}), high=False)


def test_the_figure_keeps_its_height_as_m_and_the_input_change(widget):
    def height():
        return widget.evaluate("document.querySelector('[data-root-id]').getBoundingClientRect().height")
    before = height()
    for name, value in (("m", 16), ("live", 0.1), ("m", 1), ("live", 0.93), ("mode", 2), ("mode", 1)):
        set_value(widget, name, "active" if name == "mode" else "value", value)
        widget.wait_for_timeout(100)
        assert height() == before, f"{name} = {value}"


def test_both_boundaries_mode_shows_where_each_output_crosses_its_threshold(widget):
    set_value(widget, "mode", "active", 2)
    layer = layer_of(START["seed"], 8, {})
    assert_partition_agrees(widget, layer, high=False)   # the regions stay the sign regions
    t = level(layer, True)
    others = model(widget, "others", "data")
    expected = [(k, x) for k in range(8) for x in nt.partition_1d(
        nt.Layer(layer.weights[k:k + 1], layer.biases[k:k + 1] - t[k])).breakpoints]
    assert others["x"] == pytest.approx([x for _, x in expected])
    assert others["y"] == pytest.approx([t[k] for k, _ in expected])
    assert model(widget, "ticks", "data.y") == [k + 1 for k, _ in expected]
    live = model(widget, "live", "value")
    high = [k + 1 for k in range(8) if layer([[live]])[0, k] > t[k]]
    assert f"high there: {', '.join(map(str, high)) or 'none'}." in model(widget, "readout", "text")
    set_value(widget, "mode", "active", 0)
    assert model(widget, "others", "data.x") == []


def test_high_output_read_out_prints_the_formula_its_boundary_belongs_to(widget):
    set_value(widget, "mode", "active", 1)
    edit(widget, 0)
    layer = layer_of(START["seed"], 8, {})
    w, b = layer.weights[0, 0], layer.biases[0]
    t = level(layer, True)[0]
    text = model(widget, "about", "text")
    root = -(b - t) / w
    shifted = f"{b - t:+.2f}".replace("+", "+ ").replace("-", "\u2212 ")
    assert f"A \u2212 t = {w:.2f}".replace("-", "\u2212") + f"·F {shifted}" in text
    assert f"x* = {root:.2f}".replace("-", "\u2212") in text


def test_a_constant_neuron_at_zero_has_a_legend_entry(widget):
    assert widget.evaluate("Bokeh.documents[0].get_model_by_name('zero_item').visible") is False
    edit(widget, 3, 0.0, 0.0)
    assert widget.evaluate("Bokeh.documents[0].get_model_by_name('zero_item').visible") is True


@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_figure_fits_a_phone_alone_and_on_its_page(page, base_url, width):
    """Nothing of it sticks out sideways: neither the plots' least width nor the modes' buttons."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base_url}widgets/partition_1d.html")
    wait_for_figure(page.main_frame)
    overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    page.goto(f"{base_url}{WIDGETS['partition_1d'].page.removesuffix('.md')}/")
    frame = show_figure(page, page.locator("iframe.nt-widget").first)
    assert frame.evaluate("() => document.documentElement.clientWidth") < width - 20
    assert frame.evaluate(overflow) <= 0
