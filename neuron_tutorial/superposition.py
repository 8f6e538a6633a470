"""More almost-orthogonal directions than dimensions: the counting behind superposition.

``n`` neurons give ``n`` orthogonal basis directions, but if "different concepts"
only need directions whose pairwise ``|cos|`` stays below ``ε``, far more fit:
random unit vectors in ``n`` dimensions have ``|cos| ≈ 1/√n``, and the number
that fit grows exponentially with ``n`` (Johnson–Lindenstrauss). A greedy search
exhibits such a set, so its size is a lower bound on the true maximum.
"""

from __future__ import annotations

import numpy as np

from . import checks


def _epsilon(value) -> float:
    eps = checks.finite_array(value, "eps")
    if eps.ndim != 0 or not 0.0 < float(eps) < 1.0:
        raise ValueError(f"eps must be a number strictly between 0 and 1, got {value!r}")
    return float(eps)


def random_unit_vectors(count: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` independent directions uniform on the sphere in ``n`` dimensions: ``(count, n)``."""
    g = rng.standard_normal((count, n))
    return g / np.linalg.norm(g, axis=1, keepdims=True)


def greedy_directions(n: int, eps: float, *, seed: int = 0, max_vectors: int = 2000,
                      max_candidates: int = 20000, batch: int = 250) -> np.ndarray:
    """Unit vectors in ``n`` dimensions with pairwise ``|cos| < eps``, found greedily: ``(k, n)``.

    Random directions are drawn in batches of ``batch`` and each is kept if it is
    almost orthogonal to every one kept so far. The search stops at
    ``max_vectors`` kept vectors or after ``max_candidates`` draws, so ``k`` is a
    lower bound on how many such directions exist (and a capped one).
    """
    n = checks.count(n, "n", minimum=1)
    eps = _epsilon(eps)
    seed = checks.count(seed, "seed")
    max_vectors = checks.count(max_vectors, "max_vectors", minimum=1)
    max_candidates = checks.count(max_candidates, "max_candidates", minimum=1)
    batch = checks.count(batch, "batch", minimum=1)
    rng = np.random.default_rng(seed)
    kept = np.zeros((0, n))
    drawn = 0
    while drawn < max_candidates and len(kept) < max_vectors:
        candidates = random_unit_vectors(min(batch, max_candidates - drawn), n, rng)
        drawn += len(candidates)
        candidates = candidates[np.all(np.abs(candidates @ kept.T) < eps, axis=1)]
        # The survivors are compatible with the kept set; take them in order,
        # each one only if it is also compatible with those taken before it.
        clash = np.abs(candidates @ candidates.T) >= eps
        taken = np.zeros(len(candidates), dtype=bool)
        for i in range(len(candidates)):
            if not np.any(clash[i, :i] & taken[:i]):
                taken[i] = True
        kept = np.vstack([kept, candidates[taken]])[:max_vectors]
    return kept


def greedy_count(n: int, eps: float, **options) -> int:
    """How many directions :func:`greedy_directions` finds (a capped lower bound)."""
    return len(greedy_directions(n, eps, **options))


def union_bound_count(n: int, eps: float) -> float:
    """How many random directions surely can have pairwise ``|cos| < eps``: ``e^{n ε² / 4}``.

    For two random unit vectors ``P(|cos| >= ε) <= 2 e^{-n ε² / 2}``; with fewer
    than ``e^{n ε² / 4}`` vectors the expected number of clashing pairs is below
    1, so some draw has none. An exponential in ``n``: the guarantee, not the truth.
    """
    n = checks.count(n, "n", minimum=1)
    return float(np.exp(n * _epsilon(eps) ** 2 / 4))


def max_abs_cosine(vectors) -> float:
    """The largest ``|cos|`` between two different rows of ``vectors`` ``(k, n)`` (0 for k < 2)."""
    v = checks.finite_array(vectors, "vectors", ndim=2)
    if len(v) < 2:
        return 0.0
    u = v / np.linalg.norm(v, axis=1, keepdims=True)
    gram = np.abs(u @ u.T)
    np.fill_diagonal(gram, 0.0)
    return float(gram.max())
