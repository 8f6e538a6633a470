"""Pieces shared by the figures of pages 6 and 7 (directions_linear, directions_relu).

The Python side of piecewise.js's drawing helpers: the diverging palette, far
end points of a line for drawing, polygons as patch data, and how many
straight lines a zero set is made of.
"""

from __future__ import annotations

import numpy as np

from ...directions import level_segments
from . import style


def palette(scheme: str, shades: int = 24) -> list[str]:
    """Orange → the page's background → blue in ``2 * shades + 1`` steps (as piecewise.js)."""
    theme = style.THEMES[scheme]
    ends = [np.array([int(theme[key][i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
            for key in ("negative", "background", "positive")]
    colours = [ends[0] + i / shades * (ends[1] - ends[0]) for i in range(shades)]
    colours += [ends[1] + i / shades * (ends[2] - ends[1]) for i in range(shades + 1)]
    return ["#" + "".join(f"{int(np.floor(c + 0.5)):02x}" for c in rgb) for rgb in colours]


def far_segment(w, c: float, reach: float = 10.0) -> tuple[list[float], list[float]]:
    """Two far points ``([x0, x1], [y0, y1])`` of the line ``w · x + c = 0``; NaNs when ``w = 0``.

    The plot's ranges clip the line to the square, so a long segment draws it whole.
    """
    w = np.asarray(w, dtype=float)
    norm2 = float(w @ w)
    if norm2 == 0:
        return [np.nan, np.nan], [np.nan, np.nan]
    p = -c * w / norm2
    d = np.array([-w[1], w[0]]) / np.sqrt(norm2)
    return [p[0] - reach * d[0], p[0] + reach * d[0]], [p[1] - reach * d[1], p[1] + reach * d[1]]


def patches(polygons) -> dict:
    """Convex polygons ``(k, 2)`` as the ``xs``/``ys`` columns of a patches source."""
    return {"xs": [np.asarray(p)[:, 0].tolist() for p in polygons],
            "ys": [np.asarray(p)[:, 1].tolist() for p in polygons]}


def segments(segs) -> dict:
    """Segments ``(2, 2)`` as the ``xs``/``ys`` columns of a multi_line source."""
    return {"xs": [[float(s[0][0]), float(s[1][0])] for s in segs],
            "ys": [[float(s[0][1]), float(s[1][1])] for s in segs]}


def distinct_lines(pieces, level: float = 0.0) -> int:
    """How many different straight lines the reading's ``level`` crossings lie on."""
    keys = set()
    for piece in pieces:
        w, c = np.asarray(piece.weights, dtype=float), piece.bias - level
        norm = float(np.hypot(*w))
        if norm == 0 or not level_segments([piece], level):
            continue
        sign = -1.0 if w[0] / norm < -1e-12 or (abs(w[0] / norm) <= 1e-12 and w[1] < 0) else 1.0
        keys.add(tuple(f"{sign * x / norm:.6f}" for x in (w[0], w[1], c)))
    return len(keys)
