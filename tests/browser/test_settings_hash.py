"""A figure's settings live in its page's URL hash: a link opens the figure as it was."""

import pytest

from neuron_tutorial.figures import WIDGETS

from conftest import bokeh_model as model
from conftest import set_bokeh as set_value
from conftest import wait_for_figure

WITH_SETTINGS = [name for name, widget in WIDGETS.items() if widget.settings is not None]


@pytest.mark.parametrize("name", WITH_SETTINGS)
def test_the_hash_sets_the_controls_and_follows_them(page, base_url, name):
    table = list(WIDGETS[name].settings)
    seed = next((p for p in table if p.name == "seed"), table[0])
    wanted = int(seed.end) if not seed.choices else len(seed.choices) - 1
    page.goto(f"{base_url}widgets/{name}.html#{seed.name}={wanted}")
    wait_for_figure(page.main_frame)
    prop = "active" if seed.choices else "value"
    page.wait_for_function(f"() => Bokeh.documents[0].get_model_by_name('{seed.name}').{prop} === {wanted}")
    other = int(seed.start)
    set_value(page, seed.name, prop, other)
    page.wait_for_function(f"() => location.hash.includes('{seed.name}={other}')")
    assert model(page, seed.name, prop) == other
