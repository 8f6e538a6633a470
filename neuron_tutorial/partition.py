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

from . import arrangement, checks
from .layer import Layer
from .network import Network

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

    def __repr__(self) -> str:
        return f"Partition({len(self)} regions of {np.round(self.domain, 3).tolist()} by {self.layer!r})"

    def _repr_html_(self) -> str:  # a notebook's view: the five largest regions' sign patterns
        top = sorted(range(len(self)), key=lambda i: -self.regions[i].size)[:5]
        rows = "".join(f"<tr><td>{i}</td><td>{self.regions[i].size:.3g}</td><td><code>"
                       f"{self.regions[i].pattern[:64]}</code></td></tr>" for i in top)
        return f"<b>{self!r}</b><table><tr><th>region</th><th>size</th><th>pattern</th></tr>{rows}</table>"

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


def partition_2d(layer: Layer | Network, box=None) -> Partition:
    """Split ``box`` by every neuron's boundary line into convex polygons.

    ``box`` defaults to the box of the ``Plane`` the layer (or network) was sliced on, else
    the unit square. A 2-input ``Network`` is split by all its neurons (``deep_partition``).

    The boundaries that cross the box form a line arrangement, built all at once
    by ``arrangement.cells``; the signs spread from cell to cell across its
    edges. Returns one region per cell of the arrangement inside the box: at
    most ``1 + m + m(m-1)/2`` of them.
    """
    if box is None:  # the plane's box of a slice, else the unit square
        first = layer.layers[0] if isinstance(layer, Network) else layer
        box = getattr(first, "box", None) or ((0.0, 1.0), (0.0, 1.0))
    if isinstance(layer, Network):  # every neuron of every layer, built layer by layer
        from .deep_partition import deep_partition  # here: deep_partition imports Partition

        return deep_partition(layer, box)
    _expect_inputs(layer, 2)
    box = checks.box(box)
    (x0, x1), (y0, y1) = box
    tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    normals, offsets, ends, sides, column, factor = _boundaries(layer, box, tol)
    corners, lengths, *edges = arrangement.cells(normals, offsets, ends, sides, box, tol)
    table = _line_signs(normals, offsets, corners, lengths, *edges)
    if len(normals) == layer.m:  # every neuron has its own line: the table is the signs
        signs = table[:, :-1]
    else:  # neuron k reads column[k] of the table (the last for no boundary) times factor[k]
        signs = np.take(table, column, axis=1)
        signs *= factor
    ends = np.cumsum(lengths)
    polygons = [corners[a:b] for a, b in zip((ends - lengths).tolist(), ends.tolist(), strict=True)]
    regions = list(map(Region, signs, [None] * len(polygons), polygons))  # faster than keywords
    return Partition(layer, box, regions)


def _boundaries(layer: Layer, box, tol: float):
    """The distinct lines crossing the open box, and how each neuron's sign reads from them.

    A line and its opposite, or two proportional rows, are one boundary (see
    ``arrangement.same_lines``). Returns the ``L`` lines' ``normals`` ``(L, 2)``,
    ``offsets`` ``(L,)``, ``ends`` ``(L, 2, 2)`` and ``sides`` ``(L, 2)`` (see
    ``arrangement.clip``), and per neuron ``column`` ``(m,)``, the index of its
    line (``L`` for a neuron without a boundary in the box), and ``factor``
    ``(m,)`` int8: +1 or -1 as its normal agrees with its line's or not, or else
    its one sign on the whole box.
    """
    normals, offsets, constant = _normalised_lines(layer)
    (x0, x1), (y0, y1) = box
    distance = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]) @ normals.T + offsets
    high, low = distance.max(axis=0, initial=-np.inf), distance.min(axis=0, initial=np.inf)
    # A line that misses the open box leaves its neuron one sign there: the side of the farthest corner.
    factor = np.where(constant, np.sign(layer.biases), np.where(high >= -low, 1, -1)).astype(np.int8)
    moving = np.flatnonzero(~constant & (high > tol) & (low < -tol))
    ends, sides = arrangement.clip(normals[moving], offsets[moving], box)
    same, factor[moving] = arrangement.same_lines(normals[moving], offsets[moving], ends, tol)
    distinct = np.flatnonzero(same == np.arange(len(moving)))
    column = np.full(layer.m, len(distinct))
    column[moving] = np.searchsorted(distinct, same)
    lines = moving[distinct]
    return normals[lines], offsets[lines], ends[distinct], sides[distinct], column, factor


