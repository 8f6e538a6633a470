"""The exact partition of a box by every neuron of a 2-input ReLU network.

Inside a region where every neuron of layers ``1..l`` keeps its sign, the ReLUs
act as fixed masks, so layer ``l+1``'s pre-activations are affine there:
``z_{l+1} = W_{l+1} diag(mask_l) (A_l x + c_l) + b_{l+1}``. Each of its neurons
therefore cuts each region by a straight line (bent only where regions meet).
The partition is built layer by layer, splitting every convex polygon by its
own line for one neuron at a time, all polygons at once in numpy. Each region
keeps the affine map ``z_l = A_l x + c_l`` of every layer, so figures can
colour by value or slope without sampling.
"""

from __future__ import annotations

import math

import numpy as np

from . import checks, partition
from .network import Network
from .partition import Partition, Region

# Corners closer than this to a line (relative to the box diagonal) count as on it, as in partition.
RELATIVE_TOLERANCE = 1e-9
# No region is smaller than this times the box's largest coordinate squared: a smaller piece is
# about what its corners resolve (a shoelace sum of coordinates that size rounds by about 1e-15).
RELATIVE_AREA = 1e-14
# A neuron whose slope on a region is this small next to the sum of the magnitudes it was
# computed from is constant there: the slope is rounding, e.g. of two duplicated neurons cancelling.
ROUNDING = 1e-11


