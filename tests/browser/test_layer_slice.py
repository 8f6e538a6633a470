"""layer_slice in Chromium: the browser's partition of the sliced layer agrees with Python's,
and the notebook page shows it, also after Material's instant navigation."""

from __future__ import annotations

import pytest

from neuron_tutorial.figures import WIDGETS, layer_slice

from conftest import bokeh_model, set_bokeh, show_figure, wait_for_figure

pytest.importorskip("sklearn", reason="the digits example needs scikit-learn (docs extra)")


@pytest.fixture(scope="module")
def python_side():
    data = layer_slice.digits_slice(**WIDGETS["layer_slice"].params)
    import neuron_tutorial as nt

    return data, nt.partition_2d(data["layer"], data["box"])


def drawn(page):
    wait_for_figure(page.main_frame)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")


def test_browser_partition_matches_python(page, base_url, python_side):
    data, partition = python_side
    page.goto(f"{base_url}widgets/layer_slice.html")
    drawn(page)
    assert len(bokeh_model(page, "regions", "data.xs")) == len(partition)
    positive = sorted(bokeh_model(page, "regions", "data.positive"))
    assert positive == sorted((partition.signs > 0).sum(axis=1).tolist())
    assert f"{len(partition)} regions" in bokeh_model(page, "count", "text")


def test_one_neuron_view_colours_by_that_neuron(page, base_url, python_side):
    data, partition = python_side
    page.goto(f"{base_url}widgets/layer_slice.html")
    drawn(page)
    set_bokeh(page, "view", "active", 1)
    set_bokeh(page, "neuron", "value", 5)
    colours = bokeh_model(page, "regions", "data.colour")
    blue = sum(c == "#0072B2" for c in colours)
    assert blue == int((partition.signs[:, 4] > 0).sum())
    assert bokeh_model(page, "neuron", "visible") is True


def test_notebook_page_shows_the_figure_after_instant_navigation(page, base_url):
    page.goto(base_url + "08-more-concepts-than-neurons/")
    page.locator("a.md-footer__link--next").click()  # Material's instant navigation
    page.wait_for_url("**/09-your-own-layer/")
    frame = show_figure(page, page.locator("iframe.nt-widget"))  # loads as it comes into view
    frame.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    assert page.locator("math").count() > 0
    download = page.locator("a[href$='09-your-own-layer.ipynb']").first
    assert download.count() == 1
    notebook = page.request.get(download.evaluate("a => a.href"))
    assert notebook.ok and notebook.json()["cells"], "the notebook download is broken"
