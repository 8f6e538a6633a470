"""The house rules: floors are folders and imports point down them, never up or sideways.

Floor 1 is the package root (the mathematics, numpy only), floor 2 is ``figures/`` (with
``figures/kit/`` for what figures share), floor 3 is ``site/`` (the only writers). Each
module's floor comes from its folder, so a new module is checked without editing this file.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "neuron_tutorial"
# Folders (and the package's entry point) above floor 1; every other module is floor 1.
FLOORS = {"figures": 2, "site": 3, "__main__": 3}
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor_of(name: str) -> int:
    parts = name.split(".")[1:]
    return FLOORS.get(parts[0], 1) if parts else 1


def package_imports(path: Path) -> set[str]:
    """The modules of this package that ``path`` imports, as absolute dotted names."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            stem = ".".join(base + ([node.module] if node.module else []))
            # `from . import x` imports submodule x when one exists.
            for alias in node.names:
                candidate = f"{stem}.{alias.name}"
                names.add(candidate if _exists(candidate) else stem)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("neuron_tutorial"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("neuron_tutorial")}
    return names


def _exists(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def external_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add((node.module or "").split(".")[0])
    return names - {"neuron_tutorial"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_floors(path):
    here = floor_of(module_name(path))
    for name in package_imports(path):
        assert floor_of(name) <= here, f"{module_name(path)} (floor {here}) imports {name} ({floor_of(name)})"


@pytest.mark.parametrize("path", [p for p in MODULES if floor_of(module_name(p)) == 1],
                         ids=lambda p: p.name)
def test_floor_1_imports_only_numpy(path):
    allowed = {"numpy", "__future__", "dataclasses", "math", "pathlib", "typing", "sklearn", "fractions"}
    # The loaders read files and frameworks' objects: torch and joblib only inside their functions.
    extras = {"loaders.py": {"collections", "pickle", "re", "torch", "joblib"},
              "__init__.py": {"importlib", "tomllib"}}
    assert external_imports(path) <= allowed | extras.get(path.name, set()), path


def test_a_figure_never_imports_a_sibling_figure():
    figures = {module_name(p) for p in (PACKAGE / "figures").glob("*.py")} - {"neuron_tutorial.figures"}
    for path in (PACKAGE / "figures").glob("*.py"):
        if path.name in ("registry.py", "__init__.py"):
            continue
        siblings = package_imports(path) & figures
        assert not siblings, f"{path.name} imports sibling figures {siblings}: move what they share to kit/"


def test_no_module_imports_one_that_imports_it_back():
    # Packages' __init__ files only re-export what lies below them: leave them out of the loops.
    graph = {module_name(p): package_imports(p) for p in MODULES if p.name != "__init__.py"}

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert [m for m in graph if m in reachable(m)] == []


def test_importing_the_package_loads_no_bokeh():
    code = "import sys, neuron_tutorial; print('bokeh' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_no_source_file_is_over_300_lines():
    for path in list(PACKAGE.rglob("*.py")) + list(PACKAGE.rglob("*.js")):
        assert len(path.read_text().splitlines()) <= 300, path
