"""nt.show(network, ...) in a real kernel: the figure inline, BokehJS embedded once per notebook."""

import json

import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

import neuron_tutorial as nt
from neuron_tutorial.site.notebook import show

CELLS = [
    "import numpy as np\nimport neuron_tutorial as nt\n"
    "net = nt.Network([nt.random_layer(10, 6, seed=1), nt.random_layer(5, 10, seed=2),\n"
    "                  nt.random_layer(3, 5)])\n"
    "x = np.random.default_rng(0).random((3, 6))",
    "nt.show(net, inputs=x, labels=['a', 'b', 'c'])",
    "nt.show(net.layers[0], inputs=x)",
    "nt.show(nt.slice_layer(net.layers[0], nt.plane_through(*x)))",
]


def test_show_a_network_inline_with_bokehjs_once(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in notebook.cells for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    sizes = [len(json.dumps(o)) for o in outputs]
    big = [s for s in sizes if s > 500_000]
    assert len(big) == 1, sizes  # BokehJS, once
    figures = [json.dumps(o) for o in outputs if "network_slice" in json.dumps(o)]
    assert len(figures) == 3
    assert all("data:text/javascript;base64," in f and '\\"nt/' not in f for f in figures)


def test_show_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError, match="plane \\(or 3 inputs\\) must be given"):
        show(nt.random_layer(4, 6))
    with pytest.raises(ValueError, match="what must be"):
        show(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="params are for registry figures"):
        show(nt.random_layer(4, 2), seed=3)


def test_while_the_site_is_built_a_network_becomes_a_widget_page_beside_the_others(tmp_path, monkeypatch):
    monkeypatch.setenv("NT_SITE_BUILD", "1")
    monkeypatch.setenv("NT_NOTEBOOK_FIGURES", str(tmp_path))
    net = nt.Network([nt.random_layer(6, 2, seed=1), nt.random_layer(3, 6, seed=2)])
    frame = show(net).data
    written = list((tmp_path / "widgets").glob("notebook_*.html"))
    assert len(written) == 1
    assert f'src="../widgets/{written[0].name}"' in frame and 'class="nt-widget"' in frame
    page = written[0].read_text()
    assert '<script type="importmap">' in page and "../assets/bokeh-" in page  # BokehJS from the site
    assert show(net).data == frame and len(list((tmp_path / "widgets").iterdir())) == 1  # same name
