"""``single_neuron_2d``: one neuron reading two inputs, ``A = w·F + b``, over the unit square.

The second figure of page 1. The output is a plane, drawn from above as a diverging
colour map (orange below zero, blue above, the page's background at zero): exact bands
between level lines (nt/bands.js), crisp at any size since ``A`` is affine. Its zero set,
the boundary, is a line with the weight vector ``w`` as its normal. The reader sets ``w1``,
``w2`` and ``b`` with sliders and moves the input by tapping or dragging in the plot (or with
the F1 and F2 sliders). The Python hands over empty sources and the settings;
single_neuron_2d.js draws, on load and on every change.
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
    Div,
    Label,
    LinearColorMapper,
    Range1d,
    VeeHead,
)
from bokeh.transform import transform

from ..layer import Layer
from .kit import style
from .kit.params import Param, Params

LIMIT = 2.0        # the range of the weights and bias, and of the colour map
NORMAL = 0.22      # the drawn weight vector's length, in input units: it shows a direction
SHADES = 48        # palette entries on each side of zero: bands too thin to see as steps

SETTINGS = Params(Param("w1", "weight w₁", 1.0, -LIMIT, LIMIT, 0.05),
                  Param("w2", "weight w₂", 0.6, -LIMIT, LIMIT, 0.05),
                  Param("b", "bias b", -0.8, -LIMIT, LIMIT, 0.05),
                  Param("f1", "input F₁", 0.3, 0.0, 1.0, 0.01),
                  Param("f2", "input F₂", 0.6, 0.0, 1.0, 0.01))


def palette(scheme: str) -> list[str]:
    """Orange → the page's background → blue in ``2 * SHADES + 1`` steps."""
    theme = style.THEMES[scheme]
    ends = [np.array([int(theme[key][i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
            for key in ("negative", "background", "positive")]
    steps = np.linspace(0, 1, SHADES + 1)
    colours = [ends[0] + t * (ends[1] - ends[0]) for t in steps[:-1]]
    colours += [ends[1] + t * (ends[2] - ends[1]) for t in steps]
    return ["#" + "".join(f"{round(c):02x}" for c in rgb) for rgb in colours]


def layer(w1: float, w2: float, b: float) -> Layer:
    """The one-neuron layer the figure draws (for tests and the page's code)."""
    return Layer([[w1, w2]], [b])


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    light = style.THEMES["light"]
    bands = ColumnDataSource({"xs": [], "ys": [], "value": []}, name="bands")
    boundary = ColumnDataSource({"x": [], "y": []}, name="boundary")
    reach = ColumnDataSource({"x": [], "y": []}, name="reach")
    point = ColumnDataSource({"x": [], "y": [], "role": []}, name="input")

    # The frame is the square and stays square (single_neuron_2d.js sets its height to its
    # width), so w looks perpendicular to the boundary and the dashed distance is true.
    plot = style.figure(title="One neuron reading two inputs", height=470,
                        x_range=Range1d(0, 1), y_range=Range1d(0, 1),
                        x_axis_label="input F₁", y_axis_label="input F₂", name="plot", min_border_right=14)
    mapper = style.themed(LinearColorMapper(low=-LIMIT, high=LIMIT, name="mapper"),
                          {s: palette(s) for s in ("light", "dark")})
    # Each band's outline in its own colour covers the hairline seams between neighbours.
    plot.patches("xs", "ys", source=bands, fill_color=transform("value", mapper),
                 line_color=transform("value", mapper), line_width=1)
    edge_style = {"line_color": light["text"], "line_width": 3}
    dash_style = {"line_color": light["text"], "line_dash": "dashed", "line_width": 1.5}
    plot.line("x", "y", source=boundary, **edge_style)
    plot.line("x", "y", source=reach, **dash_style)
    dot = plot.scatter("x", "y", source=point, size=14, fill_color=style.by_role("role"),
                       line_color=light["text"], line_width=2)
    arrow = Arrow(x_start=0.5, y_start=0.5, x_end=0.5, y_end=0.5, line_color=light["text"],
                  line_width=3, end=VeeHead(size=12, fill_color=light["text"], line_color=light["text"]),
                  visible=False, name="arrow")
    tip = Label(x=0.5, y=0.5, x_offset=4, y_offset=4, text="w", text_font_size="15px",
                text_font_style="bold", text_color=light["text"], visible=False, name="tip")
    plot.add_layout(arrow)
    plot.add_layout(tip)
    plot.add_layout(ColorBar(color_mapper=mapper, orientation="horizontal", title="output A",
                             height=10, padding=4, name="colour_bar", major_label_text_font_size="11px",
                             title_text_font_style="normal", title_text_font_size="12px",
                             background_fill_color=light["background"]), "below")
    # Samples with one invisible (NaN) point: the legend keeps them when a source is empty.
    samples = [plot.line([np.nan], [np.nan], **kind) for kind in (edge_style, dash_style)]
    plot.add_layout(style.legend([("boundary (A = 0)", samples[0]), ("input F", dot),
                                  ("distance", samples[1])], name="legend", spacing=12), "above")
    style.furnish(plot)

    sliders = {name: SETTINGS[name].control(values[name], format="0.00")
               for name in ("w1", "w2", "b", "f1", "f2")}
    readout = Div(text="", name="readout", sizing_mode="stretch_width", styles={"min-height": "3em"})
    style.controls(*sliders.values(), readout)
    update = style.draw_on_load(CustomJS(
        args=dict(**sliders, bands=bands, boundary=boundary, reach=reach, point=point, arrow=arrow,
                  tip=tip, readout=readout, plot=plot, normal_length=NORMAL, limit=LIMIT,
                  shades=2 * SHADES + 1),
        code=style.script("single_neuron_2d"),
    ))
    for slider in sliders.values():
        slider.js_on_change("value", update)
    # Tapping or dragging in the plot moves the input (the same callback sets F1 and F2).
    for event in (events.Tap, events.Pan, events.PanStart):
        plot.js_on_event(event, update)
    plot.js_on_change("inner_width", update)
    return column(row(sliders["w1"], sliders["w2"], sliders["b"], sizing_mode="stretch_width"), plot,
                  readout, row(sliders["f1"], sliders["f2"], sizing_mode="stretch_width"),
                  sizing_mode="stretch_width", max_width=520, name="single_neuron_2d")
