"""Every link on the built site resolves, including raw-HTML ones mkdocs --strict cannot see
(iframe src, notebook downloads), and every widget page is well-formed HTML."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from neuron_tutorial.figures import WIDGETS


def test_linkchecker_finds_no_broken_link(base_url):
    linkchecker = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    result = subprocess.run([linkchecker, "--no-status", "--no-warnings", base_url],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " 0 errors found" in result.stdout


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_page_is_well_formed_html(built_site, name):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse((built_site / "widgets" / f"{name}.html").read_text())  # raises on any parse error
