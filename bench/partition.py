"""Bench section: exact 2-D partitions against CGAL and shapely on the same lines.

Each ``partition_2d`` measurement runs in a fresh subprocess, so its peak memory
(``ru_maxrss``, the interpreter and numpy included) is that of one partition.
CGAL's Python bindings have no ``Arrangement_2``: a constrained Delaunay
triangulation with the same clipped segments as constraints nodes them the same
way, and its construction time is the peer's (see ECOSYSTEM.md). Random lines are
in general position, so every CGAL vertex is a corner, a line's end or one
crossing: regions = 1 + L + crossings = vertices - 3 - L.

``python bench/partition.py 200 1000`` prints the table for chosen sizes only.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time

import numpy as np

import neuron_tutorial as nt

from common import ROOT, Row, best_of

SIZES = (200, 1000, 2000, 4096)


def clipped_segments(layer: nt.Layer) -> np.ndarray:
    """Each line's piece inside the unit box, ``(L, 2, 2)``, for the lines that cross it."""
    w, b = layer.weights, layer.biases
    ends = []
    for (w1, w2), c in zip(w, b, strict=True):
        # The line's points on the four sides' lines, kept where they lie on the closed side.
        points = []
        if w2 != 0:
            points += [(x, -(w1 * x + c) / w2) for x in (0.0, 1.0)]
        if w1 != 0:
            points += [(-(w2 * y + c) / w1, y) for y in (0.0, 1.0)]
        points = [p for p in points if 0 <= p[0] <= 1 and 0 <= p[1] <= 1]
        if len(points) >= 2:
            points.sort()
            ends.append((points[0], points[-1]))
    return np.array(ends).reshape(-1, 2, 2)


def exact_general_count(layer: nt.Layer) -> int:
    """1 + lines crossing the box + crossings inside, for lines in general position."""
    segments = clipped_segments(layer)
    w, b = layer.weights, layer.biases
    i, j = np.triu_indices(layer.m, 1)
    det = w[i, 0] * w[j, 1] - w[i, 1] * w[j, 0]
    x = (w[i, 1] * b[j] - w[j, 1] * b[i]) / det
    y = (w[j, 0] * b[i] - w[i, 0] * b[j]) / det
    return 1 + len(segments) + int(np.sum((x > 0) & (x < 1) & (y > 0) & (y < 1)))


def cgal_partition(segments: np.ndarray) -> int:
    """Build CGAL's constrained Delaunay triangulation of the box's sides and ``segments``."""
    from CGAL.CGAL_Kernel import Point_2
    from CGAL.CGAL_Triangulation_2 import Constrained_Delaunay_triangulation_2

    cdt = Constrained_Delaunay_triangulation_2()
    corners = [Point_2(0, 0), Point_2(1, 0), Point_2(1, 1), Point_2(0, 1)]
    for k in range(4):
        cdt.insert_constraint(corners[k], corners[(k + 1) % 4])
    for (ax, ay), (bx, by) in segments.tolist():
        cdt.insert_constraint(Point_2(ax, ay), Point_2(bx, by))
    return cdt.number_of_vertices() - 3 - len(segments)


def shapely_regions(layer: nt.Layer) -> int:
    """Region count by shapely: polygonize the union of the box edges and the clipped lines."""
    from shapely.geometry import LineString, box
    from shapely.ops import polygonize, unary_union

    lines = [box(0, 0, 1, 1).boundary] + [LineString(s) for s in clipped_segments(layer)]
    return len(list(polygonize(unary_union(lines))))


