"""``dissection``: the measured mini Network Dissection of page 7 (the toy world).

``dissection.run`` trains twenty small networks per activation (ReLU, and linear
as the control) and dissects their hidden layers along ``Q^α``. This figure
shows the counts against ``α`` (mean ± one standard deviation over the
networks) for every threshold the reader can pick, and the masks of every live
direction of the first network, each with the concept it matches best. It is a
measurement, so the numbers are computed here at build time; dissection.js draws
every picture (the first one too) from these tables.
"""

from __future__ import annotations

import string

import numpy as np
from bokeh import models as bm
from bokeh.events import Tap
from bokeh.layouts import column, row

from .. import dissection
from .kit import experiments, style
from .kit.params import Param, Params

ACTIVATIONS = ("relu", "linear")
NAMES = {"relu": "ReLU", "linear": "linear (control)"}
# Neutral roles: ReLU and linear are not signs (blue and orange are kept for signs).
ROLES = {"relu": "series_1", "linear": "series_2"}
MEASURES = ("unique concepts detected", "detector directions")
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))      # 0.30 ... 0.90
ALPHAS = experiments.ALPHAS                                         # 0.0 ... 1.0
HIDDEN = 16       # hidden units of the toy networks: at most this many tiles
COLUMNS = 6       # tiles per row of the mask grid (a regular grid at every width)
GAP, CAPTION = 0.14, 0.3    # between tiles, and the caption's room under a tile (tile = 1)
RUNS = string.digits + string.ascii_letters   # a mask's runs: row, start, length, one character each
# Where each concept's name sits on the concept map: inside its shape, clear of the others.
LABELS = {"top edge": (0.5, 0.95, "top edge", "center"), "band": (0.5, 0.73, "band", "center"),
          "lower-left corner": (0.02, 0.1, "lower-left\ncorner", "left"),
          "lower-right corner": (0.98, 0.1, "lower-right\ncorner", "right"),
          "left block": (0.12, 0.46, "left\nblock", "center"), "disc": (0.45, 0.45, "disc", "center"),
          "right triangle": (0.87, 0.46, "right\ntriangle", "center"),
          "wedge": (0.5, 0.15, "wedge", "center")}

SETTINGS = Params(
    Param("measure", "Count", 0, choices=MEASURES),
    Param("threshold", "Detector: best IoU at least", 0.5, THRESHOLDS[0], THRESHOLDS[-1], 0.05),
    Param("alpha", "Rotate by α (0: neurons, 1: random)", 0.0, 0.0, 1.0, 0.1),
    Param("activation", "Masks of", 0, choices=("the ReLU network", "the linear network")),
    Param("direction", "Direction (or tap a mask)", 1, 1, HIDDEN, 1),
)


def measured(seeds: int) -> dict:
    """``dissection.run`` for both activations, kept by ``kit/experiments`` between builds."""
    return {a: experiments.toy(a, seeds) for a in ACTIVATIONS}


