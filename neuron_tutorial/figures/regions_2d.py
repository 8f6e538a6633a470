"""``regions_2d``: the exact partition of the input square by the boundary lines of ``m`` neurons.

The figure of page 5 and of Home: every region as its exact polygon, coloured by its number of
positive neurons (or one neuron's sign); a live input the reader drags, and the line and neuron
that flip when it crosses a boundary. The page holds only the seed table of weights and biases
(``random_layer`` is prefix-stable: ``m`` neurons are the first ``m`` rows) and empty sources:
regions_2d.js draws every picture, the first one included, with nt/partition.js (which
mirrors ``partition_2d``) and nt/thresholds.js (``quantile_thresholds``).
"""

from __future__ import annotations

import numpy as np
from bokeh import models as bm
from bokeh.events import Pan, PanEnd, PanStart, Tap
from bokeh.layouts import column, row

from ..layer import random_layer
from .kit import style
from .kit.params import Param, Params

MODES = ("sign", "high output", "both lines")
VIEWS = ("colour: count positive", "colour: one neuron")
SEEDS, MAX_M, Q = 20, 64, 0.95   # the seed table, and the quantile of "high output"
WEIGHT_BOUND = 4.0  # the editing sliders' range: every seeded weight and bias lies inside
SETTINGS = Params(Param("mode", "Boundaries", 0, choices=MODES),
                  Param("view", "Colour", 0, choices=VIEWS),
                  Param("seed", "Seed", 6, 0, SEEDS - 1, 1),
                  Param("m", "Neurons m", 8, 1, MAX_M, 1))
SIGNS = ("positive", "negative", "zero")
# Regions are coloured by their number of positive neurons on style.RAMP. Two neighbouring
# regions differ in exactly one neuron, so their counts differ by one and their colours differ.
RAMP = style.RAMP
# Rows of controls wrap onto a second line on a narrow screen instead of overflowing it.
WRAP = {"flex-wrap": "wrap", "row-gap": "6px"}
# Each text keeps room for its longest (at m = 64, "not high", two neurons flipped, measured at
# the panel's fixed width): no control changes the figure's height, on a phone either, where
# the panel sits under the plots. Lines of 1.45em: the key 2, the count 3, the read-out 7.
TEXTS = {key: {"min-height": f"{1.45 * lines:.2f}em", "line-height": "1.45"}
         for key, lines in (("key", 2), ("count", 3), ("readout", 7))}
PANEL = 270
# Both plots' left border, fixed: BokehJS aligns the two frames, and a border that grew with the
# bar chart's tick labels ("-1.5" is 3 px wider than "-10") moved the square's width and so its
# height when m or an edit changed the outputs' range. With ticks at least 0.1 apart
# (BAR_TICK) no label is wider than "-1.5", which needs 61 px.
LEFT, BAR_TICK = 64, 0.1
# The plot's height that makes its frame square at its widest (max_width 520: a 444-px frame),
# as regions_2d.js's fit() sets it: on a desktop the first draw then changes no size, and
# BokehJS does not lay the figure out a second time (about 80 ms of its first draw). Should the
# title, axes or legend change, read plot.height after the first draw in a 1000-px window again.
FIT_HEIGHT = 571
COLUMNS = {
    "regions": ("xs", "ys", "pattern", "count", "region"),
    "neuron_regions": ("xs", "ys", "role"),
    "lines": ("xs", "ys", "neuron"), "high_lines": ("xs", "ys"), "chosen_line": ("xs", "ys"),
    "crossed": ("xs", "ys"), "labels": ("x", "y", "text"), "point": ("x", "y"),
    "bars": ("x", "output", "level", "role", "flipped"), "neurons": ("w1", "w2", "b", "t"),
}


