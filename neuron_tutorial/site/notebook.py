"""Showing a figure from a notebook: on the built site, or in a reader's Jupyter.

While the site is built (the MkDocs hook sets ``NT_SITE_BUILD``), a notebook cell
shows the figure as the same iframe every page uses, of the widget the site built
from the registry, so the page loads BokehJS from the site like every other page.
Anywhere else it shows the figure inline with BokehJS embedded in the notebook, so
a downloaded notebook needs no server and no CDN.
"""

from __future__ import annotations

import html
import os

from ..figures import WIDGETS


def show(name: str, **params):
    """Display the registry figure ``name`` built with ``params`` (its defaults if none)."""
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
    from bokeh.io import output_notebook
    from bokeh.io import show as bokeh_show
    from bokeh.resources import INLINE

    output_notebook(resources=INLINE, hide_banner=True)
    bokeh_show(widget.build(**wanted))
    return None
