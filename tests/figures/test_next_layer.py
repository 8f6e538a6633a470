"""next_layer's seed table: He-scaled, prefix-stable networks and the random directions it hands over."""

import numpy as np
import pytest

from neuron_tutorial import directions
from neuron_tutorial.figures import next_layer

TABLE = next_layer.seed_table(4, max_m=10)


def test_a_wider_network_keeps_the_narrower_ones_layer_1():
    narrow, wide = next_layer.table_network(TABLE, 2, 4), next_layer.table_network(TABLE, 2, 9)
    np.testing.assert_array_equal(wide.layers[0].weights[:4], narrow.layers[0].weights)
    np.testing.assert_array_equal(wide.layers[0].biases[:4], narrow.layers[0].biases)
    assert wide.sizes == (2, 9, 9) and narrow.sizes == (2, 4, 4)


@pytest.mark.parametrize("m", [2, 5, 10])
def test_layer_2_is_the_tables_normals_times_hes_factor(m):
    net = next_layer.table_network(TABLE, 1, m)
    g2 = TABLE["g2"][1, :m, :m].astype(float)
    np.testing.assert_allclose(net.layers[1].weights, np.sqrt(2 / m) * g2, rtol=0, atol=0)
    np.testing.assert_array_equal(net.layers[0].weights, TABLE["g1"][1, :m].astype(float))


def test_the_seeds_draw_different_networks():
    a, b = (next_layer.table_network(TABLE, s, 6) for s in (0, 1))
    assert not np.allclose(a.layers[0].weights, b.layers[0].weights)


def test_direction_table_holds_random_direction_in_single_precision():
    table = next_layer.direction_table(3, max_m=6)
    for m in range(1, 7):
        for r in range(1, 4):
            v = next_layer.table_direction(table, m, r)
            np.testing.assert_allclose(v, directions.random_direction(m, r), rtol=1e-6)
            assert not table[m - 1, r - 1, m:].any()
