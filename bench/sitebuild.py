"""Bench section: building the widgets and the site; the bytes each widget weighs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.site import build

from common import ROOT, Row, best_of


def run() -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as out:
        seconds = best_of(lambda: build.build(out=Path(out), force=True, progress=lambda _: None), 1)
        rows.append(Row("build every widget", f"{seconds:9.2f} s    ({len(WIDGETS)} widgets)",
                        "widget_build_seconds", seconds))
        for name in WIDGETS:
            size = (Path(out) / "widgets" / f"{name}.html").stat().st_size
            rows.append(Row(f"  {name}.html", f"{size / 1024:9.1f} KB", f"widget_bytes.{name}", size))
    with tempfile.TemporaryDirectory() as site, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NT_WIDGET_CACHE": cache}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
        seconds = best_of(lambda: subprocess.run(command, cwd=ROOT, env=env, check=True,
                                                 capture_output=True), 1)
        rows.append(Row("mkdocs build --strict (clean)", f"{seconds:9.2f} s", "mkdocs_build_seconds",
                        seconds))
        # What `mkdocs serve` does after a page edit: a rebuild with every widget up to date
        # and the notebook's cache on (as `make serve` sets it).
        env["NT_NOTEBOOK_CACHE"] = "true"
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        seconds = best_of(lambda: subprocess.run(command, cwd=ROOT, env=env, check=True,
                                                 capture_output=True), 3)
        rows.append(Row("rebuild after a page edit (as serve)", f"{seconds:9.2f} s",
                        "rebuild_seconds", seconds))
    return rows
