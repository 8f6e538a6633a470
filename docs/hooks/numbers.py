"""MkDocs hook: the measured numbers a page quotes come from the build.

``{{ measured("relu.detectors.alpha0") }}`` in a page becomes that number, as
``python -m neuron_tutorial numbers`` computes it (``neuron_tutorial/site/numbers.py``)
from the same cached experiments as the figures. It runs in a fresh process (under
``mkdocs serve`` this hook is not re-imported) and only when the package changed.
An unknown name fails the build.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r'\{\{\s*measured\("([\w.]+)"\)\s*\}\}')
_numbers: dict[str, str] = {}
_last_sources: str | None = None


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "neuron_tutorial").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load() -> dict[str, str]:
    """The numbers by name, from a fresh process."""
    result = subprocess.run([sys.executable, "-m", "neuron_tutorial", "numbers"], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"computing the page numbers failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout)


def fill(markdown: str, numbers: dict[str, str], where: str = "page") -> str:
    """``markdown`` with every placeholder replaced; an unknown name raises PluginError."""
    def value(match):
        name = match.group(1)
        if name not in numbers:
            raise PluginError(f"{where}: unknown measured number {name!r}")
        return numbers[name]

    return PLACEHOLDER.sub(value, markdown)


def on_pre_build(config):
    global _last_sources
    digest = _sources_digest()
    if digest != _last_sources or not _numbers:
        _numbers.clear()
        _numbers.update(load())
        _last_sources = digest


def on_page_markdown(markdown, page, config, files):
    return fill(markdown, _numbers, page.file.src_uri)
