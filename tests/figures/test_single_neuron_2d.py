"""single_neuron_2d's Python state agrees with floor 1: outputs, boundary, normal and distance."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import single_neuron_2d as fig
from neuron_tutorial.figures.kit.geometry import clip_line
from neuron_tutorial.figures.kit.style import THEMES

CASES = [(1.0, 0.6, -0.8), (-1.2, 0.6, 0.3), (0.0, 1.0, -0.5), (1.0, 0.0, -0.25), (1.0, 1.0, -1.0),
         (0.5, 0.5, 2.0), (-1.5, 2.0, -0.3), (0.0, 0.0, 0.4)]


@pytest.mark.parametrize("w1, w2, b", CASES)
def test_image_is_the_layer_at_pixel_centres(w1, w2, b):
    centres = (np.arange(fig.PIXELS) + 0.5) / fig.PIXELS
    f1, f2 = np.meshgrid(centres, centres)  # row i at F2 = centres[i]
    expected = fig.layer(w1, w2, b)(np.stack([f1, f2], axis=-1))[..., 0]
    np.testing.assert_allclose(fig.image(w1, w2, b), expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("w1, w2, b", CASES)
def test_clipped_boundary_lies_on_the_line_and_the_square(w1, w2, b):
    ends = clip_line((w1, w2), b)
    segment = None if ends is None else list(zip(*ends, strict=True))
    regions = len(nt.partition_2d(fig.layer(w1, w2, b)))
    # The boundary crosses the open square exactly when it cuts it into two regions.
    assert (segment is not None) == (regions == 2)
    if segment is not None:
        for x, y in segment:
            assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-12)
            assert min(x, 1 - x, y, 1 - y) == pytest.approx(0, abs=1e-12)


@pytest.mark.parametrize("w1, w2, b", CASES)
@pytest.mark.parametrize("f1, f2", [(0.3, 0.6), (0.9, 0.1)])
def test_state_draws_normal_and_shortest_way_to_the_boundary(w1, w2, b, f1, f2):
    now = fig.state(w1, w2, b, f1, f2)
    a = fig.layer(w1, w2, b)([[f1, f2]])[0, 0]
    norm = np.hypot(w1, w2)
    if norm == 0:
        assert now["normal"] is None and now["reach"] == {"x": [], "y": []}
        assert "constant" in now["readout"]
        return
    (sx, sy), (ex, ey) = now["normal"]
    np.testing.assert_allclose([ex - sx, ey - sy], fig.NORMAL * np.array([w1, w2]) / norm)
    (x0, x1), (y0, y1) = now["reach"]["x"], now["reach"]["y"]
    assert (x0, y0) == (f1, f2)
    assert w1 * x1 + w2 * y1 + b == pytest.approx(0, abs=1e-12)
    assert np.hypot(x1 - x0, y1 - y0) == pytest.approx(abs(a) / norm)
    if now["boundary"]["x"]:
        # The normal starts on the boundary.
        assert w1 * sx + w2 * sy + b == pytest.approx(0, abs=1e-12)


def test_read_out_gives_output_side_and_distance():
    text = fig.describe(1.0, 0.6, -0.8, 0.3, 0.6)
    assert "A = w·F + b = 1.00·0.30 + 0.60·0.60 − 0.80 = <b>−0.14</b> (negative)" in text
    assert "‖w‖ = 1.17" in text and "|A|/‖w‖ = 0.12" in text
    assert "misses the square" in fig.describe(0.5, 0.5, 2.0, 0.3, 0.6)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_runs_from_negative_through_background_to_positive(scheme):
    colours = fig.palette(scheme)
    theme = THEMES[scheme]
    assert len(colours) == 2 * fig.SHADES + 1
    assert [colours[0], colours[fig.SHADES], colours[-1]] == [
        theme["negative"].lower(), theme["background"].lower(), theme["positive"].lower()]


def test_build_names_every_control_and_source():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"w1", "w2", "b", "f1", "f2", "field", "boundary", "reach", "input", "arrow", "mapper",
            "readout", "plot"} <= names
