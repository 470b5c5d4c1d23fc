"""The plugin boundary, both ways (docs/plugins.md, DESIGN "The plugin API").

1. The bundled plugins and the examples are written against the public API only, as a third party would: no
   import of a private `anthropic._*` module (`anthropic._types`, `anthropic.resources._helpers`, ...).
2. The core names no plugin package: `anthropic_plugin_*` appears in no import and no string of the core; the 0.74.0
   paths resolve through what plugins register. The only exception: imports that type checkers alone read (under
   `if TYPE_CHECKING:`) in the 0.74.0 modules that plugins serve, so that they see the plugins' real types.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_ONLY = ("packages/bedrock", "packages/vertex", "packages/foundry", "packages/tools", "packages/otel", "examples")
CORE = ROOT / "packages" / "core" / "src" / "anthropic"
PLUGIN_PREFIX = "anthropic_plugin_"

# Core files allowed to import a plugin package, only inside `if TYPE_CHECKING:` (pyright has no other way to see
# the real classes behind a name the plugin host serves at run time).
TYPE_CHECKING_ONLY = {
    "lib/bedrock.py": {"anthropic_plugin_bedrock"},
    "lib/vertex.py": {"anthropic_plugin_vertex"},
    "lib/foundry.py": {"anthropic_plugin_foundry"},
    "lib/tools/__init__.py": {"anthropic_plugin_tools", "anthropic_plugin_tools.resource"},
}


def _python_files(folder: Path) -> list[Path]:
    skipped = {".venv", "__pycache__", "build", "dist", "node_modules"}
    return sorted(p for p in folder.rglob("*.py") if not skipped & set(p.relative_to(folder).parts))


def _imported_modules(node: ast.AST) -> list[str]:
    """The absolute modules an import statement names (`from anthropic import _types` names `anthropic._types`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return []


def _dynamic_imports(node: ast.AST) -> list[str]:
    """String literals given to `importlib.import_module(...)` / `__import__(...)`."""
    if not isinstance(node, ast.Call) or not node.args:
        return []
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    first = node.args[0]
    if name in ("import_module", "__import__") and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [first.value]
    return []


def _is_private_anthropic(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "anthropic" and any(part.startswith("_") for part in parts[1:])


def _private_imports(path: Path, root: Path = ROOT) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        for module in (*_imported_modules(node), *_dynamic_imports(node)):
            if _is_private_anthropic(module):
                yield f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}: {module}"


@pytest.mark.parametrize("folder", PUBLIC_ONLY)
def test_plugins_and_examples_import_no_private_anthropic_module(folder: str) -> None:
    files = _python_files(ROOT / folder)
    assert files, f"nothing to scan under {folder}"
    found = [hit for path in files for hit in _private_imports(path)]
    assert found == [], "private anthropic modules imported (use anthropic.plugins or a public path):\n" + "\n".join(
        found
    )


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside the body of an `if TYPE_CHECKING:` (not its `else:`)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.body:
                inside.update(id(child) for child in ast.walk(statement))
    return inside


def _plugin_mentions(path: Path, core: Path = CORE) -> Iterator[str]:
    relative = path.relative_to(core).as_posix()
    allowed = TYPE_CHECKING_ONLY.get(relative, set())
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    type_checking = _type_checking_nodes(tree)
    for node in ast.walk(tree):
        where = f"anthropic/{relative}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in names:
                if not module.startswith(PLUGIN_PREFIX):
                    continue
                if module in allowed and id(node) in type_checking:
                    continue
                yield f"{where}: imports {module}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and PLUGIN_PREFIX in node.value:
            yield f"{where}: names {PLUGIN_PREFIX}... in a string: {node.value[:80]!r}"


def test_core_names_no_plugin_package() -> None:
    files = _python_files(CORE)
    assert len(files) > 50
    found = [hit for path in files for hit in _plugin_mentions(path)]
    assert found == [], "the core names plugin packages (resolve through the plugin host instead):\n" + "\n".join(
        found
    )


def test_the_type_checking_exceptions_are_still_needed() -> None:
    """Each listed exception exists (a stale entry would silently widen what the check allows)."""
    for relative, modules in TYPE_CHECKING_ONLY.items():
        tree = ast.parse((CORE / relative).read_text(encoding="utf-8"))
        inside = _type_checking_nodes(tree)
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and id(node) in inside and node.module
        }
        assert modules <= imported, (relative, modules - imported)


# -- the scanners themselves catch what they must ------------------------------------------------------------------


def test_private_import_scanner(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import anthropic\n"
        "import anthropic.types.beta\n"
        "from anthropic.plugins import hookimpl\n"
        "from anthropic.lib.streaming import MessageStream\n"
        "from .local import _x\n"
        "from anthropic import _types\n"
        "from anthropic._types import Body\n"
        "import anthropic.resources._helpers\n"
        "from anthropic.types._common import SequenceNotStr\n"
        "import importlib\n"
        "importlib.import_module('anthropic._request')\n",
        encoding="utf-8",
    )
    hits = {hit.split(": ", 1)[1] for hit in _private_imports(sample, tmp_path)}
    assert hits == {
        "anthropic._types",
        "anthropic._types.Body",
        "anthropic.resources._helpers",
        "anthropic.types._common",
        "anthropic.types._common.SequenceNotStr",
        "anthropic._request",
    }


def test_plugin_mention_scanner(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    allowed = tmp_path / "lib" / "bedrock.py"
    allowed.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from anthropic_plugin_bedrock import AnthropicBedrock\n"
        "else:\n"
        "    from anthropic_plugin_bedrock import AsyncAnthropicBedrock\n"
        "import anthropic_plugin_vertex\n",
        encoding="utf-8",
    )
    other = tmp_path / "host.py"
    other.write_text(
        '"""Served by anthropic_plugin_tools."""\n'
        "import typing\n"
        "if typing.TYPE_CHECKING:\n"
        "    from anthropic_plugin_tools import beta_tool\n"
        "TARGET = 'anthropic_plugin_x.client:X'\n",
        encoding="utf-8",
    )
    assert sorted(hit.split(": ", 1)[1] for hit in _plugin_mentions(allowed, tmp_path)) == [
        "imports anthropic_plugin_bedrock",  # the else branch runs at run time
        "imports anthropic_plugin_vertex",
    ]
    found = [hit.split(": ", 1)[1] for hit in _plugin_mentions(other, tmp_path)]
    assert len(found) == 3 and "imports anthropic_plugin_tools" in found, found
