"""nt.Network against a forward pass written out here, its validation, and slicing on a plane."""

import numpy as np
import pytest

import neuron_tutorial as nt


def forward(layers, x):
    """The network by hand: affine, ReLU, affine, ... one input at a time."""
    outputs = []
    for index, layer in enumerate(layers):
        x = [sum(w * v for w, v in zip(row, x, strict=True)) + b
             for row, b in zip(layer.weights.tolist(), layer.biases.tolist(), strict=True)]
        outputs.append(np.array(x))
        if index < len(layers) - 1:
            x = [max(v, 0.0) for v in x]
    return outputs


def test_pre_activations_match_a_forward_pass_by_hand():
    layers = [nt.random_layer(5, 3, seed=1), nt.random_layer(4, 5, seed=2), nt.random_layer(2, 4, seed=3)]
    net = nt.Network(layers)
    x = np.random.default_rng(0).normal(size=(7, 3))
    mine = net.pre_activations(x)
    for i, point in enumerate(x):
        for got, expected in zip(mine, forward(layers, point), strict=True):
            np.testing.assert_allclose(got[i], expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(net(x), mine[-1])
    assert net.sizes == (3, 5, 4, 2) and net.n == 3 and net.m == 2 and len(net) == 3
    assert net(x[0]).shape == (2,) and net(x.reshape(7, 1, 3)).shape == (7, 1, 2)


def test_network_is_frozen_and_holds_a_tuple():
    net = nt.Network([nt.random_layer(2, 2)])
    assert isinstance(net.layers, tuple)
    with pytest.raises(AttributeError):
        net.layers = ()


@pytest.mark.parametrize(
    "layers, words",
    [
        ([], "layers"),
        ([nt.random_layer(3, 2), nt.random_layer(2, 4)], "chain"),
        ([nt.random_layer(3, 2), "layer"], "layers[1]"),
        (None, "layers"),
    ],
)
def test_bad_layers_raise_value_errors_naming_them(layers, words):
    with pytest.raises(ValueError, match=words.replace("[", r"\[").replace("]", r"\]")):
        nt.Network(layers)


def test_bad_inputs_raise_value_errors_naming_them():
    net = nt.Network([nt.random_layer(3, 2), nt.random_layer(1, 3)])
    for bad in ([[np.nan, 0.0]], [[0.0, 1.0, 2.0]], 3.0):
        with pytest.raises(ValueError, match="inputs"):
            net(bad)


def test_slicing_reads_the_network_on_the_plane():
    layers = [nt.random_layer(6, 5, seed=4), nt.random_layer(3, 6, seed=5)]
    net = nt.Network(layers)
    rng = np.random.default_rng(1)
    p0, p1, p2 = rng.normal(size=(3, 5))
    plane = nt.plane_through(p0, p1, p2)
    st = rng.uniform(-1, 1, size=(20, 2))
    for sliced in (net.sliced(plane), nt.slice_network(net, plane),
                   nt.slice_network(net, plane.origin, plane.u, plane.v)):
        assert sliced.sizes == (2, 6, 3)
        assert sliced.layers[1] is layers[1]
        for a, b in zip(sliced.pre_activations(st), net.pre_activations(plane.inputs(st)), strict=True):
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


def test_slicing_refuses_bad_arguments():
    net = nt.Network([nt.random_layer(3, 4)])
    plane = nt.plane_through(*np.eye(4)[:3])
    with pytest.raises(ValueError, match="network"):
        nt.slice_network(net.layers[0], plane)
    with pytest.raises(ValueError, match="u and v"):
        nt.slice_network(net, plane, plane.u, plane.v)
    with pytest.raises(ValueError, match="u and v"):
        nt.slice_network(net, plane.origin)
    with pytest.raises(ValueError, match="origin"):
        nt.slice_network(net, np.zeros(3), plane.u, plane.v)
