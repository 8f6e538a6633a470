"""Network Dissection of a real trained layer: the digits networks of :mod:`.digits`.

The procedure of :mod:`.dissection` on the hidden layer (64 units) of networks
64 → 64 → 10 trained on scikit-learn's 8×8 digits, scored against the 44
concepts of :mod:`.digit_concepts` over the 540 held-out images:

- Units that are constant over the held-out images (for ReLU: zero on all of
  them, dead) are left out; the directions at ``α`` are the columns of ``Q^α``
  over the ``k`` live units, ``Q`` a uniformly random rotation of SO(k) drawn
  from the network's seed (at ``α = 0``, the live units themselves).
- A direction's mask is its top 10% of images (``q = 0.9``); it is a detector
  when its best IoU over the concepts is at least ``threshold`` (0.4: a mask
  of 54 images matching a concept of 54 in at least 31 of them).
- The graded concepts take their percentiles over all 1797 images, so an
  image's labels do not depend on the split.

Run it through ``dissection.run(..., data="digits")``, which checks the arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import digit_concepts
from .detectors import Counts, excess_kurtosis, iou, top_quantile_masks
from .digits import load_digit_images, split, train_networks
from .directions import partial_rotation, random_rotation

TOP = 16          # top-activating images kept per direction, for figures


@dataclass(frozen=True, eq=False)
class DigitsDissection(Counts):
    """The measured experiment for one activation; ``S`` seeds, ``A`` values of α, ``h`` hidden units.

    ``images`` ``(N, 64)`` are the held-out images (``index`` ``(N,)`` into
    ``load_digit_images``, ``digits`` ``(N,)`` their classes) and ``truth``
    ``(N, C)`` their labels for the concepts named in ``concepts``. Per network
    ``(S,)``: ``live`` units, ``train_accuracy`` and ``test_accuracy``. Per
    direction ``(S, A, h)``: ``best_iou``, ``best_concept`` (index into
    ``concepts``) and ``direction_kurtosis`` (excess kurtosis of its values over
    the images), and ``top_images`` ``(S, A, h, TOP)``, the rows of ``images``
    where it is largest, largest first. Direction slots ``j >= live[s]`` are
    padding: IoU 0, concept -1, kurtosis NaN, images -1.
    """

    activation: str
    trained: bool
    alphas: np.ndarray
    seeds: np.ndarray
    q: float
    threshold: float
    images: np.ndarray
    index: np.ndarray
    digits: np.ndarray
    concepts: tuple
    truth: np.ndarray
    live: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    best_iou: np.ndarray
    best_concept: np.ndarray
    direction_kurtosis: np.ndarray
    top_images: np.ndarray

    @property
    def kurtosis(self) -> np.ndarray:
        """Median excess kurtosis over each network's live directions: ``(S, A)``."""
        return np.nanmedian(self.direction_kurtosis, axis=2)


def dissect_activations(acts, truth, alphas, seed: int, q: float = 0.9):
    """Dissect one layer's outputs ``acts`` ``(N, h)`` against concepts ``truth`` (bool ``(N, C)``).

    Constant units are left out; direction ``j`` at ``α`` is column ``j`` of
    ``Q^α``, ``Q = random_rotation(k, seed)`` over the ``k`` live units. Returns
    ``k`` and, per α and direction (``(A, h)``, slots ``j >= k`` padded), the best
    IoU, best concept, excess kurtosis and ``(A, h, TOP)`` top images.
    """
    acts, h = np.asarray(acts, dtype=float), np.shape(acts)[1]
    best_iou, best_concept = np.zeros((len(alphas), h)), np.full((len(alphas), h), -1)
    kurtosis, top = np.full((len(alphas), h), np.nan), np.full((len(alphas), h, TOP), -1)
    live = acts[:, np.ptp(acts, axis=0) > 0]                               # (N, k)
    k = live.shape[1]
    if k == 0:
        return k, best_iou, best_concept, kurtosis, top
    rotation = random_rotation(k, seed)
    for j, alpha in enumerate(alphas):
        values = live @ partial_rotation(rotation, alpha)                # (N, k): one column per direction
        scores = iou(top_quantile_masks(values, q), truth)               # (k, C)
        best_iou[j, :k] = scores.max(axis=1)
        best_concept[j, :k] = scores.argmax(axis=1)
        kurtosis[j, :k] = excess_kurtosis(values)
        top[j, :k] = np.argsort(-values, axis=0, kind="stable")[:TOP].T
    return k, best_iou, best_concept, kurtosis, top


def dissect_digits(activation: str, alphas: np.ndarray, seeds: list, *, trained: bool, hidden: int,
                   q: float, threshold: float, steps: int) -> DigitsDissection:
    """Train (or, with ``trained=False``, only initialise) and dissect one network per seed."""
    images, digits = load_digit_images()
    _, held_out = split()
    truth = digit_concepts.labels(images[held_out], digits[held_out], reference=images)
    nets = train_networks(activation, seeds, hidden=hidden, steps=steps if trained else 0)
    acts = nets.hidden(images[held_out])                                   # (S, N, h)
    parts = [dissect_activations(acts[i], truth, alphas, seed, q) for i, seed in enumerate(seeds)]
    live, best_iou, best_concept, kurtosis, top = (np.array(p) for p in zip(*parts, strict=True))
    return DigitsDissection(activation, trained, alphas, np.array(seeds), q, threshold, images[held_out],
                            held_out, digits[held_out], digit_concepts.NAMES, truth, live,
                            nets.train_accuracy, nets.test_accuracy, best_iou, best_concept, kurtosis, top)
