"""AnthropicVertex over real HTTP: constructor resolution, URL/body rewrites, streaming, unsupported endpoints,
status mapping, retries and copies — sync and async alike (static access token; auth is in test_vertex_auth)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

import anthropic
from anthropic import UnsupportedOnPlatformError
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

MODEL = "claude-sonnet-4-5@20250929"
MESSAGES = [{"role": "user", "content": "Hello"}]
BASE_PATH = "/v1/projects/proj/locations/us-east5/publishers/anthropic/models"
ANY_PREDICT = re.compile(r"/v1/projects/.*:(stream)?[rR]awPredict")

Run = Callable[[Callable[[], Any]], Any]


def _collect(stream: Any) -> Any:
    """The event types of a Stream / AsyncStream (as a value or an awaitable)."""
    if hasattr(stream, "__aiter__"):

        async def collect() -> list[str]:
            return [event.type async for event in stream]

        return collect()
    return [event.type for event in stream]


# -- construction -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [AnthropicVertex, AsyncAnthropicVertex])
def test_region_is_required(cls: type[Any]) -> None:
    with pytest.raises(ValueError, match=r"No region was given\. The client should be instantiated with the `region`"):
        cls(project_id="p", access_token="t")


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("us-east5", "https://us-east5-aiplatform.googleapis.com/v1/"),
        ("europe-west1", "https://europe-west1-aiplatform.googleapis.com/v1/"),
        ("global", "https://aiplatform.googleapis.com/v1/"),
        ("us", "https://aiplatform.us.rep.googleapis.com/v1/"),
        ("eu", "https://aiplatform.eu.rep.googleapis.com/v1/"),
    ],
)
def test_base_url_follows_the_region(region: str, expected: str) -> None:
    client = AnthropicVertex(region=region, project_id="p", access_token="t")
    assert str(client.base_url) == expected
    assert client.region == region


def test_env_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUD_ML_REGION", "asia-southeast1")
    monkeypatch.setenv("ANTHROPIC_VERTEX_PROJECT_ID", "env-project")
    client = AnthropicVertex(access_token="t")
    assert client.region == "asia-southeast1"
    assert client.project_id == "env-project"
    assert str(client.base_url) == "https://asia-southeast1-aiplatform.googleapis.com/v1/"

    monkeypatch.setenv("ANTHROPIC_VERTEX_BASE_URL", "https://vertex.example.com/v1")
    assert str(AnthropicVertex(access_token="t").base_url) == "https://vertex.example.com/v1/"
    explicit = AnthropicVertex(access_token="t", region="global", project_id="arg", base_url="https://x.example/v9")
    assert (explicit.region, explicit.project_id, str(explicit.base_url)) == ("global", "arg", "https://x.example/v9/")


def test_constructor_attributes_and_types() -> None:
    client = AnthropicVertex(region="us-east5", project_id="p", access_token="tok")
    assert (client.access_token, client.credentials, client.api_key, client.auth_token) == ("tok", None, None, None)
    assert isinstance(client, anthropic.Anthropic)
    assert isinstance(AsyncAnthropicVertex(region="us-east5", access_token="t"), anthropic.AsyncAnthropic)
    with pytest.raises(TypeError, match="httpx.Client"):
        AnthropicVertex(region="us-east5", http_client=object())  # type: ignore[arg-type]


def test_served_from_anthropic_and_the_0_74_path() -> None:
    import anthropic.lib.vertex as lib_vertex

    assert lib_vertex.AnthropicVertex is AnthropicVertex
    assert lib_vertex.AsyncAnthropicVertex is AsyncAnthropicVertex
    assert anthropic.AnthropicVertex is AnthropicVertex
    assert anthropic.AsyncAnthropicVertex is AsyncAnthropicVertex


# -- request rewrites ------------------------------------------------------------------------------------------


def test_create_goes_to_raw_predict(
    make_client: Callable[..., Any], run: Run, mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("Hi there"), path=ANY_PREDICT)
    client = make_client()
    message = run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    assert message.content[0].text == "Hi there"
    req = anthropic_server.last_request
    assert req.method == "POST"
    assert req.path == f"{BASE_PATH}/{MODEL}:rawPredict"
    assert req.query_string == ""
    assert req.json() == {"max_tokens": 16, "messages": MESSAGES, "anthropic_version": "vertex-2023-10-16"}
    assert req.headers["authorization"] == "Bearer static-token"
    assert "x-api-key" not in req.headers
    assert "anthropic-version" not in req.headers
    expected_ua = ("AnthropicVertex" if mode == "sync" else "AsyncAnthropicVertex") + f"/Python {anthropic.__version__}"
    assert req.headers["user-agent"] == expected_ua
    assert "x-stainless-async" not in req.headers  # as 0.74.0's Vertex clients, sync and async


def test_first_party_env_credentials_are_not_sent(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-first-party")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "first-party-token")
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = make_client()
    run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    headers = anthropic_server.last_request.headers
    assert "x-api-key" not in headers
    assert headers["authorization"] == "Bearer static-token"


def test_first_party_headers_are_dropped_even_when_set_explicitly(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = make_client(default_headers={"X-Api-Key": "sk-ant-x", "x-team": "t"})
    run(
        lambda: client.messages.create(
            model=MODEL, max_tokens=16, messages=MESSAGES, extra_headers={"anthropic-version": "2023-06-01"}
        )
    )
    headers = anthropic_server.last_request.headers
    assert "x-api-key" not in headers
    assert "anthropic-version" not in headers
    assert headers["x-team"] == "t"


def test_an_explicit_anthropic_version_in_the_body_wins(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = make_client()
    run(
        lambda: client.messages.create(
            model=MODEL, max_tokens=16, messages=MESSAGES, extra_body={"anthropic_version": "vertex-2099-01-01"}
        )
    )
    assert anthropic_server.last_request.json()["anthropic_version"] == "vertex-2099-01-01"


def test_stream_goes_to_stream_raw_predict_and_keeps_stream_in_body(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("streamed words here"), path=ANY_PREDICT)
    client = make_client()
    stream = run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True))
    types = run(lambda: _collect(stream))
    assert types[0] == "message_start"
    assert types[-1] == "message_stop"
    assert "content_block_delta" in types
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/{MODEL}:streamRawPredict"
    body = req.json()
    assert body["stream"] is True
    assert "model" not in body
    assert body["anthropic_version"] == "vertex-2023-10-16"


def test_stream_helper_accumulates_text(make_client: Callable[..., Any], anthropic_server: FakeAnthropicServer) -> None:
    client = make_client()
    if not hasattr(type(client.messages), "stream"):
        pytest.skip("messages.stream() is not available in core yet")
    anthropic_server.enqueue(Reply.message("several streamed words"), path=ANY_PREDICT)
    if isinstance(client, AnthropicVertex):
        with client.messages.stream(model=MODEL, max_tokens=16, messages=MESSAGES) as stream:
            text = stream.get_final_text()
    else:
        import anyio

        async def main() -> str:
            async with client.messages.stream(model=MODEL, max_tokens=16, messages=MESSAGES) as stream:
                return await stream.get_final_text()

        text = anyio.run(main)
    assert text == "several streamed words"
    assert anthropic_server.last_request.path.endswith(":streamRawPredict")


def test_raw_and_streaming_responses(
    make_client: Callable[..., Any], run: Run, mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("raw", headers={"request-id": "req_vertex_1"}), path=ANY_PREDICT)
    client = make_client()
    raw = run(lambda: client.messages.with_raw_response.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    assert raw.headers["request-id"] == "req_vertex_1"
    assert raw.parse().content[0].text == "raw"
    assert anthropic_server.last_request.path == f"{BASE_PATH}/{MODEL}:rawPredict"

    anthropic_server.enqueue(Reply.message("streamed"), path=ANY_PREDICT)
    if mode == "sync":
        with client.messages.with_streaming_response.create(model=MODEL, max_tokens=16, messages=MESSAGES) as resp:
            assert resp.parse().content[0].text == "streamed"
    else:

        async def main() -> str:
            async with client.messages.with_streaming_response.create(
                model=MODEL, max_tokens=16, messages=MESSAGES
            ) as resp:
                return (await resp.parse()).content[0].text

        assert run(main) == "streamed"
    assert anthropic_server.last_request.path == f"{BASE_PATH}/{MODEL}:rawPredict"


def test_count_tokens_keeps_the_model_in_the_body(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.json({"input_tokens": 42}), path=ANY_PREDICT)
    client = make_client()
    count = run(lambda: client.messages.count_tokens(model=MODEL, messages=MESSAGES))
    assert count.input_tokens == 42
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/count-tokens:rawPredict"
    assert req.json() == {"messages": MESSAGES, "model": MODEL, "anthropic_version": "vertex-2023-10-16"}


def test_beta_paths_drop_the_beta_flag_but_keep_other_query_params(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message(), Reply.json({"input_tokens": 1}), path=ANY_PREDICT)
    client = make_client(default_query={"trace": "1"})
    body = {"model": MODEL, "max_tokens": 8, "messages": MESSAGES}
    options = {"headers": {"anthropic-beta": "context-1m-2025-08-07"}}
    run(lambda: client.post("/v1/messages?beta=true", cast_to=object, body=body, options=options))
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/{MODEL}:rawPredict"
    assert req.query_string == "trace=1"
    assert req.headers["anthropic-beta"] == "context-1m-2025-08-07"

    run(lambda: client.post("/v1/messages/count_tokens?beta=true", cast_to=object, body={"model": MODEL}))
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/count-tokens:rawPredict"
    assert req.query_string == "trace=1"


def test_beta_messages_resource(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    pytest.importorskip("anthropic.resources.beta")
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    client = make_client()
    run(
        lambda: client.beta.messages.create(
            model=MODEL, max_tokens=8, messages=MESSAGES, betas=["context-1m-2025-08-07"]
        )
    )
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/{MODEL}:rawPredict"
    assert req.query_string == ""
    assert req.headers["anthropic-beta"] == "context-1m-2025-08-07"


def test_other_paths_pass_through_with_the_body_version(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.json({"ok": True}), path="/v1/custom/thing")
    client = make_client()
    run(lambda: client.post("/custom/thing", cast_to=object, body={"a": 1}))
    req = anthropic_server.last_request
    assert req.json() == {"a": 1, "anthropic_version": "vertex-2023-10-16"}


# -- unsupported endpoints ------------------------------------------------------------------------------------


def test_batches_are_refused_before_sending(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client()
    with pytest.raises(UnsupportedOnPlatformError, match="The Batch API is not supported in the Vertex client yet"):
        run(lambda: client.post("/v1/messages/batches", cast_to=object, body={"requests": []}))
    with pytest.raises(anthropic.AnthropicError, match="Batch API"):
        run(lambda: client.get("/v1/messages/batches/msgbatch_1", cast_to=object))
    assert anthropic_server.requests == []


@pytest.mark.parametrize(
    ("module", "call", "message"),
    [
        ("anthropic.resources.messages.batches", lambda c: c.messages.batches.list(), "Batch API"),
        ("anthropic.resources.beta", lambda c: c.beta.messages.batches.list(), "Batch API"),
        (
            "anthropic.resources.completions",
            lambda c: c.completions.create(model="m", max_tokens_to_sample=1, prompt="x"),
            "Text Completions API",
        ),
        ("anthropic.resources.models", lambda c: c.models.list(), "Models API"),
        ("anthropic.resources.beta", lambda c: c.beta.models.list(), "Models API"),
        ("anthropic.resources.beta", lambda c: c.beta.files.list(), "Files API"),
        ("anthropic.resources.beta", lambda c: c.beta.skills.list(), "Skills API"),
    ],
)
def test_unsupported_resources_raise_before_sending(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    module: str,
    call: Callable[[Any], Any],
    message: str,
) -> None:
    pytest.importorskip(module)
    client = make_client()
    with pytest.raises(UnsupportedOnPlatformError, match=f"The {message} is not supported in the Vertex client"):
        run(lambda: call(client))
    assert anthropic_server.requests == []


@pytest.mark.parametrize(
    ("endpoint", "supported"),
    [
        ("messages.create", True),
        ("messages.count_tokens", True),
        ("beta.messages.create", True),
        ("beta.messages.count_tokens", True),
        ("messages.batches.create", False),
        ("beta.messages.batches.list", False),
        ("completions.create", False),
        ("models.list", False),
        ("beta.models.retrieve", False),
        ("beta.files.upload", False),
        ("beta.skills.create", False),
        ("beta.skills.versions.list", False),
    ],
)
def test_support_table(endpoint: str, supported: bool) -> None:
    client = AnthropicVertex(region="us-east5", project_id="p", access_token="t")
    assert (client._platform.unsupported_message(endpoint) is None) is supported


# -- errors and retries -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, anthropic.BadRequestError),
        (401, anthropic.AuthenticationError),
        (403, anthropic.PermissionDeniedError),
        (404, anthropic.NotFoundError),
        (409, anthropic.ConflictError),
        (422, anthropic.UnprocessableEntityError),
        (429, anthropic.RateLimitError),
        (500, anthropic.InternalServerError),
        (503, anthropic._exceptions.ServiceUnavailableError),
        (504, anthropic._exceptions.DeadlineExceededError),
        (529, anthropic.InternalServerError),
        (413, anthropic.APIStatusError),
    ],
)
def test_status_mapping_is_vertex_s(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    status: int,
    error: type[Exception],
) -> None:
    anthropic_server.enqueue(Reply.error(status), path=ANY_PREDICT)
    client = make_client(max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as info:
        run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.request_id == anthropic_server.last_request.request_id


def test_a_retry_sends_the_same_rewritten_request(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.error(503, headers={"retry-after-ms": "10"}), Reply.message("ok"), path=ANY_PREDICT)
    client = make_client(max_retries=2)
    message = run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    assert message.content[0].text == "ok"
    first, second = anthropic_server.requests
    assert first.path == second.path == f"{BASE_PATH}/{MODEL}:rawPredict"
    assert first.json() == second.json()
    assert "model" not in second.json()
    assert (first.headers["x-stainless-retry-count"], second.headers["x-stainless-retry-count"]) == ("0", "1")


# -- copies ------------------------------------------------------------------------------------------------------


def test_with_options_keeps_the_platform_options(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(default_headers={"x-team": "a"})
    copy = client.with_options(timeout=12, max_retries=1)
    assert type(copy) is type(client)
    assert (copy.region, copy.project_id, copy.access_token) == ("us-east5", "proj", "static-token")
    assert copy.timeout == 12
    assert copy.max_retries == 1
    assert copy._client is client._client
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    run(lambda: copy.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    req = anthropic_server.last_request
    assert req.path == f"{BASE_PATH}/{MODEL}:rawPredict"
    assert req.headers["x-team"] == "a"
    assert req.headers["authorization"] == "Bearer static-token"

    moved = client.copy(region="europe-west4", project_id="other", access_token="tok2")
    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    run(lambda: moved.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    req = anthropic_server.last_request
    assert req.path == f"/v1/projects/other/locations/europe-west4/publishers/anthropic/models/{MODEL}:rawPredict"
    assert req.headers["authorization"] == "Bearer tok2"
    # the original client is unchanged
    assert (client.region, client.project_id, client.access_token) == ("us-east5", "proj", "static-token")


def test_copy_with_default_headers_mutually_exclusive(make_client: Callable[..., Any]) -> None:
    client = make_client()
    with pytest.raises(ValueError, match="mutually exclusive"):
        client.copy(default_headers={"a": "b"}, set_default_headers={"c": "d"})


def test_reassigned_region_and_project_apply_to_the_next_request(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    """As in 0.74.0: the client's attributes are read per request (the base URL's host stays)."""
    anthropic_server.enqueue(Reply.message("one"), Reply.message("two"), Reply.message("three"), path=ANY_PREDICT)
    client = make_client()
    run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    client.region = "europe-west1"
    client.project_id = "other-proj"
    run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    copy = client.with_options(max_retries=0)
    run(lambda: copy.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    first, second, copied = (r.path for r in anthropic_server.requests)
    assert first == f"{BASE_PATH}/{MODEL}:rawPredict"
    moved = f"/v1/projects/other-proj/locations/europe-west1/publishers/anthropic/models/{MODEL}:rawPredict"
    assert second == moved
    assert copied == moved
    assert (client.region, copy.region) == ("europe-west1", "europe-west1")
