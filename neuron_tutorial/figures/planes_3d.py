"""``planes_3d``: every neuron of a two-input layer as a plane ``A = w · F + b`` in a 3-D view.

The figure of page 4. Over the input square, neuron ``k``'s output is a plane; where it
crosses ``A = 0`` it meets the floor along its boundary line. One neuron, chosen by the
reader, is drawn solid in its sign colours and the others faint and grey, so nothing blends
to brown. Bokeh has no 3-D: planes_3d.js cuts every plane into pieces where it crosses the
floor or another plane (nt/partition.js ``plane_pieces``, on ``partition_2d``), projects
them and paints them back to front at every angle, the first picture included. The page
holds only the seed table of weights and biases and the settings.
"""

from __future__ import annotations

import numpy as np
from bokeh.events import Pan, PanStart
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, CustomJS, Div, LabelSet, Range1d

from ..layer import random_layer
from .kit import style
from .kit.params import Param, Params

SEEDS, MAX_M = 20, 8
HEIGHT = 0.6  # half the height of the drawn box, in widths of the input square
SHOW = ("planes and floor", "floor only")
SETTINGS = Params(Param("show", "Show", 0, choices=SHOW),
                  Param("neuron", "Highlighted neuron", 3, 1, MAX_M, 1),
                  Param("azimuth", "Turn (°)", -35, -180, 180, 1),
                  Param("elevation", "Tilt (°)", 25, 0, 90, 1),
                  Param("seed", "Seed", 6, 0, SEEDS - 1, 1),
                  Param("m", "Neurons m", 4, 1, MAX_M, 1))
# Roles of the scene: the highlighted neuron's sign, the other planes' grey, the floor's lines.
ROLES = ("positive", "negative", "zero", "muted")
# Fill and outline opacity: the highlighted plane, the others, the floor (beside its planes, alone).
ALPHA = {"highlighted": (0.82, 1.0), "other": (0.07, 0.4), "floor": (0.22, 0.9), "floor_only": (0.45, 0.9)}
WRAP = {"flex-wrap": "wrap", "row-gap": "6px"}
COLUMNS = {"patches": ("xs", "ys", "role", "line_role", "fill_alpha", "line_alpha", "line_width", "depth",
                       "neuron"),
           "axes": ("xs", "ys"), "zero_line": ("xs", "ys"), "labels": ("x", "y", "text")}


def layer_table(seeds: int, max_m: int) -> dict:
    """Weights ``(seeds, max_m, 2)`` and biases ``(seeds, max_m)`` of ``random_layer(max_m, 2, s)``."""
    layers = [random_layer(max_m, 2, seed) for seed in range(seeds)]
    return {key: np.stack([getattr(layer, key) for layer in layers]) for key in ("weights", "biases")}


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    table = layer_table(SEEDS, MAX_M)
    light = style.THEMES["light"]
    sources = {key: ColumnDataSource({c: [] for c in cols}, name=key) for key, cols in COLUMNS.items()}

    # planes_3d.js fits the ranges to the scene and to the plot's shape at every angle.
    plot = style.figure(title="Each neuron: a plane over the square", height=440, name="plot",
                        x_range=Range1d(-1, 1), y_range=Range1d(-1, 1), min_border=4)
    plot.axis.visible = False
    plot.grid.visible = False
    plot.patches("xs", "ys", source=sources["patches"], fill_color=style.by_role("role", ROLES),
                         fill_alpha="fill_alpha", line_color=style.by_role("line_role", ROLES),
                         line_alpha="line_alpha", line_width="line_width", name="scene")
    plot.multi_line("xs", "ys", source=sources["axes"], line_color=light["text"], line_width=1.5)
    zero = plot.multi_line("xs", "ys", source=sources["zero_line"], line_color=light["text"], line_width=3)
    plot.add_layout(LabelSet(x="x", y="y", text="text", source=sources["labels"], text_align="center",
                             text_baseline="middle", text_font_size="13px", text_color=light["text"],
                             background_fill_color=light["background"], background_fill_alpha=0.75,
                             name="scene_labels"))
    # Legend samples: NaN patches (never drawn) in each look of the scene.
    samples = [plot.patch([np.nan], [np.nan], fill_color=light[role], fill_alpha=alpha[0],
                          line_color=light[role], line_alpha=alpha[1])
               for role, alpha in (("positive", ALPHA["highlighted"]), ("negative", ALPHA["highlighted"]),
                                   ("muted", (0.2, 0.6)))]
    labels = ["A > 0", "A < 0", "other neurons"]
    legend = style.legend([*zip(labels, samples, strict=True), ("boundary", zero)], name="legend",
                          spacing=14, label_standoff=6, glyph_width=18, label_text_font_size="12px")
    plot.add_layout(legend, "below")
    style.furnish(plot)

    controls = {p.name: p.control(values[p.name]) for p in SETTINGS}
    # One line per neuron: room for MAX_M lines, so that adding neurons moves nothing below.
    readout = Div(text="", name="readout", sizing_mode="stretch_width", min_height=round(MAX_M * 13 * 1.5),
                  styles={"font-size": "13px", "line-height": "1.5"})
    style.controls(*controls.values(), readout)

    update = style.draw_on_load(CustomJS(
        args=dict(weights=table["weights"], biases=table["biases"], height=HEIGHT, alpha=ALPHA, plot=plot,
                  readout=readout, legend=legend, **sources, **controls),
        code=style.script("planes_3d")))
    for name, control in controls.items():
        control.js_on_change("active" if name == "show" else "value", update)
    plot.js_on_change("inner_width", update)
    plot.js_on_change("inner_height", update)
    for event in (PanStart, Pan):
        plot.js_on_event(event, update)

    panel = column(row(controls["show"], styles=WRAP), controls["neuron"],
                   row(controls["azimuth"], controls["elevation"], sizing_mode="stretch_width"),
                   row(controls["seed"], controls["m"], sizing_mode="stretch_width"), readout,
                   sizing_mode="stretch_width", min_width=250, max_width=320)
    return row(column(plot, sizing_mode="stretch_width", min_width=280, max_width=520), panel,
               styles={"flex-wrap": "wrap", "gap": "8px 16px", "align-items": "flex-start"},
               sizing_mode="stretch_width", name="planes_3d")
