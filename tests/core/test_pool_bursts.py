"""The connection pool of the clients the SDK builds (`anthropic._pool`) under bursts of concurrent requests.

httpcore 1.0 gives one idle connection to every request queued at the same moment (encode/httpcore#1035): on a
warm pool a burst shares the idle connections and churns instead of opening new ones. Our pool gives each idle
connection to one request. These tests read which connection carried each request from the fake server (its
`connection_id`), so they check the pool's decisions, not timings.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest

import anthropic
from anthropic.testing import FakeAnthropicServer, RecordedRequest, Reply

MODEL = "claude-sonnet-4-5"


def _echo(request: RecordedRequest) -> Reply:
    """A Message whose text is the request's own user text: every caller can check it got its own answer."""
    text = request.json()["messages"][0]["content"]
    return Reply.json(
        {
            "id": f"msg_{request.index}",
            "type": "message",
            "role": "assistant",
            "model": MODEL,
            "content": [{"type": "text", "text": text}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 1},
        }
    )


def _script(server: FakeAnthropicServer, count: int, responder: Callable[[RecordedRequest], Reply] = _echo) -> None:
    server.enqueue(*([responder] * count), path="/v1/messages")


def _kwargs(text: str) -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 10, "messages": [{"role": "user", "content": text}]}


def _connections(server: FakeAnthropicServer, tag: str) -> list[int]:
    """The server-side connection of each request whose text starts with `tag`."""
    return [r.connection_id for r in server.requests if r.json()["messages"][0]["content"].startswith(tag)]


def _settle(check: Callable[[], bool]) -> None:
    """Wait (bounded, generously) for the server threads to notice connections the client closed."""
    deadline = time.monotonic() + 30
    while not check() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as fake:
        yield fake


# -- async -------------------------------------------------------------------------------------------------------


async def _burst(client: anthropic.AsyncAnthropic, tag: str, count: int) -> None:
    texts = [f"{tag}-{i}" for i in range(count)]
    messages = await asyncio.gather(*(client.messages.create(**_kwargs(text)) for text in texts))
    assert [m.content[0].text for m in messages] == texts  # type: ignore[union-attr]


@pytest.mark.anyio
async def test_async_warm_burst_gives_each_idle_connection_to_one_request(server: FakeAnthropicServer) -> None:
    """20 requests at once on a pool holding 20 idle connections: each connection carries exactly one of them."""
    _script(server, 40)
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        await _burst(client, "first", 20)
        first = _connections(server, "first")
        await _burst(client, "second", 20)
        second = _connections(server, "second")
    assert len(set(first)) == 20
    # httpcore's own pool hands the first idle connection to all 20 and churns through a few of them.
    assert sorted(second) == sorted(first)


@pytest.mark.anyio
async def test_async_warm_burst_opens_new_connections_beyond_the_idle_ones(server: FakeAnthropicServer) -> None:
    """Keep-alive 4: after a burst of 12, 4 idle connections stay; the next burst of 12 reuses those 4 once each
    and opens 8 more (httpcore's pool queues all 12 on the 4 idle ones). Surplus idle connections are closed."""
    _script(server, 24)
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=4)
    http = anthropic.DefaultAsyncHttpxClient(limits=limits)
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        await _burst(client, "first", 12)
        await anyio.to_thread.run_sync(_settle, lambda: server.open_connections <= 4)
        assert server.open_connections == 4
        await _burst(client, "second", 12)
        await anyio.to_thread.run_sync(_settle, lambda: server.open_connections <= 4)
        assert server.open_connections == 4
    first, second = _connections(server, "first"), _connections(server, "second")
    assert len(set(first)) == 12 and len(set(second)) == 12
    assert len(set(first) & set(second)) == 4
    await anyio.to_thread.run_sync(_settle, lambda: server.open_connections == 0)
    assert server.open_connections == 0


@pytest.mark.anyio
async def test_async_pool_limit_queues_requests_without_losing_any(server: FakeAnthropicServer) -> None:
    """More requests than `max_connections`: the rest wait for a released connection, twice in a row."""
    _script(server, 30)
    limits = httpx.Limits(max_connections=3, max_keepalive_connections=3)
    http = anthropic.DefaultAsyncHttpxClient(limits=limits)
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        await _burst(client, "first", 15)
        await _burst(client, "second", 15)
    assert len(set(_connections(server, "first") + _connections(server, "second"))) == 3


