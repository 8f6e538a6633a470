"""Each figure's rendered height at the widths its iframe takes: docs/hooks/widget_heights.json.

The site's iframes start empty and load when they come near the screen (docs/javascripts/
widgets.js); until then each is a placeholder of its figure's height at its width, read from
that file, so the page does not jump when a figure loads. A figure's height depends on its
width (controls wrap, plots keep their aspect), so it is measured in Chromium every 20 px of
iframe width (and in between where it jumps), as widgets.js's fitFrame sizes the iframe.
test_lazy_figures.py fails when a figure no longer has the height written here.
``network_slice``, the figure a notebook draws with ``nt.show(network)`` on the site (a page
written while the notebook runs), is measured on a sample network: its height depends on its
width alone (notebook.site_page).
Rewrite the file after changing a figure's layout:

    .venv/bin/python tests/browser/widget_heights.py [NAME ...]
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILE = ROOT / "docs" / "hooks" / "widget_heights.json"
WIDTHS = list(range(280, 801, 20))  # iframe widths: a 320 px phone to a desktop's content column

# The height widgets.js's fitFrame gives an iframe showing this document.
HEIGHT = """() => Math.ceil(Math.max(0, ...[...document.querySelectorAll('[data-root-id] > *')]
                                  .map(e => e.getBoundingClientRect().bottom))) + 2"""
DRAWN = """() => window.Bokeh !== undefined && Bokeh.documents.length > 0
               && document.querySelectorAll('[data-root-id] > *').length > 0"""


def settled_height(page) -> int:
    """The figure's height once its layout stops changing (Bokeh lays out over a few frames)."""
    last, same = None, 0
    for _ in range(50):
        page.wait_for_timeout(60)
        height = page.evaluate(HEIGHT)
        same = same + 1 if height == last else 0
        if same >= 3:
            return height
        last = height
    return last


def measure(browser, base_url: str, name: str, widths=WIDTHS) -> list[list[int]]:
    """``[[iframe width, height], ...]`` of widget ``name``, opened alone at each width.

    widgets.js interpolates linearly between rows; where text wraps, the height jumps at one
    width. Between two widths whose heights differ, the middle is measured too until the
    heights there are linear or the widths 1 px apart, so the jump sits where it is.
    """
    page = browser.new_page(viewport={"width": widths[0], "height": 900})
    page.goto(f"{base_url}widgets/{name}.html")
    page.wait_for_function(DRAWN, timeout=30_000)

    def at(width):
        page.set_viewport_size({"width": width, "height": 900})
        return settled_height(page)

    def between(w0, h0, w1, h1):
        if h0 == h1 or w1 - w0 <= 1:
            return []
        middle = (w0 + w1) // 2
        height = at(middle)
        if abs(height - (h0 + (h1 - h0) * (middle - w0) / (w1 - w0))) <= 1:
            return []
        return [*between(w0, h0, middle, height), [middle, height], *between(middle, height, w1, h1)]

    rows = [[width, at(width)] for width in widths]
    refined = rows[:1]
    for (w0, h0), (w1, h1) in zip(rows, rows[1:], strict=False):
        refined += [*between(w0, h0, w1, h1), [w1, h1]]
    page.close()
    return _without_inner_points(refined)


def _without_inner_points(rows: list[list[int]]) -> list[list[int]]:
    """``rows`` without those on the line between their neighbours (interpolation restores them)."""
    kept = rows[:1]
    for (w, h), (w1, h1) in zip(rows[1:-1], rows[2:], strict=True):
        w0, h0 = kept[-1]
        if abs(h - (h0 + (h1 - h0) * (w - w0) / (w1 - w0))) > 0.5:
            kept.append([w, h])
    return kept + rows[-1:]


def notebook_page(out: Path) -> str:
    """Write the page ``nt.show(network)`` writes on the site, for a sample network: its name."""
    import numpy as np

    from neuron_tutorial.figures import network_slice
    from neuron_tutorial.layer import random_layer
    from neuron_tutorial.network import Network
    from neuron_tutorial.site import notebook
    from neuron_tutorial.slices import plane_through

    network = Network([random_layer(24, 5, seed=1), random_layer(16, 24, seed=2),
                       random_layer(10, 16, seed=3)])
    inputs = np.random.default_rng(0).normal(size=(3, 5))
    layout = network_slice.build(network, plane_through(*inputs), inputs, ["a", "b", "c"])
    return notebook.site_page(layout, out)[0]


def main(names: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    from neuron_tutorial.figures import WIDGETS
    from neuron_tutorial.site import build, notebook

    from find_browser import find_chromium

    names = names or [*sorted(WIDGETS), notebook.FIGURE]
    table = json.loads(FILE.read_text()) if FILE.exists() else {}
    with tempfile.TemporaryDirectory() as out, sync_playwright() as p:
        build.build([n for n in names if n != notebook.FIGURE], Path(out), progress=lambda _: None)
        pages = {name: notebook_page(Path(out)) if name == notebook.FIGURE else name for name in names}
        handler = functools.partial(_Quiet, directory=out)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        for name in names:
            table[name] = measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", pages[name])
            print(f"  {name}: {table[name][0][1]} px at {WIDTHS[0]} wide, "
                  f"{table[name][-1][1]} px at {WIDTHS[-1]}")
        browser.close()
        server.shutdown()
    FILE.write_text(json.dumps({k: table[k] for k in sorted(table)}, separators=(",", ":"))
                    .replace("],\"", "],\n\"") + "\n")
    print(f"wrote {FILE.relative_to(ROOT)}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
