"""A real trained layer: a small network learns scikit-learn's 8×8 handwritten digits.

The data set ships inside scikit-learn (no download); the network is trained here
in numpy from a seed, so the example is the same on every machine: 64 pixel
inputs, one hidden layer of ReLU neurons (the layer the tutorial reads), and a
softmax over the ten digits. scikit-learn is only needed for this example
(it is in the ``docs`` extra), not by the rest of the package.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import checks
from .layer import Layer


@dataclass(frozen=True, eq=False)
class DigitsExample:
    """The trained first layer with the data it was trained on.

    ``images`` ``(N, 64)`` in [0, 1], ``labels`` ``(N,)`` digits 0–9, and the
    held-out ``accuracy`` of the whole network (last fifth of the data).
    """

    layer: Layer
    images: np.ndarray
    labels: np.ndarray
    accuracy: float

    def first(self, digit: int) -> np.ndarray:
        """The first image of ``digit`` in the data, shape ``(64,)``."""
        return self.images[np.flatnonzero(self.labels == digit)[0]]


def load_digit_images() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's digits as ``(images (1797, 64) in [0, 1], labels (1797,))``."""
    try:
        from sklearn.datasets import load_digits
    except ImportError as error:
        raise ImportError("the digits example needs scikit-learn: pip install scikit-learn") from error
    data = load_digits()
    return data.data / 16.0, data.target


def train_digits(hidden: int = 128, seed: int = 0, epochs: int = 150, rate: float = 0.01) -> DigitsExample:
    """Train 64 → ``hidden`` (ReLU) → 10 (softmax) with full-batch Adam; return the first layer."""
    hidden = checks.count(hidden, "hidden", minimum=1)
    seed = checks.count(seed, "seed")
    epochs = checks.count(epochs, "epochs", minimum=1)
    images, labels = load_digit_images()
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    split = len(labels) * 4 // 5
    train, test = order[:split], order[split:]
    params = [rng.normal(0, np.sqrt(2 / 64), (64, hidden)), np.zeros(hidden),
              rng.normal(0, np.sqrt(1 / hidden), (hidden, 10)), np.zeros(10)]
    targets = np.eye(10)[labels[train]]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, epochs + 1):
        grads = _gradients(params, images[train], targets)
        for p, g, m1, m2 in zip(params, grads, moments, squares, strict=True):
            m1 *= 0.9
            m1 += 0.1 * g
            m2 *= 0.999
            m2 += 0.001 * g * g
            p -= rate * (m1 / (1 - 0.9**step)) / (np.sqrt(m2 / (1 - 0.999**step)) + 1e-8)
    W1, b1, W2, b2 = params
    scores = np.maximum(images[test] @ W1 + b1, 0) @ W2 + b2
    accuracy = float(np.mean(scores.argmax(axis=1) == labels[test]))
    return DigitsExample(Layer(W1.T, b1), images, labels, accuracy)


