"""docs/javascripts/drawer.js: on a phone the Tab key walks through Material's navigation
drawer with the drawer open (and its table of contents slid in) so that every stop is on screen;
the drawer closes when the focus moves on to the text. On a wide screen nothing opens."""

from __future__ import annotations

# The focused element: where it is, whether it is what the reader sees at its centre (not
# covered, not off screen), and the state of the drawer and of the page's table of contents.
FOCUS = """() => { const e = document.activeElement, r = e.getBoundingClientRect()
  const x = Math.min(innerWidth - 1, Math.max(0, r.x + r.width / 2))
  const y = Math.min(innerHeight - 1, Math.max(0, r.y + r.height / 2))
  const at = document.elementFromPoint(x, y)
  const seen = r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight
    && (at === e || e.contains(at))
  return {href: e.getAttribute("href"), in_drawer: !!e.closest(".md-sidebar--primary"), seen,
          drawer: document.getElementById("__drawer").checked,
          toc: document.getElementById("__toc")?.checked ?? null} }"""
# Every transition of the focused stop's drawer and levels (Material's slide: 250 ms) has ended.
SETTLED = """() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})))"""


def _walk(page, stops: int, until_out_of_drawer: bool = False) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        page.evaluate(SETTLED)
        seen.append(page.evaluate(FOCUS))
        if until_out_of_drawer and len(seen) > 1 and seen[-2]["in_drawer"] and not seen[-1]["in_drawer"]:
            break
    return seen


def test_on_a_phone_every_stop_in_the_drawer_is_on_screen(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "02-many-neurons/")
    walk = _walk(page, 60, until_out_of_drawer=True)
    drawer = [stop for stop in walk if stop["in_drawer"]]
    assert len(drawer) >= 15, "the drawer's links are in the Tab order"
    hidden = [stop["href"] for stop in drawer if not stop["seen"]]
    assert hidden == [], f"stops in the drawer out of sight: {hidden}"
    assert all(stop["drawer"] for stop in drawer)
    toc = [stop for stop in drawer if stop["href"] and stop["href"].startswith("#")]
    assert toc and all(stop["toc"] for stop in toc), "the table of contents slides in for its links"
    assert not any(stop["toc"] for stop in drawer if stop not in toc), "and out again after them"
    assert not walk[-1]["in_drawer"] and not walk[-1]["drawer"], "the drawer closes when the focus leaves it"
    assert walk[-1]["seen"]

    page.keyboard.press("Shift+Tab")   # back into the drawer from the text: it opens again
    page.evaluate(SETTLED)
    back = page.evaluate(FOCUS)
    assert back["in_drawer"] and back["drawer"] and back["seen"]


def test_a_drawer_the_reader_opened_stays_open(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "02-many-neurons/")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.evaluate(SETTLED)
    page.locator(".md-sidebar--primary a.md-nav__link").nth(2).focus()
    page.locator("article a").first.focus()    # the focus leaves the drawer
    assert page.evaluate("document.getElementById('__drawer').checked")


def test_on_a_wide_screen_the_focus_opens_nothing(page, base_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + "02-many-neurons/")
    walk = _walk(page, 30)
    drawer = [stop for stop in walk if stop["in_drawer"]]
    assert drawer and all(stop["seen"] for stop in drawer)
    assert not any(stop["drawer"] for stop in walk)
