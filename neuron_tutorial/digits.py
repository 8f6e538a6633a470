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
