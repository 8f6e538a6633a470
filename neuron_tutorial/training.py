"""2-D toy data sets and a small network trained by full-batch gradient descent, as in the page.

``js/train.js`` mirrors this file line for line, so a figure trained in the
reader's browser is the one trained here. For that, every random number comes
from ``Mulberry32``, a 32-bit generator both languages compute bit for bit, and
the few transcendental functions the data and the initial weights need
(``_log``, ``_cos``, ``_sin``) are series of ``+ - * /``, which IEEE arithmetic
rounds the same way everywhere (``Math.cos`` and C's ``cos`` may differ in the
last bit). The same seed gives bit-identical data and initial weights in
Python and JS; training uses numpy's ``exp`` and matrix products, which agree
with JS to rounding (1e-16), far below the 1e-9 the tests ask.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from . import checks
from .layer import Layer
from .network import Network

DATASETS = ("moons", "circles", "xor", "spiral")
_MASK = 0xFFFFFFFF
_TAU = 6.283185307179586
_LN2 = 0.6931471805599453


class Mulberry32:
    """Tommy Ettinger's mulberry32: 32-bit state, uniforms in ``[0, 1)`` with 32 random bits."""

    def __init__(self, seed: int):
        self.state = checks.count(seed, "seed") & _MASK

    def uniform(self) -> float:
        self.state = a = (self.state + 0x6D2B79F5) & _MASK
        t = ((a ^ (a >> 15)) * (1 | a)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & _MASK)) & _MASK) ^ t
        return ((t ^ (t >> 14)) & _MASK) / 4294967296.0

    def normal(self) -> float:
        """A standard normal by Box–Muller (the cosine half; two uniforms per draw)."""
        u1 = 1.0 - self.uniform()  # in (0, 1]: the log stays finite
        u2 = self.uniform()
        return math.sqrt(-2.0 * _log(u1)) * _cos(_TAU * u2)


class Dataset(NamedTuple):
    """``points`` ``(N, 2)`` in about ``[-1, 1]^2`` and integer ``labels`` ``(N,)`` in ``[0, classes)``."""

    points: np.ndarray
    labels: np.ndarray


def dataset(name: str, count: int = 200, noise: float = 0.1, seed: int = 0, classes: int = 2) -> Dataset:
    """Point ``i`` has label ``i % classes``; ``noise`` is the standard deviation added to each coordinate.

    ``moons``: two interleaved half circles; ``circles``: an inner disc (label 1)
    in a ring (label 0); ``xor``: uniform points labelled 1 where ``x·y > 0``;
    ``spiral``: ``classes`` interleaved spiral arms. Only ``spiral`` takes more than 2 classes.
    """
    if name not in DATASETS:
        raise ValueError(f"name must be one of {DATASETS}, got {name!r}")
    count = checks.count(count, "count", minimum=1)
    noise = float(checks.finite_array(noise, "noise"))
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    classes = checks.count(classes, "classes", minimum=2)
    if classes != 2 and name != "spiral":
        raise ValueError(f"classes must be 2 for {name!r} (only 'spiral' has more arms), got {classes}")
    rng = Mulberry32(seed)
    points, labels = np.empty((count, 2)), np.empty(count, dtype=np.int64)
    for i in range(count):
        label = i % classes
        x, y, label = _draw(name, label, classes, rng)
        points[i] = x + noise * rng.normal(), y + noise * rng.normal()
        labels[i] = label
    return Dataset(points, labels)


def _draw(name, label, classes, rng):
    """One noiseless point ``(x, y, label)``; the uniforms are drawn in the same order in train.js."""
    if name == "moons":  # sklearn's moons, (x - 0.5, y - 0.25) scaled by 2/3
        angle = 3.141592653589793 * rng.uniform()
        if label == 0:
            return (_cos(angle) - 0.5) * 0.6666666666666666, (_sin(angle) - 0.25) * 0.6666666666666666, label
        return (0.5 - _cos(angle)) * 0.6666666666666666, (0.25 - _sin(angle)) * 0.6666666666666666, label
    if name == "circles":
        angle, radius = _TAU * rng.uniform(), 0.35 if label == 1 else 0.8
        return radius * _cos(angle), radius * _sin(angle), label
    if name == "xor":
        x, y = 2.0 * rng.uniform() - 1.0, 2.0 * rng.uniform() - 1.0
        return x, y, 1 if x * y > 0 else 0
    along = rng.uniform()  # spiral: how far along arm `label`
    radius, angle = 0.05 + 0.9 * along, 1.75 * _TAU * along + _TAU * label / classes
    return radius * _cos(angle), radius * _sin(angle), label


def init_network(sizes, seed: int = 0) -> Network:
    """He initialisation: ``W_l`` row by row ``N(0, 2 / n_l)``, then ``b_l`` ``N(0, 0.01)``, layer by layer.

    ``sizes`` is ``(n, m_1, ..., m_L)``. Small random biases rather than zeros:
    zero biases would send every first-layer boundary through the origin.
    """
    sizes = [checks.count(s, "sizes", minimum=1) for s in sizes]
    if len(sizes) < 2:
        raise ValueError(f"sizes must be (n, m_1, ..., m_L) with at least one layer, got {sizes}")
    rng = Mulberry32(seed)
    layers = []
    for n, m in zip(sizes[:-1], sizes[1:], strict=True):
        scale = math.sqrt(2.0 / n)
        weights = np.array([[scale * rng.normal() for _ in range(n)] for _ in range(m)])
        biases = np.array([0.1 * rng.normal() for _ in range(m)])
        layers.append(Layer(weights, biases))
    return Network(layers)


