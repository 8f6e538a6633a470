"""The Tab key goes from control to control: no plot of any figure is a Tab stop that does nothing."""

from __future__ import annotations

import pytest

from neuron_tutorial.figures import WIDGETS

from conftest import wait_for_figure

# Every element of the figure, in its shadow roots too, that the Tab key stops at.
TAB_STOPS = """() => { const found = []
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
      if (el.tabIndex >= 0 && !el.disabled && el.getClientRects().length)
        found.push({cls: String(el.className), role: el.getAttribute('role'), tag: el.tagName})
      if (el.shadowRoot) walk(el.shadowRoot) } }
  walk(document); return found }"""


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_no_plot_is_a_tab_stop(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    page.wait_for_timeout(100)  # access.js runs after the first render
    stops = page.evaluate(TAB_STOPS)
    assert stops, f"{name}: no control takes the keyboard"
    plots = [s for s in stops if "bk-events" in s["cls"] or s["tag"] == "CANVAS"]
    assert plots == [], f"{name}: plots in the Tab order"
    kinds = {(s["tag"], s["role"]) for s in stops}
    assert kinds <= {("BUTTON", None), ("DIV", "slider"), ("SELECT", None), ("INPUT", None),
                     ("LABEL", None), ("A", None)}, kinds
