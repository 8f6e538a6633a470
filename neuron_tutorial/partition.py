"""Exact partitions of an input interval or box by the signs of a layer's neurons.

Neuron ``k`` is positive on one side of its boundary ``w_k · x + b_k = 0`` and
negative on the other. Together the boundaries cut the input domain into
regions; inside one region every neuron keeps its sign, so each region carries
one sign pattern. In 1-D the boundaries are points and the regions intervals;
in 2-D they are lines and the regions convex polygons. Nothing here samples a
grid: breakpoints and polygon corners are computed from the weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import checks
from .layer import Layer

# Points closer than this to a boundary (relative to the domain's size) count as on it:
# it merges breakpoints and corners that differ only by rounding.
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True, eq=False)
class Region:
    """One region of a partition.

    ``signs`` has shape ``(m,)``, int8 in {-1, 0, +1}: the sign of each neuron
    inside the region (0 only for a neuron that is 0 everywhere). A 1-D region
    has ``interval = (lo, hi)``; a 2-D region has ``polygon``, a ``(k, 2)``
    array of corners, convex and counter-clockwise.
    """

    signs: np.ndarray
    interval: tuple[float, float] | None = None
    polygon: np.ndarray | None = None

    @property
    def size(self) -> float:
        """Length of the interval or area of the polygon."""
        if self.interval is not None:
            return self.interval[1] - self.interval[0]
        x, y = self.polygon.T
        return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))

    @property
    def point(self) -> np.ndarray:
        """A point inside the region, shape ``(n,)``: the midpoint or the mean of the corners."""
        if self.interval is not None:
            return np.array([0.5 * (self.interval[0] + self.interval[1])])
        return self.polygon.mean(axis=0)

    @property
    def pattern(self) -> str:
        """The sign pattern as text, one character per neuron: ``+``, ``−`` or ``0``."""
        return "".join("+" if s > 0 else "−" if s < 0 else "0" for s in self.signs)


@dataclass(frozen=True, eq=False)
class Partition:
    """The regions that ``layer``'s boundaries cut ``domain`` into.

    ``domain`` is ``(lo, hi)`` in 1-D and ``((x_lo, x_hi), (y_lo, y_hi))`` in 2-D.
    ``breakpoints`` (1-D only) are the sorted boundary points strictly inside.
    """

    layer: Layer
    domain: tuple
    regions: list[Region]
    breakpoints: np.ndarray | None = None
    _lookup: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.regions)

    @property
    def signs(self) -> np.ndarray:
        """Every region's sign pattern, shape ``(regions, m)``."""
        return np.array([r.signs for r in self.regions], dtype=np.int8).reshape(len(self), -1)

    def locate(self, points) -> np.ndarray:
        """Index of the region holding each point: ``(N, n)`` -> ``(N,)``, -1 outside the domain.

        A point on a boundary goes to one of the regions that touch it.
        """
        n = self.layer.n
        pts = checks.finite_array(points, "points")
        if pts.ndim != 2 or pts.shape[1] != n:
            raise ValueError(f"points must have shape (N, {n}), got {pts.shape}")
        if n == 1:
            return _locate_1d(self, pts[:, 0])
        return _locate_2d(self, pts)


def partition_1d(layer: Layer, interval=(0.0, 1.0)) -> Partition:
    """Cut ``interval`` at every neuron's boundary point ``x = -b_k / w_k``.

    The breakpoints split the interval into at most ``m + 1`` intervals.
    """
    _expect_inputs(layer, 1)
    lo, hi = checks.interval(interval)
    w, b = layer.weights[:, 0], layer.biases
    moving = w != 0
    roots = np.full(layer.m, np.nan)
    roots[moving] = -b[moving] / w[moving]
    tol = RELATIVE_TOLERANCE * (hi - lo)
    inside = np.sort(roots[moving & (roots > lo + tol) & (roots < hi - tol)])
    breakpoints = inside[np.concatenate(([True], np.diff(inside) > tol))] if inside.size else inside
    ends = np.concatenate(([lo], breakpoints, [hi]))
    regions = []
    for a, c in zip(ends[:-1], ends[1:], strict=True):
        mid = 0.5 * (a + c)
        # Compare with the root rather than evaluating w*mid + b: no rounding can flip a sign.
        signs = np.where(moving, np.sign(w) * np.sign(mid - np.nan_to_num(roots)), np.sign(b))
        regions.append(Region(signs=signs.astype(np.int8), interval=(float(a), float(c))))
    return Partition(layer, (lo, hi), regions, breakpoints=breakpoints)


def partition_2d(layer: Layer, box=((0.0, 1.0), (0.0, 1.0))) -> Partition:
    """Split ``box`` by every neuron's boundary line into convex polygons.

    Each line in turn splits every current polygon it crosses, all polygons at
    once with numpy (see ``_split``). Returns one region per cell of the line
    arrangement inside the box: at most ``1 + m + m(m-1)/2`` of them.
    """
    _expect_inputs(layer, 2)
    (x0, x1), (y0, y1) = checks.box(box)
    normals, offsets, constant = _normalised_lines(layer)
    tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    owner = np.zeros(4, dtype=np.intp)  # polygon index of each corner, polygons stored in order
    signs = np.zeros((1, layer.m), dtype=np.int8)
    signs[:, constant] = np.sign(layer.biases[constant])
    for k in np.flatnonzero(~constant):
        corners, owner, signs = _split(corners, owner, signs, k, normals[k], offsets[k], tol)
    starts = np.searchsorted(owner, np.arange(len(signs)))
    polygons = np.split(corners, starts[1:])
    regions = [Region(signs=s, polygon=p) for s, p in zip(signs, polygons, strict=True)]
    return Partition(layer, ((x0, x1), (y0, y1)), regions)


