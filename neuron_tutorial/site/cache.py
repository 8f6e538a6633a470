"""Floor 3 keeps the measured experiments on disk, so a build computes each once per change.

``on_disk(folder)`` is the store that ``figures/kit/experiments.py`` asks for a
result: one ``<key>.npz`` per result under ``build/experiments`` (or
``$NT_EXPERIMENT_CACHE``), never under ``docs/``. A key carries a hash of the
mathematics' sources; files of the same result with an older hash are removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..figures.kit import experiments

FOLDER = Path(os.environ.get("NT_EXPERIMENT_CACHE", "build/experiments"))


def on_disk(folder: Path = FOLDER) -> Callable:
    """A store keeping each result as ``folder/<key>.npz`` (written whole, then renamed)."""
    folder = Path(folder)

    def store(key: str, compute: Callable[[], dict]) -> dict:
        path = folder / f"{key}.npz"
        if path.exists():
            with np.load(path, allow_pickle=False) as kept:
                return {name: kept[name] for name in kept.files}
        arrays = compute()
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{key}.{os.getpid()}.partial.npz"
        np.savez_compressed(partial, **arrays)
        partial.replace(path)
        name = key.rsplit("-", 1)[0]
        for old in folder.glob(f"{name}-*.npz"):
            if old != path and old.name.count(".") == 1 and old.stem.rsplit("-", 1)[0] == name:
                old.unlink(missing_ok=True)
        return arrays

    return store


def install(folder: Path = FOLDER) -> None:
    """Make the figures and the page numbers keep their experiments in ``folder``."""
    experiments.use_store(on_disk(folder))
