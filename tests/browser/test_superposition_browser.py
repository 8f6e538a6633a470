"""superposition in Chromium: the JS draws the build-time counts and reads them at the chosen n."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_tutorial import superposition
from neuron_tutorial.figures import superposition as packing

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure


@pytest.fixture
def widget(page, base_url):
    page.goto(f"{base_url}widgets/superposition.html")
    wait_for_figure(page.main_frame)
    return page


def assert_drawn(page, index, at):
    eps, n = packing.EPSILONS[index], packing.DIMENSIONS[at]
    found = packing.counts()[eps]
    assert model(page, "greedy", "data.count") == found
    assert model(page, "greedy", "data.role") == ["series_1"] * len(found)
    bound = [min(superposition.union_bound_count(d, eps), 1e6) for d in packing.DIMENSIONS]
    np.testing.assert_allclose(model(page, "bound", "data.count"), bound, rtol=1e-12)
    assert model(page, "chosen", "data.n") == [n, n]
    assert model(page, "chosen", "data.count") == [found[at], n]
    assert model(page, "at_n", "location") == n
    text = model(page, "readout", "text")
    kept = f"{found[at]}+" if found[at] >= packing.CAP else str(found[at])
    assert f"n = {n}: search kept <b>{kept}</b>" in text
    assert f"at least {np.degrees(np.arccos(eps)):.1f}°" in text and f"The basis: {n}." in text


def test_first_picture_is_the_default_setting(widget):
    assert_drawn(widget, packing.SETTINGS["eps"].default, packing.SETTINGS["n"].default)
    assert "5.5 per neuron" in model(widget, "readout", "text")  # 352 directions in 64 dimensions


@pytest.mark.parametrize("index, at", [(0, 10), (2, 14), (4, 0), (6, 9), (1, 12)])
def test_epsilon_and_n_redraw_and_read_the_table(widget, index, at):
    set_value(widget, "eps", "active", index)
    set_value(widget, "n", "value", at)
    assert_drawn(widget, index, at)


def test_the_n_slider_shows_the_dimension_not_its_index(widget):
    set_value(widget, "n", "value", 12)
    title = widget.locator(".bk-slider-title").last.inner_text()
    assert "128" in title and "12" not in title.replace("128", "")


def test_keyboard_and_click(widget):
    widget.locator(".bk-btn", has_text="0.5").click()
    assert model(widget, "eps", "active") == len(packing.EPSILONS) - 1
    widget.locator("[role=slider]").last.focus()
    widget.keyboard.press("ArrowLeft")
    assert_drawn(widget, len(packing.EPSILONS) - 1, packing.SETTINGS["n"].default - 1)


def test_a_screen_reader_hears_n_not_its_index(widget):
    """The n slider steps through a table of dimensions: its handle says n, as its title shows it."""
    handle = widget.locator("[role=slider]").last
    says = """([h, n]) => h.getAttribute('aria-valuenow') === n && h.getAttribute('aria-valuetext') === n"""
    for at in (0, 10, len(packing.DIMENSIONS) - 1):
        set_value(widget, "n", "value", at)
        n = str(packing.DIMENSIONS[at])
        widget.wait_for_function(says, arg=[handle.element_handle(), n], timeout=5000)
    ends = [handle.get_attribute(f"aria-value{end}") for end in ("min", "max")]
    assert ends == [str(packing.DIMENSIONS[0]), str(packing.DIMENSIONS[-1])]
    handle.focus()
    widget.keyboard.press("ArrowLeft")
    n = str(packing.DIMENSIONS[-2])
    widget.wait_for_function(says, arg=[handle.element_handle(), n], timeout=5000)
