"""``single_neuron_1d``: one neuron reading one input, ``A = w·F + b``, over ``F`` in [0, 1].

The figure of page 1. The neuron is a line; it is coloured by sign on each side of
its boundary ``x* = −b/w``, where an arrow points to the side where ``A > 0``. The
input axis (``A = 0``) carries the same colours: the two regions of one neuron.
Sliders set ``w``, ``b`` and the input; single_neuron_1d.js redraws in the browser.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import (
    Arrow,
    ColumnDataSource,
    CustomJS,
    Div,
    Label,
    Slider,
    Span,
    VeeHead,
)

from ..layer import Layer
from .kit import style
from .kit.text import fmt

INTERVAL = (0.0, 1.0)
ARROW = 0.12        # length of the arrow at the boundary, in input units
# The line runs above the input axis on the positive side of x* and below it on the other:
# the arrow goes under the axis on the positive side, the x* tag over it on the negative side.
ARROW_DEPTH = -0.3  # output units


def pieces(w: float, b: float, lo: float = INTERVAL[0], hi: float = INTERVAL[1]):
    """The interval cut at the boundary: a list of ``(start, end, sign of A)``.

    One piece when ``w = 0`` (a constant neuron) or when ``x* = −b/w`` lies outside.
    """
    if w == 0:
        return [(lo, hi, int(np.sign(b)))]
    root = -b / w
    if lo < root < hi:
        return [(lo, root, -int(np.sign(w))), (root, hi, int(np.sign(w)))]
    return [(lo, hi, int(np.sign(w * (0.5 * (lo + hi) - root))))]


def describe(w: float, b: float, x: float) -> str:
    """The read-out under the figure: the output at the input, the boundary, the distance."""
    a = w * x + b
    side = "positive" if a > 0 else "negative" if a < 0 else "zero"
    first = (f"A = w·F + b = {fmt(w)}·{fmt(x)} {'−' if b < 0 else '+'} {fmt(abs(b))}"
             f" = <b>{fmt(a)}</b> ({side})")
    if w == 0:
        return f"{first}<br>w = 0: the neuron is constant, A = b everywhere. It has no boundary."
    root = -b / w
    trend = "increasing" if w > 0 else "decreasing"
    where = "F > x*" if w > 0 else "F < x*"
    outside = "" if INTERVAL[0] < root < INTERVAL[1] else ", outside [0, 1]"
    return (f"{first}<br>Boundary x* = −b/w = {fmt(root)}{outside}; {trend}, so A > 0 where "
            f"{where}. The input is |A|/|w| = {fmt(abs(a) / abs(w))} away from it.")


def state(w: float, b: float, x: float, scheme: str = "light") -> dict:
    """Everything the figure draws for one setting: the Python side of single_neuron_1d.js."""
    colours = style.SIGN_COLOURS[scheme]
    colour = {1: colours["positive"], -1: colours["negative"], 0: colours["zero"]}
    cut = pieces(w, b)
    line = {
        "xs": [[s, e] for s, e, _ in cut],
        "ys": [[w * s + b, w * e + b] for s, e, _ in cut],
        "flat": [[0.0, 0.0] for _ in cut],
        "colour": [colour[sign] for *_, sign in cut],
    }
    # The area between the line and the input axis, one quadrilateral per piece.
    area = {
        "xs": [[s, s, e, e] for s, e, _ in cut],
        "ys": [[0.0, w * s + b, w * e + b, 0.0] for s, e, _ in cut],
        "colour": line["colour"],
    }
    inside = len(cut) == 2
    root = -b / w if inside else float("nan")
    return {
        "line": line,
        "area": area,
        "boundary": {"x": [root] if inside else [], "y": [0.0] if inside else []},
        "arrow": (root, root + ARROW * np.sign(w)) if inside else None,
        "input": {"x": [x], "y": [w * x + b], "colour": [colour[int(np.sign(w * x + b))]]},
        "readout": describe(w, b, x),
    }


def layer(w: float, b: float) -> Layer:
    """The one-neuron layer the figure draws (for tests and the page's code)."""
    return Layer([[w]], [b])


def build(w: float = 2.0, b: float = -1.0, x: float = 0.3, limit: float = 2.0):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    light = style.THEMES["light"]
    now = state(w, b, x)
    line, area = ColumnDataSource(now["line"], name="line"), ColumnDataSource(now["area"], name="area")
    boundary = ColumnDataSource(now["boundary"], name="boundary")
    point = ColumnDataSource(now["input"], name="input")

    plot = style.figure(title="One neuron reading one input", height=340, x_range=INTERVAL,
                        y_range=(-1.1 * limit, 1.1 * limit), x_axis_label="input F",
                        y_axis_label="output A = w·F + b", name="plot")
    plot.patches("xs", "ys", source=area, fill_color="colour", fill_alpha=0.15, line_color=None)
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    # The input axis coloured by sign: which inputs make the neuron positive.
    plot.multi_line("xs", "flat", source=line, line_color="colour", line_width=7, line_alpha=0.6)
    plot.multi_line("xs", "ys", source=line, line_color="colour", line_width=3)
    live_span = Span(location=x, dimension="height", line_color=light["muted"], line_dash="dashed",
                     line_width=1.5, name="live_span")
    plot.add_layout(live_span)
    dot = plot.scatter("x", "y", source=point, size=11, fill_color="colour",
                       line_color=light["background"], line_width=2)
    ring_style = {"size": 11, "fill_color": light["background"], "line_color": light["text"],
                  "line_width": 2}
    plot.scatter("x", "y", source=boundary, **ring_style)
    start, end = now["arrow"] or (0.0, 0.0)
    right = end >= start
    arrow = Arrow(x_start=start, x_end=end, y_start=ARROW_DEPTH, y_end=ARROW_DEPTH,
                  line_color=light["positive"], line_width=3, visible=now["arrow"] is not None,
                  end=VeeHead(size=12, fill_color=light["positive"], line_color=light["positive"]),
                  name="arrow")
    plot.add_layout(arrow)
    tag = Label(x=start, y=0, x_offset=-6 if right else 6, y_offset=6, text="x*",
                text_align="right" if right else "left", text_font_size="13px",
                text_color=light["text"], visible=now["arrow"] is not None, name="tag")
    # The arrow says in words where it points: the side where the neuron is positive.
    side = Label(x=end, y=ARROW_DEPTH, x_offset=6 if right else -6, text_baseline="middle",
                 text="A > 0", text_align="left" if right else "right",
                 text_font_size="13px", text_color=light["positive"],
                 visible=now["arrow"] is not None, name="side")
    plot.add_layout(tag)
    plot.add_layout(side)
    _legend(plot, ring_style, dot)
    style.furnish(plot)

    sliders = [Slider(title=title, start=s, end=e, step=step, value=v, name=name, format="0.00",
                      sizing_mode="stretch_width")
               for title, name, s, e, step, v in [("weight w", "w", -limit, limit, 0.05, w),
                                                  ("bias b", "b", -limit, limit, 0.05, b),
                                                  ("input F", "x", 0, 1, 0.01, x)]]
    readout = Div(text=now["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(*sliders, readout)
    update = CustomJS(
        args=dict(w=sliders[0], b=sliders[1], x=sliders[2], line=line, area=area, boundary=boundary,
                  point=point, arrow=arrow, tag=tag, side=side, live_span=live_span, readout=readout,
                  colours=style.SIGN_COLOURS, arrow_length=ARROW),
        code=style.script("single_neuron_1d"),
    )
    for slider in sliders:
        slider.js_on_change("value", update)
    return column(row(*sliders[:2], sizing_mode="stretch_width"), sliders[2], plot, readout,
                  sizing_mode="stretch_width", name="single_neuron_1d")


def _legend(plot, ring_style: dict, dot):
    """Two short legend rows above the plot (short enough for a phone's width)."""
    light = style.THEMES["light"]
    # Samples: renderers with one invisible (NaN) point, so the legend draws them even when
    # the figure has no boundary to show.
    signs = [plot.line([np.nan], [np.nan], line_color=light[key], line_width=3)
             for key in ("positive", "negative")]
    ring = plot.scatter([np.nan], [np.nan], **ring_style)
    rows = [[("positive (A > 0)", [signs[0]]), ("negative (A < 0)", [signs[1]])],
            [("boundary x* (A = 0)", [ring]), ("the input F", [dot])]]
    for number, items in enumerate(reversed(rows)):
        plot.add_layout(style.legend(items, name=f"legend_{len(rows) - number}"), "above")
