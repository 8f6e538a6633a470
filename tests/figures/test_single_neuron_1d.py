"""single_neuron_1d's Python hands over settings and empty sources; its JS draws (tests/browser)."""

import pytest
from bokeh.models import ColumnDataSource

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import single_neuron_1d as fig


def test_build_names_every_control_and_source_and_sends_no_picture():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"w", "b", "x", "line", "area", "boundary", "input", "arrow", "readout", "plot"} <= names
    for source in layout.select({"type": ColumnDataSource}):
        assert all(len(v) == 0 for v in source.data.values()) or source.name is None


def test_settings_feed_the_registry_and_the_sliders():
    assert WIDGETS["single_neuron_1d"].params == {"w": 2.0, "b": -1.0, "x": 0.3}
    layout = fig.build(w=-1.5, x=0.9)
    assert layout.select_one({"name": "w"}).value == -1.5
    assert layout.select_one({"name": "x"}).step == 0.01
    with pytest.raises(ValueError, match="w"):
        fig.build(w=5.0)
