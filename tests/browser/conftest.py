"""A real headless Chromium over the built site, served on 127.0.0.1.

Every page a test opens is watched: a console error, an uncaught page error, a
failed request, an HTTP error or any request that leaves localhost fails the test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from find_browser import HOW_TO_GET_ONE, find_chromium

LAUNCH_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.fail(HOW_TO_GET_ONE)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()


class Watch:
    """Problems seen on one page: filled by listeners, checked after the test."""

    def __init__(self):
        self.problems: list[str] = []

    def failed(self, request):
        # Chromium sometimes starts an iframe's document twice on a fresh page and aborts the
        # first load with its scripts; the second load is what renders (wait_for_figure checks
        # it did). A missing file shows as an HTTP error and a request leaving the site is
        # caught by the route guard, so an abort hides neither.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"failed: {request.url} {request.failure}")

    def attach(self, page):
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self.failed)
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about", "file") or parsed.hostname in ("127.0.0.1", "localhost")


@pytest.fixture
def page(browser, request):
    scheme = getattr(request, "param", "light")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    watch = Watch()

    def guard(route):
        if _is_local(route.request.url):
            route.continue_()
        else:
            watch.problems.append(f"request leaving localhost: {route.request.url}")
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    watch.attach(pg)
    pg.watch = watch
    yield pg
    context.close()
    assert not watch.problems, "\n".join(watch.problems)


def wait_for_figure(frame, timeout: float = 15_000):
    """Wait until BokehJS has rendered a document with at least one canvas in ``frame``."""
    frame.wait_for_function(
        """() => window.Bokeh !== undefined && Bokeh.documents.length > 0
               && Bokeh.index && Object.keys(Bokeh.index).length > 0
               && document.querySelectorAll('[data-root-id]').length > 0""",
        timeout=timeout,
    )
    frame.locator("canvas").first.wait_for(state="attached", timeout=timeout)
    # Callbacks are ES modules, compiled once the document is ready (nt/interact.js): until then a
    # control's change would be applied after a module load, not before the next evaluate.
    frame.wait_for_function(
        """() => [...Bokeh.documents[0].all_models].filter((m) => m.type === "CustomJS")
                   .every((m) => m._state != null)
               && document.documentElement.dataset.ntScheme !== undefined""", timeout=timeout)
    # A figure drawn by its JS on load (style.draw_on_load) is ready once it marks itself drawn.
    frame.wait_for_function(
        """() => !Bokeh.documents[0].roots().some((r) => r.tags.includes('draw_on_load'))
               || document.documentElement.dataset.ntDrawn === 'yes'""", timeout=timeout)


def open_widget(page, base_url: str, name: str):
    """Open widget ``name`` alone and wait until it has drawn its first picture: the page."""
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    return page


def show_figure(page, frame_el, timeout: float = 30_000):
    """Scroll the lazy iframe ``frame_el`` (a locator) into view and wait for its figure: the frame.

    The site's iframes load when they come near the screen (docs/javascripts/widgets.js).
    """
    frame_el.scroll_into_view_if_needed()
    handle = frame_el.element_handle()
    page.wait_for_function("""el => el.getAttribute('src') !== null && el.contentDocument
                              && el.contentDocument.location.href !== 'about:blank'""",
                           arg=handle, timeout=timeout)
    frame = handle.content_frame()
    wait_for_figure(frame, timeout)
    return frame


def bokeh_model(page, name: str, attribute: str):
    """``attribute`` (a JS expression path) of the Bokeh model called ``name`` in ``page``."""
    return page.evaluate(f"Bokeh.documents[0].get_model_by_name('{name}').{attribute}")


def set_bokeh(page, name: str, attribute: str, value):
    """Set a model's property as a control would (its JS callbacks run)."""
    page.evaluate("([n, a, v]) => { Bokeh.documents[0].get_model_by_name(n)[a] = v }",
                  [name, attribute, value])


def on_screen(page, name: str, x: float, y: float) -> tuple[float, float]:
    """Where the data point (x, y) of plot ``name`` is on the page, in CSS pixels (to click it)."""
    return tuple(page.evaluate(
        """([name, x, y]) => {
          const plot = Bokeh.documents[0].get_model_by_name(name)
          function* walk(view) { yield view; for (const child of view.child_views ?? []) yield* walk(child) }
          const view = Object.values(Bokeh.index).flatMap((root) => [...walk(root)])
            .find((v) => v.model === plot)
          const box = view.el.getBoundingClientRect()
          return [box.left + view.frame.x_scale.compute(x), box.top + view.frame.y_scale.compute(y)]
        }""", [name, x, y]))


def wait_until_fitted(page, iframe, timeout: float = 5000):
    """Wait until widgets.js has sized ``iframe`` to the figure inside it (the real layout)."""
    page.wait_for_function("""frame => {
      const doc = frame.contentDocument
      const bottom = Math.max(...[...doc.querySelectorAll('[data-root-id] > *')]
                                    .map(e => e.getBoundingClientRect().bottom))
      const height = frame.getBoundingClientRect().height
      return bottom > 100 && bottom <= height && height <= bottom + 10
    }""", arg=iframe, timeout=timeout)

