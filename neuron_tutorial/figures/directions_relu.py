"""``directions_relu``: a basis direction and a random direction, with and without ReLU.

The figure of page 7. ``m`` seeded neurons read a 2-D input; the reader picks a
direction ``v`` of activation space (a neuron, a random direction, a turn ``θ`` from
one neuron to the next, or one they type) and switches the ReLU on and off. Drawn over
the input square: the reading ``v · act(W x + b)`` as a colour map, its zero set (one
straight line without ReLU, a bent line with it, and a shaded area where it is zero on
a whole region) and its high-output region (above its 95% quantile over a grid). The
page carries the table of layers and random directions; directions_relu.js draws it all
with nt/directions.js, the mirror of floor 1's ``directions.direction_pieces``.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import ColorBar, ColumnDataSource, CustomJS, Div, LinearColorMapper, Spinner

from ..directions import random_direction
from ..layer import Layer, random_layer
from .kit import style
from .kit.directions import palette
from .kit.params import Param, Params

MODES = ("a neuron (basis direction)", "a random direction", "turn from one neuron to the next",
         "your own v (type it below)")
ACTIVATIONS = ("linear (no ReLU)", "ReLU")
PIXELS = 80     # the grid the 95% quantile is taken over
IMAGE = 256     # the colour map's pixels per side: finer than the plot's lines can show steps
Q = 0.95
MAX_M, SEEDS, RANDOMS = 8, 10, 10
OWN = (1.0, -1.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0)   # the typed direction's first components
SETTINGS = Params(Param("relu", "Activation", 1, choices=ACTIVATIONS),
                  Param("mode", "Direction v", 0, choices=MODES),
                  Param("k", "Neuron k", 1, 1, MAX_M, 1),
                  Param("r", "Random direction", 1, 1, RANDOMS, 1),
                  Param("theta", "Turn θ from neuron k to neuron k+1 (degrees)", 45, 0, 180, 1),
                  Param("m", "Neurons m", 5, 3, MAX_M, 1),
                  Param("seed", "Seed", 2, 0, SEEDS - 1, 1))


def tables(seeds: int = SEEDS, randoms: int = RANDOMS) -> dict:
    """Weights and biases of ``random_layer(MAX_M, 2, s)`` per seed; random directions per ``m``."""
    layers = [random_layer(MAX_M, 2, seed) for seed in range(seeds)]
    return {
        "weights": [layer.weights.tolist() for layer in layers],
        "biases": [layer.biases.tolist() for layer in layers],
        "randoms": {str(m): [random_direction(m, r).tolist() for r in range(randoms)]
                    for m in range(1, MAX_M + 1)},
    }


def layer_of(table: dict, seed: int, m: int) -> Layer:
    """The first ``m`` neurons of the seed's layer (the page quotes numbers measured on it)."""
    return Layer(np.array(table["weights"][seed][:m]), np.array(table["biases"][seed][:m]))


