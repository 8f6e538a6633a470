"""``regions_2d``: the exact partition of the input square by the boundary lines of ``m`` neurons.

The figure of page 5 and of Home: every region as its exact polygon, coloured by its number of
positive neurons (or one neuron's sign); a live input the reader drags, and the line and neuron
that flip when it crosses a boundary. The page holds only the seed table of weights and biases
(``random_layer`` is prefix-stable: ``m`` neurons are the first ``m`` rows); the browser
partitions in partition2d.js, which mirrors ``partition_2d``, and regions_2d.js mirrors ``state``.
"""

from __future__ import annotations

from math import comb

import numpy as np
from bokeh import models as bm
from bokeh.events import Pan, PanStart, Tap
from bokeh.layouts import column, row

from ..layer import Layer, random_layer
from ..partition import Region, partition_2d
from ..thresholds import quantile_thresholds
from .kit import style
from .kit.geometry import clip_line
from .kit.params import Param, Params

BOX = ((0.0, 1.0), (0.0, 1.0))
MODES = ["sign", "high output (95% quantile)"]
VIEWS = ["colour: count positive", "colour: one neuron"]
# Regions are coloured by their number of positive neurons on style.RAMP. Two neighbouring
# regions differ in exactly one neuron, so their counts differ by one and their colours differ.
RAMP = style.RAMP
# Rows of controls wrap onto a second line on a narrow screen instead of overflowing it.
WRAP = {"flex-wrap": "wrap", "row-gap": "6px"}
WEIGHT_BOUND = 4.0  # the editing sliders' range: every seeded weight and bias lies inside
# Up to this many neurons the page carries the first partition; beyond, the browser draws it
# at load (a widget's HTML stays under 150 KB: 64 neurons make over a thousand polygons).
EMBEDDED_M = 16


def layer_table(seeds: int, max_m: int) -> dict:
    """Weights ``(seeds, max_m, 2)`` and biases ``(seeds, max_m)`` of ``random_layer(max_m, 2, s)``."""
    layers = [random_layer(max_m, 2, seed) for seed in range(seeds)]
    return {key: np.stack([getattr(layer, key) for layer in layers]) for key in ("weights", "biases")}


def table_layer(table: dict, seed: int, m: int, edits: dict | None = None) -> Layer:
    """The first ``m`` neurons of the seed's layer, with ``edits`` {k: (w1, w2, b)} applied."""
    weights, biases = np.array(table["weights"][seed, :m]), np.array(table["biases"][seed, :m])
    for k, (w1, w2, b) in (edits or {}).items():
        weights[k], biases[k] = (w1, w2), b
    return Layer(weights, biases)


def centroid(polygon: np.ndarray) -> np.ndarray:
    """Area centroid of a convex polygon ``(k, 2)``: where a region's label goes."""
    x, y = polygon.T
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - y * xn
    return np.array([((x + xn) * cross).sum(), ((y + yn) * cross).sum()]) / (3 * cross.sum())


def region_pair(partition, k: int):
    """Region 1 and Region 2: neighbours across neuron ``k``'s line, ``k`` negative in the first.

    Patterns that differ in ``k`` alone share a stretch of its line (the segment between them
    crosses no other). Of those pairs, the one whose smaller region is largest, or None."""
    signs = partition.signs
    flipped = signs.copy()
    flipped[:, k] = -1
    positive = {flipped[j].tobytes(): j for j in np.flatnonzero(signs[:, k] == 1)}
    pairs = [(i, positive[r.tobytes()]) for i, r in enumerate(signs) if r[k] < 0 and r.tobytes() in positive]
    sizes = [region.size for region in partition.regions]
    return max(pairs, key=lambda pair: min(sizes[pair[0]], sizes[pair[1]]), default=None)


def key_html(most: int, high: bool, chosen: int | None = None) -> str:
    """The colour key over the square: the count ramp, or the chosen neuron's two colours. HTML, not a
    Bokeh legend the canvas would measure on every redraw; the page's CSS variables follow its scheme."""
    word = ("high", "not high") if high else ("positive", "negative")
    swatch = '<span style="display:inline-block;width:{};height:12px;background:{}"></span>'
    if chosen is not None:
        return " &nbsp; ".join(f"{swatch.format('12px', f'var(--nt-{key})')} Neuron {chosen + 1} {w}"
                               for key, w in zip(("positive", "negative"), word, strict=True))
    edges = [f"{100 * c / (most + 1):.2f}%" for c in range(most + 2)]
    stops = [f"{RAMP[min(255, 256 * c // most)]} {edges[c]} {edges[c + 1]}" for c in range(most + 1)]
    bar = swatch.format("160px", f"linear-gradient(to right, {', '.join(stops)})")
    return f'colour = number of {word[0]} neurons: <span style="white-space:nowrap">0 {bar} {most}</span>'


