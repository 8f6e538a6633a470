"""dissection_curves and dissection_digits in Chromium: what the JS draws from the build's tables,
on load and after every control, is the experiment's (read from floor 1)."""

from __future__ import annotations

from dataclasses import replace

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


def assert_curves(page, measure, threshold):
    """The drawn curves, paired dots and readout are the experiment's, straight from floor 1."""
    key = list(curves.MEASURES)[measure]
    counts = key in curves.COUNTS
    ys = np.array(model(page, "means", "data.y")).reshape(len(experiments.CONDITIONS), -1)
    dots = np.array(model(page, "dots", "data.x")).reshape(len(experiments.CONDITIONS), -1)
    summary = model(page, "summary", "data.x")
    text = model(page, "readout", "text")
    for i, condition in enumerate(experiments.CONDITIONS):
        result = experiments.digits(condition)
        if counts:
            result = replace(result, threshold=threshold)
        np.testing.assert_allclose(ys[i], getattr(result, key).mean(axis=0), atol=1e-5)
        np.testing.assert_allclose(dots[i], result.paired(key), atol=1e-5)
        assert summary[i] == pytest.approx(result.paired(key).mean(), abs=1e-5)
        assert f"{curves.NAMES[condition]}: " in text
    assert text.startswith(f"<b>{curves.MEASURES[key]}" + (f" at IoU ≥ {threshold:.2f}" if counts else ""))
    assert model(page, "threshold", "disabled") == (not counts)
    assert model(page, "plot", "left[0].axis_label") == curves.MEASURES[key]


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
    assert_curves(open_widget(page, base_url, "dissection_curves"), 0, 0.4)


@pytest.mark.parametrize("measure, threshold", [(1, 0.4), (0, 0.6), (2, 0.4), (3, 0.4), (1, 0.7), (0, 0.3)])
def test_every_curves_control_changes_the_view(page, base_url, tables, measure, threshold):
    open_widget(page, base_url, "dissection_curves")
    before = model(page, "readout", "text")
    set_value(page, "threshold", "value", threshold)
    set_value(page, "measure", "active", measure)
    assert_curves(page, measure, threshold)
    assert model(page, "readout", "text") != before


def assert_digits(page, seed, neuron, random):
    """Each panel shows the ranked direction's top images and frames, straight from floor 1."""
    relu = experiments.digits("relu")
    for kind, rank in (("neuron", neuron), ("random", random)):
        a = digits.KINDS[kind]
        live = int(relu.live[seed])
        slot = np.argsort(-relu.best_iou[seed, a, :live], kind="stable")[rank - 1]
        concept = relu.best_concept[seed, a, slot]
        top = relu.top_images[seed, a, slot]
        pixels = np.rint(16 * relu.images[top]).astype(int)          # (16, 64), what the page shows
        alpha = np.array(model(page, f"ink_{kind}", "data.alpha"))
        np.testing.assert_allclose(np.sort(alpha), np.sort(pixels[pixels > 0] / 16))
        has = relu.truth[top, concept]
        assert model(page, f"frames_{kind}", "data.width") == [3 if h else 1 for h in has]
        text = model(page, f"header_{kind}", "text")
        assert f"rank {rank} of {live}" in text and f"<b>{relu.concepts[concept]}</b>" in text
        assert f"{int(has.sum())} of these 16" in text
        if kind == "neuron":
            assert text.startswith(f"<b>Neuron {slot + 1},")


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
    assert_digits(open_widget(page, base_url, "dissection_digits"), 0, 1, 1)


@pytest.mark.parametrize("control, value, seed, neuron, random", [
    ("seed", 2, 2, 1, 1), ("neuron", 7, 0, 7, 1), ("random", 30, 0, 1, 30), ("seed", 3, 3, 1, 1)])
def test_every_digits_control_changes_the_view(page, base_url, tables, control, value, seed, neuron, random):
    open_widget(page, base_url, "dissection_digits")
    before = {k: model(page, f"header_{k}", "text") for k in ("neuron", "random")}
    set_value(page, control, "value", value)
    assert_digits(page, seed, neuron, random)
    assert {k: model(page, f"header_{k}", "text") for k in ("neuron", "random")} != before


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme(page, base_url, tables):
    open_widget(page, base_url, "dissection_digits")
    assert model(page, "panel_neuron", "background_fill_color") == "#1e2129"
    set_value(page, "neuron", "value", 3)
    assert_digits(page, 0, 3, 1)
