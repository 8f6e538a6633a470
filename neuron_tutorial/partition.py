"""Exact partitions of an input interval or box by the signs of a layer's neurons.

Neuron ``k`` is positive on one side of its boundary ``w_k · x + b_k = 0`` and
negative on the other. Together the boundaries cut the input domain into
regions; inside one region every neuron keeps its sign, so each region carries
one sign pattern. In 1-D the boundaries are points and the regions intervals;
in 2-D they are lines and the regions convex polygons. Nothing here samples a
grid: breakpoints and polygon corners are computed from the weights.

A 2-D partition of ``m`` lines has up to ``m^2 / 2`` regions, so it keeps them in
flat arrays (corners, offsets, a point inside each) and computes sign patterns
on demand, a chunk of regions at a time (``Partition.signs_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import arrangement, checks, frame
from .layer import Layer
from .regions import Cells, Region, memory_check

__all__ = ["RELATIVE_TOLERANCE", "Partition", "Region", "partition_1d", "partition_2d"]

# Boundaries closer than this (relative to the domain's size) count as one: breakpoints
# in 1-D; in 2-D, two lines, or a line and a corner where others meet (distance from
# the line to the corner's best-known crossing). In the box's frame with exact offsets
# (frame.py) a line carries a few ulps of rounding, 1e-16 to 1e-15 of the box, and a
# well-conditioned crossing as much: 1e-12 is a thousand times that, so lines that
# were concurrent before rounding stay concurrent, and far below the near-coincidences
# of lines in general position, which stay apart: of the 2e10 (line, crossing) pairs
# of 4,096 random lines the closest is about 5e-11 away (a 4% chance of one below 1e-12).
RELATIVE_TOLERANCE = 1e-12
# Bytes a 2-D partition takes per region while it is built (measured peak, with margin).
BYTES_PER_REGION = 600


@dataclass(frozen=True, eq=False)
class Partition:
    """The regions that ``layer``'s boundaries cut ``domain`` into.

    ``domain`` is ``(lo, hi)`` in 1-D and ``((x_lo, x_hi), (y_lo, y_hi))`` in 2-D.
    ``regions`` is a sequence of ``Region`` (``partition_2d`` builds each on
    access); ``breakpoints`` (1-D only) are the sorted boundary points strictly inside.
    """

    layer: Layer
    domain: tuple
    regions: object
    breakpoints: np.ndarray | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.regions)

    def __repr__(self) -> str:
        return f"Partition({len(self)} regions of {np.round(self.domain, 3).tolist()} by {self.layer!r})"

    def _repr_html_(self) -> str:  # a notebook's view: the five largest regions' sign patterns
        top = sorted(range(len(self)), key=lambda i: -self.regions[i].size)[:5]
        rows = "".join(f"<tr><td>{i}</td><td>{self.regions[i].size:.3g}</td><td><code>"
                       f"{self.regions[i].pattern[:64]}</code></td></tr>" for i in top)
        return f"<b>{self!r}</b><table><tr><th>region</th><th>size</th><th>pattern</th></tr>{rows}</table>"

    @property
    def _cells(self) -> Cells | None:
        return self.regions if isinstance(self.regions, Cells) else None

    @property
    def signs(self) -> np.ndarray:
        """Every region's sign pattern, shape ``(regions, m)`` int8: for small partitions."""
        memory_check(len(self) * self.layer.m, len(self), "the dense sign table signs")
        return self.signs_of(np.arange(len(self)))

    def signs_of(self, indices) -> np.ndarray:
        """The sign patterns of the regions ``indices`` ``(N,)``: ``(N, m)`` int8."""
        indices = np.asarray(indices, dtype=np.intp).reshape(-1)
        if self._cells is not None:
            return self._cells.signs_of(indices)
        m = len(self.regions[0].signs) if len(self.regions) else self.layer.m  # a network: every neuron
        return np.array([self.regions[i].signs for i in indices], dtype=np.int8).reshape(len(indices), m)

    @property
    def packed_signs(self) -> np.ndarray:
        """``np.packbits(signs > 0, axis=1)``: ``(regions, ceil(m / 8))`` uint8, 8 times smaller."""
        width = (self.layer.m + 7) // 8
        memory_check(len(self) * width, len(self), "packed_signs")
        packed = np.empty((len(self), width), dtype=np.uint8)
        for start, stop in _chunks(len(self), self.layer.m):
            packed[start:stop] = np.packbits(self.signs_of(np.arange(start, stop)) > 0, axis=1)
        return packed

    @property
    def points(self) -> np.ndarray:
        """A point inside each region, ``(regions, n)``."""
        if self._cells is not None:
            return self._cells.points
        return np.array([r.point for r in self.regions]).reshape(len(self), self.layer.n)

    @property
    def sizes(self) -> np.ndarray:
        """Each region's length or area, ``(regions,)``."""
        if self._cells is not None:
            return self._cells.sizes
        return np.array([r.size for r in self.regions], dtype=float)

    @property
    def vertices(self) -> np.ndarray:
        """2-D: every region's corners, one region after another, ``(K, 2)`` (see ``offsets``)."""
        if self._cells is not None:
            return self._cells.vertices
        return np.concatenate([r.polygon for r in self.regions] or [np.zeros((0, 2))])

    @property
    def offsets(self) -> np.ndarray:
        """2-D: region ``i``'s corners are ``vertices[offsets[i] : offsets[i + 1]]``, ``(regions + 1,)``."""
        if self._cells is not None:
            return self._cells.offsets
        return np.concatenate([[0], np.cumsum([len(r.polygon) for r in self.regions])])

    def locate(self, points) -> np.ndarray:
        """Index of the region holding each point: ``(N, n)`` -> ``(N,)``, -1 outside the domain.

        A point on a boundary goes to one of the regions that touch it.
        """
        n = self.layer.n
        pts = checks.finite_array(points, "points")
        if pts.ndim != 2 or pts.shape[1] != n:
            raise ValueError(f"points must have shape (N, {n}), got {pts.shape}")
        if n == 1:
            lo, hi = self.domain
            index = np.searchsorted(self.breakpoints, pts[:, 0], side="right")
            return np.where((pts[:, 0] >= lo) & (pts[:, 0] <= hi), index, -1)
        return _locate_2d(self, pts)


