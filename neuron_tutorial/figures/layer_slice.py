"""``layer_slice``: a trained layer read on the plane through three of its inputs.

The figure of page 9 (the notebook). The digits network's first layer (128 ReLU
neurons on 64 pixels) becomes a 2-D layer on the plane through a 0, a 1 and a 7
(``slice_layer``, ``plane_through``); the page carries only those 128 two-input
neurons, and the browser computes the exact partition of the plane's box with
partition2d.js, the same code regions_2d uses, which mirrors ``partition_2d``.
"""

from __future__ import annotations

from math import comb

import numpy as np
from bokeh import models as bm
from bokeh.layouts import column

from ..digits import train_digits
from ..layer import Layer
from ..partition import partition_2d
from ..slices import plane_through, slice_layer
from .kit import style

VIEWS = ["colour: count positive", "colour: one neuron"]


def digits_slice(hidden: int = 128, seed: int = 0, digits=(0, 1, 7), margin: float = 0.5) -> dict:
    """The digits layer on the plane through the first image of each of ``digits``.

    Returns the sliced ``layer`` (m, 2), the plane's ``box``, the images' slice
    ``points`` (3, 2) and their ``labels``.
    """
    example = train_digits(hidden=hidden, seed=seed)
    images = np.stack([example.first(d) for d in digits])
    plane = plane_through(*images, margin=margin)
    return {"layer": slice_layer(example.layer, plane.origin, plane.u, plane.v),
            "box": plane.box, "points": plane.coordinates(images),
            "labels": [str(d) for d in digits]}


def state(layer: Layer, box, points, labels) -> dict:
    """What the figure reports, from floor 1: regions, and the neurons that flip between points."""
    partition = partition_2d(layer, box)
    where = partition.locate(points)
    signs = partition.signs[where]
    flips = [(labels[i], labels[j], int((signs[i] != signs[j]).sum()))
             for i, j in ((0, 1), (1, 2), (0, 2))]
    return {"regions": len(partition), "where": where.tolist(), "flips": flips,
            "positive": (signs > 0).sum(axis=1).tolist()}


def summary_html(facts: dict, m: int) -> str:
    flips = "; ".join(f"{a} → {b}: {n} neurons flip" for a, b, n in facts["flips"])
    return (f"<b>{facts['regions']} regions</b> in this box (at most {1 + m + comb(m, 2)} for "
            f"{m} lines). {flips}.")


def build(hidden: int = 128, seed: int = 0, digits=(0, 1, 7), margin: float = 0.5):
    """The figure as a Bokeh layout (pure: trains the seeded network, writes nothing)."""
    data = digits_slice(hidden, seed, digits, margin)
    layer, box, points = data["layer"], data["box"], data["points"]
    facts = state(layer, box, points, data["labels"])
    light = style.THEMES["light"]

    plot = style.figure(title=f"{layer.m} neurons on the plane of a {', a '.join(data['labels'])}",
                        height=460, x_range=box[0], y_range=box[1], match_aspect=True,
                        x_axis_label="s (along the plane)", y_axis_label="t (along the plane)",
                        name="plot")
    regions = bm.ColumnDataSource({"xs": [], "ys": [], "colour": [], "positive": [], "region": []},
                                  name="regions")
    lines = bm.ColumnDataSource({"xs": [], "ys": []}, name="lines")
    images = bm.ColumnDataSource({"x": points[:, 0], "y": points[:, 1], "label": data["labels"],
                                  "positive": facts["positive"], "region": facts["where"]},
                                 name="images")
    patches = plot.patches("xs", "ys", source=regions, fill_color="colour", line_color=None)
    plot.multi_line("xs", "ys", source=lines, line_color=light["background"], line_width=0.6,
                    line_alpha=0.7)
    dots = plot.scatter("x", "y", source=images, size=14, fill_color=light["text"],
                        line_color=light["background"], line_width=2)
    plot.text("x", "y", text="label", source=images, x_offset=10, y_offset=-8,
              text_font_size="16px", text_font_style="bold", text_color=light["text"])
    plot.add_tools(bm.HoverTool(renderers=[patches],
                                tooltips="Region @region: @positive neurons positive"),
                   bm.HoverTool(renderers=[dots], tooltips="Image of a @label: region @region, "
                                                           "@positive neurons positive"))
    style.furnish(plot)

    view = bm.RadioButtonGroup(labels=VIEWS, active=0, name="view")
    neuron = bm.Slider(title="Neuron", start=1, end=layer.m, step=1, value=1, name="neuron",
                       sizing_mode="stretch_width")
    summary = bm.Div(text=summary_html(facts, layer.m), name="summary", sizing_mode="stretch_width")
    count = bm.Div(text="", name="count", sizing_mode="stretch_width")
    style.controls(view, neuron, summary, count)

    update = bm.CustomJS(
        args=dict(w1=layer.weights[:, 0].tolist(), w2=layer.weights[:, 1].tolist(),
                  b=layer.biases.tolist(), box=[list(box[0]), list(box[1])], regions=regions,
                  lines=lines, view=view, neuron=neuron, count=count, palette=style.RAMP,
                  colours=style.SIGN_COLOURS, plot=plot),
        code=style.script("layer_slice"),
    )
    view.js_on_change("active", update)
    neuron.js_on_change("value", update)
    plot.js_on_change("inner_width", update)  # the first layout draws the partition
    return column(view, neuron, plot, count, summary, sizing_mode="stretch_width", name="layer_slice")
