"""Labelled concepts for 8×8 digit images, computed from the pixels alone.

Network Dissection needs many concepts with a yes/no label per image. Besides
the ten digit classes (from the data set's labels) these are read off the
pixels, each for a reason a unit might care about:

- **Where the ink is.** The mean pixel value in each of nine regions (top,
  bottom, left and right halves, the four quadrants, the centre 4×4) and over
  the whole image: "much ink" when it is at least the 90th percentile of the
  reference images, "little ink" when at most the 10th.
- **How it is spread.** The ink-weighted standard deviation of the column
  ("wide" / "narrow") and of the row ("tall" / "short"), with the same
  percentiles (a smooth stand-in for the width and height of the bounding box,
  which on an 8×8 grid takes only a few values).
- **Symmetry.** ``Σ|x − mirror(x)| / Σx`` for the left–right and the top–bottom
  mirror: "symmetric" at most the 10th percentile, "lopsided" at least the 90th.
- **Strokes.** With ink = pixel ≥ ``INK``: a closed loop (background that the
  border cannot reach by flooding through background pixels side to side;
  ink touching only at corners still closes a loop) with some enclosed pixel
  in the top half or in the bottom half; a vertical stroke (a column inked over
  ``STROKE`` rows in a row); a horizontal bar in the top (rows 0–2), middle
  (3–4) or bottom (5–7) part (a run of at least ``BAR`` ink pixels along one row there).

Percentile concepts cover about a tenth of the reference images, like each digit
class, so that a unit's top 10% can match one with IoU near 1. Ties are
included (``>=``, ``<=``), so a concept is never empty. The stroke concepts
have whatever frequency the data gives them. Images are ``(N, 64)`` rows of an
8×8 picture, row 0 at the top, values in [0, 1].
"""

from __future__ import annotations

import numpy as np

from . import checks

INK = 0.5          # a pixel at least this dark is ink (half of the data set's 16 levels)
BAR = 5            # ink pixels side by side along a row that make a bar
STROKE = 8         # ink pixels down a column that make a vertical stroke (the full height:
                   # a run of 5 is found in 82% of the digits, the sides of every 0 among them)
REGIONS = {        # (rows, columns) of the 8×8 image
    "top half": (slice(0, 4), slice(0, 8)),
    "bottom half": (slice(4, 8), slice(0, 8)),
    "left half": (slice(0, 8), slice(0, 4)),
    "right half": (slice(0, 8), slice(4, 8)),
    "top-left quadrant": (slice(0, 4), slice(0, 4)),
    "top-right quadrant": (slice(0, 4), slice(4, 8)),
    "bottom-left quadrant": (slice(4, 8), slice(0, 4)),
    "bottom-right quadrant": (slice(4, 8), slice(4, 8)),
    "centre": (slice(2, 6), slice(2, 6)),
    "whole image": (slice(0, 8), slice(0, 8)),
}
# Graded features and the names of their (high, low) concepts.
GRADED = {**{f"ink: {r}": (f"much ink: {r}", f"little ink: {r}") for r in REGIONS},
          "horizontal spread": ("wide", "narrow"),
          "vertical spread": ("tall", "short"),
          "left-right asymmetry": ("lopsided left-right", "symmetric left-right"),
          "top-bottom asymmetry": ("lopsided top-bottom", "symmetric top-bottom")}
STROKES = ("loop in the top half", "loop in the bottom half", "vertical stroke",
           "bar at the top", "bar in the middle", "bar at the bottom")
NAMES = tuple(f"digit {d}" for d in range(10)) + tuple(
    name for pair in GRADED.values() for name in pair) + STROKES


def _pictures(images, name: str = "images") -> np.ndarray:
    x = checks.finite_array(images, name, ndim=2)
    if x.shape[1] != 64 or len(x) == 0 or np.any((x < 0) | (x > 1)):
        raise ValueError(f"{name} must have shape (N, 64) with N >= 1 and values in [0, 1], got {x.shape}")
    return x.reshape(-1, 8, 8)


