"""Type-checking parity with the official SDK 0.74.0: pyright must report the same errors on user code.

`snippets/` holds typed user code (valid calls with `assert_type`, and wrong calls marked `# expect-error`).
One pyright run checks it against this workspace; the result must equal `expected_errors.json`, what pyright
reports with the official 0.74.0 (written by `regenerate.py`), as `(line, rule)` pairs per file.

Deliberate differences are marked on their line: `# official-only: <rule>` means 0.74.0 reports that error and
this SDK, on purpose, does not (each is listed in docs/compatibility.md).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

# Loaded by path under a unique name: other test folders have a `regenerate.py` too.
_spec = importlib.util.spec_from_file_location("_typing_parity_regenerate", Path(__file__).with_name("regenerate.py"))
assert _spec is not None and _spec.loader is not None
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)

# One pyright process over a dozen files: a few seconds idle, well under this on a loaded 2-core machine.
pytestmark = pytest.mark.timeout(90)

_OFFICIAL_ONLY = re.compile(r"#\s*official-only:\s*(\w+)")

Errors = dict[str, list[tuple[int, str]]]


@pytest.fixture(scope="module")
def ours() -> Errors:
    return regenerate.run_pyright(sys.executable, timeout=85)


@pytest.fixture(scope="module")
def expected() -> Errors:
    versions, files = regenerate.load_expected()
    installed = version("pyright")
    if versions["pyright"] != installed:
        pytest.fail(
            f"expected_errors.json was made with pyright {versions['pyright']}, this environment has {installed}: "
            "run `uv run --frozen python tests/typing/regenerate.py`"
        )
    return files


def official_only_lines() -> dict[str, list[tuple[int, str]]]:
    """`(line, rule)` of every `# official-only: <rule>` marker, per snippet file."""
    found: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(regenerate.SNIPPETS.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = _OFFICIAL_ONLY.search(line)
            if match:
                found.setdefault(regenerate.snippet_name(path), []).append((number, match.group(1)))
    return found


def test_expectations_cover_every_snippet(expected: Errors) -> None:
    names = sorted(regenerate.snippet_name(p) for p in regenerate.SNIPPETS.glob("*.py"))
    assert sorted(expected) == names, "snippets changed: run `uv run --frozen python tests/typing/regenerate.py`"


def test_official_only_markers_are_true(expected: Errors) -> None:
    """A marker must name an error that 0.74.0 really reports there (else it hides nothing and must go)."""
    stale = [
        f"{name}:{line} {rule}"
        for name, marks in official_only_lines().items()
        for line, rule in marks
        if (line, rule) not in expected.get(name, [])
    ]
    assert not stale, f"official-only markers with no such 0.74.0 error: {stale}"


def test_marked_wrong_calls_are_errors(ours: Errors, expected: Errors) -> None:
    """Every `# expect-error` line is an error, here and with 0.74.0 (the snippets test what they claim)."""
    for side, errors in (("this SDK", ours), ("0.74.0", expected)):
        missed = [
            f"{name}:{line}"
            for name, lines in regenerate.marked_lines().items()
            for line in lines
            if line not in {found for found, _ in errors.get(name, [])}
        ]
        assert not missed, f"pyright reports no error with {side} on: {missed}"


def test_same_errors_as_official(ours: Errors, expected: Errors) -> None:
    deliberate = official_only_lines()
    differences: list[str] = []
    for name in sorted(set(ours) | set(expected)):
        want = set(expected.get(name, [])) - set(deliberate.get(name, []))
        got = set(ours.get(name, []))
        differences += [f"{name}:{line} only 0.74.0 reports {rule}" for line, rule in sorted(want - got)]
        differences += [f"{name}:{line} only this SDK reports {rule}" for line, rule in sorted(got - want)]
    assert not differences, "pyright results differ from 0.74.0:\n" + "\n".join(differences)


def test_official_errors_only_on_marked_lines(expected: Errors) -> None:
    """The unmarked snippet lines are valid code for 0.74.0, so any error there is a typing difference of ours."""
    marked = regenerate.marked_lines()
    deliberate = official_only_lines()
    stray = [
        f"{name}:{line} {rule}"
        for name, errors in expected.items()
        for line, rule in errors
        if line not in marked.get(name, []) and (line, rule) not in deliberate.get(name, [])
    ]
    assert not stray, f"0.74.0 reports errors on lines not marked `# expect-error`: {stray}"
