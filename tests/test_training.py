"""training: the generator against the reference C transcribed in numpy, the series functions
against math, the data sets against their noiseless shapes, and the gradients against
central finite differences."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt
from neuron_tutorial import training


def mulberry32_reference(seed, count):
    """Tommy Ettinger's C, line by line, in numpy's wrapping uint32 arithmetic."""
    state, out = np.uint32(seed), []
    with np.errstate(over="ignore"):
        for _ in range(count):
            state = np.uint32(state + np.uint32(0x6D2B79F5))
            z = state
            z = np.uint32((z ^ (z >> np.uint32(15))) * (z | np.uint32(1)))
            z ^= np.uint32(z + np.uint32((z ^ (z >> np.uint32(7))) * (z | np.uint32(61))))
            out.append(int(z ^ (z >> np.uint32(14))))
    return out


@pytest.mark.parametrize("seed", [0, 1, 12345, 2**32 - 1])
def test_mulberry32_matches_the_reference(seed):
    rng = training.Mulberry32(seed)
    assert [rng.uniform() * 2**32 for _ in range(500)] == mulberry32_reference(seed, 500)


def test_normals_have_the_normal_distribution():
    rng = training.Mulberry32(9)
    draws = np.array([rng.normal() for _ in range(40_000)])
    assert abs(draws.mean()) < 0.02 and abs(draws.std() - 1) < 0.02
    # Fractions within 1, 2, 3 standard deviations: 68.27%, 95.45%, 99.73%.
    for k, expected in ((1, 0.6827), (2, 0.9545), (3, 0.9973)):
        assert abs(np.mean(np.abs(draws) < k) - expected) < 0.01


@settings(max_examples=300, deadline=None)
@given(st.floats(1e-300, 1e300))
def test_series_log_matches_math(x):
    assert training._log(x) == pytest.approx(math.log(x), rel=4e-16, abs=1e-15)


@settings(max_examples=300, deadline=None)
@given(st.floats(-50, 50))
def test_series_sin_and_cos_match_math(x):
    assert abs(training._sin(x) - math.sin(x)) < 1e-14
    assert abs(training._cos(x) - math.cos(x)) < 1e-14


def test_noiseless_data_sets_lie_on_their_shapes():
    moons = training.dataset("moons", count=200, noise=0.0, seed=1)
    x, y = moons.points.T / (2 / 3)
    centre = np.where(moons.labels == 0, 0.0, 1.0), np.where(moons.labels == 0, 0.0, 0.5)
    np.testing.assert_allclose(np.hypot(x + 0.5 - centre[0], y + 0.25 - centre[1]), 1.0, atol=1e-12)
    assert np.all(np.where(moons.labels == 0, y + 0.25, 0.25 - y) >= -1e-12)
    circles = training.dataset("circles", count=200, noise=0.0, seed=1)
    np.testing.assert_allclose(np.hypot(*circles.points.T), np.where(circles.labels == 1, 0.35, 0.8))
    xor = training.dataset("xor", count=200, noise=0.0, seed=1)
    np.testing.assert_array_equal(xor.labels, np.prod(xor.points, axis=1) > 0)
    spiral = training.dataset("spiral", count=300, noise=0.0, seed=1, classes=3)
    along = (np.hypot(*spiral.points.T) - 0.05) / 0.9
    angle = 1.75 * 2 * np.pi * along + 2 * np.pi * spiral.labels / 3
    radius = (0.05 + 0.9 * along)[:, None]
    np.testing.assert_allclose(spiral.points, np.c_[np.cos(angle), np.sin(angle)] * radius, atol=1e-12)


@pytest.mark.parametrize("name", training.DATASETS)
def test_data_sets_are_balanced_deterministic_and_in_the_square(name):
    data = training.dataset(name, count=301, noise=0.1, seed=4)
    assert data.points.shape == (301, 2) and data.labels.shape == (301,)
    if name != "xor":  # xor labels by quadrant; the others alternate
        np.testing.assert_array_equal(data.labels, np.arange(301) % 2)
    assert np.all(np.abs(data.points) < 1.5)
    again = training.dataset(name, count=301, noise=0.1, seed=4)
    np.testing.assert_array_equal(again.points, data.points)
    assert not np.array_equal(training.dataset(name, count=301, noise=0.1, seed=5).points, data.points)


@pytest.mark.parametrize("kwargs, words", [
    ({"name": "swirl"}, "name"), ({"name": "moons", "classes": 3}, "classes"),
    ({"name": "xor", "noise": -1.0}, "noise"), ({"name": "xor", "count": 0}, "count"),
    ({"name": "xor", "seed": -1}, "seed")])
def test_bad_data_set_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        training.dataset(**kwargs)


def test_he_initialisation_scale():
    net = training.init_network((2, 300, 300), seed=0)
    assert net.sizes == (2, 300, 300)
    assert abs(net.layers[1].weights.std() / math.sqrt(2 / 300) - 1) < 0.02
    assert abs(net.layers[0].weights.std() - 1) < 0.1
    with pytest.raises(ValueError, match="sizes"):
        training.init_network((2,))


def numeric_gradient(net, points, labels, index, which, h=1e-6):
    layer = net.layers[index]
    params = [layer.weights.copy(), layer.biases.copy()]
    grad = np.zeros_like(params[which])
    for position in np.ndindex(grad.shape):
        losses = []
        for sign in (1, -1):
            changed = [p.copy() for p in params]
            changed[which][position] += sign * h
            layers = list(net.layers)
            layers[index] = nt.Layer(*changed)
            losses.append(training.loss_and_gradients(nt.Network(layers), points, labels)[0])
        grad[position] = (losses[0] - losses[1]) / (2 * h)
    return grad


@pytest.mark.parametrize("sizes, classes", [((2, 5, 4, 1), 2), ((2, 6, 3), 3), ((2, 1), 2)])
def test_gradients_match_finite_differences(sizes, classes):
    data = training.dataset("spiral", count=40, seed=2, classes=classes)
    net = training.init_network(sizes, seed=1)
    _, grads = training.loss_and_gradients(net, *data)
    for index, (gw, gb) in enumerate(grads):
        np.testing.assert_allclose(gw, numeric_gradient(net, *data, index, 0), atol=1e-7)
        np.testing.assert_allclose(gb, numeric_gradient(net, *data, index, 1), atol=1e-7)


def test_step_is_gradient_descent_with_momentum():
    data = training.dataset("moons", count=50, seed=0)
    net = training.init_network((2, 4, 1), seed=0)
    _, grads = training.loss_and_gradients(net, *data)
    one, velocity, _ = training.step(net, *data, rate=0.5, momentum=0.9)
    np.testing.assert_allclose(one.layers[0].weights, net.layers[0].weights - 0.5 * grads[0][0])
    _, grads_one = training.loss_and_gradients(one, *data)
    two, _, _ = training.step(one, *data, rate=0.5, momentum=0.9, velocity=velocity)
    expected = one.layers[1].biases + 0.9 * velocity[1][1] - 0.5 * grads_one[1][1]
    np.testing.assert_allclose(two.layers[1].biases, expected)
    for bad in ({"rate": 0.0}, {"momentum": 1.0}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            training.step(net, *data, **bad)
    with pytest.raises(ValueError, match="labels"):
        training.step(net, data.points, data.labels + 5)
