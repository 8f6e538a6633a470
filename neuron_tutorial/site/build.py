"""Floor 3: the only code that writes files. Renders figures to standalone HTML.

Each widget becomes ``<out>/widgets/<name>.html``, loading BokehJS by relative URL
from ``<out>/assets/bokeh-<hash>/js/`` (copied once from the installed bokeh wheel), so a
page never reaches a CDN and never inlines 1.3 MB of JavaScript per figure. The hash of
the content is in the folder's name (and ``assets/js-<hash>/`` for the figures' library),
so a host may let browsers cache both for a year: a new version is a new URL.
Builds are deterministic, and a widget whose sources did not change is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

import bokeh
from bokeh.core.templates import get_env
from bokeh.embed import file_html
from bokeh.resources import Resources
from bokeh.settings import settings

from ..figures import WIDGETS

BOKEH_BUNDLES = ("bokeh.min.js", "bokeh-widgets.min.js")
ASSETS = Path("assets")
WIDGET_DIR = Path("widgets")
LIBRARY = Path(__file__).parents[1] / "js"   # the figures' JavaScript library, one copy for all

# The page around a figure. On the site it carries the import map to the shared library
# (``library``) and its fingerprint; a self-contained file (site/standalone.py) has neither.
TEMPLATE = get_env().from_string(
    """{% extends "file.html.jinja" %}
{% block preamble %}
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="description" content="{{ description | e }}">
{%- if fingerprint %}
    <meta name="nt-fingerprint" content="{{ fingerprint }}">
{%- endif %}
    <link rel="icon" href="data:,">
{%- if library %}
    <script type="importmap">{"imports": {"nt/": "../{{ library }}/"}}</script>
{%- endif %}
    <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
             {{ body_css | default("overflow: hidden;") }} }
      noscript p { padding: 1em; }
      .nt-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
                    clip: rect(0 0 0 0); white-space: nowrap; }
    </style>
{% endblock %}
{% block inner_body %}
  <main>
    <h1 class="nt-sr-only">{{ title | e }}</h1>
    <noscript><p>This figure is interactive and needs JavaScript: {{ description | e }}</p></noscript>
{{ super() }}
  </main>
{% endblock %}
"""
)

_FINGERPRINT = re.compile(r'<meta name="nt-fingerprint" content="([0-9a-f]+)">')
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MODEL_ID = re.compile(r'"p(\d+)"')
_IMPORT_MAP = re.compile(r'<script type="importmap">.*?</script>')
_PAGE_IMPORT = re.compile(r"(?:import|from)\s*[\"']nt/([\w.-]+\.js)[\"']")      # a page's: nt/x.js
_LIBRARY_IMPORT = re.compile(r"(?:import|from)\s*[\"']\./([\w.-]+\.js)[\"']")  # a module's: ./x.js


def _content_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def _bokeh_sources() -> list[Path]:
    return [Path(settings.bokehjs_path()) / "js" / bundle for bundle in BOKEH_BUNDLES]


def bokeh_dir() -> Path:
    """``assets/bokeh-<hash of the bundles>``: BokehJS's folder in the site."""
    return ASSETS / f"bokeh-{_content_hash(_bokeh_sources())}"


def library_dir() -> Path:
    """``assets/js-<hash of the modules>``: the figures' library in the site."""
    return ASSETS / f"js-{_content_hash(LIBRARY.glob('*.js'))}"


def fingerprint(name: str, **overrides) -> str:
    """Hash of everything that decides a widget's HTML: sources, parameters, bokeh version."""
    widget = WIDGETS[name]
    digest = hashlib.sha256()
    digest.update(json.dumps([bokeh.__version__, widget.params, overrides], sort_keys=True).encode())
    for path in widget.sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def render(name: str, out: Path, **overrides) -> str:
    """The standalone HTML of one widget, to be written at ``out/widgets/<name>.html``."""
    widget = WIDGETS[name]
    return render_document(widget.document(**overrides), out, name, widget.title, widget.description,
                           fingerprint(name, **overrides))


