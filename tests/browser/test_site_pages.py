"""Every page and every widget loads in Chromium without an error or a request leaving the site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from neuron_tutorial.figures import WIDGETS

from conftest import show_figure, wait_for_figure


def page_paths(site) -> list[str]:
    paths = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths]


def test_every_page_renders_its_figures(page, base_url, built_site):
    paths = page_paths(built_site)
    assert len(paths) >= 11, paths
    figures = 0
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.locator("h1").count() == 1, f"{path}: expected one h1"
        for frame_el in page.locator("iframe.nt-widget").all():
            title = frame_el.get_attribute("title")
            assert title and len(title) > 10, f"{path}: iframe without a meaningful title"
            show_figure(page, frame_el)  # figures load as they come into view
            page.wait_for_function(
                "el => el.getBoundingClientRect().height > 300", arg=frame_el.element_handle())
            figures += 1
    assert figures >= 1


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_alone_renders_with_title_and_no_error(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    assert page.title() == WIDGETS[name].title
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.getAttribute('src'))")
    assert scripts and all(re.match(r"\.\./assets/bokeh-[0-9a-f]{10}/js/", s) for s in scripts), scripts


@pytest.mark.parametrize("width", [320, 360, 768, 1440])
def test_every_figure_fits_its_iframe_at_every_width(page, base_url, built_site, width):
    """No sideways page scroll, no scrollbar inside an iframe, no figure cut off, no blank gap."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in page_paths(built_site):
        page.goto(base_url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} at {width}px: page scrolls sideways by {overflow}px"
        for locator in page.locator("iframe.nt-widget").all():
            frame = show_figure(page, locator)
            frame_el = locator.element_handle()
            page.wait_for_function(FITTED, arg=frame_el, timeout=5000)
            inner_overflow = frame.evaluate(
                "() => [document.documentElement.scrollWidth - document.documentElement.clientWidth,"
                " document.documentElement.scrollHeight - document.documentElement.clientHeight]")
            assert max(inner_overflow) <= 0, f"{path} at {width}px: scrollbar inside {inner_overflow}"
            assert frame.evaluate(CUT_TITLES) == [], f"{path} at {width}px: a plot's title is cut off"
            try:  # nt/legends.js narrows a legend over a few paints
                frame.wait_for_function(f"() => ({CUT_LEGENDS})().length === 0", timeout=5000)
            except PlaywrightTimeout:
                cut = frame.evaluate(CUT_LEGENDS)
                pytest.fail(f"{path} at {width}px: a legend runs past its plot: {cut}")


# Every plot title that runs past its plot's right edge (a title starts at the frame's left and
# does not wrap): [name, text, by how many pixels].
CUT_TITLES = """() => {
  const canvas = document.createElement("canvas").getContext("2d"), cut = []
  for (const root of Object.values(Bokeh.index)) {
    for (const view of root.owner.query((v) => v.model?.title?.text && v.frame !== undefined)) {
      const title = view.model.title
      canvas.font = `${title.text_font_style} ${title.text_font_size} ${title.text_font}`
      const end = view.frame.bbox.left + title.offset + canvas.measureText(title.text).width
      const over = Math.ceil(end - view.model.outer_width)
      if (over > 0) cut.push([view.model.name, title.text, over])
    }
  }
  return cut
}"""

# Every legend that runs past its plot's edges: [name, left, right, the plot's width].
CUT_LEGENDS = """() => Object.values(Bokeh.index)
  .flatMap((root) => [...root.owner.query((v) => v.model?.type === "Legend")])
  .filter((v) => v.bbox?.width > 0 && v.parent?.bbox !== undefined)   // laid out, in a plot
  .filter((v) => v.bbox.left < -0.5 || v.bbox.right > v.parent.bbox.width + 0.5)
  .map((v) => [v.model.name, ...[v.bbox.left, v.bbox.right, v.parent.bbox.width].map(Math.round)])"""

# The iframe's height matches the bottom of the figure inside it (within a few pixels).
FITTED = """frame => {
  const doc = frame.contentDocument
  const bottom = Math.max(...[...doc.querySelectorAll('[data-root-id] > *')]
                                .map(e => e.getBoundingClientRect().bottom))
  const height = frame.getBoundingClientRect().height
  return bottom > 100 && bottom <= height && height <= bottom + 10
}"""


def test_iframe_follows_the_figure_when_the_window_resizes(page, base_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + "02-many-neurons/")
    show_figure(page, page.locator("iframe.nt-widget").first)
    frame_el = page.locator("iframe.nt-widget").first.element_handle()
    page.wait_for_function(FITTED, arg=frame_el)
    page.set_viewport_size({"width": 360, "height": 900})
    page.wait_for_function(FITTED, arg=frame_el)


def test_math_is_mathml_and_no_page_references_a_cdn(built_site):
    html = (built_site / "02-many-neurons" / "index.html").read_text()
    assert "<math" in html and "arithmatex" not in html
    for path in built_site.rglob("*.html"):
        text = path.read_text()
        loads = re.findall(r'<script[^>]*\ssrc="(https?:[^"]*)"|<link[^>]*\shref="(https?:[^"]*)"[^>]*'
                           r'rel="(?:stylesheet|preload|preconnect|icon)"', text)
        assert not loads, f"{path} loads from another server: {loads}"


def test_palette_toggle_recolours_widgets_live(page, base_url):
    page.goto(base_url + "02-many-neurons/")
    frame = show_figure(page, page.locator("iframe.nt-widget").first)
    background = "() => Bokeh.documents[0].get_model_by_name('plot').background_fill_color"
    assert frame.evaluate(background) == "#ffffff"
    page.locator("label[for='__palette_1']").click()  # Material's "switch to dark mode" toggle
    frame.wait_for_function(f"{background} === '#1e2129'")
    assert frame.evaluate("() => document.body.style.backgroundColor") == "rgb(30, 33, 41)"
    page.locator("label[for='__palette_0']").click()
    frame.wait_for_function(f"{background} === '#ffffff'")

