"""Slow, obviously correct answers to test ``partition_2d`` against.

``exact_count_rows``: the number of regions by the counting formula in exact
rational arithmetic (``fractions``), ``1 +`` lines crossing the open box ``+``
the sum over points inside where lines meet of (lines through it ``- 1``).

``reference_partition``: the first implementation of ``partition_2d``: each
neuron's line in turn splits every polygon it crosses. It shares no code with
the package (its own normalisation and tolerance), so agreeing with it means
something. Its cost grows like m times the number of regions: fine for tests.
"""

from fractions import Fraction
from itertools import combinations

import numpy as np

RELATIVE_TOLERANCE = 1e-9  # this reference's own: it runs on lines in general position or exact ones


def reference_partition(layer, box=((0.0, 1.0), (0.0, 1.0))):
    """Signs ``(F, m)`` int8 and a list of ``F`` polygons ``(k, 2)`` by splitting the box line by line."""
    (x0, x1), (y0, y1) = box
    normals, offsets, constant = normalised_lines(layer.weights, layer.biases)
    tol = RELATIVE_TOLERANCE * np.hypot(x1 - x0, y1 - y0)
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    owner = np.zeros(4, dtype=np.intp)  # polygon index of each corner, polygons stored in order
    signs = np.zeros((1, len(offsets)), dtype=np.int8)
    signs[:, constant] = np.sign(layer.biases[constant])
    for k in np.flatnonzero(~constant):
        corners, owner, signs = split(corners, owner, signs, k, normals[k], offsets[k], tol)
    starts = np.searchsorted(owner, np.arange(len(signs)))
    return signs, np.split(corners, starts[1:])


def split(corners, owner, signs, k, normal, offset, tol):
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


def normalised_lines(weights, biases):
    """Unit normals, offsets (signed distance = normal · x + offset) and constant neurons."""
    norms = np.linalg.norm(weights, axis=1)
    constant = norms == 0
    safe = np.where(constant, 1.0, norms)
    with np.errstate(over="ignore"):
        offsets = biases / safe
    # A line so far away that its offset overflows misses the box: treat the neuron as constant.
    constant |= ~np.isfinite(offsets)
    return weights / safe[:, None], np.nan_to_num(offsets), constant


def exact_count_2d(layer, box):
    """The counting formula for ``layer``'s weights and biases read as exact rationals."""
    return exact_count_rows(zip(layer.weights[:, 0], layer.weights[:, 1], layer.biases, strict=True), box)


def exact_count_rows(rows, box):
    """The counting formula for lines ``a x + b y + c = 0``: rows ``(a, b, c)`` of exact numbers."""
    (x0, x1), (y0, y1) = ((Fraction(lo), Fraction(hi)) for lo, hi in box)
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    lines = set()
    for row in rows:
        a, b, c = (Fraction(v) for v in row)
        values = [a * x + b * y + c for x, y in corners]
        if (a, b) != (0, 0) and min(values) < 0 < max(values):
            lead = a if a != 0 else b  # (w, b), (-w, -b) and (2w, 2b) are the same line
            lines.add((a / lead, b / lead, c / lead))
    through = {}
    for (a1, b1, c1), (a2, b2, c2) in combinations(lines, 2):
        det = a1 * b2 - a2 * b1
        if det == 0:
            continue
        x = (b1 * c2 - b2 * c1) / det
        y = (c1 * a2 - c2 * a1) / det
        if x0 < x < x1 and y0 < y < y1:
            through.setdefault((x, y), set()).update({(a1, b1, c1), (a2, b2, c2)})
    return 1 + len(lines) + sum(len(ls) - 1 for ls in through.values())
