"""single_neuron_2d's Python hands over settings, palettes and empty sources; its JS draws."""

import pytest
from bokeh.models import ColumnDataSource

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import single_neuron_2d as fig
from neuron_tutorial.figures.kit.style import THEMES


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_runs_from_negative_through_background_to_positive(scheme):
    colours = fig.palette(scheme)
    theme = THEMES[scheme]
    assert len(colours) == 2 * fig.SHADES + 1
    assert [colours[0], colours[fig.SHADES], colours[-1]] == [
        theme["negative"].lower(), theme["background"].lower(), theme["positive"].lower()]


def test_build_names_every_control_and_source_and_sends_no_picture():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"w1", "w2", "b", "f1", "f2", "bands", "boundary", "reach", "input", "arrow", "mapper",
            "readout", "plot"} <= names
    for source in layout.select({"type": ColumnDataSource}):
        assert source.name is None or all(len(v) == 0 for v in source.data.values())


def test_settings_feed_the_registry_and_the_sliders():
    assert WIDGETS["single_neuron_2d"].params == {"w1": 1.0, "w2": 0.6, "b": -0.8, "f1": 0.3, "f2": 0.6}
    assert fig.build(b=0.5).select_one({"name": "b"}).value == 0.5
    with pytest.raises(ValueError, match="f1"):
        fig.build(f1=1.5)
