"""Shared by the `test_api_surface_*` tests: one test body drives a sync or an async client against the fake server."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import anthropic
from anthropic.testing import FakeAnthropicServer, RecordedRequest

API_KEY = "sk-test-key"


class Api:
    """A client of either kind bound to the fake server, with a private event loop for the async one.

    `api.run(x)` returns `x`, awaiting it first when it is awaitable, so `api.run(api.client.models.retrieve(...))`
    works for both kinds; `api.items(x)` collects an iterable or async iterable; `api.within(cm, fn)` enters a
    (sync or async) context manager and returns `fn(value)` (awaited when needed).
    """

    def __init__(self, kind: str, server: FakeAnthropicServer, **options: Any) -> None:
        self.kind = kind
        self.is_async = kind == "async"
        self.server = server
        self._loop = asyncio.new_event_loop() if self.is_async else None
        cls = anthropic.AsyncAnthropic if self.is_async else anthropic.Anthropic
        self.client: Any = cls(api_key=API_KEY, base_url=server.url, **options)

    def run(self, value: Any) -> Any:
        if inspect.isawaitable(value):
            assert self._loop is not None, "a sync client returned an awaitable"
            return self._loop.run_until_complete(_await(value))
        return value

    def items(self, iterable: Any) -> list[Any]:
        if hasattr(iterable, "__aiter__"):
            return self.run(_collect(iterable))
        return list(iterable)

    def within(self, manager: Any, fn: Callable[[Any], Any]) -> Any:
        if hasattr(manager, "__aenter__"):

            async def enter() -> Any:
                async with manager as value:
                    result = fn(value)
                    return await result if inspect.isawaitable(result) else result

            return self.run(enter())
        with manager as value:
            return self.run(fn(value))

    @property
    def last(self) -> RecordedRequest:
        return self.server.last_request

    def close(self) -> None:
        self.run(self.client.close())
        if self._loop is not None:
            self._loop.close()


async def _await(value: Any) -> Any:
    return await value


async def _collect(iterable: Any) -> list[Any]:
    return [item async for item in iterable]


def open_api(kind: str, server: FakeAnthropicServer) -> Iterator[Api]:
    """The body of each test module's `api` fixture (parametrised over "sync" and "async")."""
    client = Api(kind, server, max_retries=0)
    try:
        yield client
    finally:
        client.close()


def expect_request(
    request: RecordedRequest,
    method: str,
    path: str,
    query: dict[str, str] | None = None,
    *,
    beta: str | None = None,
    accept: str = "application/json",
) -> None:
    """Method, path, query (as a dict of single values), `anthropic-beta` (None: absent) and `Accept`."""
    assert request.method == method
    assert request.path == path
    assert {k: v[-1] for k, v in request.query.items()} == (query or {})
    assert all(len(v) == 1 for v in request.query.values())
    assert request.headers.get("anthropic-beta") == beta
    assert request.headers.get("accept") == accept
    assert request.headers.get("x-api-key") == API_KEY
    assert request.headers.get("anthropic-version") == "2023-06-01"


BATCH_REQUEST: dict[str, Any] = {
    "custom_id": "first",
    "params": {"model": "claude-sonnet-4-5", "max_tokens": 16, "messages": [{"role": "user", "content": "Hi"}]},
}
SKILL_MD = b"---\nname: greeter\ndescription: Says hello.\n---\nSay hello.\n"
