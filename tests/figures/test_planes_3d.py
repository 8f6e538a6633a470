"""planes_3d's Python: the seed table is the seeded layer, and the page carries data, not pictures.

The scene it draws is checked in the browser against floor 1 (tests/browser/test_planes_3d.py)
and its pieces and projection in Node (tests/js/figures.test.mjs).
"""

import numpy as np
import pytest
from bokeh.models import ColumnDataSource

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, planes_3d

TABLE = planes_3d.layer_table(8, 8)


def test_table_is_the_seeded_layer():
    for seed in range(8):
        layer = nt.random_layer(8, 2, seed)
        np.testing.assert_array_equal(TABLE["weights"][seed], layer.weights)
        np.testing.assert_array_equal(TABLE["biases"][seed], layer.biases)


def test_every_source_starts_empty_and_the_settings_make_the_controls():
    doc = WIDGETS["planes_3d"].document(seed=2, neuron=2, elevation=60)
    drawn = [s for s in doc.select({"type": ColumnDataSource}) if s.name]
    assert {s.name for s in drawn} == set(planes_3d.COLUMNS)
    assert all(len(values) == 0 for s in drawn for values in s.data.values())
    values = {name: doc.select_one({"name": name}).value for name in ("seed", "neuron", "elevation", "m")}
    assert values == {"seed": 2, "neuron": 2, "elevation": 60, "m": 4}
    with pytest.raises(ValueError, match="elevation must be"):
        planes_3d.build(elevation=95)
