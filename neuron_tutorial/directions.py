"""Directions of activation space: basis directions, random directions and rotations.

A layer's outputs ``A = W F + b`` (shape ``(m,)``) live in activation space, and
neuron ``k`` is the basis direction ``e_k``: its output is ``e_k · A``. Any unit
vector ``v`` reads ``v · A`` as well. Before a nonlinearity that reading is
``(Wᵀv) · F + v · b``, just another linear neuron (:func:`direction_neuron`); a
rotation ``Q`` of the whole basis gives the layer ``(Q W, Q b)``
(:func:`rotated`), whose neurons are directions of the old one. After an
element-wise ReLU the reading ``v · ReLU(A)`` is no longer a neuron of any layer
(:func:`direction_outputs`), which is what makes the basis special.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import checks
from .layer import Layer
from .partition import partition_2d

ACTIVATIONS = ("linear", "relu")
# Relative slack for a computed corner to count as lying on a line (rounding, not geometry).
LINE_TOLERANCE = 1e-9


def unit_vector(value, name: str = "v", size: int | None = None) -> np.ndarray:
    """``value`` as a unit vector of shape ``(size,)``, refusing the zero vector."""
    v = checks.finite_array(value, name, ndim=1)
    if size is not None and v.shape != (size,):
        raise ValueError(f"{name} must have shape ({size},), got {v.shape}")
    norm = float(np.linalg.norm(v))
    if norm == 0.0:
        raise ValueError(f"{name} must not be the zero vector")
    return v / norm


def direction_neuron(layer: Layer, v) -> Layer:
    """The one-neuron layer whose output is ``v · (W F + b)``: weights ``(1, n)`` = ``Wᵀv``, bias ``v · b``.

    ``v`` has shape ``(m,)`` and is used as given (not normalised), so
    ``direction_neuron(layer, e_k)`` is neuron ``k`` itself.
    """
    _expect_layer(layer)
    v = checks.finite_array(v, "v", ndim=1)
    if v.shape != (layer.m,):
        raise ValueError(f"v must have shape ({layer.m},) to match the layer's m = {layer.m}, got {v.shape}")
    return Layer((layer.weights.T @ v)[None, :], np.array([v @ layer.biases]))


def rotated(layer: Layer, rotation) -> Layer:
    """The layer ``(Q W, Q b)``: neuron ``k`` of it is the direction ``Q[k]`` (row ``k``) of ``layer``."""
    _expect_layer(layer)
    q = checks.finite_array(rotation, "rotation", ndim=2)
    if q.shape != (layer.m, layer.m):
        raise ValueError(f"rotation must have shape ({layer.m}, {layer.m}), got {q.shape}")
    return Layer(q @ layer.weights, q @ layer.biases)


def direction_outputs(layer: Layer, directions, inputs, activation: str = "linear") -> np.ndarray:
    """Readings ``v · act(W F + b)`` of each direction at each input.

    ``directions`` has shape ``(d, m)`` (one direction per row), ``inputs``
    ``(N, n)``; the result has shape ``(N, d)``. ``activation`` is ``"linear"``
    (no nonlinearity) or ``"relu"`` (element-wise ``max(A, 0)`` first).
    """
    _expect_layer(layer)
    activation = _activation(activation)
    vs = checks.finite_array(directions, "directions", ndim=2)
    if vs.shape[1] != layer.m:
        raise ValueError(f"directions must have shape (d, {layer.m}), got {vs.shape}")
    outputs = layer(checks.finite_array(inputs, "inputs", ndim=2))
    if activation == "relu":
        outputs = np.maximum(outputs, 0.0)
    return outputs @ vs.T


def random_rotation(n: int, seed: int = 0) -> np.ndarray:
    """A rotation drawn uniformly from SO(n): shape ``(n, n)``, orthogonal, determinant +1.

    The QR factorisation of a Gaussian matrix, with the signs fixed so that the
    orthogonal factor is uniform (Haar) on O(n); one column flipped when the
    determinant is -1, which maps the uniform law on that half onto SO(n).
    """
    n = checks.count(n, "n", minimum=1)
    seed = checks.count(seed, "seed")
    gauss = np.random.default_rng(seed).standard_normal((n, n))
    q, r = np.linalg.qr(gauss)
    q = q * np.where(np.diag(r) < 0, -1.0, 1.0)
    if np.linalg.det(q) < 0:
        q[:, 0] = -q[:, 0]
    return q


def partial_rotation(rotation, alpha: float) -> np.ndarray:
    """``Q^α``: the point at fraction ``alpha`` of the geodesic from ``I`` to ``Q`` in SO(n).

    ``Q`` (shape ``(n, n)``) turns by angles ``θ_j`` in orthogonal planes;
    ``Q^α`` turns by ``α θ_j`` in the same planes. It is computed from the
    eigen-decomposition ``Q = V diag(e^{iθ}) V⁻¹`` and snapped to the nearest
    orthogonal matrix against rounding. ``Q^0`` is exactly ``I`` (so a zero
    output stays exactly zero) and ``Q^1`` is ``Q``. ``alpha`` lies in [0, 1].
    """
    q = checks.finite_array(rotation, "rotation", ndim=2)
    n = q.shape[0]
    if q.shape != (n, n) or n == 0:
        raise ValueError(f"rotation must be a square matrix, got shape {q.shape}")
    if not np.allclose(q.T @ q, np.eye(n), atol=1e-8) or np.linalg.det(q) < 0:
        raise ValueError("rotation must be orthogonal with determinant +1")
    a = checks.finite_array(alpha, "alpha")
    if a.ndim != 0 or not 0.0 <= float(a) <= 1.0:
        raise ValueError(f"alpha must be a number in [0, 1], got {alpha!r}")
    a = float(a)
    if a == 0.0:
        return np.eye(n)
    if a == 1.0:
        return q.copy()
    values, vectors = np.linalg.eig(q)
    # A uniform rotation has no eigenvalue -1 (probability zero), where the geodesic
    # would not be unique; refuse it rather than pick a side silently.
    if np.any(np.abs(values + 1.0) < 1e-9):
        raise ValueError("rotation turns some plane by exactly 180°: its geodesic from I is not unique")
    power = (vectors * np.exp(1j * a * np.angle(values))) @ np.linalg.inv(vectors)
    u, _, vt = np.linalg.svd(power.real)
    return u @ vt


def rotation_2d(angle: float) -> np.ndarray:
    """The rotation of the plane by ``angle`` radians, shape ``(2, 2)``."""
    a = float(checks.finite_array(angle, "angle"))
    return np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])


def random_direction(m: int, seed: int = 0) -> np.ndarray:
    """A direction drawn uniformly from the unit sphere of activation space, shape ``(m,)``."""
    m = checks.count(m, "m", minimum=1)
    g = np.random.default_rng(checks.count(seed, "seed")).standard_normal(m)
    return g / np.linalg.norm(g)


def grid(size: int, box=((0.0, 1.0), (0.0, 1.0))) -> np.ndarray:
    """Centres of a ``size × size`` grid of cells over ``box``, shape ``(size², 2)``.

    Row-major from the bottom: point ``i`` is cell ``(row, col) = divmod(i, size)``.
    """
    size = checks.count(size, "size", minimum=2)
    (x0, x1), (y0, y1) = checks.box(box)
    ticks = (np.arange(size) + 0.5) / size
    xs, ys = np.meshgrid(x0 + ticks * (x1 - x0), y0 + ticks * (y1 - y0))
    return np.c_[xs.ravel(), ys.ravel()]


@dataclass(frozen=True, eq=False)
class Piece:
    """A convex piece of the input box, ``polygon`` ``(k, 2)``, where a reading is ``weights · x + bias``."""

    polygon: np.ndarray
    weights: np.ndarray
    bias: float


def direction_pieces(layer: Layer, v, activation: str = "relu",
                     box=((0.0, 1.0), (0.0, 1.0))) -> list[Piece]:
    """The reading ``v · act(W x + b)`` of a 2-input layer as linear pieces over ``box``.

    Without a nonlinearity it is one piece, the neuron ``(Wᵀv, v · b)``. With
    ReLU it is linear on every region of ``partition_2d(layer, box)``: there
    only the positive neurons count, ``Σ_{k on} v_k (w_k · x + b_k)``.
    """
    _expect_layer(layer)
    if layer.n != 2:
        raise ValueError(f"layer must have n = 2 inputs, got n = {layer.n}")
    activation = _activation(activation)
    neuron = direction_neuron(layer, v)
    v = checks.finite_array(v, "v", ndim=1)
    if activation == "linear":
        (x0, x1), (y0, y1) = checks.box(box)
        corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
        return [Piece(corners, neuron.weights[0], float(neuron.biases[0]))]
    pieces = []
    for region in partition_2d(layer, box).regions:
        on = region.signs > 0
        pieces.append(Piece(region.polygon, v[on] @ layer.weights[on], float(v[on] @ layer.biases[on])))
    return pieces


def level_segments(pieces: list[Piece], level: float = 0.0) -> list[np.ndarray]:
    """Where the reading crosses ``level``: one segment ``(2, 2)`` per piece it crosses.

    Pieces on which the reading is constant have no crossing (see :func:`flat_polygons`).
    """
    segments = []
    for piece in pieces:
        if not np.any(piece.weights):
            continue
        corners = piece.polygon
        d = corners @ piece.weights + piece.bias - level
        # Corners of a piece are computed, so "on the line" needs a little slack.
        d[np.abs(d) <= LINE_TOLERANCE * (np.abs(piece.weights).sum() + abs(piece.bias - level))] = 0.0
        points = []
        for i in range(len(corners)):
            j = (i + 1) % len(corners)
            if d[i] == 0:
                points.append(corners[i])
            elif d[i] * d[j] < 0:
                points.append(corners[i] + d[i] / (d[i] - d[j]) * (corners[j] - corners[i]))
        if len(points) >= 2:
            along = np.array([-piece.weights[1], piece.weights[0]])
            ts = np.array(points) @ along
            segments.append(np.array([points[int(np.argmin(ts))], points[int(np.argmax(ts))]]))
    return [s for s in segments if np.linalg.norm(s[1] - s[0]) > 0]


def above_polygons(pieces: list[Piece], level: float) -> list[np.ndarray]:
    """The parts of the pieces where the reading exceeds ``level``: convex polygons ``(k, 2)``."""
    parts = [clip_polygon(p.polygon, p.weights, p.bias - level) for p in pieces]
    return [part for part in parts if len(part) >= 3 and polygon_area(part) > 1e-12]


def flat_polygons(pieces: list[Piece], level: float = 0.0) -> list[np.ndarray]:
    """Pieces on which the reading equals ``level`` everywhere (say, where every neuron is off)."""
    return [p.polygon for p in pieces if not np.any(p.weights) and p.bias == level]


def clip_polygon(polygon, weights, offset: float) -> np.ndarray:
    """The part of a convex polygon ``(k, 2)`` where ``weights · x + offset >= 0``, shape ``(j, 2)``."""
    corners = np.asarray(polygon, dtype=float)
    d = corners @ np.asarray(weights, dtype=float) + offset
    kept = []
    for i in range(len(corners)):
        j = (i + 1) % len(corners)
        if d[i] >= 0:
            kept.append(corners[i])
        if d[i] * d[j] < 0:
            kept.append(corners[i] + d[i] / (d[i] - d[j]) * (corners[j] - corners[i]))
    return np.array(kept).reshape(-1, 2)


def polygon_area(polygon) -> float:
    """Area of a simple polygon ``(k, 2)`` (shoelace; positive when counter-clockwise)."""
    x, y = np.asarray(polygon, dtype=float).reshape(-1, 2).T
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _expect_layer(layer) -> None:
    if not isinstance(layer, Layer):
        raise ValueError(f"layer must be a neuron_tutorial.Layer, got {type(layer).__name__}")


def _activation(value) -> str:
    if value not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {value!r}")
    return value
