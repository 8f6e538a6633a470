"""quantile_thresholds against brute force, and against the partition's own areas."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt

from strategies import boxes, intervals, layers

real = st.floats(-3, 3, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(real, real, real), min_size=1, max_size=4), boxes,
       st.sampled_from([0.05, 0.3, 0.5, 0.95]))
def test_exact_quantile_matches_a_fine_grid(rows, box, q):
    layer = nt.Layer([r[:2] for r in rows], [r[2] for r in rows])
    (x0, x1), (y0, y1) = box
    k = 600  # midpoints of a k x k grid: a brute-force uniform distribution on the box
    xs = x0 + (np.arange(k) + 0.5) * (x1 - x0) / k
    ys = y0 + (np.arange(k) + 0.5) * (y1 - y0) / k
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    brute = np.quantile(layer(grid), q, axis=0)
    spread = np.ptp(layer(grid), axis=0) + 1e-12
    np.testing.assert_allclose(nt.quantile_thresholds(layer, box, q), brute, atol=5e-3 * spread.max())


@settings(max_examples=60, deadline=None)
@given(layers(n=2, max_m=5), boxes, st.sampled_from([0.1, 0.5, 0.95]))
def test_high_output_region_has_area_one_minus_q(layer, box, q):
    """The high-output partition is the shifted layer's partition: its positive area is (1 - q)."""
    moving = np.any(layer.weights != 0, axis=1)
    p = nt.partition_2d(layer.shifted(nt.quantile_thresholds(layer, box, q)), box)
    (x0, x1), (y0, y1) = box
    area = np.array([r.size for r in p.regions])
    positive = (p.signs > 0).T @ area / ((x1 - x0) * (y1 - y0))
    np.testing.assert_allclose(positive[moving], 1 - q, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(layers(n=1, max_m=5), intervals, st.sampled_from([0.1, 0.5, 0.95]))
def test_high_output_interval_has_length_one_minus_q(layer, interval, q):
    moving = layer.weights[:, 0] != 0
    p = nt.partition_1d(layer.shifted(nt.quantile_thresholds(layer, interval, q)), interval)
    length = np.array([r.size for r in p.regions])
    positive = (p.signs > 0).T @ length / (interval[1] - interval[0])
    np.testing.assert_allclose(positive[moving], 1 - q, atol=1e-9)


def test_sample_domain_uses_the_empirical_quantile():
    layer = nt.random_layer(4, 3, seed=2)
    samples = np.random.default_rng(0).normal(size=(500, 3))
    np.testing.assert_allclose(nt.quantile_thresholds(layer, q=0.9, samples=samples),
                               np.quantile(layer(samples), 0.9, axis=0))


def test_constant_neuron_threshold_is_its_bias():
    layer = nt.Layer([[0.0, 0.0]], [1.5])
    assert nt.quantile_thresholds(layer, ((0, 1), (0, 1)))[0] == 1.5


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"domain": ((0, 1), (0, 1)), "q": 1.0}, "q must be a number strictly between 0 and 1"),
        ({"domain": ((0, 1), (0, 1)), "q": np.nan}, "q must hold only finite"),
        ({"domain": ((0, 1), (1, 1))}, r"domain\[1\] must satisfy lo < hi"),
        ({"domain": (0, 1)}, "domain must be"),
        ({"samples": np.zeros((0, 2))}, r"samples must have shape \(N >= 1, 2\)"),
        ({"samples": np.zeros((5, 3))}, "samples must have shape"),
        ({}, "pass exactly one of domain"),
        ({"domain": (0, 1), "samples": np.zeros((5, 2))}, "pass exactly one of domain"),
    ],
)
def test_bad_input_raises_value_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nt.quantile_thresholds(nt.random_layer(2, 2), **kwargs)
