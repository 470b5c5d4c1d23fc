"""Transport behaviours that must match the official SDK 0.74.0: closing a given `http_client`, copies sharing the
pool, `follow_redirects` in request options, strict validation of a JSON body under another content type, the
spelling of `base_url`, and calls on a closed client. Sync and async, against the fake server.

The expected values were observed on the official 0.74.0 (the scripts compared both SDKs side by side).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic.testing import FakeAnthropicServer, Reply

MODEL_JSON = b'{"type":"model","id":"m1","display_name":"M","created_at":"2024-01-01T00:00:00Z"}'


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


def client_for(mode: str, server: FakeAnthropicServer, **kwargs: Any) -> Any:
    kwargs.setdefault("api_key", "sk-ant-fidelity-key")
    kwargs.setdefault("base_url", server.url)
    return (Anthropic if mode == "sync" else AsyncAnthropic)(**kwargs)


def run(mode: str, make: Callable[[], Any]) -> Any:
    """One call: `make()` sync, or awaited in a fresh event loop."""
    if mode == "sync":
        return make()

    async def main() -> Any:
        return await make()

    return asyncio.run(main())


# -- 2. close() closes the http_client you gave, and copies share it ----------------------------------------------


def test_close_closes_a_given_http_client(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    if mode == "sync":
        given = httpx.Client()
        client = client_for(mode, anthropic_server, http_client=given)
        client.models.list()
        client.close()
        assert given.is_closed and client.is_closed()
        given = httpx.Client()
        with client_for(mode, anthropic_server, http_client=given) as client:
            client.models.list()
        assert given.is_closed
        return

    async def main() -> None:
        given = httpx.AsyncClient()
        client = client_for(mode, anthropic_server, http_client=given)
        await client.models.list()
        await client.close()
        assert given.is_closed and client.is_closed()
        given = anthropic.DefaultAsyncHttpxClient()
        async with client_for(mode, anthropic_server, http_client=given) as client:
            await client.models.list()
        assert given.is_closed

    asyncio.run(main())


@pytest.mark.parametrize("given", [False, True])
@pytest.mark.parametrize("how", ["copy", "with_options"])
def test_closing_a_copy_closes_the_shared_pool(
    mode: str, given: bool, how: str, anthropic_server: FakeAnthropicServer
) -> None:
    """0.74.0: a copy is built with `http_client=self._client`, so closing either closes the pool of both."""
    http: Any = None
    if given:
        http = httpx.Client() if mode == "sync" else httpx.AsyncClient()
    client = client_for(mode, anthropic_server, http_client=http)
    copy = client.copy(max_retries=1) if how == "copy" else client.with_options(max_retries=1)
    assert copy._client is client._client
    run(mode, lambda: copy.models.list())
    run(mode, copy.close)
    assert client.is_closed() and copy.is_closed()
    other = client_for(mode, anthropic_server, http_client=None)
    other_copy = other.with_options(timeout=5.0)
    run(mode, other.close)
    assert other_copy.is_closed()


# -- 8. a closed client ------------------------------------------------------------------------------------------


def test_calling_a_closed_client_raises_api_connection_error(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = client_for(mode, anthropic_server, max_retries=3)
    run(mode, client.close)
    with pytest.raises(anthropic.APIConnectionError) as info:
        run(mode, lambda: client.models.retrieve("m1"))
    assert isinstance(info.value.__cause__, RuntimeError)
    assert "closed" in str(info.value.__cause__)
    assert anthropic_server.requests == []  # nothing sent; and not retried (no point), unlike 0.74.0's 3 sleeps


# -- 4. follow_redirects in request options -----------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["get", "post"])
def test_follow_redirects_option_is_honoured(mode: str, verb: str, anthropic_server: FakeAnthropicServer) -> None:
    client = client_for(mode, anthropic_server, max_retries=0)

    def call(options: dict[str, Any]) -> Any:
        if verb == "get":
            return client.get("/v1/whatever", cast_to=httpx.Response, options=options)
        return client.post("/v1/whatever", cast_to=httpx.Response, body={"a": 1}, options=options)

    anthropic_server.enqueue(Reply.redirect("/v1/models"))
    with pytest.raises(anthropic.APIStatusError) as info:
        run(mode, lambda: call({"follow_redirects": False}))
    assert info.value.status_code == 307  # 0.74.0: the redirect itself, as a status error
    assert [r.path for r in anthropic_server.requests] == ["/v1/whatever"]

    anthropic_server.reset()
    anthropic_server.enqueue(Reply.redirect("/v1/models"), Reply.json({"ok": True}))
    response = run(mode, lambda: call({}))
    assert response.status_code == 200
    assert [r.path for r in anthropic_server.requests] == ["/v1/whatever", "/v1/models"]

    anthropic_server.reset()
    anthropic_server.enqueue(Reply.redirect("/v1/models"), Reply.json({"ok": True}))
    no_follow = httpx.Client(follow_redirects=False) if mode == "sync" else httpx.AsyncClient(follow_redirects=False)
    client = client_for(mode, anthropic_server, max_retries=0, http_client=no_follow)
    response = run(mode, lambda: call({"follow_redirects": True}))  # the option wins over the client's setting
    assert response.status_code == 200


# -- 5. strict validation and a JSON body under another content type ----------------------------------------------


def test_strict_validation_parses_json_under_a_non_json_content_type(
    mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    client = client_for(mode, anthropic_server, max_retries=0, _strict_response_validation=True)
    anthropic_server.enqueue(Reply(body=MODEL_JSON, content_type="text/plain"))
    model = run(mode, lambda: client.models.retrieve("m1"))
    assert model.id == "m1" and model.display_name == "M"

    # As in 0.74.0: a body that is not JSON, or a non-model type, is still refused for its content type.
    anthropic_server.enqueue(Reply(body=b"not json", content_type="text/plain; charset=utf-8"))
    with pytest.raises(anthropic.APIResponseValidationError, match="received `text/plain` instead"):
        run(mode, lambda: client.models.retrieve("m1"))
    anthropic_server.enqueue(Reply(body=b'{"a": 1}', content_type="text/plain"))
    with pytest.raises(anthropic.APIResponseValidationError, match="Content-Type"):
        run(mode, lambda: client.get("/v1/x", cast_to=dict))


# -- 6. base_url keeps 0.74.0's spelling ---------------------------------------------------------------------------

# (given, ANTHROPIC_BASE_URL) -> str(client.base_url), as 0.74.0 prints it.
BASE_URLS = [
    (None, None, "https://api.anthropic.com"),
    (None, "http://h.example/v9/", "http://h.example/v9/"),
    (None, "http://h.example/v9", "http://h.example/v9/"),
    ("http://h.example", None, "http://h.example"),
    ("http://h.example/", None, "http://h.example/"),
    ("http://h.example/api", None, "http://h.example/api/"),
    ("http://h.example/api/", None, "http://h.example/api/"),
    (httpx.URL("http://h.example/p"), None, "http://h.example/p/"),
    ("http://h.example/api?x=1", None, "http://h.example/api?x=1/"),
]


@pytest.mark.parametrize(("given", "env", "expected"), BASE_URLS)
def test_base_url_is_spelled_as_in_0_74_0(
    mode: str, given: Any, env: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    if env is not None:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", env)
    client = (Anthropic if mode == "sync" else AsyncAnthropic)(api_key="k", base_url=given)
    assert str(client.base_url) == expected
    assert client.base_url == httpx.URL(expected)
    assert client.with_options(max_retries=1).base_url == client.base_url


@pytest.mark.parametrize("suffix", ["", "/", "/api", "/api/"])
def test_requests_go_to_the_same_urls_whatever_the_slash(
    mode: str, suffix: str, anthropic_server: FakeAnthropicServer
) -> None:
    client = client_for(mode, anthropic_server, base_url=anthropic_server.url + suffix, max_retries=0)
    anthropic_server.enqueue(Reply(body=MODEL_JSON, content_type="application/json"))
    run(mode, lambda: client.models.retrieve("m1"))
    prefix = "/api" if suffix.startswith("/api") else ""
    assert anthropic_server.last_request.path == f"{prefix}/v1/models/m1"
