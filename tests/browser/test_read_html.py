"""The file `neuron-tutorial read` writes opens in Chromium from disk and from a static host.

No console error, no request leaving localhost (the page fixture fails on either); the
regions drawn are the partition's; a tap reads the region's signs as floor 1 does; picking
a neuron draws its boundary as floor 1's NetworkPartition.boundary.
"""

import functools
import http.server
import re
import threading

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures.network_slice import head
from neuron_tutorial.site.read import read

from conftest import _QuietHandler, on_screen, set_bokeh, wait_for_figure

SIZES = (12, 16, 8, 3)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read")
    rng = np.random.default_rng(11)
    pairs = [(rng.standard_normal((m, n)), rng.standard_normal(m))
             for n, m in zip(SIZES[:-1], SIZES[1:], strict=True)]
    np.savez(folder / "model.npz", **{f"{2 * i}.{name}": a for i, pair in enumerate(pairs)
                                       for name, a in zip(("weight", "bias"), pair, strict=True)})
    np.save(folder / "x.npy", rng.random((5, SIZES[0])))
    count, _ = read(folder / "model.npz", folder / "x.npy", [0, 3, 4], out=folder / "read.html",
                    progress=lambda text: None)
    network = nt.load(folder / "model.npz")
    x = np.load(folder / "x.npy")
    plane = nt.plane_through(*x[[0, 3, 4]])
    return folder, count, nt.partition_2d(head(network.sliced(plane)), plane.box)


