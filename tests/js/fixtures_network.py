"""Fixtures for network.test.mjs and train.test.mjs, written by the Python they mirror.

``network_partitions.json``: networks (random, degenerate with small integer
weights, trained) with their exact partition by ``nt.partition_2d``: regions per
layer, sorted areas, sign patterns. ``network_training.json``: for each data set
the data and the initial weights (which JS must reproduce bit for bit) and the
weights and losses after 50 steps (to 1e-9).
"""

import json
import pathlib

import numpy as np

import neuron_tutorial as nt
from neuron_tutorial import training

STEPS = 50


def as_json(net):
    return {"sizes": list(net.sizes), "weights": [layer.weights.ravel().tolist() for layer in net.layers],
            "biases": [layer.biases.tolist() for layer in net.layers]}


def networks():
    """(name, network, box): random He networks, degenerate integer ones, trained ones."""
    for seed, sizes in enumerate([(2, 8, 8), (2, 16, 16, 1), (2, 5, 1, 4), (2, 12, 6, 3)]):
        yield f"random {sizes}", training.init_network(sizes, seed=seed), ((-1.0, 1.0), (-1.0, 1.0))
    rng = np.random.default_rng(0)
    for index in range(16):
        sizes = [2, *rng.integers(1, 7, size=rng.integers(1, 4))]
        pool = rng.integers(-2, 3, size=(3, 7)).astype(float)
        layers = []
        for n, m in zip(sizes[:-1], sizes[1:], strict=True):
            rows = pool[rng.integers(0, 3, size=m)][:, : n + 1]
            rows[rng.random(m) < 0.3] = rng.integers(-2, 3, size=n + 1)
            if index >= 10:  # nudged by about the tolerance: slivers and near misses
                rows += 10.0 ** -rng.integers(8, 13) * rng.normal(size=rows.shape)
            layers.append(nt.Layer(rows[:, :n], rows[:, n]))
        yield f"degenerate {index}", nt.Network(layers), ((-2.0, 2.0), (-1.0, 2.0))
    first = nt.Layer([[1.0, 0.0], [1.0, 0.0], [0.0, 0.0], [0.0, 1.0]], [0.0, 0.0, 0.0, -5.0])
    second = nt.Layer([[0.0, 0.0, 0.0, 0.0], [1.0, -1.0, 0.0, 0.0], [0.0, 0.0, 3.0, 0.0],
                       [2.0, 0.0, 0.0, 0.0]], [-1.0, 0.0, 0.0, 0.0])
    yield "dead, constant, duplicated", nt.Network([first, second]), ((-1.0, 1.0), (-1.0, 1.0))
    for name, sizes in (("moons", (2, 8, 8, 1)), ("spiral", (2, 16, 16, 1))):
        data = training.dataset(name, count=100, seed=1)
        start = training.init_network(sizes, seed=2)
        net, _ = training.train(start, *data, steps=200, rate=0.2, momentum=0.9)
        yield f"trained on {name}", net, ((-1.2, 1.2), (-1.2, 1.2))


def partitions():
    cases = []
    for name, net, box in networks():
        p = nt.partition_2d(net, box)
        # Boundary lengths of the first and the last neuron of every layer.
        lengths = [[float(np.linalg.norm(np.diff(p.boundary(layer, k), axis=1), axis=2).sum())
                    for k in (0, net.sizes[layer + 1] - 1)] for layer in range(len(net))]
        cases.append({"name": name, "network": as_json(net), "box": [list(side) for side in box],
                      "counts": list(p.counts), "areas": sorted(r.size for r in p.regions),
                      "signs": p.signs.tolist(), "boundary_lengths": lengths})
    return cases


def trainings():
    cases = []
    for name, classes, sizes in (("moons", 2, (2, 8, 8, 1)), ("circles", 2, (2, 6, 1)),
                                 ("xor", 2, (2, 16, 16, 1)), ("spiral", 3, (2, 12, 12, 3))):
        data = training.dataset(name, count=120, noise=0.1, seed=7, classes=classes)
        start = training.init_network(sizes, seed=3)
        rate, momentum = 0.3, 0.9 if name != "circles" else 0.0
        end, losses = training.train(start, *data, steps=STEPS, rate=rate, momentum=momentum)
        cases.append({"name": name, "count": 120, "noise": 0.1, "seed": 7, "classes": classes,
                      "points": data.points.ravel().tolist(), "labels": data.labels.tolist(),
                      "init_seed": 3, "initial": as_json(start), "rate": rate, "momentum": momentum,
                      "steps": STEPS, "final": as_json(end), "losses": losses.tolist()})
    return cases


def streams():
    cases = []
    for seed in (0, 1, 42, 2**32 - 1):
        rng = training.Mulberry32(seed)
        cases.append({"seed": seed, "uniforms": [rng.uniform() for _ in range(200)],
                      "normals": [rng.normal() for _ in range(200)]})
    return cases


def write(directory: pathlib.Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "network_uniforms.json").write_text(json.dumps(streams()))
    (directory / "network_partitions.json").write_text(json.dumps(partitions()))
    (directory / "network_training.json").write_text(json.dumps(trainings()))