def _sign_colour(sign, colours) -> str:
    return colours["positive"] if sign > 0 else colours["negative"] if sign < 0 else colours["zero"]


def state(layer: Layer, high: bool = False, chosen: int = 0, point=None, q: float = 0.95,
          scheme: str = "light") -> dict:
    """Source data and texts, the live input at ``point`` (Region 1's centre): regions_2d.js's mirror."""
    m = layer.m
    level = quantile_thresholds(layer, BOX, q) if high else np.zeros(m)
    part = partition_2d(layer.shifted(level), BOX)
    colours = style.SIGN_COLOURS[scheme]
    signs = part.signs
    regions = {
        "xs": [r.polygon[:, 0].tolist() for r in part.regions],
        "ys": [r.polygon[:, 1].tolist() for r in part.regions],
        "pattern": [r.pattern for r in part.regions],
        "count": (signs > 0).sum(axis=1).tolist(),
        "colour": [_sign_colour(s, colours) for s in signs[:, chosen]],
        "region": list(range(1, len(part) + 1)),
    }
    segments = [(k + 1, clip_line(layer.weights[k], layer.biases[k] - level[k])) for k in range(m)]
    segments = [(k, ends) for k, ends in segments if ends is not None]
    lines = {"xs": [e[0] for _, e in segments], "ys": [e[1] for _, e in segments],
             "neuron": [k for k, _ in segments]}
    pair = region_pair(part, chosen)
    spots = [] if pair is None else [centroid(part.regions[i].polygon).tolist() for i in pair]
    # Labels lean towards the middle of the square (they stay inside it) and sit above the
    # higher region's centre and below the lower one's (close neighbours' labels never overlap).
    higher = [s[1] > o[1] or (s[1] == o[1] and i == 0)
              for i, (s, o) in enumerate(zip(spots, spots[::-1], strict=True))]
    labels = {"x": [s[0] for s in spots], "y": [s[1] for s in spots],
              "text": ["Region 1", "Region 2"][: len(spots)],
              "align": ["left" if s[0] < 0.5 else "right" for s in spots],
              "baseline": ["bottom" if up else "top" for up in higher],
              "offset": [9 if up else -9 for up in higher]}
    if point is None:
        point = spots[0] if spots else (0.5, 0.5)
    x, y = float(point[0]), float(point[1])
    outputs = layer([[x, y]])[0]
    live = np.sign(outputs - level)
    bars = {"x": list(range(1, m + 1)), "output": outputs.tolist(), "level": level.tolist(),
            "colour": [_sign_colour(s, colours) for s in live], "flipped": [0] * m}
    corners = layer([[0, 0], [1, 0], [1, 1], [0, 1]])
    lo, hi = min(corners.min(), 0.0), max(corners.max(), 0.0)
    margin = 0.05 * (hi - lo) or 1.0
    word = "high" if high else "positive"
    where = part.locate(np.array([[x, y]]))[0]
    named = f", in Region {pair.index(where) + 1}" if pair is not None and where in pair else ""
    readout = (f"Input F = ({x:.2f}, {y:.2f}){named}: sign pattern <b>{Region(signs=live).pattern}</b>, "
               f"{int((live > 0).sum())} of {m} neurons {word}.")
    return {
        "regions": regions, "lines": lines, "labels": labels, "point": {"x": [x], "y": [y]}, "bars": bars,
        "neurons": {"w1": layer.weights[:, 0].tolist(), "w2": layer.weights[:, 1].tolist(),
                    "b": layer.biases.tolist(), "t": level.tolist()},
        "count": (f"<b>{len(part)}</b> region{'s' if len(part) != 1 else ''} inside the square. {m} "
                  f"line{'s' if m != 1 else ''} cut the whole plane into at most 1 + {m} + {comb(m, 2)} "
                  f"= <b>{1 + m + comb(m, 2)}</b>."),
        "readout": readout, "most": int(signs.clip(0).sum(axis=1).max()), "partition": part,
        # The bar chart's range: every output over the square (a plane's extremes are at the
        # corners) and 0, with a margin. It changes with the layer, not with the input.
        "extent": (float(lo - margin), float(hi + margin)),
    }


