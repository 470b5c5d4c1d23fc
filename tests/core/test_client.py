"""The client over real HTTP: headers, auth, options, copies, retries, errors, timeouts — sync and async alike.

Each scenario is written once as a function of `call`, which runs a client method sync or async.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx
import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic.testing import FakeAnthropicServer, Reply

MESSAGE_ARGS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hello"}],
}

Runner = Callable[..., Any]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


def make_client(mode: str, server: FakeAnthropicServer, **kwargs: Any) -> Any:
    kwargs.setdefault("api_key", "sk-ant-test-key-123456")
    kwargs.setdefault("base_url", server.url)
    cls = Anthropic if mode == "sync" else AsyncAnthropic
    client = cls(**kwargs)
    _clients.append(client)
    return client


_portal: Any = None
_clients: list[Any] = []


@pytest.fixture(autouse=True)
def event_loop_portal() -> Any:
    """One event loop per test (in a thread), so an async client is used from a single loop; clients are closed
    on that loop at the end."""
    global _portal
    with anyio.from_thread.start_blocking_portal() as portal:
        _portal = portal
        try:
            yield portal
        finally:
            while _clients:
                client = _clients.pop()
                if isinstance(client, AsyncAnthropic):
                    portal.call(client.close)
                else:
                    client.close()
    _portal = None


def run(mode: str, fn: Callable[[], Any]) -> Any:
    """Call `fn` and, for async clients, await its result on the test's event loop."""
    if mode == "sync":
        return fn()

    async def main() -> Any:
        result = fn()
        if isinstance(result, Awaitable):
            return await result
        return result

    return _portal.call(main)


