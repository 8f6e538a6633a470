"""The diverging palette of the direction figures (directions_relu's colour map).

Orange (negative) through the page's background to blue (positive): the reading's zero
level takes the background, so the zero set shows as the edge between the two colours.
"""

from __future__ import annotations

import numpy as np

from . import style


def palette(scheme: str, shades: int = 128) -> list[str]:
    """Orange → the page's background → blue in ``2 * shades + 1`` steps, for ``scheme``."""
    theme = style.THEMES[scheme]
    ends = [np.array([int(theme[key][i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
            for key in ("negative", "background", "positive")]
    colours = [ends[0] + i / shades * (ends[1] - ends[0]) for i in range(shades)]
    colours += [ends[1] + i / shades * (ends[2] - ends[1]) for i in range(shades + 1)]
    return ["#" + "".join(f"{int(np.floor(c + 0.5)):02x}" for c in rgb) for rgb in colours]
