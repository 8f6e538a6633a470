"""``layer_slice``: a trained layer read on the plane through three of its inputs.

The figure of page 9 (the notebook). The digits network's first layer (128 ReLU
neurons on 64 pixels) becomes a 2-D layer on the plane through a 0, a 1 and a 7
(``slice_layer``, ``plane_through``): that is computed here, at build time (it trains
the seeded network). The page carries only those 128 two-input neurons, the plane's
box and the images' places; layer_slice.js computes the exact partition of the box
with nt/partition.js (the mirror of ``partition_2d``, as regions_2d) and draws it all.
"""

from __future__ import annotations

import numpy as np
from bokeh import models as bm
from bokeh.layouts import column

from ..digits import train_digits
from ..slices import plane_through, slice_layer
from .kit import style
from .kit.params import Param, Params

VIEWS = ("colour: count positive", "colour: one neuron")
HIDDEN = 128
SETTINGS = Params(Param("view", "Colour", 0, choices=VIEWS),
                  Param("neuron", "Chosen neuron (dashed line)", 1, 1, HIDDEN, 1))


def digits_slice(hidden: int = HIDDEN, seed: int = 0, digits=(0, 1, 7), margin: float = 0.5) -> dict:
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


def build(hidden: int = HIDDEN, seed: int = 0, digits=(0, 1, 7), margin: float = 0.5, **settings):
    """The figure as a Bokeh layout (pure: trains the seeded network, writes nothing).

    ``hidden``, ``seed``, ``digits`` and ``margin`` choose the network and the plane;
    ``settings`` the reader's view (see SETTINGS).
    """
    values = SETTINGS.values(settings)
    data = digits_slice(hidden, seed, digits, margin)
    layer, box, points = data["layer"], data["box"], data["points"]
    light = style.THEMES["light"]

    plot = style.figure(title=f"{layer.m} neurons, plane of {', '.join(data['labels'])}",
                        height=460, x_range=box[0], y_range=box[1], match_aspect=True,
                        x_axis_label="s (along the plane)", y_axis_label="t (along the plane)",
                        name="plot")
    regions = bm.ColumnDataSource({"xs": [], "ys": [], "positive": [], "role": [], "region": []},
                                  name="regions")
    lines = bm.ColumnDataSource({"xs": [], "ys": []}, name="lines")
    chosen = bm.ColumnDataSource({"xs": [], "ys": []}, name="chosen")
    images = bm.ColumnDataSource({"x": points[:, 0], "y": points[:, 1], "label": data["labels"],
                                  "positive": [0] * len(points), "region": [0] * len(points)},
                                 name="images")
    mapper = bm.LinearColorMapper(palette=style.RAMP, low=0, high=1, name="mapper")
    by_count = plot.patches("xs", "ys", source=regions, line_color=None, name="by_count",
                            fill_color={"field": "positive", "transform": mapper})
    by_neuron = plot.patches("xs", "ys", source=regions, line_color=None, name="by_neuron", visible=False,
                             fill_color=style.by_role("role", roles=("positive", "negative", "zero")))
    plot.multi_line("xs", "ys", source=lines, line_color=light["background"], line_width=0.6,
                    line_alpha=0.7)
    # The chosen neuron's line: a light casing under a dark dash reads on every colour.
    plot.multi_line("xs", "ys", source=chosen, line_color=light["background"], line_width=5)
    chosen_line = plot.multi_line("xs", "ys", source=chosen, line_color=light["text"], line_width=2.5,
                                  line_dash="dashed")
    name = bm.Label(x=0, y=0, text="", text_font_size="13px", text_font_style="bold", name="chosen_label",
                    text_color=light["text"], background_fill_color=light["background"],
                    background_fill_alpha=0.85, x_offset=6, y_offset=4)
    plot.add_layout(name)
    dots = plot.scatter("x", "y", source=images, size=14, fill_color=light["text"],
                        line_color=light["background"], line_width=2)
    plot.text("x", "y", text="label", source=images, x_offset=10, y_offset=-8,
              text_font_size="16px", text_font_style="bold", text_color=light["text"])
    plot.add_tools(bm.HoverTool(renderers=[by_count, by_neuron],
                                tooltips="Region @region: @positive neurons positive"),
                   bm.HoverTool(renderers=[dots], tooltips="Image of a @label: region @region, "
                                                           "@positive neurons positive"))
    bar = bm.ColorBar(color_mapper=mapper, orientation="horizontal", height=10, padding=4,
                      title="number of positive neurons", name="colour_bar",
                      major_label_text_font_size="11px", title_text_font_style="normal",
                      title_text_font_size="12px", background_fill_color=light["background"])
    plot.add_layout(bar, "below")
    samples = [plot.patch([np.nan], [np.nan], fill_color=light[key], line_color=None)
               for key in ("positive", "negative")]
    key = style.legend([("chosen neuron positive", samples[0]), ("negative", samples[1]),
                        ("its boundary", chosen_line)], name="neuron_key", label_text_font_size="12px",
                       spacing=12, label_standoff=6, glyph_width=24, visible=False)
    plot.add_layout(key, "below")
    style.furnish(plot)

    view = SETTINGS["view"].control(values["view"])
    neuron = bm.Slider(title=SETTINGS["neuron"].label, start=1, end=layer.m, step=1,
                       value=min(values["neuron"], layer.m), name="neuron", sizing_mode="stretch_width")
    readout = bm.Div(text="", name="readout", sizing_mode="stretch_width")
    style.controls(view, neuron, readout)

    update = bm.CustomJS(
        args=dict(w1=layer.weights[:, 0].tolist(), w2=layer.weights[:, 1].tolist(),
                  b=layer.biases.tolist(), box=[list(box[0]), list(box[1])], regions=regions,
                  lines=lines, chosen=chosen, images=images, name=name, view=view, neuron=neuron,
                  readout=readout, mapper=mapper, by_count=by_count, by_neuron=by_neuron, bar=bar,
                  key=key),
        code=style.script("layer_slice"),
    )
    view.js_on_change("active", update)
    neuron.js_on_change("value", update)
    style.draw_on_load(update)
    return column(view, neuron, plot, readout, sizing_mode="stretch_width", name="layer_slice")
