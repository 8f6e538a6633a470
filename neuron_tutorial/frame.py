"""A layer's boundary lines in the frame of a box, where the box is the unit square.

``partition_2d`` works in the frame ``x = origin + width * s``, ``s`` in ``[0, 1]^2``:
a box far from the origin, huge or tiny, is then as exact as the unit square.
Neuron ``k``'s boundary becomes ``a s_1 + b s_2 + c = 0`` with ``a = w_1 width_1``,
``b = w_2 width_2`` and ``c = w · origin + b_k``, its value at the box's corner.
That sum cancels when the box is far away (``c`` is small, its terms large), so it
is computed exactly there and rounded once. Rows are scaled by powers of two
first, so no weight, however large or small, overflows or underflows.
"""

from __future__ import annotations

import numpy as np

from . import checks

# Bottom, right, top, left: normals pointing out of the box, so directions run counter-clockwise.
SIDE_NORMALS = np.array([[0.0, -1.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
# A line whose offset is this many times its normal's length misses the unit box by far.
FAR = 1e300


def unit_box(box) -> tuple[np.ndarray, np.ndarray]:
    """The box's lower-left corner ``origin`` and its ``width`` ``(2,)``, checked finite and positive."""
    (x0, x1), (y0, y1) = checks.box(box)
    width = np.array([x1 - x0, y1 - y0])
    if not np.all(np.isfinite(width)) or not np.isfinite(width.prod()) or width.prod() == 0:
        raise ValueError(f"box must have finite, nonzero sides and area, got (({x0}, {x1}), ({y0}, {y1}))")
    return np.array([x0, y0]), width


def frame_lines(weights, biases, origin, width) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit normals ``(m, 2)``, offsets ``(m,)`` and constant neurons ``(m,)`` in the box's frame.

    The signed distance in the frame is ``normal · s + offset``, with the sign of
    the neuron's output. A neuron with zero weights is constant: normal 0 and
    offset ``sign(b_k) FAR``. Offsets are clipped to ``±FAR``: such lines miss the box.
    """
    w, b = np.asarray(weights, dtype=float), np.asarray(biases, dtype=float)
    largest = np.maximum(np.abs(w).max(axis=1, initial=0.0), np.abs(b))
    exponent = np.frexp(np.where(largest > 0, largest, 1.0))[1]
    w, b = np.ldexp(w, -exponent[:, None]), np.ldexp(b, -exponent)  # exact: powers of two
    a = w * width
    length = np.hypot(a[:, 0], a[:, 1])
    constant = length == 0
    safe = np.where(constant, 1.0, length)
    with np.errstate(over="ignore", invalid="ignore"):
        terms = np.stack([b, w[:, 0] * origin[0], w[:, 1] * origin[1]], axis=1)
        c = terms.sum(axis=1)
        offsets = np.clip(c / safe, -FAR, FAR)
        # The rounding of c is below 3 ulps of its terms: exact enough unless they cancel.
        rough = ~np.isfinite(c) | (np.abs(terms).sum(axis=1) > 16 * (length + np.abs(c)))
    for k in np.flatnonzero(rough & ~constant):
        offsets[k] = _exact_ratio([(b[k], 1.0), (w[k, 0], origin[0]), (w[k, 1], origin[1])], length[k])
    offsets[constant] = np.sign(b[constant]) * FAR
    normals = a / safe[:, None]
    return normals, offsets, constant


def _exact_ratio(products, divisor: float) -> float:
    """``sum(p * q for p, q in products) / divisor``, exactly rounded once, clipped to ``±FAR``.

    Floats are integers over powers of two, so the sum is an integer over one
    power of two; Python divides integers with one correct rounding.
    """
    numerator, denominator = 0, 1
    for p, q in products:
        (a, b), (c, d) = float(p).as_integer_ratio(), float(q).as_integer_ratio()
        common = max(denominator, b * d)  # powers of two: the larger is a multiple of the other
        numerator = numerator * (common // denominator) + a * c * (common // (b * d))
        denominator = common
    top, bottom = float(divisor).as_integer_ratio()
    numerator, denominator = numerator * bottom, denominator * top
    if abs(numerator) > int(FAR) * denominator:
        return FAR if numerator > 0 else -FAR
    return numerator / denominator


def directions(normals: np.ndarray) -> np.ndarray:
    """Unit directions ``(L, 2)`` of lines with unit normals ``(L, 2)``: the normal turned left."""
    return np.stack([-normals[:, 1], normals[:, 0]], axis=1)


def boundaries(normals, offsets, constant, tol: float):
    """The distinct lines crossing the open unit box, and how each neuron's sign reads from them.

    A line and its opposite, or two proportional rows, are one boundary (see
    ``same_lines``). Returns the ``L`` lines' ``normals`` ``(L, 2)``, ``offsets``
    ``(L,)``, ``ends`` ``(L, 2, 2)`` and ``sides`` ``(L, 2)`` (see ``clip``), and per
    neuron ``column`` ``(m,)``, the index of its line (``L`` for a neuron without a
    boundary in the box), and ``factor`` ``(m,)`` int8: +1 or -1 as its normal
    agrees with its line's or not, or else its one sign on the whole box.
    """
    corners = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    distance = corners @ normals.T + offsets
    high, low = distance.max(axis=0, initial=-np.inf), distance.min(axis=0, initial=np.inf)
    # A line that misses the open box leaves its neuron one sign there: the side of the farthest corner.
    factor = np.where(high >= -low, 1, -1).astype(np.int8)
    factor[constant] = np.sign(offsets[constant])
    moving = np.flatnonzero(~constant & (high > tol) & (low < -tol))
    ends, sides = clip(normals[moving], offsets[moving])
    same, factor[moving] = same_lines(normals[moving], offsets[moving], ends, tol)
    distinct = np.flatnonzero(same == np.arange(len(moving)))
    column = np.full(len(offsets), len(distinct))
    column[moving] = np.searchsorted(distinct, same)
    lines = moving[distinct]
    return normals[lines], offsets[lines], ends[distinct], sides[distinct], column, factor


def clip(normals: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each line enters and leaves the unit box (Liang–Barsky).

    Returns ``ends`` ``(L, 2, 2)``, the entry and exit points, each moved exactly
    onto the box side it lies on, and ``sides`` ``(L, 2)``, the index of that side
    (0 bottom, 1 right, 2 top, 3 left). Every line must cross the box.
    """
    d = directions(normals)
    base = -offsets[:, None] * normals
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        to_low, to_high = -base / d, (1.0 - base) / d
    # Per axis: the positions where the line enters and leaves that axis's slab
    # (none for a line parallel to it), and the side it enters and leaves through.
    enter = np.where(d > 0, to_low, np.where(d < 0, to_high, -np.inf))
    leave = np.where(d > 0, to_high, np.where(d < 0, to_low, np.inf))
    enter_side = np.where(d > 0, [3, 0], [1, 2])
    leave_side = np.where(d > 0, [1, 2], [3, 0])
    rows = np.arange(len(d))
    first, last = enter.argmax(axis=1), leave.argmin(axis=1)
    t = np.stack([enter[rows, first], leave[rows, last]], axis=1)
    sides = np.stack([enter_side[rows, first], leave_side[rows, last]], axis=1)
    ends = np.clip(base[:, None, :] + t[:, :, None] * d[:, None, :], 0.0, 1.0)
    on_axis = np.array([1, 0, 1, 0])[sides]  # the coordinate a side fixes: y, x, y, x
    ends[rows[:, None], [0, 1], on_axis] = np.array([0.0, 1.0, 1.0, 0.0])[sides]
    return ends, sides


def same_lines(normals, offsets, ends, tol, chunk: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Which lines are one boundary inside the box: ``representative`` and ``orientation``, ``(L,)``.

    Lines ``i`` and ``j`` are the same when both ends of ``j`` lie within ``tol``
    of ``i`` (or the other way round): a line and its opposite, or two rows that
    differ by a factor, whose normalised forms differ by rounding. Each line
    points to the first line it is the same as; ``orientation`` is +1 where its
    normal agrees with that line's and -1 where it is opposite. Rows are compared
    ``chunk`` at a time, so memory stays ``O(chunk L)``.
    """
    count = len(normals)
    links = []
    for start in range(0, count, chunk):
        gaps = np.abs(np.einsum("ik,jek->ije", normals[start : start + chunk], ends)
                      + offsets[start : start + chunk, None, None])
        i, j = np.nonzero(np.all(gaps <= tol, axis=2))
        links.append(np.stack([i + start, j], axis=1))
    i, j = np.concatenate(links or [np.zeros((0, 2), dtype=int)]).T
    representative = np.arange(count)
    while True:  # each line takes the smallest line linked to it, until nothing changes
        low = np.minimum(representative[i], representative[j])
        spread = representative.copy()
        np.minimum.at(spread, i, low)
        np.minimum.at(spread, j, low)
        spread = spread[spread]
        if np.array_equal(spread, representative):
            break
        representative = spread
    agree = np.einsum("ik,ik->i", normals, normals[representative]) > 0
    return representative, np.where(agree, 1, -1).astype(np.int8)


def line_signs(points, normals, offsets, corners, starts, lengths, tol) -> np.ndarray:
    """Every line's sign in each of ``N`` cells, then a column of ones: ``(N, L + 1)`` int8.

    ``points`` ``(N, 2)`` lie inside the cells, whose corners are
    ``corners[starts[i] : starts[i] + lengths[i]]``. A cell lies on one side of
    every line (lines through it are edges of it), so the sign at its point is
    the cell's. Where the point is within ``tol`` of a line, rounding could flip
    that sign: the cell's corner farthest from the line decides instead.
    """
    distance = points @ normals.T + offsets
    signs = np.ones((len(points), len(normals) + 1), dtype=np.int8)
    signs[:, :-1] = np.where(distance > 0, 1, -1)
    cell, line = np.nonzero(np.abs(distance) <= tol)
    if len(cell):
        owner = np.repeat(np.arange(len(cell)), lengths[cell])
        first = np.cumsum(lengths[cell]) - lengths[cell]
        corner = np.repeat(starts[cell], lengths[cell]) + np.arange(len(owner)) - first[owner]
        d = np.einsum("ik,ik->i", corners[corner], normals[line[owner]]) + offsets[line[owner]]
        high, low = np.maximum.reduceat(d, first), np.minimum.reduceat(d, first)
        signs[cell, line] = np.where(high >= -low, 1, -1)
    return signs
