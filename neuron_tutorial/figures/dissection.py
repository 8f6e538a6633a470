"""``dissection``: the measured mini Network Dissection of page 7.

``dissection.run`` trains twenty small networks per activation (ReLU, and linear
as the control) and dissects their hidden layers along ``Q^α``. This figure
shows the counts against ``α`` (mean ± one standard deviation over the
networks) for every threshold the reader can pick, and the masks of four
directions of the first network next to the concept each matches best. It is a
measurement, so everything is computed here at build time; dissection.js only
switches between the precomputed views.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import (
    ColumnDataSource,
    CustomJS,
    Div,
    LabelSet,
    Legend,
    LegendItem,
    RadioButtonGroup,
    Slider,
    Span,
    Title,
)

from .. import dissection
from .kit import experiments, style

ACTIVATIONS = ("relu", "linear")
NAMES = {"relu": "ReLU", "linear": "linear (control)"}
MEASURES = ["unique concepts detected", "detector directions"]
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))      # 0.30 ... 0.90
ALPHAS = experiments.ALPHAS                                         # 0.0 ... 1.0
SHOWN = 4        # directions of the example network whose masks are drawn


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
            table[f"{activation}_{name}_mean"] = [c.mean(axis=0).round(4).tolist() for c in per]
            table[f"{activation}_{name}_sd"] = [c.std(axis=0).round(4).tolist() for c in per]
    return table


def mask_hex(mask: np.ndarray) -> str:
    """A bool mask as hex text, four cells per digit (dissection.js decodes it)."""
    bits = np.concatenate([mask.astype(np.uint8), np.zeros(-len(mask) % 4, dtype=np.uint8)])
    return "".join(f"{d:x}" for d in bits.reshape(-1, 4) @ np.array([8, 4, 2, 1]))


def examples(results: dict) -> dict:
    """Masks, best concepts and IoUs of the first ``SHOWN`` directions of the first network."""
    return {a: {"masks": [[mask_hex(r.masks[0, j, d]) for d in range(SHOWN)] for j in range(len(ALPHAS))],
                "concept": r.best_concept[0, :, :SHOWN].tolist(),
                "iou": r.best_iou[0, :, :SHOWN].round(4).tolist()}
            for a, r in results.items()}


def cells(hexmask: str, size: int) -> dict:
    """Centres of the cells a hex mask switches on (the Python side of dissection.js's decode)."""
    bits = np.array([int(b) for d in hexmask for b in f"{int(d, 16):04b}"][: size * size], dtype=bool)
    rows, cols = np.divmod(np.flatnonzero(bits), size)
    return {"x": ((cols + 0.5) / size).tolist(), "y": ((rows + 0.5) / size).tolist()}


def one_decimal(x: float) -> str:
    """``x`` to one decimal, halves rounded up (as dissection.js does; Python would round to even)."""
    return f"{np.floor(x * 10 + 0.5) / 10:.1f}"


def two_decimals(x: float) -> str:
    """``x`` to two decimals, halves rounded up (as dissection.js does)."""
    return f"{np.floor(x * 100 + 0.5) / 100:.2f}"


def state(table: dict, shown: dict, concepts, size: int, alpha_index: int, threshold_index: int,
          measure: int, activation: int) -> dict:
    """Source data for one view: the Python side of dissection.js."""
    key = ("unique", "detectors")[measure]
    curves = {}
    for a in ACTIVATIONS:
        mean = np.array(table[f"{a}_{key}_mean"][threshold_index])
        sd = np.array(table[f"{a}_{key}_sd"][threshold_index])
        curves[a] = {"alpha": list(ALPHAS), "mean": mean.tolist(), "low": (mean - sd).tolist(),
                     "high": (mean + sd).tolist()}
    example = shown[ACTIVATIONS[activation]]
    threshold = THRESHOLDS[threshold_index]
    panels = []
    for d in range(SHOWN):
        c, score = example["concept"][alpha_index][d], example["iou"][alpha_index][d]
        outline = concepts[c]["outline"] if c >= 0 else {"x": [], "y": []}
        word = "a detector" if score >= threshold else "not a detector"
        what = "neuron" if alpha_index == 0 else "direction"
        concept = f"→ {concepts[c]['name']}" if c >= 0 else "→ nothing: never active"
        score_text = f"IoU {two_decimals(score)}: {word}" if c >= 0 else "IoU 0"
        panels.append({"cells": cells(example["masks"][alpha_index][d], size), "outline": outline,
                       "title": f"{what} {d + 1}", "concept": concept, "score": score_text})
    alpha = ALPHAS[alpha_index]
    spread = {a: curves[a]["high"][alpha_index] - curves[a]["mean"][alpha_index] for a in ACTIVATIONS}
    readout = (f"α = {alpha:.1f}: " + "; ".join(
        f"{NAMES[a]} {one_decimal(curves[a]['mean'][alpha_index])} ± {one_decimal(spread[a])}"
        for a in ACTIVATIONS) + f" {MEASURES[measure]} (IoU ≥ {threshold:.2f}).")
    return {"curves": curves, "panels": panels, "alpha": alpha, "readout": readout}


def build(seeds: int = 20, alpha_index: int = 0, threshold_index: int = 4, measure: int = 0,
          activation: int = 0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    results = measured(seeds)
    table, shown = summary(results), examples(results)
    first = results["relu"]
    size = int(round(np.sqrt(len(first.points))))
    concepts = [{"name": c.name, "outline": {"x": c.outline[:, 0].round(4).tolist(),
                                             "y": c.outline[:, 1].round(4).tolist()}}
                for c in first.concepts]
    now = state(table, shown, concepts, size, alpha_index, threshold_index, measure, activation)
    light = style.THEMES["light"]

    plot = style.figure(title=f"Detectors in {seeds} networks (mean ± 1 sd)",
                        x_range=(-0.02, 1.02), x_axis_label="α  (0: the neurons, 1: a random rotation)",
                        y_axis_label="count", name="plot", height=300)
    curves = {a: ColumnDataSource(now["curves"][a], name=f"curve_{a}") for a in ACTIVATIONS}
    items = []
    for a, key, dash in (("relu", "positive", "solid"), ("linear", "negative", "dashed")):
        band = plot.varea("alpha", "low", "high", source=curves[a], fill_color=light[key], fill_alpha=0.18)
        line = plot.line("alpha", "mean", source=curves[a], line_color=light[key], line_width=3,
                         line_dash=dash)
        dots = plot.scatter("alpha", "mean", source=curves[a], fill_color=light[key], line_color=None,
                            size=7)
        items.append(LegendItem(label=f"{NAMES[a]} network", renderers=[line, dots, band]))
    here = Span(location=now["alpha"], dimension="height", line_color=light["text"], line_width=1.5,
                name="here")
    plot.add_layout(here)
    plot.add_layout(Legend(items=items, orientation="horizontal", border_line_color=None, margin=0,
                           padding=2, name="legend"), "above")

    world = style.figure(title="The eight concepts", x_range=(0, 1), y_range=(0, 1), width=270, height=330,
                         sizing_mode="fixed", name="world", x_axis_label="F₁", y_axis_label="F₂")
    regions = world.patches([c["outline"]["x"] for c in concepts], [c["outline"]["y"] for c in concepts],
                            fill_color=light["negative"], fill_alpha=0.18, line_color=light["negative"],
                            line_width=1.5)
    # A legend sample for the masks drawn beside: one invisible (NaN) cell.
    sample = world.rect([np.nan], [np.nan], width=0.1, height=0.1, fill_color=light["positive"],
                        line_color=None)
    world.add_layout(style.legend([("concept", regions), ("a direction's top 10% (its mask)", sample)],
                                  orientation="vertical", label_text_font_size="11px",
                                  name="world_legend"), "below")
    centres = ColumnDataSource({"x": [float(np.mean(c["outline"]["x"])) for c in concepts],
                                "y": [float(np.mean(c["outline"]["y"])) for c in concepts],
                                "text": [c["name"].replace(" ", "\n", 1) if len(c["name"]) > 10 else c["name"]
                                         for c in concepts]})
    world.add_layout(LabelSet(x="x", y="y", text="text", source=centres, text_font_size="11px",
                              text_align="center", text_baseline="middle", text_color=light["text"]))
    panels, sources = [], []
    for d, panel_now in enumerate(now["panels"]):
        fig = style.figure(title=panel_now["title"], x_range=(0, 1), y_range=(0, 1), width=150, height=218,
                           sizing_mode="fixed", name=f"panel_{d + 1}", min_border_left=6, min_border_right=6,
                           x_axis_location=None, y_axis_location=None)
        fig.title.text_font_size = "12px"
        # Extra titles stack upwards from the plot: the score sits nearest the mask.
        score = Title(text=panel_now["score"], text_font_size="11px", text_font_style="normal",
                      text_color=light["muted"], name=f"score_{d + 1}")
        concept = Title(text=panel_now["concept"], text_font_size="11px", text_font_style="normal",
                        text_color=light["text"], name=f"concept_{d + 1}")
        fig.add_layout(score, "above")
        fig.add_layout(concept, "above")
        fig.patch([0, 1, 1, 0], [0, 0, 1, 1], fill_color=None, line_color=light["muted"], line_width=1)
        cell_source = ColumnDataSource(panel_now["cells"], name=f"cells_{d + 1}")
        outline_source = ColumnDataSource(panel_now["outline"], name=f"outline_{d + 1}")
        fig.rect("x", "y", width=1 / size, height=1 / size, source=cell_source, fill_color=light["positive"],
                 line_color=light["positive"], line_width=0.5)
        fig.patch("x", "y", source=outline_source, fill_color=None, line_color=light["negative"],
                  line_width=2.5)
        panels.append(fig)
        sources.append({"cells": cell_source, "outline": outline_source, "title": fig.title,
                        "concept": concept, "score": score})
    style.furnish(plot, world, *panels)

    alpha = Slider(title="Rotate by α (0: neurons, 1: random)",
                   start=0, end=1, step=0.1, value=now["alpha"], name="alpha", sizing_mode="stretch_width")
    threshold = Slider(title="Detector: best IoU at least", start=THRESHOLDS[0],
                       end=THRESHOLDS[-1], step=0.05, value=THRESHOLDS[threshold_index], name="threshold",
                       sizing_mode="stretch_width", format="0.00")
    measure_buttons = RadioButtonGroup(labels=MEASURES, active=measure, name="measure")
    activation_buttons = RadioButtonGroup(labels=["masks: ReLU network", "masks: linear network"],
                                          active=activation, name="activation")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(alpha, threshold, measure_buttons, activation_buttons, readout)
    update = CustomJS(
        args=dict(table=table, shown=shown, concepts=concepts, size=size, alphas=list(ALPHAS),
                  thresholds=list(THRESHOLDS), curves=curves, panels=sources, here=here, alpha=alpha,
                  threshold=threshold, measure=measure_buttons, activation=activation_buttons,
                  readout=readout, names=NAMES, measures=MEASURES, activations=list(ACTIVATIONS)),
        code=style.script("dissection"),
    )
    alpha.js_on_change("value", update)
    threshold.js_on_change("value", update)
    measure_buttons.js_on_change("active", update)
    activation_buttons.js_on_change("active", update)
    return column(measure_buttons, plot, alpha, readout, threshold, activation_buttons,
                  # Each figure in its own column: a row would align their frames and squash the masks.
                  row(*[column(fig) for fig in (world, *panels)], styles={"flex-wrap": "wrap", "gap": "6px"},
                      sizing_mode="stretch_width"),
                  sizing_mode="stretch_width", name="dissection")
