import numpy as np
import pytest

import neuron_tutorial as nt


def test_layer_evaluates_every_neuron_on_batches():
    layer = nt.Layer([[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0]], [0.5, -1.0, 2.0])
    x = np.array([[[0.2, 0.4]], [[1.0, -1.0]]])  # (2, 1, 2)
    out = layer(x)
    assert out.shape == (2, 1, 3)
    np.testing.assert_allclose(out[0, 0], [0.2 + 0.8 + 0.5, -0.2 + 0.2 - 1.0, 2.0])
    np.testing.assert_allclose(layer([1.0, -1.0]), [-0.5, -2.5, 2.0])


def test_layer_is_a_read_only_copy():
    weights = np.ones((2, 1))
    layer = nt.Layer(weights, [0.0, 0.0])
    weights[0, 0] = 5.0
    assert layer.weights[0, 0] == 1.0
    with pytest.raises(ValueError):
        layer.weights[0, 0] = 3.0
    assert (layer.m, layer.n) == (2, 1)


def test_random_layer_is_seeded_and_prefix_stable():
    a = nt.random_layer(16, 2, seed=7)
    b = nt.random_layer(5, 2, seed=7)
    np.testing.assert_array_equal(a.weights[:5], b.weights)
    np.testing.assert_array_equal(a.biases[:5], b.biases)
    assert not np.array_equal(nt.random_layer(5, 2, seed=8).weights, b.weights)


def test_random_layer_boundaries_cross_the_unit_cube():
    layer = nt.random_layer(200, 2, seed=1)
    corners = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=float)
    values = layer(corners)
    assert np.all(values.min(axis=0) <= 0) and np.all(values.max(axis=0) >= 0)


def test_shifted_and_neuron():
    layer = nt.Layer([[2.0], [-1.0]], [0.0, 1.0])
    np.testing.assert_allclose(layer.shifted([1.0, -1.0]).biases, [-1.0, 2.0])
    np.testing.assert_allclose(layer.neuron(1).weights, [[-1.0]])


def test_relu():
    np.testing.assert_array_equal(nt.relu([-1.0, 0.0, 2.5]), [0.0, 0.0, 2.5])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: nt.Layer([[np.nan]], [0.0]), "weights must hold only finite"),
        (lambda: nt.Layer([[1.0]], [np.inf]), "biases must hold only finite"),
        (lambda: nt.Layer([1.0, 2.0], [0.0]), "weights must have 2 axes"),
        (lambda: nt.Layer([[1.0], [2.0]], [0.0]), r"biases must have shape \(m,\) = \(2,\)"),
        (lambda: nt.Layer(np.zeros((2, 0)), [0.0, 0.0]), "at least one column"),
        (lambda: nt.Layer([["a"]], [0.0]), "weights must be an array of numbers"),
        (lambda: nt.random_layer(2, 2)([1.0, 2.0, 3.0]), r"inputs must have shape \(\.\.\., 2\)"),
        (lambda: nt.random_layer(-1, 2), "m must be a whole number >= 0"),
        (lambda: nt.random_layer(2, 0), "n must be a whole number >= 1"),
        (lambda: nt.random_layer(2.5, 2), "m must be a whole number"),
        (lambda: nt.random_layer(2, 2, seed=-3), "seed must be a whole number"),
        (lambda: nt.random_layer(2, 1).shifted([1.0]), r"thresholds must have shape \(2,\)"),
        (lambda: nt.random_layer(2, 1).neuron(2), "k must be a neuron index"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
