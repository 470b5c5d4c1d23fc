"""Vertex bearer tokens through the real google-auth library: a service-account key whose token_uri is the fake
server, refresh before expiry, one refresh for many concurrent requests, application-default credentials, and
an async client whose event loop keeps running while a slow token endpoint answers."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import anyio
import pytest
from _vertex_support import PROJECT, TokenEndpoint

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

MODEL = "claude-sonnet-4-5@20250929"
MESSAGES = [{"role": "user", "content": "Hello"}]
ANY_PREDICT = re.compile(r"/v1/projects/.*:(stream)?[rR]awPredict")

Run = Callable[[Callable[[], Any]], Any]


def _create(client: Any) -> Any:
    return client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES)


def _api_requests(server: FakeAnthropicServer) -> list[Any]:
    return [r for r in server.requests if r.path != "/token"]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def test_service_account_token_is_fetched_once_and_reused(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    service_account: Any,
) -> None:
    token_endpoint.enqueue("tok1")
    anthropic_server.enqueue(Reply.message(), Reply.message(), path=ANY_PREDICT)
    client = make_client(credentials=service_account)
    run(lambda: _create(client))
    run(lambda: _create(client))
    assert token_endpoint.hits == 1
    assert len(token_endpoint.claims) == 1  # the grant was signed with our generated key and verified
    assert [r.headers["authorization"] for r in _api_requests(anthropic_server)] == ["Bearer tok1", "Bearer tok1"]
    assert client.credentials is service_account
    assert service_account.token == "tok1"


def test_token_is_refreshed_before_it_expires(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    service_account: Any,
) -> None:
    token_endpoint.enqueue("tok1")
    token_endpoint.enqueue("tok2")
    token_endpoint.enqueue("tok3")
    anthropic_server.enqueue(Reply.message(), Reply.message(), Reply.message(), Reply.message(), path=ANY_PREDICT)
    client = make_client(credentials=service_account)
    run(lambda: _create(client))
    # Still valid for a minute: inside the refresh margin, so the next request refreshes first.
    service_account.expiry = _utcnow() + timedelta(seconds=60)
    run(lambda: _create(client))
    # Comfortably valid: reused.
    run(lambda: _create(client))
    # Expired already: refreshed.
    service_account.expiry = _utcnow() - timedelta(seconds=5)
    run(lambda: _create(client))
    assert token_endpoint.hits == 3
    assert [r.headers["authorization"] for r in _api_requests(anthropic_server)] == [
        "Bearer tok1",
        "Bearer tok2",
        "Bearer tok2",
        "Bearer tok3",
    ]


def test_a_retry_reuses_a_fresh_token(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    service_account: Any,
) -> None:
    token_endpoint.enqueue("tok1")
    anthropic_server.enqueue(Reply.error(500, headers={"retry-after-ms": "5"}), Reply.message(), path=ANY_PREDICT)
    client = make_client(credentials=service_account, max_retries=1)
    run(lambda: _create(client))
    assert token_endpoint.hits == 1
    assert [r.headers["authorization"] for r in _api_requests(anthropic_server)] == ["Bearer tok1", "Bearer tok1"]


def test_project_comes_from_the_credentials_when_not_given(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    service_account: Any,
) -> None:
    token_endpoint.enqueue("tok1")
    anthropic_server.enqueue(Reply.json({"input_tokens": 3}), path=ANY_PREDICT)
    client = make_client(credentials=service_account, project_id=None)
    assert client.project_id == PROJECT
    run(lambda: client.messages.count_tokens(model=MODEL, messages=MESSAGES))
    assert anthropic_server.last_request.path == (
        f"/v1/projects/{PROJECT}/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict"
    )


def test_application_default_credentials_give_token_and_project(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    token_endpoint.enqueue("adc-token")
    anthropic_server.enqueue(Reply.message(), Reply.message(), path=ANY_PREDICT)
    client = make_client(project_id=None, access_token=None)
    assert client.project_id is None
    assert client.credentials is None
    run(lambda: _create(client))
    req = anthropic_server.last_request
    assert req.path == f"/v1/projects/{PROJECT}/locations/us-east5/publishers/anthropic/models/{MODEL}:rawPredict"
    assert req.headers["authorization"] == "Bearer adc-token"
    assert client.project_id == PROJECT
    assert client.credentials is not None
    # Copies share the loaded credentials: no second token request.
    copy = client.with_options(timeout=30)
    assert copy.credentials is client.credentials
    run(lambda: _create(copy))
    assert token_endpoint.hits == 1
    assert anthropic_server.last_request.headers["authorization"] == "Bearer adc-token"


def test_missing_project_raises_at_request_time_before_sending(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(project_id=None)  # a static token and no project anywhere
    with pytest.raises(RuntimeError, match="No project_id was given and it could not be resolved from credentials"):
        run(lambda: _create(client))
    assert anthropic_server.requests == []


def test_missing_default_credentials_report_the_project(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import google.auth
    from google.auth.exceptions import DefaultCredentialsError

    def no_credentials(**_: Any) -> Any:
        raise DefaultCredentialsError("no ADC in this test")

    monkeypatch.setattr(google.auth, "default", no_credentials)
    client = make_client(project_id=None, access_token=None)
    with pytest.raises(RuntimeError, match="No project_id was given") as info:
        run(lambda: _create(client))
    assert isinstance(info.value.__cause__, DefaultCredentialsError)
    assert anthropic_server.requests == []


def test_a_caller_authorization_header_skips_google_auth(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, service_account: Any
) -> None:
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = make_client(credentials=service_account)
    run(
        lambda: client.messages.create(
            model=MODEL, max_tokens=8, messages=MESSAGES, extra_headers={"Authorization": "Bearer mine"}
        )
    )
    assert anthropic_server.last_request.headers["authorization"] == "Bearer mine"
    assert [r.path for r in anthropic_server.requests if r.path == "/token"] == []
    assert service_account.token is None


def test_refresh_failure_surfaces_google_s_error(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, service_account: Any
) -> None:
    from google.auth.exceptions import RefreshError

    anthropic_server.enqueue(
        Reply.json({"error": "invalid_grant", "error_description": "bad key"}, status=400), path="/token"
    )
    client = make_client(credentials=service_account)
    with pytest.raises(RefreshError, match="invalid_grant"):
        run(lambda: _create(client))
    assert _api_requests(anthropic_server) == []


# -- concurrency: one refresh for everyone waiting --------------------------------------------------------------


def test_sync_concurrent_requests_share_one_refresh(
    anthropic_server: FakeAnthropicServer, token_endpoint: TokenEndpoint, service_account: Any
) -> None:
    token_endpoint.enqueue("tok-shared", delay=0.3)
    token_endpoint.enqueue("tok-unexpected")
    anthropic_server.enqueue(*[Reply.message() for _ in range(8)], path=ANY_PREDICT)
    client = AnthropicVertex(
        region="us-east5", project_id="proj", credentials=service_account, base_url=f"{anthropic_server.url}/v1"
    )
    # Half the threads use a copy: copies share the credentials and so the refresh lock.
    clients = [client, client.with_options(timeout=20)]
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            _create(clients[index % 2])
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == []
    assert token_endpoint.hits == 1
    assert {r.headers["authorization"] for r in _api_requests(anthropic_server)} == {"Bearer tok-shared"}
    assert len(_api_requests(anthropic_server)) == 8


@pytest.mark.anyio
async def test_async_concurrent_requests_share_one_refresh(
    anthropic_server: FakeAnthropicServer, token_endpoint: TokenEndpoint, service_account: Any
) -> None:
    token_endpoint.enqueue("tok-shared", delay=0.3)
    token_endpoint.enqueue("tok-unexpected")
    anthropic_server.enqueue(*[Reply.message() for _ in range(10)], path=ANY_PREDICT)
    client = AsyncAnthropicVertex(
        region="us-east5", project_id="proj", credentials=service_account, base_url=f"{anthropic_server.url}/v1"
    )
    async with anyio.create_task_group() as tg:
        for _ in range(10):
            tg.start_soon(_create, client)
    assert token_endpoint.hits == 1
    assert {r.headers["authorization"] for r in _api_requests(anthropic_server)} == {"Bearer tok-shared"}
    assert len(_api_requests(anthropic_server)) == 10


@pytest.mark.anyio
async def test_async_refresh_does_not_block_the_event_loop(
    anthropic_server: FakeAnthropicServer, token_endpoint: TokenEndpoint, service_account: Any
) -> None:
    # The token endpoint holds its answer until a task on the event loop releases it. A refresh that blocked the
    # loop would keep that task from running: the hold would last its whole failure bound and the test fail.
    arrived, release = threading.Event(), threading.Event()
    released: list[bool] = []
    answer = token_endpoint._responder("slow-token", 3600, 0.0)  # pyright: ignore[reportPrivateUsage]

    def held(request: Any) -> Any:
        arrived.set()
        released.append(release.wait(30))  # a failure bound
        return answer(request)

    anthropic_server.enqueue(held, path="/token", method="POST")
    anthropic_server.enqueue(Reply.message("done"), path=ANY_PREDICT)
    client = AsyncAnthropicVertex(
        region="us-east5", project_id="proj", credentials=service_account, base_url=f"{anthropic_server.url}/v1"
    )

    async def releaser() -> None:
        while not arrived.is_set():  # the refresh has started (its request reached the token endpoint)
            await anyio.sleep(0.005)
        release.set()  # ... and the loop still runs tasks

    async with anyio.create_task_group() as tg:
        tg.start_soon(releaser)
        message = await _create(client)
    assert message.content[0].text == "done"
    assert released == [True]
    assert anthropic_server.last_request.headers["authorization"] == "Bearer slow-token"


@pytest.mark.anyio
async def test_async_default_credentials_load_off_the_loop(
    anthropic_server: FakeAnthropicServer,
    token_endpoint: TokenEndpoint,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import google.auth

    loop_thread = threading.get_ident()
    seen_threads: list[int] = []
    real_default = google.auth.default

    def recording_default(**kwargs: Any) -> Any:
        seen_threads.append(threading.get_ident())
        return real_default(**kwargs)

    monkeypatch.setattr(google.auth, "default", recording_default)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    token_endpoint.enqueue("adc-token")
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = AsyncAnthropicVertex(region="global", base_url=f"{anthropic_server.url}/v1")
    await _create(client)
    assert len(seen_threads) == 1
    assert seen_threads[0] != loop_thread
    req = anthropic_server.last_request
    assert req.path == f"/v1/projects/{PROJECT}/locations/global/publishers/anthropic/models/{MODEL}:rawPredict"
    assert req.headers["authorization"] == "Bearer adc-token"
