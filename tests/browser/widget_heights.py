"""Each figure's rendered height at the widths its iframe takes: docs/hooks/widget_heights.json.

The site's iframes start empty and load when they come near the screen (docs/javascripts/
widgets.js); until then each is a placeholder of its figure's height at its width, read from
that file, so the page does not jump when a figure loads. A figure's height depends on its
width (controls wrap, plots keep their aspect), so it is measured in Chromium every WIDTH_STEP
pixels of iframe width, as widgets.js's fitFrame sizes the iframe. test_lazy_figures.py fails
when a figure no longer has the height written here. Rewrite the file after changing a
figure's layout:

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
    """``[[iframe width, height], ...]`` of widget ``name``, opened alone at each width."""
    page = browser.new_page(viewport={"width": widths[0], "height": 900})
    page.goto(f"{base_url}widgets/{name}.html")
    page.wait_for_function(DRAWN, timeout=30_000)
    rows = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        rows.append([width, settled_height(page)])
    page.close()
    return rows


def main(names: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    from neuron_tutorial.figures import WIDGETS
    from neuron_tutorial.site import build

    from find_browser import find_chromium

    names = names or sorted(WIDGETS)
    table = json.loads(FILE.read_text()) if FILE.exists() else {}
    with tempfile.TemporaryDirectory() as out, sync_playwright() as p:
        build.build(names, Path(out), progress=lambda _: None)
        handler = functools.partial(_Quiet, directory=out)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        for name in names:
            table[name] = measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", name)
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
