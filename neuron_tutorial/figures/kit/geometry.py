"""The part of a boundary line inside a box, as nt/geometry.js's ``clip_line`` draws it."""

from __future__ import annotations

import numpy as np

from ... import frame

UNIT_BOX = ((0.0, 1.0), (0.0, 1.0))


def clip_line(w, b: float, box=UNIT_BOX):
    """The part of the line ``w · x + b = 0`` inside ``box``: ``([xa, xb], [ya, yb])`` or None.

    The ends run along the line's direction (its normal turned left in the box's frame),
    as ``frame.clip`` finds them; None for a zero ``w`` or a line that misses or only touches the box.
    """
    origin, width = frame.unit_box(box)
    normals, offsets, constant = frame.frame_lines(np.asarray(w, dtype=float)[None], [b], origin, width)
    corners = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]) @ normals[0] + offsets[0]
    if constant[0] or not (corners.max() > 0 > corners.min()):
        return None
    ends, _ = frame.clip(normals, offsets)
    (xa, ya), (xb, yb) = ends[0] * width + origin
    if not np.hypot(*(ends[0][1] - ends[0][0])) > 1e-9:
        return None
    return [float(xa), float(xb)], [float(ya), float(yb)]