@pytest.mark.anyio
async def test_async_cancelled_request_in_a_burst_leaves_the_pool_usable(server: FakeAnthropicServer) -> None:
    """One request of a burst is cancelled while its answer is pending: the others complete, its connection is
    not reused (it still has a response in flight), and the next burst is served correctly."""

    def slow_or_echo(request: RecordedRequest) -> Reply:
        reply = _echo(request)
        return reply.replace(delay=60) if request.json()["messages"][0]["content"] == "first-0" else reply

    _script(server, 20, slow_or_echo)
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        tasks = [asyncio.ensure_future(client.messages.create(**_kwargs(f"first-{i}"))) for i in range(10)]
        fast = await asyncio.gather(*tasks[1:])
        assert [m.content[0].text for m in fast] == [f"first-{i}" for i in range(1, 10)]  # type: ignore[union-attr]
        assert not tasks[0].done()
        tasks[0].cancel()
        with pytest.raises(asyncio.CancelledError):
            await tasks[0]
        await _burst(client, "second", 10)
    slow = [r.connection_id for r in server.requests if r.json()["messages"][0]["content"] == "first-0"]
    assert len(slow) == 1
    assert slow[0] not in _connections(server, "second")


# -- sync (threads sharing one client) ---------------------------------------------------------------------------


def _sync_burst(client: anthropic.Anthropic, pool: ThreadPoolExecutor, tag: str, count: int) -> None:
    texts = [f"{tag}-{i}" for i in range(count)]
    messages = list(pool.map(lambda text: client.messages.create(**_kwargs(text)), texts))
    assert [m.content[0].text for m in messages] == texts  # type: ignore[union-attr]


def test_sync_bursts_from_threads_are_answered_and_bounded(server: FakeAnthropicServer) -> None:
    _script(server, 32)
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=4)
    http = anthropic.DefaultHttpxClient(limits=limits)
    with (
        anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client,
        ThreadPoolExecutor(16) as pool,
    ):
        _sync_burst(client, pool, "first", 16)
        _settle(lambda: server.open_connections <= 4)
        assert server.open_connections <= 4
        _sync_burst(client, pool, "second", 16)
        _settle(lambda: server.open_connections <= 4)
        assert server.open_connections <= 4
    _settle(lambda: server.open_connections == 0)
    assert server.open_connections == 0


def test_sync_owned_client_reuses_its_connection(server: FakeAnthropicServer) -> None:
    _script(server, 5)
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        for i in range(5):
            assert client.messages.create(**_kwargs(f"seq-{i}")).content[0].text == f"seq-{i}"  # type: ignore[union-attr]
    assert len(set(_connections(server, "seq"))) == 1


# -- idle connections the server closed ---------------------------------------------------------------------------


def _closing_reply(request: RecordedRequest) -> Reply:
    """An answer after which the server closes the connection without saying so (no `Connection: close`)."""
    return _echo(request).replace(close=True, headers=[("connection", "keep-alive")])


@pytest.fixture(params=["checked before reuse", "periodic sweep"])
def sweep_interval(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never sweep (only the check right before reuse can find the dead connection), or sweep on every pass."""
    import anthropic._pool

    interval = 1e9 if request.param == "checked before reuse" else 0.0
    monkeypatch.setattr(anthropic._pool, "_SWEEP_INTERVAL", interval)


@pytest.mark.usefixtures("sweep_interval")
def test_sync_idle_connection_closed_by_the_server_is_not_reused(server: FakeAnthropicServer) -> None:
    server.enqueue(_closing_reply, _echo, path="/v1/messages")
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        assert client.messages.create(**_kwargs("a-0")).content[0].text == "a-0"  # type: ignore[union-attr]
        _settle(lambda: server.open_connections == 0)
        assert client.messages.create(**_kwargs("b-0")).content[0].text == "b-0"  # type: ignore[union-attr]
    assert _connections(server, "a") != _connections(server, "b")


@pytest.mark.anyio
@pytest.mark.usefixtures("sweep_interval")
async def test_async_idle_connection_closed_by_the_server_is_not_reused(server: FakeAnthropicServer) -> None:
    server.enqueue(_closing_reply, _echo, path="/v1/messages")
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        assert (await client.messages.create(**_kwargs("a-0"))).content[0].text == "a-0"  # type: ignore[union-attr]
        await anyio.to_thread.run_sync(_settle, lambda: server.open_connections == 0)
        assert (await client.messages.create(**_kwargs("b-0"))).content[0].text == "b-0"  # type: ignore[union-attr]
    assert _connections(server, "a") != _connections(server, "b")
