"""``dissection_digits``: what one neuron and one random direction of a digits network respond to.

For a trained ReLU network of the digits dissection (``kit/experiments``), the
reader picks a neuron (α = 0) and a random direction (α = 1), each by its rank
in its network's list ordered by best IoU (rank 1 is the best match: the
default is the rule "the neuron and the random direction with the highest IoU
of network 0"). Beside each, its 16 top-activating held-out digits as 8×8
images, framed when the image belongs to the concept it matches best, with that
concept and its IoU. Everything is precomputed; dissection_digits.js draws every
view (the first one too) from :func:`data`. Only the first :data:`NETWORKS` networks are offered, to keep
the page small (their images and top lists travel with the figure).
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, CustomJS, Div

from ..digit_dissection import TOP
from .kit import experiments, style
from .kit.params import Param, Params

NETWORKS = 4        # networks 0 ... 3 of the twenty (the figure stays under 100 KB)
SIDE = 4            # images per row of a panel (TOP = 16 images: a 4 × 4 grid)
KINDS = {"neuron": 0, "random": -1}   # which α each panel reads: the first (0) and the last (1)
LEVELS = "0123456789abcdefg"          # a pixel of the digits (17 grey levels) as one character
HIDDEN = 64         # hidden units of the digits networks: no rank beyond (build() sets the live end)
SETTINGS = Params(
    Param("seed", f"Network (the first {NETWORKS} of the 20 ReLU networks)", 0, 0, NETWORKS - 1, 1),
    Param("neuron", "Neuron: rank by IoU (1 = best)", 1, 1, HIDDEN, 1),
    Param("random", "Random direction: rank by IoU (1 = best)", 1, 1, HIDDEN, 1),
)


def ranked(result, seed: int, alpha_index: int) -> np.ndarray:
    """Live direction slots of network ``seed`` at one α, best IoU first (ties: lower slot first)."""
    k = int(result.live[seed])
    return np.argsort(-result.best_iou[seed, alpha_index, :k], kind="stable")


def data(networks: int = NETWORKS) -> dict:
    """Images (those shown anywhere) as text and, per network and kind, every ranked direction.

    A kind's directions are columns (``slot``, ``concept``, ``iou``) with, as text, their
    top images (two base-36 digits each, :data:`TOP` per direction) and whether each has the
    concept (four hex digits per direction): :func:`ranked_row` reads one back.
    """
    result = experiments.digits("relu")
    nets, used = [], set()
    for s in range(networks):
        net = {"live": int(result.live[s])}
        for kind, a in KINDS.items():
            slots = ranked(result, s, a)
            concepts = result.best_concept[s, a, slots]
            tops = result.top_images[s, a, slots]                        # (k, TOP)
            used.update(tops.ravel().tolist())
            net[kind] = {"slot": slots.tolist(), "concept": concepts.tolist(),
                         "iou": result.best_iou[s, a, slots].round(4).tolist(), "top": tops,
                         "has": [result.truth[top, c] for top, c in zip(tops, concepts, strict=True)]}
        nets.append(net)
    order = sorted(used)
    position = np.full(len(result.images), -1)
    position[order] = np.arange(len(order))
    for net in nets:
        for kind in KINDS:
            net[kind]["top"] = "".join(np.base_repr(p, 36).lower().rjust(2, "0")
                                       for p in position[net[kind]["top"]].ravel())
            net[kind]["has"] = "".join(f"{int(''.join('1' if h else '0' for h in has), 2):04x}"
                                       for has in net[kind]["has"])
    pixels = np.rint(result.images[order] * 16).astype(int)
    return {"images": ["".join(LEVELS[v] for v in image) for image in pixels], "networks": nets,
            "concepts": list(result.concepts), "threshold": result.threshold, "top": TOP}


def ranked_row(data_: dict, seed: int, kind: str, rank: int) -> dict:
    """Direction ``rank`` (1 = best IoU) of ``kind`` in network ``seed``, decoded from :func:`data`."""
    columns, r, top = data_["networks"][seed][kind], rank - 1, data_["top"]
    code = columns["top"][2 * top * r: 2 * top * (r + 1)]
    bits = int(columns["has"][4 * r: 4 * (r + 1)], 16)
    return {"slot": columns["slot"][r], "concept": columns["concept"][r], "iou": columns["iou"][r],
            "top": [int(code[2 * t: 2 * t + 2], 36) for t in range(top)],
            "has": [(bits >> (top - 1 - t)) & 1 for t in range(top)]}


def build(seed: int = 0, neuron: int = 1, random: int = 1):
    """The figure as a Bokeh layout (pure: builds models, writes nothing). dissection_digits.js draws it."""
    settings = SETTINGS.values({"seed": seed, "neuron": neuron, "random": random})
    shown = data()
    light = style.THEMES["light"]
    most = min(net["live"] for net in shown["networks"])
    panels, sources = [], {}
    for kind, title in (("neuron", "A neuron (α = 0)"), ("random", "A random direction (α = 1)")):
        fig = style.figure(title=title, x_range=(-0.5, SIDE * 9 - 0.5), y_range=(-0.5, SIDE * 9 - 0.5),
                           width=300, height=330, sizing_mode="scale_width", max_width=380, min_width=150,
                           name=f"panel_{kind}", x_axis_label="top 16 digits, strongest first",
                           match_aspect=True)
        fig.xaxis.ticker, fig.yaxis.visible = [], False
        fig.xgrid.visible = fig.ygrid.visible = False
        ink = ColumnDataSource({"x": [], "y": [], "alpha": []}, name=f"ink_{kind}")
        frames = ColumnDataSource({"x": [], "y": [], "width": []}, name=f"frames_{kind}")
        fig.rect("x", "y", width=8.6, height=8.6, source=frames, fill_color=None, line_color=light["text"],
                 line_width="width")
        fig.rect("x", "y", width=1, height=1, source=ink, fill_color=light["text"], fill_alpha="alpha",
                 line_color=None)
        # Four lines (which direction, its concept, its IoU, how many of the 16 have it), one line
        # each down to a phone's width, where the panels stack.
        text = Div(text="", name=f"header_{kind}", sizing_mode="stretch_width", height=88)
        panels.append(column(text, fig, sizing_mode="stretch_width", min_width=260))
        sources[kind] = {"ink": ink, "frames": frames, "header": text}
        style.furnish(fig)
    controls = {p.name: p.control(settings[p.name]) for p in SETTINGS}
    for name in ("neuron", "random"):   # every network of the figure has at least `most` live directions
        controls[name].end = most
    style.controls(*controls.values(), *(s["header"] for s in sources.values()))
    update = style.draw_on_load(CustomJS(
        args=dict(data=shown, levels=LEVELS, side=SIDE, panels=sources, **controls),
        code=style.script("dissection_digits")))
    for control in controls.values():
        control.js_on_change("value", update)
    return column(*controls.values(),
                  row(*panels, styles={"flex-wrap": "wrap", "gap": "12px"}, sizing_mode="stretch_width"),
                  sizing_mode="stretch_width", name="dissection_digits")
