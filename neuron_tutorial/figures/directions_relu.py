"""``directions_relu``: a basis direction and a random direction, with and without ReLU.

The figure of page 7. ``m`` seeded neurons read a 2-D input; the reader picks a
direction ``v`` of activation space (a neuron, a random direction, or a turn
``θ`` from one neuron to the next) and switches the ReLU on and off. Drawn over
the input square: the reading ``v · act(W x + b)`` as a colour map, its zero
set (one straight line without ReLU, a bent line with it, and a shaded area
where it is zero on a whole region) and its high-output region (above its 95%
quantile over a grid). directions_relu.js recomputes all of it from the table
of layers with piecewise.js, the mirror of ``directions.direction_pieces``.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import (
    ColorBar,
    ColumnDataSource,
    CustomJS,
    Div,
    LinearColorMapper,
    RadioButtonGroup,
    Slider,
)

from ..directions import (
    above_polygons,
    direction_outputs,
    direction_pieces,
    flat_polygons,
    grid,
    level_segments,
    polygon_area,
    random_direction,
)
from ..layer import Layer, random_layer
from .kit import style
from .kit.directions import distinct_lines, far_segment, palette, patches, segments

MODES = ["a neuron (basis direction)", "a random direction", "turn from one neuron to the next"]
ACTIVATIONS = ["linear (no ReLU)", "ReLU"]
PIXELS = 80     # the colour map, and the grid the 95% quantile is taken over
Q = 0.95
MAX_M = 8


def tables(seeds: int, randoms: int) -> dict:
    """Weights and biases of ``random_layer(MAX_M, 2, s)`` per seed; random directions per ``m``."""
    layers = [random_layer(MAX_M, 2, seed) for seed in range(seeds)]
    return {
        "weights": [layer.weights.tolist() for layer in layers],
        "biases": [layer.biases.tolist() for layer in layers],
        "randoms": {str(m): [random_direction(m, r).tolist() for r in range(randoms)]
                    for m in range(1, MAX_M + 1)},
    }


def direction(table: dict, m: int, mode: int, k: int, r: int, theta: float) -> np.ndarray:
    """The direction ``v`` (shape ``(m,)``) the controls pick; ``k`` counts neurons from 1."""
    if mode == 1:
        return np.array(table["randoms"][str(m)][r - 1])
    v = np.zeros(m)
    if mode == 0:
        v[k - 1] = 1.0
    else:
        angle = np.radians(theta)
        v[k - 1] += np.cos(angle)
        v[k % m] += np.sin(angle)
    return v


def layer_of(table: dict, seed: int, m: int) -> Layer:
    return Layer(np.array(table["weights"][seed][:m]), np.array(table["biases"][seed][:m]))


def num(x: float) -> str:
    """A number as the readout writes it: two decimals and a real minus sign."""
    return f"{x:.2f}".replace("-", "−")


def state(table: dict, seed: int, m: int, mode: int, k: int, r: int, theta: float, relu: bool,
          scheme: str = "light") -> dict:
    """Source data for one setting: the Python side of directions_relu.js."""
    k = min(k, m)
    layer = layer_of(table, seed, m)
    v = direction(table, m, mode, k, r, theta)
    activation = "relu" if relu else "linear"
    values = direction_outputs(layer, v[None, :], grid(PIXELS), activation)[:, 0]
    level = float(np.quantile(values, Q))
    pieces = direction_pieces(layer, v, activation)
    flat = flat_polygons(pieces)
    high = above_polygons(pieces, level)
    limit = float(np.max(np.abs(values))) or 1.0
    bounds = [far_segment(w, c) for w, c in zip(layer.weights, layer.biases, strict=True)]
    lines = distinct_lines(pieces)
    flat_share = sum(polygon_area(p) for p in flat)
    name = (f"Neuron {k}" if mode == 0 else f"Random direction {r}" if mode == 1
            else f"{num(np.cos(np.radians(theta)))}·(neuron {k}) + "
                 f"{num(np.sin(np.radians(theta)))}·(neuron {k % m + 1})")
    shape = "one straight line" if lines == 1 else f"a bent line of {lines} straight pieces"
    readout = (f"<b>{name}</b>, v = ({', '.join(num(x) for x in v)}), "
               f"{'after ReLU' if relu else 'no ReLU'}. "
               f"Zero set: {shape}"
               + (f", and the output is exactly 0 on {100 * flat_share:.0f}% of the square"
                  if flat else "")
               + f". High output: above {num(level)}, its 95% quantile.")
    return {
        "field": {"image": [values.reshape(PIXELS, PIXELS).astype(np.float32)]},
        "limit": limit,
        "palette": palette(scheme),
        "zero": segments(level_segments(pieces)),
        "flat": patches(flat),
        "high": patches(high),
        "bounds": {"xs": [b[0] for b in bounds], "ys": [b[1] for b in bounds]},
        "level": level,
        "lines": lines,
        "readout": readout,
    }


def build(seed: int = 2, m: int = 5, seeds: int = 10, randoms: int = 10, mode: int = 0,
          k: int = 1, r: int = 1, theta: float = 45.0, relu: bool = True):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    table = tables(seeds, randoms)
    light = style.THEMES["light"]
    now = state(table, seed, m, mode, k, r, theta, relu)
    sources = {key: ColumnDataSource(now[key], name=key)
               for key in ("field", "zero", "flat", "high", "bounds")}

    plot = style.figure(title="One direction read over the input square", x_range=(0, 1),
                        y_range=(0, 1), x_axis_label="input F₁", y_axis_label="input F₂", name="plot",
                        sizing_mode="scale_width", width=460, height=520, min_width=300,
                        max_width=560)
    mapper = LinearColorMapper(palette=now["palette"], low=-now["limit"], high=now["limit"],
                               name="mapper")
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
                                 label_text_font_size="12px", ncols=2, name="legend"), "above")
    style.furnish(plot)

    mode_buttons = RadioButtonGroup(labels=MODES, active=mode, name="mode", orientation="vertical")
    relu_buttons = RadioButtonGroup(labels=ACTIVATIONS, active=int(relu), name="relu")
    neuron = Slider(title="Neuron k", start=1, end=MAX_M, step=1, value=k, name="k",
                    sizing_mode="stretch_width")
    random_slider = Slider(title="Random direction", start=1, end=randoms, step=1, value=r, name="r",
                           sizing_mode="stretch_width")
    turn = Slider(title="Turn θ from neuron k to neuron k+1 (degrees)", start=0, end=180, step=1,
                  value=theta, name="theta", sizing_mode="stretch_width")
    m_slider = Slider(title="Neurons m", start=3, end=MAX_M, step=1, value=m, name="m",
                      sizing_mode="stretch_width")
    seed_slider = Slider(title="Seed", start=0, end=seeds - 1, step=1, value=seed, name="seed",
                         sizing_mode="stretch_width")
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    controls = [mode_buttons, relu_buttons, neuron, random_slider, turn, m_slider, seed_slider]
    style.controls(*controls, readout)

    update = CustomJS(
        args=dict(table=table, sources=sources, mapper=mapper, readout=readout, mode=mode_buttons,
                  relu=relu_buttons, k=neuron, r=random_slider, theta=turn, m=m_slider, seed=seed_slider,
                  palettes={s: palette(s) for s in ("light", "dark")}, pixels=PIXELS, q=Q),
        code=style.script("directions_relu"),
    )
    for control in (neuron, random_slider, turn, m_slider, seed_slider):
        control.js_on_change("value", update)
    for buttons in (mode_buttons, relu_buttons):
        buttons.js_on_change("active", update)
    plot.js_on_change("background_fill_color", update)  # theme.js switched scheme: new palette

    panel = column(relu_buttons, mode_buttons, neuron, random_slider, turn,
                   row(m_slider, seed_slider, sizing_mode="stretch_width"), readout,
                   sizing_mode="stretch_width", min_width=260, max_width=420)
    # flex-start: a row stretches its items to the tallest, so beside a taller panel the plot
    # would take the panel's height and change size whenever the readout gains or loses a line.
    return row(plot, panel, styles={"flex-wrap": "wrap", "gap": "12px", "align-items": "flex-start"},
               sizing_mode="stretch_width",
               name="directions_relu")
