"""``partition_1d``: the boundary points of m neurons cut the input line into regions.

The figure of page 3, on the same seeded layer as ``neurons_1d``. Above, the guide
lines ``A = w_k F + b_k``, each coloured by sign on both sides of its boundary;
below, the input line cut at every boundary point into at most ``m + 1`` regions,
one column per region and one row per neuron, so each column spells the region's
sign pattern and each row carries its neuron's on/off arrow. The reader picks an
input (slider or click), edits one neuron's ``w`` and ``b``, hides the guide lines,
and switches to "high output". partition_1d.js recomputes it all, mirroring
``neuron_tutorial.partition_1d`` through layer_1d.js.
"""

from __future__ import annotations

import math

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import (
    BoxAnnotation,
    Button,
    CheckboxGroup,
    ColumnDataSource,
    CustomJS,
    DataRange1d,
    Div,
    FixedTicker,
    HoverTool,
    Range1d,
    Select,
    Slider,
    Span,
)

from ..layer import Layer
from ..partition import RELATIVE_TOLERANCE, partition_1d
from .kit import layer_1d, style
from .kit.text import fmt, signed

ROW = 24           # pixels per row of the region chart
NARROW = 0.03      # regions narrower than this (in input units) carry no text: it would overlap


def _formula(w: float, b: float) -> str:
    """style.js's ``formula``: ``1.20·F − 0.35``."""
    return f"{fmt(w)}·F {signed(b)}"


def state(layer: Layer, live: float, high: bool, scheme: str = "light") -> dict:
    """Everything the figure draws for one layer and input: the Python side of partition_1d.js."""
    theme = style.THEMES[scheme]
    colour = {1: theme["positive"], -1: theme["negative"], 0: theme["zero"]}
    w, b, m = layer.weights[:, 0], layer.biases, layer.m
    level = layer_1d.levels(layer, high)
    shifted = layer.shifted(level)
    p = partition_1d(shifted, layer_1d.INTERVAL)
    here = int(p.locate([[live]])[0])
    on = p.regions[here].signs > 0
    lo, hi = layer_1d.INTERVAL
    tol = RELATIVE_TOLERANCE * (hi - lo)  # as partition_1d: which roots became breakpoints
    roots = [float(-shifted.biases[k] / w[k]) if w[k] != 0 else math.nan for k in range(m)]
    inside = [not math.isnan(r) and lo + tol < r < hi - tol for r in roots]

    lines = {key: [] for key in ("xs", "ys", "colour", "width", "alpha", "name", "formula")}
    for k in range(m):
        if inside[k]:
            cuts = [(lo, roots[k], -np.sign(w[k])), (roots[k], hi, np.sign(w[k]))]
        else:
            cuts = [(lo, hi, p.regions[0].signs[k])]
        for start, end, sign in cuts:
            lines["xs"].append([start, end])
            lines["ys"].append([float(w[k] * start + b[k]), float(w[k] * end + b[k])])
            lines["colour"].append(colour[int(sign)])
            lines["width"].append(3.5 if on[k] else 1.5)
            lines["alpha"].append(1.0 if on[k] else 0.35)
            lines["name"].append(f"Neuron {k + 1}")
            lines["formula"].append(_formula(w[k], b[k]))
    crossings = {"x": [roots[k] for k in range(m) if inside[k]],
                 "y": [float(level[k]) for k in range(m) if inside[k]]}

    regions = {key: [] for key in ("lo", "hi", "mid", "width", "pattern", "fill", "label",
                                   "text_alpha")}
    cells = {key: [] for key in ("mid", "width", "row", "colour", "symbol", "text_alpha", "pattern",
                                 "region", "span")}
    for i, region in enumerate(p.regions):
        a, c = region.interval
        wide = 1.0 if c - a >= NARROW else 0.0
        regions["lo"].append(a)
        regions["hi"].append(c)
        regions["mid"].append(0.5 * (a + c))
        regions["width"].append(c - a)
        regions["pattern"].append(region.pattern)
        regions["fill"].append(theme["grid"] if i % 2 else theme["background"])
        regions["label"].append(str(i + 1))
        regions["text_alpha"].append(wide)
        for k, sign in enumerate(region.signs):
            cells["mid"].append(0.5 * (a + c))
            cells["width"].append(c - a)
            cells["row"].append(k + 1)
            cells["colour"].append(colour[int(sign)])
            cells["symbol"].append(region.pattern[k])
            cells["text_alpha"].append(wide)
            cells["pattern"].append(region.pattern)
            cells["region"].append(str(i + 1))
            cells["span"].append(f"{fmt(a)} < F < {fmt(c)}")
    arrows = {"x": [roots[k] for k in range(m) if inside[k]],
              "y": [k + 1 for k in range(m) if inside[k]],
              "angle": [-math.pi / 2 if w[k] > 0 else math.pi / 2 for k in range(m) if inside[k]]}

    word = "high" if high else "positive"
    listed = ", ".join(str(k + 1) for k in range(m) if on[k]) or "none"
    a, c = p.regions[here].interval
    return {
        "lines": lines, "crossings": crossings, "regions": regions, "cells": cells, "arrows": arrows,
        "breakpoints": {"x": p.breakpoints.tolist()},
        "selected": (a, c),
        "title": f"{len(p)} region{'s' if len(p) != 1 else ''} (at most m + 1 = {m + 1})",
        "readout": (f"Input F = {fmt(live)} is in region {here + 1} of {len(p)}, {fmt(a)} &lt; F "
                    f"&lt; {fmt(c)}, sign pattern <b>{p.regions[here].pattern}</b>. "
                    f"Neurons {word} there: {listed}."),
    }


