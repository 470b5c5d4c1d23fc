"""Shared pieces of the reliability suite: the targets (platforms) under test, fast retries, pool inspection.

A `Target` says how to build a client of one platform against the fake server and how that platform answers a
Messages request (JSON body, streamed body). The fault matrix and the soak test run over `TARGETS`; platform
helpers add their own `Target` (e.g. Bedrock with an AWS eventstream `stream_reply`) and every case runs for it.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

import anthropic
from anthropic.testing import Reply
from anthropic.testing._script import MessageScript

API_KEY = "sk-ant-api03-RELIABILITYsecretKEY0123456789abcdefXYZ"
AUTH_TOKEN = "tok-RELIABILITY-bearer-0123456789abcdefXYZ"

PARAMS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hello"}],
}
MAX_RETRIES = 2
TEXT = "The quick brown fox jumps over the lazy dog"


def message_json(text: str = TEXT) -> dict[str, Any]:
    """A realistic Message document (what a JSON reply carries)."""
    return MessageScript(text=text).build(PARAMS)


def message_events(text: str = TEXT, deltas: int | None = None) -> list[Any]:
    """The SSE events that stream `message_json(text)`; `deltas` caps the number of text deltas (big texts)."""
    script = MessageScript(text=text if deltas is None else "x")
    events = script.events(script.build(PARAMS))
    if deltas is None:
        return events
    first = next(i for i, e in enumerate(events) if e[0] == "content_block_delta")
    last = max(i for i, e in enumerate(events) if e[0] == "content_block_delta")
    size = -(-len(text) // deltas)
    pieces = [
        (
            "content_block_delta",
            {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": text[i : i + size]}},
        )
        for i in range(0, len(text), size)
    ]
    return [*events[:first], *pieces, *events[last + 1 :]]


@dataclass(frozen=True)
class Target:
    """One platform under test."""

    name: str
    sync_client: Callable[..., anthropic.Anthropic]
    async_client: Callable[..., anthropic.AsyncAnthropic]
    json_reply: Callable[[dict[str, Any]], Reply]
    """The platform's successful non-streamed answer carrying a Message document."""
    stream_reply: Callable[[list[Any]], Reply]
    """The platform's successful streamed answer carrying these events (chunked, one write per event)."""


def _first_party_sync(base_url: str, **options: Any) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key=API_KEY, base_url=base_url, **options)


def _first_party_async(base_url: str, **options: Any) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(api_key=API_KEY, base_url=base_url, **options)


FIRST_PARTY = Target(
    name="firstparty",
    sync_client=_first_party_sync,
    async_client=_first_party_async,
    json_reply=Reply.json,
    stream_reply=Reply.sse,
)

TARGETS: list[Target] = [FIRST_PARTY]
"""Platforms the matrix runs over; platform helpers append theirs (Bedrock, Vertex, Foundry)."""


# -- fast retries --------------------------------------------------------------------------------------------


class RetryClock:
    """Replaces the backoff in `anthropic._transport` with a scaled-down one and counts the sleeps (= retries).

    The server's own hints (retry-after-ms / retry-after <= 60 s) are honoured unchanged so the matrix checks them;
    only the exponential backoff (0.5 s, 1 s, ...) is divided by `scale` to keep the suite fast.
    """

    def __init__(self, scale: float = 50.0) -> None:
        from anthropic import _retry

        self._real = _retry.retry_delay
        self._parse = _retry.parse_retry_after
        self.scale = scale
        self.delays: list[float] = []

    def __call__(self, retries_taken: int, headers: Any = None) -> float:
        delay = self._real(retries_taken, headers)
        hint = self._parse(headers)
        if hint is None or not 0 < hint <= 60:
            delay /= self.scale
        self.delays.append(delay)
        return delay


# -- pools, fds ----------------------------------------------------------------------------------------------


def pool_of(client: anthropic.Anthropic | anthropic.AsyncAnthropic) -> Any:
    """The httpcore connection pool behind a client built with the default httpx client."""
    return client._client._transport._pool  # pyright: ignore


def pool_summary(client: anthropic.Anthropic | anthropic.AsyncAnthropic) -> dict[str, int]:
    """How many pooled connections are idle, active (a request holds them) or closed, and queued requests."""
    pool = pool_of(client)
    summary = {"idle": 0, "active": 0, "closed": 0, "requests": len(pool._requests)}
    for conn in pool.connections:
        if conn.is_closed():
            summary["closed"] += 1
        elif conn.is_idle():
            summary["idle"] += 1
        else:
            summary["active"] += 1
    return summary


def assert_pool_released(client: anthropic.Anthropic | anthropic.AsyncAnthropic, *, kept: bool | None = None) -> None:
    """No connection is still held by a request; `kept=True`: one idle connection is back in the pool for reuse;
    `kept=False`: the broken connection was closed and dropped (nothing open remains)."""
    summary = pool_summary(client)
    assert summary["active"] == 0, summary
    assert summary["requests"] == 0, summary
    if kept is True:
        assert summary["idle"] == 1, summary
    elif kept is False:
        assert summary["idle"] == 0, summary


def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return predicate()


def open_fds() -> int:
    """Open file descriptors of this process (Linux /proc, macOS /dev/fd)."""
    for path in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(path):
            return len(os.listdir(path))
    raise RuntimeError("cannot count file descriptors on this system")


def closed_port() -> int:
    """A local port nothing listens on (bound then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tiny_timeout(read: float = 0.3) -> httpx.Timeout:
    return httpx.Timeout(read, connect=1.0)
