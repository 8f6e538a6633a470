"""Bench section: exact partitions of 2-input networks, shapely splitting the same networks, and one
frame of the live training figure in Node (a training step plus the exact repartition)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import numpy as np

import neuron_tutorial as nt
from neuron_tutorial import digits

from common import ROOT, Row, best_of


def he_network(sizes, seed):
    """He initialisation (weights N(0, 2/n), biases N(0, 0.01)) from numpy's generator."""
    rng = np.random.default_rng(seed)
    return nt.Network([nt.Layer(rng.normal(0, np.sqrt(2 / n), (m, n)), rng.normal(0, 0.1, m))
                       for n, m in zip(sizes[:-1], sizes[1:], strict=True)])


def shapely_counts(net, box) -> list[int]:
    """Regions per layer by shapely: split each region by the neurons whose line crosses it there.

    Each region's affine map comes from the ReLU masks at its representative point, so
    nothing is shared with deep_partition but the network.
    """
    from shapely.geometry import LineString, Polygon
    from shapely.ops import split

    (x0, x1), (y0, y1) = box
    reach = 10 * (abs(x0) + abs(x1) + abs(y0) + abs(y1))
    tiny = 1e-12 * (x1 - x0) * (y1 - y0)
    regions, counts = [Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])], []
    for index in range(len(net)):
        pieces = []
        for region in regions:
            A, c = _affine_at(net, index, np.array(region.representative_point().coords[0]))
            parts = [region]
            for (a1, a2), b in zip(A, c, strict=True):
                norm = np.hypot(a1, a2)
                if norm < 1e-12:
                    continue
                kept = []
                for part in parts:
                    values = np.asarray(part.exterior.coords) @ [a1, a2] + b
                    if values.max() <= 1e-9 * norm or values.min() >= -1e-9 * norm:
                        kept.append(part)  # the line misses this piece
                        continue
                    foot, along = -b * np.array([a1, a2]) / norm**2, np.array([-a2, a1]) / norm
                    line = LineString([foot - reach * along, foot + reach * along])
                    # shapely returns no pieces at all for a line along an edge: the part stays whole
                    kept += [g for g in (split(part, line).geoms or [part]) if g.area > tiny]
                parts = kept
            pieces += parts
        regions = pieces
        counts.append(len(regions))
    return counts


def _affine_at(net, index, point):
    A, c = np.eye(2), np.zeros(2)
    for layer in net.layers[:index]:
        A, c = layer.weights @ A, layer.weights @ c + layer.biases
        on = (A @ point + c) > 0
        A, c = A * on[:, None], c * on
    return net.layers[index].weights @ A, net.layers[index].weights @ c + net.layers[index].biases


def compare(label, key, net, box, repeat):
    p = nt.partition_2d(net, box)
    seconds = best_of(lambda: nt.partition_2d(net, box), repeat=repeat)
    start = time.perf_counter()
    counts = shapely_counts(net, box)
    shapely_seconds = time.perf_counter() - start
    entry = {"regions_per_layer": list(p.counts), "seconds": seconds, "shapely_seconds": shapely_seconds,
             "shapely_regions_per_layer": counts}
    text = (f"{seconds * 1000:9.1f} ms   regions per layer {list(p.counts)}   shapely "
            f"{shapely_seconds * 1000:.0f} ms, {counts}: {shapely_seconds / seconds:.0f}x faster")
    return Row(label, text, key, entry)


def node_frame() -> Row:
    node = shutil.which("node")
    if node is None:
        return Row("live training frame (Node)", "skipped: node is not on PATH", "network.frame", None)
    output = subprocess.run([node, str(ROOT / "bench" / "network_frame.mjs"), "400"], check=True,
                            capture_output=True, text=True).stdout
    result = json.loads(output)
    text = (f"{result['median_ms']:9.2f} ms median, {result['p90_ms']:.2f} ms 90th percentile   "
            f"2 -> 16 -> 16 -> 1, step + exact repartition, {result['regions_last']} regions")
    return Row("live training frame (Node)", text, "network.frame", result)


def run() -> list[Row]:
    rows = [compare("partition_2d, 2 -> 32 -> 32", "network.2_32_32", he_network((2, 32, 32), seed=0),
                    ((-1.0, 1.0), (-1.0, 1.0)), repeat=10)]
    start = time.perf_counter()
    net, accuracy = digits.train_digits_network()
    seconds = time.perf_counter() - start
    rows.append(Row("digits 64 -> 128 -> 128 -> 10, training", f"{seconds:9.1f} s    held-out accuracy "
                    f"{accuracy:.3f}", "network.digits_training", {"seconds": seconds, "accuracy": accuracy}))
    images, labels = digits.load_digit_images()
    plane = nt.plane_through(*(images[np.flatnonzero(labels == d)[0]] for d in (0, 1, 7)))
    rows.append(compare("partition_2d, digits net on the 0-1-7 plane", "network.digits",
                        net.sliced(plane), plane.box, repeat=3))
    rows.append(node_frame())
    return rows
