"""``next_layer``: the exact regions of a 2 -> m -> m ReLU network, and one layer-2 reading.

The first figure of the page "Beyond one layer". Layer 1's boundaries are straight lines;
each layer-2 neuron reads layer 1's outputs through the ReLU, so its boundary is straight
inside every layer-1 region and bends where it crosses a layer-1 line. The reader picks a
layer-2 neuron (or a random direction of layer 2, before or after its ReLU) and sees its
zero set and its positive side. The page carries a seed table of standard normals; the
browser scales them into the network (``table_network``), partitions the square with
nt/network.js (the mirror of ``nt.partition_2d(net, box)``) and reads the direction on its
regions with nt/directions.js.
"""

from __future__ import annotations

import numpy as np
from bokeh import models as bm
from bokeh.layouts import column, row

from ..deep_partition import region_bounds
from ..directions import random_direction
from ..layer import Layer
from ..network import Network
from .kit import style
from .kit.params import Param, Params

BOX = ((-1.0, 1.0), (-1.0, 1.0))
MODES = ["a layer-2 neuron", "a random direction v·z₂", "a random direction v·ReLU(z₂)"]
MAX_M = 12
SEEDS, RANDOMS = 20, 10     # seeds in the table, random directions per width
SETTINGS = Params(
    Param("mode", "Read", 0, choices=tuple(MODES)),
    Param("k", "Layer-2 neuron k", 1, 1, MAX_M, 1),
    Param("r", "Random direction", 1, 1, RANDOMS, 1),
    Param("m", "Width m", 6, 2, MAX_M, 1),
    Param("seed", "Seed", 3, 0, SEEDS - 1, 1),
)


def seed_table(seeds: int, max_m: int = MAX_M) -> dict:
    """Standard normals per seed: ``g1`` (seeds, max_m, 2), ``c1`` (seeds, max_m), ``g2`` (seeds,
    max_m, max_m), ``c2`` (seeds, max_m). ``table_network`` scales the first ``m`` of them."""
    draws = [np.random.default_rng(seed) for seed in range(seeds)]
    shapes = {"g1": (max_m, 2), "c1": (max_m,), "g2": (max_m, max_m), "c2": (max_m,)}
    table = {key: [] for key in shapes}
    for rng in draws:
        for key, shape in shapes.items():
            table[key].append(rng.standard_normal(shape))
    # Single precision halves the page's bytes; both sides read the same rounded numbers.
    return {key: np.stack(values).astype(np.float32) for key, values in table.items()}


def table_network(table: dict, seed: int, m: int) -> Network:
    """The seed's 2 -> m -> m network with He initialisation: every weight and bias of a layer
    that reads ``n`` inputs drawn ``N(0, 2 / n)``.

    Biases are drawn like one more weight (not zero), so that layer 1's lines spread over the
    square instead of all passing near its centre. The first ``m`` rows (and columns) of the
    table: a wider network keeps the narrower one's layer-1 lines.
    """
    first, second = np.sqrt(2.0 / 2), np.sqrt(2.0 / m)
    g1, c1, g2, c2 = (np.asarray(table[key][seed], dtype=float) for key in ("g1", "c1", "g2", "c2"))
    return Network([Layer(first * g1[:m], first * c1[:m]), Layer(second * g2[:m, :m], second * c2[:m])])


def direction_table(randoms: int, max_m: int = MAX_M) -> np.ndarray:
    """``random_direction(m, r)`` for ``r = 1..randoms`` at every width: ``(max_m, randoms, max_m)``
    float32, row ``[m - 1, r - 1]`` holding the direction in its first ``m`` entries."""
    table = np.zeros((max_m, randoms, max_m), dtype=np.float32)
    for m in range(1, max_m + 1):
        for r in range(1, randoms + 1):
            table[m - 1, r - 1, :m] = random_direction(m, r)
    return table


def table_direction(directions: np.ndarray, m: int, r: int) -> np.ndarray:
    """Random direction ``r`` (from 1) of layer 2's ``m`` neurons, as the page holds it: ``(m,)``."""
    return np.asarray(directions[m - 1, r - 1, :m], dtype=float)


