"""The house rules of DESIGN.md: floor 1 is numpy only; imports point down."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "neuron_tutorial"
FLOOR_1 = ["checks", "layer", "partition", "arrangement", "frame", "regions", "thresholds", "slices",
           "digits", "directions", "dissection", "superposition"]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


@pytest.mark.parametrize("module", FLOOR_1)
def test_floor_1_imports_only_numpy_and_itself(module):
    for name in imports_of(PACKAGE / f"{module}.py"):
        allowed = (".", "numpy", "__future__", "dataclasses", "math", "pathlib", "typing", "sklearn")
        assert name.startswith(allowed), (module, name)


def test_importing_the_package_loads_no_bokeh():
    code = "import sys, neuron_tutorial; print('bokeh' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_widgets_do_not_import_the_build_floor():
    for path in (PACKAGE / "widgets").glob("*.py"):
        assert not any("build" in name.split(".")[-1] for name in imports_of(path)), path


def test_no_source_file_is_over_300_lines():
    for path in list(PACKAGE.rglob("*.py")) + list(PACKAGE.rglob("*.js")):
        assert len(path.read_text().splitlines()) <= 300, path
