"""`make bench`: the performance figures of DESIGN.md §6, printed as a table and saved as JSON.

Run from the repository root. Each timing is the best of a few runs (the least
disturbed by the rest of the machine); sizes are bytes on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import neuron_tutorial as nt
from neuron_tutorial import build
from neuron_tutorial.widgets import WIDGETS

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def shapely_regions(layer: nt.Layer) -> int:
    """Region count by shapely: polygonize the union of the box edges and the clipped lines."""
    from shapely.geometry import LineString, box
    from shapely.ops import polygonize, unary_union

    square = box(0, 0, 1, 1)
    lines = [square.boundary]
    for (w1, w2), b in zip(layer.weights, layer.biases, strict=True):
        far = np.array([-2.0, 3.0])
        points = np.c_[far, -(w1 * far + b) / w2] if abs(w2) > abs(w1) else np.c_[-(w2 * far + b) / w1, far]
        clipped = LineString(points).intersection(square)
        if not clipped.is_empty:
            lines.append(clipped)
    return len(list(polygonize(unary_union(lines))))


def main() -> None:
    rows: list[tuple[str, str]] = []
    results: dict = {"partition_2d": {}, "widget_bytes": {}}

    for m in (16, 64, 200, 400, 1000):
        layer = nt.random_layer(m, 2, seed=0)
        regions = len(nt.partition_2d(layer))
        seconds = best_of(lambda layer=layer: nt.partition_2d(layer), repeat=3 if m <= 400 else 1)
        entry = {"regions": regions, "seconds": seconds}
        line = f"{seconds * 1000:9.1f} ms   {regions:7d} regions"
        if m == 200:
            count = shapely_regions(layer)
            shapely_seconds = best_of(lambda layer=layer: shapely_regions(layer))
            entry.update(shapely_seconds=shapely_seconds, shapely_regions=count,
                         ratio=shapely_seconds / seconds)
            ratio = shapely_seconds / seconds
            line += f"   shapely {shapely_seconds * 1000:.1f} ms, {count} regions: {ratio:.1f}x"
        results["partition_2d"][m] = entry
        rows.append((f"partition_2d, m = {m}", line))

    with tempfile.TemporaryDirectory() as out:
        seconds = best_of(lambda: build.build(out=Path(out), force=True, progress=lambda _: None), 1)
        results["widget_build_seconds"] = seconds
        rows.append(("build every widget", f"{seconds:9.2f} s    ({len(WIDGETS)} widgets)"))
        for name in WIDGETS:
            size = (Path(out) / "widgets" / f"{name}.html").stat().st_size
            results["widget_bytes"][name] = size
            rows.append((f"  {name}.html", f"{size / 1024:9.1f} KB"))

    with tempfile.TemporaryDirectory() as site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
        seconds = best_of(lambda: subprocess.run(command, cwd=ROOT, env=env, check=True,
                                                 capture_output=True), 1)
        results["mkdocs_build_seconds"] = seconds
        rows.append(("mkdocs build --strict", f"{seconds:9.2f} s"))

    width = max(len(label) for label, _ in rows)
    print("Reading neurons together: bench\n")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    RESULTS.write_text(json.dumps(results, indent=2))
    print(f"\n(saved to {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