def layer_table(seeds: int, max_m: int) -> dict:
    """Weights ``(seeds, max_m, 2)`` and biases ``(seeds, max_m)`` of ``random_layer(max_m, 2, s)``."""
    layers = [random_layer(max_m, 2, seed) for seed in range(seeds)]
    return {key: np.stack([getattr(layer, key) for layer in layers]) for key in ("weights", "biases")}


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    table = layer_table(SEEDS, MAX_M)
    sources = {key: bm.ColumnDataSource({c: [] for c in cols}, name=key) for key, cols in COLUMNS.items()}
    models = _region_plot(sources)
    models.update(_bar_plot(sources))
    style.furnish(models["plot"], models["bar_plot"])
    # Nothing here is ever selected or muted: no copies of each glyph for that (page size).
    for renderer in models["plot"].renderers + models["bar_plot"].renderers:
        renderer.update(nonselection_glyph="auto", muted_glyph="auto")

    controls = {key: SETTINGS[key].control(values[key]) for key in ("mode", "view", "seed", "m")}
    # The input and the chosen neuron's sliders start anywhere: the first draw sets them.
    specs = {"f1": ("Input F1", 0, 1, 0.01), "f2": ("Input F2", 0, 1, 0.01),
             **{key: (label, -WEIGHT_BOUND, WEIGHT_BOUND, 0.01)
                for key, label in (("w1", "its weight w1"), ("w2", "its weight w2"), ("b", "its bias b"))}}
    for key, (title, start, end, step) in specs.items():
        controls[key] = bm.Slider(title=title, start=start, end=end, step=step, value=0.5 * (start + end),
                                  name=key, sizing_mode="stretch_width")
    # Its options are the layer's neurons: the first draw lists them.
    controls["chosen"] = bm.Select(title="Chosen neuron", value="1", name="chosen", width=112,
                                   options=[("1", "Neuron 1")])
    controls["snap"] = bm.Button(label="Snap to a crossing", name="snap",
                                 sizing_mode="stretch_width", align="end")
    texts = {key: bm.Div(text="", name=key, sizing_mode="stretch_width", styles=styles)
             for key, styles in TEXTS.items()}
    style.controls(*controls.values(), *texts.values())

    update = style.draw_on_load(bm.CustomJS(
        args=dict(weights=table["weights"], biases=table["biases"], q=Q,
                  **models, **sources, **controls, **texts),
        code=style.script("regions_2d")))
    for key, control in controls.items():
        if key == "snap":
            control.js_on_event("button_click", update)
        else:
            control.js_on_change("active" if key in ("mode", "view") else "value", update)
    models["plot"].js_on_change("inner_width", update)
    for event in (Tap, PanStart, Pan, PanEnd):
        models["plot"].js_on_event(event, update)

    plots = column(models["plot"], models["bar_plot"], sizing_mode="stretch_width",
                   min_width=280, max_width=520)
    panel = column(row(controls["mode"], styles=WRAP), row(controls["view"], styles=WRAP), texts["key"],
                   texts["count"], row(controls["f1"], controls["f2"], sizing_mode="stretch_width"),
                   texts["readout"], row(controls["seed"], controls["m"], sizing_mode="stretch_width"),
                   row(controls["chosen"], controls["snap"], sizing_mode="stretch_width"),
                   controls["w1"], controls["w2"], controls["b"],
                   sizing_mode="stretch_width", min_width=PANEL, max_width=PANEL)
    # flex-start: beside a taller panel the plots keep their own height (no stretch, no jump).
    return row(plots, panel, styles={"flex-wrap": "wrap", "gap": "8px 16px", "align-items": "flex-start"},
               sizing_mode="stretch_width", name="regions_2d")


def _region_plot(sources: dict) -> dict:
    """The square with its regions, boundary lines, Region 1 and 2 and the live input.

    The ranges are the square itself; regions_2d.js sets the height that makes the frame
    square at the plot's width, so the frame hugs the data at every width."""
    light = style.THEMES["light"]
    mapper = bm.LinearColorMapper(palette=RAMP, low=0, high=1, name="mapper")
    plot = style.figure(title="Regions of the input square", height=FIT_HEIGHT, min_border_right=12,
                        min_border_left=LEFT,
                        x_range=bm.Range1d(0, 1), y_range=bm.Range1d(0, 1), name="plot",
                        x_axis_label="input F1", y_axis_label="input F2")
    plot.grid.visible = False
    # Everything that a control redraws sits on the overlay level, the top layer of the canvas:
    # a redraw repaints that layer only, not the axes, title and legend under it (their repaint
    # costs more than the regions' up to m = 16 or so).
    top = {"level": "overlay"}
    by_pattern = plot.patches("xs", "ys", source=sources["regions"], line_color=None, name="by_pattern",
                              fill_color={"field": "count", "transform": mapper}, **top)
    by_neuron = plot.patches("xs", "ys", source=sources["neuron_regions"], line_color=None, visible=False,
                             fill_color=style.by_role("role", SIGNS), name="by_neuron", **top)
    looks = {"lines": {"line_alpha": 0.7, "line_width": 1.2},
             "high": {"line_width": 1.6, "line_dash": [6, 4]}, "chosen": {"line_width": 3.5}}
    line = {"line_color": light["text"]}
    for key, source in (("lines", "lines"), ("high", "high_lines"), ("chosen", "chosen_line")):
        plot.multi_line("xs", "ys", source=sources[source], **looks[key], **line, **top)
    plot.multi_line("xs", "ys", source=sources["crossed"], line_width=9, line_color=light["background"],
                    **top)
    plot.multi_line("xs", "ys", source=sources["crossed"], line_width=4, **line, **top)
    plot.add_layout(bm.LabelSet(x="x", y="y", text="text", source=sources["labels"], text_align="center",
                                text_baseline="middle", text_font_size="13px", text_font_style="bold",
                                text_color=light["text"], name="region_labels",
                                background_fill_color=light["background"], background_fill_alpha=0.85,
                                **top))
    dot = {"size": 14, "fill_color": light["background"], "line_width": 3, **line}
    plot.scatter("x", "y", source=sources["point"], **dot, **top)
    # The legend draws twins of the glyphs on a source that never changes: a legend re-renders
    # every entry whenever anything its renderers reach changes, i.e. on every new source data.
    # Bare renderers (no selection or hover copies of the glyph): the page stays under 100 KB.
    sample = bm.ColumnDataSource({"xs": [[np.nan]], "ys": [[np.nan]]})
    twins = [bm.GlyphRenderer(data_source=sample, glyph=bm.MultiLine(xs="xs", ys="ys", **looks[key], **line))
             for key in ("lines", "high", "chosen")]
    twins.append(bm.GlyphRenderer(data_source=sample, glyph=bm.Scatter(x=np.nan, y=np.nan, **dot)))
    plot.renderers.extend(twins)
    legend = style.legend([("boundary A = 0", twins[0]), ("high-output line A = t", twins[1]),
                           ("chosen neuron", twins[2]), ("input F", twins[3])],
                          name="legend", ncols=2, spacing=14, label_standoff=6, glyph_width=22,
                          label_text_font_size="12px")
    plot.add_layout(legend, "below")
    # Every neuron's output at a region's centre is worked out only when the reader hovers.
    outputs = bm.CustomJSHover(args={"regions": sources["regions"], "neurons": sources["neurons"]},
                               code=HOVER_CALL)
    hover = bm.HoverTool(renderers=[by_pattern, by_neuron], formatters={"@region": outputs},
                         tooltips=TOOLTIP, name="hover")
    plot.add_tools(hover)
    return {"plot": plot, "mapper": mapper, "by_pattern": by_pattern, "by_neuron": by_neuron,
            "hover": hover, "legend": legend}


