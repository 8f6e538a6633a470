"""The light/dark toggle (docs/overrides/partials/javascripts/palette.html), which stands in
for Material's palette component: it follows the system until the reader chooses, keeps the
choice across pages and reloads, answers the mouse and the keyboard, and leaves Material's
component unmounted (one color-scheme meta, not two)."""

from __future__ import annotations

import pytest

STATE = """() => ({
  scheme: document.body.dataset.mdColorScheme,
  meta: [...document.querySelectorAll("meta[name=color-scheme]")].map(m => m.content),
  theme: [...document.querySelectorAll("meta[name=theme-color]")].map(m => m.content),
  shown: [...document.querySelectorAll("[data-nt-palette] label")]
           .filter(l => !l.hidden).map(l => l.getAttribute("for")),
  stored: __md_get("__palette"),
})"""


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_follows_the_system_until_the_reader_chooses(page, base_url):
    system = "dark" if page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    page.goto(base_url + "02-many-neurons/")
    state = page.evaluate(STATE)
    expected = {"light": ("default", "light", "__palette_1"), "dark": ("slate", "dark", "__palette_0")}
    scheme, meta, label = expected[system]
    assert state["scheme"] == scheme
    assert state["meta"] == [meta], "one color-scheme meta: Material's palette component is not mounted"
    assert len(state["theme"]) == 1 and state["theme"][0].startswith("#")
    assert state["shown"] == [label], "one toggle, the one that switches to the other scheme"
    assert state["stored"] is None, "nothing is stored before the reader chooses"

    other = "light" if system == "dark" else "dark"
    page.emulate_media(color_scheme=other)  # the system changes: the page follows
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{expected[other][0]}'")
    assert page.evaluate(STATE)["meta"] == [expected[other][1]]


def test_a_choice_is_kept_across_pages_and_over_the_system(page, base_url):
    page.goto(base_url + "02-many-neurons/")
    assert page.evaluate(STATE)["scheme"] == "default"
    page.locator("label[for='__palette_1']").click()
    state = page.evaluate(STATE)
    assert (state["scheme"], state["meta"], state["shown"]) == ("slate", ["dark"], ["__palette_0"])
    assert state["stored"]["index"] == 1 and state["stored"]["color"]["scheme"] == "slate"
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")

    page.goto(base_url + "03-cutting-the-line/")  # a fresh load: applied while the header parses
    assert page.evaluate(STATE)["scheme"] == "slate"
    for system in ("dark", "light"):  # the system changes; the reader's choice wins
        page.emulate_media(color_scheme=system)
        page.wait_for_timeout(100)
        assert page.evaluate(STATE)["scheme"] == "slate"

    page.locator("label[for='__palette_0']").click()
    assert page.evaluate(STATE)["scheme"] == "default"
    page.reload()
    assert page.evaluate(STATE)["scheme"] == "default"


def test_the_keyboard_switches_and_the_next_page_keeps_the_toggle(page, base_url):
    page.goto(base_url + "02-many-neurons/")
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert page.evaluate(STATE)["scheme"] == "slate"
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    assert page.evaluate(STATE)["scheme"] == "default"

    # The next page by its link: the toggle works there too.
    page.locator(".md-footer__link--next").click()
    page.wait_for_url("**/03-cutting-the-line/")
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate(STATE)["scheme"] == "slate"


@pytest.mark.parametrize("stored", ['{"index": 7}', '{"index": "1"}', "not json", "null"])
def test_a_stored_palette_that_makes_no_sense_is_no_choice(page, base_url, stored):
    """Whatever localStorage holds under the key, the page follows the system and has its toggle."""
    page.goto(base_url + "02-many-neurons/")
    page.evaluate("(value) => localStorage.setItem(__md_scope.pathname + '.__palette', value)", stored)
    page.reload()
    state = page.evaluate("""() => ({scheme: document.body.dataset.mdColorScheme,
      shown: [...document.querySelectorAll("[data-nt-palette] label")].filter(l => !l.hidden).length})""")
    assert state == {"scheme": "default", "shown": 1}


def test_a_screen_reader_hears_the_scheme_each_radio_button_selects(page, base_url):
    """Two radio buttons named by their scheme: the checked one is the scheme on screen, and the
    arrow keys move the choice as in any radio group."""
    page.goto(base_url + "02-many-neurons/")
    group = page.get_by_role("radiogroup", name="Colour scheme")
    light, dark = (group.get_by_role("radio", name=name, exact=True) for name in ("Light mode", "Dark mode"))
    assert light.is_checked() and not dark.is_checked()
    light.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert dark.is_checked() and not light.is_checked()
