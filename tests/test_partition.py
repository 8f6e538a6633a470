"""partition_1d and partition_2d against independent answers.

The region counts are checked against the counting formulas evaluated in exact
rational arithmetic (fractions), not with the code under test:
1-D: 1 + distinct boundary points strictly inside;
2-D: 1 + lines crossing the open box + sum over inner intersection points of
(lines through the point - 1).
"""

import math
from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt

from strategies import boxes, intervals, layers


def exact_count_1d(layer, interval):
    lo, hi = (Fraction(v) for v in interval)
    roots = {Fraction(-int(b), int(w)) for (w,), b in zip(layer.weights, layer.biases, strict=True) if w != 0}
    return 1 + sum(lo < r < hi for r in roots)


def exact_count_2d(layer, box):
    (x0, x1), (y0, y1) = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    lines = set()
    for (a, b), c in zip(layer.weights.astype(int).tolist(), layer.biases.astype(int).tolist(), strict=True):
        values = [a * x + b * y + c for x, y in corners]
        if (a, b) != (0, 0) and min(values) < 0 < max(values):
            g = math.gcd(a, b, c)
            a, b, c = a // g, b // g, c // g
            if (a, b) < (0, 0):  # (w, b) and (-w, -b) are the same line
                a, b, c = -a, -b, -c
            lines.add((a, b, c))
    through = {}
    for (a1, b1, c1), (a2, b2, c2) in combinations(lines, 2):
        det = a1 * b2 - a2 * b1
        if det == 0:
            continue
        x = Fraction(b1 * c2 - b2 * c1, det)
        y = Fraction(c1 * a2 - c2 * a1, det)
        if x0 < x < x1 and y0 < y < y1:
            through.setdefault((x, y), set()).update({(a1, b1, c1), (a2, b2, c2)})
    return 1 + len(lines) + sum(len(ls) - 1 for ls in through.values())


def check_regions(layer, partition, domain_size):
    signs = partition.signs
    assert signs.shape == (len(partition), layer.m)
    assert len({s.tobytes() for s in signs}) == len(partition), "sign patterns repeat"
    assert sum(r.size for r in partition.regions) == pytest.approx(domain_size, rel=1e-9)
    points = np.array([r.point for r in partition.regions])
    inside = np.sign(layer(points)).astype(np.int8)
    constant = np.all(layer.weights == 0, axis=1)
    np.testing.assert_array_equal(np.where(constant, np.sign(layer.biases), inside), signs)
    np.testing.assert_array_equal(partition.locate(points), np.arange(len(partition)))


