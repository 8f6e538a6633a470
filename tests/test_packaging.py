"""`python -m build` makes a wheel and an sdist; the wheel works in a clean venv.

The venv starts empty (no system site-packages); installing the wheel pulls in only numpy
and bokeh (and theirs); there `neuron-tutorial read` reads a saved model and counts the
regions floor 1 counts here. Slow (a minute or two: a build and an install), but in `make test`.
"""

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import numpy as np
import pytest

import neuron_tutorial as nt

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # Run from the output folder: in the repository, its build/ folder would shadow the module.
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=900, cwd=out)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return out


def test_wheel_and_sdist_hold_the_javascript_and_py_typed(dist):
    wheel, = dist.glob(f"neuron_tutorial-{nt.__version__}-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "neuron_tutorial"
    for path in [*package.glob("js/*.js"), *package.glob("figures/*.js"), package / "py.typed",
                 *package.glob("site/*.py")]:
        assert path.relative_to(ROOT).as_posix() in names, path
    sdist, = dist.glob(f"neuron_tutorial-{nt.__version__}.tar.gz")
    members = {Path(*Path(m).parts[1:]).as_posix() for m in tarfile.open(sdist).getnames()}
    assert {"pyproject.toml", "neuron_tutorial/js/network.js", "neuron_tutorial/py.typed"} <= members


def test_wheel_installs_in_a_clean_venv_and_reads_a_saved_model(dist, tmp_path):
    wheel, = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stderr[-2000:]
    frozen = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
                            capture_output=True, text=True, check=True).stdout
    installed = {line.split("==")[0].lower().replace("_", "-") for line in frozen.split()}
    assert {"numpy", "bokeh", "neuron-tutorial"} <= installed
    assert not installed & {"scikit-learn", "scipy", "mkdocs", "pytest", "torch", "shapely"}

    rng = np.random.default_rng(1)
    sizes = (20, 32, 16, 4)
    np.savez(tmp_path / "model.npz", **{f"{2 * i}.{name}": value
                                        for i, (n, m) in enumerate(zip(sizes[:-1], sizes[1:], strict=True))
                                        for name, value in (("weight", rng.standard_normal((m, n))),
                                                            ("bias", rng.standard_normal(m)))})
    x = rng.random((6, 20))
    np.save(tmp_path / "x.npy", x)
    result = subprocess.run([str(venv / "bin" / "neuron-tutorial"), "read", "model.npz", "--inputs", "x.npy",
                             "--rows", "1", "2", "5"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    regions = int(re.search(r"regions: (\d+)", result.stdout).group(1))
    plane = nt.plane_through(*x[[1, 2, 5]])
    hidden = nt.Network(nt.load(tmp_path / "model.npz").sliced(plane).layers[:2])
    assert regions == len(nt.partition_2d(hidden))
    assert (tmp_path / "model.html").stat().st_size > 1_000_000  # BokehJS inside
