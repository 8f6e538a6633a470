"""The pages' Python examples run as printed, and every figure in the registry has its page."""

import re
from pathlib import Path

import pytest

from neuron_tutorial.figures import WIDGETS

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCKS = [(page.name, i, code) for page in sorted(DOCS.glob("*.md"))
          for i, code in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(), re.S))]


@pytest.mark.parametrize("page, index, code", BLOCKS, ids=[f"{p}#{i}" for p, i, _ in BLOCKS])
def test_python_example_runs(page, index, code):
    exec(compile(code, f"{page} block {index}", "exec"), {})


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_every_widget_is_embedded_on_its_page(name):
    page = (DOCS / WIDGETS[name].page).read_text()
    # A Markdown page embeds with the shortcode, the notebook with neuron_tutorial.site.notebook.show.
    assert f'{{{{ widget("{name}") }}}}' in page or f'show(\\"{name}\\"' in page