def _bar_plot(sources: dict) -> dict:
    """Every neuron's output at the live input, with its threshold in "high output" mode."""
    light = style.THEMES["light"]
    bar_plot = style.figure(title="Outputs A at the input", height=210, name="bar_plot",
                            x_range=bm.Range1d(0.4, 8.6, name="bar_range"), x_axis_label="neuron",
                            y_range=bm.Range1d(-1, 1, name="bar_y"), y_axis_label="output A",
                            min_border_right=12, min_border_left=LEFT)
    bars = {"source": sources["bars"], "level": "overlay", "line_color": light["text"]}
    bar_plot.vbar(x="x", top="output", width=0.8, fill_color=style.by_role("role", SIGNS),
                          line_width="flipped", **bars)
    marks = bar_plot.scatter(x="x", y="level", marker="dash", size=12, line_width=2, visible=False,
                             name="marks", **bars)
    # Legend samples, one per role (NaN: never drawn); the "0" entry shows only while a
    # constant neuron with bias 0 is among the bars (regions_2d.js).
    sample = bar_plot.scatter("x", "x", source=bm.ColumnDataSource({"x": [np.nan] * 3, "role": list(SIGNS)}),
                              marker="square", size=12, line_color=None,
                              fill_color=style.by_role("role", SIGNS))
    words = ("positive", "negative", "0 everywhere")
    items = [bm.LegendItem(label=word, renderers=[sample], index=i, name=f"bar_{role}",
                           visible=role != "zero")
             for i, (role, word) in enumerate(zip(SIGNS, words, strict=True))]
    legend = bm.Legend(items=items, orientation="horizontal", border_line_color=None, margin=0, padding=2,
                       spacing=14, label_standoff=6, glyph_width=14, label_text_font_size="12px",
                       name="bar_legend")
    bar_plot.add_layout(legend, "above")
    bar_plot.xgrid.grid_line_color = None
    bar_plot.xaxis.ticker = bm.AdaptiveTicker(min_interval=1, desired_num_ticks=10)  # whole neurons
    bar_plot.yaxis.ticker = bm.BasicTicker(min_interval=BAR_TICK, name="bar_ticks")
    return {"bar_plot": bar_plot, "bar_range": bar_plot.x_range, "bar_y": bar_plot.y_range, "marks": marks,
            "bar_legend": legend}


# A CustomJSHover cannot import: regions_2d.js hands it nt/partition.js's outputs_text.
HOVER_CALL = "return globalThis.nt_outputs_text?.(regions.data.xs[special_vars.index], " \
             "regions.data.ys[special_vars.index], neurons.data) ?? \"\""
TOOLTIP = """<div style="max-width: 330px; font-size: 12px; line-height: 1.4">
  sign pattern <b style="font-family: monospace; word-break: break-all">@pattern</b><br>
  @count neurons positive here<br>outputs at the region's centre:<br>
  <span style="white-space: pre; font-family: monospace; font-size: 11px">@region{outputs}</span></div>"""
