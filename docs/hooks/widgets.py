"""MkDocs hook: build the interactive figures and put them on the site.

Before each build it runs ``python -m neuron_tutorial build`` in a fresh process
(under ``mkdocs serve`` this hook is not re-imported, so a fresh process is what
sees an edit to the package); that command rewrites only widgets whose sources
changed. The built HTML and the BokehJS bundles are then added to the site
without being written into ``docs/``, and ``{{ widget("name") }}`` in a page
becomes an iframe of that figure with its title and text alternative.

The iframe starts empty: ``docs/javascripts/widgets.js`` gives it its ``src`` when it
comes within a screen of the viewport, so a page's BokehJS runs only for figures a
reader reaches. Until then it is a placeholder of the figure's height at its width
(``widget_heights.json``, measured in Chromium by ``tests/browser/widget_heights.py``;
``test_lazy_figures.py`` fails when a figure no longer has the height written there),
so nothing jumps when it loads. The iframes that notebook cells show get the same: a
notebook's own figure (``nt.show(network)``) takes the heights measured for its figure,
``network_slice`` (whose height depends on its width alone once its summary is the caption).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
# Where built widgets wait before they join the site (tests point it at a temporary folder).
OUT = Path(os.environ.get("NT_WIDGET_CACHE", ROOT / "build" / "site-assets")).resolve()
_SHORTCODE = re.compile(r'\{\{\s*widget\("(\w+)"\)\s*\}\}')
# The iframe that neuron_tutorial.site.notebook.show writes into a notebook cell's output.
_NOTEBOOK_FRAME = re.compile(r'<iframe class="nt-widget" src="((?:\.\./)*)widgets/(\w+)\.html"'
                             r' title="([^"]*)"></iframe>')
NOTEBOOK_FIGURES = OUT.parent / f"{OUT.name}-notebook"
HEIGHTS = Path(__file__).with_name("widget_heights.json")
DESKTOP = 700  # the iframe's width on a desktop screen: the height written before widgets.js runs
_last_sources: str | None = None
_notebook_figures: set[str] = set()  # the notebook figures the pages of this build show


def _sources_digest() -> str:
    """Hash of the package's files: skip the subprocess when nothing changed."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "neuron_tutorial").rglob("*")):
        if path.suffix in (".py", ".js"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def on_config(config):
    # Notebook cells (run by mkdocs-jupyter in a kernel that inherits this environment)
    # show figures as the site's iframes: see neuron_tutorial.site.notebook.show.
    os.environ["NT_SITE_BUILD"] = "1"
    # Where show(network, ...) writes the widget pages of a notebook's own figures.
    os.environ["NT_NOTEBOOK_FIGURES"] = str(NOTEBOOK_FIGURES)
    return config


def on_post_build(config):
    # A notebook's own figures were written while its page was rendered, after on_files; the
    # folder also keeps older ones (a cached notebook still points at its own): copy the used.
    target = Path(config["site_dir"]) / "widgets"
    for name in sorted(_notebook_figures):
        shutil.copyfile(NOTEBOOK_FIGURES / "widgets" / f"{name}.html", target / f"{name}.html")
    _notebook_figures.clear()


def on_pre_build(config):
    global _last_sources
    digest = _sources_digest()
    if digest == _last_sources and (OUT / "widgets").exists():
        return
    result = subprocess.run([sys.executable, "-m", "neuron_tutorial", "build", "--out", str(OUT)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"building the widgets failed:\n{result.stdout}{result.stderr}")
    _last_sources = digest


def on_files(files, config):
    for path in sorted(OUT.rglob("*")):
        if path.is_file():
            files.append(File.generated(config, path.relative_to(OUT).as_posix(), abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    from neuron_tutorial.figures import WIDGETS

    prefix = "../" * page.url.count("/")
    heights = json.loads(HEIGHTS.read_text()) if HEIGHTS.exists() else {}

    def figure(match):
        name = match.group(1)
        if name not in WIDGETS:
            raise PluginError(f"{page.file.src_uri}: unknown widget {name!r}")
        return (f'<figure class="nt-figure">\n{frame(name, prefix, heights)}\n'
                f"<figcaption>{html.escape(WIDGETS[name].description)}</figcaption>\n</figure>")

    return _SHORTCODE.sub(figure, markdown)


def on_post_page(output, page, config):
    if "<iframe class=\"nt-widget\" src=" not in output:
        return output
    from neuron_tutorial.site.notebook import FIGURE

    heights = json.loads(HEIGHTS.read_text()) if HEIGHTS.exists() else {}

    def notebook_frame(match):
        name = match.group(2)
        if (NOTEBOOK_FIGURES / "widgets" / f"{name}.html").exists():
            _notebook_figures.add(name)
            return frame(name, match.group(1), heights, match.group(3), FIGURE)
        return frame(name, match.group(1), heights, match.group(3))

    return _NOTEBOOK_FRAME.sub(notebook_frame, output)


def frame(name: str, prefix: str, heights: dict, title: str | None = None, figure: str | None = None) -> str:
    """The lazy iframe of widget ``name``, in its placeholder, with its no-JavaScript text.

    ``title`` (already escaped) names a notebook's own figure, which has no registry row;
    ``figure`` is the figure it draws, whose measured heights it takes.
    """
    from neuron_tutorial.figures import WIDGETS

    title = title or html.escape(f"Interactive figure: {WIDGETS[name].title}")
    table = heights.get(figure or name, [])
    style = ""
    if table:
        height = min(table, key=lambda row: abs(row[0] - DESKTOP))[1]
        style = f' style="height: {height}px"'
    return (
        f'<div class="nt-frame">'
        f'<iframe class="nt-widget" data-src="{prefix}widgets/{name}.html" title="{title}" '
        f"data-widget=\"{name}\" data-heights='{json.dumps(table, separators=(',', ':'))}'{style}>"
        f"</iframe>"
        f'<p class="nt-frame__note">The interactive figure loads as it comes into view.</p></div>'
        f'<noscript><p class="nt-noscript">This figure is interactive and needs JavaScript.</p>'
        f"</noscript>"
    )
