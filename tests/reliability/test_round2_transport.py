"""Transport robustness, round 2: a second event loop, foreign transport errors, error bodies cut off mid-stream,
and credentials on cross-origin redirects. Sync and async, through the public API, against the fake server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _reliability import (
    BEDROCK,
    FIRST_PARTY,
    FOUNDRY,
    PARAMS,
    TARGETS,
    VERTEX,
    RetryClock,
    Target,
    message_events,
    message_json,
    tiny_timeout,
    wait_until,
)

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply


@pytest.fixture
def other_server() -> Iterator[FakeAnthropicServer]:
    """A second fake server: another port, so another origin."""
    with FakeAnthropicServer() as server:
        yield server


def _text(message: Any) -> str:
    return message.content[0].text


# -- 1. a second event loop ------------------------------------------------------------------------------------


@pytest.mark.parametrize("http_client", ["default", "user httpx.AsyncClient", "user DefaultAsyncHttpxClient"])
def test_async_client_works_from_a_second_event_loop(anthropic_server: FakeAnthropicServer, http_client: str) -> None:
    """What LangChain & co. do: one cached client (often with their own `http_client`), several `asyncio.run`.

    max_retries=0, and the server must see exactly one request per call: the stale connection of the first loop is
    neither used nor retried around (0.74.0 retries, which may send the request twice)."""
    given: httpx.AsyncClient | None = None
    if http_client == "user httpx.AsyncClient":
        given = httpx.AsyncClient(timeout=10.0)
    elif http_client == "user DefaultAsyncHttpxClient":
        given = anthropic.DefaultAsyncHttpxClient(timeout=10.0)
    client = FIRST_PARTY.async_client(anthropic_server.url, max_retries=0, http_client=given)

    async def call() -> str:
        return _text(await client.messages.create(**PARAMS))

    assert asyncio.run(call())
    assert wait_until(lambda: anthropic_server.open_connections == 1)
    assert asyncio.run(call())
    assert len(anthropic_server.requests) == 2
    # The first loop's connection was shut down, not left open beside the new one.
    assert wait_until(lambda: anthropic_server.open_connections == 1), anthropic_server.open_connections
    # A copy shares the pool and, in the same loop, its live connections.
    copy = client.with_options(max_retries=0)

    async def both() -> list[str]:
        return [await call(), _text(await copy.messages.create(**PARAMS)), await call()]

    assert all(asyncio.run(both()))
    assert len(anthropic_server.requests) == 5

    async def close() -> None:
        await client.close()

    asyncio.run(close())  # closing from yet another loop works too
    assert client.is_closed() and copy.is_closed()
    assert wait_until(lambda: anthropic_server.open_connections == 0), anthropic_server.open_connections


def test_async_stream_works_from_a_second_event_loop(anthropic_server: FakeAnthropicServer) -> None:
    client = FIRST_PARTY.async_client(anthropic_server.url, max_retries=0, http_client=httpx.AsyncClient())

    async def call() -> str:
        async with client.messages.stream(**PARAMS) as stream:
            return await stream.get_final_text()

    assert asyncio.run(call()) == asyncio.run(call())
    assert len(anthropic_server.requests) == 2


# -- 3. errors of a custom transport that are not httpx errors -------------------------------------------------


class AiohttpStyleError(Exception):
    """Like `aiohttp.ClientConnectorError`: what a non-httpx transport raises."""


class _Flaky(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Raises `error` for the first `failures` requests, then forwards to a real transport."""

    def __init__(self, error: Exception, failures: int) -> None:
        self.error = error
        self.failures = failures
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        with httpx.Client() as real:
            response = real.send(request)
            return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        async with httpx.AsyncClient() as real:
            response = await real.send(request)
            return httpx.Response(response.status_code, headers=response.headers, content=response.content)


def _with_transport(mode: str, server: FakeAnthropicServer, transport: _Flaky) -> Any:
    if mode == "sync":
        return FIRST_PARTY.sync_client(server.url, max_retries=2, http_client=httpx.Client(transport=transport))
    return FIRST_PARTY.async_client(server.url, max_retries=2, http_client=httpx.AsyncClient(transport=transport))


def _call(mode: str, client: Any, **params: Any) -> Any:
    if mode == "sync":
        return client.messages.create(**{**PARAMS, **params})

    async def main() -> Any:
        return await client.messages.create(**{**PARAMS, **params})

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("error", [RuntimeError("transport broke"), AiohttpStyleError("Cannot connect to host")])
def test_foreign_transport_errors_are_retried_connection_errors(
    mode: str, error: Exception, anthropic_server: FakeAnthropicServer, retry_clock: RetryClock
) -> None:
    transport = _Flaky(error, failures=1)
    assert _text(_call(mode, _with_transport(mode, anthropic_server, transport)))
    assert transport.calls == 2 and len(retry_clock.delays) == 1

    transport = _Flaky(error, failures=99)
    with pytest.raises(anthropic.APIConnectionError) as info:
        _call(mode, _with_transport(mode, anthropic_server, transport))
    assert info.value.__cause__ is error
    assert transport.calls == 3  # max_retries=2


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_platform_auth_errors_are_not_turned_into_connection_errors(
    mode: str, anthropic_server: FakeAnthropicServer, retry_clock: RetryClock
) -> None:
    """An error of the platform's own auth (here a token provider failing) is raised as is, without retries."""

    class ProviderFailed(Exception):
        pass

    def sync_provider() -> str:
        raise ProviderFailed("no token")

    async def async_provider() -> str:
        raise ProviderFailed("no token")

    provider = sync_provider if mode == "sync" else async_provider
    factory = FOUNDRY.sync_client if mode == "sync" else FOUNDRY.async_client
    client = factory(anthropic_server.url, azure_ad_token_provider=provider, max_retries=2)
    with pytest.raises(ProviderFailed):
        _call(mode, client)
    assert retry_clock.delays == []