def describe_neuron(layer: Layer, k: int, high: bool) -> str:
    """The editor's read-out: neuron ``k``'s formula, its boundary and what happens there."""
    w, b = float(layer.weights[k, 0]), float(layer.biases[k])
    level = float(layer_1d.levels(layer, high)[k])
    text = f"Neuron {k + 1}: A = {_formula(w, b)}. "
    if w == 0:
        return text + "w = 0: it is constant, with no boundary."
    root = -(b - level) / w
    where = "" if 0 < root < 1 else ", outside [0, 1]"
    turn = "turns on (w &gt; 0)" if w > 0 else "turns off (w &lt; 0)"
    return text + f"Boundary x* = {fmt(root)}{where}: going right, it {turn} there."


SETTINGS = layer_1d.settings(seed=1, m=8, live=0.5, live_label="Input F")


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    seed, m, live = values["seed"], values["m"], values["live"]
    table = layer_1d.layer_table(layer_1d.SEEDS, layer_1d.MAX_M)
    layer = layer_1d.seeded_layer(table, seed, m)
    now = state(layer, live, high=False)
    light = style.THEMES["light"]
    sources = {name: ColumnDataSource(now[name], name=name)
               for name in ("lines", "crossings", "regions", "cells", "arrows", "breakpoints")}
    edited = ColumnDataSource({"w": layer.weights[:, 0].tolist(), "b": layer.biases.tolist()},
                              name="layer")

    lines_range = DataRange1d(name="y_range")
    plot = style.figure(title="Guide lines and boundary points", height=300,
                        x_range=Range1d(0, 1, name="x_range"), y_range=lines_range,
                        x_axis_label="input F", y_axis_label="output A", name="plot", min_border_left=70)
    plot.quad(left="lo", right="hi", bottom=-1e3, top=1e3, source=sources["regions"],
              fill_color="fill", fill_alpha=0.6, line_color=None)
    here = BoxAnnotation(left=now["selected"][0], right=now["selected"][1], fill_color=light["muted"],
                         fill_alpha=0.15, line_color=None, name="here")
    plot.add_layout(here)
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    guide = plot.multi_line("xs", "ys", source=sources["lines"], line_color="colour",
                            line_width="width", line_alpha="alpha")
    lines_range.renderers = [guide]
    plot.scatter("x", "y", source=sources["crossings"], size=8, fill_color=light["background"],
                 line_color=light["text"], line_width=1.5)
    live_span = Span(location=live, dimension="height", line_color=light["text"], line_width=2)
    plot.add_layout(live_span)
    plot.add_tools(HoverTool(renderers=[guide], tooltips="@name: A = @formula"))

    chart = style.figure(title=now["title"], height=_chart_height(m), x_range=plot.x_range,
                         y_range=Range1d(m + 0.6, -0.6, name="rows"), x_axis_label="input F",
                         y_axis_label="neuron", name="chart", min_border_left=70)
    chart.rect("mid", 0, width="width", height=0.84, source=sources["regions"], fill_color="fill",
               line_color=light["grid"])
    chart.text("mid", 0, text="label", source=sources["regions"], text_alpha="text_alpha",
               text_font_size="12px", text_align="center", text_baseline="middle",
               text_color=light["muted"])
    cells = chart.rect("mid", "row", width="width", height=0.84, source=sources["cells"],
                       fill_color="colour", fill_alpha=0.85, line_color=light["background"])
    # The sign as a symbol too, so the pattern reads without telling colours apart.
    chart.text("mid", "row", text="symbol", source=sources["cells"], text_alpha="text_alpha",
               text_font_size="15px", text_font_style="bold", text_align="center",
               text_baseline="middle", text_color=light["background"])
    chart.scatter("x", "y", source=sources["arrows"], marker="triangle", angle="angle", size=13,
                  fill_color=light["text"], line_color=light["background"], line_width=1.5)
    chart_here = BoxAnnotation(left=now["selected"][0], right=now["selected"][1], fill_alpha=0,
                               line_color=light["text"], line_alpha=1, line_width=2.5,
                               name="chart_here")
    chart.add_layout(chart_here)
    chart.add_tools(HoverTool(renderers=[cells], tooltips="Region @region (@span): @pattern"))
    chart.yaxis.ticker = FixedTicker(ticks=list(range(m + 1)), name="row_ticks")
    chart.yaxis.major_label_overrides = _row_labels(m)
    chart.ygrid.grid_line_color = None
    legend = layer_1d.sign_legend(chart)
    style.furnish(plot, chart)

    mode, seed_slider, m_slider = (SETTINGS[key].control(values[key]) for key in ("mode", "seed", "m"))
    live_slider = SETTINGS["live"].control(live)
    guides = CheckboxGroup(labels=["show the guide lines"], active=[0], name="guides")
    limit = math.ceil(max(3.0, *(abs(v) for key in ("weights", "biases") for s in table[key] for v in s)))
    neuron = Select(title="Edit one neuron", options=_names(m), value="Neuron 1", name="neuron",
                    width=150)
    weight, bias = (Slider(title=f"its {word}", start=-limit, end=limit, step=0.01, value=float(value),
                           name=name, sizing_mode="stretch_width", format="0.00")
                    for word, name, value in [("weight w", "weight", layer.weights[0, 0]),
                                              ("bias b", "bias", layer.biases[0])])
    reset = Button(label="Reset to the seed", name="reset", width=150, align="end")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    about = Div(text=describe_neuron(layer, 0, False), name="about", sizing_mode="stretch_width")
    style.controls(mode, live_slider, guides, seed_slider, m_slider, neuron, weight, bias, reset,
                   readout, about)

    update = CustomJS(
        args=dict(table=table, layer=edited, **sources, mode=mode, live=live_slider, guides=guides,
                  seed=seed_slider, m=m_slider, neuron=neuron, weight=weight, bias=bias,
                  readout=readout, about=about, plot=plot, chart=chart, legend=legend, here_box=here,
                  chart_here=chart_here, live_span=live_span, rows=chart.y_range,
                  row_ticks=chart.yaxis[0].ticker, row_axis=chart.yaxis[0], colours=style.SIGN_COLOURS,
                  themes=style.THEMES, narrow=NARROW, row_height=ROW),
        code=style.script("partition_1d"),
    )
    for control in (live_slider, seed_slider, m_slider, weight, bias, neuron):
        control.js_on_change("value", update)
    mode.js_on_change("active", update)
    guides.js_on_change("active", update)
    reset.js_on_event("button_click", update)
    for figure in (plot, chart):
        figure.js_on_event("tap", update)

    return column(
        mode,
        row(live_slider, guides, sizing_mode="stretch_width"),
        plot,
        chart,
        readout,
        row(neuron, reset, sizing_mode="stretch_width"),
        row(weight, bias, sizing_mode="stretch_width"),
        about,
        row(seed_slider, m_slider, sizing_mode="stretch_width"),
        sizing_mode="stretch_width",
        name="partition_1d",
    )


def _names(m: int) -> list[str]:
    return [f"Neuron {k + 1}" for k in range(m)]


def _row_labels(m: int) -> dict:
    """Tick labels of the region chart: the regions' row, then one row per neuron."""
    return {0: "region", **{k: str(k) for k in range(1, m + 1)}}


def _chart_height(m: int) -> int:
    """Rows keep their height as m changes; the frame adds title, legend and axis."""
    return 120 + ROW * (m + 1)
