"""Every figure draws its first picture in the browser (style.draw_on_load), and the tests'
wait for a figure waits for that drawing."""

import pytest

from neuron_tutorial.figures import WIDGETS

from conftest import wait_for_figure


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_a_figure_drawn_on_load_is_drawn_once_the_wait_is_over(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page)
    tagged = page.evaluate("() => Bokeh.documents[0].roots().some((r) => r.tags.includes('draw_on_load'))")
    drawn = page.evaluate("() => document.documentElement.dataset.ntDrawn === 'yes'")
    assert tagged == (WIDGETS[name].document().roots[0].tags.count("draw_on_load") == 1)
    assert drawn or not tagged
    sources = page.evaluate("""() => [...Bokeh.documents[0].all_models]
        .filter((m) => m.type === 'ColumnDataSource').map((m) => m.get_length() ?? 0)""")
    assert max(sources) > 0, "the first picture has data"
