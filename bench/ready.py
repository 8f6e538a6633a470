"""Bench section: how soon a figure answers the reader once it scrolls into view, on a desktop.

The budget (CONTRIBUTING.md, "Budgets"): a figure is interactive at most 500 ms after it
scrolls into view on a desktop. Figures load lazily (docs/javascripts/widgets.js), so the
time depends on when the reader arrives. Two readers, on every page with a figure, at
1440 x 900 in headless Chromium, the site served gzip-compressed on 127.0.0.1:

- "reading" (the budgeted case): the reader reads the opening for 3 s, then jumps to each
  figure in turn;
- "jump" (shown, not budgeted): the reader jumps to the page's last figure as soon as the
  page's HTML is parsed, so the figure loads from nothing while the page itself still loads:
  BokehJS's start, the document's models and the first draw take 0.6-1.1 s on a desktop.

A figure counts as interactive when its first draw has run (``html[data-nt-drawn=yes]`` in
its frame, set by nt/interact.js once every control's callback has drawn the figure).
"""

from __future__ import annotations

import sys
from pathlib import Path

from browser import FLAGS
from common import ROOT, Row
from lighthouse import built_site, page_paths, serve_gzip

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from find_browser import find_chromium  # noqa: E402

BUDGET_MS = 500
READ_MS = 3000

# Scroll the index-th figure into view and time until its figure has drawn (in page time).
TIME_TO_READY = """async (index) => {
  const frame = document.querySelectorAll("iframe.nt-widget")[index]
  const drawn = () => frame.contentDocument?.documentElement?.dataset.ntDrawn === "yes"
  const start = performance.now()
  frame.scrollIntoView({block: "center"})
  while (!drawn()) {
    if (performance.now() - start > 30000) return Infinity  // never drawn: reported, not waited for
    await new Promise((r) => requestAnimationFrame(r))
  }
  return performance.now() - start
}"""


def _times(browser, url: str) -> dict | None:
    """Milliseconds from scroll to interactive: every figure for the reader, the last for a jump."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(url)
    count = page.locator("iframe.nt-widget").count()
    if count == 0:
        page.close()
        return None
    page.wait_for_timeout(READ_MS)
    reading = [page.evaluate(TIME_TO_READY, i) for i in range(count)]
    page.goto("about:blank")
    page.goto(url, wait_until="domcontentloaded")
    jump = page.evaluate(TIME_TO_READY, count - 1)
    page.close()
    return {"reading_ms": max(reading), "jump_ms": jump, "figures": count}


def measure(site: Path, chromium: str) -> list[Row]:
    from playwright.sync_api import sync_playwright

    server, base = serve_gzip(str(site))
    rows = [Row("Figure interactive after scrolling into view, desktop (worst figure of the page)",
                f"  reading   jump   (budget: reading <= {BUDGET_MS} ms)", "ready", None)]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
            for path in page_paths(site):
                result = _times(browser, base + path)
                if result is None:
                    continue
                ok = result["reading_ms"] <= BUDGET_MS
                text = (f"{result['reading_ms']:7.0f} {result['jump_ms']:6.0f} ms"
                        f"  ({result['figures']} figure{'s' * (result['figures'] > 1)})"
                        f"  {'ok' if ok else 'OVER BUDGET'}")
                rows.append(Row(f"  /{path}", text, f"ready./{path}", result))
            browser.close()
    finally:
        server.shutdown()
    return rows


def run() -> list[Row]:
    chromium = find_chromium()
    if chromium is None:
        return [Row("Figure interactive after scroll", "skipped: no Chromium found", "ready", None)]
    with built_site() as site:
        return measure(site, chromium)
