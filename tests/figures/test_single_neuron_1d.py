"""single_neuron_1d's Python state agrees with floor 1: its pieces are partition_1d's regions."""

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.figures import single_neuron_1d as fig
from neuron_tutorial.figures.kit.style import SIGN_COLOURS

LIGHT = SIGN_COLOURS["light"]
CASES = [(2.0, -1.0, 0.3), (-1.5, 1.2, 0.3), (0.0, 0.4, 0.6), (0.0, -0.7, 0.1), (1.0, 0.5, 0.2),
         (-0.8, -0.1, 0.9), (2.0, -1.0, 0.5), (0.0, 0.0, 0.5)]


@pytest.mark.parametrize("w, b, x", CASES)
def test_pieces_are_the_regions_of_the_one_neuron_partition(w, b, x):
    partition = nt.partition_1d(fig.layer(w, b), (0.0, 1.0))
    pieces = fig.pieces(w, b)
    assert [(s, e) for s, e, _ in pieces] == [r.interval for r in partition.regions]
    assert [sign for *_, sign in pieces] == [int(r.signs[0]) for r in partition.regions]


@pytest.mark.parametrize("w, b, x", CASES)
def test_state_draws_the_line_its_boundary_and_the_input(w, b, x):
    now = fig.state(w, b, x)
    ys = np.array(now["line"]["ys"])
    xs = np.array(now["line"]["xs"])
    np.testing.assert_allclose(ys, w * xs + b)
    a = fig.layer(w, b)([[x]])[0, 0]
    assert now["input"]["y"] == [pytest.approx(a)]
    partition = nt.partition_1d(fig.layer(w, b))
    assert now["boundary"]["x"] == partition.breakpoints.tolist()
    expected = [LIGHT["positive"] if s > 0 else LIGHT["negative"] if s < 0 else LIGHT["zero"]
                for s in partition.signs[:, 0]]
    assert now["line"]["colour"] == expected
    if now["arrow"] is not None:
        start, end = now["arrow"]
        assert start == partition.breakpoints[0]
        # The arrow points into the region where the neuron is positive.
        assert partition.regions[int(end > start)].signs[0] == 1


def test_read_out_names_the_boundary_its_direction_and_the_distance():
    text = fig.describe(2.0, -1.0, 0.3)
    assert "A = w·F + b = 2.00·0.30 − 1.00 = <b>−0.40</b> (negative)" in text
    assert "x* = −b/w = 0.50" in text and "increasing" in text and "|A|/|w| = 0.20" in text
    assert "decreasing" in fig.describe(-1.5, 1.2, 0.3)
    assert "outside [0, 1]" in fig.describe(1.0, 0.5, 0.2)
    constant = fig.describe(0.0, 0.4, 0.6)
    assert "constant" in constant and "no boundary" in constant and "x*" not in constant


def test_fmt_matches_style_js():
    assert fig.fmt(-0.4) == "−0.40"
    assert fig.fmt(-0.001) == "0.00"
    assert fig.fmt(1.5, 1) == "1.5"
    # Ties round away from zero, as JavaScript's toFixed does (Python's format would give −0.12).
    assert fig.fmt(-0.125) == "−0.13" and fig.fmt(12.345) == "12.35"


def test_build_names_every_control_and_source():
    layout = fig.build()
    names = {m.name for m in layout.references() if m.name}
    assert {"w", "b", "x", "line", "area", "boundary", "input", "arrow", "readout", "plot"} <= names
