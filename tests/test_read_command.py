"""`neuron-tutorial read` end to end on a saved 64 → 128 → 128 → 10 network, and its errors."""

import re
import subprocess
import sys

import numpy as np
import pytest

import neuron_tutorial as nt
from neuron_tutorial.site.cli import main

SIZES = (64, 128, 128, 10)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    rng = np.random.default_rng(0)
    state = {}
    for i, (n, m) in enumerate(zip(SIZES[:-1], SIZES[1:], strict=True)):
        state[f"{2 * i}.weight"] = rng.standard_normal((m, n)) / np.sqrt(n)
        state[f"{2 * i}.bias"] = 0.1 * rng.standard_normal(m)
    np.savez(folder / "model.npz", **state)
    np.save(folder / "x.npy", rng.random((30, 64)))
    return folder


def test_the_command_writes_one_file_with_as_many_regions_as_partition_2d(saved, tmp_path):
    out = tmp_path / "read.html"
    result = subprocess.run([sys.executable, "-m", "neuron_tutorial", "read", str(saved / "model.npz"),
                             "--inputs", str(saved / "x.npy"), "--rows", "3", "7", "11", "-o", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    regions = int(re.search(r"^regions: (\d+)$", result.stdout, re.M).group(1))
    assert re.search(r"^time: [\d.]+ s$", result.stdout, re.M)
    assert "partitioning the plane by 256 neurons of layers 1..2" in result.stderr  # progress on stderr
    network, x = nt.load(saved / "model.npz"), np.load(saved / "x.npy")
    plane = nt.plane_through(x[3], x[7], x[11])
    hidden = nt.Network(network.sliced(plane).layers[:2])
    assert regions == len(nt.partition_2d(hidden, plane.box))
    page = out.read_text()
    # One file: BokehJS and the modules inside, nothing fetched.
    assert "<script src=" not in page and "Bokeh.embed" in page
    assert '"nt/' not in page and 'from "./' not in page and "data:text/javascript;base64," in page


def test_layer_picks_how_deep_the_partition_goes(saved, tmp_path, capsys):
    args = ["read", str(saved / "model.npz"), "--inputs", str(saved / "x.npy"), "--rows", "0", "1", "2"]
    assert main([*args, "--layer", "1", "-o", str(tmp_path / "one.html")]) == 0
    one = int(re.search(r"regions: (\d+)", capsys.readouterr().out).group(1))
    network, x = nt.load(saved / "model.npz"), np.load(saved / "x.npy")
    plane = nt.plane_through(*x[:3])
    assert one == len(nt.partition_2d(nt.slice_layer(network.layers[0], plane)))


@pytest.mark.parametrize("change, message", [
    (lambda a, f: a.__setitem__(1, str(f / "missing.npz")), "existing model file"),
    (lambda a, f: a.__setitem__(3, str(f / "missing.npy")), "inputs must be an existing .npy"),
    (lambda a, f: a.__setitem__(5, "30"), r"rows must be indices of the 30 rows of x.npy, got \[30\]"),
    (lambda a, f: a.__setitem__(7, "0"), "span a plane"),
    (lambda a, f: a.__setitem__(1, str(f / "bad.npz")), "readable model file"),
    (lambda a, f: a.__setitem__(3, str(f / "narrow.npy")), r"inputs must have shape \(N, 64\)"),
    (lambda a, f: a.extend(["--layer", "4"]), r"depth must be a layer number in \[1, 3\]"),
])
def test_errors_are_clear_and_exit_with_2(saved, tmp_path, capsys, change, message):
    (tmp_path / "bad.npz").write_bytes(b"no zip")
    np.save(tmp_path / "narrow.npy", np.zeros((4, 3)))
    for name in ("model.npz", "x.npy"):
        (tmp_path / name).write_bytes((saved / name).read_bytes())
    args = ["read", str(tmp_path / "model.npz"), "--inputs", str(tmp_path / "x.npy"), "--rows", "0", "1", "2",
            "-o", str(tmp_path / "out.html")]
    change(args, tmp_path)
    assert main(args) == 2
    assert re.search(message, capsys.readouterr().err)
    assert not (tmp_path / "out.html").exists()


def test_collinear_inputs_are_refused(saved, tmp_path, capsys):
    x = np.load(saved / "x.npy")
    np.save(tmp_path / "line.npy", np.stack([x[0], x[1], 2 * x[1] - x[0]]))
    args = ["read", str(saved / "model.npz"), "--inputs", str(tmp_path / "line.npy"), "--rows", "0", "1", "2"]
    assert main(args) == 2
    assert "must be three inputs that span a plane" in capsys.readouterr().err
