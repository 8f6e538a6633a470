"""Shared pieces of the bench sections: timing and the row type."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    """One line of the bench table, and the value saved under ``key`` in the JSON."""

    label: str
    text: str
    key: str
    value: object


def best_of(fn, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` calls: the run least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
