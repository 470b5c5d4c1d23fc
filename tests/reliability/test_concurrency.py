"""Concurrency: shared clients across threads and tasks, cancellation, copies sharing a pool, closing mid-stream,
and an async client meeting a second event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from _reliability import (
    FIRST_PARTY,
    PARAMS,
    assert_pool_released,
    message_events,
    message_json,
    pool_of,
    pool_summary,
    wait_until,
)

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.testing._recording import RecordedRequest

THREADS = 16
# Failure bounds only, never measurements: 120 concurrent connects to a busy 2-core machine can take seconds (a full
# listen backlog retransmits the SYN after 1 s), so a tight connect timeout fails under load, not the code.
GENEROUS = httpx.Timeout(60.0, connect=60.0)
HOLD = 60.0  # how long a scripted reply stalls: the test ends it (cancel, close, server stop) long before


def _echo(streaming: bool) -> Callable[[RecordedRequest], Reply]:
    """Answers with the request's own user text, so a response delivered to the wrong caller is caught."""

    def reply(request: RecordedRequest) -> Reply:
        body = request.json()
        text = f"echo:{body['messages'][0]['content']}"
        if body.get("stream"):
            return Reply.sse(message_events(text, deltas=3))
        return Reply.json(message_json(text))

    return reply


def _params(tag: str) -> dict[str, Any]:
    return {**PARAMS, "messages": [{"role": "user", "content": tag}]}


def _sync_text(client: anthropic.Anthropic, tag: str, stream: bool) -> str:
    if stream:
        with client.messages.stream(**_params(tag)) as helper:
            return helper.get_final_text()
    return client.messages.create(**_params(tag)).content[0].text  # type: ignore[union-attr]


async def _async_text(client: anthropic.AsyncAnthropic, tag: str, stream: bool) -> str:
    if stream:
        async with client.messages.stream(**_params(tag)) as helper:
            return await helper.get_final_text()
    return (await client.messages.create(**_params(tag))).content[0].text  # type: ignore[union-attr]


def test_one_sync_client_shared_by_16_threads(anthropic_server: FakeAnthropicServer) -> None:
    per_thread = 12
    anthropic_server.enqueue(*[_echo(False)] * (THREADS * per_thread))
    barrier = threading.Barrier(THREADS)
    with FIRST_PARTY.sync_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:

        def work(n: int) -> list[tuple[str, str]]:
            barrier.wait()
            results: list[tuple[str, str]] = []
            for i in range(per_thread):
                tag = f"t{n}-{i}"
                results.append((tag, _sync_text(client, tag, stream=i % 2 == 1)))
            return results

        with ThreadPoolExecutor(THREADS) as pool:
            outcomes = [r for rs in pool.map(work, range(THREADS)) for r in rs]
        assert len(outcomes) == THREADS * per_thread
        assert all(text == f"echo:{tag}" for tag, text in outcomes)
        summary = pool_summary(client)
        assert summary["active"] == 0 and summary["requests"] == 0
        assert 1 <= summary["idle"] <= THREADS  # connections were reused, never more than the concurrency
    assert len({r.connection_id for r in anthropic_server.requests}) <= THREADS


def test_one_async_client_many_tasks(anthropic_server: FakeAnthropicServer) -> None:
    tasks = 120
    anthropic_server.enqueue(*[_echo(False)] * tasks)

    async def main() -> None:
        async with FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
            tags = [f"task{i}" for i in range(tasks)]
            texts = await asyncio.gather(*(_async_text(client, tag, stream=i % 2 == 1) for i, tag in enumerate(tags)))
            assert texts == [f"echo:{tag}" for tag in tags]
            summary = pool_summary(client)
            assert summary["active"] == 0 and summary["requests"] == 0
            # the default limit (1000 connections) is not the bound here: the fake server's threads are
            assert summary["idle"] <= tasks

    asyncio.run(main())


def test_cancelled_task_mid_request_releases_its_connection(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.json(message_json(), delay=HOLD))

    async def main() -> None:
        async with FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
            task = asyncio.ensure_future(client.messages.create(**PARAMS))
            await asyncio.to_thread(anthropic_server.wait_for_requests, 1)
            assert pool_summary(client)["active"] == 1
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert_pool_released(client, kept=False)
            # the client still works, on a new connection
            assert (await client.messages.create(**PARAMS)).content
            assert_pool_released(client, kept=True)

    asyncio.run(main())


def test_cancelled_task_mid_stream_releases_its_connection(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.sse(message_events(), pause={2: HOLD}))

    async def main() -> None:
        async with FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
            got_first = asyncio.Event()

            async def consume() -> None:
                stream = await client.messages.create(**PARAMS, stream=True)
                async for _event in stream:
                    got_first.set()

            task = asyncio.ensure_future(consume())
            await asyncio.wait_for(got_first.wait(), HOLD)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert_pool_released(client, kept=False)
            assert (await client.messages.create(**PARAMS)).content

    asyncio.run(main())


