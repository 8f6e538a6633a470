"""axe-core on every page (light and dark) and on every widget opened on its own.

Zero serious or critical violations. Where Material or Bokeh itself is at fault we
repair it (docs/hooks/pages.py, widgets/access.js); what cannot be repaired goes
in ALLOWED with the reason, and nothing is there today.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_site_pages import page_paths

from neuron_tutorial.widgets import WIDGETS

from conftest import wait_for_figure

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
        for frame in page.locator("iframe.nt-widget").element_handles():
            wait_for_figure(frame.content_frame())
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
