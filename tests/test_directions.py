"""Directions of activation space: neurons of a linear layer, rotations, piecewise readings."""

import ast
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt
from neuron_tutorial import directions as d

from strategies import layers

SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
INPUTS = np.random.default_rng(7).random((200, 2))


def test_floor_1_modules_import_only_numpy_and_the_package():
    package = Path(nt.__file__).parent
    for name in ("directions", "dissection", "superposition"):
        for node in ast.walk(ast.parse((package / f"{name}.py").read_text())):
            if isinstance(node, ast.Import):
                assert all(a.name.startswith("numpy") for a in node.names), (name, node.names)
            elif isinstance(node, ast.ImportFrom):
                assert node.level > 0 or node.module.startswith(("numpy", "__future__", "dataclasses",
                                                                 "functools")), (name, node.module)


@settings(max_examples=60, deadline=None)
@given(layers(n=2, max_m=6).filter(lambda layer: layer.m > 0), st.integers(0, 10_000))
def test_a_direction_of_a_linear_layer_is_the_neuron_wt_v_and_v_dot_b(layer, seed):
    v = np.random.default_rng(seed).standard_normal(layer.m)
    neuron = nt.direction_neuron(layer, v)
    np.testing.assert_allclose(neuron.weights[0], layer.weights.T @ v, atol=1e-12)
    np.testing.assert_allclose(neuron.biases[0], v @ layer.biases, atol=1e-12)
    np.testing.assert_allclose(neuron(INPUTS)[:, 0], layer(INPUTS) @ v, atol=1e-9)


def test_a_basis_direction_is_its_neuron():
    layer = nt.random_layer(5, 2, seed=3)
    for k in range(5):
        neuron = nt.direction_neuron(layer, np.eye(5)[k])
        np.testing.assert_array_equal(neuron.weights, layer.weights[k:k + 1])
        np.testing.assert_array_equal(neuron.biases, layer.biases[k:k + 1])


def test_hand_computed_direction():
    layer = nt.Layer([[2.0, 0.0], [0.0, 2.0]], [-1.0, -1.0])
    neuron = nt.direction_neuron(layer, np.array([1.0, 1.0]) / np.sqrt(2))
    np.testing.assert_allclose(neuron.weights, [[np.sqrt(2), np.sqrt(2)]])
    np.testing.assert_allclose(neuron.biases, [-np.sqrt(2)])


@pytest.mark.parametrize("n", [1, 2, 3, 7, 16])
def test_random_rotations_are_orthogonal_with_determinant_one(n):
    for seed in range(5):
        q = nt.random_rotation(n, seed)
        np.testing.assert_allclose(q @ q.T, np.eye(n), atol=1e-12)
        assert np.linalg.det(q) == pytest.approx(1.0)
    np.testing.assert_array_equal(nt.random_rotation(n, 4), nt.random_rotation(n, 4))


def test_random_rotations_have_no_preferred_direction():
    # Uniform on SO(3): the image of e_1 averages to the origin and its coordinates to 1/3 each.
    images = np.array([nt.random_rotation(3, s)[:, 0] for s in range(3000)])
    np.testing.assert_allclose(images.mean(axis=0), 0.0, atol=0.05)
    np.testing.assert_allclose((images**2).mean(axis=0), 1 / 3, atol=0.03)


@pytest.mark.parametrize("n", [2, 5, 16])
def test_partial_rotation_runs_from_identity_to_q_along_a_geodesic(n):
    q = nt.random_rotation(n, seed=n)
    np.testing.assert_array_equal(nt.partial_rotation(q, 0.0), np.eye(n))
    np.testing.assert_array_equal(nt.partial_rotation(q, 1), q)
    for alpha in (0.1, 0.25, 0.5, 0.9):
        p = nt.partial_rotation(q, alpha)
        np.testing.assert_allclose(p @ p.T, np.eye(n), atol=1e-10)
        assert np.linalg.det(p) == pytest.approx(1.0)
    # Along a geodesic the steps add up: Q^0.25 Q^0.5 = Q^0.75, and Q^0.5 Q^0.5 = Q.
    np.testing.assert_allclose(nt.partial_rotation(q, 0.25) @ nt.partial_rotation(q, 0.5),
                               nt.partial_rotation(q, 0.75), atol=1e-9)
    np.testing.assert_allclose(nt.partial_rotation(q, 0.5) @ nt.partial_rotation(q, 0.5), q, atol=1e-9)


def test_partial_rotation_of_a_plane_turns_part_of_the_angle():
    q = d.rotation_2d(1.2)
    np.testing.assert_allclose(nt.partial_rotation(q, 0.5), d.rotation_2d(0.6), atol=1e-12)


def test_rotated_layer_reads_q_a():
    layer = nt.random_layer(4, 2, seed=1)
    q = nt.random_rotation(4, seed=2)
    turned = nt.rotated(layer, q)
    np.testing.assert_allclose(turned(INPUTS), layer(INPUTS) @ q.T, atol=1e-12)
    # Its neuron k is the direction q[k] of the old layer.
    np.testing.assert_allclose(turned.neuron(1).weights, nt.direction_neuron(layer, q[1]).weights)