def counts(result: dissection.Dissection, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Unique detectors and detectors, ``(S, A)`` each, at another ``threshold``."""
    hit = result.best_iou >= threshold
    detected = np.stack([(hit & (result.best_concept == k)).any(axis=2)
                         for k in range(len(result.concepts))], axis=2)
    return detected.sum(axis=2), hit.sum(axis=2)


def summary(results: dict) -> dict:
    """Mean and standard deviation over seeds, per activation, measure and threshold: ``[T][A]`` lists."""
    table = {}
    for activation, result in results.items():
        for m, name in enumerate(("unique", "detectors")):
            per = [counts(result, t)[m] for t in THRESHOLDS]
            table[f"{activation}_{name}_mean"] = [c.mean(axis=0).round(3).tolist() for c in per]
            table[f"{activation}_{name}_sd"] = [c.std(axis=0).round(3).tolist() for c in per]
    return table


def mask_runs(mask: np.ndarray, size: int) -> str:
    """A bool mask over the ``size × size`` grid (row-major, row = F₂) as its runs of cells:
    three characters of :data:`RUNS` per run (row, first column, length). dissection.js decodes it."""
    grid = np.asarray(mask, dtype=np.int8).reshape(size, size)
    edges = np.diff(np.pad(grid, ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    return "".join(RUNS[r] + RUNS[s] + RUNS[e - s] for r, s, e in zip(rows, starts, ends, strict=True))


def examples(results: dict) -> dict:
    """Per activation, the first network's live directions at every α: masks as runs, best
    concept (-1: never active) and best IoU, ``[A][d]``."""
    out = {}
    for a, r in results.items():
        live, size = int(r.live[0]), int(round(np.sqrt(len(r.points))))
        masks = [[mask_runs(r.masks[0, j, d], size) for d in range(live)] for j in range(len(ALPHAS))]
        out[a] = {"masks": masks,
                  "concept": r.best_concept[0, :, :live].tolist(),
                  # Cut, not rounded, to 3 decimals: compared with a threshold of 2 decimals it
                  # says "detector" exactly when the full IoU does.
                  "iou": (np.floor(r.best_iou[0, :, :live] * 1000) / 1000).tolist()}
    return out


def curves_plot(seeds: int, sources: dict):
    plot = style.figure(title=f"Detectors in {seeds} networks", x_range=(-0.02, 1.02),
                        x_axis_label="α  (0: the neurons, 1: a random rotation)",
                        y_axis_label="count (mean ± 1 sd)", name="plot", height=300, min_width=260)
    colour = style.by_role("role", roles=tuple(ROLES.values()))
    # Light bands with their edges drawn: where two overlap, both edges stay readable.
    plot.patches("xs", "ys", source=sources["bands"], fill_color=colour, fill_alpha=0.12, line_color=None)
    plot.multi_line("xs", "ys", source=sources["traces"], line_color=colour, line_width="width",
                    line_dash="dash")
    plot.scatter("x", "y", source=sources["means"], marker="marker", size=7, fill_color=colour,
                 line_color=colour)
    items = []
    for a, marker, dash in (("relu", "circle", "solid"), ("linear", "square", "dashed")):
        sample = bm.ColumnDataSource({"x": [np.nan], "y": [np.nan], "xs": [[np.nan]], "ys": [[np.nan]],
                                      "role": [ROLES[a]]})
        line = plot.multi_line("xs", "ys", source=sample, line_color=colour, line_width=3, line_dash=dash)
        dot = plot.scatter("x", "y", source=sample, marker=marker, size=7, fill_color=colour,
                           line_color=colour)
        items.append((f"{NAMES[a]} network", [dot, line]))
    here = bm.Span(location=0, dimension="height", line_color=style.THEMES["light"]["text"], line_width=1.5,
                   name="here")
    plot.add_layout(here)
    plot.add_layout(style.legend(items, name="legend"), "above")
    return plot, here


def world_plot(concepts: list, sources: dict):
    light = style.THEMES["light"]
    world = style.figure(title="The eight concepts", x_range=(0, 1), y_range=(0, 1), width=260, height=320,
                         sizing_mode="fixed", name="world", x_axis_label="F₁", y_axis_label="F₂")
    colour = style.by_role("role", roles=tuple(ROLES.values()))
    mask = world.rect("x", "y", width="width", height="height", source=sources["chosen_cells"],
                      fill_color=colour, fill_alpha=0.55, line_color=None)
    shapes = world.patches([c["outline"]["x"] for c in concepts], [c["outline"]["y"] for c in concepts],
                           fill_color=light["zero"], fill_alpha=0.12, line_color=light["muted"], line_width=1)
    world.patch("x", "y", source=sources["chosen_outline"], fill_color=None, line_color=light["text"],
                line_width=2.5)
    at = [LABELS[c["name"]] for c in concepts]
    names = bm.ColumnDataSource({"x": [p[0] for p in at], "y": [p[1] for p in at], "text": [p[2] for p in at],
                                 "align": [p[3] for p in at]})
    world.text("x", "y", text="text", source=names, text_font_size="10px", text_align="align",
               text_baseline="middle", text_color=light["text"], text_line_height=1.0)
    world.add_layout(style.legend([("concept", shapes), ("the chosen direction's top 10%", mask)],
                                  orientation="vertical", label_text_font_size="11px", name="world_legend"),
                     "below")
    return world


def tiles_plot(sources: dict):
    light = style.THEMES["light"]
    rows = -(-HIDDEN // COLUMNS)
    width, height = COLUMNS + (COLUMNS - 1) * GAP, rows * (1 + CAPTION)
    tiles = style.figure(title="Each live direction's top 10%",
                         x_range=(-GAP / 2, width + GAP / 2), y_range=(-0.02, height + 0.02), width=520,
                         height=int(520 * (height + 0.04) / (width + GAP)) + 40, sizing_mode="scale_width",
                         min_width=240, max_width=560, name="tiles", x_axis_location=None,
                         y_axis_location=None, min_border=4)
    tiles.grid.visible = False
    colour = style.by_role("role", roles=tuple(ROLES.values()))
    # The chosen tile and its caption on a light ground, under everything else.
    tiles.rect("x", "y", width=1 + GAP * 0.8, height=1 + CAPTION + GAP * 0.4, source=sources["chosen"],
               fill_color=light["grid"], line_color=None)
    tiles.rect("x", "y", width=1.0, height=1.0, source=sources["frames"], fill_color=light["background"],
               line_color=light["text"], line_width="width")
    tiles.rect("x", "y", width="width", height="height", source=sources["cells"], fill_color=colour,
               line_color=colour, line_width=0.5)
    tiles.multi_line("xs", "ys", source=sources["outlines"], line_color=light["text"], line_width=1.5)
    tiles.text("x", "y", text="text", source=sources["captions"], text_font_size="11px", text_align="center",
               text_baseline="middle", text_color=light["text"])
    return tiles


def build(seeds: int = 20, measure: int = 0, threshold: float = 0.5, alpha: float = 0.0, activation: int = 0,
          direction: int = 1):
    """The figure as a Bokeh layout (pure: builds models, writes nothing). dissection.js draws it."""
    settings = SETTINGS.values({"measure": measure, "threshold": threshold, "alpha": alpha,
                                "activation": activation, "direction": direction})
    results = measured(seeds)
    first = results["relu"]
    size = int(round(np.sqrt(len(first.points))))
    concepts = [{"name": c.name, "outline": {"x": c.outline[:, 0].round(3).tolist(),
                                             "y": c.outline[:, 1].round(3).tolist()}}
                for c in first.concepts]
    empty = {"traces": ("xs", "ys", "role", "dash", "width"), "bands": ("xs", "ys", "role"),
             "means": ("x", "y", "role", "marker"), "cells": ("x", "y", "width", "height", "role"),
             "chosen_cells": ("x", "y", "width", "height", "role"), "frames": ("x", "y", "width"),
             "outlines": ("xs", "ys"), "chosen": ("x", "y"), "chosen_outline": ("x", "y"),
             "captions": ("x", "y", "text")}
    sources = {key: bm.ColumnDataSource({c: [] for c in columns}, name=key) for key, columns in empty.items()}
    plot, here = curves_plot(seeds, sources)
    world, tiles = world_plot(concepts, sources), tiles_plot(sources)
    style.furnish(plot, world, tiles)

    controls = {p.name: p.control(settings[p.name]) for p in SETTINGS}
    controls["threshold"].format = "0.00"
    readout = bm.Div(text="", name="readout", sizing_mode="stretch_width", height=130)
    style.controls(*controls.values(), readout)
    update = style.draw_on_load(bm.CustomJS(
        args=dict(table=summary(results), shown=examples(results), concepts=concepts, size=size,
                  alphas=list(ALPHAS), thresholds=list(THRESHOLDS), names=NAMES, roles=ROLES,
                  measures=list(MEASURES), activations=list(ACTIVATIONS),
                  layout={"columns": COLUMNS, "gap": GAP, "caption": CAPTION, "rows": -(-HIDDEN // COLUMNS)},
                  runs=RUNS, here=here, readout=readout, tiles=tiles, **sources, **controls),
        code=style.script("dissection")))
    for name, control in controls.items():
        control.js_on_change("active" if SETTINGS[name].choices else "value", update)
    tiles.js_on_event(Tap, update)

    side = {"sizing_mode": "stretch_width", "min_width": 260, "max_width": 300}
    wrap = {"styles": {"flex-wrap": "wrap", "gap": "12px"}, "sizing_mode": "stretch_width"}
    top = row(plot, column(controls["measure"], controls["threshold"], controls["alpha"], readout, **side),
              **wrap)
    bottom = row(world, column(controls["activation"], controls["direction"], tiles,
                               sizing_mode="stretch_width", min_width=240, max_width=560), **wrap)
    return column(top, bottom, sizing_mode="stretch_width", name="dissection")
