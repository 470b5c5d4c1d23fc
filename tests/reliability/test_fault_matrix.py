"""Fault matrix: every server fault x {sync, async} x {create, stream, stream helper} x platform, over real HTTP.

Each case checks three things: the exception is an `anthropic` exception of the expected class (or the call
succeeds), how many attempts reached the server (and how many retries the client slept for), and that the pool
holds no connection hostage (broken connections closed, healthy ones idle and reused). Afterwards the same client
must still work. Nothing is timed: every timeout is a generous failure bound, except the short read timeout of the
timeout faults, whose server stalls for `STALL` (far longer than any test), so only the client's timeout can end
the read, however slow the machine. Backoff is scaled down (server `retry-after` hints are honoured as sent) so the
whole matrix runs in seconds; pytest-timeout bounds every case.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from _reliability import (
    FIRST_PARTY,
    GENEROUS,
    GENEROUS_SECONDS,
    MAX_RETRIES,
    PARAMS,
    STALL,
    TARGETS,
    TEXT,
    RetryClock,
    Target,
    assert_pool_released,
    closed_port,
    message_events,
    message_json,
    tiny_timeout,
    wait_until,
)

import anthropic
from anthropic._exceptions import OverloadedError, RequestTooLargeError, StreamIncompleteError
from anthropic.testing import FakeAnthropicServer, Reply

READ = 0.3
"""Read timeout of the timeout faults only (their server stalls for `STALL`); every other call waits `GENEROUS`."""
ATTEMPTS = MAX_RETRIES + 1
BIG_TEXT = "lorem ipsum " * 350_000  # ~4 MB of text in one content block


# -- what a case is -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    error: type[anthropic.AnthropicError] | None
    """The exception class (exact), or None when the call must succeed."""
    attempts: int
    """Requests the server must have received (0 when it is unreachable)."""
    kept: bool | None
    """After the call: True = the connection is idle in the pool; False = it was closed; None = either."""
    retries: int | None = None
    """Backoff sleeps the client took (defaults to attempts - 1)."""
    status: int | None = None
    delays: tuple[float, ...] | None = None
    """Exact delays when the server hinted them."""


@dataclass(frozen=True)
class Fault:
    id: str
    replies: Callable[[Reply, str, bool], list[Reply]]
    """From (the platform's good answer, the server url, streaming?) the replies to queue."""
    expect: Callable[[bool], Expect]
    """The expectation for a streamed (True) or plain (False) call."""
    text: str = TEXT
    garbage: bool = False
    """The body is not in the platform's stream format at all (a stream fails with `Target.garbage_stream_error`)."""
    marks: list[Any] = field(default_factory=list)


def _bytes_of(reply: Reply) -> bytes:
    if reply.chunks is not None:
        return b"".join(reply.chunks)
    return reply.render_body("req_x")[0]


def _chunked(reply: Reply, pieces: int = 4) -> Reply:
    """The same answer written as a chunked body in several writes (JSON answers have one write otherwise)."""
    if reply.chunks is not None:
        return reply
    body = _bytes_of(reply)
    size = max(1, len(body) // pieces)
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    return reply.replace(body=b"", chunks=chunks, content_type=reply.content_type or "application/json")


def _cut_cleanly(reply: Reply) -> Reply:
    """A body that ends cleanly (full length / final chunk sent) in the middle of the document or an event."""
    if reply.chunks is not None:
        chunks = list(reply.chunks)
        return reply.replace(chunks=[*chunks[:2], chunks[2][: len(chunks[2]) // 2]])
    body = _bytes_of(reply)
    return reply.replace(body=body[: len(body) // 2])


def _same(n: int, reply: Reply) -> list[Reply]:
    return [reply] * n


def _fixed(expect: Expect) -> Callable[[bool], Expect]:
    return lambda streaming: expect


FAULTS: list[Fault] = [
    Fault(
        "closed-before-status",
        lambda good, url, s: _same(ATTEMPTS, good.replace(drop="before_status")),
        _fixed(Expect(anthropic.APIConnectionError, ATTEMPTS, kept=False)),
    ),
    Fault(
        "reset-before-status",
        lambda good, url, s: _same(ATTEMPTS, good.replace(drop="reset")),
        _fixed(Expect(anthropic.APIConnectionError, ATTEMPTS, kept=False)),
    ),
    Fault(
        # Headers announce the full length, half the body follows, then the connection closes. A plain call reads
        # the body inside the retry loop (retried); a stream has already been handed to the caller (not retried).
        "reset-mid-body",
        lambda good, url, s: _same(ATTEMPTS, good.replace(drop="mid_body")),
        lambda s: Expect(anthropic.APIConnectionError, 1 if s else ATTEMPTS, kept=False),
    ),
    Fault(
        "reset-mid-stream",
        lambda good, url, s: _same(ATTEMPTS, _chunked(good).replace(drop_after=2)),
        lambda s: Expect(anthropic.APIConnectionError, 1 if s else ATTEMPTS, kept=False),
    ),
    Fault(
        "slow-first-byte",
        # The server never answers (the status line waits for `STALL`): every attempt ends in the read timeout.
        lambda good, url, s: _same(ATTEMPTS, good.replace(delay=STALL)),
        _fixed(Expect(anthropic.APITimeoutError, ATTEMPTS, kept=False)),
    ),
    Fault(
        # Headers and one byte, then nothing for longer than the read timeout: the read timeout is per read, not per
        # body, and a stream already handed to the caller is cut, not retried.
        "trickle-slower-than-timeout",
        lambda good, url, s: _same(ATTEMPTS, _chunked(good).replace(trickle=(1, STALL))),
        lambda s: Expect(anthropic.APITimeoutError, 1 if s else ATTEMPTS, kept=False),
    ),
    Fault(
        # Well-framed body that is not a whole document: never retried, and the connection is reusable.
        "truncated-json",
        lambda good, url, s: [_cut_cleanly(good)],
        lambda s: Expect(StreamIncompleteError if s else anthropic.APIResponseValidationError, 1, kept=True),
    ),
    Fault(
        # A Message body labelled text/plain is still parsed (0.74.0 tries JSON whatever the label).
        "wrong-content-type-json-body",
        lambda good, url, s: [good.replace(content_type="text/plain; charset=utf-8")],
        _fixed(Expect(None, 1, kept=True)),
    ),
    Fault(
        "wrong-content-type-text-body",
        lambda good, url, s: [Reply.text("upstream says hello")],
        lambda s: Expect(StreamIncompleteError if s else anthropic.APIResponseValidationError, 1, kept=True),
        garbage=True,
    ),
    Fault(
        "html-502-from-proxy",
        lambda good, url, s: _same(ATTEMPTS, Reply.html(502)),
        _fixed(Expect(anthropic.InternalServerError, ATTEMPTS, kept=True, status=502)),
    ),
    Fault(
        "429-retry-after-ms",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(429, headers={"retry-after-ms": "30"})),
        _fixed(Expect(anthropic.RateLimitError, ATTEMPTS, kept=True, status=429, delays=(0.03,) * MAX_RETRIES)),
    ),
    Fault(
        "429-retry-after-seconds",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(429, headers={"retry-after": "0.04"})),
        _fixed(Expect(anthropic.RateLimitError, ATTEMPTS, kept=True, status=429, delays=(0.04,) * MAX_RETRIES)),
    ),
    Fault(
        "429-no-hint",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(429)),
        _fixed(Expect(anthropic.RateLimitError, ATTEMPTS, kept=True, status=429)),
    ),
    Fault(
        "429-then-ok",
        lambda good, url, s: [Reply.error(429, headers={"retry-after-ms": "10"}), good],
        _fixed(Expect(None, 2, kept=True)),
    ),
    Fault(
        "529-retry-after-ms",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(529, headers={"retry-after-ms": "20"})),
        _fixed(Expect(OverloadedError, ATTEMPTS, kept=True, status=529, delays=(0.02,) * MAX_RETRIES)),
    ),
    Fault(
        "529-no-hint",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(529)),
        _fixed(Expect(OverloadedError, ATTEMPTS, kept=True, status=529)),
    ),
    Fault(
        "529-then-ok",
        lambda good, url, s: [Reply.error(529), Reply.error(529), good],
        _fixed(Expect(None, 3, kept=True)),
    ),
    Fault(
        "x-should-retry-true-on-400",
        lambda good, url, s: _same(ATTEMPTS, Reply.error(400, headers={"x-should-retry": "true"})),
        _fixed(Expect(anthropic.BadRequestError, ATTEMPTS, kept=True, status=400)),
    ),
    Fault(
        "x-should-retry-false-on-529",
        lambda good, url, s: [Reply.error(529, headers={"x-should-retry": "false"})],
        _fixed(Expect(OverloadedError, 1, kept=True, status=529)),
    ),
    Fault(
        "x-should-retry-false-on-connection-drop",
        # The header cannot arrive when the connection drops; connection errors are retried regardless.
        lambda good, url, s: _same(ATTEMPTS, good.replace(drop="before_status", headers={"x-should-retry": "false"})),
        _fixed(Expect(anthropic.APIConnectionError, ATTEMPTS, kept=False)),
    ),
    Fault(
        "413-not-retried",
        lambda good, url, s: [Reply.error(413)],
        _fixed(Expect(RequestTooLargeError, 1, kept=True, status=413)),
    ),
    Fault(
        "redirect-307-followed",
        lambda good, url, s: [Reply.redirect(f"{url}/v1/messages?redirected=1"), good],
        _fixed(Expect(None, 2, kept=True, retries=0)),
    ),
    Fault(
        "oversized-body",
        lambda good, url, s: [good],
        _fixed(Expect(None, 1, kept=True)),
        text=BIG_TEXT,
    ),
]


# -- running a call -------------------------------------------------------------------------------------------

CALLS = ["create", "stream", "stream-helper"]


def _nothing() -> None:
    pass


def _sync_call(client: anthropic.Anthropic, kind: str, handed: Callable[[], None] = _nothing) -> str:
    """One call; a streamed one calls `handed()` once the stream is in the caller's hands (headers received)."""
    if kind == "create":
        return "".join(b.text for b in client.messages.create(**PARAMS).content if b.type == "text")
    if kind == "stream":
        text: list[str] = []
        with client.messages.create(**PARAMS, stream=True) as stream:
            handed()
            for event in stream:
                if event.type == "content_block_delta" and event.delta.type == "text_delta":
                    text.append(event.delta.text)
        return "".join(text)
    with client.messages.stream(**PARAMS) as helper:
        handed()
        return helper.get_final_text()


async def _async_call(client: anthropic.AsyncAnthropic, kind: str, handed: Callable[[], None] = _nothing) -> str:
    if kind == "create":
        return "".join(b.text for b in (await client.messages.create(**PARAMS)).content if b.type == "text")
    if kind == "stream":
        text: list[str] = []
        stream = await client.messages.create(**PARAMS, stream=True)
        handed()
        async with stream:
            async for event in stream:
                if event.type == "content_block_delta" and event.delta.type == "text_delta":
                    text.append(event.delta.text)
        return "".join(text)
    async with client.messages.stream(**PARAMS) as helper:
        handed()
        return await helper.get_final_text()


def _run(
    target: Target,
    mode: str,
    kind: str,
    base_url: str,
    after: Callable[[Any], None],
    again: Callable[[], None] = lambda: None,
    *,
    timeout: httpx.Timeout = GENEROUS,
    handed: Callable[[], None] = _nothing,
) -> object:
    """Make one call (sync or async); returns the text or the exception and runs `after(client)` before close.

    After a success the same client calls once more (`again()` first queues that answer where the fake server's
    default would not do: platform paths)."""
    options: dict[str, Any] = {"timeout": timeout, "max_retries": MAX_RETRIES}
    if mode == "sync":
        with target.sync_client(base_url, **options) as client:
            try:
                outcome: object = _sync_call(client, kind, handed)
            except Exception as exc:
                outcome = exc
            after(client)
            if isinstance(outcome, str):
                again()
                assert _sync_call(client, kind)  # the client keeps working on the pooled connection
            return outcome

    async def main() -> object:
        async with target.async_client(base_url, **options) as client:
            try:
                outcome: object = await _async_call(client, kind, handed)
            except Exception as exc:
                outcome = exc
            after(client)
            if isinstance(outcome, str):
                again()
                assert await _async_call(client, kind)  # the client keeps working on the pooled connection
            return outcome

    return asyncio.run(main())


def _check_outcome(outcome: object, expect: Expect, text: str) -> None:
    if expect.error is None:
        assert not isinstance(outcome, BaseException), repr(outcome)
        assert outcome == text
        return
    assert isinstance(outcome, anthropic.AnthropicError), f"not an anthropic exception: {outcome!r}"
    assert type(outcome) is expect.error, repr(outcome)
    if expect.status is not None:
        assert isinstance(outcome, anthropic.APIStatusError)
        assert outcome.status_code == expect.status


def _check_retries(clock: RetryClock, expect: Expect) -> None:
    retries = expect.attempts - 1 if expect.retries is None else expect.retries
    assert len(clock.delays) == max(retries, 0), clock.delays
    if expect.delays is not None:
        assert tuple(clock.delays) == pytest.approx(expect.delays)


# -- the matrix -----------------------------------------------------------------------------------------------

PLATFORM_CALLS = ["create", "stream"]
"""Platforms run every fault x {sync, async} x {create, stream}; `messages.stream()` (the helper) wraps the very
same streamed call and decoder, so it runs for the first party only, which keeps the suite within its budget."""
TIMEOUT_FAULTS = {"slow-first-byte", "trickle-slower-than-timeout"}
PLATFORM_TIMEOUT_CASES = {("sync", "create"), ("async", "stream")}
"""Timeout faults cost about a second each (three attempts at the read timeout) and are enforced by the shared
transport; on platforms they run as a sync plain call and an async stream (the async auth flow and the platform's
stream decoder are the platform-specific parts)."""


def _matrix() -> list[Any]:
    cases: list[Any] = []
    for target in TARGETS:
        calls = CALLS if target is FIRST_PARTY else PLATFORM_CALLS
        for fault in FAULTS:
            for mode in ("sync", "async"):
                for kind in calls:
                    trimmed = fault.id in TIMEOUT_FAULTS and (mode, kind) not in PLATFORM_TIMEOUT_CASES
                    if target is not FIRST_PARTY and trimmed:
                        continue
                    cases.append(pytest.param(target, fault, mode, kind, id=f"{target.name}-{fault.id}-{mode}-{kind}"))
    return cases


def for_target(target: Target, fault: Fault, expect: Expect, streaming: bool) -> Expect:
    """The expectation on this platform: its own status classes, its own error for a body in no stream format."""
    if expect.error is not None and expect.status is not None and expect.status in target.status_errors:
        return dataclasses.replace(expect, error=target.status_errors[expect.status])
    if fault.garbage and streaming and target.garbage_stream_error is not expect.error:
        # a decoder that rejects the bytes outright stops reading: the connection may be closed rather than reused
        return dataclasses.replace(expect, error=target.garbage_stream_error, kept=None)
    return expect


HEADERS_FIRST = {"trickle-slower-than-timeout"}
"""Timeout faults whose headers come before the stall: a streamed call must get its stream, at the first attempt,
before the short read timeout cuts it. Should a loaded machine deliver some attempt's headers later than that
timeout (the client then retries before the stream is handed over), the case runs again on a fresh server with a
ten times longer one (up to `GENEROUS_SECONDS`): speed changes how long the case takes, never its verdict."""


def _fault_case(
    target: Target,
    fault: Fault,
    mode: str,
    kind: str,
    server: FakeAnthropicServer,
    read: float | None,
    clock: RetryClock,
) -> tuple[object, list[Any], list[int]]:
    """One run of a case: (outcome, the requests the server recorded, retries taken when a stream was handed over)."""
    streaming = kind != "create"
    good = (
        target.stream_reply(message_events(fault.text, deltas=4))
        if streaming
        else target.json_reply(message_json(fault.text))
    )
    server.enqueue(*fault.replies(good, server.url, streaming))
    expect = for_target(target, fault, fault.expect(streaming), streaming)
    seen: list[list[Any]] = []
    handed: list[int] = []

    def after(client: Any) -> None:
        # a request the client gave up on may be read by the (busy) server a moment later: wait for it (a bound only)
        wait_until(lambda: len(server.requests) >= expect.attempts)
        seen.append(server.requests)
        assert_pool_released(client, kept=expect.kept)

    def again() -> None:
        server.enqueue(good)

    timeout = GENEROUS if read is None else tiny_timeout(read)
    outcome = _run(
        target, mode, kind, server.url, after, again, timeout=timeout, handed=lambda: handed.append(len(clock.delays))
    )
    [requests] = seen
    return outcome, requests, handed


@pytest.mark.parametrize(("target", "fault", "mode", "kind"), _matrix())
def test_fault(
    target: Target, fault: Fault, mode: str, kind: str, anthropic_server: FakeAnthropicServer, retry_clock: RetryClock
) -> None:
    streaming = kind != "create"
    expect = for_target(target, fault, fault.expect(streaming), streaming)
    read = READ if fault.id in TIMEOUT_FAULTS else None
    first_attempt_handover = streaming and fault.id in HEADERS_FIRST
    with contextlib.ExitStack() as fresh:
        server = anthropic_server
        outcome, requests, handed = _fault_case(target, fault, mode, kind, server, read, retry_clock)
        while first_attempt_handover and handed != [0] and read is not None and read < GENEROUS_SECONDS:
            read = min(read * 10, GENEROUS_SECONDS)
            server = fresh.enter_context(FakeAnthropicServer())
            retry_clock.delays.clear()
            outcome, requests, handed = _fault_case(target, fault, mode, kind, server, read, retry_clock)

    _check_outcome(outcome, expect, fault.text)
    assert len(requests) == expect.attempts
    _check_retries(retry_clock, expect)
    if fault.id in TIMEOUT_FAULTS:  # the client's read timeout ended it, never the server (which was still stalling)
        assert isinstance(outcome, anthropic.APITimeoutError)
        assert isinstance(outcome.__cause__, httpx.ReadTimeout), repr(outcome.__cause__)
        assert handed == ([0] if first_attempt_handover else [])  # a stream was cut after it was handed over
    if fault.id.startswith("redirect"):
        first, second = requests
        assert second.query == {"redirected": ["1"]}
        assert second.method == "POST" and second.body == first.body
    if expect.kept and not streaming:  # the connection that served the fault served every attempt
        assert len({r.connection_id for r in requests}) == 1


@pytest.mark.parametrize("kind", CALLS)
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_connection_refused(target: Target, mode: str, kind: str, retry_clock: RetryClock) -> None:
    def after(client: Any) -> None:
        assert_pool_released(client, kept=False)

    outcome = _run(target, mode, kind, f"http://127.0.0.1:{closed_port()}", after)
    _check_outcome(outcome, Expect(anthropic.APIConnectionError, 0, kept=False), "")
    assert isinstance(outcome, anthropic.APIConnectionError)
    # refused at once, not waited out: a connect timeout would be `APITimeoutError` from `httpx.ConnectTimeout`
    assert isinstance(outcome.__cause__, httpx.ConnectError), repr(outcome.__cause__)
    assert len(retry_clock.delays) == MAX_RETRIES


STILL_WORKS = [
    pytest.param(target, mode, id=f"{target.name}-{mode}")
    for target in TARGETS
    for mode in ("sync", "async")
    # platforms: one mode each, to stay within the time budget
    if target is FIRST_PARTY or mode == {"bedrock": "async", "vertex": "sync", "foundry": "async"}[target.name]
]


@pytest.mark.parametrize(("target", "mode"), STILL_WORKS)
def test_client_still_works_after_every_fault(
    target: Target, mode: str, anthropic_server: FakeAnthropicServer, retry_clock: RetryClock
) -> None:
    """One client goes through every fault in turn, then still answers, over one healthy pooled connection.

    The timeout faults' calls use the short read timeout (`with_options`, same pool), every other call a generous
    one. After each call the test waits until the server has taken that call's replies, so a request that a busy
    server reads late can never take the next call's reply."""
    replies: list[Reply] = []
    plan: list[tuple[bool, int]] = []  # per call: short read timeout?, replies it consumes
    for fault in FAULTS:
        if fault.text is BIG_TEXT:
            continue
        queued = fault.replies(target.json_reply(message_json()), anthropic_server.url, False)
        replies.extend(queued)
        if fault.id.startswith("redirect"):  # the redirect and the answer it leads to: one call
            plan.append((False, len(queued)))
        else:
            plan += [(fault.id in TIMEOUT_FAULTS, 1)] * len(queued)
    replies.append(target.json_reply(message_json()))  # the final call (platform paths have no default answer)
    options: dict[str, Any] = {"timeout": GENEROUS, "max_retries": 0}
    short = tiny_timeout(READ)

    def remaining(step: int) -> int:
        return len(replies) - sum(consumed for _, consumed in plan[: step + 1])

    if mode == "sync":
        with target.sync_client(anthropic_server.url, **options) as client:
            anthropic_server.enqueue(*replies)
            for step, (is_short, _) in enumerate(plan):
                with contextlib.suppress(anthropic.APIError):
                    _sync_call(client.with_options(timeout=short) if is_short else client, "create")
                assert wait_until(lambda: anthropic_server.pending <= remaining(step)), step  # noqa: B023
                assert anthropic_server.pending == remaining(step), step
            assert anthropic_server.pending == 1
            assert _sync_call(client, "create")
            assert_pool_released(client, kept=True)
        return

    async def main() -> None:
        async with target.async_client(anthropic_server.url, **options) as client:
            anthropic_server.enqueue(*replies)
            for step, (is_short, _) in enumerate(plan):
                with contextlib.suppress(anthropic.APIError):
                    await _async_call(client.with_options(timeout=short) if is_short else client, "create")
                assert wait_until(lambda: anthropic_server.pending <= remaining(step)), step  # noqa: B023
                assert anthropic_server.pending == remaining(step), step
            assert anthropic_server.pending == 1
            assert await _async_call(client, "create")
            assert_pool_released(client, kept=True)

    asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_streamed_retries_reuse_the_connection(
    target: Target, mode: str, anthropic_server: FakeAnthropicServer, retry_clock: RetryClock
) -> None:
    anthropic_server.enqueue(Reply.error(529), Reply.error(529), target.stream_reply(message_events()))
    seen: list[list[Any]] = []
    outcome = _run(
        target,
        mode,
        "stream",
        anthropic_server.url,
        lambda client: seen.append(anthropic_server.requests),
        lambda: anthropic_server.enqueue(target.stream_reply(message_events())),
    )
    assert outcome == TEXT
    assert len(seen[0]) == 3
    assert len({r.connection_id for r in seen[0]}) == 1
