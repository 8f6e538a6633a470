"""Load a build hook of docs/hooks/ in a test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_hook(name: str):
    """A build hook of docs/hooks/, loaded by path as MkDocs loads it (docs/hooks/math.py would
    shadow the standard library's math on the import path)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "docs" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
