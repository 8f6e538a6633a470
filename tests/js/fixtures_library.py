"""Fixtures for the Node tests of the figures' JavaScript library, written by floor 1.

Each case holds a layer and what the Python mathematics says of it; the Node tests
(``library.test.mjs``) run the JavaScript module on the same layer and compare. Cases are
random layers, degenerate ones (zero rows, duplicated and opposite neurons, parallel
lines, several lines through one point, lines that miss the box) and edited ones.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np

import neuron_tutorial as nt
from neuron_tutorial import directions

BOX = ((0.0, 1.0), (0.0, 1.0))


def layers_2d() -> list[tuple[str, nt.Layer]]:
    """Named two-input layers: random, degenerate and edited."""
    cases = [(f"random m={m} seed={s}", nt.random_layer(m, 2, s)) for m in (1, 2, 5, 8, 13) for s in (0, 3)]
    base = nt.random_layer(6, 2, 7)
    w, b = base.weights.copy(), base.biases.copy()
    cases += [
        ("zero row", nt.Layer(np.r_[w[:3], [[0.0, 0.0]]], np.r_[b[:3], [0.4]])),
        ("duplicated neuron", nt.Layer(np.r_[w[:4], w[1:2]], np.r_[b[:4], b[1:2]])),
        ("opposite neuron", nt.Layer(np.r_[w[:4], -2 * w[2:3]], np.r_[b[:4], -2 * b[2:3]])),
        ("parallel lines", nt.Layer([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]], [-0.5, -1.0, -1.4])),
        ("three lines through one point", nt.Layer([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, -1.0]],
                                                   [-0.5, -0.5, -1.0, 0.0])),
        ("lines missing the box", nt.Layer([[1.0, 0.0], [0.0, 1.0], [1.0, 2.0]], [2.0, -3.0, 0.2])),
        ("line along an edge", nt.Layer([[1.0, 0.0], [0.0, 1.0]], [0.0, -0.5])),
        # Every kind at once: a zero row (positive, and exactly 0), a line and its double, three
        # lines through (0.5, 0.5), lines along the box's edges, one through two corners, one
        # that misses the box.
        ("every degenerate kind", nt.Layer(
            [[0, 0], [0, 0], [1, -1], [2, -2], [1, 0], [0, 1], [1, 0], [0, -1], [1, 1], [1, 1]],
            [0.5, 0.0, 0.0, 0.0, -0.5, -0.5, 0.0, 1.0, -1.0, 5.0])),
        ("random m=40 seed=3", nt.random_layer(40, 2, 3)),
        ("random m=64 seed=19", nt.random_layer(64, 2, 19)),
        ("edited: neuron 2 moved", nt.Layer(np.r_[w[:2], [[0.3, -1.2]], w[3:]], np.r_[b[:2], [0.25], b[3:]])),
    ]
    return cases


def partition_case(name: str, layer: nt.Layer, box=BOX) -> dict:
    p = nt.partition_2d(layer, box)
    return {
        "name": name, "w1": layer.weights[:, 0].tolist(), "w2": layer.weights[:, 1].tolist(),
        "b": layer.biases.tolist(), "box": [list(side) for side in box],
        "patterns": sorted(r.pattern for r in p.regions),
        "areas": sorted(r.size for r in p.regions),
        "points": [r.point.tolist() for r in p.regions],
        "point_patterns": [r.pattern for r in p.regions],
    }


def partition_1d_case(seed: int, m: int) -> dict:
    layer = nt.random_layer(m, 1, seed)
    p = nt.partition_1d(layer, (0.0, 1.0))
    return {"w": layer.weights[:, 0].tolist(), "b": layer.biases.tolist(),
            "breakpoints": p.breakpoints.tolist(), "patterns": [r.pattern for r in p.regions]}


def threshold_cases() -> dict:
    rng = np.random.default_rng(0)
    planes = [nt.random_layer(12, 2, 1), nt.Layer([[0.0, 2.0], [3.0, 0.0], [0.0, 0.0], [1.0, 1.0]],
                                                  [0.1, -1.0, 0.5, -1.0])]
    values = [rng.standard_normal(n).tolist() for n in (1, 2, 7, 100)]
    return {
        "planes": [{"w1": L.weights[:, 0].tolist(), "w2": L.weights[:, 1].tolist(), "b": L.biases.tolist(),
                    "q": q, "thresholds": nt.quantile_thresholds(L, BOX, q).tolist()}
                   for L in planes for q in (0.05, 0.5, 0.95)],
        "lines": [{"w": L.weights[:, 0].tolist(), "b": L.biases.tolist(), "q": 0.95,
                   "thresholds": nt.quantile_thresholds(L, (0.0, 1.0), 0.95).tolist()}
                  for L in (nt.random_layer(9, 1, 2), nt.Layer([[0.0], [-1.0]], [0.3, 0.2]))],
        "samples": [{"values": v, "q": q, "quantile": float(np.quantile(v, q))} for v in values
                    for q in (0.0, 0.1, 0.95, 1.0)],
    }


def direction_cases() -> list[dict]:
    cases = []
    for seed, m in ((2, 5), (4, 3), (1, 8)):
        layer = nt.random_layer(m, 2, seed)
        for label, v in (("neuron", np.eye(m)[0]), ("random", directions.random_direction(m, seed))):
            for activation in ("relu", "linear"):
                pieces = directions.direction_pieces(layer, v, activation)
                level, area = 0.1, directions.polygon_area
                segments = directions.level_segments(pieces)
                cases.append({
                    "name": f"seed={seed} m={m} {label} {activation}", "W": layer.weights.tolist(),
                    "b": layer.biases.tolist(), "v": v.tolist(), "relu": activation == "relu",
                    "pieces": len(pieces),
                    "zero_length": sum(float(np.linalg.norm(s[1] - s[0])) for s in segments),
                    "above_area": sum(area(p) for p in directions.above_polygons(pieces, level)),
                    "flat_area": sum(area(p) for p in directions.flat_polygons(pieces)),
                    "level": level,
                })
    return cases


def format_cases() -> list[list]:
    """Numbers and their text with two decimals: halves rounded away from zero on the exact binary
    value (what JavaScript's toFixed does), a real minus sign, and no "−0.00"."""
    numbers = [0.0, 1.0, -1.0, 0.125, -0.125, 0.005, -0.004, 2.675, 1e-9, -1e-9, 12.3456, -7.5, 0.335]
    cases = []
    for x in numbers:
        text = "0.00" if abs(x) < 0.005 else str(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        cases.append([x, text.replace("-", "\u2212")])
    return cases


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    fixtures = {
        "partition_2d": [partition_case(n, L) for n, L in layers_2d()]
        + [partition_case("random box", nt.random_layer(7, 2, 5), ((-1.0, 2.0), (0.5, 1.5)))],
        "partition_1d": [partition_1d_case(s, m) for s in range(4) for m in (1, 4, 8, 20)],
        "thresholds": threshold_cases(),
        "directions": direction_cases(),
        "format": format_cases(),
    }
    for name, data in fixtures.items():
        (directory / f"library_{name}.json").write_text(json.dumps(data))
