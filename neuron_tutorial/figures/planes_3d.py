"""``planes_3d``: every neuron of a two-input layer as a plane ``A = w · F + b`` in a 3-D view.

The figure of page 4. Over the input square, neuron ``k``'s output is a plane; where it
crosses ``A = 0`` it meets the floor along its boundary line. Each plane is drawn in two
parts, positive and negative, translucent and sorted back to front. Bokeh has no 3-D, so
the scene is kept as polygons in (F1, F2, A) and projected to the screen, here for the
first picture and in planes_3d.js whenever the reader turns the view.

Sorting whole planes back to front cannot be right where planes cross, so each plane is
cut into pieces first: along its own zero line and along every line where it meets
another plane (``partition_2d`` of the lines ``w_k · x + b_k = 0`` and
``(w_k - w_j) · x + (b_k - b_j) = 0``). Over one piece a plane is entirely above or below
the floor and every other plane, and the pieces are sorted by the depth of their centres.
"""

from __future__ import annotations

import numpy as np
from bokeh.events import Pan, PanStart
from bokeh.layouts import column, row
from bokeh.models import (
    ColumnDataSource,
    CustomJS,
    Div,
    LabelSet,
    RadioButtonGroup,
    Range1d,
    Select,
    Slider,
)

from ..layer import Layer, random_layer
from ..partition import partition_2d
from .kit import style

BOX = ((0.0, 1.0), (0.0, 1.0))
SHOW = ["planes and floor", "floor only"]
HEIGHT = 0.6  # half the height of the drawn box, in widths of the input square
RADIUS = 0.85  # half the height of the view: the turning scene always fits inside
# Rows of controls wrap onto a second line on a narrow screen instead of overflowing it.
WRAP = {"flex-wrap": "wrap", "row-gap": "6px"}
# Fill and outline opacity of a plane: normal, highlighted, and beside a highlighted one.
ALPHA = {"plain": (0.3, 0.8), "highlighted": (0.6, 1.0), "faded": (0.08, 0.25)}


def layer_table(seeds: int, max_m: int) -> dict:
    """Weights ``(seeds, max_m, 2)`` and biases ``(seeds, max_m)`` of ``random_layer(max_m, 2, s)``."""
    layers = [random_layer(max_m, 2, seed) for seed in range(seeds)]
    return {"weights": np.stack([layer.weights for layer in layers]).tolist(),
            "biases": np.stack([layer.biases for layer in layers]).tolist()}


def z_extent(table: dict, seed: int) -> float:
    """The largest ``|A|`` of the seed's neurons over the square: the height of the box.

    Taken over all ``max_m`` neurons so that the scale stays put when ``m`` changes.
    """
    w, b = np.array(table["weights"][seed]), np.array(table["biases"][seed])
    corners = np.array([[0, 0], [1, 0], [1, 1], [0, 1]])
    return float(np.abs(corners @ w.T + b).max())


def pieces(layer: Layer) -> list[dict]:
    """The scene's polygons: every plane cut where it crosses the floor or another plane,
    then the floor cut by every boundary line. Each piece has corners ``x, y, z``,
    ``neuron`` (-1 for the floor) and ``signs`` (its neuron's sign; every sign on the floor).
    """
    w, b = layer.weights, layer.biases
    scene = []
    for k in range(layer.m):
        others = [j for j in range(layer.m) if j != k]
        cuts = Layer(np.vstack([w[k : k + 1], w[k] - w[others]]),
                     np.concatenate([b[k : k + 1], b[k] - b[others]]))
        for region in partition_2d(cuts, BOX).regions:
            x, y = region.polygon.T
            scene.append({"x": x, "y": y, "z": w[k, 0] * x + w[k, 1] * y + b[k], "neuron": k,
                          "signs": region.signs[:1]})
    for region in partition_2d(layer, BOX).regions:
        x, y = region.polygon.T
        scene.append({"x": x, "y": y, "z": np.zeros_like(x), "neuron": -1, "signs": region.signs})
    return scene


def project(x, y, z, z_max: float, azimuth: float, elevation: float):
    """Screen coordinates and depth (larger is farther) of points in (F1, F2, A).

    The square is centred, ``A`` scaled so that ``±z_max`` spans ``±HEIGHT``; the view
    turns by ``azimuth`` about the vertical and looks down by ``elevation`` (degrees).
    """
    theta, phi = np.radians(azimuth), np.radians(elevation)
    xc, yc, zc = np.asarray(x) - 0.5, np.asarray(y) - 0.5, np.asarray(z) * HEIGHT / z_max
    u = xc * np.cos(theta) - yc * np.sin(theta)
    v = xc * np.sin(theta) + yc * np.cos(theta)
    return u, zc * np.cos(phi) + v * np.sin(phi), v * np.cos(phi) - zc * np.sin(phi)


