"""Run the JavaScript library's Node tests (tests/js/*.test.mjs) against fixtures from floor 1.

Every ``tests/js/fixtures_<topic>.py`` writes its JSON into one temporary folder, then
``node --test`` runs every test file there with ``NT_FIXTURES`` pointing at it. The
agreement of the JS with the Python is checked in milliseconds, without a site build.
"""

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "js"


def test_node_tests_of_the_javascript_library_pass(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("Node is needed for the JavaScript tests: apt-get install nodejs")
    for path in sorted(HERE.glob("fixtures_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.write(tmp_path)
    tests = sorted(str(p) for p in HERE.glob("*.test.mjs"))
    result = subprocess.run([node, "--test", *tests], capture_output=True, text=True,
                            env={**os.environ, "NT_FIXTURES": str(tmp_path)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