def _gradients(params, x, targets):
    """Gradients of the mean cross-entropy of the softmax network."""
    W1, b1, W2, b2 = params
    pre = x @ W1 + b1
    hidden = np.maximum(pre, 0)
    scores = hidden @ W2 + b2
    scores -= scores.max(axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= probs.sum(axis=1, keepdims=True)
    d_scores = (probs - targets) / len(x)
    d_hidden = (d_scores @ W2.T) * (pre > 0)
    return [x.T @ d_hidden, d_hidden.sum(axis=0), hidden.T @ d_scores, d_scores.sum(axis=0)]


def train_digits_network(hidden=(128, 128), seed: int = 0, steps: int = 300, rate: float = 0.1,
                         momentum: float = 0.9):
    """Train 64 → ``hidden`` (ReLU) → 10 (softmax) by full-batch gradient descent with momentum.

    Same split as ``train_digits`` (last fifth held out); initial weights from
    ``training.init_network``. Returns ``(network, held-out accuracy)``.
    """
    from . import training

    images, labels = load_digit_images()
    order = np.random.default_rng(checks.count(seed, "seed")).permutation(len(labels))
    train, test = order[: len(labels) * 4 // 5], order[len(labels) * 4 // 5 :]
    start = training.init_network((64, *hidden, 10), seed=seed)
    network, _ = training.train(start, images[train], labels[train], steps, rate, momentum)
    accuracy = float(np.mean(network(images[test]).argmax(axis=1) == labels[test]))
    return network, accuracy


SPLIT_SEED = 1797         # the held-out split is the same for every network
HELD_OUT = 0.3            # share of the images the networks never train on


def split() -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train (1257,), held_out (540,))`` into :func:`load_digit_images`: a fixed shuffle."""
    order = np.random.default_rng(SPLIT_SEED).permutation(1797)
    cut = 1797 - int(np.ceil(HELD_OUT * 1797))
    return order[:cut], order[cut:]


@dataclass(frozen=True, eq=False)
class Networks:
    """``S`` networks 64 → ``h`` → 10 stacked: ``weights`` ``(S, h, 64)``, ``biases`` ``(S, h)``,
    ``readout`` ``(S, 10, h)``, ``readout_biases`` ``(S, 10)``; ``activation`` of the hidden layer,
    and each network's ``train_accuracy`` and ``test_accuracy`` ``(S,)`` on :func:`split`."""

    activation: str
    weights: np.ndarray
    biases: np.ndarray
    readout: np.ndarray
    readout_biases: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray

    def hidden(self, images) -> np.ndarray:
        """The hidden layer's outputs for ``images`` ``(N, 64)``: ``(S, N, h)``."""
        z = np.asarray(images, dtype=float) @ self.weights.transpose(0, 2, 1) + self.biases[:, None, :]
        return np.maximum(z, 0.0) if self.activation == "relu" else z

    def scores(self, images) -> np.ndarray:
        """The ten class scores (logits) for ``images`` ``(N, 64)``: ``(S, N, 10)``."""
        return self.hidden(images) @ self.readout.transpose(0, 2, 1) + self.readout_biases[:, None, :]


def train_networks(activation: str, seeds, *, hidden: int = 64, steps: int = 200,
                   rate: float = 0.3, momentum: float = 0.9, start: Networks | None = None) -> Networks:
    """Train one network per seed on the training images of :func:`split`.

    Hidden layer ``activation`` ``"relu"`` or ``"linear"`` (the identity: the
    control, in which no direction of the hidden layer is favoured); softmax
    cross-entropy over the ten digits; full-batch gradient descent with
    ``momentum`` for ``steps`` steps of size ``rate`` (``steps = 0``: the
    untrained networks). The start is isotropic: weights i.i.d. Gaussian
    (variance ``2/64`` into the hidden layer, ``1/h`` out of it), biases 0, so a
    rotation of the hidden layer maps the start's law and every gradient step
    onto themselves (Adam would not: it rescales each coordinate). Seed ``s``
    alone fixes network ``s``: the networks train side by side as one stack.
    Arguments are checked by the caller (``dissection.run``).

    The defaults were fixed before any dissection, on training accuracy alone:
    of step sizes 0.1, 0.3, 1 and 100, 200, 300 steps (seeds 200–203), the cheapest
    setting at which both activations fit every training image (rate 0.3, 200
    steps); one setting serves both activations. ``start`` replaces the seeded
    initialisation by given networks (of ``len(seeds)`` and ``hidden``), to test
    the rotation argument.
    """
    images, digits = load_digit_images()
    train, test = split()
    x, targets = images[train], np.eye(10)[digits[train]]
    init = [np.random.default_rng((seed, 1)) for seed in seeds]
    n = len(init)
    if start is None:
        w = np.stack([g.normal(0.0, np.sqrt(2 / 64), (hidden, 64)) for g in init])
        u = np.stack([g.normal(0.0, np.sqrt(1 / hidden), (10, hidden)) for g in init])
        b, c = np.zeros((n, hidden)), np.zeros((n, 10))
    else:
        w, b, u, c = (np.array(a, dtype=float) for a in (start.weights, start.biases, start.readout,
                                                          start.readout_biases))
    # In the loop all networks' hidden layers are one (N, S·h) matrix: one large
    # product per layer and step instead of S small ones.
    flat = w.transpose(2, 0, 1).reshape(64, n * hidden)                   # (64, S·h)
    params = (flat, b, u, c)
    velocity = [np.zeros_like(p) for p in params]
    relu = activation == "relu"
    for _ in range(steps):
        z = (x @ flat).reshape(len(x), n, hidden) + b                     # (N, S, h)
        h = np.maximum(z, 0.0) if relu else z
        hs = h.transpose(1, 0, 2)                                          # (S, N, h), a view
        scores = (hs @ u.transpose(0, 2, 1)).transpose(1, 0, 2) + c       # (N, S, 10)
        scores -= scores.max(axis=2, keepdims=True)
        p = np.exp(scores)
        error = (p / p.sum(axis=2, keepdims=True) - targets[:, None, :]) / len(x)
        es = error.transpose(1, 0, 2)                                      # (S, N, 10)
        dz = (es @ u).transpose(1, 0, 2)                                   # (N, S, h)
        if relu:
            dz *= z > 0
        grads = (x.T @ dz.reshape(len(x), n * hidden), dz.sum(axis=0),
                 es.transpose(0, 2, 1) @ hs, error.sum(axis=0))
        for param, v, g in zip(params, velocity, grads, strict=True):
            v *= momentum
            v -= rate * g
            param += v
    w = flat.reshape(64, n, hidden).transpose(1, 2, 0).copy()
    net = Networks(activation, w, b, u, c, np.zeros(n), np.zeros(n))
    accuracy = [(net.scores(images[i]).argmax(axis=2) == digits[i]).mean(axis=1) for i in (train, test)]
    return Networks(activation, w, b, u, c, *accuracy)
