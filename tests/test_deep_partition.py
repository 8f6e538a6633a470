"""partition_2d of a Network against independent answers.

Brute force: the sign patterns sampled on a dense grid and at random points are
exactly the regions' patterns, each region's centroid has the region's pattern,
``locate`` agrees with ``net.pre_activations``. A second implementation splits
shapely polygons layer by layer, with each region's affine map computed from
its own interior point: the region count per layer and the sorted areas must
agree. Degenerate networks (dead, constant, duplicated neurons, width 1, lines
through corners) come from hypothesis with small integer weights.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuron_tutorial as nt
from neuron_tutorial.deep_partition import region_bounds

BOX = ((-1.0, 1.0), (-1.0, 1.0))


def he_network(sizes, seed):
    rng = np.random.default_rng(seed)
    return nt.Network([nt.Layer(rng.normal(0, np.sqrt(2 / n), (m, n)), rng.normal(0, 0.2, m))
                       for n, m in zip(sizes[:-1], sizes[1:], strict=True)])


@st.composite
def networks(draw, max_layers=3, max_width=4):
    """Small integer weights: dead, constant, duplicated and concurrent neurons are common."""
    widths = draw(st.lists(st.integers(1, max_width), min_size=1, max_size=max_layers))
    layers, n = [], 2
    for m in widths:
        row = st.lists(st.integers(-2, 2), min_size=n + 1, max_size=n + 1)
        pool = draw(st.lists(row, min_size=1, max_size=3))
        rows = np.array([draw(st.sampled_from(pool) | row) for _ in range(m)], dtype=float)
        layers.append(nt.Layer(rows[:, :n], rows[:, n]))
        n = m
    return nt.Network(layers)


boxes = st.tuples(st.integers(-2, 0), st.integers(1, 2), st.integers(-2, 0), st.integers(1, 2)).map(
    lambda t: ((t[0], t[1]), (t[2], t[3])))


def check_polygons(partition, box):
    """Every region strictly convex, counter-clockwise, inside the box."""
    (x0, x1), (y0, y1) = box
    for region in partition.regions:
        poly = region.polygon
        edges = np.roll(poly, -1, axis=0) - poly
        following = np.roll(edges, -1, axis=0)
        turns = edges[:, 0] * following[:, 1] - edges[:, 1] * following[:, 0]
        assert len(poly) >= 3 and np.all(turns > 0), "not strictly convex and counter-clockwise"
        assert np.all(poly >= [x0 - 1e-9, y0 - 1e-9]) and np.all(poly <= [x1 + 1e-9, y1 + 1e-9])


def true_signs(net, points):
    return np.sign(np.concatenate(net.pre_activations(points), axis=-1)).astype(np.int8)


def check_brute_force(net, p, box, points, area_rel=1e-9, clear_above=1e-7):
    """Every clearly sampled pattern is a region's, found by locate; centroids carry their region's signs.

    A point is clear when no neuron is within ``clear_above`` of 0 there.
    """
    (x0, x1), (y0, y1) = box
    signs = p.signs
    assert signs.shape == (len(p), sum(net.sizes[1:]))
    assert len({s.tobytes() for s in signs}) == len(p), "sign patterns repeat"
    assert all(r.size > 0 for r in p.regions), "a region of zero area"
    assert sum(r.size for r in p.regions) == pytest.approx((x1 - x0) * (y1 - y0), rel=area_rel)
    values = np.concatenate(net.pre_activations(points), axis=-1)
    clear = np.all(np.abs(values) > clear_above, axis=1)
    seen = np.unique(true_signs(net, points[clear]), axis=0)
    patterns = {s.tobytes() for s in signs}
    assert all(s.tobytes() in patterns for s in seen), "a sampled pattern is missing"
    index = p.locate(points)
    assert np.all(index >= 0)
    np.testing.assert_array_equal(signs[index[clear]], true_signs(net, points[clear]))
    # Centroids: the pattern there, except neurons too close to 0 to tell (thin regions).
    centres = np.array([r.point for r in p.regions])
    at_centres = np.concatenate(net.pre_activations(centres), axis=-1)
    readable = np.abs(at_centres) > 1e-7
    np.testing.assert_array_equal(np.where(readable, np.sign(at_centres), signs), signs)
    # Sign 0 only for a neuron that is 0 on the whole region: its affine map is 0 there.
    masks_agree = np.ones(len(p), dtype=bool)
    for layer, (A, c) in enumerate(p.maps):
        columns = slice(sum(net.sizes[1:layer + 1]), sum(net.sizes[1:layer + 2]))
        zero = signs[:, columns] == 0
        assert np.all(np.abs(A[zero]) < 1e-9) and np.all(np.abs(c[zero]) < 1e-9)
        # The affine maps give the pre-activations inside each region (where the centre's ReLU
        # masks below are the region's: a neuron within the tolerance of 0 there may read either way).
        np.testing.assert_allclose((np.einsum("rkd,rd->rk", A, centres) + c)[masks_agree],
                                   net.pre_activations(centres)[layer][masks_agree], atol=1e-9)
        masks_agree &= np.all((at_centres[:, columns] > 0) == (signs[:, columns] > 0), axis=1)


def sample(box, seed, count=4000, grid=60):
    (x0, x1), (y0, y1) = box
    xs, ys = np.meshgrid(np.linspace(x0, x1, grid), np.linspace(y0, y1, grid))
    rng = np.random.default_rng(seed)
    return np.concatenate([np.c_[xs.ravel(), ys.ravel()], rng.uniform([x0, y0], [x1, y1], (count, 2))])


def shapely_partition(net, box):
    """Regions per layer and sorted areas by shapely: split each polygon by each neuron's line there."""
    from shapely.geometry import LineString, Polygon
    from shapely.ops import split

    (x0, x1), (y0, y1) = box
    reach = 10 * max(x1 - x0, y1 - y0) + 10 * max(abs(x0), abs(x1), abs(y0), abs(y1))
    regions, counts = [Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])], []
    for index in range(len(net)):
        pieces = []
        for region in regions:
            A, c = affine_at(net, index, np.array(region.representative_point().coords[0]))
            parts = [region]
            for (a1, a2), b in zip(A, c, strict=True):
                norm = np.hypot(a1, a2)
                if norm < 1e-12:
                    continue
                foot = -b * np.array([a1, a2]) / norm**2
                direction = np.array([-a2, a1]) / norm
                line = LineString([foot - reach * direction, foot + reach * direction])
                # shapely returns no pieces at all for a line along an edge: then the part stays whole
                parts = [g for part in parts for g in (split(part, line).geoms or [part]) if g.area > 1e-12]
            pieces += parts
        regions = pieces
        counts.append(len(regions))
    return counts, np.sort([r.area for r in regions])