def child(m: int, seed: int, repeat: int) -> None:
    """In a fresh process: partition ``random_layer(m, 2, seed)``; print regions, time, peak memory."""
    layer = nt.random_layer(m, 2, seed=seed)
    start = time.perf_counter()
    regions = len(nt.partition_2d(layer))
    seconds = time.perf_counter() - start
    if repeat > 1:
        seconds = min(seconds, best_of(lambda: nt.partition_2d(layer), repeat=repeat - 1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB -> GiB
    print(json.dumps({"regions": regions, "seconds": seconds, "peak_gib": peak}))


def digits_child() -> None:
    """The "read your own network" slice: a 512-neuron digits layer on the plane through 0, 1, 7."""
    from neuron_tutorial.figures.layer_slice import digits_slice

    data = digits_slice(hidden=512)
    layer, box = data["layer"], data["box"]
    regions = len(nt.partition_2d(layer, box))
    seconds = best_of(lambda: nt.partition_2d(layer, box), repeat=5)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(json.dumps({"regions": regions, "seconds": seconds, "peak_gib": peak}))


def in_subprocess(*args) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *map(str, args)], check=True,
                          capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def run(sizes=SIZES, seed: int = 0) -> list[Row]:
    rows = []
    for m in sizes:
        layer = nt.random_layer(m, 2, seed=seed)
        segments = clipped_segments(layer)
        entry, cgal_seconds = None, []
        # The two in turn, twice up to m = 2,000: the machine's load then weighs on both alike.
        for _ in range(2 if m <= 2000 else 1):
            run_entry = in_subprocess(m, seed, 3 if m <= 1000 else 1)
            if entry is None or run_entry["seconds"] < entry["seconds"]:
                entry = run_entry
            start = time.perf_counter()
            cgal_count = cgal_partition(segments)
            cgal_seconds.append(time.perf_counter() - start)
        entry.update(cgal_seconds=min(cgal_seconds), cgal_regions=cgal_count,
                     exact_regions=exact_general_count(layer))
        text = (f"{entry['regions']:8d} regions {entry['seconds']:8.3f} s {entry['peak_gib']:6.2f} GiB peak"
                f"   CGAL {entry['cgal_seconds']:7.3f} s")
        if m <= 200:  # shapely on the same lines, in the same run: 7.6 s at m = 1,000
            start = time.perf_counter()
            entry.update(shapely_regions=shapely_regions(layer), shapely_seconds=time.perf_counter() - start)
            text += f"   shapely {entry['shapely_seconds']:.3f} s"
        names = ("regions", "cgal_regions", "exact_regions", "shapely_regions")
        counts = {entry[k] for k in names if k in entry}
        text += "   counts equal" if len(counts) == 1 else f"   COUNTS DIFFER {sorted(counts)}"
        rows.append(Row(f"partition_2d, m = {m}", text, f"partition_2d.{m}", entry))
    entry = in_subprocess("digits")
    text = f"{entry['regions']:8d} regions {entry['seconds']:8.3f} s {entry['peak_gib']:6.2f} GiB peak"
    rows.append(Row("partition_2d, digits 512 slice", text, "partition_2d.digits512", entry))
    return rows + browser_partition()


JS_SIZES = (16, 64, 128, 256)


def browser_partition(sizes=JS_SIZES) -> list[Row]:
    """The figures' own partition (nt/partition.js) in Node: up to which m a drag stays live."""
    node = shutil.which("node")
    if node is None:
        return [Row("nt/partition.js (Node)", "skipped: node is not on PATH", "partition_js", None)]
    done = subprocess.run([node, str(ROOT / "bench" / "partition_js.mjs"), *map(str, sizes)],
                          check=True, capture_output=True, text=True)
    rows = []
    for entry in json.loads(done.stdout.splitlines()[-1]):
        rows.append(Row(f"nt/partition.js (Node), m = {entry['m']}",
                        f"{entry['regions']:8d} regions {entry['ms']:9.1f} ms",
                        f"partition_js.{entry['m']}", entry))
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        digits_child() if sys.argv[2] == "digits" else child(*map(int, sys.argv[2:5]))
    else:
        for row in run([int(a) for a in sys.argv[1:]] or SIZES):
            print(f"  {row.label:<32}  {row.text}")
