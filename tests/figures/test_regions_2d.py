"""regions_2d's Python: the seed table is the seeded layer, and the page carries data, not pictures.

What the figure draws is checked in the browser against floor 1 (tests/browser/test_regions_2d.py)
and the library it draws with in Node (tests/js).
"""

import numpy as np
import pytest
from bokeh.models import ColumnDataSource

import neuron_tutorial as nt
from neuron_tutorial.figures import WIDGETS, regions_2d
from neuron_tutorial.site import build

TABLE = regions_2d.layer_table(4, 64)


@pytest.mark.parametrize("seed, m", [(0, 1), (2, 8), (3, 64)])
def test_table_rows_are_the_seeded_layer(seed, m):
    expected = nt.random_layer(m, 2, seed)
    np.testing.assert_array_equal(TABLE["weights"][seed, :m], expected.weights)
    np.testing.assert_array_equal(TABLE["biases"][seed, :m], expected.biases)


def test_every_source_starts_empty_and_the_settings_make_the_controls():
    doc = WIDGETS["regions_2d"].document(seed=3, m=12, mode=1)
    drawn = [s for s in doc.select({"type": ColumnDataSource}) if s.name]
    assert {s.name for s in drawn} == set(regions_2d.COLUMNS)
    assert all(len(values) == 0 for s in drawn for values in s.data.values())
    assert doc.select_one({"name": "seed"}).value == 3 and doc.select_one({"name": "m"}).value == 12
    assert doc.select_one({"name": "mode"}).active == 1
    with pytest.raises(ValueError, match="m must be"):
        regions_2d.build(m=65)


def test_widget_html_stays_small_at_64_neurons(tmp_path):
    html = build.render("regions_2d", tmp_path, m=64)
    assert len(html.encode()) <= 100_000
