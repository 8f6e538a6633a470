"""layer_slice's Python side against floor 1, and the notebook's show()."""

import numpy as np
import pytest

import neuron_tutorial as nt
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


def test_state_counts_regions_and_flips_from_the_signs(small):
    facts = layer_slice.state(small["layer"], small["box"], small["points"], small["labels"])
    assert facts["regions"] == len(nt.partition_2d(small["layer"], small["box"]))
    signs = np.sign(small["layer"](small["points"]))
    assert [n for _, _, n in facts["flips"]] == [int((signs[i] != signs[j]).sum())
                                                 for i, j in ((0, 1), (1, 2), (0, 2))]
    assert facts["positive"] == (signs > 0).sum(axis=1).tolist()


def test_show_on_the_site_embeds_the_registry_figure(monkeypatch):
    monkeypatch.setenv("NT_SITE_BUILD", "1")
    frame = show("layer_slice").data
    assert 'src="../widgets/layer_slice.html"' in frame and "title=" in frame
    with pytest.raises(ValueError, match="registry's parameters"):
        show("layer_slice", seed=3)
    with pytest.raises(ValueError, match="name must be a figure"):
        show("nope")
