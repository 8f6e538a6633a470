"""``superposition``: how many almost-orthogonal directions fit in ``n`` dimensions.

The figure of page 8. For each ``ε`` the reader can pick, a greedy search
(``superposition.greedy_count``) was run at build time in ``n = 2 … 256``
dimensions; the plot shows its counts on a log scale beside the ``n`` basis
directions, the union-bound guarantee ``e^{n ε² / 4}`` and the search's cap.
superposition.js only switches between the precomputed curves.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from bokeh.layouts import column
from bokeh.models import ColumnDataSource, CustomJS, Div, Legend, LegendItem, RadioButtonGroup, Span

from .. import superposition
from .kit import style

EPSILONS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
DIMENSIONS = (2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
CAP = 2000              # the search keeps at most this many directions ...
CANDIDATES = 20000      # ... and draws at most this many random ones


@lru_cache(maxsize=2)
def counts(seed: int = 0) -> dict:
    """Greedy counts ``{ε: [count per n]}`` (cached in memory: a build renders twice)."""
    return {eps: [superposition.greedy_count(n, eps, seed=seed, max_vectors=CAP, max_candidates=CANDIDATES)
                  for n in DIMENSIONS] for eps in EPSILONS}


def angle(eps: float) -> float:
    """``arccos ε`` in degrees: ``|cos| < ε`` keeps every angle between it and 180° minus it."""
    return float(np.degrees(np.arccos(eps)))


def one_decimal(x: float) -> str:
    """``x`` to one decimal, halves rounded up (as superposition.js does)."""
    return f"{np.floor(x * 10 + 0.5) / 10:.1f}"


def state(table: dict, index: int, focus: int = 64) -> dict:
    """Source data for one ``ε``: the Python side of superposition.js."""
    eps = EPSILONS[index]
    found = table[str(eps)]
    bound = [min(superposition.union_bound_count(n, eps), 1e6) for n in DIMENSIONS]
    k = found[DIMENSIONS.index(focus)]
    capped = " (the search's cap: there are more)" if k >= CAP else ""
    readout = (f"ε = {eps:.2f}: directions at least {angle(eps):.1f}° apart "
               f"(and at most {180 - angle(eps):.1f}°). "
               f"In n = {focus} dimensions the greedy search kept {k} of them{capped}, "
               f"{one_decimal(k / focus)} per neuron; the basis has {focus}.")
    return {"greedy": {"n": list(DIMENSIONS), "count": found},
            "bound": {"n": list(DIMENSIONS), "count": bound},
            "readout": readout}


def build(index: int = 4, seed: int = 0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    table = {str(eps): found for eps, found in counts(seed).items()}
    now = state(table, index)
    light = style.THEMES["light"]
    plot = style.figure(title="What a greedy search finds", height=430,
                        y_axis_type="log", x_range=(0, 260), y_range=(1, 5000), name="plot",
                        x_axis_label="dimensions n (neurons)",
                        y_axis_label="number of directions (log scale)")
    greedy = ColumnDataSource(now["greedy"], name="greedy")
    bound = ColumnDataSource(now["bound"], name="bound")
    others = [plot.line(list(DIMENSIONS), found, line_color=light["grid"], line_width=1.5)
              for found in table.values()]
    ns = np.arange(1, DIMENSIONS[-1] + 1)     # many points: y = n is a curve on a log scale
    basis = plot.line(ns, ns, line_color=light["text"], line_width=2.5)
    guarantee = plot.line("n", "count", source=bound, line_color=light["muted"], line_width=2,
                          line_dash="dashed")
    line = plot.line("n", "count", source=greedy, line_color=light["positive"], line_width=3)
    dots = plot.scatter("n", "count", source=greedy, fill_color=light["positive"], line_color=None, size=8)
    cap = Span(location=CAP, dimension="width", line_color=light["negative"], line_dash="dotted",
               line_width=2)
    cap_sample = plot.line([np.nan], [np.nan], line_color=light["negative"], line_dash="dotted", line_width=2)
    plot.add_layout(cap)
    plot.add_layout(Legend(items=[LegendItem(label="greedy search (lower bound)", renderers=[line, dots]),
                                  LegendItem(label="n basis directions", renderers=[basis]),
                                  LegendItem(label="guarantee e^(n ε²/4)", renderers=[guarantee]),
                                  LegendItem(label=f"search cap: {CAP}", renderers=[cap_sample]),
                                  LegendItem(label="other ε", renderers=others[:1])],
                            name="legend", label_text_font_size="12px", ncols=2, border_line_color=None,
                            margin=0, padding=2), "below")
    style.furnish(plot)
    label = Div(text="ε, how far from orthogonal two directions may be (|cos| < ε):",
                sizing_mode="stretch_width")
    choice = RadioButtonGroup(labels=[f"{eps:g}" for eps in EPSILONS], active=index, name="eps")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(label, choice, readout)
    update = CustomJS(args=dict(table=table, epsilons=list(EPSILONS), dimensions=list(DIMENSIONS),
                                greedy=greedy, bound=bound, readout=readout, cap=CAP),
                      code=style.script("superposition"))
    choice.js_on_change("active", update)
    return column(label, choice, plot, readout, sizing_mode="stretch_width", name="superposition")
