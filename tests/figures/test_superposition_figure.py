"""superposition: the build-time table it carries, against floor 1's greedy search."""

import pytest
from bokeh.models import ColumnDataSource

from neuron_tutorial import superposition
from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.figures import superposition as packing


def test_superposition_counts_are_the_greedy_search():
    found = packing.counts()
    eps = packing.EPSILONS[4]
    n = packing.DIMENSIONS.index(32)
    assert found[eps][n] == superposition.greedy_count(32, eps, max_vectors=packing.CAP,
                                                       max_candidates=packing.CANDIDATES)
    assert all(0 < k <= packing.CAP for ks in found.values() for k in ks)


def test_the_page_carries_the_table_and_the_js_draws_the_rest():
    doc = WIDGETS["superposition"].document()
    update = doc.get_model_by_name("eps").js_property_callbacks["change:active"][0]
    assert update.args["table"] == {str(e): f for e, f in packing.counts().items()}
    for name in ("greedy", "greedy_line", "bound", "chosen"):
        source = doc.get_model_by_name(name)
        assert isinstance(source, ColumnDataSource) and all(len(c) == 0 for c in source.data.values())


def test_settings_default_to_epsilon_0_3_at_n_64_and_are_checked():
    assert packing.EPSILONS[packing.SETTINGS["eps"].default] == 0.3
    assert packing.DIMENSIONS[packing.SETTINGS["n"].default] == 64
    with pytest.raises(ValueError, match="n must be"):
        packing.build(n=len(packing.DIMENSIONS))
