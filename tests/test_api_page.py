"""The API reference page builds strictly from the docstrings and links nowhere outside the site.

Built alone with the site's mkdocstrings settings (seconds); `make build` builds it with the
rest of the site, also strictly.
"""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


class Loader(yaml.SafeLoader):
    """mkdocs.yml with its ``!ENV`` values left out (they are for the whole site)."""


Loader.add_constructor("!ENV", lambda loader, node: None)


def test_api_page_builds_strictly_with_no_external_url(tmp_path):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "mkdocstrings" in p)
    plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(ROOT)]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text((ROOT / "docs" / "api.md").read_text())
    minimal = {"site_name": "api", "strict": True, "theme": {"name": "material", "font": False},
               "plugins": [plugin], "markdown_extensions": ["admonition", {"toc": {"permalink": True}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(minimal))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "index.html").read_text()
    article = page[page.index("<article"):page.index("</article>")]
    for name in ("load", "from_sklearn", "from_torch", "from_state_dict", "show", "Network", "Layer",
                 "plane_through", "slice_layer", "partition_2d", "Partition"):
        assert re.search(rf'id="neuron_tutorial\.[\w.]*\b{name}"', article), name
    assert not re.findall(r"(?:src|href)=\"(?:https?:)?//", article)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["nav"]
    pages = [next(iter(entry.values())) for entry in nav]
    assert pages.index("api.md") == pages.index("09-your-own-layer.ipynb") + 1
