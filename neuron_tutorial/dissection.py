"""A small Network Dissection, measured: do basis directions detect concepts more often?

Bau, Zhou et al. (2017) threshold each unit of a layer at a top quantile of its
activations, score the resulting mask by IoU against labelled concepts, and
count "unique detectors"; rotating the layer's activation space by ``Q^α``
(from ``α = 0``, the basis, to ``α = 1``, a uniformly random rotation) lowered
that count. Here the same procedure runs at toy scale: the input world is the
unit square with eight named concepts (regions), and the layer is the hidden
layer of a small network trained with numpy to predict them, once with a ReLU
and once without (the linear control). ``run(..., data="digits")`` runs the
same procedure on a real trained layer (:mod:`.digit_dissection`).

Choices, each for a reason given on page 7:

- Training is full-batch gradient descent with momentum from a Gaussian
  initialisation. Both are unchanged by a rotation of the hidden layer, so for
  the linear control the trained basis is no more special than any rotation of it.
  (Adam, which rescales each coordinate, would privilege the basis by itself.)
- Dead units (zero on the whole square) are left out before rotating: rotation
  would otherwise turn them into live mixtures and hand rotated directions a
  free advantage.
- Masks are the top 10% of each direction over a grid of the square; every
  concept covers about 10% of it, so a perfect detector reaches IoU near 1. A
  direction is a detector when its best IoU is at least 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import checks
from .detectors import Counts, excess_kurtosis, iou, spread, top_quantile_masks
from .digit_dissection import DigitsDissection, dissect_digits
from .directions import ACTIVATIONS, grid, partial_rotation, random_rotation

__all__ = ["CONCEPTS", "Concept", "Counts", "DigitsDissection", "Dissection", "concept_masks",
           "excess_kurtosis", "iou", "run", "spread", "top_quantile_masks", "train_hidden"]


@dataclass(frozen=True, eq=False)
class Concept:
    """A named region of the unit square: a convex polygon (``(k, 2)``, counter-clockwise) or a disc."""

    name: str
    polygon: tuple = ()
    centre: tuple = ()
    radius: float = 0.0

    def contains(self, points) -> np.ndarray:
        """Whether each point ``(N, 2)`` lies inside: a ``(N,)`` bool array."""
        p = np.asarray(points, dtype=float)
        if self.radius:
            return ((p - np.array(self.centre)) ** 2).sum(axis=1) < self.radius**2
        corners = np.array(self.polygon)
        inside = np.ones(len(p), dtype=bool)
        for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
            inside &= (b[0] - a[0]) * (p[:, 1] - a[1]) - (b[1] - a[1]) * (p[:, 0] - a[0]) >= 0
        return inside

    @property
    def outline(self) -> np.ndarray:
        """Corners to draw, shape ``(k, 2)`` (a disc as a 48-gon)."""
        if self.radius:
            t = np.linspace(0, 2 * np.pi, 48, endpoint=False)
            return np.array(self.centre) + self.radius * np.c_[np.cos(t), np.sin(t)]
        return np.array(self.polygon, dtype=float)


def _rectangle(name, x0, x1, y0, y1):
    return Concept(name, polygon=((x0, y0), (x1, y0), (x1, y1), (x0, y1)))


# Each covers about a tenth of the square; three are cut off by one line (one ReLU
# unit could draw them), the rest need two or more lines, or a curve.
CONCEPTS = (
    _rectangle("top edge", 0.0, 1.0, 0.9, 1.0),
    _rectangle("band", 0.0, 1.0, 0.68, 0.78),
    Concept("lower-left corner", polygon=((0.0, 0.0), (0.447, 0.0), (0.0, 0.447))),
    Concept("lower-right corner", polygon=((0.553, 0.0), (1.0, 0.0), (1.0, 0.447))),
    _rectangle("left block", 0.0, 0.24, 0.25, 0.667),
    Concept("disc", centre=(0.45, 0.45), radius=0.178),
    Concept("right triangle", polygon=((0.62, 0.46), (1.0, 0.2), (1.0, 0.72))),
    Concept("wedge", polygon=((0.447, 0.0), (0.553, 0.0), (0.803, 0.25), (0.197, 0.25))),
)


def concept_masks(points, concepts=CONCEPTS) -> np.ndarray:
    """Which points ``(N, 2)`` lie in which concept: bool array ``(N, C)``."""
    p = checks.finite_array(points, "points", ndim=2)
    if p.shape[1] != 2:
        raise ValueError(f"points must have shape (N, 2), got {p.shape}")
    return np.stack([c.contains(p) for c in concepts], axis=1)


def train_hidden(activation: str, seeds, points, *, hidden: int = 16, steps: int = 800,
                 learning_rate: float = 0.2, momentum: float = 0.9, train_grid: int = 24):
    """Train one network per seed: its hidden layer at ``points`` ``(N, 2)``, readout and accuracy.

    Returns hidden outputs ``(S, N, hidden)``, the readout weights ``(S, C, hidden)``
    (row ``c`` is the direction of activation space the network reads concept
    ``c`` along) and, per seed ``(S,)``, the fraction of (point, concept) pairs it
    labels right at ``points``.

    Each network maps the square (centred to [-1, 1]²) through ``hidden`` units
    (``activation`` ``"relu"`` or ``"linear"``) to one logistic output per
    concept, trained on a ``train_grid²`` grid by full-batch gradient descent with
    momentum on the cross-entropy. The networks of all seeds train side by side
    as one stack of matrices; each seed's numbers depend on its seed alone.
    Arguments are checked by :func:`run`. The step 0.2 is small on purpose: 0.5
    trains as well but leaves about a third of the ReLU units dead.
    """
    x_train = 2.0 * grid(train_grid) - 1.0
    targets = concept_masks(grid(train_grid)).astype(float)
    relu = activation == "relu"
    init = [np.random.default_rng((seed, 1)) for seed in seeds]
    w = np.stack([g.standard_normal((hidden, 2)) for g in init])
    b = np.stack([0.5 * g.standard_normal(hidden) for g in init])
    u = np.stack([g.standard_normal((len(CONCEPTS), hidden)) / np.sqrt(hidden) for g in init])
    c = np.zeros((len(seeds), len(CONCEPTS)))
    params, velocity = (w, b, u, c), [np.zeros_like(p) for p in (w, b, u, c)]
    for _ in range(steps):
        z = x_train @ w.transpose(0, 2, 1) + b[:, None, :]             # (S, N, hidden)
        h = np.maximum(z, 0.0) if relu else z
        logits = h @ u.transpose(0, 2, 1) + c[:, None, :]             # (S, N, C)
        error = (1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30))) - targets) / len(x_train)
        dz = error @ u
        if relu:
            dz = dz * (z > 0)
        grads = (dz.transpose(0, 2, 1) @ x_train, dz.sum(axis=1), error.transpose(0, 2, 1) @ h,
                 error.sum(axis=1))
        for p, v, g in zip(params, velocity, grads, strict=True):
            v *= momentum
            v -= learning_rate * g
            p += v
    z = (2.0 * points - 1.0) @ w.transpose(0, 2, 1) + b[:, None, :]
    h = np.maximum(z, 0.0) if relu else z
    predicted = h @ u.transpose(0, 2, 1) + c[:, None, :] > 0
    return h, u, (predicted == concept_masks(points)).mean(axis=(1, 2))


@dataclass(frozen=True, eq=False)
class Dissection(Counts):
    """The measured experiment for one activation; ``S`` seeds, ``A`` values of α, ``h`` hidden units.

    Direction ``j`` at ``α`` is column ``j`` of ``Q^α`` over the live units (at
    ``α = 0``, live unit ``j``); slots ``j >= live[s]`` are padding (empty mask,
    IoU 0, concept -1). ``masks`` is bool ``(S, A, h, N)`` over ``points`` ``(N, 2)``;
    ``best_iou`` ``(S, A, h)`` and ``best_concept`` (int, index into ``concepts``)
    describe each direction's best match; ``live`` (int ``(S,)``) counts live units and
    ``accuracy`` ``(S,)`` is each network's share of right labels; ``readout_iou``
    ``(S, C)`` scores the direction the network itself reads concept ``c`` along
    (row ``c`` of its readout) against concept ``c``; ``detectors`` and ``unique_detectors``
    (int ``(S, A)``) count directions with ``best_iou >= threshold`` and the
    distinct concepts they detect.
    """

    activation: str
    alphas: np.ndarray
    seeds: np.ndarray
    q: float
    threshold: float
    points: np.ndarray
    concepts: tuple
    live: np.ndarray
    accuracy: np.ndarray
    readout_iou: np.ndarray
    masks: np.ndarray
    best_iou: np.ndarray
    best_concept: np.ndarray


def run(activation: str = "relu", alphas=(0.0, 0.25, 0.5, 0.75, 1.0), seeds=range(10), *,
        data: str = "toy", trained: bool = True, hidden: int | None = None, q: float = 0.9,
        threshold: float | None = None, grid_size: int | None = None, steps: int | None = None):
    """Dissect the hidden layer of one network per seed, along ``Q^α`` for each α.

    ``alphas`` are numbers in [0, 1]; ``seeds`` distinct whole numbers (seed ``s``
    fixes the network's initialisation and its random rotation). ``data`` is
    ``"toy"`` (the unit square, a :class:`Dissection`; defaults ``hidden=16``,
    ``threshold=0.5``, ``grid_size=40``, ``steps=800``) or ``"digits"`` (a
    :class:`~.digit_dissection.DigitsDissection`; defaults ``hidden=64``,
    ``threshold=0.4``, ``steps=200``; no grid). ``trained=False`` dissects the
    networks at their initialisation, the baseline. Deterministic.
    """
    if data not in ("toy", "digits"):
        raise ValueError(f"data must be 'toy' or 'digits', got {data!r}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    a = checks.finite_array(alphas, "alphas", ndim=1)
    if len(a) == 0 or np.any((a < 0) | (a > 1)):
        raise ValueError(f"alphas must be a non-empty list of numbers in [0, 1], got {alphas!r}")
    try:
        s = [checks.count(seed, "seeds") for seed in seeds]
    except TypeError as error:
        raise ValueError(f"seeds must be a list of whole numbers >= 0, got {seeds!r}") from error
    if not s or len(set(s)) != len(s):
        raise ValueError(f"seeds must be a non-empty list of distinct whole numbers, got {seeds!r}")
    if not isinstance(trained, bool | np.bool_):
        raise ValueError(f"trained must be True or False, got {trained!r}")
    toy = data == "toy"
    hidden = checks.count(16 if toy and hidden is None else 64 if hidden is None else hidden, "hidden",
                          minimum=1)
    q = checks.quantile(q)
    threshold = (0.5 if toy else 0.4) if threshold is None else threshold
    t = checks.finite_array(threshold, "threshold")
    if t.ndim != 0 or not 0 < float(t) <= 1:
        raise ValueError(f"threshold must be a number in (0, 1], got {threshold!r}")
    steps = checks.count((800 if toy else 200) if steps is None else steps, "steps")
    if not toy:
        if grid_size is not None:
            raise ValueError("grid_size applies to data='toy' only (the digits have their images)")
        return dissect_digits(activation, a, s, trained=bool(trained), hidden=hidden, q=q,
                              threshold=float(t), steps=steps)
    grid_size = checks.count(40 if grid_size is None else grid_size, "grid_size", minimum=2)
    steps = steps if trained else 0

    points = grid(grid_size)
    truth = concept_masks(points)
    acts, readout, accuracy = train_hidden(activation, s, points, hidden=hidden, steps=steps)
    masks = np.zeros((len(s), len(a), hidden, len(points)), dtype=bool)
    best_iou = np.zeros((len(s), len(a), hidden))
    best_concept = np.full((len(s), len(a), hidden), -1)
    live_counts = np.zeros(len(s), dtype=int)
    readout_iou = np.array([np.diag(iou(top_quantile_masks(acts[i] @ readout[i].T, q), truth))
                            for i in range(len(s))])
    for i, seed in enumerate(s):
        live = acts[i][:, np.ptp(acts[i], axis=0) > 0]                    # (N, live)
        k = live_counts[i] = live.shape[1]
        if k == 0:
            continue
        rotation = random_rotation(k, seed)
        for j, alpha in enumerate(a):
            m = top_quantile_masks(live @ partial_rotation(rotation, alpha), q)
            scores = iou(m, truth)
            masks[i, j, :k] = m.T
            best_iou[i, j, :k] = scores.max(axis=1)
            best_concept[i, j, :k] = scores.argmax(axis=1)
    return Dissection(activation, a, np.array(s), q, float(t), points, CONCEPTS, live_counts,
                      accuracy, readout_iou, masks, best_iou, best_concept)