def _split(corners, owner, signs, k, normal, offset, tol):
    """Cut every polygon crossed by line ``k``; record neuron ``k``'s sign in every piece.

    Polygons are stored contiguously: ``corners`` ``(V, 2)`` in counter-clockwise
    order and ``owner`` ``(V,)`` the sorted polygon index of each corner. Corners
    within ``tol`` of the line are moved onto it, so they belong to both pieces.
    Walking each cut polygon's corners in order, a piece keeps the corners on its
    side and gains the point where an edge crosses the line; the order of the
    walk keeps both pieces convex and counter-clockwise.
    """
    raw = corners @ normal + offset
    d = np.where(np.abs(raw) <= tol, 0.0, raw)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    high, low = np.maximum.reduceat(raw, starts), np.minimum.reduceat(raw, starts)
    cut = (np.maximum.reduceat(d, starts) > 0) & (np.minimum.reduceat(d, starts) < 0)
    # An uncut polygon lies on one side: the side of its corner farthest from the line.
    signs[:, k] = np.where(high >= -low, 1, -1)
    if not cut.any():
        return corners, owner, signs

    index = np.arange(len(owner))
    ends = np.r_[starts[1:], len(owner)]
    following = np.where(index == ends[owner] - 1, starts[owner], index + 1)
    d_next = d[following]
    crossing = d * d_next < 0
    t = np.divide(d, d - d_next, out=np.zeros_like(d), where=crossing)
    hit = corners + t[:, None] * (corners[following] - corners)

    in_cut, keep = cut[owner], ~cut
    kept, n_cut = int(keep.sum()), int(cut.sum())
    cut_number = np.cumsum(cut) - 1
    new_corners, new_owner = [corners[~in_cut]], [(np.cumsum(keep) - 1)[owner[~in_cut]]]
    for side_number, side in enumerate((d >= 0, d <= 0)):
        # Each corner emits itself (when on this side), then the crossing on its edge.
        emit = np.stack([side & in_cut, crossing & in_cut], axis=1).ravel()
        new_corners.append(np.stack([corners, hit], axis=1).reshape(-1, 2)[emit])
        new_owner.append(kept + side_number * n_cut + cut_number[np.repeat(owner, 2)[emit]])
    positive, negative = signs[cut].copy(), signs[cut].copy()
    positive[:, k], negative[:, k] = 1, -1
    return (
        np.concatenate(new_corners),
        np.concatenate(new_owner),
        np.concatenate([signs[keep], positive, negative]),
    )


def _normalised_lines(layer: Layer):
    """Unit normals, offsets (signed distance = normal · x + offset) and constant neurons."""
    norms = np.linalg.norm(layer.weights, axis=1)
    constant = norms == 0
    safe = np.where(constant, 1.0, norms)
    with np.errstate(over="ignore"):
        offsets = layer.biases / safe
    # A line so far away that its offset overflows misses the box: treat the neuron as constant.
    constant |= ~np.isfinite(offsets)
    return layer.weights / safe[:, None], np.nan_to_num(offsets), constant


def _expect_inputs(layer: Layer, n: int) -> None:
    if not isinstance(layer, Layer):
        raise ValueError(f"layer must be a neuron_tutorial.Layer, got {type(layer).__name__}")
    if layer.n != n:
        raise ValueError(f"layer must read {n}-dimensional inputs (n = {n}), got n = {layer.n}")


def _locate_1d(partition: Partition, x: np.ndarray) -> np.ndarray:
    lo, hi = partition.domain
    index = np.searchsorted(partition.breakpoints, x, side="right")
    return np.where((x >= lo) & (x <= hi), index, -1)


def _locate_2d(partition: Partition, pts: np.ndarray) -> np.ndarray:
    layer = partition.layer
    (x0, x1), (y0, y1) = partition.domain
    normals, offsets, constant = _normalised_lines(layer)
    tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    d = pts @ normals.T + offsets
    point_signs = np.where(constant, np.sign(layer.biases), np.sign(np.where(np.abs(d) <= tol, 0, d)))
    if not partition._lookup:
        partition._lookup.update({r.signs.tobytes(): i for i, r in enumerate(partition.regions)})
    found = np.array(
        [partition._lookup.get(s.astype(np.int8).tobytes(), -1) for s in point_signs], dtype=np.intp
    )
    inside = (pts[:, 0] >= x0 - tol) & (pts[:, 0] <= x1 + tol)
    inside &= (pts[:, 1] >= y0 - tol) & (pts[:, 1] <= y1 + tol)
    # Points on a boundary have a 0 in their pattern: give them a region they touch.
    for i in np.flatnonzero(inside & (found < 0)):
        zero = point_signs[i] == 0
        for j, region in enumerate(partition.regions):
            if np.all((region.signs == point_signs[i]) | zero):
                found[i] = j
                break
    return np.where(inside, found, -1)
