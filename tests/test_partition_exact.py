"""partition_2d at the edges of floating point, against the exact rational count.

The reproducers of issue 14 with their exact answers; lines near-concurrent and
near-parallel on both sides of the merge tolerance (RELATIVE_TOLERANCE, 1e-12 of
the box); and the array-level accessors of a partition against its regions.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt
from neuron_tutorial import regions as regions_module
from neuron_tutorial.partition import RELATIVE_TOLERANCE as TOL
from neuron_tutorial.slices import plane_through

from reference_partition import exact_count_2d

UNIT = ((0.0, 1.0), (0.0, 1.0))


def exact_signs(layer, points):
    """Signs of every neuron at ``points``, in rational arithmetic: ``(N, m)``."""
    rows = [(Fraction(w1), Fraction(w2), Fraction(b)) for (w1, w2), b in zip(layer.weights, layer.biases,
                                                                                strict=True)]
    return np.array([[np.sign(a * Fraction(x) + b * Fraction(y) + c) for a, b, c in rows] for x, y in points],
                    dtype=np.int8).reshape(len(points), layer.m)


def test_near_concurrent_triple_of_a_thousand_random_neurons_is_three_vertices():
    layer = nt.random_layer(1000, 2, seed=2)
    triple = nt.Layer(layer.weights[[211, 672, 932]], layer.biases[[211, 672, 932]])
    assert len(nt.partition_2d(triple)) == exact_count_2d(triple, UNIT) == 7


def test_thousand_random_neurons_seed_2_lose_no_region():
    """The count of issue 14's seed 2: 1 + lines + crossings, lines in general position."""
    layer = nt.random_layer(1000, 2, seed=2)
    w, b = layer.weights, layer.biases
    i, j = np.triu_indices(1000, 1)
    det = w[i, 0] * w[j, 1] - w[i, 1] * w[j, 0]
    x, y = (w[i, 1] * b[j] - w[j, 1] * b[i]) / det, (w[j, 0] * b[i] - w[i, 0] * b[j]) / det
    assert len(nt.partition_2d(layer)) == 1 + 1000 + np.sum((x > 0) & (x < 1) & (y > 0) & (y < 1))


@pytest.mark.parametrize("weights, biases, expected", [
    ([[1e155, 0]], [-0.5e155], 2),
    ([[1e308, 1e308], [1, 0]], [-1e308, -0.5], 4),
    ([[1e-300, 0], [0, 3e-310]], [-0.5e-300, -1e-310], 4),
])
def test_huge_and_tiny_weights(weights, biases, expected):
    layer = nt.Layer(weights, biases)
    p = nt.partition_2d(layer)
    assert len(p) == exact_count_2d(layer, UNIT) == expected
    np.testing.assert_array_equal(p.signs, exact_signs(layer, p.points))


@pytest.mark.parametrize("offset", [1e8, 1e10, -1e12])
def test_boxes_far_from_the_origin(offset):
    layer = nt.Layer([[1, 0], [0, 1]], [-(offset + 0.5)] * 2)
    p = nt.partition_2d(layer, ((offset, offset + 1),) * 2)
    np.testing.assert_array_equal(p.sizes, [0.25] * 4)
    assert sorted(r.size for r in p.regions) == [0.25] * 4
    np.testing.assert_array_equal(p.signs, exact_signs(layer, p.points))
    assert sorted(map(tuple, p.signs.tolist())) == [(-1, -1), (-1, 1), (1, -1), (1, 1)]


def test_huge_box_with_unit_scale_lines():
    layer = nt.random_layer(4, 2, seed=1)
    box = ((-1e8, 1e8), (-1e8, 1e8))
    p = nt.partition_2d(layer, box)
    assert len(p) == exact_count_2d(layer, box) == 11
    np.testing.assert_array_equal(p.signs, exact_signs(layer, p.points))
    assert p.sizes.sum() == pytest.approx(4e16, rel=1e-12)


def test_huge_interval_with_unit_scale_roots():
    layer = nt.Layer([[1.0], [2.0], [-1.0], [3.0]], [-0.25, -1.0, 0.75, -2.7])
    p = nt.partition_1d(layer, (-1e8, 1e8))
    assert len(p) == 5
    np.testing.assert_array_equal(p.breakpoints, [0.25, 0.5, 0.75, 0.9])


def test_box_whose_area_overflows_is_refused_by_name():
    with pytest.raises(ValueError, match="box must have finite"):
        nt.partition_2d(nt.random_layer(3, 2), ((-1e308, 1e308), (-1e308, 1e308)))
    with pytest.raises(ValueError, match="interval must have a finite length"):
        nt.partition_1d(nt.random_layer(3, 1), (-1e308, 1e308))


def test_plane_through_points_far_apart():
    for scale in (1e160, 1e-200):
        plane = plane_through(np.zeros(3), [scale, 0, 0], [0, scale, 0])
        np.testing.assert_array_equal(plane.u, [1, 0, 0])
        np.testing.assert_array_equal(plane.v, [0, 1, 0])
        assert plane.box[0][1] == pytest.approx(1.15 * scale)


