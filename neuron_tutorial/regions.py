"""Regions of a partition: one ``Region`` at a time, or all of a 2-D partition in flat arrays.

``Cells`` keeps a 2-D partition's regions as a sequence that builds each
``Region`` on access, from arrays whose size grows with the output: the corners
``(K, 2)`` and ``offsets`` ``(F + 1,)``, a point inside each region ``(F, 2)``,
and the lines. Sign patterns, ``F x m`` of them, are computed when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .frame import line_signs


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
        return float(_areas(self.polygon, np.array([0]), np.array([len(self.polygon)]))[0])

    @property
    def point(self) -> np.ndarray:
        """A point inside the region, shape ``(n,)``: the midpoint or the mean of the corners."""
        if self.interval is not None:
            return np.array([0.5 * self.interval[0] + 0.5 * self.interval[1]])
        return self.polygon.mean(axis=0)

    @property
    def pattern(self) -> str:
        """The sign pattern as text, one character per neuron: ``+``, ``−`` or ``0``."""
        return "".join("+" if s > 0 else "−" if s < 0 else "0" for s in self.signs)


class Cells:
    """The ``F`` regions of a 2-D partition, computed in the box's frame (``frame.py``).

    ``origin``, ``width`` ``(2,)``: the box is ``origin + width * [0, 1]^2``.
    ``corners`` ``(K, 2)`` (frame) and ``lengths`` ``(F,)``: each cell's corners,
    counter-clockwise, one cell after another. ``normals``, ``offsets``: the
    ``L`` lines in the frame; neuron ``k`` has the sign ``factor[k]`` times that of
    line ``column[k]`` (``column[k] = L``: ``factor[k]`` is its one sign).
    """

    def __init__(self, origin, width, corners, lengths, normals, offsets, column, factor, tol):
        self.origin, self.width, self.tol = origin, width, tol
        self.corners, self.lengths = corners, lengths
        self.starts = np.cumsum(lengths) - lengths
        sums = np.add.reduceat(corners, self.starts) if len(lengths) else corners
        self.frame_points = sums / lengths[:, None]
        self.normals, self.line_offsets, self.column, self.factor = normals, offsets, column, factor

    def __len__(self) -> int:
        return len(self.lengths)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indices, and IndexError past the end
        start = self.starts[index]
        polygon = self.origin + self.width * self.corners[start : start + self.lengths[index]]
        return Region(signs=self.signs_of(np.array([index]))[0], polygon=polygon)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def signs_of(self, indices: np.ndarray) -> np.ndarray:
        """Sign patterns ``(N, m)`` int8 of the cells ``indices`` ``(N,)``."""
        table = line_signs(self.frame_points[indices], self.normals, self.line_offsets, self.corners,
                           self.starts[indices], self.lengths[indices], self.tol)
        signs = np.take(table, self.column, axis=1)
        signs *= self.factor
        return signs

    @property
    def points(self) -> np.ndarray:
        """The mean of each cell's corners, ``(F, 2)``: inside it, as cells are convex."""
        return self.origin + self.width * self.frame_points

    @property
    def vertices(self) -> np.ndarray:
        """Every cell's corners ``(K, 2)``, in the input's coordinates."""
        return self.origin + self.width * self.corners

    @property
    def offsets(self) -> np.ndarray:
        """``(F + 1,)``: cell ``i``'s corners are ``vertices[offsets[i] : offsets[i + 1]]``."""
        return np.concatenate([[0], np.cumsum(self.lengths)])

    @property
    def sizes(self) -> np.ndarray:
        """Each cell's area ``(F,)``, from its corners in the frame (no cancellation far away)."""
        return _areas(self.corners, self.starts, self.lengths) * (self.width[0] * self.width[1])


def _areas(corners, starts, lengths) -> np.ndarray:
    """Shoelace areas of polygons stored one after another, measured from each one's first corner."""
    if not len(lengths):
        return np.zeros(0)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    relative = corners - corners[starts][owner]
    after = np.arange(len(corners)) + 1
    after[starts + lengths - 1] = starts
    x, y = relative.T
    return 0.5 * np.add.reduceat(x * y[after] - y * x[after], starts)


def memory_check(nbytes: int, regions: int, what: str) -> None:
    """Refuse, before allocating, a request for more than the memory available now."""
    available = _available_bytes()
    if available is not None and nbytes > available:
        raise ValueError(f"{what}: {regions:,} regions need about {nbytes / 2**20:,.0f} MiB, "
                         f"but only {available / 2**20:,.0f} MiB of memory is available")


def _available_bytes() -> int | None:
    """Linux's estimate of the memory available without swapping (free plus reclaimable cache)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None
