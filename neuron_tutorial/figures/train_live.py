"""``train_live``: a small ReLU network trained in the page, its exact regions redrawn every step.

The second figure of the page "Beyond one layer". A 2 -> m1 -> m2 -> 1 network learns a toy
data set by full-batch gradient descent with momentum, in the reader's browser: nt/train.js
mirrors ``training.dataset``, ``training.init_network`` and ``training.step`` (the same seed
gives the same data, start and steps), and after every step nt/network.js, the mirror of
``nt.partition_2d(net, box)``, cuts the square into the regions where every neuron keeps its
sign. Each region is coloured by the sign of the output there, and the decision boundary (the
output's zero set) is the output neuron's boundary: exact, no pixel grid. The page carries
parameters only; the browser computes everything.
"""

from __future__ import annotations

import numpy as np
from bokeh import models as bm
from bokeh.events import Tap
from bokeh.layouts import column, row

from ..training import DATASETS
from .kit import style
from .kit.params import Param, Params

BOX = ((-1.6, 1.6), (-1.6, 1.6))  # the data sets with the most noise fit
RATES = ["0.01", "0.03", "0.1", "0.3", "1"]
MOMENTUM = 0.9
COUNT = 200  # points in the data set
MAX_WIDTH = 16
SEEDS = 20
SETTINGS = Params(
    Param("dataset", "Data set", 0, choices=tuple(DATASETS)),
    Param("rate", "Learning rate", 2, choices=tuple(RATES)),
    Param("m1", "Layer 1: m₁", 8, 1, MAX_WIDTH, 1),
    Param("m2", "Layer 2: m₂", 8, 1, MAX_WIDTH, 1),
    Param("noise", "Noise", 0.1, 0.0, 0.3, 0.05),
    Param("seed", "Seed", 0, 0, SEEDS - 1, 1),
)


def neuron_options(m1: int, m2: int) -> list[tuple[str, str]]:
    """The Select's options: no neuron, then every neuron of layers 1 and 2 as ``"l-k"`` (from 1)."""
    return [("", "none")] + [(f"{layer}-{k}", f"layer {layer}, neuron {k}")
                             for layer, m in ((1, m1), (2, m2)) for k in range(1, m + 1)]


def build(dataset: int = 0, rate: int = 2, m1: int = 8, m2: int = 8, noise: float = 0.1, seed: int = 0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing). The browser trains and draws.

    ``dataset`` and ``rate`` index :data:`DATASETS` and :data:`RATES` (the settings' choices)."""
    settings = SETTINGS.values({"dataset": dataset, "rate": rate, "m1": m1, "m2": m2, "noise": noise,
                                "seed": seed})
    light = style.THEMES["light"]
    empty = {"xs": [], "ys": []}
    sources = {key: bm.ColumnDataSource(dict(empty), name=key)
               for key in ("positive", "negative", "lines1", "lines2", "decision", "chosen")}
    for key in ("points1", "points0"):
        sources[key] = bm.ColumnDataSource({"x": [], "y": []}, name=key)

    plot = style.figure(title="Regions as the network trains", x_range=BOX[0], y_range=BOX[1],
                        x_axis_label="input F₁", y_axis_label="input F₂", name="plot",
                        sizing_mode="scale_width", width=480, height=560, min_width=280, max_width=560)
    plot.grid.visible = False
    top = {"level": "overlay"}  # a redraw repaints this layer only, not the axes under it
    tint = {"fill_alpha": 0.3, "line_color": None}  # the regions' edges are the lines drawn over them
    thin = {"line_color": light["muted"], "line_width": 1, "line_alpha": 0.8}
    dots = {"size": 7, "line_color": light["background"], "line_width": 1}
    looks = {  # source: (glyph, look, legend label)
        "positive": ("multi_polygons", dict(fill_color=light["positive"], **tint), "output > 0"),
        "negative": ("multi_polygons", dict(fill_color=light["negative"], **tint), "output < 0"),
        "lines1": ("multi_line", thin, "layer-1 boundary"),
        "lines2": ("multi_line", dict(line_dash=[4, 3], **thin), "layer-2 boundary"),
        "points1": ("scatter", dict(marker="circle", fill_color=light["positive"], **dots), "label 1"),
        "points0": ("scatter", dict(marker="triangle", fill_color=light["negative"], **dots), "label 0"),
        "decision": ("multi_line", dict(line_color=light["text"], line_width=3.5), "output = 0"),
        "chosen": ("multi_line", dict(line_color=light["text"], line_width=3, line_dash=[8, 4]),
                   "chosen neuron"),
    }
    entries = []
    for key, (kind, look, label) in looks.items():
        columns = ("x", "y") if kind == "scatter" else ("xs", "ys")
        getattr(plot, kind)(*columns, source=sources[key], **look, **top)
        # The sources fill in the browser: the legend draws these invisible (NaN) samples instead.
        nan = {"scatter": [np.nan], "multi_polygons": [[[[np.nan]]]]}.get(kind, [[np.nan]])
        entries.append((label, getattr(plot, kind)(nan, nan, **look)))
    plot.add_layout(style.legend(entries, ncols=2, label_text_font_size="12px", name="legend"), "above")
    style.furnish(plot)

    data_buttons = SETTINGS["dataset"].control(settings["dataset"])
    sliders = {key: SETTINGS[key].control(settings[key]) for key in ("noise", "seed", "m1", "m2")}
    rate_buttons = SETTINGS["rate"].control(settings["rate"], sizing_mode="stretch_width")
    rate_label = bm.Div(text="Learning rate", name="rate_label")
    # A passing highlight, not a setting: its options follow the widths, so it stays out of the hash.
    neuron = bm.Select(title="Highlight (or tap a boundary)", value="",
                       options=neuron_options(settings["m1"], settings["m2"]), name="neuron", width=190)
    play = bm.Toggle(label="▶ Play", active=False, name="play", width=90)
    step = bm.Button(label="Step", name="step", width=70)
    reset = bm.Button(label="Reset", name="reset", width=70)
    readout = bm.Div(text="", name="readout", sizing_mode="stretch_width", height=84)
    style.controls(data_buttons, *sliders.values(), rate_label, rate_buttons, neuron, play, step, reset,
                   readout)

    update = style.draw_on_load(bm.CustomJS(
        args=dict(box=BOX, momentum=MOMENTUM, count=COUNT, datasets=list(DATASETS), rates=list(RATES),
                  plot=plot, dataset=data_buttons, rate=rate_buttons, neuron=neuron, play=play, step=step,
                  reset=reset, readout=readout, **sources, **sliders),
        code=style.script("train_live")))
    for slider in sliders.values():
        slider.js_on_change("value", update)
    data_buttons.js_on_change("active", update)
    rate_buttons.js_on_change("active", update)
    neuron.js_on_change("value", update)
    play.js_on_change("active", update)
    step.js_on_event("button_click", update)
    reset.js_on_event("button_click", update)
    plot.js_on_event(Tap, update)

    buttons = row(play, step, reset, styles={"flex-wrap": "wrap", "align-items": "end"},
                  sizing_mode="stretch_width")
    widths = row(sliders["m1"], sliders["m2"], sizing_mode="stretch_width")
    panel = column(data_buttons, buttons, rate_label, rate_buttons, readout, widths,
                   row(sliders["noise"], sliders["seed"], sizing_mode="stretch_width"), neuron,
                   sizing_mode="stretch_width", min_width=260, max_width=320)
    return row(plot, panel, styles={"flex-wrap": "wrap", "gap": "12px"}, sizing_mode="stretch_width",
               name="train_live")