def spread_normals(rng, k):
    """``k`` unit normals at least about 0.6 pi / k apart in angle: no two nearly parallel."""
    angles = rng.uniform(0, np.pi) + np.pi * (np.arange(k) + rng.uniform(-0.2, 0.2, size=k)) / k
    return np.stack([np.cos(angles), np.sin(angles)], axis=1) * rng.uniform(0.5, 2.0, size=(k, 1))


def clear_of_tolerance(layer, box=UNIT):
    """No line within 10 tolerances of a crossing of two others, nor two lines nearly one:
    the configurations that rounding or the tolerance could read either way."""
    (x0, x1), (y0, y1) = box
    size = max(x1 - x0, y1 - y0)
    w, b = layer.weights / np.linalg.norm(layer.weights, axis=1, keepdims=True), layer.biases
    b = b / np.linalg.norm(layer.weights, axis=1)
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    m = len(b)
    for i in range(m):
        for j in range(i + 1, m):
            gaps = np.abs(corners @ w[j] + b[j] - (corners @ w[i] + b[i]) * np.sign(w[i] @ w[j]))
            if 0 < gaps.max() <= 10 * TOL * size:
                return False
            det = w[i, 0] * w[j, 1] - w[i, 1] * w[j, 0]
            if abs(det) < 1e-9:
                continue
            point = np.array([w[i, 1] * b[j] - w[j, 1] * b[i], w[j, 0] * b[i] - w[i, 0] * b[j]]) / det
            others = np.abs(w @ point + b)
            others[[i, j]] = np.inf
            if np.any((others > 0) & (others <= 10 * TOL * size)):
                return False
    return True


@settings(max_examples=150, deadline=None)
@given(st.integers(3, 8), st.integers(0, 2**32 - 1), st.sampled_from([-4.0, -3.0, -2.0, 2.0, 3.0, 5.0]))
def test_near_concurrent_lines_merge_below_the_tolerance_only(k, seed, exponent):
    """``k`` lines through one point, each moved by about ``10^exponent`` tolerances.

    Below (1e-16 to 1e-14 of the box, rounding's size) they are one vertex: 2k
    regions. Above (1e-10 and up) every crossing is its own: the exact count.
    """
    rng = np.random.default_rng(seed)
    normals = spread_normals(rng, k)
    shift = TOL * 10**exponent * rng.uniform(0.5, 1.0, size=k) * rng.choice([-1, 1], size=k)
    centre = rng.uniform(0.3, 0.7, size=2)
    layer = nt.Layer(normals, -normals @ centre + shift * np.linalg.norm(normals, axis=1))
    p = nt.partition_2d(layer)
    if exponent < 0:
        assert len(p) == 2 * k
    else:
        assume(clear_of_tolerance(layer))
        assert len(p) == exact_count_2d(layer, UNIT) == 1 + k + k * (k - 1) // 2
    assert len({s.tobytes() for s in p.signs}) == len(p)
    assert p.sizes.sum() == pytest.approx(1.0, rel=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5), st.integers(0, 2**32 - 1), st.sampled_from([-4.0, -2.0, 2.0, 4.0, 8.0]),
       st.booleans())
def test_near_parallel_lines_are_one_boundary_below_the_tolerance_only(k, seed, exponent, turn):
    """A line and its twin, moved (and turned, if ``turn``) by about ``10^exponent`` tolerances,
    among ``k`` other lines. Below, the twin is the same boundary: the count without it,
    and the same signs. Above, they are two lines, crossing in the box if turned."""
    rng = np.random.default_rng(seed)
    normals = spread_normals(rng, k + 1)
    biases = -np.einsum("ij,ij->i", normals, rng.uniform(0.2, 0.8, size=(k + 1, 2)))
    move = TOL * 10**exponent * rng.uniform(0.5, 1.0)
    if turn:  # turn about a point inside the box by an angle that moves the line by at most ``move``
        angle, pivot = move / 2, rng.uniform(0.3, 0.7, size=2)
        base = np.array([np.cos(angle), -np.sin(angle)]), np.array([np.sin(angle), np.cos(angle)])
        twin = np.array([base[0] @ normals[0], base[1] @ normals[0]])
        twin_bias = biases[0] + normals[0] @ pivot - twin @ pivot
    else:
        twin, twin_bias = normals[0], biases[0] + move * np.linalg.norm(normals[0])
    layer = nt.Layer(np.r_[normals, [twin]], np.r_[biases, twin_bias])
    p = nt.partition_2d(layer)
    without = nt.Layer(normals, biases)
    if exponent < 0:
        assert len(p) == exact_count_2d(without, UNIT)
        np.testing.assert_array_equal(p.signs[:, 0], p.signs[:, -1])
    else:
        assume(clear_of_tolerance(layer))
        assert len(p) == exact_count_2d(layer, UNIT)
    assert len({s.tobytes() for s in p.signs}) == len(p)
    assert p.sizes.sum() == pytest.approx(1.0, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(0, 2**32 - 1), st.sampled_from([1.0, 1e-6, 1e6]),
       st.sampled_from([0.0, 1e3, -1e6]))
