"""dissection figure: its precomputed views against floor 1."""

import numpy as np
import pytest

from neuron_tutorial import dissection
from neuron_tutorial.figures import dissection as figure

SEEDS = 20


@pytest.fixture(scope="module")
def results():
    return figure.measured(SEEDS)


def test_figure_runs_the_documented_experiment(results):
    assert set(results) == {"relu", "linear"}
    for result in results.values():
        assert result.unique_detectors.shape == (SEEDS, len(figure.ALPHAS))
        np.testing.assert_array_equal(result.seeds, np.arange(SEEDS))
        assert result.threshold == 0.5 and result.q == 0.9


def test_counts_at_the_default_threshold_are_runs_counts(results):
    for result in results.values():
        unique, detectors = figure.counts(result, 0.5)
        np.testing.assert_array_equal(unique, result.unique_detectors)
        np.testing.assert_array_equal(detectors, result.detectors)


def test_summary_is_mean_and_sd_over_seeds(results):
    table = figure.summary(results)
    t = figure.THRESHOLDS.index(0.5)
    np.testing.assert_allclose(table["relu_unique_mean"][t], results["relu"].unique_detectors.mean(axis=0),
                               atol=1e-4)
    np.testing.assert_allclose(table["linear_detectors_sd"][t], results["linear"].detectors.std(axis=0),
                               atol=1e-4)


def test_masks_survive_the_hex_round_trip(results):
    mask = results["relu"].masks[0, 3, 1]
    cells = figure.cells(figure.mask_hex(mask), 40)
    points = results["relu"].points[mask]
    np.testing.assert_allclose(np.c_[cells["x"], cells["y"]], points)


def test_state_panels_name_the_best_concept(results):
    table, shown = figure.summary(results), figure.examples(results)
    concepts = [{"name": c.name, "outline": {"x": [0.0], "y": [0.0]}} for c in dissection.CONCEPTS]
    now = figure.state(table, shown, concepts, 40, alpha_index=0, threshold_index=4, measure=0, activation=0)
    result = results["relu"]
    for d, panel in enumerate(now["panels"]):
        c = result.best_concept[0, 0, d]
        assert panel["concept"] == f"→ {dissection.CONCEPTS[c].name}"
        assert panel["score"].startswith(f"IoU {figure.two_decimals(result.best_iou[0, 0, d])}")
        assert panel["title"] == f"neuron {d + 1}"
    assert now["readout"].startswith("α = 0.0: ReLU 2.8 ± 0.4")


def test_rounding_helpers_round_halves_up():
    assert figure.one_decimal(2.25) == "2.3" and figure.one_decimal(2.75) == "2.8"
    assert figure.two_decimals(0.625) == "0.63"

