"""The widget pipeline: registry, deterministic HTML, staleness, BokehJS from the site, CLI."""

import hashlib
import re
import subprocess
import sys

import pytest

from neuron_tutorial.figures import WIDGETS
from neuron_tutorial.site import build


def test_registry_rows_are_complete():
    for name, widget in WIDGETS.items():
        assert widget.name == name and widget.title and widget.description
        assert widget.page.endswith((".md", ".ipynb"))
        assert any(p.name == f"{name}.js" for p in widget.sources())


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_same_inputs_give_byte_identical_html(name, tmp_path):
    first = build.render(name, tmp_path)
    WIDGETS[name].document()  # build other models in between: ids must not shift
    assert build.render(name, tmp_path) == first
    assert len(first.encode()) <= 150_000, "a widget's own HTML must stay under 150 KB"
    assert "cdn.bokeh.org" not in first
    assert re.findall(r'<script src="([^"]+)"', first) == [
        f"../{build.bokeh_dir().as_posix()}/js/{bundle}" for bundle in build.BOKEH_BUNDLES
    ]
    assert f'"nt/": "../{build.library_dir().as_posix()}/"' in first


def test_build_skips_up_to_date_widgets_and_copies_bokehjs_once(tmp_path):
    lines = []
    written = build.build(out=tmp_path, progress=lines.append)
    assert {p.name for p in written} == {f"{n}.html" for n in WIDGETS}
    assert all((tmp_path / build.bokeh_dir() / "js" / b).stat().st_size > 100_000
               for b in build.BOKEH_BUNDLES)
    assert build.build(out=tmp_path, progress=lines.append) == []
    assert sum("up to date" in line for line in lines) == len(WIDGETS)
    assert build.copy_bokehjs(tmp_path) == []


def test_asset_folders_are_named_by_content_and_old_versions_go(tmp_path):
    """A new BokehJS or library gets a new folder (so a year-long browser cache is safe)."""
    for folder in (build.bokeh_dir(), build.library_dir()):
        kind, digest = folder.name.split("-")
        assert folder.parent.name == "assets" and len(digest) == 10
    expected = hashlib.sha256()
    for path in sorted(build.LIBRARY.glob("*.js")):
        expected.update(path.name.encode() + b"\0" + path.read_bytes())
    assert build.library_dir().name == f"js-{expected.hexdigest()[:10]}"
    for old in ("assets/js/old.js", "assets/js-0123456789/old.js", "assets/bokeh/js/bokeh.min.js",
                "assets/bokeh-0123456789/js/bokeh.min.js"):
        (tmp_path / old).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / old).write_text("old")
    build.copy_bokehjs(tmp_path)
    build.copy_library(tmp_path)
    assert sorted(p.name for p in (tmp_path / "assets").iterdir()) == sorted(
        [build.bokeh_dir().name, build.library_dir().name])
    assert sorted(p.name for p in (tmp_path / build.library_dir()).iterdir()) == sorted(
        p.name for p in build.LIBRARY.glob("*.js"))


def test_build_refuses_unknown_names(tmp_path):
    with pytest.raises(ValueError, match="names must be widgets"):
        build.build(["nope"], out=tmp_path)


def test_command_line(tmp_path):
    run = [sys.executable, "-m", "neuron_tutorial"]
    listed = subprocess.run(run + ["list"], capture_output=True, text=True, check=True).stdout
    assert all(name in listed for name in WIDGETS)
    out = subprocess.run(run + ["build", "neurons_1d", "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    assert "neurons_1d: wrote" in out and (tmp_path / "widgets/neurons_1d.html").exists()
    bad = subprocess.run(run + ["build", "nope", "--out", str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown" in bad.stderr
    assert "usage" in subprocess.run(run + ["--help"], capture_output=True, text=True).stdout


# `function f(` and `const f = (...) =>` at the start of a line, exported or not.
FUNCTION = re.compile(r"(?:^|\n)\s*(?:export\s+)?(?:async\s+)?function\s+(\w+)"
                      r"|(?:^|\n)\s*(?:export\s+)?const\s+(\w+)\s*=\s*(?:\([^)]*\)|\w+)\s*=>")
IMPORT = re.compile(r'from\s+"nt/(\w+\.js)"')


def shipped_code(html: str) -> list[str]:
    """Every piece of JavaScript a widget page runs besides BokehJS: its inline callbacks and the
    library modules they import (transitively), each module once, as the browser loads them."""
    library = build.LIBRARY
    inline = [s.encode().decode("unicode_escape") for s in re.findall(r'"code":"((?:[^"\\]|\\.)*)"', html)]
    modules, todo = set(), [m for code in inline for m in IMPORT.findall(code)]
    while todo:
        name = todo.pop()
        if name not in modules:
            modules.add(name)
            todo += re.findall(r'from\s+"\./(\w+\.js)"', (library / name).read_text())
    return inline + [(library / name).read_text() for name in sorted(modules)]


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_no_function_is_shipped_twice_in_a_widget_page(name, tmp_path):
    defined = []
    for code in shipped_code(build.render(name, tmp_path)):
        defined += [a or b for a, b in FUNCTION.findall(code)]
    twice = sorted({f for f in defined if defined.count(f) > 1})
    assert twice == [], f"{name} defines {twice} more than once"


@pytest.mark.parametrize("name", ["regions_2d", "dissection"])
def test_a_figure_stays_under_100_kb(tmp_path, name):
    assert len(build.render(name, tmp_path).encode()) <= 100_000


def test_a_widget_page_preloads_every_library_module_its_callbacks_import(tmp_path):
    """The closure through the modules' own imports, found independently by following them."""
    html = build.render("regions_2d", tmp_path)
    preloaded = re.findall(r'<link rel="modulepreload" href="\.\./assets/js-\w{10}/([a-z_0-9]+\.js)">', html)
    imported = set(re.findall(r'nt/([a-z_0-9]+\.js)', html))
    assert {"partition.js", "theme.js"} <= imported
    closure, frontier = set(), set(imported)
    while frontier:
        name = frontier.pop()
        closure.add(name)
        imports = re.findall(r'from "\./([a-z_0-9]+\.js)"', (build.LIBRARY / name).read_text())
        frontier |= set(imports) - closure
    assert preloaded == sorted(closure)
    assert html.index("importmap") < html.index("modulepreload") < html.index("bokeh.min.js")