def affine_at(net, index, point):
    """Layer ``index``'s pre-activation near ``point`` as ``A x + c``, from the ReLU masks there."""
    A, c = np.eye(2), np.zeros(2)
    for layer in net.layers[:index]:
        A, c = layer.weights @ A, layer.weights @ c + layer.biases
        on = (A @ point + c) > 0
        A, c = A * on[:, None], c * on
    layer = net.layers[index]
    return layer.weights @ A, layer.weights @ c + layer.biases


@pytest.mark.parametrize("sizes, seed",
                         [((2, 8, 8), 0), ((2, 6, 6, 6), 1), ((2, 10, 5, 1), 2), ((2, 12, 12), 3)])
def test_random_networks_agree_with_shapely_and_brute_force(sizes, seed):
    net = he_network(sizes, seed)
    p = nt.partition_2d(net, BOX)
    counts, areas = shapely_partition(net, BOX)
    assert p.counts == tuple(counts)
    np.testing.assert_allclose(np.sort([r.size for r in p.regions]), areas, atol=1e-9)
    check_brute_force(net, p, BOX, sample(BOX, seed))
    check_polygons(p, BOX)


@settings(max_examples=150, deadline=None)
@given(networks(), boxes, st.integers(0, 2**32 - 1))
def test_degenerate_networks_against_brute_force(net, box, seed):
    p = nt.partition_2d(net, box)
    check_brute_force(net, p, box, sample(box, seed, count=1500, grid=41))
    check_polygons(p, box)
    assert p.counts[-1] == len(p) and list(p.counts) == sorted(p.counts)
    assert all(c <= b for c, b in zip(p.counts, region_bounds(net.sizes), strict=True))


@settings(max_examples=60, deadline=None)
@given(networks(max_layers=2, max_width=3), boxes)
def test_degenerate_networks_agree_with_shapely(net, box):
    p = nt.partition_2d(net, box)
    counts, areas = shapely_partition(net, box)
    assert p.counts == tuple(counts)
    np.testing.assert_allclose(np.sort([r.size for r in p.regions]), areas, atol=1e-9)


@settings(max_examples=150, deadline=None)
@given(networks(), boxes, st.integers(0, 2**32 - 1), st.sampled_from([1e-15, 1e-12, 1e-10, 1e-8]))
def test_nudged_degenerate_networks(net, box, seed, size):
    """Degenerate networks moved by about the tolerance: slivers, but no region too small to resolve.

    Corners closer to a line than the tolerance count as on it, which moves areas by up to
    the tolerance times a perimeter, hence the looser sum of areas; and pieces below
    ``RELATIVE_AREA`` (up to about 1e-7 across) stay whole, hence points read only 1e-5 from 0.
    """
    rng = np.random.default_rng(seed)
    net = nt.Network([nt.Layer(layer.weights + size * rng.normal(size=layer.weights.shape),
                               layer.biases + size * rng.normal(size=layer.m)) for layer in net.layers])
    p = nt.partition_2d(net, box)
    check_brute_force(net, p, box, sample(box, seed, count=1500, grid=41), area_rel=1e-7, clear_above=1e-5)
    check_polygons(p, box)


