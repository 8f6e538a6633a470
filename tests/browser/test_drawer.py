"""docs/javascripts/drawer.js: on a phone the Tab key walks through Material's navigation
drawer with the drawer open (and its table of contents slid in), so that every stop is on
screen; the drawer closes when the focus moves on, and on Escape. Taps stay Material's. On a
wide screen nothing opens. And from the top of a page to its text, no stop of Material's
header or navigation is out of sight, at any width."""

from __future__ import annotations

import pytest

# The focused element: whether the reader sees it (its centre on screen and not covered), and
# the state of the drawer, of the page's table of contents and of the drawer's sideways scroll.
FOCUS = """() => { const e = document.activeElement
  // A radio button of the colour scheme's toggle shows its focus on the label after it (the
  // one that switches to the other scheme: Material's markup).
  const next = e.type === "radio" ? e.nextElementSibling : null
  const drawn = next?.tagName === "LABEL" && next.getClientRects().length ? next : e
  const r = drawn.getBoundingClientRect()
  const x = r.x + r.width / 2, y = r.y + r.height / 2
  const inside = r.width > 0 && x >= 0 && x < innerWidth && y >= 0 && y < innerHeight
  const at = inside ? document.elementFromPoint(x, y) : null
  return {href: e.getAttribute("href"), id: e.id || e.className,
          in_drawer: !!e.closest(".md-sidebar--primary"),
          seen: inside && (at === drawn || drawn.contains(at)), tag: e.tagName,
          in_text: !!e.closest("article"),
          drawer: document.getElementById("__drawer").checked,
          toc: document.getElementById("__toc")?.checked ?? null,
          sideways: Math.max(...[...document.querySelectorAll(".md-sidebar--primary .md-sidebar__scrollwrap")]
                             .map((w) => w.scrollLeft))} }"""
# Every transition (Material slides the drawer and its levels in 250 ms) has ended, once two
# frames have let the ones the last key started begin.
SETTLED = """async () => { await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))) }"""
DRAWER = "document.getElementById('__drawer').checked"


def _tab(page, key: str = "Tab") -> dict:
    page.keyboard.press(key)
    page.evaluate(SETTLED)
    return page.evaluate(FOCUS)


def _walk_through_drawer(page) -> list[dict]:
    """Tab from the top of the page until the focus has left the drawer."""
    walk = []
    while len(walk) < 60 and not (len(walk) > 1 and walk[-2]["in_drawer"] and not walk[-1]["in_drawer"]):
        walk.append(_tab(page))
    return walk


@pytest.fixture
def phone(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "02-many-neurons/")
    return page


def test_on_a_phone_every_stop_in_the_drawer_is_on_screen(phone):
    walk = _walk_through_drawer(phone)
    drawer = [stop for stop in walk if stop["in_drawer"]]
    assert len(drawer) >= 15, "the drawer's links are in the Tab order"
    hidden = [stop["href"] for stop in drawer if not stop["seen"]]
    assert hidden == [], f"stops in the drawer out of sight: {hidden}"
    assert all(stop["drawer"] for stop in drawer)
    toc = [stop for stop in drawer if stop["href"] and stop["href"].startswith("#")]
    assert toc and all(stop["toc"] for stop in toc), "the table of contents slides in for its links"
    assert not any(stop["toc"] for stop in drawer if stop not in toc), "and out again after them"
    assert not walk[-1]["drawer"] and walk[-1]["seen"], "the drawer closes when the focus leaves it"

    # Back in, out, and straight back in while the drawer is still sliding out: it opens
    # again, and nothing inside it is left scrolled sideways.
    for wait in (None, 100):
        phone.keyboard.press("Shift+Tab")
        if wait is not None:
            phone.wait_for_timeout(wait)
        phone.evaluate(SETTLED)
        back = phone.evaluate(FOCUS)
        assert back["in_drawer"] and back["drawer"] and back["seen"] and back["sideways"] == 0, wait
        phone.keyboard.press("Tab")


def test_escape_closes_the_drawer_and_the_text_takes_the_focus(phone):
    for _ in range(8):
        stop = _tab(phone)
    assert stop["in_drawer"] and stop["drawer"]
    stop = _tab(phone, "Escape")
    assert not stop["drawer"] and stop["tag"] == "ARTICLE"
    assert _tab(phone)["seen"], "the next Tab goes on in the text"


def test_taps_are_materials(phone):
    """A drawer the keyboard opened: a tap that takes the focus to nothing keeps it open, one
    tap on the shade closes it; a drawer opened by the menu button closes when the focus moves on."""
    for _ in range(6):
        _tab(phone)
    assert phone.evaluate(DRAWER)
    phone.evaluate("document.activeElement.blur()")   # the focus goes to nothing, as on a tap
    phone.evaluate(SETTLED)
    assert phone.evaluate(DRAWER)
    phone.mouse.click(380, 400)   # the shade, beside the drawer
    phone.evaluate(SETTLED)
    assert not phone.evaluate(DRAWER)

    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.evaluate(SETTLED)
    assert phone.evaluate(DRAWER)
    stop = _walk_through_drawer(phone)[-1]
    assert not stop["in_drawer"] and not stop["drawer"] and stop["seen"]


def test_on_a_wide_screen_the_focus_opens_nothing(page, base_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + "02-many-neurons/")
    walk = [_tab(page) for _ in range(30)]
    drawer = [stop for stop in walk if stop["in_drawer"]]
    assert drawer and all(stop["seen"] for stop in drawer)
    assert not any(stop["drawer"] for stop in walk)


@pytest.mark.parametrize("width", [390, 1000, 1440])
def test_from_the_top_to_the_text_every_stop_is_in_sight(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "02-many-neurons/")
    walk = [_tab(page)]
    while len(walk) < 60 and not walk[-1]["in_text"]:
        walk.append(_tab(page))
    assert walk[-1]["in_text"]
    # Material's box of search results is a stop while the search is closed (Tab from the search
    # field closes it). It keeps its stop: axe requires one of a box that scrolls.
    hidden = [(stop["tag"], stop["href"], stop["id"]) for stop in walk
              if not stop["seen"] and "md-search__scrollwrap" not in stop["id"]]
    assert hidden == [], f"stops out of sight at {width} px: {hidden}"