def graded_features(images) -> np.ndarray:
    """The graded features of :data:`GRADED`, in its order: float ``(N, len(GRADED))``.

    Spreads and asymmetries of a blank image are 0.
    """
    x = _pictures(images)
    columns = [x[:, r, c].mean(axis=(1, 2)) for r, c in REGIONS.values()]
    mass = x.sum(axis=(1, 2))
    safe = np.where(mass > 0, mass, 1.0)
    index = np.arange(8.0)
    for axis in (1, 2):                       # spread across columns, then across rows
        profile = x.sum(axis=axis)            # (N, 8): ink per column (axis 1) or row (axis 2)
        mean = profile @ index / safe
        columns.append(np.sqrt(np.maximum(profile @ index**2 / safe - mean**2, 0.0)))
    for flipped in (x[:, :, ::-1], x[:, ::-1, :]):
        columns.append(np.abs(x - flipped).sum(axis=(1, 2)) / safe)
    return np.stack(columns, axis=1)


def enclosed_background(images) -> np.ndarray:
    """Background pixels (``< INK``) the border cannot reach side to side: bool ``(N, 8, 8)``."""
    background = _pictures(images) < INK
    reached = np.zeros_like(background)
    reached[:, [0, -1], :] = background[:, [0, -1], :]
    reached[:, :, [0, -1]] |= background[:, :, [0, -1]]
    while True:
        grown = reached.copy()
        grown[:, 1:, :] |= reached[:, :-1, :]
        grown[:, :-1, :] |= reached[:, 1:, :]
        grown[:, :, 1:] |= reached[:, :, :-1]
        grown[:, :, :-1] |= reached[:, :, 1:]
        grown &= background
        if np.array_equal(grown, reached):
            return background & ~reached
        reached = grown


def longest_runs(ink: np.ndarray, axis: int) -> np.ndarray:
    """Longest run of ``True`` along ``axis`` of a bool ``(N, 8, 8)`` array: int ``(N, 8)``."""
    run = np.zeros(np.delete(ink.shape, axis), dtype=int)
    best = run.copy()
    for k in range(ink.shape[axis]):
        run = np.where(np.take(ink, k, axis=axis), run + 1, 0)
        best = np.maximum(best, run)
    return best


def stroke_labels(images) -> np.ndarray:
    """The stroke concepts of :data:`STROKES`, in its order: bool ``(N, 6)``."""
    x = _pictures(images)
    ink = x >= INK
    holes = enclosed_background(images)
    down = longest_runs(ink, axis=1)          # (N, 8): per column
    across = longest_runs(ink, axis=2)        # (N, 8): per row
    return np.stack([holes[:, :4].any(axis=(1, 2)), holes[:, 4:].any(axis=(1, 2)),
                     (down >= STROKE).any(axis=1), (across[:, 0:3] >= BAR).any(axis=1),
                     (across[:, 3:5] >= BAR).any(axis=1), (across[:, 5:8] >= BAR).any(axis=1)], axis=1)


def labels(images, digits, reference=None) -> np.ndarray:
    """Every concept of :data:`NAMES` for each image: bool ``(N, len(NAMES))``.

    ``digits`` ``(N,)`` are the images' classes 0–9. The percentiles of the graded
    concepts are taken over ``reference`` ``(M, 64)`` (default: ``images``), so
    that a fixed reference gives each image the same labels in any company.
    """
    x = _pictures(images).reshape(-1, 64)
    d = np.asarray(digits)
    if d.shape != (len(x),) or not np.all(np.isin(d, np.arange(10))):
        raise ValueError(f"digits must be {len(x)} whole numbers 0-9 (one per image), got shape {d.shape}")
    ref = x if reference is None else _pictures(reference, "reference").reshape(-1, 64)
    features, ref_features = graded_features(x), graded_features(ref)
    high = features >= np.quantile(ref_features, 0.9, axis=0)
    low = features <= np.quantile(ref_features, 0.1, axis=0)
    graded = np.stack([high, low], axis=2).reshape(len(x), -1)      # high, low of each feature
    return np.concatenate([d[:, None] == np.arange(10), graded, stroke_labels(x)], axis=1)