class NetworkPartition(Partition):
    """A ``Partition`` of a 2-input ``Network``: regions, plus each region's affine maps.

    ``maps[l]`` is ``(A, c)`` with ``A`` ``(regions, m_l, 2)`` and ``c`` ``(regions, m_l)``:
    inside region ``r``, layer ``l``'s pre-activation is ``A[r] @ x + c[r]``.
    ``counts[l]`` is the number of regions of layers ``1..l+1`` together.
    """

    def __init__(self, network, box, regions, maps=(), counts=()):
        super().__init__(network, box, regions)
        object.__setattr__(self, "maps", tuple(maps))
        object.__setattr__(self, "counts", tuple(counts))
        object.__setattr__(self, "_cache", {})  # locate's lookup tables, built on first use

    @property
    def network(self) -> Network:
        return self.layer

    def affine(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """``(A (regions, m_l, 2), c (regions, m_l))`` of layer ``layer`` (0-based) in every region."""
        if not 0 <= layer < len(self.maps):
            raise ValueError(f"layer must be a layer index in [0, {len(self.maps)}), got {layer}")
        return self.maps[layer]

    def boundary(self, layer: int, neuron: int) -> np.ndarray:
        """The zero set of one neuron as segments ``(S, 2, 2)``: bent where it crosses regions below.

        The edges of the neuron's positive regions that lie on its zero line there
        (both ends within twice the tolerance), so each piece of the boundary comes once.
        """
        A, c = self.affine(layer)
        if not 0 <= neuron < A.shape[1]:
            raise ValueError(f"neuron must be a neuron index in [0, {A.shape[1]}), got {neuron}")
        column = sum(self.layer.sizes[1 : layer + 1]) + neuron
        positive = np.flatnonzero(self.signs[:, column] > 0)
        polygons = [self.regions[r].polygon for r in positive]
        if not polygons:
            return np.zeros((0, 2, 2))
        lengths = np.array([len(p) for p in polygons])
        corners, owner = np.concatenate(polygons), np.repeat(positive, lengths)
        slope, offset = A[owner, neuron], c[owner, neuron]
        norm = np.linalg.norm(slope, axis=1)
        on = np.abs(np.einsum("vd,vd->v", corners, slope) + offset) <= 2 * self._tolerance() * norm
        starts = np.cumsum(lengths) - lengths
        following = np.arange(1, len(corners) + 1)
        following[starts + lengths - 1] = starts
        edge = on & on[following] & (norm > 0)
        return np.stack([corners[edge], corners[following[edge]]], axis=1)

    def _tolerance(self) -> float:
        (x0, x1), (y0, y1) = self.domain
        return RELATIVE_TOLERANCE * float(np.hypot(x1 - x0, y1 - y0))

    def locate(self, points) -> np.ndarray:
        """Index of the region holding each point: ``(N, 2)`` -> ``(N,)``, -1 outside the box.

        A point on a boundary goes to one of the regions that touch it.
        """
        pts = checks.finite_array(points, "points")
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"points must have shape (N, 2), got {pts.shape}")
        (x0, x1), (y0, y1) = self.domain
        tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
        if "patterns" not in self._cache:
            self._cache["patterns"] = {r.signs.tobytes(): i for i, r in enumerate(self.regions)}
        lookup = self._cache["patterns"]
        signs = np.sign(np.concatenate(self.layer.pre_activations(pts), axis=-1)).astype(np.int8)
        found = np.array([lookup.get(s.tobytes(), -1) for s in signs], dtype=np.intp).reshape(len(pts))
        inside = (pts[:, 0] >= x0 - tol) & (pts[:, 0] <= x1 + tol)
        inside &= (pts[:, 1] >= y0 - tol) & (pts[:, 1] <= y1 + tol)
        # On a boundary, or a neuron that is 0 on a region evaluated with rounding: find it by its polygon.
        missing = np.flatnonzero(inside & (found < 0))
        if missing.size:
            found[missing] = self._nearest_polygon(pts[missing])
        return np.where(inside, found, -1)

    def _nearest_polygon(self, pts):
        """The region whose polygon each point is least outside of: ``(N, 2)`` -> ``(N,)``."""
        if "edges" not in self._cache:
            polygons = [r.polygon for r in self.regions]
            start = np.concatenate([p for p in polygons])
            edge = np.concatenate([np.roll(p, -1, axis=0) - p for p in polygons])
            normal = np.stack([edge[:, 1], -edge[:, 0]], axis=1)  # outward for counter-clockwise
            norm = np.linalg.norm(normal, axis=1, keepdims=True)
            normal /= np.where(norm > 0, norm, 1.0)
            offset = np.where(norm[:, 0] > 0, np.einsum("ij,ij->i", normal, start), np.inf)  # no edge, no say
            starts = np.cumsum([0] + [len(p) for p in polygons[:-1]])
            self._cache["edges"] = (normal, offset, starts)
        normal, offset, starts = self._cache["edges"]
        result = np.empty(len(pts), dtype=np.intp)
        chunk = max(1, 2_000_000 // len(offset))
        for i in range(0, len(pts), chunk):
            outside = pts[i : i + chunk] @ normal.T - offset
            result[i : i + chunk] = np.maximum.reduceat(outside, starts, axis=1).argmin(axis=1)
        return result


def region_bounds(sizes) -> list[int]:
    """Upper bounds on the regions of layers ``1..l`` of a network of ``sizes`` ``(n, m_1, ..., m_L)``.

    Inside one region of the layers below, layer ``l``'s ``m_l`` neurons are affine
    functions of at most ``d_l = min(n, m_1, ..., m_{l-1})`` free directions (the
    rank of the map so far), and ``m_l`` hyperplanes cut a ``d``-dimensional convex
    set into at most ``sum_{j <= d} C(m_l, j)`` pieces (Zaslavsky 1975). So the
    bound multiplies, layer by layer (Serra, Tjandraatmadja and Ramalingam 2018 give a tighter one).
    """
    sizes = [checks.count(s, "sizes", minimum=1) for s in sizes]
    if len(sizes) < 2:
        raise ValueError(f"sizes must be (n, m_1, ..., m_L) with at least one layer, got {sizes}")
    bounds, total, rank = [], 1, sizes[0]
    for m in sizes[1:]:
        total *= sum(math.comb(m, j) for j in range(min(rank, m) + 1))
        bounds.append(total)
        rank = min(rank, m)
    return bounds


def partition_2d(layer, box=None) -> Partition:
    """The exact partition of ``box`` by a two-input layer or network: ``nt.partition_2d``.

    A ``Layer`` is cut by its boundary lines (``partition.partition_2d``); a ``Network`` into
    the regions where every neuron of every layer keeps its sign (``deep_partition``). ``box``
    defaults to the box of the plane the layer or network was sliced on, else the unit square.
    """
    if isinstance(layer, Network):
        if box is None:
            box = getattr(layer.layers[0], "box", None) or ((0.0, 1.0), (0.0, 1.0))
        return deep_partition(layer, box)
    return partition.partition_2d(layer, box)


def deep_partition(network: Network, box=((0.0, 1.0), (0.0, 1.0))) -> NetworkPartition:
    """Split ``box`` into the regions where every neuron of every layer keeps its sign.

    ``network`` must read 2 inputs. Region signs are int8 of length
    ``sum(m_l)``, the layers' signs concatenated in order; 0 only for a neuron
    that is 0 on the whole region.
    """
    if not isinstance(network, Network):
        raise ValueError(f"network must be a neuron_tutorial.Network, got {type(network).__name__}")
    if network.n != 2:
        raise ValueError(f"network must read 2-dimensional inputs (n = 2), got n = {network.n}")
    box = checks.box(box)
    (x0, x1), (y0, y1) = box
    tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    min_area = RELATIVE_AREA * max(abs(x0), abs(x1), abs(y0), abs(y1), np.hypot(x1 - x0, y1 - y0)) ** 2
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    lengths, owner = np.array([4]), np.zeros(4, dtype=np.intp)
    signs = np.zeros((1, 0), dtype=np.int8)  # the finished layers' signs, one row per region
    maps, counts = [], []
    first = network.layers[0]
    # A (regions, m, 2), c (regions, m), and bounds on |A| and |c| from the magnitudes summed into them.
    A, c = first.weights[None].copy(), first.biases[None].copy()
    A_bound, c_bound = np.linalg.norm(A, axis=2), np.abs(c)
    for index, layer in enumerate(network.layers):
        if index:
            mask = (signs[:, -network.sizes[index] :] > 0).astype(float)
            A_prev, c_prev = maps[-1]
            A = np.moveaxis(np.tensordot(A_prev * mask[:, :, None], layer.weights, axes=(1, 1)), 2, 1)
            c = (c_prev * mask) @ layer.weights.T + layer.biases
            magnitude = np.abs(layer.weights)
            A_bound = (np.linalg.norm(A_prev, axis=2) * mask) @ magnitude.T
            c_bound = (np.abs(c_prev) * mask) @ magnitude.T + np.abs(layer.biases)
        # Neuron by neuron: (m, R0, ...) so that one neuron's maps are contiguous.
        by_neuron = [np.ascontiguousarray(np.moveaxis(a, 1, 0)) for a in (A, c, A_bound, c_bound)]
        origin, parents, columns = np.arange(len(lengths)), [], []
        for k in range(layer.m):
            a, b, a_bound, b_bound = (array[k][origin] for array in by_neuron)
            corners, lengths, owner, parent, neuron_signs = _cut(
                corners, lengths, owner, a, b, a_bound, b_bound, tol, min_area)
            if parent is not None:
                origin = origin[parent]
            parents.append(parent)
            columns.append(neuron_signs)
        # Each column belongs to the regions of its time: follow the parents back from the last.
        trace, layer_signs = np.arange(len(lengths)), np.empty((len(lengths), layer.m), dtype=np.int8)
        for k in range(layer.m - 1, -1, -1):
            layer_signs[:, k] = columns[k][trace]
            if parents[k] is not None:
                trace = parents[k][trace]
        signs = np.concatenate([signs[origin], layer_signs], axis=1)
        maps = [(a[origin], b[origin]) for a, b in maps] + [(A[origin], c[origin])]
        counts.append(len(lengths))
    ends = np.cumsum(lengths)
    polygons = [corners[a:b] for a, b in zip((ends - lengths).tolist(), ends.tolist(), strict=True)]
    regions = list(map(Region, signs, [None] * len(polygons), polygons))
    return NetworkPartition(network, box, regions, maps, counts)


def _cut(corners, lengths, owner, slope, offset, slope_bound, offset_bound, tol, min_area):
    """Cut polygon ``r`` by the line ``slope[r] · x + offset[r] = 0``, all polygons at once.

    Polygons are stored one after another: ``corners`` ``(V, 2)`` counter-clockwise,
    ``lengths`` ``(R,)`` and ``owner`` ``(V,)`` the polygon of each corner. Returns the
    new ``corners``, ``lengths``, ``owner``, ``parent`` (the polygon each new one
    comes from, or None when nothing is cut) and the neuron's sign in every new
    polygon ``(R',)`` int8. Corners within ``tol`` of the line count as on it and
    belong to both pieces, and no piece has an area below ``min_area``.
    """
    norm = np.sqrt(slope[:, 0] ** 2 + slope[:, 1] ** 2)
    constant = norm <= ROUNDING * slope_bound
    constant_sign = np.where(np.abs(offset) <= ROUNDING * offset_bound, 0, np.sign(offset))
    safe = np.where(constant, np.inf, norm)  # a constant neuron's distances are all 0
    nx, ny, shift = slope[:, 0] / safe, slope[:, 1] / safe, offset / safe
    raw = corners[:, 0] * nx[owner] + corners[:, 1] * ny[owner] + shift[owner]
    starts = np.cumsum(lengths) - lengths
    high, low = np.maximum.reduceat(raw, starts), np.minimum.reduceat(raw, starts)
    # An uncut polygon lies on one side: the side of its corner farthest from the line.
    before = np.where(constant, constant_sign, np.where(high >= -low, 1, -1)).astype(np.int8)
    cut = (high > tol) & (low < -tol)
    if not cut.any():
        return corners, lengths, owner, None, before
    halves = _halves(corners, lengths, owner, starts, raw, cut, tol)
    areas = [_areas(*half) for half in halves]
    small = np.minimum(*areas) <= min_area
    if small.any():  # a piece too small for its corners to resolve: keep it whole, on its larger side
        which = np.flatnonzero(cut)[small]
        before[which] = np.where(areas[0][small] >= areas[1][small], 1, -1)
        cut[which] = False
        if not cut.any():
            return corners, lengths, owner, None, before
        halves = _halves(corners, lengths, owner, starts, raw, cut, tol)
    kept, split = np.flatnonzero(~cut), np.flatnonzero(cut)
    parent = np.concatenate([kept, split, split])
    new_corners = np.concatenate([corners[~cut[owner]], halves[0][0], halves[1][0]])
    lengths = np.concatenate([lengths[kept], halves[0][1], halves[1][1]])
    owner = np.repeat(np.arange(len(lengths)), lengths)
    pieces = np.concatenate([before[kept], np.ones(len(split), np.int8), -np.ones(len(split), np.int8)])
    return new_corners, lengths, owner, parent, pieces


def _halves(corners, lengths, owner, starts, raw, cut, tol):
    """The positive and the negative piece of every cut polygon: two ``(corners, lengths)``.

    Walking each cut polygon's corners in order, a piece keeps the corners on its
    side and gains the point where an edge crosses the line; the walk keeps both
    pieces convex and counter-clockwise.
    """
    index = np.flatnonzero(cut[owner])  # work on the cut polygons' corners only
    d = raw[index]
    d[np.abs(d) <= tol] = 0.0
    sub_owner = owner[index]
    last = (starts + lengths - 1)[sub_owner] == index
    following = np.arange(1, len(index) + 1)
    following[last] = np.flatnonzero(np.concatenate([[True], sub_owner[1:] != sub_owner[:-1]]))
    d_next = d[following]
    crossing = d * d_next < 0
    t = np.divide(d, d - d_next, out=np.zeros_like(d), where=crossing)
    points = corners[index]
    hit = points + t[:, None] * (points[following] - points)
    both = np.stack([points, hit], axis=1).reshape(-1, 2)
    pair_owner = np.repeat(sub_owner, 2)
    halves = []
    for side in (d >= 0, d <= 0):
        # Each corner emits itself (when on this side), then the crossing on its edge.
        emit = np.stack([side, crossing], axis=1).ravel()
        halves.append((both[emit], np.bincount(pair_owner[emit], minlength=len(cut))[cut]))
    return halves


def _areas(corners, lengths):
    """Shoelace areas ``(R,)`` of polygons stored one after another, each about its first corner."""
    starts = np.cumsum(lengths) - lengths
    local = corners - np.repeat(corners[starts], lengths, axis=0)
    following = np.arange(1, len(corners) + 1)
    following[starts + lengths - 1] = starts
    cross = local[:, 0] * local[following, 1] - local[:, 1] * local[following, 0]
    return 0.5 * np.add.reduceat(cross, starts)