def build(seed: int = 3, m: int = 6, mode: int = 0, k: int = 1, r: int = 1):
    """The figure as a Bokeh layout (pure: builds models, writes nothing). next_layer.js draws it."""
    settings = SETTINGS.values({"seed": seed, "m": m, "mode": mode, "k": k, "r": r})
    table = seed_table(SEEDS, MAX_M)
    directions = direction_table(RANDOMS, MAX_M)
    bounds = {str(k): region_bounds((2, k, k)) for k in range(1, MAX_M + 1)}
    light = style.THEMES["light"]
    empty = {"xs": [], "ys": []}
    sources = {key: bm.ColumnDataSource(dict(empty), name=key)
               for key in ("regions", "lines1", "lines2", "zero", "positive", "flat")}
    sources["bends"] = bm.ColumnDataSource({"x": [], "y": []}, name="bends")

    plot = style.figure(title="A 2 → m → m network", x_range=BOX[0], y_range=BOX[1],
                        x_axis_label="input F₁", y_axis_label="input F₂", name="plot",
                        sizing_mode="scale_width", width=480, height=520, min_width=280, max_width=560)
    plot.grid.visible = False
    top = {"level": "overlay"}  # a redraw repaints this layer only, not the axes under it
    plot.patches("xs", "ys", source=sources["regions"], fill_color=light["grid"],
                 line_color=light["background"], line_width=1, name="tiles", **top)
    looks = {
        "positive": ("patches", dict(fill_color=light["positive"], fill_alpha=0.4, line_color=None)),
        "flat": ("patches", dict(fill_color=light["zero"], fill_alpha=0.3, hatch_pattern="/",
                                 hatch_color=light["muted"], hatch_alpha=0.6, line_color=None)),
        "lines1": ("multi_line", dict(line_color=light["muted"], line_width=1.3)),
        "lines2": ("multi_line", dict(line_color=light["muted"], line_width=1.3, line_dash=[5, 3])),
        "zero": ("multi_line", dict(line_color=light["text"], line_width=3.5)),
        "bends": ("scatter", dict(size=8, fill_color=light["background"], line_color=light["text"],
                                  line_width=2)),
    }
    samples = {}
    for key, (kind, look) in looks.items():
        columns = ("x", "y") if kind == "scatter" else ("xs", "ys")
        getattr(plot, kind)(*columns, source=sources[key], **look, **top)
        # The sources fill in the browser: the legend draws these invisible (NaN) samples instead.
        nan = [np.nan] if kind == "scatter" else [[np.nan]]
        samples[key] = getattr(plot, kind)(nan, nan, **look)
    plot.add_layout(style.legend([("layer-1 boundary", samples["lines1"]),
                                  ("layer-2 boundary", samples["lines2"]),
                                  ("the reading = 0", samples["zero"]), ("a bend", samples["bends"]),
                                  ("the reading > 0", samples["positive"]), ("exactly 0", samples["flat"])],
                                 ncols=2, label_text_font_size="12px", name="legend"), "above")
    style.furnish(plot)

    mode = SETTINGS["mode"].control(settings["mode"], orientation="vertical")
    sliders = {key: SETTINGS[key].control(settings[key]) for key in ("k", "r", "m", "seed")}
    sliders["k"].end = settings["m"]          # the JS follows m
    count = bm.Div(text="", name="count", sizing_mode="stretch_width", height=64)
    readout = bm.Div(text="", name="readout", sizing_mode="stretch_width", height=88)
    style.controls(mode, *sliders.values(), count, readout)

    update = style.draw_on_load(bm.CustomJS(
        args=dict(table=table, directions=directions, bounds=bounds, box=BOX, plot=plot, mode=mode,
                  count=count, readout=readout, **sources, **sliders),
        code=style.script("next_layer")))
    for slider in sliders.values():
        slider.js_on_change("value", update)
    mode.js_on_change("active", update)

    panel = column(mode, sliders["k"], sliders["r"], row(sliders["m"], sliders["seed"],
                                                         sizing_mode="stretch_width"),
                   count, readout, sizing_mode="stretch_width", min_width=260, max_width=320)
    return row(plot, panel, styles={"flex-wrap": "wrap", "gap": "12px"}, sizing_mode="stretch_width",
               name="next_layer")
