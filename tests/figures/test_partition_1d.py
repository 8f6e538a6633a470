"""partition_1d's Python hands over the seed table (kit/layer_1d) and empty sources; its JS draws."""

import numpy as np
import pytest
from bokeh.models import ColumnDataSource

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import partition_1d as fig
from neuron_tutorial.figures.kit import layer_1d

TABLE = layer_1d.layer_table(seeds=20, max_m=16)


@pytest.mark.parametrize("seed, m", [(0, 8), (1, 1), (7, 16)])
def test_table_rows_are_random_layers(seed, m):
    layer = layer_1d.seeded_layer(TABLE, seed, m)
    expected = nt.random_layer(m, 1, seed)
    np.testing.assert_array_equal(layer.weights, expected.weights)
    np.testing.assert_array_equal(layer.biases, expected.biases)


def test_build_names_every_control_and_source_and_sends_no_picture():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"mode", "live", "guides", "seed", "m", "neuron", "weight", "bias", "reset", "layer",
            "lines", "regions", "cells", "arrows", "breakpoints", "others", "ticks", "plot", "chart",
            "legend", "readout", "about"} <= names
    for source in layout.select({"type": ColumnDataSource}):
        assert source.name is None or all(len(v) == 0 for v in source.data.values())


def test_settings_feed_the_registry_and_the_controls():
    assert WIDGETS["partition_1d"].params == {"mode": 0, "live": 0.5, "seed": 1, "m": 8}
    assert fig.build(mode=2).select_one({"name": "mode"}).labels[2] == "both boundaries"
    with pytest.raises(ValueError, match="m"):
        fig.build(m=17)
