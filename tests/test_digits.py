"""The trained digits example: deterministic, accurate, and readable on a plane of three images."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.digits import train_digits
from neuron_tutorial.slices import plane_through, slice_layer

pytest.importorskip("sklearn", reason="the digits example needs scikit-learn (docs extra)")


@pytest.fixture(scope="module")
def example():
    return train_digits(hidden=32, epochs=60, seed=1)


def test_training_is_deterministic_and_learns(example):
    again = train_digits(hidden=32, epochs=60, seed=1)
    np.testing.assert_array_equal(again.layer.weights, example.layer.weights)
    assert example.layer.weights.shape == (32, 64)
    assert example.accuracy > 0.8  # chance is 0.1


def test_plane_through_three_digits_partitions_exactly(example):
    images = np.stack([example.first(0), example.first(1), example.first(7)])
    plane = plane_through(*images)
    sliced = slice_layer(example.layer, plane.origin, plane.u, plane.v)
    partition = nt.partition_2d(sliced, plane.box)
    where = partition.locate(plane.coordinates(images))
    np.testing.assert_array_equal(partition.signs[where], np.sign(example.layer(images)))


def test_bad_arguments():
    with pytest.raises(ValueError, match="hidden must be a whole number >= 1"):
        train_digits(hidden=0)
