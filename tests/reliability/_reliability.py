"""Shared pieces of the reliability suite: the targets (platforms) under test, fast retries, pool inspection.

A `Target` says how to build a client of one platform against the fake server and how that platform answers a
Messages request (JSON body, streamed body). The fault matrix and the soak test run over `TARGETS`: the first
party, Bedrock (SigV4 with static keys, real AWS eventstream frames), Vertex (static bearer token, SSE) and
Foundry (API key, SSE).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from aws_eventstream import eventstream_reply, stream_frames

import anthropic
from anthropic._exceptions import StreamIncompleteError
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
GENEROUS_SECONDS = 30.0
"""Every wait that must succeed is bounded by this, never measured: a loaded 2-core machine is slow, not broken
(under pytest-timeout's 60 s, so a hang fails with the client's own error)."""
GENEROUS = httpx.Timeout(GENEROUS_SECONDS)
STALL = 600.0
"""How long a stalling fake-server reply waits: longer than any test, so only the client's timeout can end the read
(the server's stop at teardown ends the wait)."""
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
    status_errors: Mapping[int, type[anthropic.APIStatusError]] = field(default_factory=dict)
    """Where the platform's status mapping differs from the first party's (0.74.0: Bedrock and Vertex have no
    413 / 529 classes: 529 is an `InternalServerError`, 413 a plain `APIStatusError`)."""
    garbage_stream_error: type[anthropic.AnthropicError] = StreamIncompleteError
    """What a streamed call raises when the body is not the platform's stream format at all."""
    secrets: tuple[str, ...] = ()
    """The credentials this target's clients carry (must never show in logs, reprs or exception messages)."""


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
    secrets=(API_KEY,),
)


# -- platforms ------------------------------------------------------------------------------------------------
# Distinctive credentials (long enough that finding one in a text is never a coincidence).

AWS_REGION = "us-east-1"
AWS_ACCESS_KEY = "AKIARELIABILITY0KEY7"
AWS_SECRET_KEY = "RELIABILITYawsSECRET/K7MDENG+bPxRfiCYzz0123"
AWS_SESSION_TOKEN = "RELIABILITYawsSESSIONtoken+FwoGZXIvYXdzEXAMPLE0123"
VERTEX_TOKEN = "ya29.RELIABILITY-vertex-bearer-0123456789abcdef"
FOUNDRY_API_KEY = "RELIABILITYfoundryAPIkey0123456789abcdef"
AZURE_TOKEN = "eyJ0eXAiOiJKV1QiRELIABILITY.azure-ad-token-0123456789abcdef"


def bedrock_stream_reply(events: list[Any]) -> Reply:
    """Bedrock's streamed answer: each event a real AWS eventstream `chunk` frame, one write per frame."""
    return eventstream_reply(stream_frames([data for _, data in events]), per_frame=True)


def _bedrock_sync(base_url: str, **options: Any) -> anthropic.Anthropic:
    from anthropic_plugin_bedrock import AnthropicBedrock

    options.setdefault("aws_session_token", AWS_SESSION_TOKEN)
    return AnthropicBedrock(
        aws_access_key=AWS_ACCESS_KEY,
        aws_secret_key=AWS_SECRET_KEY,
        aws_region=AWS_REGION,
        base_url=base_url,
        **options,
    )


def _bedrock_async(base_url: str, **options: Any) -> anthropic.AsyncAnthropic:
    from anthropic_plugin_bedrock import AsyncAnthropicBedrock

    options.setdefault("aws_session_token", AWS_SESSION_TOKEN)
    return AsyncAnthropicBedrock(
        aws_access_key=AWS_ACCESS_KEY,
        aws_secret_key=AWS_SECRET_KEY,
        aws_region=AWS_REGION,
        base_url=base_url,
        **options,
    )