def _line_signs(normals, offsets, corners, lengths, edge_line, forward, beyond):
    """Every line's sign in every cell, then a column of ones: ``(F, L + 1)`` int8.

    ``normals``, ``offsets`` of the ``L`` lines, and the cells as ``arrangement.cells``
    returns them. Each root (``_roots``) reads its signs off its corners, the side
    of the corner farthest from each line, or exactly off its edges for their
    lines. A cell reached across an edge on line ``k`` copies the signs of the
    cell it is reached from, except ``k``'s, which the edge gives exactly: the signs
    spread breadth-first from the roots.
    """
    n_cells, count = len(lengths), len(normals)
    starts = np.cumsum(lengths) - lengths
    owner = np.repeat(np.arange(n_cells), lengths)
    roots = _roots(corners, starts, lengths)
    signs = np.ones((n_cells, count + 1), dtype=np.int8)
    for root in roots:
        distance = corners[starts[root] : starts[root] + lengths[root]] @ normals.T + offsets
        farthest = distance[np.abs(distance).argmax(axis=0), np.arange(count)]
        signs[root, :count] = np.where(farthest >= 0, 1, -1)
    side = np.where(forward, -1, 1).astype(np.int8)  # the cell's side of each edge's line
    along = np.isin(owner, roots) & (edge_line < count)
    signs[owner[along], edge_line[along]] = side[along]
    # Row c lists the cells beyond cell c's edges; n_cells stands for the outside,
    # for the box's sides and for the padding, and counts as done.
    width = int(lengths.max())
    across = np.full((n_cells, width), n_cells)
    across[owner, np.arange(len(owner)) - starts[owner]] = np.where(edge_line < count, beyond, n_cells)
    done = np.zeros(n_cells + 1, dtype=bool)
    done[roots], done[n_cells] = True, True
    frontier, stamp = roots, np.zeros(n_cells, dtype=np.intp)
    while frontier.size:
        reached = across[frontier].ravel()
        new = np.flatnonzero(~done[reached])
        cells = reached[new]
        stamp[cells] = np.arange(len(cells))
        once = stamp[cells] == np.arange(len(cells))  # a cell reached twice is copied once
        cells, new = cells[once], new[once]
        edge = starts[frontier[new // width]] + new % width
        done[cells] = True
        signs[cells] = signs[owner[edge]]
        signs[cells, edge_line[edge]] = -side[edge]
        frontier = cells
    return signs


def _roots(corners, starts, lengths):
    """The largest cell in each square of a 4 x 4 grid over the box: ``(<= 16,)``.

    Spreading from all over the box takes fewer levels than from one cell, and a
    large cell's corners lie far from the lines that do not touch it.
    """
    centres = np.add.reduceat(corners, starts) / lengths[:, None]
    low, high = corners.min(axis=0), corners.max(axis=0)  # the box
    square = np.minimum((4 * (centres - low) / (high - low)).astype(int), 3) @ [1, 4]
    after = np.arange(len(corners)) + 1
    after[starts + lengths - 1] = starts
    (x, y), (x_after, y_after) = corners.T, corners[after].T
    by_size = np.argsort(-np.add.reduceat(x * y_after - y * x_after, starts))  # shoelace
    return by_size[np.unique(square[by_size], return_index=True)[1]]


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
