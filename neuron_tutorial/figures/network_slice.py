"""``network_slice``: a reader's own network, read on the plane through three of its inputs.

The figure of ``neuron-tutorial read`` and of ``nt.show(network)``. Python computes
the exact partition of the plane's box by every neuron of the first ``depth``
layers (``partition_2d`` of the sliced network) and hands it to the browser as flat
arrays: the regions' corners, and for each corner's edge the neuron whose boundary
it lies on. The browser only colours, draws one neuron's boundary, and reads a
tapped region (its sign pattern per layer and the network's output, from the
sliced network's weights at the region's centre and at the tapped point).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from bokeh import models as bm
from bokeh.layouts import column, row
from bokeh.palettes import Viridis256, linear_palette

from ..deep_partition import partition_2d
from ..network import Network
from ..partition import Partition
from ..slices import Plane
from .kit import style

TOLERANCE = 2e-9  # an edge lies on a neuron's line when both ends are this close, relative to the box
CHUNK = 4096      # corners per block when testing every neuron of a layer against every edge
# Output classes: Paul Tol's "muted" qualitative palette, which holds neither the sign blue nor
# the sign orange of the site (those mean positive and negative); named in the legend.
CLASSES = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
           "#AA4499", "#DDDDDD")
NAMED = 20          # classes the key names (two rows of 10); more are coloured but not named
MAX_WIDTH = 720     # the figure's widest: its square frame and key fit a desktop screen
FIRST_HEIGHT = 480  # the plot's height until its JS makes the frame square at its width
AXIS_ROOM = 64      # the y-axis's room, wide enough for any tick: panning never moves the frame
# Fixed heights in whole pixels (a plot at a fractional y shows a 1-px line at its top edge),
# whatever the text, so the figure's height depends on its width alone and no control changes
# it: the neuron line (one short line), the key (a label and two rows of tiles) and the readout
# (it scrolls within its box when a network is big).
CHOSEN_CSS = """:host { line-height: 20px; height: 20px; overflow: hidden; white-space: nowrap; }
div { overflow: hidden; text-overflow: ellipsis; }"""
KEY_CSS = """:host { font-size: 13px; height: 70px; overflow: hidden; }
.label { line-height: 20px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tiles { display: grid; gap: 3px; height: 47px; }
.tile { display: flex; align-items: center; justify-content: center; min-width: 0; border-radius: 2px;
  font-weight: 600; }
.ramp { height: 22px; max-width: 420px; border: 1px solid var(--nt-border); }
.ends { display: flex; justify-content: space-between; max-width: 420px; line-height: 22px; }"""
READOUT_CSS = """:host { line-height: 20px; }
.box { height: 140px; overflow-y: auto; }
.box:focus-visible { outline: 3px solid var(--nt-positive); outline-offset: -3px; }
@media (min-width: 560px) { .box { height: 100px; } }"""


def head(network: Network, depth: int | None = None) -> Network:
    """The first ``depth`` layers (default: every hidden layer; the only one of a 1-layer network)."""
    layers = len(network.layers)
    depth = max(1, layers - 1) if depth is None else depth
    if not isinstance(depth, int | np.integer) or not 1 <= depth <= layers:
        raise ValueError(f"depth must be a layer number in [1, {layers}], got {depth!r}")
    return Network(network.layers[:depth])


def corner_readings(part: Partition, sliced: Network) -> tuple[np.ndarray, np.ndarray]:
    """For every corner (polygons concatenated): the neuron its edge to the next corner lies on, and
    the class ``sliced`` outputs there. ``part`` partitions the first layers of ``sliced``.

    Neurons are numbered across layers (the columns of ``part.signs``); -1 for the box's
    sides. An edge is given to a neuron only in the region where that neuron is positive,
    so each piece of a boundary comes once (as in ``boundary``). Pre-activations are
    continuous, so the network's own values at a corner are its region's affine maps' there.
    """
    polygons = [r.polygon for r in part.regions]
    lengths = np.array([len(p) for p in polygons])
    corners = np.concatenate(polygons)
    owner = np.repeat(np.arange(len(polygons)), lengths)
    starts = np.cumsum(lengths) - lengths
    following = np.arange(1, len(corners) + 1)
    following[starts + lengths - 1] = starts
    (x0, x1), (y0, y1) = part.domain
    tol = TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    signs, depth = part.signs, len(part.layer.layers)
    norms = np.concatenate([np.linalg.norm(A, axis=2) for A, _ in part.maps], axis=1)  # (regions, neurons)
    found = np.full(len(corners), -1, dtype=np.int32)
    classes = np.empty(len(corners), dtype=np.intp)
    bounds = np.append(starts[::max(1, CHUNK // 8)], len(corners))  # blocks of whole polygons
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        values = sliced.pre_activations(corners[lo:hi])
        classes[lo:hi] = values[-1].argmax(axis=1)
        z = np.abs(np.concatenate(values[:depth], axis=1))
        own = owner[lo:hi]
        far = np.maximum(z, z[following[lo:hi] - lo]) / np.maximum(norms[own], 1e-300)
        far[(signs[own] <= 0) | (norms[own] == 0)] = np.inf
        k = far.argmin(axis=1)
        near = far[np.arange(len(k)), k] <= tol
        found[lo:hi][near] = k[near]
    return found, classes


def facts(network: Network, plane: Plane, inputs, depth: int | None = None, part: Partition | None = None):
    """Everything the figure draws, as flat arrays (see the module's docstring)."""
    sliced = network.sliced(plane)
    part = partition_2d(head(sliced, depth), plane.box) if part is None else part
    polygons = [r.polygon for r in part.regions]
    lengths = np.array([len(p) for p in polygons])
    starts = np.cumsum(lengths) - lengths
    corners = np.concatenate(polygons)
    centres = np.add.reduceat(corners, starts) / lengths[:, None]
    sizes = part.layer.sizes[1:]
    columns = np.split(part.signs > 0, np.cumsum(sizes)[:-1], axis=1)
    positive = np.stack([c.sum(axis=1) for c in columns], axis=1)  # (regions, layers)
    edge, corner_class = corner_readings(part, sliced)
    # The output is affine on a region of the hidden layers, so its class is constant on the region
    # exactly when its corners agree; else a decision boundary crosses it.
    agree = np.minimum.reduceat(corner_class == np.repeat(corner_class[starts], lengths), starts)
    points = plane.coordinates(np.asarray(inputs, dtype=float)) if inputs is not None else np.zeros((0, 2))
    return {"sliced": sliced, "part": part, "corners": corners, "lengths": lengths, "centres": centres,
            "edge": edge, "positive": positive, "centre_class": sliced(centres).argmax(axis=1),
            "mixed": ~agree.astype(bool), "points": points, "where": part.locate(points)}


def build(network: Network, plane: Plane, inputs=None, labels: Sequence[str] = ("a", "b", "c"),
          depth: int | None = None, part: Partition | None = None, title: str | None = None):
    """The figure as a Bokeh layout (pure: computes with floor 1, writes nothing).

    ``inputs`` ``(k, n)`` (usually the 3 that ``plane`` goes through), named ``labels``, are marked.
    ``part`` may be given when already computed (``partition_2d`` of the first
    ``depth`` layers of ``network.sliced(plane)`` in ``plane.box``).

    Its height depends on its width alone, whatever the network (a notebook's page reserves
    it before the figure loads): a short title (the counts are in the summary), a frame whose
    height the JS sets from its width and whose ranges hold the box at one scale on both axes,
    a colour key of two rows under it whatever the number of classes, and a readout and
    neuron line of fixed heights.
    """
    f = facts(network, plane, inputs, depth, part)
    sliced, part, points = f["sliced"], f["part"], f["points"]
    sizes, outputs = part.layer.sizes[1:], sliced.m
    light = style.THEMES["light"]
    labels = [str(label) for label in labels][: len(points)]
    (x0, x1), (y0, y1) = plane.box
    half = max(x1 - x0, y1 - y0) / 2  # the box in a square (the JS fits the ranges to the frame)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    plot = style.figure(title=title or "Regions on the plane", height=FIRST_HEIGHT,
                        x_range=bm.Range1d(cx - half, cx + half), y_range=bm.Range1d(cy - half, cy + half),
                        x_axis_label="s (along the plane)", y_axis_label="t (along the plane)",
                        tools="pan,wheel_zoom,reset", toolbar_location="right", name="plot",
                        min_border_left=AXIS_ROOM, min_border_right=12)
    plot.grid.visible = False
    # The box's outline: where it is shorter than the square frame, the bands beyond it are empty.
    plot.rect(x=cx, y=cy, width=x1 - x0, height=y1 - y0, fill_color=None, line_color=light["muted"],
              line_width=1)
    regions = bm.ColumnDataSource({"xs": [], "ys": [], "class": [], "count": [], "region": [], "positive": [],
                                   "output": []}, name="regions")
    # Two views of the same regions: by output class, by a count; the key under the plot names either.
    names = [str(k) for k in range(outputs)]
    palette = list(CLASSES) if outputs <= len(CLASSES) else linear_palette(Viridis256, outputs)
    by_class = bm.CategoricalColorMapper(factors=names, palette=palette[:outputs])
    by_count = bm.LinearColorMapper(palette=style.RAMP, low=0, high=max(1, max(sizes)))
    edges = {"line_color": light["background"], "line_width": 0.3, "line_alpha": 0.6}
    patches = plot.patches("xs", "ys", source=regions, fill_color={"field": "class", "transform": by_class},
                           name="by_class", **edges)
    counted = plot.patches("xs", "ys", source=regions, fill_color={"field": "count", "transform": by_count},
                           name="by_count", visible=False, **edges)
    boundary = bm.ColumnDataSource({"xs": [], "ys": []}, name="boundary")
    plot.multi_line("xs", "ys", source=boundary, line_color=light["text"], line_width=3)
    # An input's name sits on the side of its dot towards the box's centre: never beyond the frame.
    right = points[:, 0] > cx
    marks = bm.ColumnDataSource({"x": points[:, 0], "y": points[:, 1], "label": labels,
                                 "region": f["where"].tolist(), "align": np.where(right, "right", "left"),
                                 "offset": np.where(right, -10, 10)}, name="inputs")
    dots = plot.scatter("x", "y", source=marks, size=14, fill_color=light["text"],
                        line_color=light["background"], line_width=2)
    plot.text("x", "y", text="label", source=marks, x_offset="offset", y_offset=-8, text_align="align",
              text_font_size="16px",
              text_font_style="bold", text_color=light["text"], background_fill_color=light["background"],
              background_fill_alpha=0.8, padding=2)   # readable on any class colour
    # Tooltips are always on: no buttons for them in the toolbar, which takes the plot's width.
    plot.add_tools(bm.HoverTool(renderers=[patches, counted], tooltips="Region @region: @positive; @output",
                                visible=False),
                   bm.HoverTool(renderers=[dots], tooltips="Input @label: region @region", visible=False))
    plot.toolbar.logo = None
    style.furnish(plot)

    views = [f"colour: positive neurons of layer {i + 1}" for i in range(len(sizes))]
    views.append("colour: output class at the region's centre")
    view = bm.Select(title="Colour", options=views, value=views[-1], name="view")
    layer = bm.Select(title="Boundary of a neuron of layer", options=[str(i + 1) for i in range(len(sizes))],
                      value="1", name="layer")
    neuron = bm.Spinner(title="neuron (0 = none)", low=0, high=max(sizes), step=1, value=0, name="neuron",
                        width=140)
    texts = {name: bm.Div(text="", name=name, sizing_mode="stretch_width",
                          stylesheets=[bm.InlineStyleSheet(css=css)])
             for name, css in (("chosen", CHOSEN_CSS), ("key", KEY_CSS), ("readout", READOUT_CSS))}
    summary = bm.Div(text=summary_html(f, labels, network.sizes), name="summary", sizing_mode="stretch_width")
    style.controls(view, layer, neuron, *texts.values(), summary)
    update = style.draw_on_load(bm.CustomJS(
        args=dict(x=f["corners"][:, 0].astype(np.float32), y=f["corners"][:, 1].astype(np.float32),
                  lengths=f["lengths"].astype(np.int32), edge=f["edge"],
                  positive=f["positive"].astype(np.int32),
                  centre_class=f["centre_class"].astype(np.int32), mixed=f["mixed"].astype(np.int8),
                  sizes=list(sizes), weights=[layer.weights.ravel() for layer in sliced.layers],
                  biases=[layer.biases for layer in sliced.layers], regions=regions, boundary=boundary,
                  box=[x0, x1, y0, y1], marks=marks, view=view, layer=layer, neuron=neuron, plot=plot,
                  by_class=patches, by_count=counted, class_mapper=by_class, count_mapper=by_count,
                  named=min(outputs, NAMED),
                  **texts),
        code=style.script("network_slice"),
    ))
    for control in (view, layer, neuron):
        control.js_on_change("value", update)
    plot.js_on_event("tap", update)  # read the region under the pointer
    plot.js_on_change("inner_width", update)  # a new width: the height that keeps the frame square
    controls = row(view, layer, neuron, styles={"flex-wrap": "wrap", "gap": "6px"},
                   sizing_mode="stretch_width")
    return column(controls, texts["chosen"], plot, texts["key"], texts["readout"], summary,
                  sizing_mode="stretch_width", max_width=MAX_WIDTH, name="network_slice")


def summary_html(f: dict, labels: list[str], sizes: Sequence[int]) -> str:
    """What the figure shows, in words: the network, the plane, the counts (the figure's caption
    on the site, so the frame's height does not depend on it)."""
    part, where = f["part"], f["where"]
    signs = part.signs[where]
    flips = "".join(f"{labels[i]} → {labels[j]}: {int((signs[i] != signs[j]).sum())} neurons flip. "
                    for i, j in ((0, 1), (1, 2), (0, 2)) if j < len(labels))
    layers = " + ".join(str(m) for m in part.layer.sizes[1:])
    through = f" on the plane through {', '.join(labels)}" if labels else " on the plane"
    return (f"<b>{len(part)} regions</b> of {' → '.join(map(str, sizes))}{through}: the plane's box cut "
            f"by {layers} neurons (exact, computed in Python). {flips}{int(f['mixed'].sum())} regions hold "
            f"a decision boundary (their corners' classes differ).")
