"""Import paths stay lazy; sync and async clients expose the same methods.

Which names each import path offers is compared with the official wheel itself by tests/surface/.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any

import anthropic
from anthropic._resource import APIResource


def _imported_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        env={"ANTHROPIC_PLUGINS_AUTOLOAD": "0", "PATH": ""},
    )
    return {line for line in out.stdout.splitlines() if line.startswith("anthropic")}


def test_import_paths_stay_lazy() -> None:
    loaded = _imported_after("import anthropic")
    assert not {m for m in loaded if m.startswith(("anthropic.resources", "anthropic.pagination", "anthropic._files"))}
    loaded = _imported_after("import anthropic.resources.beta")
    assert {m for m in loaded if m.startswith("anthropic.resources.beta.")} == set()
    assert "anthropic.types.beta" not in loaded and "pydantic" not in _imported_after("import anthropic.resources.beta")
    loaded = _imported_after("import anthropic.lib")
    assert "anthropic.lib._files" not in loaded and "anthropic.lib.streaming" not in loaded


# -- sync / async parity ------------------------------------------------------------------------------------------


def _public(obj: Any) -> list[str]:
    return sorted(name for name in dir(type(obj)) if not name.startswith("_"))


def _params(func: Any) -> list[tuple[str, Any, Any, Any]]:
    params = list(inspect.signature(func).parameters.values())
    if params and params[0].name == "self":
        params = params[1:]
    return [(p.name, p.kind, repr(p.default), p.annotation) for p in params]


def _walk(sync: Any, async_: Any, path: str, out: list[str]) -> int:
    """Compare two resource trees; returns how many methods were compared."""
    names = _public(sync)
    assert names == _public(async_), path
    compared = 0
    for name in names:
        left, right = getattr(sync, name), getattr(async_, name)
        where = f"{path}.{name}"
        if isinstance(left, APIResource) or name in ("with_raw_response", "with_streaming_response"):
            assert type(right).__name__ in (
                f"Async{type(left).__name__}",
                type(left).__name__.replace("Anthropic", "AsyncAnthropic"),
            ), where
            compared += _walk(left, right, where, out)
        elif callable(left):
            assert callable(right), where
            if _params(left) != _params(right):
                out.append(where)
            compared += 1
    return compared


def test_sync_and_async_resources_have_the_same_methods() -> None:
    sync, async_ = anthropic.Anthropic(api_key="k"), anthropic.AsyncAnthropic(api_key="k")
    mismatches: list[str] = []
    compared = 0
    for root in ("completions", "messages", "models", "beta"):
        compared += _walk(getattr(sync, root), getattr(async_, root), root, mismatches)
        for view in ("with_raw_response", "with_streaming_response"):
            compared += _walk(
                getattr(getattr(sync, view), root), getattr(getattr(async_, view), root), f"{view}.{root}", []
            )
    assert mismatches == []
    assert compared >= 3 * 34


def test_client_level_methods_match() -> None:
    sync, async_ = anthropic.Anthropic(api_key="k"), anthropic.AsyncAnthropic(api_key="k")
    assert _public(sync) == _public(async_)
    for name in ("copy", "with_options", "get", "post", "patch", "put", "delete", "close"):
        left = [(n, k, d) for n, k, d, _ in _params(getattr(sync, name))]
        right = [(n, k, d) for n, k, d, _ in _params(getattr(async_, name))]
        assert left == right, name
        assert inspect.iscoroutinefunction(getattr(async_, name)) is (name not in ("copy", "with_options"))


def test_method_signatures_hide_self_and_show_parameters() -> None:
    client = anthropic.Anthropic(api_key="k")
    for method in (client.models.list, client.beta.files.download, client.messages.batches.results):
        params = list(inspect.signature(method).parameters)
        assert params[0] != "self" and "extra_headers" in params and "timeout" in params
