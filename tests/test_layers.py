"""Imports flow one way: no module of ``macros`` imports a higher layer than its own (``macros.LAYERS``).

The order is what lets another generator drive the core and keeps a page from depending on how it is
built. Every import counts, also one inside a function (made late to spare a heavy library) or under
``TYPE_CHECKING`` (which mypy follows), since either ties the lower module to the higher one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import macros
from macros import LAYERS

pytestmark = pytest.mark.unit

PACKAGE = Path(macros.__file__).parent
ENTRY_POINTS = ("__init__", "__main__")  # define_env and python -m macros: above every layer
GENERATOR = ("mkdocs", "material", "mkdocs_macros")


@dataclass(frozen=True)
class Import:
    file: str  # as shown: macros/exports/common.py
    line: int
    target: str  # the dotted module named, resolved: macros.site.views


def top_name(parts: tuple[str, ...]) -> str:
    """The top-level module or folder of the package that a dotted path (without ``macros``) falls in."""
    return parts[0].removesuffix(".py") if parts else "__init__"


def layer_of(name: str) -> int:
    return len(LAYERS) if name in ENTRY_POINTS else next(i for i, layer in enumerate(LAYERS) if name in layer)


def layer_label(name: str) -> str:
    rank = layer_of(name)
    return "điểm vào của gói" if rank == len(LAYERS) else f"tầng {rank + 1}/{len(LAYERS)}: {', '.join(LAYERS[rank])}"


def package_imports(root: Path) -> Iterator[Import]:
    """Every import of the package at ``root`` that names a module of the package, wherever it stands."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        package = (root.name, *relative.parent.parts)  # what a single dot names, for a module or an __init__.py
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            for target in _targets(node, root.name, package):
                yield Import(f"{root.name}/{relative.as_posix()}", node.lineno, target)


def _targets(node: ast.AST, name: str, package: tuple[str, ...]) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name == name or a.name.startswith(name + ".")]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = package[: len(package) - (node.level - 1)]
        module = ".".join((*base, *(node.module.split(".") if node.module else ())))
    else:
        module = node.module or ""
    if module == name:  # from . import urls, at the top of the package: each name is a module
        return [f"{name}.{a.name}" for a in node.names]
    return [module] if module.startswith(name + ".") else []


def imported_top(target: str) -> str:
    return top_name(tuple(target.split(".")[1:]))


def importer_top(file: str) -> str:
    return top_name(tuple(file.split("/")[1:]))


def upward_imports(root: Path) -> list[str]:
    """One line per import from a lower layer to a higher one: file:line, what, and the two layers."""
    found = []
    for imp in package_imports(root):
        source, target = importer_top(imp.file), imported_top(imp.target)
        if layer_of(target) > layer_of(source):
            found.append(
                f"{imp.file}:{imp.line}: {source} ({layer_label(source)}) nhập {imp.target} "
                f"thuộc {target} ({layer_label(target)}), tầng cao hơn"
            )
    return found


def test_no_module_imports_a_higher_layer():
    found = upward_imports(PACKAGE)
    assert not found, "Nhập ngược chiều các tầng (xem macros.LAYERS):\n" + "\n".join(found)


def test_every_module_of_the_package_has_a_layer_and_every_layer_exists():
    """A new folder must be placed in the order, or the test above would not know where it stands."""
    present = {top_name((p.name,)) for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()}
    named = {name for layer in LAYERS for name in layer}
    assert present - set(ENTRY_POINTS) - named == set(), "thêm vào macros.LAYERS"
    assert named - present == set(), "macros.LAYERS nêu tên không còn trong gói"


def test_only_the_glue_imports_the_generator():
    """The README's promise: ``mkdocs_glue/`` is the only code that knows MkDocs, Material or mkdocs-macros."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "mkdocs_glue":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and not node.level and node.module else []
            )
            found += [f"macros/{relative.as_posix()}:{node.lineno}: {n}" for n in names if n.split(".")[0] in GENERATOR]
    assert not found, "\n".join(found)


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_walk_finds_upward_imports_in_every_form(tmp_path):
    """A package shaped like macros, with an upward import at the top, in a function, under TYPE_CHECKING,
    two dots up, absolute, and ``from .. import`` naming a module: each one is reported with its file and line."""
    root = tmp_path / "macros"
    write(root, "__init__.py", "")
    write(root, "urls.py", "")
    write(root, "site/__init__.py", "")
    write(root, "site/views.py", "")
    write(root, "exports/__init__.py", "from ..site import views\n")
    write(root, "exports/late.py", "def f():\n    from ..site.views import x\n")
    write(root, "exports/typed.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..site import views\n")
    write(root, "exports/deep/inner.py", "\n\nfrom ...site.views import x\n")
    write(root, "plan/__init__.py", "import macros.urls\n")
    write(root, "progress/state.py", "from .. import urls, plan\n")
    write(root, "site/pages.py", "from ..exports import x\nfrom .. import urls\nfrom . import views\n")  # all downward
    found = upward_imports(root)
    assert [line.split(" ")[0] for line in found] == [
        "macros/exports/__init__.py:1:",
        "macros/exports/deep/inner.py:3:",
        "macros/exports/late.py:2:",
        "macros/exports/typed.py:3:",
        "macros/plan/__init__.py:1:",
        "macros/progress/state.py:1:",
    ]
    assert f"exports ({layer_label('exports')}) nhập macros.site thuộc site ({layer_label('site')})" in found[0]
    assert "nhập macros.urls thuộc urls" in found[-1]
