"""Argument checks shared by floor 1: every bad input becomes a clear ``ValueError``.

Each helper names the argument and says what was expected, so a reader who passes
the wrong thing learns what to pass instead of meeting an error deep inside numpy.
"""

from __future__ import annotations

import numpy as np


def finite_array(value, name: str, *, ndim: int | None = None) -> np.ndarray:
    """``value`` as a float array, checked to hold only finite numbers (and ``ndim`` axes)."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be an array of numbers, got {value!r}") from error
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} axes, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold only finite numbers (no NaN or inf)")
    return array


def interval(value, name: str = "interval") -> tuple[float, float]:
    """A non-empty interval ``(lo, hi)`` with finite ends and ``lo < hi``."""
    ends = finite_array(value, name)
    if ends.shape != (2,):
        raise ValueError(f"{name} must be a pair (lo, hi), got shape {ends.shape}")
    lo, hi = float(ends[0]), float(ends[1])
    if not lo < hi:
        raise ValueError(f"{name} must satisfy lo < hi, got ({lo}, {hi})")
    return lo, hi


def box(value, name: str = "box") -> tuple[tuple[float, float], tuple[float, float]]:
    """A non-empty box ``((x_lo, x_hi), (y_lo, y_hi))`` with finite sides."""
    sides = finite_array(value, name)
    if sides.shape != (2, 2):
        raise ValueError(f"{name} must be ((x_lo, x_hi), (y_lo, y_hi)), got shape {sides.shape}")
    return interval(sides[0], f"{name}[0]"), interval(sides[1], f"{name}[1]")


def quantile(value, name: str = "q") -> float:
    """A probability strictly between 0 and 1."""
    q = finite_array(value, name)
    if q.ndim != 0 or not 0.0 < float(q) < 1.0:
        raise ValueError(f"{name} must be a number strictly between 0 and 1, got {value!r}")
    return float(q)


def count(value, name: str, *, minimum: int = 0) -> int:
    """A whole number at least ``minimum`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, got {value!r}")
    return int(value)