SEEDS, MAX_M, Q = 20, 64, 0.95   # the seed table, and the quantile of "high output"
SETTINGS = Params(Param("mode", "Boundaries", 0, choices=tuple(MODES)),
                  Param("view", "Colour", 0, choices=tuple(VIEWS)),
                  Param("seed", "Seed", 6, 0, SEEDS - 1, 1),
                  Param("m", "Neurons m", 8, 1, MAX_M, 1))


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    seed, m, seeds, max_m, q = values["seed"], values["m"], SEEDS, MAX_M, Q
    table = layer_table(seeds, max_m)
    first = state(table_layer(table, seed, m), q=q)
    names = ("regions", "lines", "labels", "point", "bars", "neurons")
    sources = {key: bm.ColumnDataSource(first[key], name=key) for key in names}
    if m > EMBEDDED_M:
        sources["regions"].data = {key: [] for key in first["regions"]}
    more = {"neuron_regions": {key: [] for key in first["regions"]}, "crossed": {"xs": [], "ys": []},
            "chosen_line": {"xs": first["lines"]["xs"][:1], "ys": first["lines"]["ys"][:1]}}
    sources.update({key: bm.ColumnDataSource(data, name=key) for key, data in more.items()})
    models = _region_plot(sources, max(first["most"], 1))
    models.update(_bar_plot(sources, m, first["extent"]))
    style.furnish(models["plot"], models["bar_plot"])

    mode, view = (SETTINGS[key].control(values[key]) for key in ("mode", "view"))
    sliders = {"f1": ("Input F1", 0, 1, 0.01, first["point"]["x"][0]),
               "f2": ("Input F2", 0, 1, 0.01, first["point"]["y"][0]),
               }
    for key, label in (("w1", "its weight w1"), ("w2", "its weight w2"), ("b", "its bias b")):
        sliders[key] = (label, -WEIGHT_BOUND, WEIGHT_BOUND, 0.01, first["neurons"][key][0])
    sliders = {key: bm.Slider(title=title, start=start, end=end, step=step, value=value, name=key,
                           sizing_mode="stretch_width")
               for key, (title, start, end, step, value) in sliders.items()}
    sliders.update({key: SETTINGS[key].control(values[key]) for key in ("seed", "m")})
    chosen = bm.Select(title="Chosen neuron", value="1", name="chosen", width=180,
                    options=[(str(k), f"Neuron {k}") for k in range(1, m + 1)])
    readout = bm.Div(text=first["readout"], name="readout", sizing_mode="stretch_width")
    count = bm.Div(text=first["count"], name="count", sizing_mode="stretch_width")
    key = bm.Div(text=key_html(max(first["most"], 1), False), name="key", sizing_mode="stretch_width")
    style.controls(mode, view, *sliders.values(), chosen, readout, count, key)

    update = bm.CustomJS(args=dict(weights=table["weights"], biases=table["biases"], q=q,
                                colours=style.SIGN_COLOURS, mode=mode, view=view, chosen=chosen,
                                readout=readout, count=count, key=key, palette=RAMP, **models,
                                **sources, **sliders),
                      code=style.script("regions_2d"))
    for slider in sliders.values():
        slider.js_on_change("value", update)
    mode.js_on_change("active", update)
    view.js_on_change("active", update)
    chosen.js_on_change("value", update)
    # The plot's first layout calls the code too: its first draw in the browser.
    models["plot"].js_on_change("inner_width", update)
    models["plot"].js_on_change("inner_height", update)
    for event in (Tap, PanStart, Pan):
        models["plot"].js_on_event(event, update)

    return column(
        row(mode, view, sizing_mode="stretch_width", styles=WRAP),
        key,
        models["plot"],
        count,
        row(sliders["f1"], sliders["f2"], sizing_mode="stretch_width"),
        readout,
        models["bar_plot"],
        row(sliders["seed"], sliders["m"], sizing_mode="stretch_width"),
        row(chosen, sliders["w1"], sizing_mode="stretch_width"),
        row(sliders["w2"], sliders["b"], sizing_mode="stretch_width"),
        sizing_mode="stretch_width",
        name="regions_2d",
    )


