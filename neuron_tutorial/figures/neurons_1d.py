"""``neurons_1d``: many neurons reading one input, drawn as lines ``A = w_k F + b_k``.

The figure of page 2. Eight seeded neurons over positive inputs ``F`` in [0, 1];
Input 1 (F = 0.3) and Input 2 (F = 0.7) marked, with every neuron's output there
as a bar; a live input the reader moves, with a dot on every line. Each line is
coloured piece by piece by its own sign (or by "high output": above its 95% quantile
threshold, drawn as a dash on its bars). The seed table, the mode switch and the seed
and ``m`` sliders come from kit/layer_1d (shared with ``partition_1d``); the Python hands
over empty sources and neurons_1d.js draws, on load and on every change.
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, CustomJS, Div, FactorRange, HoverTool, Label, Range1d, Span

from .kit import layer_1d, style

INPUT_NAMES = ["Input 1", "Input 2"]
INPUTS = (0.3, 0.7)   # the two inputs the bar chart compares

SETTINGS = layer_1d.settings(seed=1, m=8, live=0.5, live_label="Live input F")


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    table = layer_1d.layer_table(layer_1d.SEEDS, layer_1d.MAX_M)
    lines = ColumnDataSource({k: [] for k in ("xs", "ys", "role", "name", "formula")}, name="lines")
    dots = ColumnDataSource({k: [] for k in ("x", "y", "role", "name")}, name="dots")
    bars = ColumnDataSource({k: [] for k in ("factor", "output", "role", "level")}, name="bars")
    light = style.THEMES["light"]
    by_sign = style.by_role("role")

    plot = style.figure(title=" ", height=340, x_range=(0, 1), y_range=Range1d(-1, 1, name="y_range"),
                        x_axis_label="input F", y_axis_label="output A", name="plot", min_border_right=14)
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    live_span = Span(location=values["live"], dimension="height", line_color=light["text"], line_width=2)
    plot.add_layout(live_span)
    # The two inputs' names (short: clear of the live input on a phone) sit in a strip below
    # every line (neurons_1d.js keeps the y range so).
    for name, x in zip(INPUT_NAMES, INPUTS, strict=True):
        plot.add_layout(Span(location=x, dimension="height", line_color=light["muted"],
                             line_dash="dashed", line_width=1.5))
        plot.add_layout(Label(x=x, y=4, y_units="screen", text=name, x_offset=4,
                              text_font_size="12px", text_color=light["muted"]))
    guide = plot.multi_line("xs", "ys", source=lines, line_color=by_sign, line_width=2.5,
                            hover_line_width=5)
    plot.scatter("x", "y", source=dots, fill_color=by_sign, line_color=light["background"], size=9)
    plot.add_tools(HoverTool(renderers=[guide], tooltips="@name: A = @formula"))
    legend = layer_1d.sign_legend(plot)

    bar_plot = style.figure(title="Outputs at Input 1 and Input 2", height=220,
                            x_range=FactorRange(name="bar_range"), y_axis_label="output A",
                            name="bar_plot")
    bar_plot.vbar(x="factor", top="output", source=bars, width=0.8, fill_color=by_sign, line_color=None)
    marks = bar_plot.scatter(x="factor", y="level", source=bars, marker="dash", size=14,
                             line_color=light["text"], line_width=2, visible=False)
    # In "high output" mode each bar carries its neuron's threshold: the legend says so.
    marks_legend = style.legend([("threshold t (the neuron's 95% quantile): high above it", marks)],
                                name="marks_legend", visible=False)
    bar_plot.add_layout(marks_legend, "above")
    bar_plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"]))
    bar_plot.xaxis.major_label_text_font_size = "11px"
    bar_plot.xgrid.grid_line_color = None
    style.furnish(plot, bar_plot)

    live_slider = SETTINGS["live"].control(values["live"])
    mode, seed_slider, m_slider = (SETTINGS[key].control(values[key]) for key in ("mode", "seed", "m"))
    readout = Div(text="", name="readout", sizing_mode="stretch_width", min_height=21)
    style.controls(live_slider, mode, seed_slider, m_slider, readout)

    update = style.draw_on_load(CustomJS(
        args=dict(table=table, lines=lines, dots=dots, bars=bars, live=live_slider, mode=mode,
                  seed=seed_slider, m=m_slider, inputs=list(INPUTS), input_names=INPUT_NAMES,
                  live_span=live_span, readout=readout, bar_range=bar_plot.x_range, marks=marks,
                  marks_legend=marks_legend, legend=legend, plot=plot, y_range=plot.y_range),
        code=style.script("neurons_1d"),
    ))
    live_slider.js_on_change("value", update)
    for control in (seed_slider, m_slider):
        control.js_on_change("value", update)
    mode.js_on_change("active", update)

    return column(mode, live_slider, plot, readout, bar_plot,
                  row(seed_slider, m_slider, sizing_mode="stretch_width"),
                  sizing_mode="stretch_width", name="neurons_1d")

