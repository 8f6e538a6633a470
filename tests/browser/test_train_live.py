"""train_live in Chromium: the page trains the network Python trains (to 1e-9), draws its exact
regions as nt.partition_2d does, and every control changes what it shows."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial import training
from neuron_tutorial.figures import WIDGETS, train_live

from conftest import bokeh_model as model
from conftest import on_screen, open_widget, wait_for_figure
from conftest import set_bokeh as set_value

PARAMS = WIDGETS["train_live"].params
BOX = train_live.BOX
MOMENTUM = train_live.MOMENTUM
STATE = "() => nt_train_live.state()"
SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@pytest.fixture
def widget(page, base_url):
    return open_widget(page, base_url, "train_live")


def state(page):
    return page.evaluate(STATE)


def python_network(name="moons", noise=0.1, seed=0, m1=8, m2=8, steps=0, rate=0.1):
    data = training.dataset(name, train_live.COUNT, noise, seed)
    net = training.init_network((2, m1, m2, 1), seed)
    if steps:
        net, _ = training.train(net, data.points, data.labels, steps, rate, MOMENTUM)
    return data, net


def assert_same_weights(page, net):
    got = state(page)
    assert tuple(got["sizes"]) == net.sizes
    for layer, w, b in zip(net.layers, got["weights"], got["biases"], strict=True):
        np.testing.assert_allclose(np.reshape(w, layer.weights.shape), layer.weights, rtol=0, atol=1e-9)
        np.testing.assert_allclose(b, layer.biases, rtol=0, atol=1e-9)


def shoelace(xs, ys):
    x, y = np.asarray(xs, float), np.asarray(ys, float)
    return 0.5 * float(np.sum(x * np.roll(y, -1) - y * np.roll(x, -1)))


def drawn_regions(page):
    """Sorted areas of the drawn regions, and the total area on the output's positive side."""
    # Each side is one multi-polygon: its first row holds every region as a polygon of one ring.
    areas = {key: [shoelace(x[0], y[0]) for x, y in zip(model(page, key, "data.xs[0]"),
                                                        model(page, key, "data.ys[0]"), strict=True)]
             for key in ("positive", "negative")}
    return sorted(areas["positive"] + areas["negative"]), sum(areas["positive"])


def assert_regions_of(page, net):
    partition = nt.partition_2d(net, BOX)
    areas, positive = drawn_regions(page)
    assert len(areas) == len(partition)
    np.testing.assert_allclose(areas, sorted(r.size for r in partition.regions), rtol=1e-6, atol=1e-12)
    assert positive == pytest.approx(sum(r.size for r in partition.regions if r.signs[-1] > 0), rel=1e-6)
    assert list(state(page)["counts"]) == list(partition.counts)


def click(page, label, times=1):
    button = page.get_by_role("button", name=label, exact=True)
    for _ in range(times):
        button.click()


def test_first_draw_is_the_seeds_start(widget):
    data, net = python_network()
    assert state(widget)["steps"] == 0
    assert_same_weights(widget, net)
    assert_regions_of(widget, net)
    ones = data.points[data.labels == 1]
    np.testing.assert_array_equal(np.column_stack([model(widget, "points1", "data.x"),
                                                   model(widget, "points1", "data.y")]), ones)
    assert model(widget, "readout", "text").startswith("Step <b>0</b>")


def test_fifty_steps_in_the_page_are_pythons_fifty_steps(widget):
    click(widget, "Step", 50)
    widget.wait_for_function("() => nt_train_live.state().steps === 50")
    _, net = python_network(steps=50)
    assert_same_weights(widget, net)
    assert_regions_of(widget, net)
    assert model(widget, "readout", "text").startswith("Step <b>50</b>")
    data, start = python_network()
    _, losses = training.train(start, data.points, data.labels, 51, 0.1, MOMENTUM)  # losses before each step
    assert state(widget)["loss"] == pytest.approx(losses[50], abs=1e-9)


