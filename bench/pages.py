"""Bench section, in headless Chromium: what each page weighs, how long the heaviest page
takes until every figure is drawn, and how long each figure's main control takes to redraw.

The site is built into a temporary folder and served on 127.0.0.1. Bytes are the bodies of
every distinct URL a page loads once the reader has scrolled to each of its figures (they
load lazily), iframes included, so BokehJS counts once per page.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neuron_tutorial.figures import WIDGETS

from common import ROOT, Row, serve

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from find_browser import find_chromium  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync",
         "--disable-component-update", "--no-first-run"]

# The work a control change causes: the callback (CustomJS runs in microtasks after the
# property is set, so wait for one macrotask) plus every plot's repaint in the next frame.
# Headless Chromium paints at 60 Hz, so the wall time to the next frame would mostly measure
# the wait for it; timing the paints themselves measures the work.
REDRAW = """async ([name, attribute, value]) => {
  if (!window.ntPaint) {
    window.ntPaint = {total: 0}
    const wrap = (view) => {
      const paint = view.paint.bind(view)
      view.paint = (...args) => {
        const start = performance.now()
        const result = paint(...args)
        window.ntPaint.total += performance.now() - start
        return result
      }
    }
    const walk = (view) => {
      if (view.model && ["Plot", "Figure"].includes(view.model.type)) wrap(view)
      for (const child of view.child_views ?? []) walk(child)
    }
    for (const view of Object.values(Bokeh.index)) walk(view)
  }
  const macrotask = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r;
                                              c.port2.postMessage(0) })
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  await frames()
  window.ntPaint.total = 0
  const model = Bokeh.documents[0].get_model_by_name(name)
  const start = performance.now()
  model[attribute] = value
  await macrotask()
  const callback = performance.now() - start
  await frames()
  return callback + window.ntPaint.total
}"""

RENDERED = """() => window.Bokeh && Bokeh.documents.length > 0
                 && document.querySelectorAll('[data-root-id] > *').length > 0"""


def body_size(response) -> int:
    """Bytes of a response's body; 0 for one the browser dropped (a redirect, an aborted load)."""
    try:
        return len(response.body())
    except Exception:  # Playwright cannot read the body of a response navigated away from
        return 0


def show_all_figures(page) -> None:
    """Scroll to every figure (they load as they come into view) and wait until each is drawn."""
    for frame in page.locator("iframe.nt-widget").all():
        frame.scroll_into_view_if_needed()
        page.wait_for_function("el => el.dataset.state === 'ready'", arg=frame.element_handle(),
                               timeout=60_000)
        frame.element_handle().content_frame().wait_for_function(RENDERED, timeout=30_000)


def page_weights(browser, base: str, site: Path) -> tuple[list[Row], str]:
    rows, heaviest = [], ("", 0)
    for index in sorted(site.rglob("index.html")):
        path = index.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        page = browser.new_page()
        sizes: dict[str, int] = {}
        page.on("response", lambda r, sizes=sizes: sizes.setdefault(r.url, body_size(r)))
        page.goto(base + path, wait_until="networkidle")
        show_all_figures(page)
        count = -1
        while count != len(sizes):  # the figures' modules: until nothing new for half a second
            count = len(sizes)
            page.wait_for_timeout(500)
        total = sum(sizes.values())
        page.close()
        rows.append(Row(f"  /{path}", f"{total / 1024:9.1f} KB  ({len(sizes)} files)",
                        f"page_bytes./{path}", total))
        if total > heaviest[1]:
            heaviest = (path, total)
    return rows, heaviest[0]


def first_render(browser, url: str) -> float:
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(url)
    show_all_figures(page)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


# A reader scrolls down the page at about 1,000 px a second until the figure's top reaches the
# upper third of the screen. The figure is interactive once BokehJS has drawn it, every
# callback is compiled and a figure drawn by its own JS on load has marked itself drawn (as
# tests/browser/conftest.py waits). Returns the wait, in ms, from the moment the figure's top
# enters the screen (0 when it was ready before: figures load a screen ahead).
SCROLL_WAIT = """async (name) => {
  const el = document.querySelector(`iframe.nt-widget[data-widget="${name}"]`)
  const ready = () => {
    const w = el.contentWindow, d = el.contentDocument
    if (!w?.Bokeh || w.Bokeh.documents.length === 0 || !d) return false
    const doc = w.Bokeh.documents[0]
    return d.querySelectorAll('[data-root-id] > *').length > 0
      && [...doc.all_models].filter((m) => m.type === "CustomJS").every((m) => m._state != null)
      && (!doc.roots().some((r) => r.tags.includes('draw_on_load'))
          || d.documentElement.dataset.ntDrawn === 'yes')
  }
  const frame = () => new Promise((r) => requestAnimationFrame(r))
  let seen = null, last = performance.now()
  for (;;) {
    const now = performance.now(), top = el.getBoundingClientRect().top
    if (seen === null && top < innerHeight) seen = now
    if (ready()) return seen === null ? 0 : now - seen
    if (top > innerHeight / 3) window.scrollBy(0, (now - last))  // 1 px a millisecond
    last = now
    if (now > 60000) throw new Error(`${name} never became interactive`)
    await frame()
  }
}"""


def page_url(widget) -> str:
    stem = widget.page.rsplit(".", 1)[0]
    return "" if stem == "index" else f"{stem}/"


def interactive_after_scroll(browser, base: str) -> list[Row]:
    """How long a reader scrolling to each figure waits, once it is on screen, to use it."""
    rows = []
    for widget in WIDGETS.values():
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(base + page_url(widget), wait_until="networkidle")
        page.wait_for_timeout(1000)  # the page settles: its own scripts have run
        ms = page.evaluate(SCROLL_WAIT, widget.name)
        page.close()
        rows.append(Row(f"  {widget.name} on /{page_url(widget)}", f"{ms:9.0f} ms",
                        f"interactive_ms.{widget.name}", ms))
    return rows


def control_redraws(browser, base: str) -> list[Row]:
    rows = []
    for widget in WIDGETS.values():
        if not widget.probe:
            continue
        name, attribute, values = widget.probe
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}widgets/{widget.name}.html")
        page.wait_for_function(RENDERED)
        times = [page.evaluate(REDRAW, [name, attribute, values[i % len(values)]]) for i in range(25)]
        page.close()
        median = statistics.median(times[5:])  # the first changes warm the JIT up
        rows.append(Row(f"  {widget.name}: {name}.{attribute}", f"{median:9.1f} ms median of 20",
                        f"redraw_ms.{widget.name}", median))
    return rows


def run() -> list[Row]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as site, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NT_WIDGET_CACHE": cache}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        server, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=FLAGS)
            weights, heaviest = page_weights(browser, base, Path(site))
            seconds = first_render(browser, base + heaviest)
            redraws = control_redraws(browser, base)
            scrolled = interactive_after_scroll(browser, base)
            browser.close()
        server.shutdown()
    return [Row("page weight (BokehJS once)", "", "page_bytes", None), *weights,
            Row(f"all figures drawn on /{heaviest} (scrolled to)", f"{seconds:9.2f} s",
                "heaviest_page_seconds", seconds),
            Row("redraw after a control change", "", "redraw_ms", None), *redraws,
            Row("figure interactive after it scrolls into view (1440 px; budget 500 ms)", "",
                "interactive_ms", None), *scrolled]