def _vertex_sync(base_url: str, **options: Any) -> anthropic.Anthropic:
    from anthropic_plugin_vertex import AnthropicVertex

    options.setdefault("access_token", VERTEX_TOKEN)
    return AnthropicVertex(region="us-east5", project_id="proj", base_url=f"{base_url}/v1", **options)


def _vertex_async(base_url: str, **options: Any) -> anthropic.AsyncAnthropic:
    from anthropic_plugin_vertex import AsyncAnthropicVertex

    options.setdefault("access_token", VERTEX_TOKEN)
    return AsyncAnthropicVertex(region="us-east5", project_id="proj", base_url=f"{base_url}/v1", **options)


def _foundry_sync(base_url: str, **options: Any) -> anthropic.Anthropic:
    from anthropic_plugin_foundry import AnthropicFoundry

    if "azure_ad_token_provider" not in options:
        options.setdefault("api_key", FOUNDRY_API_KEY)
    return AnthropicFoundry(base_url=base_url, **options)


def _foundry_async(base_url: str, **options: Any) -> anthropic.AsyncAnthropic:
    from anthropic_plugin_foundry import AsyncAnthropicFoundry

    if "azure_ad_token_provider" not in options:
        options.setdefault("api_key", FOUNDRY_API_KEY)
    return AsyncAnthropicFoundry(base_url=base_url, **options)


_NO_413_529: dict[int, type[anthropic.APIStatusError]] = {
    413: anthropic.APIStatusError,
    529: anthropic.InternalServerError,
}

BEDROCK = Target(
    name="bedrock",
    sync_client=_bedrock_sync,
    async_client=_bedrock_async,
    json_reply=Reply.json,
    stream_reply=bedrock_stream_reply,
    status_errors=_NO_413_529,
    # Text that is not eventstream fails the frame checks (prelude length / CRC) in the decoder.
    garbage_stream_error=anthropic.APIResponseValidationError,
    secrets=(AWS_SECRET_KEY, AWS_SESSION_TOKEN),
)
VERTEX = Target(
    name="vertex",
    sync_client=_vertex_sync,
    async_client=_vertex_async,
    json_reply=Reply.json,
    stream_reply=Reply.sse,
    status_errors=_NO_413_529,
    secrets=(VERTEX_TOKEN,),
)
FOUNDRY = Target(
    name="foundry",
    sync_client=_foundry_sync,
    async_client=_foundry_async,
    json_reply=Reply.json,
    stream_reply=Reply.sse,
    secrets=(FOUNDRY_API_KEY,),
)

PLATFORMS: list[Target] = [BEDROCK, VERTEX, FOUNDRY]
TARGETS: list[Target] = [FIRST_PARTY, *PLATFORMS]
"""Platforms the matrix and the soak run over."""


# -- secrets --------------------------------------------------------------------------------------------------


def exception_texts(exc: BaseException, *, displayed: bool = False) -> str:
    """str/repr of an exception and of everything chained to it (what a traceback or error tracker shows).

    `displayed=True`: follow `__context__` only where a traceback prints it (not after `raise ... from None`);
    by default every chained exception counts, even one only reachable through a suppressed `__context__`."""
    parts: list[str] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        parts += [str(current), repr(current)]
        response = getattr(current, "response", None)
        if response is not None:
            parts.append(repr(response))
        request = getattr(current, "request", None)
        if request is not None:
            parts.append(repr(request))
        todo.append(current.__cause__)
        if not (displayed and current.__suppress_context__):
            todo.append(current.__context__)
    return "\n".join(parts)


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


def wait_until(predicate: Callable[[], bool], timeout: float = GENEROUS_SECONDS) -> bool:
    """Poll `predicate` until it holds; `timeout` is a failure bound only (it returns as soon as it holds)."""
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
    """A short `read` timeout (to provoke a timeout from a server that stalls for `STALL`); connect, write and
    pool stay generous, so a busy machine can slow a connection down but never turn it into a timeout."""
    return httpx.Timeout(GENEROUS_SECONDS, read=read)