def test_random_layers_in_any_box_match_the_exact_count(m, seed, size, away):
    """Random lines through a box of any size, up to a million sizes away: the count and the
    signs at the regions' points are exact (farther away, floats cannot hold such points)."""
    layer = nt.random_layer(m, 2, seed=seed)
    offset = away * size
    box = ((offset, offset + size), (offset, offset + size))
    moved = nt.Layer(layer.weights, layer.biases * size - layer.weights.sum(axis=1) * offset)
    assume(clear_of_tolerance(moved, box))
    p = nt.partition_2d(moved, box)
    assert len(p) == exact_count_2d(moved, box)
    np.testing.assert_array_equal(p.signs, exact_signs(moved, p.points))
    assert p.sizes.sum() == pytest.approx(size * size, rel=1e-9)


def test_array_accessors_agree_with_the_regions():
    layer = nt.Layer(np.r_[nt.random_layer(30, 2, seed=4).weights, [[0, 0], [0, 0]]],
                     np.r_[nt.random_layer(30, 2, seed=4).biases, [0.0, -2.0]])
    p = nt.partition_2d(layer, ((-1, 2), (0, 3)))
    regions = list(p.regions)
    assert len(regions) == len(p) == len(p.points) == len(p.sizes) == len(p.offsets) - 1
    for i, region in enumerate(regions):
        np.testing.assert_array_equal(region.polygon, p.vertices[p.offsets[i] : p.offsets[i + 1]])
        np.testing.assert_allclose(region.point, p.points[i], rtol=1e-15, atol=1e-15)
        assert region.size == pytest.approx(p.sizes[i], rel=1e-12)
        np.testing.assert_array_equal(region.signs, p.signs[i])
    assert set(p.signs[:, -2]) == {0} and set(p.signs[:, -1]) == {-1}
    np.testing.assert_array_equal(p.packed_signs, np.packbits(p.signs > 0, axis=1))
    some = [5, 0, len(p) - 1, 5]
    np.testing.assert_array_equal(p.signs_of(some), p.signs[some])
    assert p.regions[-1].pattern == regions[-1].pattern
    with pytest.raises(IndexError):
        p.regions[len(p)]


def test_partition_built_from_a_list_of_regions_has_the_same_accessors():
    layer = nt.random_layer(12, 2, seed=5)
    p = nt.partition_2d(layer)
    q = nt.Partition(layer, p.domain, list(p.regions))
    for name in ("signs", "vertices", "offsets", "packed_signs"):
        np.testing.assert_array_equal(getattr(q, name), getattr(p, name))
    for name in ("points", "sizes"):  # the same up to the order of rounding
        np.testing.assert_allclose(getattr(q, name), getattr(p, name), rtol=1e-14, atol=1e-15)
    np.testing.assert_array_equal(q.locate(p.points), np.arange(len(p)))
    np.testing.assert_array_equal(q.signs_of([3, 1]), p.signs[[3, 1]])


def test_a_partition_too_large_for_memory_is_refused_early(monkeypatch):
    count = len(nt.partition_2d(nt.random_layer(120, 2, seed=0)))  # lines in general position
    monkeypatch.setattr(regions_module, "_available_bytes", lambda: 10**6)
    message = rf"partition_2d: {count:,} regions need about \d+ MiB, but only 1 MiB"
    with pytest.raises(ValueError, match=message):
        nt.partition_2d(nt.random_layer(120, 2, seed=0))
    monkeypatch.setattr(regions_module, "_available_bytes", lambda: 10**5)
    p = nt.partition_1d(nt.random_layer(20000, 1, seed=0))
    with pytest.raises(ValueError, match="the dense sign table signs: 20,001 regions need"):
        _ = p.signs


def test_cycles_tangled_by_rounding_are_still_each_walked_once():
    """The faces' fallback: a cycle whose headings turn twice has two candidate leaders."""
    from neuron_tutorial.arrangement import _faces

    following = np.array([1, 2, 0, 4, 5, 3, 6])
    outside = np.array([False] * 6 + [True])
    walk, lengths = _faces(following, outside, heading=np.array([0, 2, 1, 0, 1, 2, 0]))
    np.testing.assert_array_equal(walk, [0, 1, 2, 3, 4, 5])
    np.testing.assert_array_equal(lengths, [3, 3])
    walk, lengths = _faces(following, outside, heading=np.array([0, 1, 2, 1, 2, 0, 0]))  # untangled
    assert sorted(walk.tolist()) == [0, 1, 2, 3, 4, 5] and lengths.tolist() == [3, 3]
