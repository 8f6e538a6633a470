"""A slow, obviously correct 2-D partition to test ``partition_2d`` against.

The first implementation of ``partition_2d``, moved here unchanged: each
neuron's line in turn splits every polygon it crosses. It shares no code with
the package (its own normalisation and tolerance), so agreeing with it means
something. Its cost grows like m times the number of regions: fine for tests.
"""

import numpy as np

RELATIVE_TOLERANCE = 1e-9


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
