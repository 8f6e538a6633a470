"""The one table of figures: name -> builder, default parameters, page, title.

The command line, the MkDocs hook, the tests and the pages all read this table,
so adding a figure means adding one row here and one module beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bokeh.document import Document

from . import neurons_1d, style

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
            name="neurons_1d",
            build=neurons_1d.build,
            page="02-many-neurons.md",
            title="Many neurons reading one input",
            description="Eight random neurons as lines over one input, coloured by sign.",
            params={"seed": 1, "m": 8},
        ),
    ]
}
