"""``directions_linear``: any direction of a linear layer's activation space is another neuron.

The figure of page 6. Two seeded neurons read a 2-D input. Left, activation
space: the outputs ``A = W x + b`` of a grid of inputs, the basis directions
(the neurons) and a direction ``v(θ)`` the reader turns with a slider or by
dragging. Right, input space: the neurons' boundaries, and ``v``'s boundary
``(Wᵀv) · x + v · b = 0`` with its positive side. "Rotate the whole basis"
replaces the layer by ``(Q W, Q b)``: the neurons' arrows turn and their
boundaries move, while ``v`` (a direction of the same space) keeps its line.
directions_linear.js recomputes it all; its Python mirror is :func:`state`.
"""

from __future__ import annotations

import numpy as np
from bokeh import events
from bokeh.layouts import column, row
from bokeh.models import Arrow, ColumnDataSource, CustomJS, Div, Label, Slider, VeeHead

from ..directions import clip_polygon, direction_neuron, grid, rotated, rotation_2d
from ..layer import Layer, random_layer
from .kit import style
from .kit.directions import far_segment, patches

GRID = 11          # inputs drawn: a GRID x GRID grid of the square
SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])


def layer_table(seeds: int) -> dict:
    layers = [random_layer(2, 2, seed) for seed in range(seeds)]
    return {"weights": [layer.weights.tolist() for layer in layers],
            "biases": [layer.biases.tolist() for layer in layers]}


def basis(phi: float) -> np.ndarray:
    """The basis turned by ``phi`` degrees, one vector per row: the rotation ``Q`` of the layer."""
    return rotation_2d(np.radians(phi)).T


def num(x: float) -> str:
    return f"{x:.2f}".replace("-", "−")


def signed(x: float) -> str:
    return f"{'−' if x < 0 else '+'} {abs(x):.2f}"


def state(table: dict, seed: int, theta: float, phi: float, scheme: str = "light") -> dict:
    """Source data for one setting: the Python side of directions_linear.js."""
    layer = Layer(np.array(table["weights"][seed]), np.array(table["biases"][seed]))
    q = basis(phi)
    turned = rotated(layer, q)
    v = np.array([np.cos(np.radians(theta)), np.sin(np.radians(theta))])
    neuron = direction_neuron(layer, v)
    w, c = neuron.weights[0], float(neuron.biases[0])
    inputs = grid(GRID)
    outputs = layer(inputs)
    colours = style.SIGN_COLOURS[scheme]
    signs = np.sign(outputs @ v)
    colour = [colours["positive"] if s > 0 else colours["negative"] if s < 0 else colours["zero"]
              for s in signs]
    reach = 1.1 * float(np.max(np.abs(outputs)))
    length = 0.6 * reach
    det = float(np.linalg.det(layer.weights))
    pivot = np.linalg.solve(layer.weights, -layer.biases) if abs(det) > 1e-12 else None
    bounds = [far_segment(wk, bk) for wk, bk in zip(turned.weights, turned.biases, strict=True)]
    vx, vy = far_segment(w, c)
    side = clip_polygon(SQUARE, w, c)
    in_rotated = q @ v
    readout = (f"v = ({num(v[0])}, {num(v[1])}), or ({num(in_rotated[0])}, {num(in_rotated[1])}) in the "
               f"rotated basis. It reads v·A = {num(w[0])}·F₁ {signed(w[1])}·F₂ {signed(c)}: "
               f"a neuron with weights Wᵀv and bias v·b.")
    return {
        "cloud": {"x": outputs[:, 0].tolist(), "y": outputs[:, 1].tolist(), "colour": colour},
        "inputs": {"x": inputs[:, 0].tolist(), "y": inputs[:, 1].tolist(), "colour": colour},
        "axes": {"x": (length * q[:, 0]).tolist(), "y": (length * q[:, 1]).tolist()},
        "v": (length * v).tolist(),
        "perp": {"x": [-reach * 2 * v[1], reach * 2 * v[1]], "y": [reach * 2 * v[0], -reach * 2 * v[0]]},
        "bounds": {"xs": [b[0] for b in bounds], "ys": [b[1] for b in bounds]},
        "vbound": {"x": vx, "y": vy},
        "side": patches([side] if len(side) >= 3 else []),
        "pivot": ({"x": [float(pivot[0])], "y": [float(pivot[1])]} if pivot is not None
                  else {"x": [], "y": []}),
        "reach": reach,
        "readout": readout,
    }


