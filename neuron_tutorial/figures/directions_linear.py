"""``directions_linear``: any direction of a linear layer's activation space is another neuron.

The figure of page 6. Two (or three) seeded neurons read a 2-D input. Left, activation
space: the outputs ``A = W x + b`` of a grid of inputs, the basis directions (the neurons)
and a direction ``v`` the reader turns with sliders or by dragging; with three neurons the
space is 3-D and drawn in an oblique view. Right, input space: the neurons' boundaries, and
``v``'s boundary ``(Wᵀv) · x + v · b = 0`` with its positive side. "Rotate the whole basis"
replaces the layer by ``(Q W, Q b)``: the neurons' arrows turn and their boundaries move,
while ``v`` keeps its line. The page carries the seed table; directions_linear.js draws
everything from it (floor 1's ``direction_neuron`` and ``rotated`` are its reference).
"""

from __future__ import annotations

import numpy as np
from bokeh import events
from bokeh.layouts import column, row
from bokeh.models import Arrow, ColumnDataSource, CustomJS, Div, Label, VeeHead

from ..directions import rotation_2d
from ..layer import random_layer
from .kit import style
from .kit.params import Param, Params

GRID = 11          # inputs drawn: a GRID x GRID grid of the square
SEEDS = 20
MAX_M = 3          # random_layer is prefix-stable: two neurons are the first two rows of three
SETTINGS = Params(Param("neurons", "Neurons", 0, choices=("2 neurons", "3 neurons")),
                  Param("theta", "Angle θ of direction v (or drag in the left plot)", 30, 0, 359, 1),
                  Param("psi", "Lift ψ of v towards neuron 3 (3 neurons)", 0, -90, 90, 1),
                  Param("phi", "Rotate the whole basis by φ (degrees)", 0, -180, 180, 1),
                  Param("seed", "Seed", 8, 0, SEEDS - 1, 1))
# Bokeh labels are drawn over the dots: a background keeps them legible among them.
LABEL_BOX = {"background_fill_alpha": 0.85, "border_radius": 3}


def layer_table(seeds: int = SEEDS) -> dict:
    """Weights ``(seeds, 3, 2)`` and biases ``(seeds, 3)`` of ``random_layer(3, 2, seed)``."""
    layers = [random_layer(MAX_M, 2, seed) for seed in range(seeds)]
    return {"weights": [layer.weights.tolist() for layer in layers],
            "biases": [layer.biases.tolist() for layer in layers]}


def basis(phi: float, m: int = 2) -> np.ndarray:
    """The rotation ``Q`` of the layer (one new neuron per row): the first two axes turned by ``phi``°."""
    q = np.eye(m)
    q[:2, :2] = rotation_2d(np.radians(phi)).T
    return q