def _region_plot(sources: dict, most: int) -> dict:
    """The square with its regions, boundary lines, Region 1 and 2 and the live input."""
    light = style.THEMES["light"]
    mapper = bm.LinearColorMapper(palette=RAMP, low=0, high=most, name="mapper")
    # The ranges keep the square square; regions_2d.js refits them when the plot changes size.
    plot = style.figure(title="Regions of the input square", height=470,
                        x_range=bm.Range1d(-0.25, 1.25), y_range=bm.Range1d(0, 1), name="plot",
                        x_axis_label="input F1", y_axis_label="input F2")
    plot.grid.visible = False
    plot.axis.bounds = (0, 1)  # no ticks beside the square when the plot is wider than tall
    # Everything that a control redraws sits on the overlay level, the top layer of the canvas:
    # a redraw repaints that layer only, not the axes and title under it.
    top = {"level": "overlay"}
    by_pattern = plot.patches("xs", "ys", source=sources["regions"], line_color=None, name="by_pattern",
                              fill_color={"field": "count", "transform": mapper}, **top)
    by_neuron = plot.patches("xs", "ys", source=sources["neuron_regions"], line_color=None,
                             fill_color="colour", visible=False, name="by_neuron", **top)
    line = {"line_color": light["text"], **top}
    plot.multi_line("xs", "ys", source=sources["lines"], line_alpha=0.7, line_width=1.2, **line)
    plot.multi_line("xs", "ys", source=sources["chosen_line"], line_width=2.5, line_dash="dashed", **line)
    plot.multi_line("xs", "ys", source=sources["crossed"], line_width=9, line_color=light["background"],
                    **top)
    plot.multi_line("xs", "ys", source=sources["crossed"], line_width=4, **line)
    plot.add_layout(bm.LabelSet(x="x", y="y", text="text", source=sources["labels"], text_align="align",
                                text_baseline="baseline", y_offset="offset", text_font_size="13px",
                                text_font_style="bold", text_color=light["text"], name="region_labels",
                                background_fill_color=light["background"], background_fill_alpha=0.8,
                                **top))
    plot.scatter("x", "y", source=sources["point"], size=14, fill_color=light["background"],
                 line_width=3, **line)
    # Every neuron's output at a region's centre is worked out only when the reader hovers.
    outputs = bm.CustomJSHover(args={"regions": sources["regions"], "neurons": sources["neurons"]},
                               code=HOVER_CALL)
    hover = bm.HoverTool(renderers=[by_pattern, by_neuron], formatters={"@region": outputs},
                         tooltips=TOOLTIP, name="hover")
    plot.add_tools(hover)
    return {"plot": plot, "mapper": mapper, "by_pattern": by_pattern, "by_neuron": by_neuron,
            "hover": hover}


def _bar_plot(sources: dict, m: int, extent) -> dict:
    """Every neuron's output at the live input, with its threshold in "high output" mode."""
    light = style.THEMES["light"]
    bar_plot = style.figure(title="Every neuron's output A at the input", height=200, name="bar_plot",
                            x_range=bm.Range1d(0.4, m + 0.6, name="bar_range"), x_axis_label="neuron",
                            y_range=bm.Range1d(*extent, name="bar_y"), y_axis_label="output A")
    bars = {"source": sources["bars"], "level": "overlay", "line_color": light["text"]}
    bar_plot.vbar(x="x", top="output", width=0.8, fill_color="colour", line_width="flipped", **bars)
    marks = bar_plot.scatter(x="x", y="level", marker="dash", size=12, line_width=2, visible=False,
                             name="marks", **bars)
    bar_plot.xgrid.grid_line_color = None
    bar_plot.xaxis.ticker = bm.AdaptiveTicker(min_interval=1, desired_num_ticks=10)  # whole neurons
    return {"bar_plot": bar_plot, "bar_range": bar_plot.x_range, "bar_y": bar_plot.y_range, "marks": marks}


# A CustomJSHover cannot import: regions_2d.js hands it nt/partition.js's outputs_text.
HOVER_CALL = "return globalThis.nt_outputs_text?.(regions.data.xs[special_vars.index], " \
             "regions.data.ys[special_vars.index], neurons.data) ?? \"\""
TOOLTIP = """<div style="max-width: 330px; font-size: 12px; line-height: 1.4">
  sign pattern <b style="font-family: monospace; word-break: break-all">@pattern</b><br>
  @count neurons positive here<br>outputs at the region's centre:<br>
  <span style="white-space: pre; font-family: monospace; font-size: 11px">@region{outputs}</span></div>"""
