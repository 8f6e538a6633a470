"""Network Dissection of the digits networks: shapes, determinism, and every step against brute force."""

import statistics

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial import detectors, digit_concepts, digit_dissection
from neuron_tutorial.digits import load_digit_images, split, train_networks
from neuron_tutorial.directions import partial_rotation, random_rotation

pytest.importorskip("sklearn", reason="the digits example needs scikit-learn (docs extra)")

ALPHAS = [0.0, 0.5, 1.0]
SEEDS = [3, 4]
STEPS = 30        # enough to learn something, few enough for a quick test


@pytest.fixture(scope="module")
def runs():
    return {(a, t): nt.dissection.run(a, ALPHAS, SEEDS, data="digits", trained=t, steps=STEPS)
            for a in ("relu", "linear") for t in (True, False)}


def test_shapes_and_types(runs):
    for result in runs.values():
        for name in ("detectors", "unique_detectors"):
            assert getattr(result, name).shape == (2, 3) and getattr(result, name).dtype.kind == "i"
        for name in ("kurtosis", "mean_iou"):
            assert getattr(result, name).shape == (2, 3) and getattr(result, name).dtype.kind == "f"
        assert result.best_iou.shape == result.best_concept.shape == (2, 3, 64)
        assert result.top_images.shape == (2, 3, 64, digit_dissection.TOP)
        assert result.images.shape == (540, 64) and result.truth.shape == (540, 44)
        assert np.all(result.unique_detectors <= result.detectors)
        assert np.all(result.detectors <= result.live[:, None])


def test_deterministic_and_each_seed_stands_alone(runs):
    again = nt.dissection.run("relu", ALPHAS, SEEDS, data="digits", steps=STEPS)
    np.testing.assert_array_equal(again.best_iou, runs["relu", True].best_iou)
    np.testing.assert_array_equal(again.top_images, runs["relu", True].top_images)
    alone = nt.dissection.run("relu", ALPHAS, SEEDS[1:], data="digits", steps=STEPS)
    np.testing.assert_allclose(alone.best_iou[0], runs["relu", True].best_iou[1], atol=1e-12)


def test_untrained_networks_are_the_trained_ones_start(runs):
    start = train_networks("relu", SEEDS, steps=0)
    images, _ = load_digit_images()
    hidden = start.hidden(images[split()[1]])
    np.testing.assert_array_equal(runs["relu", False].live, (np.ptp(hidden, axis=1) > 0).sum(axis=1))
    assert runs["relu", True].test_accuracy.min() > 0.8          # chance is 0.1
    assert runs["linear", True].test_accuracy.min() > 0.8
    np.testing.assert_array_equal(runs["linear", True].live, 64)  # a linear unit is never constant


def test_alpha_zero_is_the_live_units_scored_by_sets(runs):
    """Network 0 at α = 0, rebuilt from the trained layer with Python sets."""
    result = runs["relu", True]
    nets = train_networks("relu", SEEDS, steps=STEPS)
    acts = nets.hidden(result.images)[0]
    live = [j for j in range(64) if acts[:, j].max() > acts[:, j].min()]
    assert len(live) == result.live[0]
    concepts = [set(np.flatnonzero(column)) for column in result.truth.T]
    n = len(acts)
    for slot, unit in enumerate(live):
        order = sorted(range(n), key=lambda i: -acts[i, unit])
        cut = np.quantile(acts[:, unit], 0.9)
        mask = {i for i in order if acts[i, unit] > cut}
        scores = [len(mask & c) / len(mask | c) if mask | c else 0.0 for c in concepts]
        assert result.best_iou[0, 0, slot] == pytest.approx(max(scores))
        assert scores[result.best_concept[0, 0, slot]] == pytest.approx(max(scores))
        assert list(result.top_images[0, 0, slot]) == order[: digit_dissection.TOP]
    assert np.all(result.best_concept[0, 0, len(live):] == -1)
    assert np.all(np.isnan(result.direction_kurtosis[0, 0, len(live):]))


def test_dead_units_are_left_out_before_rotating():
    rng = np.random.default_rng(5)
    acts = np.maximum(rng.normal(size=(200, 6)), 0.0)
    truth = rng.random((200, 4)) < 0.1
    with_dead = np.insert(acts, [2, 4], 0.0, axis=1)                 # two dead units among eight
    k, best, concept, kurt, top = digit_dissection.dissect_activations(with_dead, truth, ALPHAS, 9)
    k0, *expected = digit_dissection.dissect_activations(acts, truth, ALPHAS, 9)
    assert k == k0 == 6
    for got, want in zip((best, concept, kurt, top), expected, strict=True):
        np.testing.assert_array_equal(got[:, :6], want[:, :6])
    assert np.all(concept[:, 6:] == -1)
    values = acts @ random_rotation(6, 9)                           # α = 1: the full rotation
    np.testing.assert_allclose(kurt[2, :6], detectors.excess_kurtosis(values))


