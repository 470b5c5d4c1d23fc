"""Every hook of `anthropic._plugins.hookspecs` is documented in docs/plugins.md (a heading with its exact signature,
`name(arg, ...)`) and exercised by a test (a function `test_hook_<name>...` somewhere under tests/); the page
documents no hook that does not exist."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from anthropic._plugins import hookspecs

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "plugins.md"
TESTS = ROOT / "tests"


def hooks(module: Any = hookspecs) -> dict[str, Callable[..., Any]]:
    """The hook specifications of a module (functions marked by its `hookspec` marker)."""
    marker = f"{hookspecs.PROJECT_NAME}_spec"
    return {name: fn for name, fn in vars(module).items() if callable(fn) and hasattr(fn, marker)}


def signature(name: str, fn: Callable[..., Any]) -> str:
    return f"{name}({', '.join(inspect.signature(fn).parameters)})"


def undocumented(specs: Mapping[str, Callable[..., Any]], doc: str) -> list[str]:
    """Hooks without a Markdown heading that shows their exact signature."""
    headings = [line for line in doc.splitlines() if line.startswith("#")]
    return sorted(n for n, fn in specs.items() if not any(signature(n, fn) in h for h in headings))


def unknown_documented(specs: Mapping[str, Callable[..., Any]], doc: str) -> list[str]:
    """Hook headings (`### \\`name(...)\\``) of the page's Hooks section that name no hook."""
    section = doc.split("\n## Hooks\n", 1)[-1].split("\n## ", 1)[0]
    return sorted(set(re.findall(r"^###\s+`(\w+)\(", section, re.M)) - set(specs))


def untested(specs: Iterable[str], sources: Iterable[str]) -> list[str]:
    """Hooks that no `def test_hook_<name>` (or `test_hook_<name>_...`) exercises."""
    text = "\n".join(sources)
    return sorted(n for n in specs if not re.search(rf"def test_hook_{n}(?:_\w*)?\(", text))


def _test_sources() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py")]


def test_the_hookspecs_are_found() -> None:
    assert {"register_platforms", "client_request_transformers", "register_exports", "extend_resources"} <= set(hooks())


def test_every_hook_is_documented_with_its_signature() -> None:
    assert undocumented(hooks(), DOC.read_text(encoding="utf-8")) == []


def test_the_page_documents_only_hooks_that_exist() -> None:
    assert unknown_documented(hooks(), DOC.read_text(encoding="utf-8")) == []


def test_every_hook_is_exercised_by_a_test() -> None:
    assert untested(hooks(), _test_sources()) == []


def test_the_checks_catch_what_they_are_for() -> None:
    """The checks above can fail: a hook without a heading, a stale heading, a hook without a test."""

    def new_hook(config: object, extra: object) -> None: ...

    specs = {**hooks(), "new_hook": new_hook}
    doc = DOC.read_text(encoding="utf-8")
    assert undocumented(specs, doc) == ["new_hook"]
    assert undocumented(specs, doc + "\n### `new_hook(config)`\n") == ["new_hook"]  # the signature must be exact
    assert undocumented(specs, doc + "\n### `new_hook(config, extra)`\n") == []
    assert unknown_documented(hooks(), doc.replace("## Hooks\n", "## Hooks\n\n### `gone_hook(config)`\n", 1)) == [
        "gone_hook"
    ]
    assert untested(specs, _test_sources()) == ["new_hook"]
    a_test = "def " + "test_hook_new_hook_runs(anthropic_server):"  # split: this file is one of the sources
    assert untested(specs, [a_test]) == sorted(hooks())
