"""dissection in Chromium: what the JS draws from the build's tables is the experiment."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import dissection as figure

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

SIZE = 40   # the toy world's grid


@pytest.fixture(scope="module")
def results():
    return figure.measured(WIDGETS["dissection"].params["seeds"])


@pytest.fixture
def dissection(page, base_url):
    page.goto(f"{base_url}widgets/dissection.html")
    wait_for_figure(page.main_frame)
    return page


def expected_counts(result, threshold: float, measure: int) -> np.ndarray:
    """Unique concepts detected or detector directions, ``(S, A)``, straight from the run's IoUs."""
    hit = result.best_iou >= threshold
    if measure == 1:
        return hit.sum(axis=2)
    return np.array([[len(set(result.best_concept[s, j][hit[s, j]])) for j in range(hit.shape[1])]
                     for s in range(hit.shape[0])])


def drawn_masks(page, live: int) -> np.ndarray:
    """The tiles' cells as bool masks ``(live, SIZE * SIZE)``, read back from the drawn rectangles."""
    x, y, width = (np.array(model(page, "cells", f"data.{k}")) for k in ("x", "y", "width"))
    columns, rows = figure.COLUMNS, -(-figure.HIDDEN // figure.COLUMNS)
    col = np.floor(x / (1 + figure.GAP)).astype(int)
    line = rows - 1 - np.floor(y / (1 + figure.CAPTION)).astype(int)
    tile = line * columns + col
    x0 = col * (1 + figure.GAP)
    y0 = (rows - 1 - line) * (1 + figure.CAPTION) + figure.CAPTION
    masks = np.zeros((live, SIZE * SIZE), dtype=bool)
    for t, left, bottom, cx, cy, w in zip(tile, x0, y0, x, y, width, strict=True):
        row = int(round((cy - bottom) * SIZE - 0.5))
        start = int(round((cx - left - w / 2) * SIZE))
        masks[t, row * SIZE + start: row * SIZE + start + int(round(w * SIZE))] = True
    return masks


def assert_view(page, results, alpha, threshold, measure, activation, direction=1):
    j = int(round(alpha * 10))
    roles = {"series_1": "relu", "series_2": "linear"}
    ys, role = np.array(model(page, "means", "data.y")), model(page, "means", "data.role")
    for a, result in results.items():
        counts = expected_counts(result, threshold, measure)
        mine = np.array([roles[r] == a for r in role])
        np.testing.assert_allclose(ys[mine], counts.mean(axis=0), atol=5e-4)
    assert model(page, "here", "location") == pytest.approx(figure.ALPHAS[j])
    result = results[figure.ACTIVATIONS[activation]]
    live = int(result.live[0])
    np.testing.assert_array_equal(drawn_masks(page, live), result.masks[0, j, :live])
    iou = result.best_iou[0, j, :live]
    assert model(page, "frames", "data.width") == [3 if s >= threshold else 0.75 for s in iou]
    captions = model(page, "captions", "data.text")
    number, score = captions[direction - 1].split(" · ")
    assert number == str(direction)
    assert float(score) == pytest.approx(np.floor(iou[direction - 1] * 100) / 100)
    text = model(page, "readout", "text")
    c = result.best_concept[0, j, direction - 1]
    assert f"{int((iou >= threshold).sum())} of its {live}" in text
    assert f"{direction}</b> → {figure.dissection.CONCEPTS[c].name}" in text
    assert f"(IoU ≥ {threshold:.2f})" in text and figure.MEASURES[measure] in text


def test_initial_view_is_the_experiment(dissection, results):
    assert_view(dissection, results, 0.0, 0.5, 0, 0)


@pytest.mark.parametrize("alpha, threshold, measure, activation, direction", [
    (0.3, 0.5, 0, 0, 2), (1.0, 0.5, 1, 0, 15), (0.5, 0.7, 1, 1, 16), (0.8, 0.3, 0, 1, 4), (0.0, 0.9, 1, 0, 1),
    (0.6, 0.55, 0, 0, 9),
])
def test_every_control_switches_the_view(dissection, results, alpha, threshold, measure, activation,
                                         direction):
    set_value(dissection, "activation", "active", activation)
    set_value(dissection, "alpha", "value", alpha)
    set_value(dissection, "threshold", "value", threshold)
    set_value(dissection, "measure", "active", measure)
    set_value(dissection, "direction", "value", direction)
    assert_view(dissection, results, alpha, threshold, measure, activation, direction)


def test_a_direction_past_the_live_ones_is_clamped(dissection, results):
    set_value(dissection, "activation", "active", 1)
    set_value(dissection, "direction", "value", 16)
    set_value(dissection, "activation", "active", 0)
    live = int(results["relu"].live[0])
    assert model(dissection, "direction", "value") == live
    assert model(dissection, "direction", "end") == live


def test_keyboard_moves_alpha(dissection, results):
    dissection.locator(".noUi-handle").nth(1).focus()
    dissection.keyboard.press("ArrowRight")
    assert model(dissection, "alpha", "value") == pytest.approx(0.1)
    assert_view(dissection, results, 0.1, 0.5, 0, 0)


def test_the_relu_curve_falls_and_the_linear_one_does_not_on_detectors(dissection, results):
    set_value(dissection, "measure", "active", 1)
    set_value(dissection, "threshold", "value", 0.7)
    ys, role = np.array(model(dissection, "means", "data.y")), model(dissection, "means", "data.role")
    relu = ys[[r == "series_1" for r in role]]
    linear = ys[[r == "series_2" for r in role]]
    assert relu[-1] < 0.7 * relu[0]
    assert abs(linear[-1] - linear[0]) < 0.5


@pytest.mark.parametrize("page", ["dark"], indirect=True)
def test_dark_scheme(page, base_url, results):
    page.goto(f"{base_url}widgets/dissection.html")
    wait_for_figure(page.main_frame)
    assert model(page, "plot", "background_fill_color") == "#1e2129"
    set_value(page, "alpha", "value", 0.4)
    assert_view(page, results, 0.4, 0.5, 0, 0)