def direction(theta: float, psi: float = 0.0, m: int = 2) -> np.ndarray:
    """The unit direction ``v`` at angle ``theta``° from neuron 1, lifted by ``psi``° towards neuron 3."""
    t, p = np.radians(theta), np.radians(psi) if m == 3 else 0.0
    v = np.array([np.cos(t) * np.cos(p), np.sin(t) * np.cos(p), np.sin(p)])
    return v[:m]


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: builds models, writes nothing)."""
    values = SETTINGS.values(settings)
    table = layer_table()
    light = style.THEMES["light"]
    empty = {"cloud": ["x", "y", "role"], "inputs": ["x", "y", "role"], "perp": ["x", "y"],
             "bounds": ["xs", "ys"], "vbound": ["x", "y"], "side": ["xs", "ys"], "pivot": ["x", "y"]}
    sources = {key: ColumnDataSource({c: [] for c in cols}, name=key) for key, cols in empty.items()}
    sign = style.by_role("role", roles=("positive", "negative", "zero"))

    size = dict(sizing_mode="scale_width", width=420, height=440, min_width=280, max_width=520)
    space = style.figure(title="Activation space", x_range=(-1, 1), y_range=(-1, 1), name="space",
                         x_axis_label="A₁ (neuron 1 before rotating)",
                         y_axis_label="A₂ (neuron 2 before rotating)", **size)
    perp = space.line("x", "y", source=sources["perp"], line_color=light["text"], line_dash="dashed",
                      line_width=1.5)
    space.scatter("x", "y", source=sources["cloud"], fill_color=sign, line_color=None, size=6)
    arrows = []
    for k in range(MAX_M):
        arrow = Arrow(x_start=0, y_start=0, x_end=0, y_end=0, line_color=light["muted"], line_width=2.5,
                      end=VeeHead(size=10, fill_color=light["muted"], line_color=light["muted"]),
                      name=f"neuron_arrow_{k + 1}")
        label = Label(x=0, y=0, text=f"neuron {k + 1}", text_font_size="12px", x_offset=4,
                      text_color=light["muted"], name=f"neuron_label_{k + 1}",
                      background_fill_color=light["background"], **LABEL_BOX)
        space.add_layout(arrow)
        space.add_layout(label)
        arrows += [arrow, label]
    v_arrow = Arrow(x_start=0, y_start=0, x_end=0, y_end=0, line_color=light["text"], line_width=4,
                    end=VeeHead(size=14, fill_color=light["text"], line_color=light["text"]), name="v_arrow")
    v_label = Label(x=0, y=0, text="v", text_font_size="15px", text_font_style="bold",
                    text_color=light["text"], name="v_label", text_align="center",
                    text_baseline="middle", background_fill_color=light["background"], **LABEL_BOX)
    space.add_layout(v_arrow)
    space.add_layout(v_label)
    # Legend samples: renderers with one invisible (NaN) point, so the legend draws them.
    samples = [space.scatter([np.nan], [np.nan], fill_color=light[key], line_color=None, size=9)
               for key in ("positive", "negative")]
    legend = dict(label_text_font_size="12px", ncols=2, spacing=10, label_standoff=6, glyph_width=24)
    space.add_layout(style.legend([("v·A > 0", samples[0]), ("v·A < 0", samples[1]), ("v·A = 0", perp)],
                                  name="space_legend", **legend), "above")

    square = style.figure(title="Input space", x_range=(0, 1), y_range=(0, 1), name="square",
                          x_axis_label="input F₁", y_axis_label="input F₂", **size)
    square.patches("xs", "ys", source=sources["side"], fill_color=light["positive"], fill_alpha=0.18,
                   line_color=None)
    square.scatter("x", "y", source=sources["inputs"], fill_color=sign, line_color=None, size=6)
    bounds = square.multi_line("xs", "ys", source=sources["bounds"], line_color=light["muted"],
                               line_width=2, line_dash="dashed")
    vbound = square.line("x", "y", source=sources["vbound"], line_color=light["text"], line_width=4)
    square.scatter("x", "y", source=sources["pivot"], marker="circle", size=13, fill_color=None,
                           line_color=light["text"], line_width=2.5)
    side_sample = square.patch([np.nan], [np.nan], fill_color=light["positive"], fill_alpha=0.18,
                               line_color=light["positive"])  # the shade, outlined to show as a swatch
    ring = square.scatter([np.nan], [np.nan], marker="circle", size=11, fill_color=None,
                          line_color=light["text"], line_width=2.5)  # shown even when no input has A = 0
    square.add_layout(style.legend([("neurons' boundaries", bounds), ("v's boundary", vbound),
                                    ("v·A > 0", side_sample), ("A = 0", ring)],
                                   name="square_legend", **legend), "above")
    space.xaxis[0].name = "space_axis"  # its label names the oblique view of three neurons
    style.furnish(space, square)

    controls = {p.name: p.control(values[p.name]) for p in SETTINGS}
    readout = Div(text="", name="readout", sizing_mode="stretch_width", min_height=60)
    style.controls(*controls.values(), readout)
    update = CustomJS(args=dict(table=table, sources=sources, readout=readout, grid_size=GRID,
                                arrows=arrows, v_arrow=v_arrow, v_label=v_label, space=space,
                                space_axis=space.xaxis[0],
                                **controls),
                      code=style.script("directions_linear"))
    for name, control in controls.items():
        control.js_on_change("active" if name == "neurons" else "value", update)
    # A tap or drag in activation space points v there (the callback sets θ).
    for event in (events.Tap, events.Pan, events.PanStart):
        space.js_on_event(event, update)
    style.draw_on_load(update)
    return column(controls["neurons"], controls["theta"], controls["psi"], controls["phi"],
                  row(space, square, styles={"flex-wrap": "wrap", "gap": "12px"},
                      sizing_mode="stretch_width"),
                  readout, controls["seed"], sizing_mode="stretch_width", name="directions_linear")
