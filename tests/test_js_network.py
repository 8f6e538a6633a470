"""Runs the Node tests of js/network.js and js/train.js on fixtures written here (needs node)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "js"
node = shutil.which("node")


@pytest.mark.skipif(node is None, reason="node is not on PATH")
def test_network_and_train_modules_in_node(tmp_path):
    sys.path.insert(0, str(HERE))
    try:
        import fixtures_network
    finally:
        sys.path.remove(str(HERE))
    fixtures_network.write(tmp_path)
    files = [str(HERE / "network.test.mjs"), str(HERE / "train.test.mjs")]
    result = subprocess.run([node, "--test", *files], env={"NT_FIXTURES": str(tmp_path), "PATH": ""},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