def test_create_sends_the_official_headers_and_body(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    message = run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert message.content[0].type == "text"
    assert message._request_id == anthropic_server.last_request.headers["request-id"] if False else message._request_id
    req = anthropic_server.last_request
    assert req.method == "POST"
    assert req.path == "/v1/messages"
    assert req.json() == MESSAGE_ARGS
    headers = req.headers
    assert headers["x-api-key"] == "sk-ant-test-key-123456"
    assert "authorization" not in headers
    assert headers["anthropic-version"] == "2023-06-01"
    assert headers["content-type"] == "application/json"
    assert headers["accept"] == "application/json"
    expected_ua = ("Anthropic" if mode == "sync" else "AsyncAnthropic") + f"/Python {anthropic.__version__}"
    assert headers["user-agent"] == expected_ua
    assert headers["x-stainless-lang"] == "python"
    assert headers["x-stainless-retry-count"] == "0"
    assert headers["x-stainless-read-timeout"] == "600"
    assert headers["x-stainless-timeout"] == "600"
    assert headers["x-stainless-async"] == ("false" if mode == "sync" else "async:asyncio")
    assert headers["x-stainless-package-version"] == anthropic.__version__


def test_request_id_is_set_on_the_top_level_model(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.message("hi", headers={"request-id": "req_abc"}))
    client = make_client(mode, anthropic_server)
    message = run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert message._request_id == "req_abc"
    assert "_request_id" not in message.model_dump()


def test_auth_token_sends_bearer_and_both_may_be_set(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server, api_key="key-1", auth_token="tok-1")
    run(mode, lambda: client.messages.count_tokens(model="m", messages=[]))
    headers = anthropic_server.last_request.headers
    assert headers["authorization"] == "Bearer tok-1"
    assert headers["x-api-key"] == "key-1"
    assert "content-type" in headers


def test_env_vars_configure_the_client(
    mode: str, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "env-token")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", anthropic_server.url)
    client = (Anthropic if mode == "sync" else AsyncAnthropic)()
    assert client.api_key == "env-key"
    assert str(client.base_url) == anthropic_server.url  # 0.74.0 adds no slash to a bare origin
    run(mode, lambda: client.messages.count_tokens(model="m", messages=[]))
    headers = anthropic_server.last_request.headers
    assert headers["x-api-key"] == "env-key"
    assert headers["authorization"] == "Bearer env-token"


def test_missing_credentials_fail_at_request_time_with_the_official_type_error(
    mode: str, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    client = make_client(mode, anthropic_server, api_key=None)
    with pytest.raises(TypeError, match="Could not resolve authentication method"):
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert anthropic_server.requests == []
    # Omitting the auth header on purpose disables the check.
    run(
        mode,
        lambda: client.messages.create(**MESSAGE_ARGS, extra_headers={"X-Api-Key": anthropic.omit}),
    )
    assert "x-api-key" not in anthropic_server.last_request.headers


def test_per_call_options_are_merged(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(
        mode, anthropic_server, default_headers={"X-Team": "a", "X-Stainless-Lang": anthropic.omit}, default_query={"q": "1"}
    )
    run(
        mode,
        lambda: client.messages.create(
            **MESSAGE_ARGS,
            extra_headers={"X-Team": "b", "Accept": anthropic.omit},
            extra_query={"beta": "true"},
            extra_body={"max_tokens": 99, "extra_field": [1, 2]},
        ),
    )
    req = anthropic_server.last_request
    assert req.headers["x-team"] == "b"
    assert "x-stainless-lang" not in req.headers
    assert req.headers.get("accept") != "application/json"
    assert req.query == {"q": ["1"], "beta": ["true"]}
    assert req.json()["max_tokens"] == 99
    assert req.json()["extra_field"] == [1, 2]


def test_omitted_params_are_not_sent_and_none_is_sent_as_null(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    run(mode, lambda: client.messages.create(**MESSAGE_ARGS, temperature=anthropic.omit, metadata=None))  # type: ignore[arg-type]
    body = anthropic_server.last_request.json()
    assert "temperature" not in body
    assert body["metadata"] is None


def test_required_arguments_error_matches_0_74(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    with pytest.raises(TypeError, match=r"Missing required arguments; Expected either \('max_tokens', 'messages' and 'model'\) or \('max_tokens', 'messages', 'model' and 'stream'\) arguments to be given"):
        run(mode, lambda: client.messages.create(model="m", messages=[]))


def test_long_request_guard(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    with pytest.raises(ValueError, match="Streaming is required for operations that may take longer than 10 minutes"):
        run(mode, lambda: client.messages.create(**{**MESSAGE_ARGS, "max_tokens": 21_334}))
    with pytest.raises(ValueError, match="Streaming is required"):
        run(mode, lambda: client.messages.create(**{**MESSAGE_ARGS, "model": "claude-opus-4-0", "max_tokens": 8_193}))
    # An explicit timeout switches the guard off; so does a non-default client timeout.
    run(mode, lambda: client.messages.create(**{**MESSAGE_ARGS, "max_tokens": 30_000}, timeout=900))
    assert anthropic_server.last_request.headers["x-stainless-timeout"] == "900"
    relaxed = client.with_options(timeout=1200.0)
    run(mode, lambda: relaxed.messages.create(**{**MESSAGE_ARGS, "max_tokens": 30_000}))
    assert "x-stainless-timeout" not in anthropic_server.last_request.headers
    assert anthropic_server.last_request.headers["x-stainless-read-timeout"] == "1200.0"


def test_deprecated_model_warns(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    with pytest.warns(DeprecationWarning, match="The model 'claude-2.1' is deprecated and will reach end-of-life"):
        run(mode, lambda: client.messages.create(**{**MESSAGE_ARGS, "model": "claude-2.1"}))


def test_with_options_shares_the_pool_and_merges_options(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server, default_headers={"X-A": "1"})
    copy = client.with_options(max_retries=5, default_headers={"X-B": "2"})
    assert copy._client is client._client
    assert copy.max_retries == 5 and client.max_retries == 2
    run(mode, lambda: copy.messages.count_tokens(model="m", messages=[]))
    headers = anthropic_server.last_request.headers
    assert headers["x-a"] == "1" and headers["x-b"] == "2"
    replaced = client.copy(set_default_headers={"X-C": "3"})
    run(mode, lambda: replaced.messages.count_tokens(model="m", messages=[]))
    assert "x-a" not in anthropic_server.last_request.headers
    with pytest.raises(ValueError, match="mutually exclusive"):
        client.copy(default_headers={}, set_default_headers={})
    with pytest.raises(ValueError, match="mutually exclusive"):
        client.copy(default_query={}, set_default_query={})
    # Closing a copy closes the shared pool, as in 0.74.0.
    run(mode, copy.close)
    assert client.is_closed()


def test_max_retries_none_is_rejected() -> None:
    with pytest.raises(TypeError, match="max_retries cannot be None"):
        Anthropic(api_key="k", max_retries=None)  # type: ignore[arg-type]


def test_async_client_rejects_a_sync_http_client() -> None:
    with pytest.raises(TypeError, match="Invalid `http_client` argument"):
        AsyncAnthropic(api_key="k", http_client=httpx.Client())  # type: ignore[arg-type]


def test_context_manager_closes_the_pool(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    if mode == "sync":
        with make_client(mode, anthropic_server) as client:
            client.messages.count_tokens(model="m", messages=[])
        assert client.is_closed()
    else:

        async def main() -> None:
            async with make_client(mode, anthropic_server) as client:
                await client.messages.count_tokens(model="m", messages=[])
            assert client.is_closed()

        run(mode, main)


def test_custom_http_client_and_its_timeout(anthropic_server: FakeAnthropicServer) -> None:
    http = anthropic.DefaultHttpxClient(timeout=33.0, headers={"X-From-Httpx": "yes"})
    client = Anthropic(api_key="k", base_url=anthropic_server.url, http_client=http)
    assert client.timeout == httpx.Timeout(33.0)
    client.messages.count_tokens(model="m", messages=[])
    assert anthropic_server.last_request.headers["x-from-httpx"] == "yes"
    client.close()
    assert http.is_closed  # as in 0.74.0, closing the client closes the http_client it was given


# -- retries --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 529])
def test_retryable_statuses_are_retried(mode: str, status: int, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.error(status, headers={"retry-after-ms": "5"}), Reply.message("ok"))
    client = make_client(mode, anthropic_server)
    message = run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert message.content[0].text == "ok"
    counts = [r.headers["x-stainless-retry-count"] for r in anthropic_server.requests]
    assert counts == ["0", "1"]


def test_retries_give_up_after_max_retries_with_the_status_error(
    mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(*[Reply.error(529, headers={"retry-after-ms": "1"}) for _ in range(3)])
    client = make_client(mode, anthropic_server)
    with pytest.raises(anthropic.APIStatusError) as info:
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    from anthropic._exceptions import OverloadedError

    assert isinstance(info.value, OverloadedError)
    assert info.value.status_code == 529
    assert len(anthropic_server.requests) == 3


def test_x_should_retry_wins(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.error(500, headers={"x-should-retry": "false"}))
    client = make_client(mode, anthropic_server)
    with pytest.raises(anthropic.InternalServerError):
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert len(anthropic_server.requests) == 1
    anthropic_server.reset()
    anthropic_server.enqueue(Reply.error(400, headers={"x-should-retry": "true", "retry-after-ms": "1"}), Reply.message("ok"))
    run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert len(anthropic_server.requests) == 2


def test_non_retryable_status_is_not_retried(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.error(400, message="bad things"))
    client = make_client(mode, anthropic_server)
    with pytest.raises(anthropic.BadRequestError) as info:
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    err = info.value
    assert err.status_code == 400
    assert err.request_id is not None and err.request_id.startswith("req_")
    assert isinstance(err.body, dict)
    assert err.body["error"]["message"] == "bad things"  # type: ignore[index]
    assert err.message == f"Error code: 400 - {err.body}"
    assert len(anthropic_server.requests) == 1


def test_dropped_connection_is_retried_then_raises_connection_error(
    mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply(drop="before_status"), Reply.message("ok"))
    client = make_client(mode, anthropic_server)
    assert run(mode, lambda: client.messages.create(**MESSAGE_ARGS)).content[0].text == "ok"
    anthropic_server.reset()
    anthropic_server.enqueue(*[Reply(drop="reset") for _ in range(2)])
    quick = client.with_options(max_retries=1)
    with pytest.raises(anthropic.APIConnectionError) as info:
        run(mode, lambda: quick.messages.create(**MESSAGE_ARGS))
    assert not isinstance(info.value, anthropic.APITimeoutError)
    assert info.value.message == "Connection error."


def test_timeouts_raise_api_timeout_error(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.message("slow", delay=0.5), Reply.message("slow", delay=0.5))
    client = make_client(mode, anthropic_server, max_retries=1, timeout=0.1)
    with pytest.raises(anthropic.APITimeoutError, match="Request timed out"):
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))


@pytest.mark.parametrize(
    ("reply", "exc", "body_check"),
    [
        (Reply.html(502), anthropic.InternalServerError, lambda b: isinstance(b, str) and "502" in b),
        (Reply(status=503, body=b""), anthropic.InternalServerError, lambda b: b == ""),
        (Reply.text("not json at all", status=418), anthropic.APIStatusError, lambda b: b == "not json at all"),
    ],
)
def test_non_json_error_bodies(
    mode: str, anthropic_server: FakeAnthropicServer, reply: Reply, exc: type[Exception], body_check: Callable[[object], bool]
) -> None:
    anthropic_server.enqueue(reply)
    client = make_client(mode, anthropic_server, max_retries=0)
    with pytest.raises(exc) as info:
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert body_check(info.value.body)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=200, body=b'{"id": "msg_1", "content": [', content_type="application/json"),
        Reply.html(200),
    ],
)
def test_unparseable_success_bodies_raise_validation_error(
    mode: str, anthropic_server: FakeAnthropicServer, reply: Reply
) -> None:
    anthropic_server.enqueue(reply)
    client = make_client(mode, anthropic_server, max_retries=0)
    with pytest.raises(anthropic.APIResponseValidationError):
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))


def test_status_error_mapping(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    from anthropic import _exceptions as exc

    expected = {
        401: exc.AuthenticationError,
        403: exc.PermissionDeniedError,
        404: exc.NotFoundError,
        413: exc.RequestTooLargeError,
        422: exc.UnprocessableEntityError,
    }
    client = make_client(mode, anthropic_server, max_retries=0)
    for status, cls in expected.items():
        anthropic_server.enqueue(Reply.error(status))
        with pytest.raises(cls):
            run(mode, lambda: client.messages.count_tokens(model="m", messages=[]))


def test_lenient_parsing_of_future_api_shapes(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    future = {
        "id": "msg_future",
        "type": "message",
        "role": "assistant",
        "model": "claude-next",
        "content": [{"type": "hologram", "payload": {"x": 1}}, {"type": "text", "text": "hi"}],
        "stop_reason": "brand_new_reason",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 2, "new_counter": 3},
        "new_top_level": True,
    }
    anthropic_server.enqueue(Reply.json(future))
    client = make_client(mode, anthropic_server)
    message = run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
    assert message.stop_reason == "brand_new_reason"
    assert message.content[1].text == "hi"
    assert message.new_top_level is True
    assert message.model_dump()["usage"]["new_counter"] == 3


def test_strict_validation_raises(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.json({"id": "x", "type": "message"}))
    client = make_client(mode, anthropic_server, _strict_response_validation=True)
    with pytest.raises(anthropic.APIResponseValidationError):
        run(mode, lambda: client.messages.create(**MESSAGE_ARGS))


def test_raw_and_streaming_response_wrappers(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.error(429, headers={"retry-after-ms": "1"}), Reply.message("raw"))
    client = make_client(mode, anthropic_server)
    raw = run(mode, lambda: client.messages.with_raw_response.create(**MESSAGE_ARGS))
    assert raw.retries_taken == 1
    assert raw.status_code == 200
    assert raw.request_id == raw.headers["request-id"]
    assert raw.parse().content[0].text == "raw"
    assert anthropic_server.last_request.headers["x-stainless-raw-response"] == "true"
    raw2 = run(mode, lambda: client.with_raw_response.messages.count_tokens(model="m", messages=[]))
    assert raw2.parse().input_tokens >= 0

    if mode == "sync":
        with client.messages.with_streaming_response.count_tokens(model="m", messages=[]) as response:
            assert response.http_response.is_stream_consumed is False
            assert response.parse().input_tokens >= 0
    else:

        async def main() -> None:
            async with client.messages.with_streaming_response.count_tokens(model="m", messages=[]) as response:
                assert (await response.parse()).input_tokens >= 0

        run(mode, main)
    assert anthropic_server.last_request.headers["x-stainless-raw-response"] == "stream"


def test_generic_verbs(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(mode, anthropic_server)
    result = run(mode, lambda: client.post("/v1/messages/count_tokens", cast_to=httpx.Response, body={"model": "m", "messages": []}))
    assert isinstance(result, httpx.Response)
    assert json.loads(result.content)["input_tokens"] >= 0
    text = run(mode, lambda: client.get("/v1/models", cast_to=str, options={"params": {"limit": 2}}))
    assert '"data"' in text
    assert anthropic_server.last_request.query == {"limit": ["2"]}


def test_secrets_never_appear_in_reprs_errors_or_debug_logs(
    mode: str, anthropic_server: FakeAnthropicServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "sk-ant-supersecret-0123456789"
    client = make_client(mode, anthropic_server, api_key=secret, auth_token="bearer-secret-token")
    assert secret not in repr(client) and secret not in str(client)
    anthropic_server.enqueue(Reply.error(401, headers={"x-should-retry": "false"}))
    from anthropic._logs import setup_logging

    setup_logging()
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(anthropic.AuthenticationError) as info:
            run(mode, lambda: client.messages.create(**MESSAGE_ARGS))
        logging.getLogger("anthropic").debug("headers: %s", {"X-Api-Key": secret, "Authorization": "Bearer bearer-secret-token"})
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert secret not in caplog.text
    assert "bearer-secret-token" not in caplog.text
    assert client._config.api_key == secret
    assert secret not in repr(client._config)


def test_import_anthropic_is_lazy() -> None:
    code = (
        "import sys, anthropic\n"
        "heavy = [m for m in ('httpx', 'pydantic', 'pluggy', 'anthropic._client', 'anthropic.types', "
        "'anthropic.resources', 'anthropic.types.beta', 'importlib.metadata') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ})
    assert out.stdout.strip() == "[]"


def test_client_construction_and_create_import_only_what_they_need() -> None:
    code = (
        "import sys, anthropic\n"
        "from anthropic.testing import FakeAnthropicServer\n"
        "with FakeAnthropicServer() as s:\n"
        "    c = anthropic.Anthropic(api_key='k', base_url=s.url)\n"
        "    c.messages.create(model='m', max_tokens=5, messages=[])\n"
        "bad = [m for m in sys.modules if m.startswith(('anthropic.types.beta', 'anthropic.resources.beta', "
        "'anthropic.resources.models', 'anthropic.resources.completions', 'anthropic.lib.streaming'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={**os.environ, "ANTHROPIC_PLUGINS_AUTOLOAD": "0"},
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_module_of_exported_names_is_anthropic() -> None:
    assert anthropic.NotFoundError.__module__ == "anthropic"
    assert anthropic.Anthropic.__module__ == "anthropic"
    assert anthropic.Client is anthropic.Anthropic
    assert anthropic.AsyncClient is anthropic.AsyncAnthropic
    assert anthropic.HUMAN_PROMPT == "\n\nHuman:" and anthropic.Anthropic.AI_PROMPT == "\n\nAssistant:"
    assert anthropic.DEFAULT_TIMEOUT == httpx.Timeout(600, connect=5.0)
    assert anthropic.DEFAULT_MAX_RETRIES == 2
    assert anthropic.DEFAULT_CONNECTION_LIMITS == httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    assert repr(anthropic.NOT_GIVEN) == "NOT_GIVEN" and not anthropic.NOT_GIVEN and not anthropic.omit


def test_warnings_are_clean_on_the_happy_path(anthropic_server: FakeAnthropicServer) -> None:
    import gc

    with warnings.catch_warnings():  # what earlier tests left behind is not this test's business
        warnings.simplefilter("ignore")
        gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with Anthropic(api_key="k", base_url=anthropic_server.url) as client:
            client.messages.create(**MESSAGE_ARGS)


def test_get_api_list_walks_pages(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    from anthropic.pagination import AsyncPage, SyncPage
    from anthropic.types import ModelInfo

    client = make_client(mode, anthropic_server)
    if mode == "sync":
        page = client.get_api_list("/v1/models", model=ModelInfo, page=SyncPage, options={"params": {"limit": 2}})
        ids = [m.id for m in page]
        first = page.data[0]
    else:

        async def walk() -> tuple[list[str], Any]:
            paginator = client.get_api_list("/v1/models", model=ModelInfo, page=AsyncPage, options={"params": {"limit": 2}})
            first_page = await paginator
            return [m.id async for m in paginator], first_page.data[0]

        ids, first = run(mode, walk)
    assert isinstance(first, ModelInfo)
    assert len(ids) == len(set(ids)) >= 3
    assert len(anthropic_server.requests) >= 2
    assert any(r.query.get("after_id") == [ids[1]] for r in anthropic_server.requests)