@pytest.mark.parametrize("activation", ["linear", "relu"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_pieces_reproduce_the_reading_and_cover_the_square(activation, seed):
    layer = nt.random_layer(5, 2, seed=seed)
    v = d.random_direction(5, seed + 10)
    pieces = d.direction_pieces(layer, v, activation)
    assert sum(d.polygon_area(p.polygon) for p in pieces) == pytest.approx(1.0)
    direct = d.direction_outputs(layer, v[None, :], INPUTS, activation)[:, 0]
    for piece in pieces:
        inside = np.all([(b - a)[0] * (INPUTS[:, 1] - a[1]) - (b - a)[1] * (INPUTS[:, 0] - a[0]) > 1e-9
                         for a, b in zip(piece.polygon, np.roll(piece.polygon, -1, axis=0), strict=True)],
                        axis=0)
        np.testing.assert_allclose(INPUTS[inside] @ piece.weights + piece.bias, direct[inside], atol=1e-9)


def test_linear_zero_set_is_one_straight_segment_on_the_direction_boundary():
    layer = nt.random_layer(4, 2, seed=5)
    v = d.random_direction(4, 1)
    pieces = d.direction_pieces(layer, v, "linear")
    (segment,) = d.level_segments(pieces)
    neuron = nt.direction_neuron(layer, v)
    np.testing.assert_allclose(neuron(segment)[:, 0], 0.0, atol=1e-12)
    assert not d.flat_polygons(pieces)


def test_relu_basis_direction_is_zero_on_one_side_of_one_line():
    layer = nt.random_layer(5, 2, seed=2)
    pieces = d.direction_pieces(layer, np.eye(5)[0], "relu")
    flat = sum(d.polygon_area(p) for p in d.flat_polygons(pieces))
    negative_side = d.polygon_area(d.clip_polygon(SQUARE, -layer.weights[0], -layer.biases[0]))
    assert flat == pytest.approx(negative_side)
    for seg in d.level_segments(pieces):   # every piece of the zero set lies on neuron 1's line
        np.testing.assert_allclose(layer(seg)[:, 0], 0.0, atol=1e-9)


def test_relu_random_direction_bends_at_the_boundaries():
    layer = nt.random_layer(5, 2, seed=2)
    v = d.random_direction(5, 3)
    segments = d.level_segments(d.direction_pieces(layer, v, "relu"))
    assert len(segments) >= 2
    for seg in segments:
        np.testing.assert_allclose(d.direction_outputs(layer, v[None, :], seg, "relu")[:, 0], 0.0, atol=1e-9)


def test_above_polygons_cover_the_top_of_the_reading():
    layer = nt.random_layer(6, 2, seed=4)
    v = d.random_direction(6, 0)
    values = d.direction_outputs(layer, v[None, :], d.grid(200), "relu")[:, 0]
    level = float(np.quantile(values, 0.95))
    area = sum(d.polygon_area(p) for p in d.above_polygons(d.direction_pieces(layer, v, "relu"), level))
    assert area == pytest.approx(0.05, abs=0.002)


def test_hand_computed_geometry():
    half = d.clip_polygon(SQUARE, [1.0, 0.0], -0.25)                 # x >= 0.25
    assert d.polygon_area(half) == pytest.approx(0.75)
    corner = d.clip_polygon(SQUARE, [-1.0, -1.0], 0.5)               # x + y <= 0.5
    assert d.polygon_area(corner) == pytest.approx(0.125)
    assert len(d.clip_polygon(SQUARE, [1.0, 0.0], -2.0)) == 0         # misses the square
    np.testing.assert_allclose(d.grid(2), [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]])


@pytest.mark.parametrize("call, name", [
    (lambda: nt.direction_neuron(nt.random_layer(3, 2), [1.0, 0.0]), "v"),
    (lambda: nt.direction_neuron("layer", [1.0]), "layer"),
    (lambda: nt.rotated(nt.random_layer(3, 2), np.eye(2)), "rotation"),
    (lambda: nt.random_rotation(0), "n"),
    (lambda: nt.random_rotation(3, seed=-1), "seed"),
    (lambda: nt.partial_rotation(np.eye(3), 1.5), "alpha"),
    (lambda: nt.partial_rotation(np.eye(3), float("nan")), "alpha"),
    (lambda: nt.partial_rotation(2 * np.eye(3), 0.5), "rotation"),
    (lambda: nt.partial_rotation(np.diag([1.0, 1.0, -1.0]), 0.5), "rotation"),
    (lambda: nt.partial_rotation(np.diag([-1.0, -1.0]), 0.5), "rotation"),
    (lambda: d.direction_outputs(nt.random_layer(3, 2), np.eye(3), INPUTS, "tanh"), "activation"),
    (lambda: d.direction_pieces(nt.random_layer(3, 3), np.ones(3)), "layer"),
    (lambda: d.unit_vector([0.0, 0.0]), "v"),
])
def test_bad_arguments_name_themselves(call, name):
    with pytest.raises(ValueError, match=name):
        call()