# -- 7. an error response cut off while streaming ----------------------------------------------------------------

ERROR_BODY = b'{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens is too large"}}'


def _stream(mode: str, client: Any, how: str) -> None:
    if mode == "sync":
        if how == "create":
            for _ in client.messages.create(**PARAMS, stream=True):
                pass
        else:
            with client.messages.stream(**PARAMS) as stream:
                stream.get_final_message()
        return

    async def main() -> None:
        if how == "create":
            async for _ in await client.messages.create(**PARAMS, stream=True):
                pass
        else:
            async with client.messages.stream(**PARAMS) as stream:
                await stream.get_final_message()

    asyncio.run(main())


@pytest.mark.parametrize("target", [FIRST_PARTY, BEDROCK, VERTEX, FOUNDRY], ids=lambda t: t.name)
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("how", ["create", "stream"])
@pytest.mark.parametrize("cut", [40, 0])
def test_cut_off_error_response_while_streaming_is_a_status_error(
    target: Target, mode: str, how: str, cut: int, anthropic_server: FakeAnthropicServer
) -> None:
    """A 400 whose body is shorter than its Content-Length: the status error, with the part of the body that came
    (None when nothing came), never httpx's `ResponseNotRead`."""
    if how == "stream" and target is not FIRST_PARTY and mode == "async":
        pytest.skip("messages.stream() wraps the same streamed call (covered sync, and async on the first party)")
    anthropic_server.enqueue(Reply(status=400, body=ERROR_BODY, content_type="application/json", truncate_at=cut))
    factory = target.sync_client if mode == "sync" else target.async_client
    client = factory(anthropic_server.url, max_retries=2, timeout=tiny_timeout(10))
    with pytest.raises(anthropic.APIStatusError) as info:
        _stream(mode, client, how)
    error = info.value
    assert error.status_code == 400
    assert isinstance(error, anthropic.BadRequestError)
    assert len(anthropic_server.requests) == 1  # a 400 is not retried
    if cut:
        assert error.body == ERROR_BODY[:cut].decode()
    else:
        assert error.body is None
        assert "Error code: 400" in str(error)
    assert error.response.is_closed


# -- 9. credentials never follow a redirect to another origin ---------------------------------------------------

CREDENTIALS = ("x-api-key", "api-key", "authorization", "x-amz-security-token")


def _redirect_target_client(target: Target, mode: str, url: str) -> Any:
    factory = target.sync_client if mode == "sync" else target.async_client
    if target is FIRST_PARTY:
        return factory(url, auth_token="tok-redirect-test-0123456789", max_retries=0)
    return factory(url, max_retries=0)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("stream", [False, True])
def test_cross_origin_redirect_drops_every_credential(
    target: Target, mode: str, stream: bool, anthropic_server: FakeAnthropicServer, other_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.redirect(f"{other_server.url}/elsewhere/v1/messages", status=307))
    other_server.enqueue(target.stream_reply(message_events()) if stream else target.json_reply(message_json()))
    client = _redirect_target_client(target, mode, anthropic_server.url)
    if stream:
        _stream(mode, client, "create")
    else:
        _call(mode, client)
    first = anthropic_server.requests[0].headers
    assert any(name in first for name in CREDENTIALS)  # the credential was sent to its own origin...
    moved = other_server.requests[0]
    assert moved.path == "/elsewhere/v1/messages"
    assert moved.body == anthropic_server.requests[0].body  # 307: method and body kept
    leaked = [name for name in CREDENTIALS if name in moved.headers]
    assert leaked == []  # ...and to no other


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_same_origin_redirect_keeps_the_credentials(
    target: Target, mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.redirect("/moved/v1/messages", status=307), target.json_reply(message_json()))
    client = _redirect_target_client(target, mode, anthropic_server.url)
    _call(mode, client)
    first, moved = (r.headers for r in anthropic_server.requests)
    assert anthropic_server.requests[1].path == "/moved/v1/messages"
    sent = [name for name in CREDENTIALS if name in first]
    assert sent and all(moved[name] == first[name] for name in sent)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_redirect_chain_is_bounded_and_recorded(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    """Our redirect loop keeps httpx's contract: `response.history`, and `max_redirects` as a connection error."""
    anthropic_server.enqueue(Reply.redirect("/a"), Reply.redirect("/b"), Reply.json(message_json()))
    client = FIRST_PARTY.sync_client(anthropic_server.url, max_retries=0)
    if mode == "async":
        client = FIRST_PARTY.async_client(anthropic_server.url, max_retries=0)

    def raw() -> Any:
        if mode == "sync":
            return client.messages.with_raw_response.create(**PARAMS)

        async def main() -> Any:
            return await client.messages.with_raw_response.create(**PARAMS)

        return asyncio.run(main())

    response = raw()
    assert [r.status_code for r in response.http_response.history] == [307, 307]
    assert [r.path for r in anthropic_server.requests] == ["/v1/messages", "/a", "/b"]
    anthropic_server.reset()
    anthropic_server.enqueue(*[Reply.redirect("/loop")] * 25)
    with pytest.raises(anthropic.APIConnectionError) as info:
        raw()
    assert isinstance(info.value.__cause__, httpx.TooManyRedirects)
    assert len(anthropic_server.requests) == 21  # the first request and httpx's 20 redirects