def test_timeout_cancellation_via_wait_for_releases_connection(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.json(message_json(), delay=HOLD))

    async def main() -> None:
        async with FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.messages.create(**PARAMS), 0.2)
            assert_pool_released(client, kept=False)

    asyncio.run(main())


@pytest.mark.parametrize("how", ["break", "close", "garbage"])
def test_sync_stream_abandoned_mid_way_releases_connection(anthropic_server: FakeAnthropicServer, how: str) -> None:
    anthropic_server.enqueue(Reply.sse(message_events(), pause={2: HOLD}))
    with FIRST_PARTY.sync_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
        stream = client.messages.create(**PARAMS, stream=True)
        if how == "break":
            for _event in stream:
                break
        elif how == "close":
            next(iter(stream))
            stream.close()
        else:
            next(stream)
            del stream
        assert wait_until(lambda: pool_summary(client)["active"] == 0, timeout=HOLD)
        assert_pool_released(client, kept=False)
        assert client.messages.create(**PARAMS).content


def test_copies_share_the_pool_safely(anthropic_server: FakeAnthropicServer) -> None:
    per_thread = 8
    anthropic_server.enqueue(*[_echo(False)] * (THREADS * per_thread))
    with FIRST_PARTY.sync_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
        copies = [
            client,
            client.copy(max_retries=1),
            client.with_options(timeout=httpx.Timeout(61.0, connect=60.0)),
            client.with_options(default_headers={"x-copy": "yes"}),
        ]
        assert all(c._client is client._client for c in copies)

        def work(n: int) -> list[bool]:
            return [
                _sync_text(copies[(n + i) % len(copies)], f"c{n}-{i}", stream=i % 3 == 0) == f"echo:c{n}-{i}"
                for i in range(per_thread)
            ]

        with ThreadPoolExecutor(THREADS) as pool:
            assert all(ok for oks in pool.map(work, range(THREADS)) for ok in oks)
        assert any(r.headers.get("x-copy") == "yes" for r in anthropic_server.requests)
        assert client.messages.create(**PARAMS).content
        assert_pool_released(client)
        # closing any copy closes the shared pool for every copy (as in 0.74.0)
        copies[1].close()
        assert client.is_closed() and copies[2].is_closed()
    with pytest.raises(anthropic.APIConnectionError) as info:
        copies[2].messages.create(**PARAMS)
    assert isinstance(info.value.__cause__, RuntimeError) and "client has been closed" in str(info.value.__cause__)


def test_async_copies_share_the_pool(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(*[_echo(False)] * 60)

    async def main() -> None:
        async with FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0) as client:
            copies = [client, client.with_options(max_retries=1), client.copy(default_headers={"x-copy": "1"})]
            assert all(c._client is client._client for c in copies)
            texts = await asyncio.gather(*(_async_text(copies[i % 3], f"a{i}", i % 2 == 0) for i in range(60)))
            assert texts == [f"echo:a{i}" for i in range(60)]
            assert pool_of(copies[1]) is pool_of(client)

    asyncio.run(main())


def test_closing_sync_client_while_stream_is_open(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.sse(message_events(), pause={2: HOLD}))
    client = FIRST_PARTY.sync_client(anthropic_server.url, timeout=GENEROUS, max_retries=0)
    stream = client.messages.create(**PARAMS, stream=True)
    events = iter(stream)
    assert next(events).type == "message_start"
    client.close()
    with pytest.raises(anthropic.APIConnectionError):
        for _event in events:
            pass
    assert stream.response.is_closed
    assert pool_summary(client) == {"idle": 0, "active": 0, "closed": 0, "requests": 0}


def test_closing_async_client_while_stream_is_open(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.sse(message_events(), pause={2: HOLD}))

    async def main() -> None:
        client = FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0)
        stream = await client.messages.create(**PARAMS, stream=True)
        events = stream.__aiter__()
        assert (await events.__anext__()).type == "message_start"
        await client.close()
        with pytest.raises(anthropic.APIConnectionError):
            async for _event in events:
                pass
        assert stream.response.is_closed
        assert pool_summary(client)["active"] == 0

    asyncio.run(main())


def test_async_client_in_a_second_event_loop_after_the_first_ended_with_fresh_pool(
    anthropic_server: FakeAnthropicServer,
) -> None:
    """Documented: a client whose pool holds no connection from the old loop works in a new loop."""
    client = FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0)

    async def call() -> str:
        return (await client.messages.create(**PARAMS, extra_headers={"connection": "close"})).content[0].text  # type: ignore[union-attr]

    assert asyncio.run(call())
    assert asyncio.run(call())


def test_async_client_in_a_second_event_loop_works_or_fails_clearly(anthropic_server: FakeAnthropicServer) -> None:
    client = FIRST_PARTY.async_client(anthropic_server.url, timeout=GENEROUS, max_retries=0)

    async def call() -> str:
        return (await client.messages.create(**PARAMS)).content[0].text  # type: ignore[union-attr]

    assert asyncio.run(call())
    try:
        assert asyncio.run(call())
    except anthropic.AnthropicError as exc:  # a clear, documented SDK error is acceptable too
        assert "event loop" in str(exc)
