"""``dissection_curves``: the digits Network Dissection as curves over α, and paired per network.

Twenty networks 64 → 64 → 10 per condition (ReLU and linear hidden layer, trained;
the same at initialisation as baselines) are dissected along ``Q^α``
(``dissection.run(..., data="digits")``, kept by ``kit/experiments``). The top
plot shows one measure against α (mean over networks, a band of ± 1 standard
deviation for the trained ones, the untrained dashed); the bottom one the paired
difference α = 0 minus α = 1 of every network, with its mean and spread. Both
counts are given for every IoU threshold of :data:`THRESHOLDS`, so the JS only
switches between tables (dissection_curves.js mirrors :func:`state`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from bokeh.layouts import column
from bokeh.models import ColumnDataSource, CustomJS, Div, FactorRange, RadioButtonGroup, Slider, Span

from ..detectors import spread
from .kit import experiments, style

MEASURES = {"detectors": "detectors", "unique_detectors": "unique detectors",
            "mean_iou": "mean best IoU", "kurtosis": "median excess kurtosis"}
BUTTONS = ("detectors", "unique", "mean IoU", "kurtosis")     # short: four fit on a phone
COUNTS = ("detectors", "unique_detectors")          # the measures that depend on the threshold
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(9))   # 0.30 ... 0.70
NAMES = {"relu": "ReLU", "linear": "linear", "untrained_relu": "ReLU untrained",
         "untrained_linear": "linear untrained"}
# Neutral colours (blue and orange mean signs on this site), by theme role so dark mode follows.
COLOUR = {"relu": "text", "linear": "zero", "untrained_relu": "text", "untrained_linear": "zero"}
MARKER = {"relu": "circle", "linear": "square", "untrained_relu": "circle", "untrained_linear": "square"}


def table(seeds: int = experiments.SEEDS) -> dict:
    """Per measure and threshold (``[measure][t][condition]``): mean and sd over networks per α
    (``(A,)`` lists) and the paired differences α = 0 minus α = 1 per network (``(S,)``)."""
    out = {}
    for key in MEASURES:
        levels = THRESHOLDS if key in COUNTS else THRESHOLDS[:1]
        out[key] = []
        for t in levels:
            entry = {}
            for condition in experiments.CONDITIONS:
                result = replace(experiments.digits(condition, seeds), threshold=t)
                values = getattr(result, key).astype(float)
                paired = result.paired(key)
                entry[condition] = {"mean": values.mean(axis=0).round(6).tolist(),
                                    "sd": values.std(axis=0, ddof=1).round(6).tolist(),
                                    "paired": paired.round(6).tolist(),
                                    "spread": {k: round(v, 6) for k, v in spread(paired).items()}}
            out[key].append(entry)
    return out


def fmt(x: float, digits: int = 2) -> str:
    """As format.js's fmt: fixed decimals, a real minus sign, no "−0.00".

    JavaScript's toFixed rounds the exact binary value, ties away from zero (9.35 is
    9.3499... and gives 9.3; 21.25 is exact and gives 21.3): so does Decimal here.
    """
    if abs(x) < 0.5 * 10**-digits:
        return f"{0.0:.{digits}f}"
    return str(Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)).replace("-", "−")


def state(tables: dict, measure: int, threshold_index: int) -> dict:
    """Source data and text for one view: the Python side of dissection_curves.js."""
    key = list(MEASURES)[measure]
    t = threshold_index if key in COUNTS else 0
    entry = tables[key][t]
    digits = 1 if key in COUNTS else 3 if key == "mean_iou" else 2
    curves, dots, summary = {}, {"x": [], "y": [], "condition": []}, {"x": [], "y": [], "low": [], "high": []}
    lines = []
    for condition, values in entry.items():
        mean, sd = np.array(values["mean"]), np.array(values["sd"])
        curves[condition] = {"alpha": list(experiments.ALPHAS), "mean": mean.tolist(),
                             "low": (mean - sd).tolist(), "high": (mean + sd).tolist()}
        paired, s = values["paired"], values["spread"]
        n = len(paired)
        dots["x"] += paired
        # Networks spread across the row so that equal differences do not hide each other.
        dots["y"] += [[NAMES[condition], (i + 0.5) / n - 0.5] for i in range(n)]
        dots["condition"] += [condition] * n
        summary["x"].append(s["mean"])
        summary["y"].append(NAMES[condition])
        summary["low"].append(s["mean"] - s["sd"])
        summary["high"].append(s["mean"] + s["sd"])
        lines.append(f"{NAMES[condition]}: {fmt(mean[0], digits)} → {fmt(mean[-1], digits)}, "
                     f"paired {fmt(s['mean'], digits)} ± {fmt(s['sd'], digits)} "
                     f"(larger at α = 0 in {s['positive']:.0f}, smaller in {s['negative']:.0f} of {n})")
    what = MEASURES[key] + (f" at IoU ≥ {THRESHOLDS[t]:.2f}" if key in COUNTS else "")
    readout = f"<b>{what}</b>, α = 0 → α = 1, mean over networks:<br>" + "<br>".join(lines)
    return {"curves": curves, "dots": dots, "summary": summary, "readout": readout,
            "label": MEASURES[key], "counts": key in COUNTS}


def build(seeds: int = experiments.SEEDS, measure: int = 0, threshold_index: int = 2):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    tables = table(seeds)
    now = state(tables, measure, threshold_index)
    light = style.THEMES["light"]
    plot = style.figure(title=f"Mean over {seeds} networks each, bands ± 1 sd",
                        x_range=(-0.02, 1.02), x_axis_label="α  (0: the neurons, 1: a random rotation)",
                        y_axis_label=now["label"], name="plot", height=330)
    curves = {c: ColumnDataSource(now["curves"][c], name=f"curve_{c}") for c in experiments.CONDITIONS}
    drawn = {c: [] for c in experiments.CONDITIONS}
    trained = [c for c in experiments.CONDITIONS if not c.startswith("untrained")]
    for c in trained:          # bands first, so that no band covers another condition's curve
        drawn[c].append(plot.varea("alpha", "low", "high", source=curves[c], fill_color=light["grid"],
                                   fill_alpha=0.55))
    for c in experiments.CONDITIONS:
        colour, solid = light[COLOUR[c]], c in trained
        if solid:
            for edge in ("low", "high"):
                drawn[c].append(plot.line("alpha", edge, source=curves[c], line_color=colour, line_width=1,
                                          line_dash="dotted"))
        drawn[c].append(plot.line("alpha", "mean", source=curves[c], line_color=colour,
                                  line_width=2.5 if solid else 1.5, line_dash="solid" if solid else "dashed"))
        drawn[c].append(plot.scatter("alpha", "mean", source=curves[c], marker=MARKER[c],
                                     size=7 if solid else 5, line_color=colour,
                                     fill_color=colour if solid else light["background"]))
    entries = [(NAMES[c], drawn[c]) for c in experiments.CONDITIONS]
    plot.add_layout(style.legend(entries, ncols=2, label_text_font_size="12px", name="legend"), "above")

    rows = [NAMES[c] for c in experiments.CONDITIONS]
    pairs = style.figure(title="α = 0 minus α = 1, per network",
                         y_range=FactorRange(*reversed(rows)), x_axis_label=f"difference in {now['label']}",
                         name="pairs", height=230)
    pairs.title.text_font_size = "13px"
    dots = ColumnDataSource(now["dots"], name="dots")
    summary = ColumnDataSource(now["summary"], name="summary")
    pairs.add_layout(Span(location=0, dimension="height", line_color=light["muted"], line_dash="dashed"))
    pairs.scatter("x", "y", source=dots, size=6, fill_color=light["zero"], fill_alpha=0.6,
                  line_color=light["text"], line_width=0.5)
    pairs.hbar(y="y", left="low", right="high", height=0.08, source=summary, fill_color=light["text"],
               line_color=None)
    mean = pairs.scatter("x", "y", source=summary, marker="diamond", size=14, fill_color=light["background"],
                  line_color=light["text"], line_width=2)
    one = pairs.scatter([np.nan], [rows[0]], size=6, fill_color=light["zero"], line_color=light["text"])
    pairs.add_layout(style.legend([("a network", one), ("mean ± 1 sd", mean)], name="pairs_legend",
                                  label_text_font_size="12px"), "above")
    style.furnish(plot, pairs)

    measure_buttons = RadioButtonGroup(labels=list(BUTTONS), active=measure, name="measure")
    threshold = Slider(title="Detector: best IoU at least", start=THRESHOLDS[0], end=THRESHOLDS[-1],
                       step=0.05, value=THRESHOLDS[threshold_index], format="0.00", name="threshold",
                       disabled=not now["counts"], sizing_mode="stretch_width")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(measure_buttons, threshold, readout)
    update = CustomJS(args=dict(tables=tables, measures=list(MEASURES), labels=list(MEASURES.values()),
                                counts=list(COUNTS), thresholds=list(THRESHOLDS), names=NAMES,
                                alphas=list(experiments.ALPHAS), curves=curves, dots=dots, summary=summary,
                                measure=measure_buttons, threshold=threshold, readout=readout,
                                y_axis=plot.yaxis[0], x_axis=pairs.xaxis[0]),
                      code=style.script("dissection_curves"))
    measure_buttons.js_on_change("active", update)
    threshold.js_on_change("value", update)
    return column(measure_buttons, threshold, plot, pairs, readout, sizing_mode="stretch_width",
                  name="dissection_curves")
