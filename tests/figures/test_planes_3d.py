"""planes_3d's Python state against floor 1: pieces of the planes, projection, painting order."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import planes_3d
from neuron_tutorial.figures.kit.style import THEMES

BOX = ((0.0, 1.0), (0.0, 1.0))
TABLE = planes_3d.layer_table(8, 8)


def test_table_is_the_seeded_layer_and_the_box_holds_every_plane():
    for seed in range(8):
        layer = nt.random_layer(8, 2, seed)
        np.testing.assert_array_equal(TABLE["weights"][seed], layer.weights)
        corners = np.array([[0, 0], [1, 0], [1, 1], [0, 1]])
        assert planes_3d.z_extent(TABLE, seed) == pytest.approx(np.abs(layer(corners)).max())


@pytest.mark.parametrize("seed, m", [(0, 1), (6, 4), (3, 8)])
def test_pieces_cover_each_plane_and_the_floor_once(seed, m):
    layer = nt.random_layer(m, 2, seed)
    scene = planes_3d.pieces(layer)
    for k in [*range(m), -1]:
        own = [p for p in scene if p["neuron"] == k]
        area = sum(nt.Region(signs=p["signs"], polygon=np.c_[p["x"], p["y"]]).size for p in own)
        assert area == pytest.approx(1.0)
    floor = [p for p in scene if p["neuron"] == -1]
    assert len(floor) == len(nt.partition_2d(layer, BOX))
    assert all(np.all(p["z"] == 0) for p in floor)


def test_over_a_piece_its_plane_keeps_its_sign_and_its_order_with_every_other_plane():
    layer = nt.random_layer(6, 2, 2)
    corners_of = lambda p: np.c_[p["x"], p["y"]]  # noqa: E731
    for piece in planes_3d.pieces(layer):
        k = piece["neuron"]
        if k < 0:
            continue
        outputs = layer(corners_of(piece))  # (corners, m)
        np.testing.assert_allclose(outputs[:, k], piece["z"], atol=1e-12)
        own = outputs[:, k]
        assert np.all(own * piece["signs"][0] >= -1e-9)
        above = outputs - own[:, None]
        assert np.all((above.max(axis=0) <= 1e-9) | (above.min(axis=0) >= -1e-9))


def test_projection_is_a_rotation():
    rng = np.random.default_rng(0)
    x, y, z = rng.random((3, 50))
    for azimuth, elevation in [(-35, 25), (90, 0), (180, 90), (12, 47)]:
        sx, sy, depth = planes_3d.project(x, y, z, 2.0, azimuth, elevation)
        scaled = np.c_[x - 0.5, y - 0.5, z * planes_3d.HEIGHT / 2.0]
        np.testing.assert_allclose(sx**2 + sy**2 + depth**2, (scaled**2).sum(axis=1))
    sx, sy, depth = planes_3d.project([0.5], [0.5], [2.0], 2.0, 0, 90)
    assert (sx[0], sy[0]) == pytest.approx((0, 0)) and depth[0] < 0  # seen from above: nearest


def test_state_paints_back_to_front_and_hides_planes_on_request():
    layer = nt.random_layer(4, 2, 6)
    data = planes_3d.state(layer, 2.0, azimuth=20, elevation=40)
    depth = data["patches"]["depth"]
    assert depth == sorted(depth, reverse=True)
    floor_only = planes_3d.state(layer, 2.0, planes=False)["patches"]
    assert len(floor_only["xs"]) == len(nt.partition_2d(layer, BOX))
    assert set(floor_only["fill"]) == {THEMES["light"]["muted"]}


def test_highlight_colours_the_floor_and_fades_the_other_planes():
    layer = nt.random_layer(4, 2, 6)
    data = planes_3d.state(layer, 2.0, highlight=1)
    light = THEMES["light"]
    alphas = set(data["patches"]["fill_alpha"])
    assert {planes_3d.ALPHA["highlighted"][0], planes_3d.ALPHA["faded"][0]} <= alphas
    assert light["muted"] not in data["patches"]["fill"]
    assert len(data["zero_line"]["xs"]) == 1
    assert "<b>Neuron 2: A = " in data["readout"]


def test_boundary_ends_lie_on_the_line_and_numbers_follow():
    layer = nt.random_layer(8, 2, 3)
    for k in range(8):
        ends = planes_3d._boundary(layer, k)
        if ends is not None:
            assert ends.shape == (2, 2)
            np.testing.assert_allclose(layer.neuron(k)(ends)[:, 0], 0, atol=1e-12)
    missing = nt.Layer([[1.0, 1.0]], [5.0])
    assert planes_3d._boundary(missing, 0) is None
    assert planes_3d.state(missing, 6.0)["numbers"]["text"] == []


def test_formulas_use_real_minus_signs():
    layer = nt.Layer([[1.2, -0.35], [-0.001, 2.0]], [0.1, -1.0])
    text = planes_3d.state(layer, 4.0)["readout"]
    assert text == "Neuron 1: A = 1.20·F1 − 0.35·F2 + 0.10<br>Neuron 2: A = 0.00·F1 + 2.00·F2 − 1.00"
