"""``neurons_1d``: many neurons reading one input, drawn as lines ``A = w_k F + b_k``.

The figure of page 2. Eight seeded neurons over positive inputs ``F`` in [0, 1];
Input 1 (F = 0.3) and Input 2 (F = 0.7) marked, with every neuron's output there
as a bar; a live input the reader moves, every line coloured by its neuron's
sign (or "high output") at that input. The seeded layers, the mode switch and
the seed and ``m`` sliders come from layer_1d (shared with ``partition_1d``);
neurons_1d.js recomputes outputs and colours in the browser.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, CustomJS, Div, FactorRange, HoverTool, Label, Span

from .kit import layer_1d, style

INPUT_NAMES = ["Input 1", "Input 2"]
INPUTS = (0.3, 0.7)   # the two inputs the bar chart compares


def state(table: dict, seed: int, m: int, live: float, inputs, high: bool, scheme: str = "light"):
    """Source data for one setting: the Python side of neurons_1d.js."""
    layer = layer_1d.seeded_layer(table, seed, m)
    w, b = layer.weights[:, 0], layer.biases
    level = layer_1d.levels(layer, high)
    colours = style.SIGN_COLOURS[scheme]

    def colour(signs):
        return [colours["positive"] if s > 0 else colours["negative"] if s < 0 else colours["zero"]
                for s in signs]

    at_live = w * live + b
    live_signs = np.sign(at_live - level)
    names = [f"Neuron {k + 1}" for k in range(m)]
    lines = {
        "xs": [[0.0, 1.0]] * m,
        "ys": [[bk, wk + bk] for wk, bk in zip(w, b, strict=True)],
        "colour": colour(live_signs),
        "name": names,
        "formula": [f"{wk:.2f}·F {'−' if bk < 0 else '+'} {abs(bk):.2f}"
                    for wk, bk in zip(w, b, strict=True)],
    }
    dots = {"x": [live] * m, "y": at_live.tolist(), "colour": colour(live_signs), "name": names}
    factors, heights, bar_colours, levels = [], [], [], []
    for name, x in zip(INPUT_NAMES, inputs, strict=True):
        out = w * x + b
        factors += [(f"{name} (F = {x:.1f})", str(k + 1)) for k in range(m)]
        heights += out.tolist()
        bar_colours += colour(np.sign(out - level))
        levels += level.tolist()
    bars = {"factor": factors, "output": heights, "colour": bar_colours, "level": levels}
    positive = int((live_signs > 0).sum())
    word = "high" if high else "positive"
    readout = f"Live input F = {live:.2f}: {positive} of {m} neurons {word}"
    return lines, dots, bars, readout


SETTINGS = layer_1d.settings(seed=1, m=8, live=0.5, live_label="Live input F")


def build(**settings):
    """The figure as a Bokeh layout at ``settings`` (see SETTINGS; pure: writes nothing)."""
    values = SETTINGS.values(settings)
    inputs = INPUTS
    seed, m, live = values["seed"], values["m"], values["live"]
    table = layer_1d.layer_table(layer_1d.SEEDS, layer_1d.MAX_M)
    lines_data, dots_data, bars_data, readout_text = state(table, seed, m, live, inputs, high=False)
    lines = ColumnDataSource(lines_data, name="lines")
    dots = ColumnDataSource(dots_data, name="dots")
    bars = ColumnDataSource(bars_data, name="bars")
    light = style.THEMES["light"]

    plot = style.figure(title="Eight neurons reading one input", height=340, x_range=(0, 1),
                        x_axis_label="input F", y_axis_label="output A", name="plot")
    plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"], line_width=1))
    for name, x in zip(INPUT_NAMES, inputs, strict=True):
        plot.add_layout(Span(location=x, dimension="height", line_color=light["muted"],
                             line_dash="dashed", line_width=1.5))
        plot.add_layout(Label(x=x, y=4, y_units="screen", text=f"{name} = {x:.1f}", x_offset=4,
                              text_font_size="12px", text_color=light["muted"]))
    live_span = Span(location=live, dimension="height", line_color=light["text"], line_width=2)
    plot.add_layout(live_span)
    guide = plot.multi_line("xs", "ys", source=lines, line_color="colour", line_width=2.5,
                            hover_line_width=5)
    plot.scatter("x", "y", source=dots, fill_color="colour", line_color=light["background"],
                 size=9)
    plot.add_tools(HoverTool(renderers=[guide], tooltips="@name: A = @formula"))
    legend = layer_1d.sign_legend(plot)

    bar_plot = style.figure(title="Outputs at Input 1 and Input 2", height=220,
                            x_range=FactorRange(*bars_data["factor"], name="bar_range"),
                            y_axis_label="output A", name="bar_plot")
    bar_plot.vbar(x="factor", top="output", source=bars, width=0.8, fill_color="colour",
                  line_color=None)
    marks = bar_plot.scatter(x="factor", y="level", source=bars, marker="dash", size=14,
                             line_color=light["text"], line_width=2, visible=False)
    bar_plot.add_layout(Span(location=0, dimension="width", line_color=light["axis"]))
    bar_plot.xaxis.major_label_text_font_size = "11px"
    bar_plot.xgrid.grid_line_color = None
    style.furnish(plot, bar_plot)

    live_slider = SETTINGS["live"].control(live)
    mode, seed_slider, m_slider = (SETTINGS[key].control(values[key]) for key in ("mode", "seed", "m"))
    readout = Div(text=readout_text, name="readout", sizing_mode="stretch_width")
    style.controls(live_slider, mode, seed_slider, m_slider, readout)

    update = CustomJS(
        args=dict(table=table, lines=lines, dots=dots, bars=bars, live=live_slider, mode=mode,
                  seed=seed_slider, m=m_slider, inputs=list(inputs), input_names=INPUT_NAMES,
                  colours=style.SIGN_COLOURS, live_span=live_span, readout=readout,
                  bar_range=bar_plot.x_range, marks=marks, legend=legend, plot=plot),
        code=style.script("neurons_1d"),
    )
    live_slider.js_on_change("value", update)
    for control in (seed_slider, m_slider):
        control.js_on_change("value", update)
    mode.js_on_change("active", update)

    return column(
        mode,
        live_slider,
        plot,
        readout,
        bar_plot,
        row(seed_slider, m_slider, sizing_mode="stretch_width"),
        sizing_mode="stretch_width",
        name="neurons_1d",
    )
