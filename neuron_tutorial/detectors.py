"""What Network Dissection measures about a set of directions: masks, IoU, detectors, kurtosis.

Bau, Zhou et al. (2017): threshold each direction of a layer at a top quantile
of its values over the inputs, score that mask by intersection over union
(IoU) against every labelled concept, call the direction a detector when its
best IoU reaches a threshold, and count the distinct concepts detected. Used by
:mod:`.dissection` (the toy world) and :mod:`.digit_dissection` (the digits).
"""

from __future__ import annotations

import numpy as np

from . import checks


def top_quantile_masks(values, q: float = 0.9) -> np.ndarray:
    """Where each column of ``values`` ``(N, d)`` lies strictly above its ``q``-quantile: bool ``(N, d)``.

    Strictly above, so a column that is constant (a dead unit) has an empty mask,
    and a ReLU unit that is positive on less than ``1 - q`` of the inputs has its
    positive set as mask.
    """
    v = checks.finite_array(values, "values", ndim=2)
    if len(v) == 0:
        raise ValueError("values must have at least one row (one input)")
    return v > np.quantile(v, checks.quantile(q), axis=0)


def iou(masks, concepts) -> np.ndarray:
    """Intersection over union of every mask ``(N, d)`` with every concept ``(N, C)``: ``(d, C)``.

    Two empty sets score 0, not 1: an empty mask detects nothing.
    """
    a = np.asarray(masks, dtype=bool)
    b = np.asarray(concepts, dtype=bool)
    if a.ndim != 2 or b.ndim != 2 or len(a) != len(b):
        raise ValueError(f"masks (N, d) and concepts (N, C) must share N, got {a.shape} and {b.shape}")
    inter = a.T.astype(float) @ b
    union = a.sum(axis=0)[:, None] + b.sum(axis=0)[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def excess_kurtosis(values) -> np.ndarray:
    """Fourth standardised moment minus 3 of each column of ``values`` ``(N, d)``: ``(d,)``.

    0 for a Gaussian, -1.2 for a uniform, 3 for a Laplace law; large for sparse,
    heavy-tailed coordinates. Moments are of the sample (divided by ``N``); a
    constant column has none (NaN).
    """
    v = checks.finite_array(values, "values", ndim=2)
    c = v - v.mean(axis=0)
    m2, m4 = (c**2).mean(axis=0), (c**4).mean(axis=0)
    out = np.full(v.shape[1], np.nan)
    np.divide(m4, m2**2, out=out, where=m2 > 0)
    return out - 3.0


class Counts:
    """What every dissection counts from its ``best_iou`` and ``best_concept`` ``(S, A, h)``."""

    @property
    def detectors(self) -> np.ndarray:
        """Directions whose best IoU reaches ``threshold``: int ``(S, A)``."""
        return (self.best_iou >= self.threshold).sum(axis=2)

    @property
    def concept_detected(self) -> np.ndarray:
        """Whether some direction detects concept ``c``: bool ``(S, A, C)``."""
        hit = self.best_iou >= self.threshold
        return np.stack([(hit & (self.best_concept == k)).any(axis=2)
                         for k in range(len(self.concepts))], axis=2)

    @property
    def unique_detectors(self) -> np.ndarray:
        """Distinct concepts detected: int ``(S, A)``."""
        return self.concept_detected.sum(axis=2)

    @property
    def mean_iou(self) -> np.ndarray:
        """Mean best IoU over each network's live directions: ``(S, A)`` (NaN with none live)."""
        total = self.best_iou.sum(axis=2)
        out = np.full(total.shape, np.nan)
        return np.divide(total, self.live[:, None], out=out, where=self.live[:, None] > 0)

    def paired(self, measure: str = "unique_detectors") -> np.ndarray:
        """Per network ``(S,)``: ``measure`` (a ``(S, A)`` property) at α = 0 minus at α = 1."""
        if measure not in ("detectors", "unique_detectors", "mean_iou", "kurtosis") or not hasattr(
                self, measure):
            raise ValueError(f"measure must name a (seeds, alphas) measure of this result, got {measure!r}")
        if not (np.any(self.alphas == 0.0) and np.any(self.alphas == 1.0)):
            raise ValueError(f"alphas must include 0 and 1 for a paired difference, got {self.alphas}")
        values = getattr(self, measure)
        first, last = np.flatnonzero(self.alphas == 0.0)[0], np.flatnonzero(self.alphas == 1.0)[0]
        return values[:, first] - values[:, last]


def spread(differences) -> dict:
    """Mean, sample standard deviation and signs of paired differences ``(S,)``.

    Returns ``{"mean", "sd", "positive", "negative", "n"}`` (``sd`` NaN for one network).
    """
    d = checks.finite_array(differences, "differences", ndim=1)
    if len(d) == 0:
        raise ValueError("differences must hold at least one number")
    sd = float(d.std(ddof=1)) if len(d) > 1 else float("nan")
    return {"mean": float(d.mean()), "sd": sd, "positive": int((d > 0).sum()),
            "negative": int((d < 0).sum()), "n": len(d)}
