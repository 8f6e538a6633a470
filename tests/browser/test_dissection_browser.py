"""dissection in Chromium: every control switches to the Python's precomputed view."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import dissection as figure

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure


@pytest.fixture(scope="module")
def views():
    """The figure's tables, built the way dissection.build builds them."""
    results = figure.measured(WIDGETS["dissection"].params["seeds"])
    concepts = [{"name": c.name, "outline": {"x": c.outline[:, 0].round(4).tolist(),
                                             "y": c.outline[:, 1].round(4).tolist()}}
                for c in results["relu"].concepts]
    return figure.summary(results), figure.examples(results), concepts


@pytest.fixture
def dissection(page, base_url):
    page.goto(f"{base_url}widgets/dissection.html")
    wait_for_figure(page.main_frame)
    return page


def assert_view(page, views, alpha_index, threshold_index, measure, activation):
    table, shown, concepts = views
    want = figure.state(table, shown, concepts, 40, alpha_index, threshold_index, measure, activation)
    assert model(page, "readout", "text") == want["readout"]
    for a in figure.ACTIVATIONS:
        for key in ("mean", "low", "high"):
            np.testing.assert_allclose(model(page, f"curve_{a}", f"data.{key}"), want["curves"][a][key],
                                       atol=1e-9)
    assert model(page, "here", "location") == pytest.approx(want["alpha"])
    for d, panel in enumerate(want["panels"], start=1):
        assert model(page, f"panel_{d}", "title.text") == panel["title"]
        assert model(page, f"concept_{d}", "text") == panel["concept"]
        assert model(page, f"score_{d}", "text") == panel["score"]
        np.testing.assert_allclose(model(page, f"cells_{d}", "data.x"), panel["cells"]["x"], atol=1e-12)
        np.testing.assert_allclose(model(page, f"cells_{d}", "data.y"), panel["cells"]["y"], atol=1e-12)
        np.testing.assert_allclose(model(page, f"outline_{d}", "data.x"), panel["outline"]["x"])


def test_initial_view_is_the_python_state(dissection, views):
    assert_view(dissection, views, 0, 4, 0, 0)


@pytest.mark.parametrize("alpha, threshold, measure, activation", [
    (0.3, 0.5, 0, 0), (1.0, 0.5, 1, 0), (0.5, 0.7, 1, 1), (0.8, 0.3, 0, 1), (0.0, 0.9, 1, 0),
    (0.6, 0.55, 0, 0),
])
def test_every_control_switches_the_view(dissection, views, alpha, threshold, measure, activation):
    set_value(dissection, "alpha", "value", alpha)
    set_value(dissection, "threshold", "value", threshold)
    set_value(dissection, "measure", "active", measure)
    set_value(dissection, "activation", "active", activation)
    assert_view(dissection, views, round(alpha * 10), figure.THRESHOLDS.index(threshold), measure, activation)


def test_keyboard_moves_alpha(dissection, views):
    dissection.locator(".noUi-handle").first.focus()
    dissection.keyboard.press("ArrowRight")
    assert model(dissection, "alpha", "value") == pytest.approx(0.1)
    assert_view(dissection, views, 1, 4, 0, 0)


def test_the_relu_curve_falls_and_the_linear_one_does_not_on_detectors(dissection):
    set_value(dissection, "measure", "active", 1)
    set_value(dissection, "threshold", "value", 0.7)
    relu = model(dissection, "curve_relu", "data.mean")
    linear = model(dissection, "curve_linear", "data.mean")
    assert relu[-1] < 0.7 * relu[0]
    assert abs(linear[-1] - linear[0]) < 0.5


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme(page, base_url, views):
    page.goto(f"{base_url}widgets/dissection.html")
    wait_for_figure(page.main_frame)
    assert model(page, "plot", "background_fill_color") == "#1e2129"
    set_value(page, "alpha", "value", 0.4)
    assert_view(page, views, 4, 4, 0, 0)