def test_region_bounds():
    # Lines at distinct angles close to the centre of a large box cross pairwise inside it:
    # 1 + m + C(m, 2) regions, the bound exactly.
    rng = np.random.default_rng(1)
    angles = np.arange(20) * np.pi / 20 + rng.uniform(0, 0.01, 20)
    lines = nt.Layer(np.c_[np.cos(angles), np.sin(angles)], rng.uniform(-1, 1, 20))
    assert region_bounds((2, 20)) == [len(nt.partition_2d(lines, ((-100, 100), (-100, 100))))] == [211]
    assert region_bounds((2, 3, 1, 5)) == [7, 14, 14 * 6]  # width 1 leaves one direction
    for seed, sizes in enumerate([(2, 8, 8), (2, 6, 6, 6), (2, 3, 12), (2, 12, 12)]):
        counts = nt.partition_2d(he_network(sizes, seed), BOX).counts
        assert all(c <= b for c, b in zip(counts, region_bounds(sizes), strict=True))
    with pytest.raises(ValueError, match="sizes"):
        region_bounds((2,))


def test_one_layer_network_is_the_layer_partition():
    layer = nt.random_layer(20, 2, seed=5)
    deep, flat = nt.partition_2d(nt.Network([layer])), nt.partition_2d(layer)
    assert {r.signs.tobytes() for r in deep.regions} == {r.signs.tobytes() for r in flat.regions}
    assert deep.counts == (len(flat),)


def test_dead_constant_and_duplicated_neurons():
    first = nt.Layer([[1.0, 0.0], [1.0, 0.0], [0.0, 0.0], [0.0, 1.0]], [0.0, 0.0, 0.0, -5.0])
    # Layer 2: dead everywhere; duplicates cancelling (0 on the whole box); reads only the zero
    # neuron (0, constant); reads neuron 0 (0 where it is off); width-1 layer 3 after it.
    second = nt.Layer([[0.0, 0.0, 0.0, 0.0], [1.0, -1.0, 0.0, 0.0],
                       [0.0, 0.0, 3.0, 0.0], [2.0, 0.0, 0.0, 0.0]], [-1.0, 0.0, 0.0, 0.0])
    third = nt.Layer([[0.0, 0.0, 0.0, 1.0]], [-0.5])
    net = nt.Network([first, second, third])
    p = nt.partition_2d(net, BOX)
    assert p.counts == (2, 2, 3)
    signs = {tuple(s) for s in p.signs.tolist()}
    assert signs == {(-1, -1, 0, -1, -1, 0, 0, 0, -1), (1, 1, 0, -1, -1, 0, 0, 1, -1),
                     (1, 1, 0, -1, -1, 0, 0, 1, 1)}
    check_brute_force(net, p, BOX, sample(BOX, 0))


def test_sliced_network_on_a_plane():
    net = he_network((5, 8, 8, 3), 7)
    plane = nt.plane_through(*np.random.default_rng(0).normal(size=(3, 5)))
    sliced = net.sliced(plane)
    p = nt.partition_2d(sliced, plane.box)
    check_brute_force(sliced, p, plane.box, sample(plane.box, 1))


def test_bad_input():
    with pytest.raises(ValueError, match="network"):
        nt.partition_2d(nt.Network([nt.random_layer(3, 3)]))
    with pytest.raises(ValueError, match="box"):
        nt.partition_2d(he_network((2, 3), 0), ((1, 0), (0, 1)))
    p = nt.partition_2d(he_network((2, 3, 3), 0))
    with pytest.raises(ValueError, match="points"):
        p.locate(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="layer"):
        p.affine(2)
    with pytest.raises(ValueError, match="neuron"):
        p.boundary(1, 3)
    assert p.locate([[5.0, 5.0]])[0] == -1


@pytest.mark.parametrize("sizes, seed", [((2, 8, 8), 0), ((2, 6, 6, 1), 4)])
def test_boundary_segments_are_where_the_neuron_changes_sign(sizes, seed):
    """Each horizontal line crosses a neuron's boundary segments where its sampled sign changes."""
    net = he_network(sizes, seed)
    p = nt.partition_2d(net, BOX)
    xs = np.linspace(-1, 1, 40_001)
    for layer in range(len(net)):
        for neuron in range(net.sizes[layer + 1]):
            segments = p.boundary(layer, neuron)
            ends = segments.reshape(-1, 2)
            values = net.pre_activations(ends)[layer][:, neuron]
            assert np.all(np.abs(values) < 1e-8)
            for height in np.random.default_rng(seed + neuron).uniform(-1, 1, 5):
                z = net.pre_activations(np.c_[xs, np.full_like(xs, height)])[layer][:, neuron]
                changes = xs[1:][(z[1:] > 0) != (z[:-1] > 0)]
                (y0, y1) = segments[:, 0, 1], segments[:, 1, 1]
                t = (height - y0) / np.where(y1 == y0, np.nan, y1 - y0)
                crossing = (t >= 0) & (t <= 1)
                left, right = segments[crossing, 0, 0], segments[crossing, 1, 0]
                at = left + t[crossing] * (right - left)
                found = np.unique(np.round(at, 6))
                assert len(found) == len(changes)
                np.testing.assert_allclose(np.sort(found), changes, atol=1e-4)