def state(layer: Layer, z_max: float, azimuth: float = -35, elevation: float = 25,
          planes: bool = True, highlight: int = -1, scheme: str = "light") -> dict:
    """Source data for one view: the Python side of planes_3d.js's ``draw``."""
    theme = style.THEMES[scheme]
    patches = {key: [] for key in ("xs", "ys", "fill", "line", "fill_alpha", "line_alpha",
                                   "line_width", "depth")}
    for piece in pieces(layer):
        k = piece["neuron"]
        if k >= 0 and not planes:
            continue
        sx, sy, depth = project(piece["x"], piece["y"], piece["z"], z_max, azimuth, elevation)
        if k < 0:
            # The floor: grey, or in the highlighted neuron's sign colours; outlined in grey,
            # so its edges draw every boundary line.
            sign = piece["signs"][highlight] if highlight >= 0 else None
            fill = theme["muted"] if sign is None else _sign_colour(sign, theme)
            look = (theme["muted"], 0.12 if sign is None else 0.35, 0.9, 1.0)
        else:
            fade = "plain" if highlight < 0 else "highlighted" if k == highlight else "faded"
            fill = _sign_colour(piece["signs"][0], theme)
            look = (fill, *ALPHA[fade], 2.0 if fade == "highlighted" else 1.0)
        for key, value in zip(patches, (sx.tolist(), sy.tolist(), fill, *look, float(depth.mean())),
                              strict=True):
            patches[key].append(value)
    order = np.argsort(-np.array(patches["depth"]), kind="stable")
    patches = {key: [values[i] for i in order] for key, values in patches.items()}
    return {"patches": patches, **furniture(layer, z_max, azimuth, elevation, highlight)}


def furniture(layer: Layer, z_max: float, azimuth: float, elevation: float, highlight: int):
    """Axes, their labels, neuron numbers at the boundary lines and the highlighted boundary."""
    # The A axis stands at the corner F = (0, 0); F1 and F2 run along the floor's edges.
    sx, sy, _ = project([0, 0], [0, 0], [-z_max, z_max], z_max, azimuth, elevation)
    axes = {"xs": [sx.tolist()], "ys": [sy.tolist()]}
    top = _round_down(z_max)
    spots = [(0.5, -0.14, 0, "F1"), (-0.14, 0.5, 0, "F2"), (0, 0, z_max * 1.14, "A"),
             (1, -0.07, 0, "1"), (-0.07, 1, 0, "1"), (-0.05, -0.05, 0, "0"),
             (-0.05, -0.05, top, f"{top:g}"), (-0.05, -0.05, -top, f"−{top:g}")]
    lx, ly, _ = project(*np.array([s[:3] for s in spots]).T, z_max, azimuth, elevation)
    labels = {"x": lx.tolist(), "y": ly.tolist(), "text": [s[3] for s in spots]}
    numbers = {"x": [], "y": [], "text": []}
    zero_line = {"xs": [], "ys": []}
    for k in range(layer.m):
        ends = _boundary(layer, k)
        if ends is None:
            continue
        # Each boundary's number sits at the end of its line farther to the right on screen.
        nx, ny, _ = project(ends[:, 0], ends[:, 1], [0, 0], z_max, azimuth, elevation)
        end = int(np.argmax(nx))
        numbers["x"].append(float(nx[end]))
        numbers["y"].append(float(ny[end]))
        numbers["text"].append(str(k + 1))
        if k == highlight:
            zero_line = {"xs": [nx.tolist()], "ys": [ny.tolist()]}
    readout = "<br>".join(_formula(k, layer.weights[k], layer.biases[k], k == highlight)
                          for k in range(layer.m))
    return {"axes": axes, "labels": labels, "numbers": numbers, "zero_line": zero_line,
            "readout": readout}


def _sign_colour(sign, theme) -> str:
    return theme["positive"] if sign > 0 else theme["negative"] if sign < 0 else theme["zero"]


def _round_down(z: float) -> float:
    """A round tick height at most ``z``: 0.5 steps (0.1 steps below 1)."""
    step = 0.5 if z >= 1 else 0.1
    return max(step, np.floor(z / step) * step)


def _boundary(layer: Layer, k: int):
    """Ends ``(2, 2)`` of neuron ``k``'s boundary inside the square, or None when it misses it:
    the corners shared by the two regions its line cuts the square into."""
    part = partition_2d(layer.neuron(k), BOX)
    if len(part) < 2:
        return None
    first, second = (region.polygon for region in part.regions)
    near = np.hypot(*(first[:, None, :] - second[None, :, :]).transpose(2, 0, 1)).min(axis=1)
    return first[near <= 1e-9]


