"""The numbers page 7 quotes: the placeholder hook, and the numbers against the experiments."""

import re

import numpy as np
import pytest
from hook_loader import ROOT, load_hook
from mkdocs.exceptions import PluginError

from neuron_tutorial.figures.kit import experiments
from neuron_tutorial.site import cache
from neuron_tutorial.site.numbers import number, numbers

hook = load_hook("numbers")


@pytest.fixture(scope="module")
def measured():
    cache.install()            # the build's experiments (computed here once if missing)
    yield numbers()
    experiments.use_store(None)


def test_fill_replaces_every_placeholder():
    text = 'a {{ measured("x.y") }} b {{measured("z")}} c'
    assert hook.fill(text, {"x.y": "1.5", "z": "−2"}) == "a 1.5 b −2 c"


def test_fill_names_an_unknown_number():
    with pytest.raises(PluginError, match="nope"):
        hook.fill('{{ measured("nope") }}', {"x": "1"}, "page.md")


@pytest.mark.parametrize("x, digits, want", [(21.25, 1, "21.3"), (-21.25, 1, "−21.3"), (0.125, 2, "0.13"),
                                             (-0.0001, 2, "0.00"), (3, 0, "3"),
                                             (9.35, 1, "9.3")])
def test_number_rounds_the_exact_value_ties_away_from_zero(x, digits, want):
    assert number(x, digits) == want


def test_every_placeholder_on_every_page_resolves(measured):
    pages = sorted((ROOT / "docs").glob("*.md"))
    names = {n for page in pages for n in hook.PLACEHOLDER.findall(page.read_text())}
    assert names, "no page quotes a measured number"
    assert names <= set(measured), sorted(names - set(measured))
    for page in pages:
        assert "measured(" not in hook.fill(page.read_text(), measured)


def test_numbers_are_the_experiments(measured):
    relu, linear = experiments.digits("relu"), experiments.digits("linear")
    assert measured["relu.detectors.alpha0"] == number(relu.detectors[:, 0].mean(), 1)
    assert measured["linear.unique_detectors.alpha1"] == number(linear.unique_detectors[:, -1].mean(), 1)
    d = relu.kurtosis[:, 0] - relu.kurtosis[:, -1]
    assert measured["relu.kurtosis.paired.mean"] == number(d.mean(), 3, sign=True)
    assert measured["relu.kurtosis.paired.positive"] == str(int((d > 0).sum()))
    strict = (relu.best_iou >= 0.6).sum(axis=2)
    assert measured["relu.detectors_iou60.alpha1"] == number(strict[:, -1].mean(), 1)
    assert measured["relu.accuracy"] == number(relu.test_accuracy.mean(), 3)
    assert measured["digits.mask"] == str(round(0.1 * len(relu.images)))


def test_example_is_the_best_neuron_of_network_0(measured):
    relu = experiments.digits("relu")
    k = relu.live[0]
    best = int(np.argmax(relu.best_iou[0, 0, :k]))
    assert measured["example.neuron.slot"] == str(best + 1)
    assert measured["example.neuron.concept"] == relu.concepts[relu.best_concept[0, 0, best]]
    top = relu.top_images[0, 0, best]
    assert measured["example.neuron.has"] == str(int(relu.truth[top, relu.best_concept[0, 0, best]].sum()))


def test_store_keeps_arrays_on_disk(tmp_path):
    store = cache.on_disk(tmp_path)
    calls = []

    def compute():
        calls.append(1)
        return {"a": np.arange(3), "b": np.array("relu")}

    first = store("thing-aaaa", compute)
    again = store("thing-aaaa", compute)
    assert len(calls) == 1 and np.array_equal(again["a"], first["a"]) and str(again["b"]) == "relu"
    store("thing-bbbb", compute)       # a new hash replaces the old file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing-bbbb.npz"]
    assert re.fullmatch(r"[0-9a-f]{16}", experiments.source_key())