def direction(table: dict, m: int, mode: int, k: int, r: int, theta: float, own=OWN) -> np.ndarray:
    """The direction ``v`` (shape ``(m,)``) the controls pick; ``k`` counts neurons from 1."""
    if mode == 1:
        return np.array(table["randoms"][str(m)][r - 1])
    if mode == 3:
        return np.array(own[:m], dtype=float)
    v = np.zeros(m)
    k = min(k, m)
    if mode == 0:
        v[k - 1] = 1.0
    else:
        angle = np.radians(theta)
        v[k - 1] += np.cos(angle)
        v[k % m] += np.sin(angle)
    return v


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: builds models, writes nothing)."""
    values = SETTINGS.values(settings)
    light = style.THEMES["light"]
    sources = {key: ColumnDataSource({"xs": [], "ys": []}, name=key)
               for key in ("zero", "flat", "high", "bounds")}
    sources["field"] = ColumnDataSource({"image": []}, name="field")

    plot = style.figure(title="One direction's reading", x_range=(0, 1),
                        y_range=(0, 1), x_axis_label="input F₁", y_axis_label="input F₂", name="plot",
                        sizing_mode="scale_width", width=460, height=520, min_width=260,
                        max_width=560)
    mapper = style.themed(LinearColorMapper(low=-1, high=1, name="mapper"),
                          {scheme: palette(scheme) for scheme in ("light", "dark")})
    plot.image("image", x=0, y=0, dw=1, dh=1, source=sources["field"], color_mapper=mapper)
    bounds = plot.multi_line("xs", "ys", source=sources["bounds"], line_color=light["muted"],
                             line_dash="dotted", line_width=1.5)
    looks = {"flat": dict(fill_color=light["zero"], fill_alpha=0.35, hatch_pattern="/",
                          hatch_color=light["muted"], hatch_alpha=0.6, line_color=None),
             "high": dict(fill_color=None, line_color=light["text"], line_width=2.5, line_dash="dashed",
                          hatch_pattern="x", hatch_color=light["text"], hatch_alpha=0.35, hatch_scale=8)}
    for key in looks:
        plot.patches("xs", "ys", source=sources[key], **looks[key])
    # Legend samples: one invisible (NaN) patch each, so the legend draws them even when the
    # figure's own patches are empty (a random direction is rarely exactly 0 on an area).
    flat, high = (plot.patch([np.nan], [np.nan], **looks[key]) for key in ("flat", "high"))
    zero = plot.multi_line("xs", "ys", source=sources["zero"], line_color=light["text"], line_width=3.5)
    plot.add_layout(ColorBar(color_mapper=mapper, orientation="horizontal", title="output v·A",
                             height=10, padding=4, name="colour_bar", major_label_text_font_size="11px",
                             title_text_font_style="normal", title_text_font_size="12px",
                             background_fill_color=light["background"]), "below")
    plot.add_layout(style.legend([("zero set", zero), ("exactly 0", flat), ("high (top 5%)", high),
                                  ("neuron boundaries", bounds)],
                                 label_text_font_size="12px", ncols=2, name="legend", spacing=10,
                                 label_standoff=6, glyph_width=24), "above")
    style.furnish(plot)

    controls = {p.name: p.control(values[p.name]) for p in SETTINGS}
    controls["mode"].orientation = "vertical"
    # Spinners: type a number, or step it by 0.1 with the arrow keys.
    own = [Spinner(value=x, step=0.1, name=f"v{j + 1}", title=f"v{'₁₂₃₄₅₆₇₈'[j]}", width=58,
                   disabled=j >= values["m"]) for j, x in enumerate(OWN)]
    readout = Div(text="", name="readout", sizing_mode="stretch_width", min_height=150)
    style.controls(*controls.values(), *own, readout)

    update = CustomJS(args=dict(table=tables(), sources=sources, mapper=mapper, readout=readout,
                                own=own, pixels=PIXELS, image=IMAGE, q=Q, **controls),
                      code=style.script("directions_relu"))
    for name, control in controls.items():
        control.js_on_change("active" if name in ("mode", "relu") else "value", update)
    for box in own:
        box.js_on_change("value", update)
    style.draw_on_load(update)

    panel = column(controls["relu"], controls["mode"], controls["k"], controls["r"], controls["theta"],
                   row(*own, styles={"flex-wrap": "wrap", "column-gap": "4px"}, sizing_mode="stretch_width"),
                   row(controls["m"], controls["seed"], sizing_mode="stretch_width"), readout,
                   sizing_mode="stretch_width", min_width=260, max_width=420)
    # flex-start: a row stretches its items to the tallest, so beside a taller panel the plot
    # would take the panel's height and change size whenever the readout gains or loses a line.
    return row(plot, panel, styles={"flex-wrap": "wrap", "gap": "12px", "align-items": "flex-start"},
               sizing_mode="stretch_width", name="directions_relu")
