"""The one table of figures: name -> builder, default parameters, page, title.

The command line, the MkDocs hook, the tests and the pages all read this table,
so adding a figure means adding one row here and one module beside it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from bokeh.document import Document

from . import (
    directions_linear,
    directions_relu,
    dissection,
    dissection_curves,
    dissection_digits,
    layer_slice,
    neurons_1d,
    next_layer,
    partition_1d,
    planes_3d,
    regions_2d,
    single_neuron_1d,
    single_neuron_2d,
    superposition,
    train_live,
)
from .kit import style

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Widget:
    """One figure: how to build it, with which parameters, for which page."""

    name: str
    build: Callable
    page: str
    title: str
    description: str
    params: dict = field(default_factory=dict)
    # The figure's table of reader-facing settings (kit.params.Params): its defaults are the
    # registry's parameters and the page's URL hash reads and writes them.
    settings: object = None
    # The main control, for `make bench`: (model name, property, values to cycle through).
    probe: tuple = ()

    def document(self, **overrides) -> Document:
        """The figure as a Bokeh Document that follows the page's light/dark scheme."""
        return style.document(self.build(**{**self.params, **overrides}), self.title, self.settings)

    def sources(self) -> list[Path]:
        """Files whose content decides this widget's HTML (for staleness checks).

        Its own module and script, and every shared module of the package; other
        figures' modules are left out so editing one figure rebuilds only it.
        """
        package = HERE.parent
        own = {HERE / f"{self.name}.py", HERE / f"{self.name}.js"}
        others = {HERE / f"{name}{ext}" for name in WIDGETS if name != self.name for ext in (".py", ".js")}
        shared = {p for p in package.rglob("*") if p.suffix in (".py", ".js")} - others
        return sorted(p for p in shared | own if p.exists())


def _with_settings(widget: Widget) -> Widget:
    """A row whose figure declares a settings table takes its parameters from it."""
    table = getattr(sys.modules[widget.build.__module__], "SETTINGS", None)
    if table is None:
        return widget
    return replace(widget, settings=table, params={**table.defaults(), **widget.params})


