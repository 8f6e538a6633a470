"""slice_layer, plane_through and the loaders against direct evaluation of the full layer."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt
from neuron_tutorial.layer import load_layer
from neuron_tutorial.slices import Plane, plane_through, slice_layer


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 12), st.integers(2, 30), st.integers(0, 2**32 - 1))
def test_slice_equals_the_full_layer_on_the_plane(m, n, seed):
    rng = np.random.default_rng(seed)
    layer = nt.Layer(rng.normal(size=(m, n)), rng.normal(size=m))
    origin, u, v = rng.normal(size=(3, n))
    st_points = rng.uniform(-2, 2, size=(40, 2))
    on_plane = origin + st_points[:, :1] * u + st_points[:, 1:] * v
    np.testing.assert_allclose(slice_layer(layer, origin, u, v)(st_points), layer(on_plane),
                               rtol=1e-10, atol=1e-10)


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 40), st.integers(0, 2**32 - 1))
def test_plane_through_passes_through_its_three_points(n, seed):
    rng = np.random.default_rng(seed)
    points = rng.normal(size=(3, n))
    plane = plane_through(*points)
    assert isinstance(plane, Plane)
    np.testing.assert_allclose([plane.u @ plane.u, plane.v @ plane.v, plane.u @ plane.v], [1, 1, 0],
                               atol=1e-12)
    coords = plane.coordinates(points)
    np.testing.assert_allclose(plane.inputs(coords), points, atol=1e-9)
    (s0, s1), (t0, t1) = plane.box
    assert np.all((coords[:, 0] > s0) & (coords[:, 0] < s1) & (coords[:, 1] > t0) & (coords[:, 1] < t1))
    layer = nt.Layer(rng.normal(size=(5, n)), rng.normal(size=5))
    sliced = slice_layer(layer, plane.origin, plane.u, plane.v)
    np.testing.assert_allclose(sliced(coords), layer(points), atol=1e-9)


def test_loaders_read_npz_and_npy_pairs(tmp_path):
    layer = nt.random_layer(6, 4, seed=3)
    np.savez(tmp_path / "layer.npz", weights=layer.weights, biases=layer.biases)
    np.savez(tmp_path / "torch_names.npz", weight=layer.weights, bias=layer.biases)
    np.save(tmp_path / "w.npy", layer.weights)
    np.save(tmp_path / "b.npy", layer.biases)
    for loaded in (nt.Layer.load(tmp_path / "layer.npz"), load_layer(tmp_path / "torch_names.npz"),
                   nt.Layer.load(tmp_path / "w.npy", tmp_path / "b.npy")):
        np.testing.assert_array_equal(loaded.weights, layer.weights)
        np.testing.assert_array_equal(loaded.biases, layer.biases)


def test_from_arrays_detaches_tensor_like_objects():
    class FakeTensor:  # what torch's nn.Linear.weight offers, without importing torch
        def __init__(self, array):
            self.array = array

        def detach(self):
            return self

        def cpu(self):
            return self

        def numpy(self):
            return self.array

    layer = nt.Layer.from_arrays(FakeTensor(np.ones((2, 3))), FakeTensor(np.zeros(2)))
    assert (layer.m, layer.n) == (2, 3)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: slice_layer(nt.random_layer(2, 3), [0, 0], [1, 0, 0], [0, 1, 0]),
         r"origin must have shape \(3,\)"),
        (lambda: slice_layer(nt.random_layer(2, 3), [0, 0, 0], [1, 0, 0], [2, 0, 0]), "not parallel"),
        (lambda: slice_layer(nt.random_layer(2, 3), [0, 0, 0], [0, 0, 0], [0, 1, 0]), "non-zero"),
        (lambda: slice_layer(nt.random_layer(2, 3), [0, 0, np.nan], [1, 0, 0], [0, 1, 0]), "finite"),
        (lambda: slice_layer("W", [0], [1], [0]), "layer must be"),
        (lambda: plane_through([0, 0], [1, 1], [2, 2]),
         "p1 - p0 and p2 - p0 must be non-zero and not parallel"),
        (lambda: plane_through([0, 0], [1, 1], [2, 2, 2]), "same shape"),
        (lambda: plane_through([0, 0], [1, 0], [0, 1], margin=-1), "margin must be >= 0"),
        (lambda: load_layer("/nonexistent/layer.npz"), "path must be an existing"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_loader_messages(tmp_path):
    np.savez(tmp_path / "other.npz", a=np.ones(2))
    with pytest.raises(ValueError, match="arrays 'weights' and 'biases'"):
        load_layer(tmp_path / "other.npz")
    np.save(tmp_path / "w.npy", np.ones((2, 2)))
    with pytest.raises(ValueError, match="biases_path must name"):
        load_layer(tmp_path / "w.npy")
    (tmp_path / "layer.txt").write_text("1 2")
    with pytest.raises(ValueError, match=r"path must end in \.npz or \.npy"):
        load_layer(tmp_path / "layer.txt")


def test_slicing_on_a_plane_keeps_its_box_for_the_partition():
    layer = nt.random_layer(12, 5, seed=3)
    points = np.random.default_rng(4).random((3, 5))
    plane = nt.plane_through(*points, margin=0.3)
    sliced = nt.slice_layer(layer, plane)
    by_vectors = nt.slice_layer(layer, plane.origin, plane.u, plane.v)
    np.testing.assert_array_equal(sliced.weights, by_vectors.weights)
    np.testing.assert_array_equal(sliced.biases, by_vectors.biases)
    assert by_vectors.box is None and sliced.box == plane.box
    assert nt.partition_2d(sliced).domain == plane.box
    assert len(nt.partition_2d(sliced)) == len(nt.partition_2d(by_vectors, plane.box))
    assert nt.partition_2d(by_vectors).domain == ((0.0, 1.0), (0.0, 1.0))
    assert nt.partition_2d(sliced, ((0, 1), (0, 1))).domain == ((0.0, 1.0), (0.0, 1.0))
    assert sliced.shifted(np.zeros(12)).box == sliced.neuron(0).box == plane.box
    with pytest.raises(ValueError, match="left out when origin is a Plane"):
        nt.slice_layer(layer, plane, plane.u)
    with pytest.raises(ValueError, match="u and v must be given"):
        nt.slice_layer(layer, plane.origin)


def test_a_network_sliced_on_a_plane_is_partitioned_in_its_box():
    network = nt.Network([nt.random_layer(8, 4, seed=1), nt.random_layer(5, 8, seed=2)])
    plane = nt.plane_through(*np.random.default_rng(5).random((3, 4)))
    sliced = network.sliced(plane)
    part = nt.partition_2d(sliced)
    assert part.domain == plane.box
    assert len(part) == len(nt.partition_2d(nt.slice_network(network, plane.origin, plane.u, plane.v),
                                            plane.box))
    assert f"{len(part)} regions" in repr(part) and f"<b>Partition({len(part)} regions" in part._repr_html_()
    assert "Network(sizes=(2, 8, 5))" in sliced._repr_html_() and "box=" in repr(sliced.layers[0])
    assert "more neurons" not in sliced.layers[0]._repr_html_()
    assert "… 4 more neurons" in nt.random_layer(12, 2)._repr_html_()


def test_version_is_the_distributions():
    from importlib.metadata import version

    assert nt.__version__ == version("neuron_tutorial")
