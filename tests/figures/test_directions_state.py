"""directions_linear and directions_relu: what their Python hands the browser, against floor 1.

The pictures themselves are drawn by the JS and checked in tests/browser/test_directions_browser.py.
"""

import numpy as np
import pytest
from bokeh.models import ColumnDataSource, CustomJS

import neuron_tutorial as nt
from neuron_tutorial.directions import random_direction
from neuron_tutorial.figures import WIDGETS, directions_linear, directions_relu
from neuron_tutorial.figures.kit import directions as directions_common
from neuron_tutorial.figures.kit import style


def test_linear_table_holds_three_neurons_whose_first_two_are_the_two_neuron_layer():
    table = directions_linear.layer_table(4)
    for seed in range(4):
        three = nt.Layer(np.array(table["weights"][seed]), np.array(table["biases"][seed]))
        two = nt.random_layer(2, 2, seed)
        np.testing.assert_array_equal(three.weights[:2], two.weights)
        np.testing.assert_array_equal(three.biases[:2], two.biases)
        assert three.m == 3


@pytest.mark.parametrize("phi, m", [(30, 2), (-120, 2), (75, 3)])
def test_basis_is_a_rotation_turning_the_first_two_neurons(phi, m):
    q = directions_linear.basis(phi, m)
    np.testing.assert_allclose(q[0, :2], [np.cos(np.radians(phi)), np.sin(np.radians(phi))])
    np.testing.assert_allclose(q @ q.T, np.eye(m), atol=1e-12)
    assert np.linalg.det(q) == pytest.approx(1.0)
    if m == 3:
        np.testing.assert_array_equal(q[2], [0, 0, 1])


def test_direction_is_a_unit_vector_lifted_towards_neuron_3():
    np.testing.assert_allclose(directions_linear.direction(90, 40, 2), [0, 1], atol=1e-12)
    v = directions_linear.direction(30, 40, 3)
    assert np.linalg.norm(v) == pytest.approx(1.0) and v[2] == pytest.approx(np.sin(np.radians(40)))
    np.testing.assert_allclose(directions_linear.direction(0, 90, 3), [0, 0, 1], atol=1e-12)


@pytest.mark.parametrize("name", ["directions_linear", "directions_relu"])
def test_the_page_carries_data_and_the_js_draws_on_load(name):
    doc = WIDGETS[name].document()
    for source in doc.select({"type": ColumnDataSource}):
        if source.name:  # named sources are the JS's to fill (legend samples hold one NaN point)
            assert all(len(column) == 0 for column in source.data.values()), source.name
    assert any(style.DRAW_TAG in cb.tags for cb in doc.select({"type": CustomJS}))


def test_relu_settings_feed_the_controls():
    doc = WIDGETS["directions_relu"].document(seed=5, m=7, mode=2)
    assert doc.get_model_by_name("seed").value == 5 and doc.get_model_by_name("mode").active == 2
    assert doc.get_model_by_name("v8").disabled and not doc.get_model_by_name("v7").disabled
    with pytest.raises(ValueError, match="m must be"):
        directions_relu.build(m=9)


def test_turning_between_two_neurons_mixes_exactly_those_two():
    table = directions_relu.tables(2, 2)
    v = directions_relu.direction(table, 4, 2, 4, 1, 30)      # neuron 4 to neuron 1 (wraps round)
    np.testing.assert_allclose(v, [np.sin(np.radians(30)), 0, 0, np.cos(np.radians(30))], atol=1e-12)


def test_own_direction_takes_the_first_m_typed_components():
    table = directions_relu.tables(2, 2)
    np.testing.assert_array_equal(directions_relu.direction(table, 3, 3, 1, 1, 0), directions_relu.OWN[:3])
    np.testing.assert_array_equal(directions_relu.direction(table, 5, 0, 9, 1, 0), [0, 0, 0, 0, 1])


def test_random_directions_are_floor_1s():
    table = directions_relu.tables(2, 3)
    np.testing.assert_array_equal(table["randoms"]["5"][2], random_direction(5, 2))


def test_palette_runs_from_negative_through_the_background_to_positive():
    colours = directions_common.palette("light", shades=4)
    assert len(colours) == 9 and colours[4] == "#ffffff"
    assert colours[0].lower() == style.SIGN_COLOURS["light"]["negative"].lower()
    assert colours[-1].lower() == style.SIGN_COLOURS["light"]["positive"].lower()
    assert directions_common.palette("dark")[128] == style.THEMES["dark"]["background"]
