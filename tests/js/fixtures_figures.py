"""Fixtures for the Node tests of what regions_2d and planes_3d add to the library, from floor 1.

Region 1 and Region 2 (``region_pair``) are found here by brute force over ``partition_2d``'s
regions; the planes' pieces are checked against the layer's own outputs (``figures.test.mjs``).
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import numpy as np

import neuron_tutorial as nt

BOX = ((0.0, 1.0), (0.0, 1.0))


def columns(layer: nt.Layer) -> dict:
    w, b = layer.weights, layer.biases
    return {"w1": w[:, 0].tolist(), "w2": w[:, 1].tolist(), "b": b.tolist()}


def distance(point, polygon) -> float:
    """Distance from ``point`` to a convex counter-clockwise polygon (0 inside), by brute force."""
    p = np.asarray(point, float)
    edges = list(zip(polygon, np.roll(polygon, -1, axis=0), strict=True))
    cross = lambda u, v: u[0] * v[1] - u[1] * v[0]  # noqa: E731
    if all(cross(b - a, p - a) >= 0 for a, b in edges):
        return 0.0
    def to_segment(a, b):
        t = np.clip(np.dot(p - a, b - a) / np.dot(b - a, b - a), 0, 1)
        return float(np.linalg.norm(p - a - t * (b - a)))
    return min(to_segment(a, b) for a, b in edges)


def pair_case(seed: int, m: int, k: int, near) -> dict:
    layer = nt.random_layer(m, 2, seed)
    regions = nt.partition_2d(layer, BOX).regions
    pairs = []
    for i, j in ((i, j) for i in range(len(regions)) for j in range(len(regions))):
        diff = np.flatnonzero(regions[i].signs != regions[j].signs)
        if diff.tolist() == [k] and regions[i].signs[k] == -1:
            polygons = (regions[i].polygon, regions[j].polygon)
            d = 0.0 if near is None else min(distance(near, p) for p in polygons)
            pairs.append((-d, min(regions[i].size, regions[j].size), regions[i].pattern, regions[j].pattern))
    best = max(pairs, default=None)
    return {**columns(layer), "k": k, "near": near, "patterns": None if best is None else list(best[2:])}


def crossing_case(seed: int, m: int) -> dict:
    layer = nt.random_layer(m, 2, seed)
    found = []
    for pair in combinations(range(m), 2):
        point = np.linalg.solve(layer.weights[list(pair)], -layer.biases[list(pair)])
        if np.all((point >= 0) & (point <= 1)):
            found.append([*point.tolist(), *pair])
    return {**columns(layer), "crossings": found}


def plane_case(seed: int, m: int) -> dict:
    layer = nt.random_layer(m, 2, seed)
    return {**columns(layer), "floor": sorted(r.pattern for r in nt.partition_2d(layer, BOX).regions)}


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    pairs = [pair_case(s, m, k, near) for s, m in ((6, 8), (0, 5), (3, 12))
             for k in (0, 2) for near in (None, [0.1, 0.1], [0.8, 0.3], [0.5, 0.95])]
    fixtures = {
        "pairs": pairs,
        "crossings": [crossing_case(s, m) for s, m in ((6, 8), (1, 13), (4, 3))],
        "planes": [plane_case(s, m) for s, m in ((6, 4), (0, 1), (3, 8), (11, 6))],
    }
    for name, data in fixtures.items():
        (directory / f"figures_{name}.json").write_text(json.dumps(data))
