"""Shared helpers for the ecosystem tests: third-party libraries, unchanged, against the fake Anthropic API.

`.ci/ecosystem.sh` runs this folder in a venv holding our `anthropic` (default) or the official 0.74.0
(`.ci/ecosystem.sh official`, `ECOSYSTEM_TARGET=official`): a scenario that passes on the official package and
fails on ours is an SDK bug, one that fails on both is a scenario bug.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

TARGET = os.environ.get("ECOSYSTEM_TARGET", "ours")
API_KEY = "sk-ant-ecosystem-test-key"
MODEL = "claude-sonnet-4-5"
# `retry-after-ms` makes both SDKs retry after 10 ms instead of their ~0.5 s backoff.
FAST_RETRY = {"retry-after-ms": "10"}
REPO = Path(__file__).resolve().parent.parent


def _load_fake_api() -> ModuleType:
    """`anthropic.testing` of ours; with the official package (which has none), the same code loaded from source."""
    if TARGET == "ours":
        import anthropic.testing

        return anthropic.testing
    source = REPO / "packages" / "core" / "src" / "anthropic" / "testing"
    spec = importlib.util.spec_from_file_location(
        "_ecosystem_fake_api", source / "__init__.py", submodule_search_locations=[str(source)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fake = _load_fake_api()
Reply = fake.Reply


def check_messages_request(request: Any, *, stream: bool | None = None, beta: bool = False) -> dict[str, Any]:
    """Assert what every Messages call must carry on the wire; returns the JSON body for more checks."""
    assert request.method == "POST"
    assert request.path == "/v1/messages"
    assert request.query_string == ("beta=true" if beta else "")
    assert request.headers["x-api-key"] == API_KEY
    assert "authorization" not in request.headers
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.headers["content-type"].startswith("application/json")
    assert request.headers["x-stainless-lang"] == "python"
    body = request.json()
    assert isinstance(body["max_tokens"], int)
    assert isinstance(body["messages"], list)
    if stream is not None:
        assert bool(body.get("stream")) is stream, body.get("stream")
    return body


def user_text(message: dict[str, Any]) -> str:
    """The text of a request message whose content is a string or a list of blocks."""
    assert message["role"] == "user"
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(block["text"] for block in content if block["type"] == "text")


def tool_result_of(body: dict[str, Any]) -> dict[str, Any]:
    """The single tool_result block of the last message of a request body (the result sent back)."""
    last = body["messages"][-1]
    assert last["role"] == "user"
    results = [block for block in last["content"] if block["type"] == "tool_result"]
    assert len(results) == 1, last
    return results[0]


def result_text(block: dict[str, Any]) -> str:
    """A tool_result's content, whether a string or text blocks."""
    content = block["content"]
    if isinstance(content, str):
        return content
    return "".join(part["text"] for part in content if part["type"] == "text")


def enqueue_echo(server: Any, count: int = 4) -> None:
    """Queue `count` answers "echo: <last user text>" (JSON or SSE), so a retried request still gets its own answer."""

    def answer(request: Any) -> Any:
        return Reply.message(f"echo: {user_text(request.json()['messages'][-1])}")(request)

    server.enqueue(*[answer] * count, path="/v1/messages", method="POST")


def last_user_texts(server: Any) -> list[str]:
    """The last user message text of each recorded Messages request, in order."""
    return [user_text(request.json()["messages"][-1]) for request in server.requests]
