"""layer_slice in Chromium: the browser's partition of the sliced layer agrees with Python's,
and the notebook page shows it, also when the reader comes from the previous chapter."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import WIDGETS, layer_slice

from conftest import bokeh_model, set_bokeh, show_figure, wait_for_figure

pytest.importorskip("sklearn", reason="the digits example needs scikit-learn (docs extra)")


@pytest.fixture(scope="module")
def python_side():
    settings = layer_slice.SETTINGS.defaults()
    params = {k: v for k, v in WIDGETS["layer_slice"].params.items() if k not in settings}
    data = layer_slice.digits_slice(**params)
    import neuron_tutorial as nt

    return data, nt.partition_2d(data["layer"], data["box"])


def drawn(page):
    wait_for_figure(page.main_frame)
    page.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/layer_slice.html")
    drawn(page)
    return page


def test_browser_partition_matches_python(widget, python_side):
    data, partition = python_side
    assert len(bokeh_model(widget, "regions", "data.xs")) == len(partition)
    positive = sorted(bokeh_model(widget, "regions", "data.positive"))
    assert positive == sorted((partition.signs > 0).sum(axis=1).tolist())
    counts = (partition.signs > 0).sum(axis=1)
    assert bokeh_model(widget, "mapper", "low") == counts.min()
    assert bokeh_model(widget, "mapper", "high") == counts.max()
    assert f"{len(partition)} regions" in bokeh_model(widget, "readout", "text")


def test_images_regions_and_flips_are_locate_and_the_signs(widget, python_side):
    data, partition = python_side
    where = partition.locate(data["points"])
    signs = partition.signs[where]
    xs, ys = bokeh_model(widget, "regions", "data.xs"), bokeh_model(widget, "regions", "data.ys")
    for i, region in enumerate(bokeh_model(widget, "images", "data.region")):
        # The browser's region holds the image, and has the sign pattern of Python's region.
        poly = np.c_[xs[region], ys[region]]
        edges, to_point = np.roll(poly, -1, axis=0) - poly, data["points"][i] - poly
        assert np.all(edges[:, 0] * to_point[:, 1] - edges[:, 1] * to_point[:, 0] >= -1e-9)
        centre = poly.mean(axis=0, keepdims=True)
        np.testing.assert_array_equal(np.sign(data["layer"](centre)[0]), partition.signs[where[i]])
    assert bokeh_model(widget, "images", "data.positive") == (signs > 0).sum(axis=1).tolist()
    text = bokeh_model(widget, "readout", "text")
    labels = data["labels"]
    for i, j in ((0, 1), (1, 2), (0, 2)):
        assert f"{labels[i]} \u2192 {labels[j]}: {int((signs[i] != signs[j]).sum())}" in text


@pytest.mark.parametrize("k", [1, 5, 77, 128])
def test_one_neuron_view_colours_and_names_that_neuron(widget, python_side, k):
    data, partition = python_side
    set_bokeh(widget, "view", "active", 1)
    set_bokeh(widget, "neuron", "value", k)
    roles = bokeh_model(widget, "regions", "data.role")
    assert roles.count("positive") == int((partition.signs[:, k - 1] > 0).sum())
    assert roles.count("negative") == int((partition.signs[:, k - 1] < 0).sum())
    assert bokeh_model(widget, "by_neuron", "visible") and not bokeh_model(widget, "by_count", "visible")
    assert bokeh_model(widget, "neuron_key", "visible") and not bokeh_model(widget, "colour_bar", "visible")
    layer = data["layer"]
    xs, ys = bokeh_model(widget, "chosen", "data.xs"), bokeh_model(widget, "chosen", "data.ys")
    if xs:
        values = np.asarray(xs[0]) * layer.weights[k - 1, 0] + np.asarray(ys[0]) * layer.weights[k - 1, 1]
        np.testing.assert_allclose(values + layer.biases[k - 1], 0.0, atol=1e-9)
        assert bokeh_model(widget, "chosen_label", "text") == f"neuron {k}"
    signs = np.sign(layer(data["points"])[:, k - 1])
    words = ["+" if s > 0 else "\u2212" for s in signs]
    assert f"Neuron {k}: {words[0]} at the {data['labels'][0]}" in bokeh_model(widget, "readout", "text")


def test_the_neuron_slider_keeps_the_figure_height(widget):
    height = "() => document.querySelector('[data-root-id] > *').getBoundingClientRect().height"
    before = widget.evaluate(height)
    for k in (2, 60, 128):
        set_bokeh(widget, "neuron", "value", k)
        assert widget.evaluate(height) == before
    set_bokeh(widget, "view", "active", 1)
    assert widget.evaluate(height) == before


def test_notebook_page_shows_the_figure_after_the_previous_chapters_link(page, base_url):
    page.goto(base_url + "08-more-concepts-than-neurons/")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/09-your-own-layer/")
    frame = show_figure(page, page.locator('iframe.nt-widget[data-widget="layer_slice"]'))  # loads in view
    frame.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'")
    assert page.locator("math").count() > 0
    download = page.locator("a[href$='09-your-own-layer.ipynb']").first
    assert download.count() == 1
    notebook = page.request.get(download.evaluate("a => a.href"))
    assert notebook.ok and notebook.json()["cells"], "the notebook download is broken"