def _formula(k: int, w, b, highlighted: bool) -> str:
    """"Neuron 1: A = 1.20·F1 − 0.35·F2 + 0.10", as planes_3d.js writes it."""
    def signed(value, first=False):
        number = f"{abs(value):.2f}"
        negative = value < 0 and number != "0.00"
        return ("−" if negative else "") + number if first else f"{'−' if negative else '+'} {number}"

    text = f"Neuron {k + 1}: A = {signed(w[0], True)}·F1 {signed(w[1])}·F2 {signed(b)}"
    return f"<b>{text}</b>" if highlighted else text


def build(seed: int = 0, m: int = 4, seeds: int = 20, max_m: int = 8, azimuth: float = -35,
          elevation: float = 25):
    """The figure as a Bokeh layout (pure: builds models, writes nothing)."""
    table = layer_table(seeds, max_m)
    z_max = z_extent(table, seed)
    layer = Layer(np.array(table["weights"][seed][:m]), np.array(table["biases"][seed][:m]))
    first = state(layer, z_max, azimuth, elevation)
    light = style.THEMES["light"]
    sources = {key: ColumnDataSource(first[key], name=key)
               for key in ("patches", "axes", "labels", "numbers", "zero_line")}

    # The view's ranges keep one unit as wide as it is tall; planes_3d.js refits them
    # whenever the plot changes size.
    plot = style.figure(title="Each neuron is a plane over the input square", height=440,
                        x_range=Range1d(-1.6 * RADIUS, 1.6 * RADIUS), y_range=Range1d(-RADIUS, RADIUS),
                        name="plot")
    plot.axis.visible = False
    plot.grid.visible = False
    plot.patches("xs", "ys", source=sources["patches"], fill_color="fill", fill_alpha="fill_alpha",
                 line_color="line", line_alpha="line_alpha", line_width="line_width", name="scene")
    plot.multi_line("xs", "ys", source=sources["axes"], line_color=light["text"], line_width=1.5)
    plot.multi_line("xs", "ys", source=sources["zero_line"], line_color=light["text"], line_width=3.5)
    plot.add_layout(LabelSet(x="x", y="y", text="text", source=sources["labels"], text_align="center",
                             text_baseline="middle", text_font_size="13px", text_color=light["text"]))
    plot.add_layout(LabelSet(x="x", y="y", text="text", source=sources["numbers"], x_offset=6,
                             text_baseline="middle", text_font_size="12px", text_font_style="bold",
                             text_color=light["muted"], name="number_labels"))
    samples = [plot.scatter([np.nan], [np.nan], marker="square", size=12, fill_color=light[key],
                            fill_alpha=0.6, line_color=light[key])
               for key in ("positive", "negative", "muted")]
    labels = ["positive", "negative", "floor (A = 0)"]
    legend = style.legend(list(zip(labels, samples, strict=True)), name="legend", padding=4)
    plot.add_layout(legend, "above")
    style.furnish(plot)

    show = RadioButtonGroup(labels=SHOW, active=0, name="show")
    highlight = Select(title="Highlight", value="0", name="highlight", width=150,
                       options=[("0", "no neuron")] + [(str(k), f"Neuron {k}") for k in range(1, m + 1)])
    sliders = {
        "azimuth": Slider(title="Turn (°)", start=-180, end=180, step=1, value=azimuth),
        "elevation": Slider(title="Tilt (°)", start=0, end=90, step=1, value=elevation),
        "seed": Slider(title="Seed", start=0, end=seeds - 1, step=1, value=seed),
        "m": Slider(title="Neurons m", start=1, end=max_m, step=1, value=m),
    }
    for name, slider in sliders.items():
        slider.name, slider.sizing_mode = name, "stretch_width"
    readout = Div(text=first["readout"], name="readout", sizing_mode="stretch_width")
    style.controls(show, highlight, *sliders.values(), readout)

    update = CustomJS(
        args=dict(table=table, height=HEIGHT, radius=RADIUS, alpha=ALPHA, themes=style.THEMES,
                  colours=style.SIGN_COLOURS, plot=plot, show=show, highlight=highlight,
                  readout=readout, **sources, **sliders),
        code=style.script("planes_3d"),
    )
    for slider in sliders.values():
        slider.js_on_change("value", update)
    show.js_on_change("active", update)
    highlight.js_on_change("value", update)
    plot.js_on_change("inner_width", update)
    plot.js_on_change("inner_height", update)
    for event in (PanStart, Pan):
        plot.js_on_event(event, update)

    return column(
        row(show, highlight, sizing_mode="stretch_width", styles=WRAP),
        plot,
        row(sliders["azimuth"], sliders["elevation"], sizing_mode="stretch_width"),
        readout,
        row(sliders["seed"], sliders["m"], sizing_mode="stretch_width"),
        sizing_mode="stretch_width",
        name="planes_3d",
    )
