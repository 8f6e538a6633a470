"""The dissection figure: its precomputed views against floor 1."""

import numpy as np
import pytest

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
                               atol=5e-4)
    np.testing.assert_allclose(table["linear_detectors_sd"][t], results["linear"].detectors.std(axis=0),
                               atol=5e-4)


def test_masks_survive_the_run_round_trip(results):
    mask = results["relu"].masks[0, 3, 1]
    text = figure.mask_runs(mask, 40)
    cells = []
    for i in range(0, len(text), 3):
        row, start, length = (figure.RUNS.index(ch) for ch in text[i:i + 3])
        cells += [row * 40 + col for col in range(start, start + length)]
    np.testing.assert_array_equal(sorted(cells), np.flatnonzero(mask))


def test_examples_hold_every_live_direction_of_network_0(results):
    shown = figure.examples(results)
    for activation, result in results.items():
        live = int(result.live[0])
        assert len(shown[activation]["masks"]) == len(figure.ALPHAS)
        assert all(len(row) == live for row in shown[activation]["concept"])
        np.testing.assert_allclose(shown[activation]["iou"], result.best_iou[0, :, :live], atol=1e-3)


def test_the_settings_table_checks_its_values():
    with pytest.raises(ValueError, match="threshold"):
        figure.build(threshold=0.95)
    with pytest.raises(ValueError, match="activation"):
        figure.build(activation=2)

