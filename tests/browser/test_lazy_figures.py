"""Pages that load fast on a phone: figures load as they come near the screen, in a
placeholder of their own height; asset URLs carry a content hash; the notebook page keeps
its look with JupyterLab's CSS cut to what it uses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_site_pages import page_paths

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.site import notebook

from conftest import show_figure, wait_for_figure

ROOT = Path(__file__).resolve().parents[2]
PHONE, DESKTOP = (390, 844), (1280, 900)
FRAME_HEIGHT = "el => el.getBoundingClientRect().height"
# How far the placeholder may differ from the figure: rounding, and linear interpolation
# between two measured widths (widget_heights.py measures every 20 px of width, and finer
# where the height jumps).
TOLERANCE_PX = 4


def widget_requests(page) -> list[str]:
    seen = []
    page.on("request", lambda r: "/widgets/" in r.url and seen.append(urlparse(r.url).path))
    return seen


def test_on_a_phone_a_figure_below_the_fold_loads_only_when_scrolled_to(page, base_url):
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    requested = widget_requests(page)
    page.goto(base_url + "02-many-neurons/")
    page.wait_for_load_state("load")
    frame_el = page.locator("iframe.nt-widget")
    top = frame_el.evaluate("el => el.getBoundingClientRect().top")
    assert top > 3 * PHONE[1], "the test needs a figure more than two screens below the first one"
    page.wait_for_timeout(2000)  # longer than the desktop's idle look-ahead would wait
    assert requested == [] and frame_el.get_attribute("src") is None
    assert frame_el.evaluate(FRAME_HEIGHT) > 300, "the placeholder holds the figure's place"
    page.mouse.wheel(0, top - 2.5 * PHONE[1])  # still more than a screen away
    page.wait_for_timeout(500)
    assert requested == []
    frame = show_figure(page, frame_el)
    assert requested == ["/widgets/neurons_1d.html"]
    assert frame.evaluate("() => document.documentElement.dataset.ntScheme") == "light"


def test_a_figure_a_screen_away_waits_for_the_first_scroll(page, base_url):
    """Until the reader scrolls, only figures on screen load; then those a screen ahead too."""
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    requested = widget_requests(page)
    page.goto(base_url + "07-what-makes-the-basis-special/")
    page.wait_for_load_state("load")
    frame_el = page.locator("iframe.nt-widget").first
    below = frame_el.evaluate("el => el.getBoundingClientRect().top") - PHONE[1]
    assert 0 < below < PHONE[1], "the test needs a figure less than a screen below the fold"
    page.wait_for_timeout(500)
    assert requested == []
    page.mouse.wheel(0, 40)
    page.wait_for_function("el => el.hasAttribute('src')", arg=frame_el.element_handle())
    assert requested == ["/widgets/directions_relu.html"]


def test_on_a_desktop_every_figure_loads_once_the_page_is_idle_nearest_first(page, base_url):
    """A wide screen loads all of a page's figures without waiting for a scroll, one at a time,
    the one nearest the screen first (here the reader jumps to chapter 7's last figure while the
    page loads; the first figure, just below the fold, may already have started)."""
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    requested = widget_requests(page)
    page.goto(base_url + "07-what-makes-the-basis-special/", wait_until="domcontentloaded")
    frames = page.locator("iframe.nt-widget")
    page.wait_for_function("() => document.querySelector('iframe.nt-widget').style.height")  # placed
    # In one step in the page: which frames have started, then the jump (before the page is idle).
    started = frames.evaluate_all("els => { const s = els.filter(e => e.src).map(e => e.dataset.widget);"
                                  " els.at(-1).scrollIntoView(); return s }")
    names = [f.get_attribute("data-widget") for f in frames.all()]
    assert len(names) >= 3, "the test needs a page with several figures"
    page.wait_for_function("n => document.querySelectorAll('iframe.nt-widget[src]').length === n",
                           arg=len(names), timeout=60_000)
    assert sorted(requested) == sorted(f"/widgets/{n}.html" for n in names), "each once"
    after_jump = requested[len(started):]
    assert after_jump == [f"/widgets/{n}.html" for n in reversed(names) if n not in started]
    assert after_jump[0] == f"/widgets/{names[-1]}.html", "the figure on screen first"


def test_a_wide_touch_screen_loads_figures_as_a_phone_does(browser, base_url):
    """A landscape tablet is as wide as a desktop but has a phone's memory: no figure loads
    before the reader scrolls (the desktop look-ahead needs a mouse, widgets.js's DESKTOP)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, has_touch=True)
    page = context.new_page()
    requested = widget_requests(page)
    page.goto(base_url + "07-what-makes-the-basis-special/")
    page.wait_for_load_state("load")
    assert page.evaluate("matchMedia('(pointer: coarse)').matches"), "the test needs a touch screen"
    page.wait_for_timeout(2500)   # the desktop's idle look-ahead would have started by now
    first = page.locator("iframe.nt-widget").first
    assert first.evaluate("el => el.getBoundingClientRect().top") > 800, "the test needs a figure below"
    assert requested == []
    page.mouse.wheel(0, 40)   # as on a phone: from the first scroll on, a screen ahead
    page.wait_for_function("el => el.hasAttribute('src')", arg=first.element_handle())
    assert requested[0] == f"/widgets/{first.get_attribute('data-widget')}.html"
    context.close()


def test_a_page_loads_its_figures_one_at_a_time(page, base_url):
    """Chapter 7 on a tall phone screen: its first figures are near, the second waits for the
    first (each iframe runs its own BokehJS; two at once would block the page twice as long)."""
    page.set_viewport_size({"width": PHONE[0], "height": 4000})
    requested = widget_requests(page)
    held = []
    page.route("**/widgets/directions_relu.html", lambda route: held.append(route))
    page.goto(base_url + "07-what-makes-the-basis-special/")
    frames = page.locator("iframe.nt-widget")
    assert frames.count() >= 2
    page.wait_for_function("() => document.querySelector('iframe.nt-widget').hasAttribute('src')")
    page.wait_for_timeout(500)
    assert requested == ["/widgets/directions_relu.html"] and frames.nth(1).get_attribute("src") is None
    held[0].continue_()
    for i in range(2):
        show_figure(page, frames.nth(i))
    assert requested[:2] == ["/widgets/directions_relu.html", "/widgets/dissection.html"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_placeholder_has_the_height_of_the_figure(page, base_url, built_site, viewport):
    """No page jumps when a figure loads: the placeholder is as tall as the rendered figure."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    held = []
    # Hold every figure back until its placeholder is read.
    page.route("**/widgets/*.html", lambda route: held.append(route))
    checked = set()
    heights = json.loads((ROOT / "docs" / "hooks" / "widget_heights.json").read_text())
    for path in page_paths(built_site):
        page.goto(base_url + path)
        frames = page.locator("iframe.nt-widget").all()
        placeholders = [frame.evaluate(FRAME_HEIGHT) for frame in frames]
        for route in held:
            route.continue_()
        held.clear()
        page.unroute("**/widgets/*.html")
        for frame_el, before in zip(frames, placeholders, strict=True):
            name = frame_el.get_attribute("data-widget")
            if name not in WIDGETS:
                # A notebook's own figure (nt.show(network), drawn while the page is built) takes
                # the heights measured for its figure, whatever network the notebook shows.
                assert name.startswith("notebook_"), name
                assert json.loads(frame_el.get_attribute("data-heights")) == heights[notebook.FIGURE]
                name = notebook.FIGURE
            show_figure(page, frame_el)
            page.wait_for_function("el => el.dataset.state === 'ready'", arg=frame_el.element_handle())
            page.wait_for_timeout(300)  # the figure's layout settles
            after = frame_el.evaluate(FRAME_HEIGHT)
            assert abs(after - before) <= TOLERANCE_PX, (
                f"{path} {name}: placeholder {before:.0f} px, figure {after:.0f} px; after changing a "
                "figure's layout run tests/browser/widget_heights.py")
            checked.add(name)
        page.route("**/widgets/*.html", lambda route: held.append(route))
    assert checked == {*WIDGETS, notebook.FIGURE}


def test_versioned_asset_urls_resolve(page, base_url, built_site):
    folders = sorted(p.name for p in (built_site / "assets").iterdir()
                     if re.fullmatch(r"(bokeh|js)(-.*)?", p.name))
    assert len(folders) == 2 and re.fullmatch(r"bokeh-[0-9a-f]{10}", folders[0]), folders
    assert re.fullmatch(r"js-[0-9a-f]{10}", folders[1]), "one version of each, named by its hash"
    loaded = []
    page.on("response", lambda r: loaded.append((urlparse(r.url).path, r.status)))
    page.goto(f"{base_url}widgets/regions_2d.html")
    wait_for_figure(page.main_frame)
    paths = {path for path, status in loaded if status == 200}
    for bundle in ("bokeh.min.js", "bokeh-widgets.min.js"):
        assert f"/assets/{folders[0]}/js/{bundle}" in paths
    modules = {p for p in paths if p.startswith(f"/assets/{folders[1]}/")}
    assert f"/assets/{folders[1]}/partition.js" in modules and len(modules) >= 3
    assert not [p for p, _ in loaded if re.match(r"/assets/(bokeh|js)/", p)], "unversioned asset"


def test_without_javascript_a_figure_says_so(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "02-many-neurons/")
    assert page.locator(".nt-noscript").is_visible()
    assert not page.locator("iframe.nt-widget").is_visible()
    context.close()


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_trimmed_notebook_page_shows_its_text_code_and_outputs(page, base_url, built_site):
    html = (built_site / "09-your-own-layer" / "index.html").read_text()
    assert len(html.encode()) < 150_000, "JupyterLab's CSS is cut to what the page uses (was 660 KB)"
    notebook = json.loads((ROOT / "docs" / "09-your-own-layer.ipynb").read_text())
    code_cells = sum(cell["cell_type"] == "code" for cell in notebook["cells"])
    page.goto(base_url + "09-your-own-layer/")
    assert page.locator(".jp-CodeCell[id^='cell-id']").count() == code_cells
    assert page.locator("h1").count() == 1 and page.locator("h2").count() >= 4
    assert "held-out accuracy" in page.locator(".jp-OutputArea-output").first.inner_text()
    style = """([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"""
    look = {name: page.evaluate(style, [selector, prop]) for name, (selector, prop) in {
        "prompt": (".jp-InputPrompt, .jp-Collapser", "display"),
        "anchor": (".jp-RenderedHTMLCommon h2 .anchor-link", "display"),
        "code font": (".jp-CodeCell pre", "fontFamily"),
        "keyword": (".jp-CodeCell .highlight-ipynb .kn, .jp-CodeCell .highlight-ipynb .k", "color"),
        "text": (".jp-CodeCell .highlight-ipynb .n", "color"),
        "cell": (".jp-CodeCell .jp-InputArea-editor", "borderTopStyle"),
        "output": (".jp-OutputArea-output pre", "whiteSpace"),
    }.items()}
    assert look["prompt"] == "none" and look["anchor"] == "none", look  # no "In [1]:", no stray ¶
    assert "mono" in look["code font"].lower(), look
    assert look["keyword"] != look["text"], "code keeps its highlighting"
    assert look["cell"] == "solid" and look["output"] in ("pre", "pre-wrap"), look
    show_figure(page, page.locator("iframe.nt-widget").first)
