"""Fixtures for tests/js/figures_1d.test.mjs: the seeded one-input layers of neurons_1d and
partition_1d, their 95% thresholds, and each neuron's own partition (sign and high output)."""

from __future__ import annotations

import json
from pathlib import Path

import neuron_tutorial as nt

LINE = (0.0, 1.0)


def guide_case(layer: nt.Layer, high: bool) -> dict:
    level = nt.quantile_thresholds(layer, LINE, 0.95) if high else [0.0] * layer.m
    pieces = []
    for k in range(layer.m):
        one = nt.Layer(layer.weights[k:k + 1], layer.biases[k:k + 1] - level[k])
        for region in nt.partition_1d(one, LINE).regions:
            pieces.append({"neuron": k, "interval": list(region.interval), "sign": int(region.signs[0])})
    whole = nt.partition_1d(layer.shifted(level), LINE)
    return {"w": layer.weights[:, 0].tolist(), "b": layer.biases.tolist(), "high": high,
            "level": [float(t) for t in level], "pieces": pieces,
            "partition": {"breakpoints": whole.breakpoints.tolist(),
                          "patterns": [r.pattern for r in whole.regions]}}


def layers():
    yield from (nt.random_layer(m, 1, seed) for seed in range(5) for m in (1, 8, 16))
    yield nt.Layer([[0.0], [2.0], [-1.0], [0.0]], [0.0, -1.0, 0.5, -0.3])   # constant neurons
    yield nt.Layer([[1.0], [1.0], [-2.0]], [-0.5, -0.5, 1.0])                # one shared root
    yield nt.Layer([[1.0], [-1.0]], [0.5, 3.0])                              # roots outside


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    cases = [guide_case(layer, high) for layer in layers() for high in (False, True)]
    (directory / "line_guides.json").write_text(json.dumps(cases))
