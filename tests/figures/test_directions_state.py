"""directions_linear and directions_relu: the Python side of each figure against floor 1."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial import directions as d
from neuron_tutorial.figures import directions_linear, directions_relu
from neuron_tutorial.figures.kit import directions as directions_common

SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])


def on_line(xs, ys, w, c):
    return np.allclose(np.array(xs) * w[0] + np.array(ys) * w[1] + c, 0.0, atol=1e-9)


@pytest.mark.parametrize("seed, theta, phi", [(8, 30, 0), (8, 0, 0), (3, 200, 45), (0, 90, -120)])
def test_linear_state_is_the_direction_neuron_and_the_rotated_layer(seed, theta, phi):
    table = directions_linear.layer_table(10)
    now = directions_linear.state(table, seed, theta, phi)
    layer = nt.random_layer(2, 2, seed)
    v = np.array([np.cos(np.radians(theta)), np.sin(np.radians(theta))])
    neuron = nt.direction_neuron(layer, v)
    w, c = neuron.weights[0], neuron.biases[0]
    assert on_line(now["vbound"]["x"], now["vbound"]["y"], w, c)
    area = d.polygon_area(d.clip_polygon(SQUARE, w, c))
    assert d.polygon_area(np.c_[now["side"]["xs"][0], now["side"]["ys"][0]]) == pytest.approx(area)
    turned = nt.rotated(layer, directions_linear.basis(phi))
    for k in range(2):
        assert on_line(now["bounds"]["xs"][k], now["bounds"]["ys"][k], turned.weights[k], turned.biases[k])
    np.testing.assert_allclose(layer([[now["pivot"]["x"][0], now["pivot"]["y"][0]]]), 0.0, atol=1e-9)
    signs = np.sign(layer(d.grid(directions_linear.GRID)) @ v)
    light = directions_linear.style.SIGN_COLOURS["light"]
    assert now["cloud"]["colour"] == [light["positive"] if s > 0 else light["negative"] for s in signs]
    assert f"{w[0]:.2f}".replace("-", "−") in now["readout"]


def test_rotating_the_basis_by_theta_puts_neuron_1_on_v():
    table = directions_linear.layer_table(10)
    now = directions_linear.state(table, 8, 40, 40)
    assert now["bounds"]["xs"][0] == pytest.approx(now["vbound"]["x"])
    assert now["bounds"]["ys"][0] == pytest.approx(now["vbound"]["y"])


def test_basis_is_a_rotation_with_rows_at_phi():
    q = directions_linear.basis(30)
    np.testing.assert_allclose(q[0], [np.cos(np.radians(30)), np.sin(np.radians(30))])
    np.testing.assert_allclose(q @ q.T, np.eye(2), atol=1e-12)


@pytest.mark.parametrize("mode, relu", [(0, True), (0, False), (1, True), (1, False), (2, True)])
def test_relu_state_matches_the_pieces(mode, relu):
    table = directions_relu.tables(4, 3)
    now = directions_relu.state(table, seed=2, m=5, mode=mode, k=2, r=2, theta=60, relu=relu)
    layer = nt.random_layer(5, 2, seed=2)
    v = directions_relu.direction(table, 5, mode, 2, 2, 60)
    activation = "relu" if relu else "linear"
    values = d.direction_outputs(layer, v[None, :], d.grid(directions_relu.PIXELS), activation)[:, 0]
    np.testing.assert_allclose(now["field"]["image"][0].ravel(), values, rtol=1e-6, atol=1e-6)
    assert now["level"] == pytest.approx(np.quantile(values, 0.95))
    pieces = d.direction_pieces(layer, v, activation)
    assert len(now["zero"]["xs"]) == len(d.level_segments(pieces))
    high = sum(d.polygon_area(np.c_[x, y]) for x, y in zip(now["high"]["xs"], now["high"]["ys"], strict=True))
    assert high == pytest.approx(0.05, abs=0.01)
    if not relu:
        assert now["lines"] == 1 and not now["flat"]["xs"]


def test_relu_basis_direction_has_one_line_and_a_flat_half():
    table = directions_relu.tables(4, 3)
    now = directions_relu.state(table, seed=2, m=5, mode=0, k=1, r=1, theta=0, relu=True)
    assert now["lines"] == 1
    layer = nt.random_layer(5, 2, seed=2)
    flat = sum(d.polygon_area(np.c_[x, y]) for x, y in zip(now["flat"]["xs"], now["flat"]["ys"], strict=True))
    assert flat == pytest.approx(d.polygon_area(d.clip_polygon(SQUARE, -layer.weights[0], -layer.biases[0])))
    assert "one straight line" in now["readout"]


def test_relu_random_direction_bends():
    table = directions_relu.tables(4, 3)
    now = directions_relu.state(table, seed=2, m=5, mode=1, k=1, r=1, theta=0, relu=True)
    assert now["lines"] >= 2 and "bent line" in now["readout"]


def test_turning_between_two_neurons_mixes_exactly_those_two():
    table = directions_relu.tables(2, 2)
    v = directions_relu.direction(table, 4, 2, 4, 1, 30)      # neuron 4 to neuron 1 (wraps round)
    np.testing.assert_allclose(v, [np.sin(np.radians(30)), 0, 0, np.cos(np.radians(30))], atol=1e-12)


def test_palette_and_far_segment():
    colours = directions_common.palette("light", shades=4)
    assert len(colours) == 9 and colours[4] == "#ffffff"
    assert colours[0].lower() == directions_common.style.SIGN_COLOURS["light"]["negative"].lower()
    xs, ys = directions_common.far_segment([1.0, 0.0], -0.5)
    assert xs == [0.5, 0.5] and ys[0] < 0 < 1 < ys[1]
    assert np.isnan(directions_common.far_segment([0.0, 0.0], 1.0)[0]).all()
