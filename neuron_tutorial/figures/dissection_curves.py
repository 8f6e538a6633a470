"""``dissection_curves``: the digits Network Dissection as curves over α, and paired per network.

Twenty networks 64 → 64 → 10 per condition (ReLU and linear hidden layer, trained;
the same at initialisation as baselines) are dissected along ``Q^α``
(``dissection.run(..., data="digits")``, kept by ``kit/experiments``). The top
plot shows one measure against α (mean over networks, a band of ± 1 standard
deviation for the trained ones, the untrained dashed); the bottom one the paired
difference α = 0 minus α = 1 of every network, with its mean and spread. Both
counts are given for every IoU threshold of :data:`THRESHOLDS`; dissection_curves.js
draws every view (the first one too) from these tables.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from bokeh.layouts import column
from bokeh.models import ColumnDataSource, CustomJS, Div, FactorRange, Span

from ..detectors import spread
from .kit import experiments, style
from .kit.params import Param, Params

MEASURES = {"detectors": "detectors", "unique_detectors": "unique detectors",
            "mean_iou": "mean best IoU", "kurtosis": "median excess kurtosis"}
BUTTONS = ("detectors", "unique", "mean IoU", "kurtosis")     # short: four fit on a phone
COUNTS = ("detectors", "unique_detectors")          # the measures that depend on the threshold
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(9))   # 0.30 ... 0.70
SETTINGS = Params(
    Param("measure", "Measure", 0, choices=BUTTONS),
    Param("threshold", "Detector: best IoU at least", 0.4, THRESHOLDS[0], THRESHOLDS[-1], 0.05),
)
NAMES = {"relu": "ReLU", "linear": "linear", "untrained_relu": "ReLU untrained",
         "untrained_linear": "linear untrained"}
# Neutral roles (blue and orange mean signs on this site): ReLU and linear, trained or not.
ROLES = {"relu": "series_1", "linear": "series_2", "untrained_relu": "series_1",
         "untrained_linear": "series_2"}
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


def build(seeds: int = experiments.SEEDS, measure: int = 0, threshold: float = 0.4):
    """The figure as a Bokeh layout (pure: builds models, writes nothing). dissection_curves.js draws it."""
    settings = SETTINGS.values({"measure": measure, "threshold": threshold})
    tables = table(seeds)
    light = style.THEMES["light"]
    colour = style.by_role("role", roles=("series_1", "series_2"))
    columns = {"traces": ("xs", "ys", "role", "dash", "width"), "bands": ("xs", "ys", "role"),
               "means": ("x", "y", "role", "marker", "fill"), "dots": ("x", "y", "condition", "role"),
               "summary": ("x", "y", "low", "high")}
    sources = {key: ColumnDataSource({c: [] for c in names}, name=key) for key, names in columns.items()}
    plot = style.figure(title=f"{seeds} networks: mean ± 1 sd",
                        x_range=(-0.02, 1.02), x_axis_label="α  (0: the neurons, 1: a random rotation)",
                        y_axis_label=MEASURES["detectors"], name="plot", height=330)
    # Light bands with their edges drawn: where the two overlap, both edges stay readable.
    plot.patches("xs", "ys", source=sources["bands"], fill_color=colour, fill_alpha=0.12, line_color=None)
    plot.multi_line("xs", "ys", source=sources["traces"], line_color=colour, line_width="width",
                    line_dash="dash")
    plot.scatter("x", "y", source=sources["means"], marker="marker", size=7, line_color=colour,
                 fill_color=colour, fill_alpha="fill", line_width=1.5)
    entries = []
    for c in experiments.CONDITIONS:            # legend samples: one invisible (NaN) row each
        trained = not c.startswith("untrained")
        sample = ColumnDataSource({"x": [np.nan], "y": [np.nan], "xs": [[np.nan]], "ys": [[np.nan]],
                                   "role": [ROLES[c]]})
        line = plot.multi_line("xs", "ys", source=sample, line_color=colour,
                               line_width=2.5 if trained else 1.5, line_dash="solid" if trained else "dashed")
        dot = plot.scatter("x", "y", source=sample, marker=MARKER[c], size=7, line_color=colour,
                           fill_color=colour, fill_alpha=1.0 if trained else 0.0, line_width=1.5)
        entries.append((NAMES[c], [line, dot]))
    plot.add_layout(style.legend(entries, ncols=2, label_text_font_size="12px", name="legend"), "above")

    rows = [NAMES[c] for c in experiments.CONDITIONS]
    pairs = style.figure(title="α = 0 minus α = 1, per network",
                         y_range=FactorRange(*reversed(rows)), x_axis_label="difference",
                         name="pairs", height=230)
    pairs.title.text_font_size = "13px"
    pairs.add_layout(Span(location=0, dimension="height", line_color=light["muted"], line_dash="dashed"))
    pairs.scatter("x", "y", source=sources["dots"], size=6, fill_color=colour, fill_alpha=0.5,
                  line_color=colour, line_width=0.75)
    pairs.hbar(y="y", left="low", right="high", height=0.08, source=sources["summary"],
               fill_color=light["text"], line_color=None)
    mean = pairs.scatter("x", "y", source=sources["summary"], marker="diamond", size=14,
                         fill_color=light["background"], line_color=light["text"], line_width=2)
    one = pairs.scatter([np.nan], [rows[0]], size=6, fill_color=light["muted"], line_color=light["text"])
    pairs.add_layout(style.legend([("a network", one), ("mean ± 1 sd", mean)], name="pairs_legend",
                                  label_text_font_size="12px"), "above")
    style.furnish(plot, pairs)

    controls = {p.name: p.control(settings[p.name]) for p in SETTINGS}
    controls["threshold"].format = "0.00"
    # As tall as its text: on a phone its lines wrap to twice their desktop height.
    readout = Div(text="", name="readout", sizing_mode="stretch_width")
    style.controls(*controls.values(), readout)
    update = style.draw_on_load(CustomJS(
        args=dict(tables=tables, measures=list(MEASURES), labels=list(MEASURES.values()), counts=list(COUNTS),
                  thresholds=list(THRESHOLDS), names=NAMES, roles=ROLES, markers=MARKER,
                  alphas=list(experiments.ALPHAS), readout=readout, y_axis=plot.yaxis[0],
                  x_axis=pairs.xaxis[0], **sources, **controls),
        code=style.script("dissection_curves")))
    controls["measure"].js_on_change("active", update)
    controls["threshold"].js_on_change("value", update)
    return column(controls["measure"], controls["threshold"], plot, pairs, readout,
                  sizing_mode="stretch_width", name="dissection_curves")
