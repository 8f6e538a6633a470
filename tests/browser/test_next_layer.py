"""next_layer in Chromium: the browser's regions are nt.partition_2d of the seed's network, and
every control changes the reading drawn on them as floor 1 computes it."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, next_layer

from conftest import bokeh_model as model
from conftest import open_widget
from conftest import set_bokeh as set_value

PARAMS = WIDGETS["next_layer"].params
TABLE = next_layer.seed_table(20)
DIRECTIONS = next_layer.direction_table(10)
BOX = next_layer.BOX
SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@pytest.fixture
def widget(page, base_url):
    return open_widget(page, base_url, "next_layer")


def shoelace(xs, ys):
    x, y = np.asarray(xs, float), np.asarray(ys, float)
    return 0.5 * float(np.sum(x * np.roll(y, -1) - y * np.roll(x, -1)))


def clip(polygon, a, c):
    """The part of a convex polygon (k, 2) where a·x + c > 0 (an independent Sutherland–Hodgman)."""
    d = polygon @ a + c
    kept = []
    for i in range(len(polygon)):
        j = (i + 1) % len(polygon)
        if d[i] >= 0:
            kept.append(polygon[i])
        if d[i] * d[j] < 0:
            kept.append(polygon[i] + d[i] / (d[i] - d[j]) * (polygon[j] - polygon[i]))
    return np.array(kept) if len(kept) >= 3 else None


def drawn_areas(page, source):
    xs, ys = model(page, source, "data.xs"), model(page, source, "data.ys")
    return sorted(shoelace(x, y) for x, y in zip(xs, ys, strict=True))


def expected(seed, m):
    net = next_layer.table_network(TABLE, seed, m)
    return net, nt.partition_2d(net, BOX)


def positive_area(partition, m, v, relu):
    """Area where v·z₂ (or v·ReLU(z₂)) > 0, from each region's affine map (NetworkPartition.affine)."""
    A, c = partition.affine(1)
    total = 0.0
    for r, region in enumerate(partition.regions):
        on = (partition.signs[r, m:] > 0) if relu else np.ones(m, bool)
        a, b = (v * on) @ A[r], (v * on) @ c[r]
        piece = clip(region.polygon, a, b)
        total += 0.0 if piece is None else abs(shoelace(piece[:, 0], piece[:, 1]))
    return total


def settle(page):
    page.evaluate(SETTLE)


def test_first_draw_is_the_seeds_partition(widget):
    _, partition = expected(PARAMS["seed"], PARAMS["m"])
    areas = drawn_areas(widget, "regions")
    assert len(areas) == len(partition) == partition.counts[1]
    np.testing.assert_allclose(areas, sorted(r.size for r in partition.regions), rtol=1e-9, atol=1e-12)
    bounds = nt.deep_partition.region_bounds((2, PARAMS["m"], PARAMS["m"]))
    text = model(widget, "count", "text")
    assert f"<b>{partition.counts[0]} regions</b>" in text and f"<b>{partition.counts[1]} regions</b>" in text
    assert f"at most {bounds[0]} " in text and f"at most {bounds[1]})" in text


@pytest.mark.parametrize("seed, m", [(0, 2), (7, 12), (19, 9), (3, 6)])
def test_seed_and_width_redraw_the_exact_regions(widget, seed, m):
    set_value(widget, "seed", "value", seed)
    set_value(widget, "m", "value", m)
    settle(widget)
    net, partition = expected(seed, m)
    np.testing.assert_allclose(drawn_areas(widget, "regions"), sorted(r.size for r in partition.regions),
                               rtol=1e-9, atol=1e-12)
    assert model(widget, "k", "end") == m
    # Layer 1's boundaries are straight: their segments lie on the neurons' own lines.
    for x, y in zip(model(widget, "lines1", "data.xs"), model(widget, "lines1", "data.ys"), strict=True):
        values = np.abs(np.column_stack([x, y]) @ net.layers[0].weights.T + net.layers[0].biases)
        assert (values.min(axis=1) < 1e-9).all()
    pieces = sum(len(partition.boundary(1, k)) for k in range(m))
    assert len(model(widget, "lines2", "data.xs")) == pieces


@pytest.mark.parametrize("k", [1, 2, 4, 6])
def test_each_layer_2_neuron_shows_its_bent_boundary_and_positive_side(widget, k):
    set_value(widget, "k", "value", k)
    settle(widget)
    _, partition = expected(PARAMS["seed"], PARAMS["m"])
    m = PARAMS["m"]
    want = np.array(sorted(map(tuple, partition.boundary(1, k - 1).reshape(-1, 4))))
    xs, ys = (np.array(model(widget, "zero", f"data.{axis}")).reshape(-1, 2) for axis in ("xs", "ys"))
    got = np.array(sorted(zip(xs[:, 0], ys[:, 0], xs[:, 1], ys[:, 1], strict=True)))
    assert got.shape == want.shape
    if len(want):
        np.testing.assert_allclose(got, want, atol=1e-9)
    positive = sum(r.size for r in partition.regions if r.signs[m + k - 1] > 0)
    assert sum(drawn_areas(widget, "positive")) == pytest.approx(positive, rel=1e-9)
    assert model(widget, "readout", "text").startswith(f"<b>Neuron {k} of layer 2</b>")


@pytest.mark.parametrize("mode, r", [(1, 1), (1, 4), (2, 1), (2, 7)])
def test_random_directions_before_and_after_the_relu(widget, mode, r):
    set_value(widget, "mode", "active", mode)
    set_value(widget, "r", "value", r)
    settle(widget)
    m = PARAMS["m"]
    _, partition = expected(PARAMS["seed"], m)
    v = next_layer.table_direction(DIRECTIONS, m, r)
    want = positive_area(partition, m, v, relu=mode == 2)
    assert sum(drawn_areas(widget, "positive")) == pytest.approx(want, rel=1e-9, abs=1e-12)
    assert model(widget, "readout", "text").startswith(f"<b>Random direction {r}")
    # Before its ReLU a random direction is never exactly zero on an area; after it, it may be.
    if mode == 1:
        assert model(widget, "flat", "data.xs") == []


def test_every_control_changes_the_figure(widget):
    def picture():
        return (model(widget, "zero", "data.xs"), model(widget, "readout", "text"),
                len(model(widget, "regions", "data.xs")))
    seen = [picture()]
    for name, attribute, value in [("k", "value", 3), ("mode", "active", 1), ("r", "value", 2),
                                   ("mode", "active", 2), ("m", "value", 9), ("seed", "value", 11)]:
        set_value(widget, name, attribute, value)
        settle(widget)
        now = picture()
        assert now != seen[-1], f"{name} changed nothing"
        seen.append(now)


def test_shrinking_the_width_clamps_the_neuron(widget):
    set_value(widget, "k", "value", 6)
    set_value(widget, "m", "value", 3)
    settle(widget)
    assert model(widget, "k", "value") == 3
    assert model(widget, "readout", "text").startswith("<b>Neuron 3 of layer 2</b>")