def partition_1d(layer: Layer, interval=(0.0, 1.0)) -> Partition:
    """Cut ``interval`` at every neuron's boundary point ``x = -b_k / w_k``.

    The breakpoints split the interval into at most ``m + 1`` intervals.
    """
    _expect_inputs(layer, 1)
    lo, hi = checks.interval(interval)
    if not np.isfinite(hi - lo):
        raise ValueError(f"interval must have a finite length, got ({lo}, {hi})")
    w, b = layer.weights[:, 0], layer.biases
    moving = w != 0
    roots = np.full(layer.m, np.nan)
    with np.errstate(over="ignore", under="ignore"):
        roots[moving] = -b[moving] / w[moving]  # one rounding: proportional rows give equal roots
    tol = RELATIVE_TOLERANCE * (hi - lo)
    inside = np.sort(roots[moving & (roots > lo + tol) & (roots < hi - tol)])
    breakpoints = inside[np.concatenate(([True], np.diff(inside) > tol))] if inside.size else inside
    ends = np.concatenate(([lo], breakpoints, [hi]))
    regions = []
    for a, c in zip(ends[:-1], ends[1:], strict=True):
        mid = 0.5 * a + 0.5 * c
        # Compare with the root rather than evaluating w*mid + b: no rounding can flip a sign.
        signs = np.where(moving, np.sign(w) * np.sign(mid - np.nan_to_num(roots)), np.sign(b))
        regions.append(Region(signs=signs.astype(np.int8), interval=(float(a), float(c))))
    return Partition(layer, (lo, hi), regions, breakpoints=breakpoints)