WIDGETS: dict[str, Widget] = {
    w.name: w
    for w in map(_with_settings, [
        Widget(
            name="single_neuron_1d",
            build=single_neuron_1d.build,
            page="01-one-neuron.md",
            title="One neuron reading one input",
            description="One neuron A = w·F + b as a line, coloured by sign on each side of its "
                        "boundary point, with sliders for w, b and the input.",
            probe=("x", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
        Widget(
            name="single_neuron_2d",
            build=single_neuron_2d.build,
            page="01-one-neuron.md",
            title="One neuron reading two inputs",
            description="One neuron over the input square: its output as colours, its boundary line, "
                        "its weight vector as the normal, and an input to drag.",
            probe=("w1", "value", [-1.5, -0.5, 0.5, 1.5]),
        ),
        Widget(
            name="neurons_1d",
            build=neurons_1d.build,
            page="02-many-neurons.md",
            title="Many neurons reading one input",
            description="Random neurons as lines over one input, each coloured by its sign piece by piece.",
            probe=("live", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
        Widget(
            name="regions_2d",
            build=regions_2d.build,
            page="05-regions.md",
            title="Regions in the plane",
            description="The exact regions that m neurons' boundary lines cut the input square into, "
                        "with a live input to drag across them.",
            probe=("w1", "value", [0.5, 1.0, -0.5, -1.2, 1.44]),
        ),
        Widget(
            name="planes_3d",
            build=planes_3d.build,
            page="04-planes.md",
            title="Neurons as planes over two inputs",
            description="Random neurons of a two-input layer as planes over the input square, "
                        "split at their zero lines, in a 3-D view you turn by dragging.",
            params={"seed": 6, "m": 4},
            probe=("azimuth", "value", [-60, -20, 20, 60, -35]),
        ),
        Widget(
            name="partition_1d",
            build=partition_1d.build,
            page="03-cutting-the-line.md",
            title="Cutting the input line",
            description="The boundary points of m neurons cut the input line into regions, "
                        "each with its own sign pattern; edit a neuron and watch them move.",
            probe=("live", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
        Widget(
            name="directions_linear",
            build=directions_linear.build,
            page="06-basis-or-random.md",
            title="Directions of a linear layer",
            description="Activation space of two (or three) neurons with a direction v you turn, and v's "
                        "boundary in input space: every direction of a linear layer is another neuron.",
            probe=("theta", "value", [0, 45, 90, 135, 200]),
        ),
        Widget(
            name="directions_relu",
            build=directions_relu.build,
            page="07-what-makes-the-basis-special.md",
            title="A neuron and a random direction, with and without ReLU",
            description="One direction of activation space read over the input square: a straight "
                        "zero line without ReLU, a bent one with it, and its top 5%.",
            probe=("relu", "active", [0, 1, 0, 1, 0]),
        ),
        Widget(
            name="dissection",
            build=dissection.build,
            page="07-what-makes-the-basis-special.md",
            title="A measured mini Network Dissection",
            description="Concept detectors among the neurons and among rotated directions of twenty "
                        "small trained networks, ReLU and linear, as the rotation α grows.",
            params={"seeds": 20},
            probe=("alpha", "value", [0.0, 0.3, 0.6, 1.0, 0.5]),
        ),
        Widget(
            name="dissection_curves",
            build=dissection_curves.build,
            page="07-what-makes-the-basis-special.md",
            title="Network Dissection of twenty digits networks",
            description="Detectors, unique detectors, mean best IoU and kurtosis of the hidden layer of "
                        "digits networks as the neurons turn into random directions (α from 0 to 1), "
                        "ReLU against linear and untrained networks, and the paired difference per network.",
            params={"seeds": 20},
            probe=("measure", "active", [1, 2, 3, 0, 1]),
        ),
        Widget(
            name="dissection_digits",
            build=dissection_digits.build,
            page="07-what-makes-the-basis-special.md",
            title="The digits a neuron and a random direction respond to",
            description="The sixteen held-out digits on which one neuron, and one random direction, of a "
                        "trained digits network are largest, beside the concept each matches best.",
            params={"seed": 0, "neuron": 1, "random": 1},
            probe=("neuron", "value", [2, 3, 4, 5, 1]),
        ),
        Widget(
            name="superposition",
            build=superposition.build,
            page="08-more-concepts-than-neurons.md",
            title="More almost-orthogonal directions than neurons",
            description="How many directions with pairwise |cos| below ε a greedy search finds in n "
                        "dimensions, on a log scale beside the n basis directions.",
            probe=("eps", "active", [0, 2, 4, 6, 3]),
        ),
        Widget(
            name="next_layer",
            build=next_layer.build,
            page="next-layer.md",
            title="Neurons of the next layer",
            description="The exact regions of a random 2 → m → m ReLU network: straight layer-1 "
                        "boundaries, layer-2 boundaries bent where they cross them, and one reading "
                        "of layer 2 with its positive side.",
            probe=("k", "value", [1, 2, 3, 4, 5]),
        ),
        Widget(
            name="train_live",
            build=train_live.build,
            page="next-layer.md",
            title="A small network trained live",
            description="A 2 → m₁ → m₂ → 1 ReLU network trained in the page on a toy data set, its "
                        "exact regions and decision boundary redrawn after every step.",
            probe=("rate", "active", [1, 2, 3, 4, 2]),
        ),
        Widget(
            name="layer_slice",
            build=layer_slice.build,
            page="09-your-own-layer.ipynb",
            title="A trained layer on the plane through three digits",
            description="The exact regions of a digits network's 128 first-layer neurons on the "
                        "plane through images of a 0, a 1 and a 7.",
            params={"hidden": 128, "seed": 0, "digits": (0, 1, 7), "margin": 0.5},
            probe=("neuron", "value", [1, 2, 3, 4, 5]),
        ),
    ])
}
