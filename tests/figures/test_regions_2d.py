"""regions_2d's Python state against floor 1: the figure draws partition_2d of the seeded layer."""

from math import comb

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import regions_2d
from neuron_tutorial.figures.kit.style import SIGN_COLOURS
from neuron_tutorial.site import build

BOX = ((0.0, 1.0), (0.0, 1.0))
TABLE = regions_2d.layer_table(4, 64)


@pytest.mark.parametrize("seed, m", [(0, 1), (2, 8), (3, 64)])
def test_table_rows_are_the_seeded_layer(seed, m):
    layer = regions_2d.table_layer(TABLE, seed, m)
    expected = nt.random_layer(m, 2, seed)
    np.testing.assert_array_equal(layer.weights, expected.weights)
    np.testing.assert_array_equal(layer.biases, expected.biases)


def test_edits_replace_one_neuron():
    layer = regions_2d.table_layer(TABLE, 1, 5, edits={2: (0.5, -1.0, 0.25)})
    np.testing.assert_array_equal(layer.weights[2], [0.5, -1.0])
    assert layer.biases[2] == 0.25
    np.testing.assert_array_equal(layer.weights[3], nt.random_layer(5, 2, 1).weights[3])


@pytest.mark.parametrize("seed, m, high", [(0, 8, False), (1, 16, False), (2, 8, True), (3, 3, True)])
def test_regions_are_the_partition(seed, m, high):
    layer = nt.random_layer(m, 2, seed)
    shifted = layer.shifted(nt.quantile_thresholds(layer, BOX)) if high else layer
    expected = nt.partition_2d(shifted, BOX)
    data = regions_2d.state(layer, high=high)
    regions = data["regions"]
    assert sorted(regions["pattern"]) == sorted(r.pattern for r in expected.regions)
    assert regions["count"] == [p.count("+") for p in regions["pattern"]]
    areas = [nt.Region(signs=np.zeros(m), polygon=np.c_[x, y]).size
             for x, y in zip(regions["xs"], regions["ys"], strict=True)]
    assert sum(areas) == pytest.approx(1.0)
    assert data["count"].startswith(f"<b>{len(expected)}</b> regions")
    assert f"= <b>{1 + m + comb(m, 2)}</b>" in data["count"]


def test_one_neuron_colours_follow_the_chosen_neuron():
    layer = nt.random_layer(8, 2, 4)
    data = regions_2d.state(layer, chosen=3)
    light = SIGN_COLOURS["light"]
    for pattern, colour in zip(data["regions"]["pattern"], data["regions"]["colour"], strict=True):
        assert colour == (light["positive"] if pattern[3] == "+" else light["negative"])


def test_boundary_lines_lie_on_the_lines_and_end_on_the_box():
    layer = nt.random_layer(12, 2, 5)
    lines = regions_2d.state(layer)["lines"]
    for xs, ys, k in zip(lines["xs"], lines["ys"], lines["neuron"], strict=True):
        ends = np.c_[xs, ys]
        np.testing.assert_allclose(layer.neuron(k - 1)(ends)[:, 0], 0, atol=1e-12)
        on_edge = np.isclose(ends, 0, atol=1e-12) | np.isclose(ends, 1, atol=1e-12)
        assert on_edge.any(axis=1).all() and (ends >= -1e-12).all() and (ends <= 1 + 1e-12).all()


def test_clip_line_misses_and_degenerate_lines():
    assert regions_2d.clip_line(np.array([0.0, 0.0]), 1.0) is None
    assert regions_2d.clip_line(np.array([1.0, 1.0]), 5.0) is None
    xs, ys = regions_2d.clip_line(np.array([1.0, 0.0]), -0.5)
    assert sorted(zip(xs, ys, strict=True)) == [(0.5, 0.0), (0.5, 1.0)]


@pytest.mark.parametrize("seed, chosen", [(6, 0), (0, 0), (2, 5)])
def test_region_1_and_2_are_neighbours_across_the_chosen_line(seed, chosen):
    layer = nt.random_layer(8, 2, seed)
    data = regions_2d.state(layer, chosen=chosen)
    part = data["partition"]
    first, second = regions_2d.region_pair(part, chosen)
    a, b = part.regions[first].signs, part.regions[second].signs
    assert a[chosen] == -1 and b[chosen] == 1
    assert np.flatnonzero(a != b).tolist() == [chosen]
    labels = data["labels"]
    assert labels["text"] == ["Region 1", "Region 2"]
    spots = np.c_[labels["x"], labels["y"]]
    assert part.locate(spots).tolist() == [first, second]
    # The live input starts in Region 1, and the read-out says so.
    np.testing.assert_allclose([data["point"]["x"][0], data["point"]["y"][0]], spots[0])
    assert ", in Region 1:" in data["readout"]


def test_no_pair_when_the_chosen_neuron_misses_the_square():
    layer = nt.Layer([[1.0, 1.0], [1.0, -1.0]], [5.0, 0.0])
    data = regions_2d.state(layer, chosen=0)
    assert data["labels"]["text"] == [] and data["point"] == {"x": [0.5], "y": [0.5]}


def test_bars_read_every_output_at_the_input():
    layer = nt.random_layer(8, 2, 7)
    data = regions_2d.state(layer, high=True, point=(0.9, 0.1))
    t = nt.quantile_thresholds(layer, BOX)
    np.testing.assert_allclose(data["bars"]["output"], layer([[0.9, 0.1]])[0])
    np.testing.assert_allclose(data["bars"]["level"], t)
    high = (layer([[0.9, 0.1]])[0] > t).sum()
    assert data["readout"].endswith(f"{high} of 8 neurons high.")


def test_colour_key_steps_through_the_mappers_colours():
    key = regions_2d.key_html(4, high=False)
    # LinearColorMapper(low=0, high=4) over 256 colours gives count c the colour floor(64 c), the top clamped.
    stops = [regions_2d.RAMP[i] for i in (0, 64, 128, 192, 255)]
    assert [key.index(colour) for colour in stops] == sorted(key.index(colour) for colour in stops)
    assert key.startswith("colour = number of positive neurons: ") and key.endswith(" 4</span>")
    one = regions_2d.key_html(4, high=True, chosen=2)
    assert "Neuron 3 high" in one and "Neuron 3 not high" in one and "var(--nt-positive)" in one


def test_widget_html_stays_small_at_64_neurons(tmp_path):
    html = build.render("regions_2d", tmp_path, m=64)
    assert len(html.encode()) <= 150_000