def partition_2d(layer: Layer, box=None) -> Partition:
    """Split ``box`` by every neuron's boundary line into convex polygons.

    Works in the box's frame, where the box is the unit square (``frame.py``). ``box``
    defaults to the box of the ``Plane`` the layer was sliced on, else the unit square.
    The boundaries that cross the box form a line arrangement, built all at once
    by ``arrangement.cells``. Returns one region per cell of the arrangement
    inside the box: at most ``1 + m + m(m-1)/2`` of them. A partition too large
    for the free memory is refused before it is built.
    """
    if box is None:  # the plane's box of a slice, else the unit square
        box = getattr(layer, "box", None) or ((0.0, 1.0), (0.0, 1.0))
    _expect_inputs(layer, 2)
    box = checks.box(box)
    origin, width = frame.unit_box(box)
    normals, offsets, constant = frame.frame_lines(layer.weights, layer.biases, origin, width)
    lines = frame.boundaries(normals, offsets, constant, RELATIVE_TOLERANCE)
    normals, offsets, ends, sides, column, factor = lines
    def check(regions):
        memory_check(BYTES_PER_REGION * regions, regions, "partition_2d")

    corners, lengths = arrangement.cells(normals, offsets, ends, sides, RELATIVE_TOLERANCE, check)
    cells = Cells(origin, width, corners, lengths, normals, offsets, column, factor, RELATIVE_TOLERANCE)
    return Partition(layer, box, cells)


def _chunks(count: int, m: int):
    """Ranges of regions whose ``(regions, m)`` tables take about 16 MB."""
    step = max(1, 2**24 // max(m, 1))
    return [(start, min(start + step, count)) for start in range(0, count, step)]


def _expect_inputs(layer: Layer, n: int) -> None:
    if not isinstance(layer, Layer):
        raise ValueError(f"layer must be a neuron_tutorial.Layer, got {type(layer).__name__}")
    if layer.n != n:
        raise ValueError(f"layer must read {n}-dimensional inputs (n = {n}), got n = {layer.n}")


def _locate_2d(partition: Partition, pts: np.ndarray) -> np.ndarray:
    """Each point's sign pattern (0 within the tolerance of a line), looked up among the regions'."""
    origin, width = frame.unit_box(partition.domain)
    layer = partition.layer
    normals, offsets, constant = frame.frame_lines(layer.weights, layer.biases, origin, width)
    s = (pts - origin) / width
    d = s @ normals.T + offsets
    point_signs = np.where(constant, np.sign(layer.biases),
                           np.sign(np.where(np.abs(d) <= RELATIVE_TOLERANCE, 0, d))).astype(np.int8)
    inside = np.all((s >= -RELATIVE_TOLERANCE) & (s <= 1 + RELATIVE_TOLERANCE), axis=1)
    if "keys" not in partition._cache:
        keys = np.concatenate([_keys(partition.signs_of(np.arange(a, b))) for a, b in
                               _chunks(len(partition), layer.m)] or [np.zeros(0, np.uint64)])
        order = np.argsort(keys)
        partition._cache["keys"] = keys[order], order
    keys, order = partition._cache["keys"]
    found = np.full(len(pts), -1)
    for i in np.flatnonzero(inside):
        found[i] = _find(partition, keys, order, point_signs[i])
    return found


def _keys(signs: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each sign pattern ``(N, m)`` -> ``(N,)``: equal patterns, equal keys."""
    packed = np.packbits(signs > 0, axis=1)
    packed = np.pad(packed, ((0, 0), (0, -packed.shape[1] % 8))).view(np.uint64)
    # Odd multipliers from the golden ratio's digits: a word's bits spread over the whole key.
    weights = np.arange(packed.shape[1], dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15) | np.uint64(1)
    with np.errstate(over="ignore"):
        return (packed * weights).sum(axis=1, dtype=np.uint64)


def _find(partition: Partition, keys, order, pattern) -> int:
    """The region with ``pattern``, its zeros read as either sign (a point on boundaries)."""
    zeros = np.flatnonzero(pattern == 0)
    moving = zeros[np.any(partition.layer.weights[zeros] != 0, axis=1)]
    if len(moving) > 12:  # too many choices to try: compare with every region
        for start, stop in _chunks(len(partition), partition.layer.m):
            signs = partition.signs_of(np.arange(start, stop))
            match = np.all((signs == pattern) | (pattern == 0), axis=1)
            if match.any():
                return start + int(np.argmax(match))
        return -1
    for choice in range(2 ** len(moving)):
        candidate = pattern.copy()
        candidate[moving] = np.where((choice >> np.arange(len(moving))) & 1, 1, -1)
        key = _keys(candidate[None])[0]
        at = np.searchsorted(keys, key)
        while at < len(keys) and keys[at] == key:
            if np.array_equal(partition.signs_of([order[at]])[0], candidate):
                return int(order[at])
            at += 1
    return -1
