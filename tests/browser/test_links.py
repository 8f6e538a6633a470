"""Every link on the built site resolves, including raw-HTML ones mkdocs --strict cannot see
(iframe src, notebook downloads), every widget page is well-formed HTML, and the API page
keeps its signatures out of code blocks."""

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


def test_every_lazy_figure_points_at_a_widget_page_of_the_site(built_site):
    # Lazy iframes carry their address in data-src, which no link checker follows.
    import re

    targets = []
    for page in built_site.rglob("index.html"):
        for src in re.findall(r'<iframe class="nt-widget" data-src="([^"]+)"', page.read_text()):
            targets.append((page, (page.parent / src).resolve()))
    assert len(targets) >= len(WIDGETS), "every figure is on a page"
    missing = [f"{page.relative_to(built_site)} -> {target.name}" for page, target in targets
               if not target.is_file()]
    assert missing == []


def test_the_api_page_has_signatures_and_no_code_block(built_site):
    # docs/hooks/pages.py: a signature is a code element (tests/test_api_signatures.py); should
    # mkdocstrings change its markup, the rewrite would silently stop and this fails.
    import re

    page = (built_site / "api" / "index.html").read_text()
    article = page[page.index("<article"):page.index("</article>")]
    assert len(re.findall(r'<div class="doc-signature highlight"><code>', article)) >= 20
    assert 'doc-signature highlight"><pre' not in article
