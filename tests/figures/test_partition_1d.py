"""partition_1d's Python state (and the shared layer_1d) agree with floor 1."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import partition_1d as fig
from neuron_tutorial.figures.kit import layer_1d

TABLE = layer_1d.layer_table(seeds=20, max_m=16)


def edited(seed, m, edits):
    """``random_layer(m, 1, seed)`` with ``{k: (w, b)}`` replacing neuron k."""
    layer = nt.random_layer(m, 1, seed)
    w, b = layer.weights.copy(), layer.biases.copy()
    for k, (wk, bk) in edits.items():
        w[k, 0], b[k] = wk, bk
    return nt.Layer(w, b)


LAYERS = [edited(1, 8, {}), edited(5, 12, {}), edited(19, 1, {}), edited(3, 16, {}),
          edited(1, 8, {2: (0.0, 0.4), 4: (1.2, 0.5), 0: (-2.0, 1.0)}),
          edited(0, 6, {1: (0.0, 0.0), 3: (0.5, -0.25), 5: (1.0, -0.25)})]


@pytest.mark.parametrize("seed, m", [(0, 8), (1, 1), (7, 16)])
def test_table_rows_are_random_layers(seed, m):
    layer = layer_1d.seeded_layer(TABLE, seed, m)
    expected = nt.random_layer(m, 1, seed)
    np.testing.assert_array_equal(layer.weights, expected.weights)
    np.testing.assert_array_equal(layer.biases, expected.biases)


def test_levels_are_zero_or_the_95_percent_quantiles():
    layer = nt.random_layer(8, 1, 1)
    np.testing.assert_array_equal(layer_1d.levels(layer, high=False), np.zeros(8))
    np.testing.assert_array_equal(layer_1d.levels(layer, high=True),
                                  nt.quantile_thresholds(layer, (0.0, 1.0), q=0.95))


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("high", [False, True])
@pytest.mark.parametrize("live", [0.0, 0.31, 0.5, 1.0])
def test_state_is_the_partition_of_the_shifted_layer(layer, high, live):
    now = fig.state(layer, live, high)
    p = nt.partition_1d(layer.shifted(layer_1d.levels(layer, high)))
    assert now["breakpoints"]["x"] == p.breakpoints.tolist()
    assert list(zip(now["regions"]["lo"], now["regions"]["hi"], strict=True)) == [
        r.interval for r in p.regions]
    assert now["regions"]["pattern"] == [r.pattern for r in p.regions]
    assert len(now["cells"]["symbol"]) == len(p) * layer.m
    assert "".join(now["cells"]["symbol"]) == "".join(r.pattern for r in p.regions)
    assert f"{len(p)} region" in now["title"] and f"m + 1 = {layer.m + 1}" in now["title"]
    here = p.regions[int(p.locate([[live]])[0])]
    assert now["selected"] == here.interval
    assert f"sign pattern <b>{here.pattern}</b>" in now["readout"]


@pytest.mark.parametrize("layer", LAYERS)
def test_guide_lines_are_cut_at_boundary_points_and_thick_where_positive(layer):
    live = 0.42
    now = fig.state(layer, live, high=False)
    lines = now["lines"]
    signs = layer([[live]])[0]
    for xs, ys, name, width in zip(lines["xs"], lines["ys"], lines["name"], lines["width"],
                                   strict=True):
        k = int(name.split()[1]) - 1
        w, b = layer.weights[k, 0], layer.biases[k]
        np.testing.assert_allclose(ys, w * np.array(xs) + b)
        assert width == (3.5 if signs[k] > 0 else 1.5)
    # Each inside boundary point splits its line in two and has one arrow.
    assert len(lines["xs"]) == layer.m + len(now["arrows"]["x"])
    for x, row, angle in zip(*now["arrows"].values(), strict=True):
        assert angle == (-np.pi / 2 if layer.weights[row - 1, 0] > 0 else np.pi / 2)
        assert layer.weights[row - 1, 0] * x + layer.biases[row - 1] == pytest.approx(0, abs=1e-12)


def test_neuron_read_out_says_on_off_constant_and_outside():
    layer = edited(1, 8, {0: (-2.0, 1.0), 1: (2.0, -1.0), 2: (0.0, 0.4), 3: (1.0, 0.5)})
    assert "x* = 0.50: going right, it turns off" in fig.describe_neuron(layer, 0, high=False)
    assert "turns on" in fig.describe_neuron(layer, 1, high=False)
    assert "constant" in fig.describe_neuron(layer, 2, high=False)
    assert "outside [0, 1]" in fig.describe_neuron(layer, 3, high=False)
    assert "x* = 0.95" in fig.describe_neuron(layer, 1, high=True)


def test_build_names_every_control_and_source():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"mode", "live", "guides", "seed", "m", "neuron", "weight", "bias", "reset", "layer",
            "lines", "regions", "cells", "arrows", "breakpoints", "plot", "chart", "legend",
            "readout", "about"} <= names
