"""The mini Network Dissection: concepts, masks, IoU, and the experiment's determinism."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial import dissection
from neuron_tutorial.directions import grid

ALPHAS = [0.0, 0.5, 1.0]


@pytest.fixture(scope="module")
def small():
    """A quick run: three seeds, three values of α."""
    return {a: dissection.run(a, ALPHAS, [0, 1, 2]) for a in ("relu", "linear")}


def test_top_quantile_masks_by_hand():
    values = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0], [5.0, 5.0]])
    masks = dissection.top_quantile_masks(values, q=0.5)      # median 3: strictly above it
    np.testing.assert_array_equal(masks[:, 0], [False, False, False, True, True])
    assert not masks[:, 1].any()                               # a constant (dead) column: empty
    relu_like = np.array([[0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [0.0], [2.0]])
    np.testing.assert_array_equal(dissection.top_quantile_masks(relu_like, 0.8)[:, 0], [False] * 9 + [True])


def test_iou_by_hand():
    masks = np.array([[1, 0], [1, 0], [0, 0], [0, 1]], dtype=bool)
    concepts = np.array([[1, 0], [0, 0], [1, 0], [0, 1]], dtype=bool)
    # mask 0 vs concept 0: {0, 1} vs {0, 2}: 1 / 3; vs concept 1: {0, 1} vs {3}: 0.
    # mask 1 vs concept 0: 0; vs concept 1: {3} vs {3}: 1. Empty against empty: 0.
    np.testing.assert_allclose(dissection.iou(masks, concepts), [[1 / 3, 0.0], [0.0, 1.0]])
    assert dissection.iou(np.zeros((4, 1), bool), np.zeros((4, 1), bool))[0, 0] == 0.0


def test_concepts_each_cover_about_a_tenth_of_the_square():
    truth = dissection.concept_masks(grid(200))
    assert truth.shape == (40_000, len(dissection.CONCEPTS)) == (40_000, 8)
    np.testing.assert_allclose(truth.mean(axis=0), 0.1, atol=0.012)
    disc = next(c for c in dissection.CONCEPTS if c.name == "disc")
    assert disc.contains([[0.45, 0.45], [0.45, 0.63], [0.9, 0.9]]).tolist() == [True, False, False]
    corner = next(c for c in dissection.CONCEPTS if c.name == "lower-left corner")
    assert corner.contains([[0.1, 0.1], [0.3, 0.3]]).tolist() == [True, False]
    assert all(len(c.outline) >= 3 for c in dissection.CONCEPTS)


def test_run_has_the_documented_shapes(small):
    for result in small.values():
        assert result.unique_detectors.shape == (3, 3)
        assert result.unique_detectors.dtype.kind == "i"
        assert result.masks.shape == (3, 3, 16, 1600)
        assert np.all(result.unique_detectors <= np.minimum(result.detectors, 8))
        assert np.all(result.detectors <= result.live[:, None])
        np.testing.assert_array_equal(result.alphas, ALPHAS)


def test_run_is_deterministic_and_each_seed_stands_alone(small):
    again = dissection.run("relu", ALPHAS, [0, 1, 2])
    np.testing.assert_array_equal(again.unique_detectors, small["relu"].unique_detectors)
    np.testing.assert_array_equal(again.best_iou, small["relu"].best_iou)
    alone = dissection.run("relu", ALPHAS, [2])
    np.testing.assert_allclose(alone.best_iou[0], small["relu"].best_iou[2], atol=1e-12)


def test_alpha_zero_reads_the_live_units_themselves(small):
    result = small["relu"]
    hidden, _, _ = dissection.train_hidden("relu", [0], result.points)
    live = hidden[0][:, np.ptp(hidden[0], axis=0) > 0]
    assert live.shape[1] == result.live[0]
    masks = dissection.top_quantile_masks(live, 0.9)
    np.testing.assert_array_equal(result.masks[0, 0, : live.shape[1]], masks.T)
    scores = dissection.iou(masks, dissection.concept_masks(result.points))
    np.testing.assert_allclose(result.best_iou[0, 0, : live.shape[1]], scores.max(axis=1))


def test_networks_learn_their_concepts(small):
    assert small["relu"].accuracy.min() > 0.97
    assert small["linear"].accuracy.max() < small["relu"].accuracy.min()   # straight lines only
    # The ReLU network's own readout rows detect every concept.
    assert small["relu"].readout_iou.min() > 0.7


def test_linear_networks_have_no_dead_units_and_relu_units_are_half_planes(small):
    np.testing.assert_array_equal(small["linear"].live, 16)
    # With two inputs, a ReLU unit's top 10% is a half-plane: only straight concepts are its best.
    relu = small["relu"]
    straight = {k for k, c in enumerate(relu.concepts) if c.name in ("top edge", "lower-left corner",
                                                                       "lower-right corner")}
    detected = relu.best_concept[:, 0][relu.best_iou[:, 0] >= 0.5]
    assert set(detected.tolist()) <= straight


def test_concept_detected_agrees_with_unique_detectors(small):
    result = small["linear"]
    assert result.concept_detected.shape == (3, 3, 8)
    np.testing.assert_array_equal(result.concept_detected.sum(axis=2), result.unique_detectors)


@pytest.mark.parametrize("kwargs, name", [
    ({"activation": "tanh"}, "activation"),
    ({"alphas": [0.0, 1.5]}, "alphas"),
    ({"alphas": []}, "alphas"),
    ({"alphas": 0.5}, "alphas"),
    ({"seeds": []}, "seeds"),
    ({"seeds": [1, 1]}, "seeds"),
    ({"seeds": [-1]}, "seeds"),
    ({"seeds": 3}, "seeds"),
    ({"threshold": 0.0}, "threshold"),
    ({"q": 1.0}, "q"),
    ({"hidden": 0}, "hidden"),
    ({"grid_size": 1}, "grid_size"),
])
def test_bad_arguments_name_themselves(kwargs, name):
    with pytest.raises(ValueError, match=name):
        nt.dissection.run(**{"seeds": [0], "alphas": [0.0], **kwargs})


def test_mask_and_iou_helpers_refuse_bad_input():
    with pytest.raises(ValueError, match="values"):
        dissection.top_quantile_masks(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="q"):
        dissection.top_quantile_masks(np.zeros((3, 2)), q=2)
    with pytest.raises(ValueError, match="masks"):
        dissection.iou(np.zeros((3, 2), bool), np.zeros((4, 2), bool))
    with pytest.raises(ValueError, match="points"):
        dissection.concept_masks(np.zeros((3, 3)))
