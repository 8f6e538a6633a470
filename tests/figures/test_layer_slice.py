"""layer_slice's Python side: the slice it hands the browser, and the notebook's show()."""

import numpy as np
import pytest

from neuron_tutorial.figures import layer_slice
from neuron_tutorial.site.notebook import show

pytest.importorskip("sklearn", reason="the digits example needs scikit-learn (docs extra)")


@pytest.fixture(scope="module")
def small():
    return layer_slice.digits_slice(hidden=24, seed=2, digits=(3, 4, 5), margin=0.2)


def test_digits_slice_is_the_plane_through_the_images(small):
    assert small["layer"].weights.shape == (24, 2) and small["points"].shape == (3, 2)
    (s0, s1), (t0, t1) = small["box"]
    assert np.all((small["points"] >= [s0, t0]) & (small["points"] <= [s1, t1]))
    np.testing.assert_allclose(small["points"][0], [0, 0], atol=1e-12)


def test_the_page_carries_the_sliced_layer_and_the_js_draws_the_rest(small, monkeypatch):
    monkeypatch.setattr(layer_slice, "digits_slice", lambda *args: small)
    layout = layer_slice.build(neuron=30)
    regions = layout.select_one({"name": "regions"})
    assert all(len(column) == 0 for column in regions.data.values())
    update = layout.select_one({"name": "neuron"}).js_property_callbacks["change:value"][0]
    np.testing.assert_array_equal(update.args["w1"], small["layer"].weights[:, 0])
    np.testing.assert_array_equal(update.args["b"], small["layer"].biases)
    neuron = layout.select_one({"name": "neuron"})
    assert neuron.end == 24 and neuron.value == 24  # the reader's neuron stays in the layer


def test_show_on_the_site_embeds_the_registry_figure(monkeypatch):
    monkeypatch.setenv("NT_SITE_BUILD", "1")
    frame = show("layer_slice").data
    assert 'src="../widgets/layer_slice.html"' in frame and "title=" in frame
    with pytest.raises(ValueError, match="registry's parameters"):
        show("layer_slice", seed=3)
    with pytest.raises(ValueError, match="name must be a figure"):
        show("nope")
