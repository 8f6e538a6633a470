"""One self-contained HTML file, or one notebook output, that needs no server, CDN or import map.

The figures' modules import the library as ``nt/<module>.js`` through the site's
import map. A file opened from disk, or a notebook, has no such map (and a notebook
cannot add one after its modules loaded), so every import is rewritten to a
``data:`` URL holding the imported module, itself rewritten the same way.
A browser keys modules by URL, so a module imported twice still runs once.
"""

from __future__ import annotations

import base64
import re
from functools import cache

from bokeh.document import Document
from bokeh.embed import file_html
from bokeh.models import CustomJS
from bokeh.resources import INLINE

from .build import LIBRARY, TEMPLATE

# `from "nt/x.js"` in a figure's module, `from "./x.js"` inside the library.
IMPORT = re.compile(r'''(\bfrom\s*|\bimport\s*\(?\s*)(["'])(?:nt/|\./)([\w.-]+\.js)\2''')


def inline_imports(code: str) -> str:
    """``code`` with every ``nt/<module>.js`` (or ``./<module>.js``) import made a ``data:`` URL."""
    return IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)}{_data_url(m.group(3))}{m.group(2)}", code)


@cache
def _data_url(name: str) -> str:
    path = LIBRARY / name
    if not path.is_file():
        raise ValueError(f"name must be a module of {LIBRARY}, got {name!r}")
    code = inline_imports(path.read_text())
    return "data:text/javascript;base64," + base64.b64encode(code.encode()).decode()


def inline_models(models) -> None:
    """Rewrite the imports of every ``CustomJS`` among ``models`` in place (see ``inline_imports``)."""
    for model in models:
        if isinstance(model, CustomJS):
            model.code = inline_imports(model.code)


def self_contained(doc: Document) -> Document:
    """Rewrite the imports of every callback of ``doc``, the document's own ones included."""
    inline_models([*doc.models, *(c for cs in doc.callbacks.js_event_callbacks.values() for c in cs)])
    return doc


def html(doc: Document, title: str, description: str) -> str:
    """``doc`` as one HTML file with BokehJS and the figures' modules inside: it opens from disk."""
    return file_html(self_contained(doc), INLINE, title=title, template=TEMPLATE,
                     template_variables={"description": description, "body_css": "margin: 1em;"})
