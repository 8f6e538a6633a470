"""Bench section: exact 2-D partitions, and shapely polygonizing the same lines."""

from __future__ import annotations

import numpy as np

import neuron_tutorial as nt

from common import Row, best_of


def shapely_regions(layer: nt.Layer) -> int:
    """Region count by shapely: polygonize the union of the box edges and the clipped lines."""
    from shapely.geometry import LineString, box
    from shapely.ops import polygonize, unary_union

    square = box(0, 0, 1, 1)
    lines = [square.boundary]
    for (w1, w2), b in zip(layer.weights, layer.biases, strict=True):
        far = np.array([-2.0, 3.0])
        if abs(w2) > abs(w1):
            points = np.c_[far, -(w1 * far + b) / w2]
        else:
            points = np.c_[-(w2 * far + b) / w1, far]
        clipped = LineString(points).intersection(square)
        if not clipped.is_empty:
            lines.append(clipped)
    return len(list(polygonize(unary_union(lines))))


def run() -> list[Row]:
    rows = []
    for m in (16, 64, 200, 400, 1000):
        layer = nt.random_layer(m, 2, seed=0)
        regions = len(nt.partition_2d(layer))
        repeat = 5 if m <= 400 else 3  # the same for shapely: the best of as many runs
        seconds = best_of(lambda layer=layer: nt.partition_2d(layer), repeat=repeat)
        entry = {"regions": regions, "seconds": seconds}
        text = f"{seconds * 1000:9.1f} ms   {regions:7d} regions"
        if m in (64, 200, 400):  # shapely on the same lines, in the same run
            count = shapely_regions(layer)
            shapely_seconds = best_of(lambda layer=layer: shapely_regions(layer), repeat=repeat)
            ratio = shapely_seconds / seconds
            entry.update(shapely_seconds=shapely_seconds, shapely_regions=count, ratio=ratio)
            text += f"   shapely {shapely_seconds * 1000:.1f} ms, {count} regions: {ratio:.1f}x faster"
        rows.append(Row(f"partition_2d, m = {m}", text, f"partition_2d.{m}", entry))
    return rows