def render_document(doc, out: Path, name: str, title: str, description: str, mark: str) -> str:
    """The widget page of any figure's Document, as the site serves it from ``out/widgets/``.

    ``mark`` is the page's fingerprint (what decided its content); ``name`` seeds its stable ids.
    """
    resources = Resources(mode="relative", minified=True, root_dir=out / WIDGET_DIR,
                          base_dir=out / bokeh_dir())
    library = library_dir().as_posix()
    html = file_html(doc, resources, title=title, template=TEMPLATE,
                     template_variables={"description": description, "library": library,
                                         "fingerprint": mark})
    preload = "".join(f'\n    <link rel="modulepreload" href="../{library}/{module}">'
                      for module in library_modules(html))
    html = _IMPORT_MAP.sub(lambda m: m.group(0) + preload, html, count=1)
    return _canonical_ids(html, name)


def library_modules(page: str) -> list[str]:
    """The library modules that a widget ``page``'s callbacks import, directly or through each
    other, sorted.

    The widget page preloads them (``<link rel="modulepreload">``): otherwise the browser
    learns of them only once BokehJS has built the document and compiles the callbacks,
    and fetches them then (about 100 ms later on a desktop).
    """
    wanted = _PAGE_IMPORT.findall(page.replace('\\"', '"'))
    found: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name not in found:
            found.add(name)
            wanted += _LIBRARY_IMPORT.findall((LIBRARY / name).read_text())
    return sorted(found)


def _canonical_ids(html: str, name: str) -> str:
    """Replace Bokeh's random document ids and process-wide model counters by stable ones.

    Bokeh numbers models from a counter that depends on what the process built
    before and names documents with random UUIDs; renumbering both in order of
    first appearance makes the same inputs give byte-identical files.
    """
    uuids: dict[str, str] = {}
    html = _UUID.sub(lambda m: uuids.setdefault(
        m.group(0), str(uuid.uuid5(uuid.NAMESPACE_URL, f"neuron_tutorial/{name}/{len(uuids)}"))), html)
    ids: dict[str, str] = {}
    return _MODEL_ID.sub(lambda m: ids.setdefault(m.group(0), f'"p{1000 + len(ids)}"'), html)


def copy_bokehjs(out: Path) -> list[Path]:
    """Copy the BokehJS bundles into ``out/assets/bokeh-<hash>/js`` (when missing).

    Other versions' folders are removed, so the site holds one copy.
    """
    return _copy_versioned(out, _bokeh_sources(), bokeh_dir() / "js", "bokeh")


def copy_library(out: Path) -> list[Path]:
    """Copy the figures' JavaScript modules into ``out/assets/js-<hash>`` (when missing).

    Every widget page imports them as ``nt/<module>.js`` through its import map, so a
    browser fetches and compiles each module once for the whole site.
    """
    return _copy_versioned(out, sorted(LIBRARY.glob("*.js")), library_dir(), "js")


def _copy_versioned(out: Path, sources: list[Path], folder: Path, kind: str) -> list[Path]:
    target = out / folder
    version = out / ASSETS / folder.relative_to(ASSETS).parts[0]
    for old in (out / ASSETS).glob(f"{kind}*"):
        if old != version and (old.name == kind or old.name.startswith(f"{kind}-")):
            shutil.rmtree(old)
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for src in sources:
        dst = target / src.name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)
            copied.append(dst)
    for stale in set(target.iterdir()) - {target / src.name for src in sources}:
        stale.unlink()
    return copied


def build(names: Iterable[str] | None = None, out: Path = Path("build/site-assets"), *,
          force: bool = False, progress: Callable[[str], None] = print) -> list[Path]:
    """Write every named widget (all by default) whose HTML is missing or stale.

    Returns the paths written. ``progress`` receives one line per widget.
    """
    out = Path(out)
    names = list(WIDGETS) if names is None else list(names)
    unknown = [n for n in names if n not in WIDGETS]
    if unknown:
        raise ValueError(f"names must be widgets from {sorted(WIDGETS)}, got unknown {unknown}")
    copy_bokehjs(out)
    copy_library(out)
    (out / WIDGET_DIR).mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        path = out / WIDGET_DIR / f"{name}.html"
        current = _FINGERPRINT.search(path.read_text()) if path.exists() else None
        if not force and current and current.group(1) == fingerprint(name):
            progress(f"  {name}: up to date")
            continue
        html = render(name, out)
        path.write_text(html)
        written.append(path)
        progress(f"  {name}: wrote {path} ({len(html.encode()) / 1024:.1f} KB)")
    return written
