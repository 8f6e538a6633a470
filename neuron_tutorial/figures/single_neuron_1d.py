"""``single_neuron_1d``: one neuron reading one input, ``A = w·F + b``, over ``F`` in [0, 1].

The figure of page 1. The neuron is a line; it is coloured by sign on each side of
its boundary ``x* = −b/w``, where an arrow points to the side where ``A > 0``. The
input axis (``A = 0``) carries the same colours: the two regions of one neuron.
The Python hands over empty sources and the settings; single_neuron_1d.js draws
(on load and whenever ``w``, ``b`` or the input moves), cutting the line with
nt/partition.js's ``partition_1d``, the mirror of ``neuron_tutorial.partition_1d``.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import Arrow, ColumnDataSource, CustomJS, Div, Label, Span, VeeHead

from ..layer import Layer
from .kit import style
from .kit.params import Param, Params

INTERVAL = (0.0, 1.0)
LIMIT = 2.0         # the range of w and b, and of the plotted output
ARROW = 0.12        # length of the arrow at the boundary, in input units
# The line runs above the input axis on the positive side of x* and below it on the other:
# the arrow goes under the axis on the positive side, the x* tag over it on the negative side.
ARROW_DEPTH = -0.3  # output units
SIGNS = ("positive", "negative", "zero")

SETTINGS = Params(Param("w", "weight w", 2.0, -LIMIT, LIMIT, 0.05),
                  Param("b", "bias b", -1.0, -LIMIT, LIMIT, 0.05),
                  Param("x", "input F", 0.3, 0.0, 1.0, 0.01))


def layer(w: float, b: float) -> Layer:
    """The one-neuron layer the figure draws (for tests and the page's code)."""
    return Layer([[w]], [b])


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    light = style.THEMES["light"]
    line = ColumnDataSource({"xs": [], "ys": [], "flat": [], "role": []}, name="line")
    area = ColumnDataSource({"xs": [], "ys": [], "role": []}, name="area")
    boundary = ColumnDataSource({"x": [], "y": []}, name="boundary")
    point = ColumnDataSource({"x": [], "y": [], "role": []}, name="input")

    plot = style.figure(title="One neuron reading one input", height=340, x_range=INTERVAL,
                        y_range=(-1.1 * LIMIT, 1.1 * LIMIT), x_axis_label="input F",
                        y_axis_label="output A = w·F + b", name="plot", min_border_right=14)
    by_sign = style.by_role("role", SIGNS)
    plot.patches("xs", "ys", source=area, fill_color=by_sign, fill_alpha=0.15, line_color=None)
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    # The input axis coloured by sign: which inputs make the neuron positive.
    plot.multi_line("xs", "flat", source=line, line_color=by_sign, line_width=7, line_alpha=0.6)
    plot.multi_line("xs", "ys", source=line, line_color=by_sign, line_width=3)
    live_span = Span(location=values["x"], dimension="height", line_color=light["muted"],
                     line_dash="dashed", line_width=1.5, name="live_span")
    plot.add_layout(live_span)
    dot = plot.scatter("x", "y", source=point, size=11, fill_color=by_sign,
                       line_color=light["background"], line_width=2)
    ring_style = {"size": 11, "fill_color": light["background"], "line_color": light["text"],
                  "line_width": 2}
    plot.scatter("x", "y", source=boundary, **ring_style)
    arrow = Arrow(x_start=0, x_end=0, y_start=ARROW_DEPTH, y_end=ARROW_DEPTH,
                  line_color=light["positive"], line_width=3, visible=False,
                  end=VeeHead(size=12, fill_color=light["positive"], line_color=light["positive"]),
                  name="arrow")
    plot.add_layout(arrow)
    tag = Label(x=0, y=0, y_offset=6, text="x*", text_font_size="13px", text_color=light["text"],
                visible=False, name="tag")
    # The arrow says in words where it points: the side where the neuron is positive.
    side = Label(x=0, y=ARROW_DEPTH, text_baseline="middle", text="A > 0", text_font_size="13px",
                 text_color=light["positive"], visible=False, name="side")
    plot.add_layout(tag)
    plot.add_layout(side)
    _legend(plot, ring_style, dot)
    style.furnish(plot)

    sliders = [SETTINGS[name].control(values[name], format="0.00") for name in ("w", "b", "x")]
    readout = Div(text="", name="readout", sizing_mode="stretch_width", styles={"min-height": "3em"})
    style.controls(*sliders, readout)
    update = style.draw_on_load(CustomJS(
        args=dict(w=sliders[0], b=sliders[1], x=sliders[2], line=line, area=area, boundary=boundary,
                  point=point, arrow=arrow, tag=tag, side=side, live_span=live_span, readout=readout,
                  interval=list(INTERVAL), arrow_length=ARROW),
        code=style.script("single_neuron_1d"),
    ))
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
        plot.add_layout(style.legend(items, name=f"legend_{len(rows) - number}", spacing=12), "above")
