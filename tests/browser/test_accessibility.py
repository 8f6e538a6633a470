"""axe-core on every page (light and dark) and on every widget opened on its own.

Zero serious or critical violations. Where Material or Bokeh itself is at fault we
repair it (docs/hooks/pages.py, widgets/access.js); what cannot be repaired goes
in ALLOWED with the reason, and nothing is there today.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_site_pages import page_paths

from neuron_tutorial.figures import WIDGETS

from conftest import show_figure, wait_for_figure

# rule id -> why it cannot be fixed on our side
ALLOWED: dict[str, str] = {}
AXE = Axe()


def serious_violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical") and v["id"] not in ALLOWED
    ]


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_every_page_has_no_serious_violation(page, base_url, built_site):
    found = {}
    for path in page_paths(built_site):
        page.goto(base_url + path)
        for frame in page.locator("iframe.nt-widget").all():
            show_figure(page, frame)  # figures load as they come into view
        problems = serious_violations(page)
        if problems:
            found[path or "/"] = problems
    assert not found, found


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_page_has_no_serious_violation(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    page.wait_for_timeout(100)  # access.js names the controls after the first render
    assert serious_violations(page) == []


def test_every_slider_handle_has_a_name(page, base_url):
    for name in WIDGETS:
        page.goto(f"{base_url}widgets/{name}.html")
        wait_for_figure(page.main_frame)
        page.wait_for_timeout(100)
        for handle in page.locator("[role=slider]").all():
            assert handle.get_attribute("aria-label"), f"{name}: unnamed slider"


CONTROL_STATE = """() => [...Bokeh.documents[0].all_models]
  .filter((m) => ["Slider", "RadioButtonGroup", "Select", "Toggle", "CheckboxGroup"].includes(m.type))
  .map((m) => JSON.stringify([m.type, m.value ?? null, m.active ?? null]))"""


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_a_control_works_from_the_keyboard(page, base_url, name):
    """Tab to the first control that takes the keyboard, change it with a key, see it change."""
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    before = page.evaluate(CONTROL_STATE)
    for _ in range(12):
        page.keyboard.press("Tab")
        role = page.evaluate("""() => { let el = document.activeElement
            while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement
            return el ? (el.getAttribute('role') || el.tagName) : null }""")
        if role == "slider":
            page.keyboard.press("ArrowRight")
            if page.evaluate(CONTROL_STATE) == before:  # the slider sat at its right end
                page.keyboard.press("ArrowLeft")
            break
        if role == "BUTTON":
            page.keyboard.press("ArrowRight")  # move on to the next button of a group
            page.keyboard.press("Tab")
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Enter")
            if page.evaluate(CONTROL_STATE) != before:
                break
    else:
        pytest.fail(f"{name}: no control reached with Tab")
    page.wait_for_timeout(100)
    assert page.evaluate(CONTROL_STATE) != before, f"{name}: the key changed nothing"


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("kind", ["deuteranomaly", "protanomaly"])
def test_signs_stay_apart_in_a_simulated_screenshot(page, base_url, kind):
    """Screenshot a figure, simulate a full colour-vision deficiency, compare the two signs."""
    import io

    import numpy as np
    from colorspacious import cspace_convert, deltaE
    from PIL import Image

    from neuron_tutorial.figures.kit.style import SIGN_COLOURS

    page.goto(f"{base_url}widgets/partition_1d.html")
    wait_for_figure(page.main_frame)
    scheme = page.evaluate("() => document.documentElement.dataset.ntScheme")
    shot = np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB")).astype(float)
    seen = []
    for key in ("positive", "negative"):
        colour = SIGN_COLOURS[scheme][key]
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        pixels = shot[np.all(np.abs(shot - rgb) <= 2, axis=-1)] / 255
        assert len(pixels) > 500, f"too few {key} pixels in the screenshot"
        cvd = {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}
        seen.append(np.clip(cspace_convert(pixels, cvd, "sRGB1"), 0, 1).mean(axis=0))
    assert deltaE(seen[0], seen[1], input_space="sRGB1") > 20


def test_every_keyboard_stop_shows_its_focus(page, base_url, built_site):
    """Tab through every page: each stop in the text (figures aside) looks different while it
    has focus. Material's own chrome is left out: test_drawer.py walks the navigation drawer,
    and Material's box of search results keeps a Tab stop while the search is closed."""
    page.set_viewport_size({"width": 390, "height": 900})
    stops = 0
    for path in page_paths(built_site):
        stops += _tab_through(page, base_url + path)
    assert stops >= 20


# The focused stop in the text, once its focus style has faded in (a header link's takes 125 ms)
# and the scroll that brought it on screen has ended: a busy machine otherwise shoots too early.
SETTLED_STOP = """async () => { const e = document.activeElement
  if (!e || !e.closest('article') || e.tagName === 'IFRAME') return null
  const ending = e.getAnimations({subtree: true}).filter((a) => a.effect?.getTiming().iterations !== Infinity)
  await Promise.all(ending.map((a) => a.finished.catch(() => {})))   // a cancelled one is over too
  let r = e.getBoundingClientRect(), before
  for (let frames = 0; frames < 60; frames++) {
    before = r
    await new Promise((f) => requestAnimationFrame(() => requestAnimationFrame(f)))
    r = e.getBoundingClientRect()
    if (r.x === before.x && r.y === before.y) break
  }
  return {key: e.outerHTML.slice(0, 120), box: [r.x, r.y, r.width, r.height]} }"""


def _tab_through(page, url: str) -> int:
    page.goto(url)
    seen, stops = set(), 0
    for _ in range(80):
        page.keyboard.press("Tab")
        stop = page.evaluate(SETTLED_STOP)
        if stop is None or stop["box"][2] == 0 or stop["key"] in seen:
            continue
        seen.add(stop["key"])
        x, y, w, h = stop["box"]
        clip = {"x": max(0, x - 4), "y": max(0, y - 4), "width": min(w + 8, 390 - max(0, x - 4)),
                "height": min(h + 8, 900 - max(0, y - 4))}
        if clip["width"] <= 0 or clip["height"] <= 0:
            continue
        focused = page.screenshot(clip=clip)
        page.evaluate("""() => { const e = document.activeElement; e.blur()
          return Promise.all(e.getAnimations({subtree: true}).map((a) => a.finished.catch(() => {}))) }""")
        assert page.screenshot(clip=clip) != focused, f"{url}: no visible focus on {stop['key']}"
        page.keyboard.press("Shift+Tab")   # back to where the Tab order was, then on
        page.keyboard.press("Tab")
        stops += 1
    return stops