@pytest.fixture(scope="module")
def server(written):
    handler = functools.partial(_QuietHandler, directory=str(written[0]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def drawn(page):
    wait_for_figure(page)
    page.wait_for_function("document.documentElement.dataset.ntDrawn === 'yes'", timeout=15_000)


@pytest.mark.parametrize("where", ["file", "server"])
def test_opens_offline_and_draws_every_region(page, written, server, where):
    folder, count, part = written
    page.goto((folder / "read.html").as_uri() if where == "file" else server + "read.html")
    drawn(page)
    assert count == len(part)
    assert page.evaluate("Bokeh.documents[0].get_model_by_name('regions').data.xs.length") == len(part)


def test_a_tap_reads_the_regions_signs_and_a_neuron_its_boundary(page, written):
    folder, _, part = written
    page.goto((folder / "read.html").as_uri())
    drawn(page)
    r = int(np.argmax([region.size for region in part.regions]))
    point = part.regions[r].point
    # The readout starts on the first input's region: wait for the tapped one's.
    page.mouse.click(*on_screen(page, "plot", *point))
    page.wait_for_function("Bokeh.documents[0].get_model_by_name('readout').text"
                           f".includes('<b>Region {r}</b>')")
    text = page.evaluate("Bokeh.documents[0].get_model_by_name('readout').text")
    signs = part.regions[r].signs
    for pattern in ("".join("+" if s > 0 else "−" if s < 0 else "0" for s in signs[:16]),
                    "".join("+" if s > 0 else "−" if s < 0 else "0" for s in signs[16:])):
        assert pattern in text
    sliced_output = part.layer  # the head: the class comes from the whole network, read below
    assert sliced_output.sizes[1:] == SIZES[1:3]
    set_bokeh(page, "layer", "value", "2")
    set_bokeh(page, "neuron", "value", 3)
    segments = page.evaluate("Bokeh.documents[0].get_model_by_name('boundary').data.xs.length")
    expected = part.boundary(1, 2)
    assert segments == len(expected)
    length = page.evaluate("""(() => { const d = Bokeh.documents[0].get_model_by_name('boundary').data
        return d.xs.reduce((s, xs, i) => s + Math.hypot(xs[1] - xs[0], d.ys[i][1] - d.ys[i][0]), 0) })()""")
    assert length == pytest.approx(np.linalg.norm(expected[:, 1] - expected[:, 0], axis=1).sum(), rel=1e-5)


# The key's tiles on the screen, [top, height] each (they live in the key Div's shadow root).
TILE_BOXES = """() => { const found = []
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (el.classList.contains('tile')) found.push([r.top, r.height])
      if (el.shadowRoot) walk(el.shadowRoot) } }
  walk(document); return found }"""


def test_classes_are_named_in_a_key_and_counts_get_a_ramp(page, written):
    from neuron_tutorial.figures.kit.style import SIGN_COLOURS
    from neuron_tutorial.figures.network_slice import CLASSES

    folder, _, part = written
    page.goto((folder / "read.html").as_uri())
    drawn(page)
    doc = "Bokeh.documents[0].get_model_by_name"
    key = page.evaluate(f"{doc}('key').text")
    tiles = re.findall(r'class="tile" style="background:(#\w+);[^"]*" title="class (\d+)">(\d+)<', key)
    assert tiles == [(CLASSES[k], str(k), str(k)) for k in range(SIZES[-1])]
    boxes = page.evaluate(TILE_BOXES)
    assert len(boxes) == SIZES[-1] and len({top for top, _ in boxes}) == 1, "a few classes: one row"
    signs = {c.lower() for scheme in SIGN_COLOURS.values() for c in (scheme["positive"], scheme["negative"])}
    assert not signs & {c.lower() for c in CLASSES}
    assert page.evaluate(f"{doc}('by_class').visible") and not page.evaluate(f"{doc}('by_count').visible")
    set_bokeh(page, "view", "value", "colour: positive neurons of layer 2")
    page.wait_for_function(f"{doc}('by_count').visible")
    assert not page.evaluate(f"{doc}('by_class').visible")
    counts = page.evaluate(f"Array.from({doc}('regions').data.count)")
    layer_2 = (part.signs[:, SIZES[1]:] > 0).sum(axis=1)
    assert sorted(counts) == sorted(layer_2.tolist())
    key = page.evaluate(f"{doc}('key').text")
    assert f"Positive neurons of layer 2 (of {SIZES[2]})" in key and 'class="ramp"' in key
    ends = re.findall(r'<div class="ends"><span>(\d+)</span><span>\d*</span><span>(\d+)</span>', key)
    assert ends == [(str(layer_2.min()), str(max(layer_2.max(), layer_2.min() + 1)))]


HEIGHT = """() => Math.ceil(Math.max(...[...document.querySelectorAll('[data-root-id] > *')]
                                .map((e) => e.getBoundingClientRect().bottom)))"""


@pytest.mark.parametrize("width", [320, 390, 800])
def test_the_box_is_drawn_at_one_scale_and_no_control_changes_the_height(page, written, width):
    folder, _, part = written
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((folder / "read.html").as_uri())
    drawn(page)
    page.wait_for_timeout(300)  # the frame's height follows its width
    (x0, x1), (y0, y1) = part.domain
    corners = [on_screen(page, "plot", x, y) for x, y in ((x0, y0), (x1, y1))]
    (left, bottom), (right, top) = corners
    # One unit is as long across as up, and the whole box is inside the frame.
    assert (right - left) / (x1 - x0) == pytest.approx((bottom - top) / (y1 - y0), rel=0.01)
    ranges = page.evaluate("""() => { const p = Bokeh.documents[0].get_model_by_name('plot')
        return [p.x_range.start, p.x_range.end, p.y_range.start, p.y_range.end] }""")
    assert ranges[0] <= x0 and x1 <= ranges[1] and ranges[2] <= y0 and y1 <= ranges[3]
    # ... and as big as the frame allows: it spans the frame on one axis.
    assert min((ranges[1] - ranges[0]) / (x1 - x0), (ranges[3] - ranges[2]) / (y1 - y0)) == pytest.approx(1)
    height = page.evaluate(HEIGHT)
    r = int(np.argmax([region.size for region in part.regions]))
    page.mouse.click(*on_screen(page, "plot", *part.regions[r].point))
    page.wait_for_function("Bokeh.documents[0].get_model_by_name('readout').text"
                           f".includes('<b>Region {r}</b>')")
    for name, value in (("view", "colour: positive neurons of layer 1"), ("neuron", 40), ("layer", "2"),
                        ("neuron", 3), ("view", "colour: output class at the region's centre")):
        set_bokeh(page, name, "value", value)
        page.wait_for_timeout(150)
        assert page.evaluate(HEIGHT) == height, f"{name} = {value} changed the figure's height"
