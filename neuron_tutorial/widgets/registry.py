"""The one table of figures: name -> builder, default parameters, page, title.

The command line, the MkDocs hook, the tests and the pages all read this table,
so adding a figure means adding one row here and one module beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bokeh.document import Document

from . import (
    neurons_1d,
    partition_1d,
    single_neuron_1d,
    single_neuron_2d,
    style,
)

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
    # The main control, for `make bench`: (model name, property, values to cycle through).
    probe: tuple = ()

    def document(self, **overrides) -> Document:
        """The figure as a Bokeh Document that follows the page's light/dark scheme."""
        return style.document(self.build(**{**self.params, **overrides}), self.title)

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


WIDGETS: dict[str, Widget] = {
    w.name: w
    for w in [
        Widget(
            name="single_neuron_1d",
            build=single_neuron_1d.build,
            page="01-one-neuron.md",
            title="One neuron reading one input",
            description="One neuron A = w·F + b as a line, coloured by sign on each side of its "
                        "boundary point, with sliders for w, b and the input.",
            params={"w": 2.0, "b": -1.0, "x": 0.3},
            probe=("x", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
        Widget(
            name="single_neuron_2d",
            build=single_neuron_2d.build,
            page="01-one-neuron.md",
            title="One neuron reading two inputs",
            description="One neuron over the input square: its output as colours, its boundary line, "
                        "its weight vector as the normal, and an input to drag.",
            params={"w1": 1.0, "w2": 0.6, "b": -0.8},
            probe=("w1", "value", [-1.5, -0.5, 0.5, 1.5]),
        ),
        Widget(
            name="neurons_1d",
            build=neurons_1d.build,
            page="02-many-neurons.md",
            title="Many neurons reading one input",
            description="Eight random neurons as lines over one input, coloured by sign.",
            params={"seed": 1, "m": 8},
            probe=("live", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
        Widget(
            name="partition_1d",
            build=partition_1d.build,
            page="03-cutting-the-line.md",
            title="Cutting the input line",
            description="The boundary points of eight neurons cut the input line into regions, "
                        "each with its own sign pattern; edit a neuron and watch them move.",
            params={"seed": 1, "m": 8},
            probe=("live", "value", [0.1, 0.3, 0.5, 0.7, 0.9]),
        ),
    ]
}
