"""The part of a boundary line inside a box, as nt/geometry.js's ``clip_line`` draws it."""

from __future__ import annotations

import numpy as np

from ...arrangement import clip

UNIT_BOX = ((0.0, 1.0), (0.0, 1.0))


def clip_line(w, b: float, box=UNIT_BOX):
    """The part of the line ``w · x + b = 0`` inside ``box``: ``([xa, xb], [ya, yb])`` or None.

    The ends run along the line's direction (its normal turned left), as in
    ``arrangement.clip``; None for a zero ``w`` or a line that misses or only touches the box.
    """
    w = np.asarray(w, dtype=float)
    norm = np.sqrt(w @ w)
    if norm == 0 or not np.isfinite(b / norm):
        return None
    normal, offset = w / norm, b / norm
    (x0, x1), (y0, y1) = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]) @ normal + offset
    if not (corners.max() > 0 > corners.min()):
        return None
    ends, _ = clip(normal[None], np.array([offset]), box)
    (xa, ya), (xb, yb) = ends[0]
    if not np.hypot(xb - xa, yb - ya) > 1e-9 * np.hypot(x1 - x0, y1 - y0):
        return None
    return [float(xa), float(xb)], [float(ya), float(yb)]
