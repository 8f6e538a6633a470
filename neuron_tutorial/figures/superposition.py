"""``superposition``: how many almost-orthogonal directions fit in ``n`` dimensions.

The figure of page 8. For each ``ε`` the reader can pick, a greedy search
(``superposition.greedy_count``) was run at build time in ``n = 2 … 256`` dimensions:
that table is computed here on purpose (seconds of numpy, too slow for a page).
superposition.js draws from it: the counts on a log scale beside the ``n`` basis
directions, the union-bound guarantee ``exp(n ε² / 4)``, the search's cap, and the
readout at the ``n`` the reader picks.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from bokeh.layouts import column
from bokeh.models import ColumnDataSource, CustomJS, CustomJSTickFormatter, Div, Legend, LegendItem, Span

from .. import superposition
from .kit import style
from .kit.params import Param, Params

EPSILONS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
DIMENSIONS = (2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
CAP = 2000              # the search keeps at most this many directions ...
CANDIDATES = 20000      # ... and draws at most this many random ones
# Where the search runs below the basis (small ε): said on the figure, not left to the reader.
NOTE = ("Below the black line the search is a weak lower bound: two random directions have |cos| "
        "near 1/√n, close to a small ε, so a random search soon draws clashing pairs. The n basis "
        "directions alone show that at least n fit; the guarantee, too, is far below them there.")
SETTINGS = Params(Param("eps", "ε", 4, choices=tuple(f"{eps:g}" for eps in EPSILONS)),
                  # An index into DIMENSIONS: the slider shows the dimension itself.
                  Param("n", "Dimensions n", DIMENSIONS.index(64), 0, len(DIMENSIONS) - 1, 1))


@lru_cache(maxsize=2)
def counts(seed: int = 0) -> dict:
    """Greedy counts ``{ε: [count per n]}`` (cached in memory: a build renders twice)."""
    return {eps: [superposition.greedy_count(n, eps, seed=seed, max_vectors=CAP, max_candidates=CANDIDATES)
                  for n in DIMENSIONS] for eps in EPSILONS}


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: builds models, writes nothing)."""
    values = SETTINGS.values(settings)
    table = {str(eps): found for eps, found in counts().items()}
    light = style.THEMES["light"]
    plot = style.figure(title="What a greedy search finds", height=430,
                        y_axis_type="log", x_range=(0, 260), y_range=(1, 5000), name="plot",
                        x_axis_label="dimensions n (neurons)",
                        y_axis_label="number of directions (log scale)")
    greedy = ColumnDataSource({"n": [], "count": [], "role": []}, name="greedy")
    line = ColumnDataSource({"xs": [], "ys": [], "role": []}, name="greedy_line")
    bound = ColumnDataSource({"n": [], "count": []}, name="bound")
    chosen = ColumnDataSource({"n": [], "count": []}, name="chosen")
    # Other ε: the same table in the background, drawn once.
    others = plot.multi_line([list(DIMENSIONS)] * len(table), list(table.values()), line_color=light["grid"],
                             line_width=1.5)
    ns = np.arange(1, DIMENSIONS[-1] + 1)     # many points: y = n is a curve on a log scale
    basis = plot.line(ns, ns, line_color=light["text"], line_width=2.5)
    guarantee = plot.line("n", "count", source=bound, line_color=light["muted"], line_width=2,
                          line_dash="dashed")
    series = style.by_role("role", roles=("series_1",))
    search = plot.multi_line("xs", "ys", source=line, line_color=series, line_width=3)
    dots = plot.scatter("n", "count", source=greedy, fill_color=series, line_color=None, size=8)
    plot.scatter("n", "count", source=chosen, size=15, fill_color=None, line_color=light["text"],
                 line_width=2)
    at = Span(location=DIMENSIONS[values["n"]], dimension="height", line_color=light["muted"],
              line_width=1, name="at_n")
    cap = Span(location=CAP, dimension="width", line_color=light["zero"], line_dash="dotted", line_width=2)
    cap_sample = plot.line([np.nan], [np.nan], line_color=light["zero"], line_dash="dotted", line_width=2)
    plot.add_layout(at)
    plot.add_layout(cap)
    plot.add_layout(Legend(items=[LegendItem(label="greedy search (a lower bound)", renderers=[search, dots]),
                                  LegendItem(label="n basis directions", renderers=[basis]),
                                  LegendItem(label="guarantee exp(n·ε²/4)", renderers=[guarantee]),
                                  LegendItem(label=f"search cap: {CAP}", renderers=[cap_sample]),
                                  LegendItem(label="other ε", renderers=[others])],
                            name="legend", label_text_font_size="12px", ncols=2, border_line_color=None,
                            margin=0, padding=4, spacing=8, label_standoff=6, glyph_width=26), "below")
    style.furnish(plot)
    label = Div(text="ε, how far from orthogonal two directions may be (|cos| < ε):",
                sizing_mode="stretch_width")
    choice = SETTINGS["eps"].control(values["eps"])
    dimension = SETTINGS["n"].control(values["n"], format=CustomJSTickFormatter(
        args={"dimensions": list(DIMENSIONS)}, code="return String(dimensions[Math.round(tick)])"))
    readout = Div(text="", name="readout", sizing_mode="stretch_width")
    note = Div(text=NOTE, name="note", sizing_mode="stretch_width", styles={"font-size": "13px"})
    style.controls(label, choice, dimension, readout, note)
    update = CustomJS(args=dict(table=table, epsilons=list(EPSILONS), dimensions=list(DIMENSIONS),
                                greedy=greedy, line=line, bound=bound, chosen=chosen, at=at, readout=readout,
                                cap=CAP, eps=choice, n=dimension),
                      code=style.script("superposition"))
    choice.js_on_change("active", update)
    dimension.js_on_change("value", update)
    style.draw_on_load(update)
    return column(label, choice, plot, dimension, readout, note, sizing_mode="stretch_width",
                  name="superposition")
