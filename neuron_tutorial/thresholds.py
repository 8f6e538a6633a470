"""Quantile thresholds: when is a neuron's output "high"?

A neuron's output is high when it lies above the ``q``-quantile of its outputs
over the input domain (uniformly distributed) or over a sample of inputs. The
"high output" partition is then the sign partition of the layer shifted by these
thresholds: ``partition_2d(layer.shifted(quantile_thresholds(layer, box)), box)``.
"""

from __future__ import annotations

import numpy as np

from . import checks
from .layer import Layer


def quantile_thresholds(layer: Layer, domain=None, q: float = 0.95, *, samples=None) -> np.ndarray:
    """Per-neuron ``q``-quantile of the outputs, shape ``(m,)``.

    Either ``domain``, an interval ``(lo, hi)`` (n = 1) or a box
    ``((x_lo, x_hi), (y_lo, y_hi))`` (n = 2) read as a uniform distribution, for
    which the quantile is exact; or ``samples``, inputs of shape ``(N, n)``, for
    which it is the empirical quantile (numpy's linear interpolation).
    """
    if not isinstance(layer, Layer):
        raise ValueError(f"layer must be a neuron_tutorial.Layer, got {type(layer).__name__}")
    q = checks.quantile(q)
    if (domain is None) == (samples is None):
        raise ValueError("pass exactly one of domain (an interval or a box) and samples")
    if samples is not None:
        points = checks.finite_array(samples, "samples", ndim=2)
        if points.shape[1] != layer.n or len(points) == 0:
            raise ValueError(f"samples must have shape (N >= 1, {layer.n}), got {points.shape}")
        return np.quantile(layer(points), q, axis=0)
    if layer.n == 1:
        sides = [checks.interval(domain, "domain")]
    elif layer.n == 2:
        sides = list(checks.box(domain, "domain"))
    else:
        raise ValueError(f"domain works for n <= 2; for n = {layer.n} pass samples of shape (N, n)")
    return np.array([_uniform_quantile(w, b, sides, q)
                     for w, b in zip(layer.weights, layer.biases, strict=True)])


def _uniform_quantile(w: np.ndarray, b: float, sides, q: float) -> float:
    """``q``-quantile of ``w · x + b`` for ``x`` uniform on the box ``sides``.

    ``w · x`` is a sum of independent uniforms of widths ``p <= r``: its density is
    a trapezoid (a triangle when ``p = r``), whose distribution function inverts in
    closed form on its three pieces.
    """
    low = b + sum(min(wi * lo, wi * hi) for wi, (lo, hi) in zip(w, sides, strict=True))
    widths = sorted(abs(wi) * (hi - lo) for wi, (lo, hi) in zip(w, sides, strict=True))
    p, r = (0.0, widths[0]) if len(widths) == 1 else widths
    if r == 0:
        return float(low)
    if p == 0:
        return float(low + q * r)
    if q <= p / (2 * r):
        return float(low + np.sqrt(2 * p * r * q))
    if q <= 1 - p / (2 * r):
        return float(low + q * r + p / 2)
    return float(low + p + r - np.sqrt(2 * p * r * (1 - q)))
