"""Showing a figure from a notebook: a registry figure by name, or the reader's own network.

``show("layer_slice")``: while the site is built (the MkDocs hook sets ``NT_SITE_BUILD``)
the same iframe every page uses, of the widget the site built from the registry;
anywhere else the figure inline. ``show(network, inputs=...)``: the figure of
``neuron-tutorial read`` (``network_slice``); while the site is built, a widget page written
into ``NT_NOTEBOOK_FIGURES`` (the hook adds it to the site) in the same lazy iframe, so the
page loads BokehJS from the site like every other, not inlined into the notebook; its
summary becomes the frame's caption, so the frame's height is the figure's at its width.
Inline figures carry no import map: their modules' imports are ``data:`` URLs
(``standalone``), and BokehJS is embedded once per notebook kernel, so a downloaded
notebook needs no server and no CDN.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from ..figures import WIDGETS, network_slice
from ..layer import Layer
from ..network import Network
from ..slices import Plane, plane_through
from . import standalone

_bokeh_loaded = False
# On the site, show(network) draws this figure; its placeholder heights are measured under
# this name (tests/browser/widget_heights.py, docs/hooks/widget_heights.json).
FIGURE = "network_slice"
TITLE = "Your network's regions"
DESCRIPTION = "The exact regions of a network on a plane through three inputs."


def show(what: str | Network | Layer, plane: Plane | None = None, inputs: ArrayLike | None = None,
         labels=None, depth: int | None = None, **params):
    """Display a figure in a notebook.

    - ``show(name, **params)``: the registry figure ``name`` built with ``params``.
    - ``show(network_or_layer, plane=..., inputs=..., labels=..., depth=...)``: its exact
      regions on ``plane`` (default: the plane through the 3 ``inputs`` ``(3, n)``; for a
      2-input network, its own plane in its box), coloured by layer or output class,
      ``inputs`` marked as ``labels``, partitioned by layers ``1..depth`` (default: the hidden ones).
    """
    if isinstance(what, str):
        return _show_registry(what, **params)
    if params:
        raise ValueError(f"params are for registry figures; a network takes plane, inputs, labels, depth, "
                         f"got {sorted(params)}")
    network = Network([what]) if isinstance(what, Layer) else what
    if not isinstance(network, Network):
        raise ValueError(f"what must be a figure's name, a Network or a Layer, got {type(what).__name__}")
    points = None if inputs is None else np.asarray(inputs, dtype=float)
    if plane is None:
        plane = _default_plane(network, points)
    labels = [f"input {i}" for i in range(len(points))] if labels is None and points is not None else labels
    layout = network_slice.build(network, plane, points, labels or (), depth)
    if os.environ.get("NT_SITE_BUILD") and os.environ.get("NT_NOTEBOOK_FIGURES"):
        return _site_frame(layout, Path(os.environ["NT_NOTEBOOK_FIGURES"]))
    _display(layout)
    return None


def _site_frame(layout, folder: Path):
    """Write ``layout`` as a widget page into ``folder/widgets/`` and return its iframe."""
    from IPython.display import HTML

    name, caption = site_page(layout, folder)
    return HTML(f'<figure class="nt-figure"><iframe class="nt-widget" src="../widgets/{name}.html"'
                f' title="Interactive figure: {html.escape(TITLE)}"></iframe>'
                f"<figcaption>{caption}</figcaption></figure>")


def site_page(layout, folder: Path) -> tuple[str, str]:
    """Write ``network_slice``'s ``layout`` as a widget page into ``folder/widgets/``: its name and
    caption (HTML).

    The summary (its length, so its lines, depend on the network) becomes the caption under
    the frame: what stays in the frame has a height that depends on the frame's width alone,
    so the placeholder heights measured once for ``FIGURE`` hold for any network a notebook shows.
    """
    from ..figures.kit import style
    from . import build

    summary = layout.select_one({"name": "summary"})
    layout.children.remove(summary)
    caption = html.escape(re.sub(r"<[^>]+>", "", summary.text))  # labels are the reader's own text
    doc = style.document(layout, TITLE)
    page = build.render_document(doc, folder, "notebook", TITLE, DESCRIPTION, "notebook")
    name = "notebook_" + hashlib.sha256(page.encode()).hexdigest()[:10]
    (folder / "widgets").mkdir(parents=True, exist_ok=True)
    (folder / "widgets" / f"{name}.html").write_text(page)
    return name, caption


def _default_plane(network: Network, points) -> Plane:
    if points is not None and len(points) == 3:
        return plane_through(*points)
    if network.n != 2:
        raise ValueError(f"plane (or 3 inputs) must be given for a network of {network.n} inputs")
    box = network.layers[0].box or ((0.0, 1.0), (0.0, 1.0))
    return Plane(np.zeros(2), np.array([1.0, 0.0]), np.array([0.0, 1.0]), box)


def _display(layout) -> None:
    global _bokeh_loaded
    from bokeh.io import output_notebook
    from bokeh.io import show as bokeh_show
    from bokeh.resources import INLINE

    if not _bokeh_loaded:  # BokehJS once per kernel: a saved notebook carries one copy
        output_notebook(resources=INLINE, hide_banner=True)
        _bokeh_loaded = True
    standalone.inline_models(layout.references())
    bokeh_show(layout)


def _show_registry(name: str, **params):
    if name not in WIDGETS:
        raise ValueError(f"name must be a figure from {sorted(WIDGETS)}, got {name!r}")
    widget = WIDGETS[name]
    wanted = {**widget.params, **params}
    if os.environ.get("NT_SITE_BUILD"):
        from IPython.display import HTML

        if wanted != widget.params:
            raise ValueError(f"on the site, {name} shows the registry's parameters {widget.params};"
                             f" got {wanted}")
        title = html.escape(f"Interactive figure: {widget.title}")
        return HTML(f'<figure class="nt-figure"><iframe class="nt-widget" src="../widgets/{name}.html"'
                    f' title="{title}"></iframe><figcaption>{html.escape(widget.description)}'
                    f"</figcaption></figure>")
    _display(widget.build(**wanted))
    return None