@settings(max_examples=300, deadline=None)
@given(layers(n=1), intervals)
def test_partition_1d_matches_counting_formula(layer, interval):
    p = nt.partition_1d(layer, interval)
    assert len(p) == exact_count_1d(layer, interval)
    check_regions(layer, p, interval[1] - interval[0])
    ends = [r.interval for r in p.regions]
    assert ends[0][0] == interval[0] and ends[-1][1] == interval[1]
    assert all(a[1] == b[0] for a, b in zip(ends, ends[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(layers(n=2), boxes)
def test_partition_2d_matches_counting_formula(layer, box):
    p = nt.partition_2d(layer, box)
    assert len(p) == exact_count_2d(layer, box)
    (x0, x1), (y0, y1) = box
    check_regions(layer, p, (x1 - x0) * (y1 - y0))


@settings(max_examples=100, deadline=None)
@given(layers(n=2), boxes)
def test_polygons_are_convex_counter_clockwise_and_inside_the_box(layer, box):
    (x0, x1), (y0, y1) = box
    for region in nt.partition_2d(layer, box).regions:
        poly = region.polygon
        edges = np.roll(poly, -1, axis=0) - poly
        following = np.roll(edges, -1, axis=0)
        turns = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
        assert len(poly) >= 3 and np.all(turns > 0), "not strictly convex and counter-clockwise"
        assert np.all(poly >= [x0 - 1e-9, y0 - 1e-9]) and np.all(poly <= [x1 + 1e-9, y1 + 1e-9])


@settings(max_examples=100, deadline=None)
@given(layers(n=2, max_m=6), boxes, st.integers(0, 2**32 - 1))
def test_every_sampled_sign_pattern_is_a_region(layer, box, seed):
    """Brute force: the patterns seen at random points are exactly regions' patterns."""
    (x0, x1), (y0, y1) = box
    rng = np.random.default_rng(seed)
    points = rng.uniform([x0, y0], [x1, y1], size=(2000, 2))
    p = nt.partition_2d(layer, box)
    seen = np.sign(layer(points)).astype(np.int8)
    index = p.locate(points)
    assert np.all(index >= 0)
    clear = np.all((np.abs(layer(points)) > 1e-9) | (seen == p.signs[index]), axis=1)
    np.testing.assert_array_equal(p.signs[index][clear], seen[clear])


def test_random_layer_at_scale_has_distinct_patterns_and_full_area():
    layer = nt.random_layer(200, 2, seed=3)
    p = nt.partition_2d(layer)
    check_regions(layer, p, 1.0)
    assert 1 + 200 < len(p) <= 1 + 200 + 200 * 199 // 2


def test_degenerate_layer_by_hand():
    """Zero row, duplicate, opposite duplicate, three concurrent lines, an edge, a miss."""
    layer = nt.Layer(
        [[0, 0], [0, 0], [1, 0], [1, 0], [-1, 0], [0, 1], [1, -1], [0, 1], [1, 1]],
        [0.5, 0, -0.5, -0.5, 0.5, -0.5, 0, 0, 5],
    )
    p = nt.partition_2d(layer)
    # x = 0.5, y = 0.5 and y = x meet at (0.5, 0.5): 6 regions; y = 0 is an edge, x + y = -5 misses.
    assert len(p) == 6
    assert set(p.signs[:, 0]) == {1} and set(p.signs[:, 1]) == {0}
    np.testing.assert_array_equal(p.signs[:, 2], p.signs[:, 3])
    np.testing.assert_array_equal(p.signs[:, 2], -p.signs[:, 4])
    assert set(p.signs[:, 7]) == {1} and set(p.signs[:, 8]) == {1}


def test_empty_layer_is_one_region():
    layer = nt.Layer(np.zeros((0, 2)), np.zeros(0))
    p = nt.partition_2d(layer)
    assert len(p) == 1 and p.signs.shape == (1, 0)
    assert len(nt.partition_1d(nt.Layer(np.zeros((0, 1)), np.zeros(0)))) == 1


def test_locate_points_outside_and_on_boundaries():
    layer = nt.Layer([[1.0, 0.0]], [-0.5])
    p = nt.partition_2d(layer)
    index = p.locate([[0.25, 0.5], [0.75, 0.5], [0.5, 0.5], [2.0, 0.5]])
    assert p.regions[index[0]].signs[0] == -1 and p.regions[index[1]].signs[0] == 1
    assert index[2] in (0, 1) and index[3] == -1
    p1 = nt.partition_1d(nt.Layer([[1.0]], [-0.5]))
    assert list(p1.locate([[0.1], [0.9], [0.5], [-1.0]])) == [0, 1, 1, -1]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: nt.partition_1d(nt.random_layer(3, 2)), "layer must read 1-dimensional"),
        (lambda: nt.partition_2d(nt.random_layer(3, 1)), "layer must read 2-dimensional"),
        (lambda: nt.partition_1d(nt.random_layer(3, 1), (1.0, 1.0)), "interval must satisfy lo < hi"),
        (lambda: nt.partition_1d(nt.random_layer(3, 1), (0.0, np.inf)), "interval must hold only finite"),
        (lambda: nt.partition_1d(nt.random_layer(3, 1), (0.0, 1.0, 2.0)), "interval must be a pair"),
        (lambda: nt.partition_2d(nt.random_layer(3, 2), ((0, 1), (2, 2))), r"box\[1\] must satisfy"),
        (lambda: nt.partition_2d(nt.random_layer(3, 2), (0, 1)), "box must be"),
        (lambda: nt.partition_2d(nt.random_layer(3, 2), ((0, np.nan), (0, 1))), "finite"),
        (lambda: nt.partition_2d("layer"), "layer must be a neuron_tutorial.Layer"),
        (lambda: nt.partition_2d(nt.random_layer(3, 2)).locate([[0.5, 0.5, 0.5]]), "points must have shape"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