def test_play_trains_until_paused_and_reset_starts_again(widget):
    set_value(widget, "play", "active", True)
    assert model(widget, "play", "label") == "❚❚ Pause"
    widget.wait_for_function("() => nt_train_live.state().steps >= 20")
    set_value(widget, "play", "active", False)
    widget.evaluate(SETTLE)
    steps = state(widget)["steps"]
    widget.wait_for_timeout(200)
    assert state(widget)["steps"] == steps, "training went on after Pause"
    assert model(widget, "play", "label") == "▶ Play"
    assert_same_weights(widget, python_network(steps=steps)[1])
    click(widget, "Reset")
    widget.wait_for_function("() => nt_train_live.state().steps === 0")
    assert_same_weights(widget, python_network()[1])


def test_the_learning_rate_applies_to_the_next_steps(widget):
    set_value(widget, "rate", "active", train_live.RATES.index("0.3"))
    click(widget, "Step", 10)
    widget.wait_for_function("() => nt_train_live.state().steps === 10")
    assert_same_weights(widget, python_network(steps=10, rate=0.3)[1])


@pytest.mark.parametrize("name, active", [("circles", 1), ("xor", 2), ("spiral", 3)])
def test_data_set_noise_seed_and_widths_start_a_new_network(widget, name, active):
    set_value(widget, "dataset", "active", active)
    set_value(widget, "noise", "value", 0.25)
    set_value(widget, "seed", "value", 7)
    set_value(widget, "m1", "value", 5)
    set_value(widget, "m2", "value", 11)
    widget.evaluate(SETTLE)
    data, net = python_network(name, 0.25, 7, 5, 11)
    assert_same_weights(widget, net)
    assert_regions_of(widget, net)
    zeros = data.points[data.labels == 0]
    np.testing.assert_array_equal(np.column_stack([model(widget, "points0", "data.x"),
                                                   model(widget, "points0", "data.y")]), zeros)
    assert len(model(widget, "neuron", "options")) == 1 + 5 + 11


@pytest.mark.parametrize("choice", ["1-3", "2-5"])
def test_a_chosen_neuron_shows_its_boundary(widget, choice):
    click(widget, "Step", 5)
    widget.wait_for_function("() => nt_train_live.state().steps === 5")
    set_value(widget, "neuron", "value", choice)
    layer, k = (int(part) for part in choice.split("-"))
    want = nt.partition_2d(python_network(steps=5)[1], BOX).boundary(layer - 1, k - 1)
    xs, ys = (np.array(model(widget, "chosen", f"data.{axis}")).reshape(-1, 2) for axis in ("xs", "ys"))
    got = np.array(sorted(zip(xs[:, 0], ys[:, 0], xs[:, 1], ys[:, 1], strict=True)))
    np.testing.assert_allclose(got, np.array(sorted(map(tuple, want.reshape(-1, 4)))), atol=1e-9)
    set_value(widget, "neuron", "value", "")
    assert model(widget, "chosen", "data.xs") == []


def test_a_tap_on_a_boundary_picks_its_neuron(widget):
    partition = nt.partition_2d(python_network()[1], BOX)
    (x0, y0), (x1, y1) = partition.boundary(1, 2)[0]  # a segment of layer 2's third neuron
    x, y = on_screen(widget, "plot", 0.5 * (x0 + x1), 0.5 * (y0 + y1))
    widget.mouse.click(x, y)
    widget.wait_for_function("() => Bokeh.documents[0].get_model_by_name('neuron').value !== ''")
    assert model(widget, "neuron", "value") == "2-3"
    assert len(model(widget, "chosen", "data.xs")) == len(partition.boundary(1, 2))


def test_training_stops_when_the_figure_leaves_the_screen(page, base_url):
    page.goto(f"{base_url}next-layer/")
    frame_element = page.locator("iframe[data-widget='train_live']")  # its src is set when near
    frame_element.scroll_into_view_if_needed()
    frame = frame_element.element_handle().content_frame()
    frame.wait_for_function("() => document.documentElement.dataset.ntDrawn === 'yes'", timeout=30_000)
    wait_for_figure(frame)
    frame.evaluate("() => { Bokeh.documents[0].get_model_by_name('play').active = true }")
    frame.wait_for_function("() => nt_train_live.state().steps >= 3")
    page.evaluate("() => window.scrollTo(0, 0)")
    frame.wait_for_function("() => !Bokeh.documents[0].get_model_by_name('play').active", timeout=5_000)
    steps = frame.evaluate(STATE)["steps"]
    page.wait_for_timeout(300)
    assert frame.evaluate(STATE)["steps"] == steps