def test_rotation_at_alpha_zero_is_the_identity():
    q = random_rotation(7, 1)
    np.testing.assert_array_equal(partial_rotation(q, 0.0), np.eye(7))
    np.testing.assert_array_equal(partial_rotation(q, 1.0), q)


def test_excess_kurtosis_of_known_laws():
    rng = np.random.default_rng(6)
    samples = np.stack([rng.uniform(-1, 1, 400_000), rng.laplace(0, 1, 400_000),
                        rng.normal(0, 1, 400_000)], axis=1)
    np.testing.assert_allclose(detectors.excess_kurtosis(samples), [-1.2, 3.0, 0.0], atol=0.1)
    # Bernoulli(p): (1 - 6p(1-p)) / (p(1-p)), exactly for a sample with the share p of ones.
    p = 0.25
    exact = detectors.excess_kurtosis(np.array([[0.0], [0.0], [0.0], [1.0]]))[0]
    assert exact == pytest.approx((1 - 6 * p * (1 - p)) / (p * (1 - p)))
    assert np.isnan(detectors.excess_kurtosis(np.ones((5, 1)))[0])


def test_paired_differences_and_their_spread(runs):
    result = runs["relu", True]
    for measure in ("detectors", "unique_detectors", "mean_iou", "kurtosis"):
        values = getattr(result, measure)
        np.testing.assert_array_equal(result.paired(measure), values[:, 0] - values[:, 2])
    diff = [3.0, -1.0, 2.0, 0.0]
    summary = detectors.spread(diff)
    assert summary == {"mean": statistics.mean(diff), "sd": pytest.approx(statistics.stdev(diff)),
                       "positive": 2, "negative": 1, "n": 4}


def test_concepts_are_those_of_the_held_out_images(runs):
    result = runs["linear", False]
    images, digits = load_digit_images()
    np.testing.assert_array_equal(result.images, images[result.index])
    np.testing.assert_array_equal(result.truth, digit_concepts.labels(result.images, result.digits,
                                                                      reference=images))
    assert set(result.index) & set(split()[0]) == set()            # never trained on


def test_the_toy_world_still_runs_and_has_a_baseline():
    trained = nt.dissection.run("relu", ALPHAS, [0])
    untrained = nt.dissection.run("relu", ALPHAS, [0], trained=False)
    assert trained.unique_detectors.shape == untrained.unique_detectors.shape == (1, 3)
    assert untrained.accuracy[0] < trained.accuracy[0]
    assert trained.mean_iou.shape == (1, 3)


@pytest.mark.parametrize("kwargs, name", [
    ({"data": "mnist"}, "data"),
    ({"trained": "yes"}, "trained"),
    ({"grid_size": 10}, "grid_size"),
    ({"hidden": 0}, "hidden"),
    ({"steps": -1}, "steps"),
    ({"threshold": 1.5}, "threshold"),
    ({"activation": "tanh"}, "activation"),
])
def test_bad_arguments_name_themselves(kwargs, name):
    with pytest.raises(ValueError, match=name):
        nt.dissection.run(**{"seeds": [0], "alphas": [0.0], "data": "digits", **kwargs})


def test_paired_refuses_what_it_cannot_compute(runs):
    with pytest.raises(ValueError, match="measure"):
        runs["relu", True].paired("accuracy")
    half = nt.dissection.run("linear", [0.0, 0.5], [0], data="digits", steps=0)
    with pytest.raises(ValueError, match="alphas"):
        half.paired("detectors")
    with pytest.raises(ValueError, match="differences"):
        detectors.spread([])


@pytest.mark.parametrize("activation", ["linear", "relu"])
def test_training_commutes_with_a_rotation_of_the_hidden_layer_only_without_relu(activation):
    """Why the linear control favours no basis: a rotated start trains into the rotated network."""
    start = train_networks(activation, [7], steps=0)
    q = random_rotation(64, 8)
    turned = type(start)(activation, q @ start.weights, start.biases @ q.T, start.readout @ q.T,
                         start.readout_biases, start.train_accuracy, start.test_accuracy)
    plain = train_networks(activation, [7], steps=10)
    rotated = train_networks(activation, [7], steps=10, start=turned)
    same = np.allclose(rotated.weights, q @ plain.weights, atol=1e-9) and np.allclose(
        rotated.readout, plain.readout @ q.T, atol=1e-9)
    assert same == (activation == "linear")
