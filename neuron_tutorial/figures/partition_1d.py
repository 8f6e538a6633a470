"""``partition_1d``: the boundary points of m neurons cut the input line into regions.

The figure of page 3, on the same seeded layer as ``neurons_1d``. Above, the guide
lines ``A = w_k F + b_k``, each coloured by sign on both sides of its boundary;
below, the input line cut at every boundary point into at most ``m + 1`` regions,
one column per region and one row per neuron, so each column spells the region's
sign pattern and each row carries its neuron's on/off arrow. The reader picks an
input (slider or click), edits one neuron's ``w`` and ``b``, hides the guide lines,
and switches to "high output", or to both boundaries at once. The Python hands over
the seed table and empty sources; partition_1d.js draws, with nt/partition.js's
``partition_1d`` (the mirror of ``neuron_tutorial.partition_1d``) applied to the layer
shifted by its thresholds (0 in sign mode), like ``partition_1d(layer.shifted(t))``.
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
    Div,
    FixedTicker,
    HoverTool,
    InlineStyleSheet,
    LegendItem,
    Range1d,
    Select,
    Slider,
    Span,
)

from .kit import layer_1d, style

MODES = (*layer_1d.MODES, "both boundaries")
SETTINGS = layer_1d.settings(seed=1, m=8, live=0.5, live_label="Input F", modes=MODES)
# The figure keeps its height whatever m is: the rows of the chart share a fixed frame.
PLOT_HEIGHT, CHART_HEIGHT = 250, 330
SIDE = 240          # the controls' column beside the plots, where the width allows
PLOTS_MIN = 340     # the plots' least width beside that column
COLUMNS = {
    "lines": ("xs", "ys", "role", "width", "alpha", "name", "formula"),
    "crossings": ("x", "y"),
    "others": ("x", "y"),
    "ticks": ("x", "y"),
    "regions": ("lo", "hi", "mid", "width", "pattern", "fill", "label", "text_alpha"),
    "cells": ("mid", "width", "row", "role", "symbol", "text_alpha", "pattern", "region", "span"),
    "arrows": ("x", "y", "angle"),
    "breakpoints": ("x",),
}


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    table = layer_1d.layer_table(layer_1d.SEEDS, layer_1d.MAX_M)
    light = style.THEMES["light"]
    sources = {name: ColumnDataSource({c: [] for c in columns}, name=name)
               for name, columns in COLUMNS.items()}
    edited = ColumnDataSource({"w": [], "b": []}, name="layer")
    by_sign = style.by_role("role")
    stripes = style.by_role("fill", roles=("background", "grid"))

    plot = style.figure(title="Boundaries and guide lines", height=PLOT_HEIGHT,
                        x_range=Range1d(0, 1, name="x_range"), y_range=Range1d(-1, 1, name="y_range"),
                        x_axis_label="input F", y_axis_label="output A", name="plot",
                        min_border_left=60, min_border_right=14)
    plot.quad(left="lo", right="hi", bottom=-1e3, top=1e3, source=sources["regions"],
              fill_color=stripes, fill_alpha=0.6, line_color=None)
    here = BoxAnnotation(left=0, right=0, fill_color=light["muted"], fill_alpha=0.15, line_color=None,
                         name="here")
    plot.add_layout(here)
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    guide = plot.multi_line("xs", "ys", source=sources["lines"], line_color=by_sign,
                            line_width="width", line_alpha="alpha")
    ring = {"fill_color": light["background"], "line_color": light["text"], "line_width": 1.5}
    plot.scatter("x", "y", source=sources["crossings"], size=8, **ring)
    diamonds = plot.scatter("x", "y", source=sources["others"], size=10, marker="diamond", **ring)
    live_span = Span(location=values["live"], dimension="height", line_color=light["text"], line_width=2)
    plot.add_layout(live_span)
    plot.add_tools(HoverTool(renderers=[guide], tooltips="@name: A = @formula"))

    chart = style.figure(title=" ", height=CHART_HEIGHT, x_range=plot.x_range,
                         y_range=Range1d(9, -1, name="rows"), x_axis_label="input F",
                         y_axis_label="neuron", name="chart", min_border_left=60, min_border_right=14)
    chart.rect("mid", 0, width="width", height=0.84, source=sources["regions"], fill_color=stripes,
               line_color=light["grid"])
    labels = chart.text("mid", 0, text="label", source=sources["regions"], text_alpha="text_alpha",
                        text_font_size="11px", text_align="center", text_baseline="middle",
                        text_color=light["muted"])
    cells = chart.rect("mid", "row", width="width", height=0.84, source=sources["cells"],
                       fill_color=by_sign, line_color=light["background"])
    # The sign as a symbol too, so the pattern reads without telling colours apart.
    symbols = chart.text("mid", "row", text="symbol", source=sources["cells"], text_alpha="text_alpha",
                         text_font_size="14px", text_font_style="bold", text_align="center",
                         text_baseline="middle", text_color=light["background"])
    chart.scatter("x", "y", source=sources["arrows"], marker="triangle", angle="angle", size=11,
                  fill_color=light["text"], line_color=light["background"], line_width=1.5)
    ticks = chart.scatter("x", "y", source=sources["ticks"], marker="diamond", size=10, **ring)
    chart_here = BoxAnnotation(left=0, right=0, fill_alpha=0, line_color=light["text"], line_alpha=1,
                               line_width=2.5, name="chart_here")
    chart.add_layout(chart_here)
    chart.add_tools(HoverTool(renderers=[cells], tooltips="Region @region (@span): @pattern"))
    chart.yaxis.ticker = FixedTicker(ticks=[], name="row_ticks")
    chart.yaxis.major_label_overrides = {0: "region", **{k: str(k) for k in range(1, layer_1d.MAX_M + 1)}}
    chart.ygrid.grid_line_color = None
    legend = layer_1d.sign_legend(chart)
    zero = chart.rect([np.nan], [np.nan], width=1, height=1, fill_color=light["zero"], line_color=None)
    legend.items.append(LegendItem(label="zero (a constant neuron, A = 0)", renderers=[zero],
                                   visible=False, name="zero_item"))
    # The boundaries of the other kind, in "both boundaries" mode (rings are where A = 0).
    legend.items.append(LegendItem(label="A = t (its 95% quantile)", renderers=[ticks, diamonds],
                                   visible=False, name="other_item"))
    style.furnish(plot, chart)

    mode, seed_slider, m_slider = (SETTINGS[key].control(values[key]) for key in ("mode", "seed", "m"))
    live_slider = SETTINGS["live"].control(values["live"])
    guides = CheckboxGroup(labels=["show the guide lines"], active=[0], name="guides")
    limit = math.ceil(max(3.0, *(abs(v) for key in ("weights", "biases") for s in table[key] for v in s)))
    neuron = Select(title="Edit one neuron", options=["Neuron 1"], value="Neuron 1", name="neuron",
                    sizing_mode="stretch_width")
    weight, bias = (Slider(title=f"its {word}", start=-limit, end=limit, step=0.01, value=0.0, name=name,
                           sizing_mode="stretch_width", format="0.00")
                    for word, name in [("weight w", "weight"), ("bias b", "bias")])
    reset = Button(label="Reset to the seed", name="reset", sizing_mode="stretch_width")
    readout = Div(text="", name="readout", sizing_mode="stretch_width", styles={"min-height": "3em"})
    about = Div(text="", name="about", sizing_mode="stretch_width", styles={"min-height": "6em"})
    # The modes' labels wrap inside their buttons on a phone: on one line they need 324 px.
    mode.stylesheets = [*mode.stylesheets, InlineStyleSheet(css=".bk-btn { white-space: normal; }")]
    style.controls(mode, live_slider, guides, seed_slider, m_slider, neuron, weight, bias, reset,
                   readout, about)

    update = style.draw_on_load(CustomJS(
        args=dict(table=table, layer=edited, **sources, mode=mode, live=live_slider, guides=guides,
                  seed=seed_slider, m=m_slider, neuron=neuron, weight=weight, bias=bias,
                  readout=readout, about=about, plot=plot, chart=chart, legend=legend, here_box=here,
                  chart_here=chart_here, live_span=live_span, rows=chart.y_range, y_range=plot.y_range,
                  row_ticks=chart.yaxis[0].ticker, symbols=symbols.glyph,
                  labels=labels.glyph),
        code=style.script("partition_1d"),
    ))
    for control in (live_slider, seed_slider, m_slider, weight, bias, neuron):
        control.js_on_change("value", update)
    mode.js_on_change("active", update)
    guides.js_on_change("active", update)
    reset.js_on_event("button_click", update)
    chart.js_on_change("inner_width", update)
    for figure in (plot, chart):
        figure.js_on_event("tap", update)

    # Beside the plots where the width allows (the row wraps on a narrow screen). The plots keep
    # 340 px beside the controls, but no more than the screen has: a fixed min_width of 340 made
    # the figure wider than a 320-360 px phone's column.
    plots = column(plot, chart, readout, sizing_mode="stretch_width",
                   styles={"min-width": f"min({PLOTS_MIN}px, 100%)"})
    side = column(neuron, reset, weight, bias, about, seed_slider, m_slider, width=SIDE,
                  sizing_mode="stretch_width", max_width=SIDE, min_width=SIDE)
    return column(
        row(mode, guides, sizing_mode="stretch_width", styles={"flex-wrap": "wrap", "row-gap": "6px"}),
        live_slider,
        row(plots, side, sizing_mode="stretch_width", styles={"flex-wrap": "wrap", "gap": "12px"}),
        sizing_mode="stretch_width",
        name="partition_1d",
    )
