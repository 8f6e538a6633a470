"""The measured experiments of page 7, run once per change of the mathematics.

The digits dissection takes more than a minute for its four conditions (ReLU and
linear, trained and untrained, 20 networks each, 11 values of α) and the toy one
about twenty seconds, while a page build should take seconds. So every result
passes through a *store*: ``store(key, compute) -> arrays`` returns the arrays
kept under ``key`` or computes, keeps and returns them. Figures stay pure (they
write nothing): the store is installed by floor 3 (``site/cache.py``, files under
``build/``); without one, results are computed in memory. The key hashes every
floor-1 source, this file and the library versions, so an edit to the
mathematics recomputes and nothing else does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

import numpy as np

from ... import dissection
from ...digit_dissection import DigitsDissection

SEEDS = 20                                           # networks 0 ... 19 per condition
ALPHAS = tuple(round(0.1 * i, 1) for i in range(11))   # 0.0 ... 1.0
# Condition name -> (activation, trained): the two trained families and their baselines.
CONDITIONS = {"relu": ("relu", True), "linear": ("linear", True),
              "untrained_relu": ("relu", False), "untrained_linear": ("linear", False)}
PACKAGE = Path(__file__).parents[2]

Store = Callable[[str, Callable[[], dict]], dict]
_store: list[Store] = []


def use_store(store: Store | None) -> None:
    """Keep results in ``store`` from now on (``None``: in memory only)."""
    _store[:] = [] if store is None else [store]
    digits.cache_clear()
    toy.cache_clear()


def source_key() -> str:
    """Hash of what decides the results: floor-1 sources, this file, numpy and scikit-learn."""
    import sklearn

    digest = hashlib.sha256(f"{np.__version__} {sklearn.__version__}".encode())
    for path in sorted([*PACKAGE.glob("*.py"), Path(__file__)]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _kept(name: str, compute: Callable[[], dict]) -> dict:
    key = f"{name}-{source_key()}"
    return _store[0](key, compute) if _store else compute()


def _arrays(result) -> dict:
    """A result dataclass as named arrays (what a store keeps)."""
    out = {}
    for f in fields(result):
        value = getattr(result, f.name)
        if f.name == "concepts":
            value = [c if isinstance(c, str) else c.name for c in value]
        out[f.name] = np.asarray(value)
    return out


def _scalars(arrays: dict, texts=("activation",), flags=(), numbers=("q", "threshold")) -> dict:
    values = dict(arrays)
    values.update({k: str(arrays[k]) for k in texts})
    values.update({k: bool(arrays[k]) for k in flags})
    values.update({k: float(arrays[k]) for k in numbers})
    return values


@lru_cache(maxsize=8)
def digits(condition: str, seeds: int = SEEDS) -> DigitsDissection:
    """``dissection.run(..., data="digits")`` for one of :data:`CONDITIONS`, networks ``0 .. seeds-1``."""
    activation, trained = CONDITIONS[condition]
    arrays = _kept(f"digits-{condition}-{seeds}", lambda: _arrays(dissection.run(
        activation, ALPHAS, range(seeds), data="digits", trained=trained)))
    values = _scalars(arrays, flags=("trained",))
    values["concepts"] = tuple(str(c) for c in arrays["concepts"])
    return DigitsDissection(**values)


@lru_cache(maxsize=4)
def toy(activation: str, seeds: int = SEEDS) -> dissection.Dissection:
    """``dissection.run`` on the toy world (the unit square), networks ``0 .. seeds-1``."""
    arrays = _kept(f"toy-{activation}-{seeds}", lambda: _arrays(dissection.run(
        activation, ALPHAS, range(seeds))))
    values = _scalars(arrays)
    values["concepts"] = dissection.CONCEPTS
    return dissection.Dissection(**values)
