"""dissection_curves and dissection_digits in Chromium: every control changes the figure to the
Python's view, and the numbers shown are the experiment's."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import dissection_curves as curves
from neuron_tutorial.figures import dissection_digits as digits
from neuron_tutorial.figures.kit import experiments
from neuron_tutorial.site import cache

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure


@pytest.fixture(scope="module")
def tables():
    cache.install()            # the experiments the build kept (computed once if missing)
    yield curves.table(), digits.data()
    experiments.use_store(None)


def open_widget(page, base_url, name):
    page.goto(f"{base_url}widgets/{name}.html")
    wait_for_figure(page.main_frame)
    return page


def assert_curves(page, table, measure, threshold_index):
    want = curves.state(table, measure, threshold_index)
    assert model(page, "readout", "text") == want["readout"]
    for c in experiments.CONDITIONS:
        for key in ("mean", "low", "high"):
            np.testing.assert_allclose(model(page, f"curve_{c}", f"data.{key}"), want["curves"][c][key],
                                       atol=1e-9)
    np.testing.assert_allclose(model(page, "dots", "data.x"), want["dots"]["x"], atol=1e-9)
    np.testing.assert_allclose(model(page, "summary", "data.x"), want["summary"]["x"], atol=1e-9)
    assert model(page, "threshold", "disabled") == (not want["counts"])


def test_curves_table_is_the_experiment(tables):
    table, _ = tables
    relu = experiments.digits("relu")
    entry = table["detectors"][curves.THRESHOLDS.index(0.4)]["relu"]
    np.testing.assert_allclose(entry["mean"], relu.detectors.mean(axis=0), atol=1e-6)
    np.testing.assert_allclose(entry["paired"], relu.paired("detectors"), atol=1e-6)
    kurtosis = table["kurtosis"][0]["untrained_relu"]
    np.testing.assert_allclose(kurtosis["mean"], experiments.digits("untrained_relu").kurtosis.mean(axis=0),
                               atol=1e-6)
    strict = (relu.best_iou >= 0.6).sum(axis=2)
    np.testing.assert_allclose(table["detectors"][curves.THRESHOLDS.index(0.6)]["relu"]["mean"],
                               strict.mean(axis=0), atol=1e-6)


def test_curves_initial_view(page, base_url, tables):
    assert_curves(open_widget(page, base_url, "dissection_curves"), tables[0], 0, 2)


@pytest.mark.parametrize("measure, threshold", [(1, 0.4), (0, 0.6), (2, 0.4), (3, 0.4), (1, 0.7), (0, 0.3)])
def test_every_curves_control_changes_the_view(page, base_url, tables, measure, threshold):
    open_widget(page, base_url, "dissection_curves")
    before = model(page, "readout", "text")
    set_value(page, "threshold", "value", threshold)
    set_value(page, "measure", "active", measure)
    assert_curves(page, tables[0], measure, curves.THRESHOLDS.index(threshold))
    assert model(page, "readout", "text") != before


def assert_digits(page, data, seed, neuron, random):
    want = digits.state(data, seed, neuron, random)
    for kind in ("neuron", "random"):
        assert model(page, f"header_{kind}", "text") == want[kind]["header"]
        for key in ("x", "y", "alpha"):
            np.testing.assert_allclose(model(page, f"ink_{kind}", f"data.{key}"), want[kind]["ink"][key])
        np.testing.assert_allclose(model(page, f"frames_{kind}", "data.width"), want[kind]["frames"]["width"])


def test_digits_rows_are_the_experiment(tables):
    _, data = tables
    relu = experiments.digits("relu")
    for seed in range(digits.NETWORKS):
        for kind, a in digits.KINDS.items():
            row = digits.ranked_row(data, seed, kind, 1)
            k = relu.live[seed]
            assert row["slot"] == int(np.argmax(relu.best_iou[seed, a, :k]))
            assert row["iou"] == pytest.approx(relu.best_iou[seed, a, :k].max(), abs=1e-4)
            top = relu.top_images[seed, a, row["slot"]]
            shown = np.array([data["images"][i] for i in row["top"]])
            want = ["".join(digits.LEVELS[v] for v in np.rint(16 * relu.images[t]).astype(int)) for t in top]
            assert shown.tolist() == want
            assert row["has"] == relu.truth[top, row["concept"]].astype(int).tolist()


def test_digits_initial_view(page, base_url, tables):
    assert_digits(open_widget(page, base_url, "dissection_digits"), tables[1], 0, 1, 1)


@pytest.mark.parametrize("control, value, seed, neuron, random", [
    ("seed", 2, 2, 1, 1), ("neuron", 7, 0, 7, 1), ("random", 30, 0, 1, 30), ("seed", 3, 3, 1, 1)])
def test_every_digits_control_changes_the_view(page, base_url, tables, control, value, seed, neuron, random):
    open_widget(page, base_url, "dissection_digits")
    before = {k: model(page, f"header_{k}", "text") for k in ("neuron", "random")}
    set_value(page, control, "value", value)
    assert_digits(page, tables[1], seed, neuron, random)
    assert {k: model(page, f"header_{k}", "text") for k in ("neuron", "random")} != before


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme(page, base_url, tables):
    open_widget(page, base_url, "dissection_digits")
    assert model(page, "panel_neuron", "background_fill_color") == "#1e2129"
    set_value(page, "neuron", "value", 3)
    assert_digits(page, tables[1], 0, 3, 1)