def build(seed: int = 8, seeds: int = 20, theta: float = 30.0, phi: float = 0.0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    table = layer_table(seeds)
    light = style.THEMES["light"]
    now = state(table, seed, theta, phi)
    sources = {key: ColumnDataSource(now[key], name=key)
               for key in ("cloud", "inputs", "perp", "bounds", "vbound", "side", "pivot")}
    r = now["reach"]

    space = style.figure(title="Activation space", x_range=(-r, r), y_range=(-r, r),
                         x_axis_label="A₁ (neuron 1 before rotating)",
                         y_axis_label="A₂ (neuron 2 before rotating)", name="space",
                         sizing_mode="scale_width", width=420, height=440, min_width=280, max_width=520)
    perp = space.line("x", "y", source=sources["perp"], line_color=light["text"], line_dash="dashed",
                      line_width=1.5)
    space.scatter("x", "y", source=sources["cloud"], fill_color="colour", line_color=None, size=6)
    arrows = []
    for k, (ex, ey) in enumerate(zip(now["axes"]["x"], now["axes"]["y"], strict=True)):
        arrow = Arrow(x_start=0, y_start=0, x_end=ex, y_end=ey, line_color=light["muted"], line_width=2.5,
                      end=VeeHead(size=10, fill_color=light["muted"], line_color=light["muted"]),
                      name=f"neuron_arrow_{k + 1}")
        label = Label(x=ex, y=ey, text=f"neuron {k + 1}", text_font_size="12px", x_offset=4,
                      text_color=light["muted"], name=f"neuron_label_{k + 1}")
        space.add_layout(arrow)
        space.add_layout(label)
        arrows += [arrow, label]
    vx, vy = now["v"]
    v_arrow = Arrow(x_start=0, y_start=0, x_end=vx, y_end=vy, line_color=light["text"], line_width=4,
                    end=VeeHead(size=14, fill_color=light["text"], line_color=light["text"]), name="v_arrow")
    v_label = Label(x=vx, y=vy, text="v", text_font_size="15px", text_font_style="bold", x_offset=5,
                    text_color=light["text"], name="v_label")
    space.add_layout(v_arrow)
    space.add_layout(v_label)
    # Legend samples: renderers with one invisible (NaN) point, so the legend draws them.
    samples = [space.scatter([np.nan], [np.nan], fill_color=light[key], line_color=None, size=8)
               for key in ("positive", "negative")]
    space.add_layout(style.legend([("v·A > 0", samples[0]), ("v·A < 0", samples[1]), ("v·A = 0", perp)],
                                  label_text_font_size="12px", ncols=2, name="space_legend"), "above")

    square = style.figure(title="Input space", x_range=(0, 1), y_range=(0, 1),
                          x_axis_label="input F₁", y_axis_label="input F₂", name="square",
                          sizing_mode="scale_width", width=420, height=440, min_width=280, max_width=520)
    side = square.patches("xs", "ys", source=sources["side"], fill_color=light["positive"],
                          fill_alpha=0.15, line_color=None)
    square.scatter("x", "y", source=sources["inputs"], fill_color="colour", line_color=None, size=6)
    bounds = square.multi_line("xs", "ys", source=sources["bounds"], line_color=light["muted"],
                               line_width=2, line_dash="dashed")
    vbound = square.line("x", "y", source=sources["vbound"], line_color=light["text"], line_width=4)
    pivot = square.scatter("x", "y", source=sources["pivot"], marker="circle", size=13, fill_color=None,
                           line_color=light["text"], line_width=2.5)
    square.add_layout(style.legend([("neurons' boundaries", bounds), ("v's boundary", vbound),
                                    ("v·A > 0", side), ("A = 0", pivot)],
                                   label_text_font_size="12px", ncols=2, name="square_legend"), "above")
    style.furnish(space, square)

    theta_slider = Slider(title="Angle θ of direction v (or drag in the left plot)", start=0,
                          end=359, step=1, value=theta, name="theta", sizing_mode="stretch_width")
    phi_slider = Slider(title="Rotate the whole basis by φ (degrees)", start=-180, end=180, step=1,
                        value=phi, name="phi", sizing_mode="stretch_width")
    seed_slider = Slider(title="Seed", start=0, end=seeds - 1, step=1, value=seed, name="seed",
                         sizing_mode="stretch_width")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(theta_slider, phi_slider, seed_slider, readout)
    update = CustomJS(
        args=dict(table=table, sources=sources, theta=theta_slider, phi=phi_slider, seed=seed_slider,
                  readout=readout, colours=style.SIGN_COLOURS, grid_size=GRID, arrows=arrows,
                  v_arrow=v_arrow, v_label=v_label, space=space),
        code=style.script("directions_linear"),
    )
    for control in (theta_slider, phi_slider, seed_slider):
        control.js_on_change("value", update)
    # A tap or drag in activation space points v there (the callback sets θ).
    for event in (events.Tap, events.Pan, events.PanStart):
        space.js_on_event(event, update)
    return column(theta_slider, phi_slider,
                  row(space, square, styles={"flex-wrap": "wrap", "gap": "12px"},
                      sizing_mode="stretch_width"),
                  readout, seed_slider, sizing_mode="stretch_width", name="directions_linear")
