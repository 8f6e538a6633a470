"""partition_1d and partition_2d against independent answers.

The region counts are checked against the counting formulas evaluated in exact
rational arithmetic (fractions), not with the code under test:
1-D: 1 + distinct boundary points strictly inside;
2-D: 1 + lines crossing the open box + sum over inner intersection points of
(lines through the point - 1).
partition_2d is also compared region by region with the slow line-by-line
splitting of reference_partition.py, and tried on lines rounded from exact
rational ones, on nearly concurrent or parallel lines, and on degenerate
layers nudged by about the tolerance.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt

from reference_partition import exact_count_2d, exact_count_rows, reference_partition
from strategies import boxes, intervals, layers


def exact_count_1d(layer, interval):
    lo, hi = (Fraction(v) for v in interval)
    roots = {Fraction(-int(b), int(w)) for (w,), b in zip(layer.weights, layer.biases, strict=True) if w != 0}
    return 1 + sum(lo < r < hi for r in roots)


def check_regions(layer, partition, domain_size, tiny=False):
    """Distinct patterns, full area, and each region's pattern at its point and found by ``locate``.

    ``tiny``: regions may be smaller than the tolerance, so ``locate`` (which
    counts points that close to a line as on it) is checked only elsewhere.
    """
    signs = partition.signs
    assert signs.shape == (len(partition), layer.m)
    assert len({s.tobytes() for s in signs}) == len(partition), "sign patterns repeat"
    assert sum(r.size for r in partition.regions) == pytest.approx(domain_size, rel=1e-9)
    points = np.array([r.point for r in partition.regions])
    inside = np.sign(layer(points)).astype(np.int8)
    constant = np.all(layer.weights == 0, axis=1)
    np.testing.assert_array_equal(np.where(constant, np.sign(layer.biases), inside), signs)
    clear = np.ones(len(points), dtype=bool)
    if tiny:
        norms = np.linalg.norm(layer.weights, axis=1)
        clear = np.all(np.abs(layer(points)) > 1e-8 * norms, axis=1)
    np.testing.assert_array_equal(partition.locate(points)[clear], np.arange(len(partition))[clear])


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


@settings(max_examples=300, deadline=None)
@given(layers(n=2), boxes)
def test_polygons_are_convex_counter_clockwise_and_inside_the_box(layer, box):
    check_polygons(nt.partition_2d(layer, box), box)


def check_polygons(partition, box):
    (x0, x1), (y0, y1) = box
    for region in partition.regions:
        poly = region.polygon
        edges = np.roll(poly, -1, axis=0) - poly
        following = np.roll(edges, -1, axis=0)
        turns = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
        assert len(poly) >= 3 and np.all(turns > 0), "not strictly convex and counter-clockwise"
        assert np.all(poly >= [x0 - 1e-9, y0 - 1e-9]) and np.all(poly <= [x1 + 1e-9, y1 + 1e-9])


@settings(max_examples=200, deadline=None)
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


def check_agrees_with_reference(layer, box):
    """Same regions as the slow line-by-line splitting: count, sign patterns and area of each."""
    p = nt.partition_2d(layer, box)
    signs, polygons = reference_partition(layer, box)
    assert len(p) == len(signs)
    mine = {r.signs.tobytes(): r.size for r in p.regions}
    reference = {s.tobytes(): shoelace(poly) for s, poly in zip(signs, polygons, strict=True)}
    assert mine.keys() == reference.keys()
    (x0, x1), (y0, y1) = box
    for pattern, area in mine.items():
        assert area == pytest.approx(reference[pattern], abs=1e-9 * (x1 - x0) * (y1 - y0))
    return p


def shoelace(poly):
    x, y = poly.T
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


@settings(max_examples=300, deadline=None)
@given(layers(n=2), boxes)
def test_degenerate_layers_agree_with_reference(layer, box):
    check_agrees_with_reference(layer, box)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 60), st.integers(0, 2**32 - 1))
def test_random_layers_agree_with_reference_and_exact_count(m, seed):
    layer = nt.random_layer(m, 2, seed=seed)
    box = ((0.0, 1.0), (0.0, 1.0))
    p = check_agrees_with_reference(layer, box)
    assert len(p) == exact_count_2d(layer, box)  # the floats read as exact rationals
    check_regions(layer, p, 1.0)


denominators = st.sampled_from([3, 7, 10, 49])


@st.composite
def rounded_layers(draw):
    """Rational lines ``(a x + b y + c) / q = 0`` with small integers, divided in floating point.

    The exact lines are as degenerate as ``strategies.layers`` (concurrent,
    duplicated, through corners); rounding moves each by about 1e-16, which the
    partition must not mistake for tiny regions. Returns the layer and the exact rows.
    """
    row = st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-6, 6), denominators)
    pool = draw(st.lists(row, min_size=1, max_size=4))
    rows = draw(st.lists(st.sampled_from(pool) | row, max_size=9))
    layer = nt.Layer(np.array([[a / q, b / q] for a, b, _, q in rows]).reshape(-1, 2),
                     np.array([c / q for *_, c, q in rows]))
    return layer, [(Fraction(a, q), Fraction(b, q), Fraction(c, q)) for a, b, c, q in rows]


@settings(max_examples=300, deadline=None)
@given(rounded_layers(), boxes, denominators)
def test_rounding_does_not_split_concurrent_lines(layer_and_rows, box, q):
    layer, rows = layer_and_rows
    exact_box = ((Fraction(box[0][0], q), box[0][1]), (box[1][0], Fraction(2 * box[1][1], q)))
    box = tuple((float(lo), float(hi)) for lo, hi in exact_box)  # rounded like the lines
    p = nt.partition_2d(layer, box)
    assert len(p) == exact_count_rows(rows, exact_box)
    check_polygons(p, box)
    (x0, x1), (y0, y1) = box
    assert sum(r.size for r in p.regions) == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-9)
    assert len({r.signs.tobytes() for r in p.regions}) == len(p)


@pytest.mark.parametrize("shift", [0.0, 1e-15, 1e-14, 1e-6, 1e-3])
@pytest.mark.parametrize("seed", range(5))
def test_nearly_concurrent_lines(shift, seed):
    """k lines through one point, each moved by ``shift``: concurrent below the tolerance (1e-12
    of the box), apart above (test_partition_exact.py tries shifts near the tolerance)."""
    rng = np.random.default_rng(seed)
    k, centre = 12, rng.uniform(0.3, 0.7, size=2)
    normals = rng.standard_normal((k, 2))
    biases = -normals @ centre + shift * rng.choice([-1.0, 1.0], size=k) * np.linalg.norm(normals, axis=1)
    layer = nt.Layer(normals, biases)
    p = nt.partition_2d(layer)
    if shift < 1e-13:  # well within the tolerance: one point, 2k regions
        assert len(p) == 2 * k
    else:
        assert len(p) == exact_count_2d(layer, ((0, 1), (0, 1))) == 1 + k + k * (k - 1) // 2
    check_polygons(p, ((0, 1), (0, 1)))
    check_regions(layer, p, 1.0, tiny=True)


@pytest.mark.parametrize("angle", [1e-6, 1e-4, 1e-2])
def test_nearly_parallel_lines(angle):
    """Lines turned by tiny angles from each other still cross where the exact formula says."""
    rng = np.random.default_rng(1)
    k = 8
    turns = angle * np.arange(k) + 0.3
    normals = np.stack([np.cos(turns), np.sin(turns)], axis=1)
    points = rng.uniform(0.2, 0.8, size=(k, 2))
    layer = nt.Layer(normals, -np.einsum("ij,ij->i", normals, points))
    p = nt.partition_2d(layer)
    assert len(p) == exact_count_2d(layer, ((0, 1), (0, 1)))
    check_polygons(p, ((0, 1), (0, 1)))
    check_regions(layer, p, 1.0)


@pytest.mark.parametrize("seed", range(20))
def test_bundles_of_nearly_parallel_lines_through_one_point(seed):
    """Lines 1e-6 apart in angle through one point: their crossings are known only to about
    1e-10, so rounding scatters them around the point; they must still make one vertex,
    with two regions per boundary (lines within the tolerance of each other are one)."""
    rng = np.random.default_rng(seed)
    k = rng.integers(4, 16)
    angles = rng.choice(rng.uniform(0, np.pi, size=3), k) + 1e-6 * rng.standard_normal(k)
    normals = np.stack([np.cos(angles), np.sin(angles)], axis=1) * rng.uniform(0.5, 3, (k, 1))
    layer = nt.Layer(normals, -normals @ rng.uniform(0.2, 0.8, size=2))
    check_valid_partition(layer, ((0, 1), (0, 1)))
    signs = nt.partition_2d(layer).signs
    boundaries = {tuple(column * column[0]) for column in signs.T}  # a column up to orientation
    assert len(signs) == 2 * len(boundaries)


nudges = st.sampled_from([1e-13, 1e-11, 1e-10, 3e-10, 1e-9, 2e-9, 5e-9, 1e-8])


def nudged(weights, biases, nudge, seed):
    """The layer with every nonzero weight and every bias moved by about ``nudge``."""
    weights, biases = np.asarray(weights, dtype=float), np.asarray(biases, dtype=float)
    rng = np.random.default_rng(seed)
    moved = weights + nudge * rng.standard_normal(weights.shape) * (weights != 0)
    return nt.Layer(moved, biases + nudge * rng.standard_normal(len(biases)))


def check_valid_partition(layer, box):
    """Convex regions with distinct patterns, right away from the lines, that tile the box."""
    p = nt.partition_2d(layer, box)
    check_polygons(p, box)
    (x0, x1), (y0, y1) = box
    assert sum(r.size for r in p.regions) == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-8)
    assert len({r.signs.tobytes() for r in p.regions}) == len(p), "sign patterns repeat"
    points = np.array([r.point for r in p.regions])
    norms = np.linalg.norm(layer.weights, axis=1)
    clear = np.abs(layer(points)) > 1e-7 * norms  # points this far from every line
    np.testing.assert_array_equal(np.sign(layer(points))[clear], p.signs[clear])


@settings(max_examples=300, deadline=None)
@given(layers(n=2, max_m=14), boxes, nudges, st.integers(0, 2**32 - 1))
def test_layers_nudged_by_about_the_tolerance_still_partition_the_box(layer, box, nudge, seed):
    """Degenerate layers moved by about the tolerance.

    Features as small as the tolerance may go either way (merged or kept), but
    the partition must stay valid: nearly parallel lines that would meet twice
    after merging, chains of merges, crossings that rounding puts apart.
    """
    check_valid_partition(nudged(layer.weights, layer.biases, nudge, seed), box)


@pytest.mark.parametrize(
    "weights, biases, box, nudge, seed",
    [  # cases that broke earlier versions of the arrangement
        ([[0, 0]] * 2 + [[1, -1]] * 2, [0, 0, -2, -2], ((0, 1), (-2, 1)), 5e-9, 0),
        ([[-3, 1]] + [[0, 0]] * 6 + [[-3, 1]], [2] + [0] * 6 + [2], ((0, 2), (0, 1)), 5e-9, 436),
        ([[1, -1]] + [[0, 0]] * 5 + [[1, -1]] + [[0, 0]] * 2, [0] * 9, ((0, 1), (0, 1)), 2e-9, 180),
        ([[0, 0]] * 3 + [[0, -1]] + [[0, 0]] * 2 + [[-2, 3]], [0] * 6 + [-4], ((-2, 1), (0, 1)), 5e-9,
         1132646098),
        ([[1, -1]] * 6, [0] * 6, ((-1, 1), (-1, 1)), 2e-9, 308757),
        ([[-1, 2]] * 2 + [[0, 0]] + [[-1, 2]] * 2 + [[0, -2]] + [[-1, 2]] * 8,
         [-1, -1, 0, -1, -1, 2] + [-1] * 8, ((-1, 1), (-1, 2)), 5e-9, 2383),
        ([[1, -1], [-0.25, 1]], [-1.1754943508222875e-38, -6.890275554833829e-10], ((0, 1), (0, 1)), 0, 0),
    ],
)
def test_nudged_layers_that_once_broke(weights, biases, box, nudge, seed):
    check_valid_partition(nudged(weights, biases, nudge, seed), box)


def test_thousand_random_neurons():
    """m = 1000: a count between the bounds that matches the formula, full area, distinct patterns."""
    layer = nt.random_layer(1000, 2, seed=0)
    p = nt.partition_2d(layer)
    normals = layer.weights
    i, j = np.triu_indices(1000, 1)
    det = normals[i, 0] * normals[j, 1] - normals[i, 1] * normals[j, 0]
    x = (normals[i, 1] * layer.biases[j] - normals[j, 1] * layer.biases[i]) / det
    y = (normals[j, 0] * layer.biases[i] - normals[i, 0] * layer.biases[j]) / det
    crossings = np.sum((x > 0) & (x < 1) & (y > 0) & (y < 1))  # random lines: no three concurrent
    assert len(p) == 1 + 1000 + crossings
    assert 1 + 1000 < len(p) <= 1 + 1000 + 1000 * 999 // 2
    corners = np.concatenate([r.polygon for r in p.regions])
    following = np.concatenate([np.roll(r.polygon, -1, axis=0) for r in p.regions])
    area = 0.5 * np.sum(corners[:, 0] * following[:, 1] - corners[:, 1] * following[:, 0])  # shoelace
    assert area == pytest.approx(1.0, rel=1e-9)
    signs = p.signs
    assert len({s.tobytes() for s in signs}) == len(p)
    some = np.random.default_rng(0).choice(len(p), size=2000, replace=False)
    points = np.array([p.regions[i].point for i in some])
    np.testing.assert_array_equal(np.sign(layer(points)).astype(np.int8), signs[some])


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
