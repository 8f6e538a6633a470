"""2-D slices of an ``n``-dimensional layer.

On the plane ``x = origin + s·u + t·v`` of the input space, neuron ``k`` reads
``w_k · origin + b_k + s (w_k · u) + t (w_k · v)``: again a linear neuron, now of
the two slice coordinates ``(s, t)``. So every picture of the 2-D chapters works
for any layer, one plane at a time.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .layer import Layer


class Plane(NamedTuple):
    """A plane of input space: ``origin`` ``(n,)`` and orthonormal directions ``u``, ``v`` ``(n,)``.

    ``box`` ``((s_lo, s_hi), (t_lo, t_hi))`` is a region of the plane in slice coordinates.
    """

    origin: np.ndarray
    u: np.ndarray
    v: np.ndarray
    box: tuple

    def coordinates(self, points: ArrayLike) -> np.ndarray:
        """Slice coordinates ``(N, 2)`` of input points ``(N, n)`` projected onto the plane."""
        pts = checks.finite_array(points, "points", ndim=2)
        if pts.shape[1] != self.origin.shape[0]:
            raise ValueError(f"points must have shape (N, {self.origin.shape[0]}), got {pts.shape}")
        offset = pts - self.origin
        return np.stack([offset @ self.u, offset @ self.v], axis=1)

    def inputs(self, coordinates: ArrayLike) -> np.ndarray:
        """Input points ``(N, n)`` at slice coordinates ``(N, 2)``."""
        st = checks.finite_array(coordinates, "coordinates", ndim=2)
        if st.shape[1] != 2:
            raise ValueError(f"coordinates must have shape (N, 2), got {st.shape}")
        return self.origin + st[:, :1] * self.u + st[:, 1:] * self.v


def slice_layer(layer: Layer, origin: ArrayLike | Plane, u: ArrayLike | None = None,
                v: ArrayLike | None = None) -> Layer:
    """The 2-D layer that ``layer`` becomes on the plane ``x = origin + s·u + t·v``.

    Returns weights ``(m, 2) = [W u, W v]`` and biases ``W origin + b``. ``u`` and
    ``v`` need not be orthonormal, only not parallel. ``origin`` may be a ``Plane``
    (``slice_layer(layer, plane_through(a, b, c))``): then ``u`` and ``v`` come from
    it, and the sliced layer keeps the plane's box for ``partition_2d``.
    """
    if not isinstance(layer, Layer):
        raise ValueError(f"layer must be a neuron_tutorial.Layer, got {type(layer).__name__}")
    box = None
    if isinstance(origin, Plane):
        if u is not None or v is not None:
            raise ValueError("u and v must be left out when origin is a Plane (it holds its own)")
        origin, u, v, box = origin
    elif u is None or v is None:
        raise ValueError("u and v must be given (or origin must be a Plane)")
    n = layer.n
    vectors = []
    for name, value in (("origin", origin), ("u", u), ("v", v)):
        vector = checks.finite_array(value, name, ndim=1)
        if vector.shape != (n,):
            raise ValueError(f"{name} must have shape ({n},) to match the layer, got {vector.shape}")
        vectors.append(vector)
    origin, u, v = vectors
    _check_not_parallel(u, v)
    W = layer.weights
    return Layer(np.stack([W @ u, W @ v], axis=1), W @ origin + layer.biases, box)


def plane_through(p0: ArrayLike, p1: ArrayLike, p2: ArrayLike, margin: float = 0.15) -> Plane:
    """The plane through three input points, with a box that holds them.

    ``origin`` is ``p0``; ``u`` points to ``p1``; ``v`` is the unit direction in
    the plane orthogonal to ``u`` on the side of ``p2``. The box is the three
    points' bounding box in slice coordinates, widened by ``margin`` of its size.
    """
    points = [checks.finite_array(p, name, ndim=1) for name, p in (("p0", p0), ("p1", p1), ("p2", p2))]
    if len({p.shape for p in points}) != 1:
        raise ValueError(f"p0, p1, p2 must have the same shape, got {[p.shape for p in points]}")
    margin = float(checks.finite_array(margin, "margin"))
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")
    a, b, c = points
    first, second = b - a, c - a
    _check_not_parallel(first, second, "p1 - p0", "p2 - p0")
    u = first / _length(first)
    rest = second - (second @ u) * u
    v = rest / _length(rest)
    st = np.array([[0.0, 0.0], [first @ u, 0.0], [second @ u, second @ v]])
    lo, hi = st.min(axis=0), st.max(axis=0)
    pad = margin * (hi - lo).max()
    box = ((lo[0] - pad, hi[0] + pad), (lo[1] - pad, hi[1] + pad))
    return Plane(a, u, v, box)


def _length(vector) -> float:
    """Euclidean length, scaled first so that no square overflows or underflows."""
    largest = np.abs(vector).max(initial=0.0)
    return float(largest * np.linalg.norm(vector / largest)) if largest > 0 else 0.0


def _check_not_parallel(u, v, u_name="u", v_name="v") -> None:
    nu, nv = _length(u), _length(v)
    if nu == 0 or nv == 0 or abs((u / nu) @ (v / nv)) >= 1 - 1e-12:
        raise ValueError(f"{u_name} and {v_name} must be non-zero and not parallel")
