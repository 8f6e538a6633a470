"""``single_neuron_2d``: one neuron reading two inputs, ``A = w·F + b``, over the unit square.

The second figure of page 1. The output is a plane, drawn from above as a diverging
colour map (orange below zero, blue above, the page's background at zero). Its zero
set, the boundary, is a line with the weight vector ``w`` as its normal. The reader
sets ``w1``, ``w2`` and ``b`` with sliders and moves the input by tapping or dragging
in the plot (or with the F1 and F2 sliders); single_neuron_2d.js redraws.
"""

from __future__ import annotations

import numpy as np
from bokeh import events
from bokeh.layouts import column, row
from bokeh.models import (
    Arrow,
    ColorBar,
    ColumnDataSource,
    CustomJS,
    DataRange1d,
    Div,
    Label,
    LinearColorMapper,
    Slider,
    VeeHead,
)

from ..layer import Layer
from .kit import style
from .kit.geometry import clip_line
from .kit.text import fmt

PIXELS = 64        # the colour map is a PIXELS x PIXELS image of the output
NORMAL = 0.22      # the drawn weight vector's length, in input units: it shows a direction
SHADES = 24        # palette entries on each side of zero


def palette(scheme: str) -> list[str]:
    """Orange → the page's background → blue in ``2 * SHADES + 1`` steps."""
    theme = style.THEMES[scheme]
    ends = [np.array([int(theme[key][i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
            for key in ("negative", "background", "positive")]
    steps = np.linspace(0, 1, SHADES + 1)
    colours = [ends[0] + t * (ends[1] - ends[0]) for t in steps[:-1]]
    colours += [ends[1] + t * (ends[2] - ends[1]) for t in steps]
    return ["#" + "".join(f"{round(c):02x}" for c in rgb) for rgb in colours]


def image(w1: float, w2: float, b: float) -> np.ndarray:
    """The output at the centre of each pixel, shape ``(PIXELS, PIXELS)``.

    Row ``i`` is at F2 = (i + ½) / PIXELS and column ``j`` at F1 = (j + ½) / PIXELS.
    """
    centres = (np.arange(PIXELS) + 0.5) / PIXELS
    return (w1 * centres[None, :] + w2 * centres[:, None] + b).astype(np.float32)


def describe(w1: float, w2: float, b: float, f1: float, f2: float) -> str:
    """The read-out: the output at the input, its side of the boundary and its distance."""
    a = w1 * f1 + w2 * f2 + b
    side = "positive" if a > 0 else "negative" if a < 0 else "zero"
    first = (f"F = ({fmt(f1)}, {fmt(f2)}): A = w·F + b = {fmt(w1)}·{fmt(f1)} + {fmt(w2)}·{fmt(f2)}"
             f" {'−' if b < 0 else '+'} {fmt(abs(b))} = <b>{fmt(a)}</b> ({side})")
    norm = float(np.hypot(w1, w2))
    if norm == 0:
        return f"{first}<br>w = 0: the neuron is constant, A = b everywhere. It has no boundary."
    where = "" if clip_line((w1, w2), b) else " The boundary misses the square."
    return (f"{first}<br>‖w‖ = {fmt(norm)}, so the input is |A|/‖w‖ = {fmt(abs(a) / norm)} "
            f"from the boundary.{where}")


def state(w1: float, w2: float, b: float, f1: float, f2: float, scheme: str = "light") -> dict:
    """Everything the figure draws for one setting: the Python side of single_neuron_2d.js."""
    ends = clip_line((w1, w2), b)
    segment = None if ends is None else tuple(zip(*ends, strict=True))
    norm = float(np.hypot(w1, w2))
    a = w1 * f1 + w2 * f2 + b
    if segment is not None:
        (x0, y0), (x1, y1) = segment
        foot = (0.5 * (x0 + x1), 0.5 * (y0 + y1))
    else:
        foot = (0.5, 0.5)
    normal = None if norm == 0 else (foot, (foot[0] + NORMAL * w1 / norm, foot[1] + NORMAL * w2 / norm))
    # The shortest way from the input to the boundary line: along -A w / ‖w‖².
    reach = {"x": [f1, f1 - a * w1 / norm**2], "y": [f2, f2 - a * w2 / norm**2]} if norm else \
        {"x": [], "y": []}
    sign = int(np.sign(a))
    colours = style.SIGN_COLOURS[scheme]
    return {
        "field": {"image": [image(w1, w2, b)]},
        "boundary": {"x": [p[0] for p in segment] if segment else [],
                     "y": [p[1] for p in segment] if segment else []},
        "normal": normal,
        "reach": reach,
        "input": {"x": [f1], "y": [f2],
                  "colour": [colours["positive"] if sign > 0 else colours["negative"] if sign < 0
                             else colours["zero"]]},
        "readout": describe(w1, w2, b, f1, f2),
    }


def layer(w1: float, w2: float, b: float) -> Layer:
    """The one-neuron layer the figure draws (for tests and the page's code)."""
    return Layer([[w1, w2]], [b])


def build(w1: float = 1.0, w2: float = 0.6, b: float = -0.8, f1: float = 0.3, f2: float = 0.6,
          limit: float = 2.0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    light = style.THEMES["light"]
    now = state(w1, w2, b, f1, f2)
    field = ColumnDataSource(now["field"], name="field")
    boundary = ColumnDataSource(now["boundary"], name="boundary")
    reach = ColumnDataSource(now["reach"], name="reach")
    point = ColumnDataSource(now["input"], name="input")

    # Equal scales on both axes, so that w looks perpendicular to the boundary and the dashed
    # distance is true: the ranges follow the square and the wider side gets some margin.
    plot = style.figure(title="One neuron reading two inputs", height=470, match_aspect=True,
                        x_range=DataRange1d(range_padding=0), y_range=DataRange1d(range_padding=0),
                        x_axis_label="input F₁", y_axis_label="input F₂", name="plot")
    mapper = LinearColorMapper(palette=palette("light"), low=-limit, high=limit, name="mapper")
    square = plot.image("image", x=0, y=0, dw=1, dh=1, source=field, color_mapper=mapper)
    plot.x_range.renderers = plot.y_range.renderers = [square]
    edge_style = {"line_color": light["text"], "line_width": 3}
    dash_style = {"line_color": light["text"], "line_dash": "dashed", "line_width": 1.5}
    plot.line("x", "y", source=boundary, **edge_style)
    plot.line("x", "y", source=reach, **dash_style)
    dot = plot.scatter("x", "y", source=point, size=14, fill_color="colour",
                       line_color=light["text"], line_width=2)
    (sx, sy), (ex, ey) = now["normal"] or ((0.5, 0.5), (0.5, 0.5))
    arrow = Arrow(x_start=sx, y_start=sy, x_end=ex, y_end=ey, line_color=light["text"], line_width=3,
                  end=VeeHead(size=12, fill_color=light["text"], line_color=light["text"]),
                  visible=now["normal"] is not None, name="arrow")
    tip = Label(x=ex, y=ey, x_offset=4, y_offset=4, text="w", text_font_size="15px",
                text_font_style="bold", text_color=light["text"], visible=now["normal"] is not None,
                name="tip")
    plot.add_layout(arrow)
    plot.add_layout(tip)
    plot.add_layout(ColorBar(color_mapper=mapper, orientation="horizontal", title="output A",
                             height=10, padding=4, name="colour_bar", major_label_text_font_size="11px",
                             title_text_font_style="normal", title_text_font_size="12px",
                             background_fill_color=light["background"]), "below")
    # Samples with one invisible (NaN) point: the legend keeps them when a source is empty.
    samples = [plot.line([np.nan], [np.nan], **kind) for kind in (edge_style, dash_style)]
    plot.add_layout(style.legend([("boundary (A = 0)", samples[0]), ("input F", dot),
                                  ("distance", samples[1])], name="legend"), "above")
    style.furnish(plot)

    sliders = [Slider(title=title, start=s, end=e, step=step, value=v, name=name, format="0.00",
                      sizing_mode="stretch_width")
               for title, name, s, e, step, v in [("weight w₁", "w1", -limit, limit, 0.05, w1),
                                                  ("weight w₂", "w2", -limit, limit, 0.05, w2),
                                                  ("bias b", "b", -limit, limit, 0.05, b),
                                                  ("input F₁", "f1", 0, 1, 0.01, f1),
                                                  ("input F₂", "f2", 0, 1, 0.01, f2)]]
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(*sliders, readout)
    update = CustomJS(
        args=dict(w1=sliders[0], w2=sliders[1], b=sliders[2], f1=sliders[3], f2=sliders[4],
                  field=field, boundary=boundary, reach=reach, point=point, arrow=arrow, tip=tip,
                  readout=readout, colours=style.SIGN_COLOURS, pixels=PIXELS, normal_length=NORMAL,
                  mapper=mapper, palettes={s: palette(s) for s in ("light", "dark")}),
        code=style.script("single_neuron_2d"),
    )
    for slider in sliders:
        slider.js_on_change("value", update)
    # Tapping or dragging in the plot moves the input (the same callback sets F1 and F2).
    for event in (events.Tap, events.Pan, events.PanStart):
        plot.js_on_event(event, update)
    # theme.js recolours the background when the scheme changes: the colour map follows.
    plot.js_on_change("background_fill_color", update)
    return column(row(*sliders[:3], sizing_mode="stretch_width"), plot, readout,
                  row(*sliders[3:], sizing_mode="stretch_width"),
                  sizing_mode="stretch_width", max_width=560, name="single_neuron_2d")