def loss_and_gradients(network: Network, points, labels) -> tuple[float, list[tuple[np.ndarray, np.ndarray]]]:
    """Mean loss and its gradient ``[(dW_l (m_l, n_l), db_l (m_l,)), ...]``.

    One output: logistic loss of ``sigmoid(z)`` against labels in {0, 1}. ``k >= 2``
    outputs: cross-entropy of ``softmax(z)`` against labels in ``[0, k)``.
    """
    x = checks.finite_array(points, "points", ndim=2)
    y = np.asarray(labels)
    if y.shape != (len(x),):
        raise ValueError(f"labels must have shape ({len(x)},), got {y.shape}")
    outputs = network.m
    if y.size and (y.min() < 0 or y.max() >= max(outputs, 2)):
        raise ValueError(f"labels must lie in [0, {max(outputs, 2)}), got values in [{y.min()}, {y.max()}]")
    pre = network.pre_activations(x)
    z = pre[-1]
    if outputs == 1:
        z = z[:, 0]
        loss = np.mean(np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0) - y * z)
        d_z = ((_sigmoid(z) - y) / len(x))[:, None]
    else:
        shifted = z - z.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(len(x)), y])
        d_z = (np.exp(log_probs) - np.eye(outputs)[y]) / len(x)
    grads = []
    for index in range(len(network) - 1, -1, -1):
        below = np.maximum(pre[index - 1], 0.0) if index else x
        grads.append((d_z.T @ below, d_z.sum(axis=0)))
        if index:
            d_z = (d_z @ network.layers[index].weights) * (pre[index - 1] > 0)
    return float(loss), grads[::-1]


def _sigmoid(z):
    positive = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + positive), positive / (1.0 + positive))


def step(network: Network, points, labels, rate: float = 0.1, momentum: float = 0.0, velocity=None):
    """One full-batch step with heavy-ball momentum: ``v = momentum v - rate g``, ``θ = θ + v``.

    ``velocity`` is the previous step's (None: zeros). Returns ``(network, velocity, loss)``,
    the loss before the step.
    """
    rate, momentum = float(rate), float(momentum)
    if not (rate > 0 and math.isfinite(rate)):
        raise ValueError(f"rate must be a positive number, got {rate}")
    if not 0 <= momentum < 1:
        raise ValueError(f"momentum must be in [0, 1), got {momentum}")
    loss, grads = loss_and_gradients(network, points, labels)
    if velocity is None:
        velocity = [(np.zeros_like(gw), np.zeros_like(gb)) for gw, gb in grads]
    velocity = [(momentum * vw - rate * gw, momentum * vb - rate * gb)
                for (vw, vb), (gw, gb) in zip(velocity, grads, strict=True)]
    layers = [Layer(layer.weights + vw, layer.biases + vb)
              for layer, (vw, vb) in zip(network.layers, velocity, strict=True)]
    return Network(layers), velocity, loss


def train(network: Network, points, labels, steps: int, rate: float = 0.1, momentum: float = 0.0):
    """``steps`` calls of ``step`` from zero velocity: ``(network, losses (steps,))``."""
    steps = checks.count(steps, "steps")
    velocity, losses = None, []
    for _ in range(steps):
        network, velocity, loss = step(network, points, labels, rate, momentum, velocity)
        losses.append(loss)
    return network, np.array(losses)


def _log(x: float) -> float:
    """Natural log of ``x > 0``: halve or double into ``[0.75, 1.5)``, then the atanh series."""
    k = 0
    while x >= 1.5:
        x, k = x * 0.5, k + 1
    while x < 0.75:
        x, k = x * 2.0, k - 1
    s = (x - 1.0) / (x + 1.0)
    s2, total = s * s, 0.0
    for power in range(29, 0, -2):  # |s| <= 0.2: the omitted terms are below 1e-22
        total = total * s2 + 1.0 / power
    return 2.0 * s * total + k * _LN2


def _cos(x: float) -> float:
    return _sin(x + 1.5707963267948966)


def _sin(x: float) -> float:
    """Taylor series to ``x^33 / 33!`` (below 1e-20 on ``[-π, π]``) after reducing ``x`` there."""
    x = x - _TAU * math.floor(x / _TAU + 0.5)
    x2, total = x * x, 0.0
    for coefficient in reversed(_SIN_SERIES):
        total = coefficient + x2 * total
    return x * total


def _sin_series() -> list[float]:
    """``(-1)^i / (2i + 1)!`` for ``i < 17``, each from the last by one division, as in train.js."""
    series = [1.0]
    for i in range(1, 17):
        series.append(-series[-1] / ((2 * i) * (2 * i + 1)))
    return series


_SIN_SERIES = _sin_series()
