"""Requests of the Bedrock clients over real HTTP: rewrite, SigV4 verified by the server, credentials, errors."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from bedrock_wire import (
    ACCESS_KEY,
    REGION,
    SECRET_KEY,
    SESSION_TOKEN,
    STATIC_SECRETS,
    message_json,
    signed,
    verify_sigv4,
)

import anthropic
from anthropic import _exceptions
from anthropic._request import APIRequest
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

MODEL_PATH = re.compile(r"/model/.*")
ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4"
MESSAGES = [{"role": "user", "content": "Hello"}]


def _client(server: FakeAnthropicServer, **kwargs: Any) -> AnthropicBedrock:
    options: dict[str, Any] = {"aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY, "aws_region": REGION}
    options.update(kwargs)
    return AnthropicBedrock(base_url=server.url, **options)


def _run_async(server: FakeAnthropicServer, op: Callable[[AsyncAnthropicBedrock], Any], **kwargs: Any) -> Any:
    options: dict[str, Any] = {"aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY, "aws_region": REGION}
    options.update(kwargs)

    async def main() -> Any:
        async with AsyncAnthropicBedrock(base_url=server.url, **options) as client:
            return await op(client)

    return anyio.run(main)


def _create(mode: str, server: FakeAnthropicServer, **create: Any) -> Any:
    create.setdefault("max_tokens", 64)
    create.setdefault("messages", MESSAGES)
    if mode == "sync":
        return _client(server).messages.create(**create)
    return _run_async(server, lambda c: c.messages.create(**create))


# -- rewrite -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_create_is_rewritten_and_signed(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json("Hi!"))), path=MODEL_PATH)
    message = _create(mode, anthropic_server, model="anthropic.claude-3-5-sonnet-20241022-v2:0")
    assert message.content[0].text == "Hi!"
    request = anthropic_server.last_request
    assert request.method == "POST"
    assert request.path == "/model/anthropic.claude-3-5-sonnet-20241022-v2:0/invoke"
    assert request.query_string == ""
    body = request.json()
    assert body == {"max_tokens": 64, "messages": MESSAGES, "anthropic_version": "bedrock-2023-05-31"}
    for header in ("x-api-key", "anthropic-version", "x-amz-security-token"):
        assert header not in request.headers
    verified = verify_sigv4(request, STATIC_SECRETS)
    assert "connection" not in verified.signed_headers
    assert "connection" in request.headers  # sent, but not signed: proxies may drop it
    assert "x-stainless-async" not in request.headers  # as 0.74.0's Bedrock clients, sync and async
    assert request.headers["user-agent"].startswith(("AnthropicBedrock/Python ", "AsyncAnthropicBedrock/Python "))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_inference_profile_arn_is_quoted(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json())), path=MODEL_PATH)
    _create(mode, anthropic_server, model=ARN)
    request = anthropic_server.last_request
    assert (
        request.path == "/model/arn:aws:bedrock:us-east-1:123456789012:application-inference-profile%2Fa1b2c3d4/invoke"
    )
    assert "model" not in request.json()
    verify_sigv4(request, STATIC_SECRETS)


def test_betas_go_into_the_body_and_version_is_not_overridden(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json())), path=MODEL_PATH)
    _client(anthropic_server).messages.create(
        model="m",
        max_tokens=10,
        messages=MESSAGES,
        extra_headers={"anthropic-beta": "interleaved-thinking-2025-05-14,context-1m-2025-08-07"},
        extra_body={"anthropic_version": "bedrock-2099-01-01"},
    )
    request = anthropic_server.last_request
    body = request.json()
    assert body["anthropic_beta"] == ["interleaved-thinking-2025-05-14", "context-1m-2025-08-07"]
    assert body["anthropic_version"] == "bedrock-2099-01-01"
    assert request.headers["anthropic-beta"] == "interleaved-thinking-2025-05-14,context-1m-2025-08-07"
    verify_sigv4(request, STATIC_SECRETS)


def test_raw_beta_messages_path_is_rewritten_without_the_beta_flag(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json())), path=MODEL_PATH)
    client = _client(anthropic_server, default_query={"trace": "1"})
    response = client.post(
        "/v1/messages?beta=true",
        cast_to=httpx.Response,
        body={"model": "m", "max_tokens": 5, "messages": MESSAGES, "stream": False},
        options={"headers": {"anthropic-beta": "b1"}},
    )
    assert response.status_code == 200
    request = anthropic_server.last_request
    assert request.target == "/model/m/invoke?trace=1"
    assert request.json() == {
        "max_tokens": 5,
        "messages": MESSAGES,
        "anthropic_version": "bedrock-2023-05-31",
        "anthropic_beta": ["b1"],
    }
    verify_sigv4(request, STATIC_SECRETS)


def test_legacy_complete_path_is_rewritten(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(
        signed(Reply.json({"type": "completion", "completion": " hi", "stop_reason": "stop_sequence"})), path=MODEL_PATH
    )
    client = _client(anthropic_server)
    client.post(
        "/v1/complete",
        cast_to=httpx.Response,
        body={"model": "anthropic.claude-v2", "prompt": "\n\nHuman: hi\n\nAssistant:", "max_tokens_to_sample": 5},
    )
    request = anthropic_server.last_request
    assert request.path == "/model/anthropic.claude-v2/invoke"
    assert request.json()["anthropic_version"] == "bedrock-2023-05-31"


def test_api_key_and_version_headers_never_reach_aws(
    anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-secret")
    anthropic_server.enqueue(signed(Reply.json(message_json())), path=MODEL_PATH)
    client = _client(anthropic_server, default_headers={"X-Api-Key": "sk-ant-other", "anthropic-version": "2023-06-01"})
    client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
    request = anthropic_server.last_request
    assert "x-api-key" not in request.headers
    assert "anthropic-version" not in request.headers
    assert "sk-ant" not in request.body.decode()


def test_other_paths_keep_their_url_but_get_the_body_version(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json({"ok": True})), path="/custom/thing")
    client = _client(anthropic_server)
    client.post("/custom/thing", cast_to=httpx.Response, body={"a": 1})
    request = anthropic_server.last_request
    assert request.path == "/custom/thing"
    assert request.json() == {"a": 1, "anthropic_version": "bedrock-2023-05-31"}


# -- signing on every attempt ------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_retried_request_is_signed_again(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    throttled = Reply.json({"message": "Too many requests"}, status=429, headers=[("retry-after-ms", "5")])
    anthropic_server.enqueue(signed(throttled), signed(Reply.json(message_json("after retry"))), path=MODEL_PATH)
    message = _create(mode, anthropic_server, model="m")
    assert message.content[0].text == "after retry"
    first, second = anthropic_server.requests
    assert (first.headers["x-stainless-retry-count"], second.headers["x-stainless-retry-count"]) == ("0", "1")
    one, two = verify_sigv4(first, STATIC_SECRETS), verify_sigv4(second, STATIC_SECRETS)
    assert "x-stainless-retry-count" in two.signed_headers
    assert one.signature != two.signature
    assert first.body == second.body  # the shared body was not consumed by the first attempt's rewrite
    assert second.path == "/model/m/invoke"


# -- credentials -------------------------------------------------------------------------------------------


def test_session_token_is_sent_and_signed(anthropic_server: FakeAnthropicServer) -> None:
    secrets = {ACCESS_KEY: (SECRET_KEY, SESSION_TOKEN)}
    anthropic_server.enqueue(signed(Reply.json(message_json()), secrets), path=MODEL_PATH)
    _client(anthropic_server, aws_session_token=SESSION_TOKEN).messages.create(
        model="m", max_tokens=5, messages=MESSAGES
    )
    request = anthropic_server.last_request
    assert request.headers["x-amz-security-token"] == SESSION_TOKEN
    assert "x-amz-security-token" in verify_sigv4(request, secrets).signed_headers


def test_credentials_from_the_environment(
    anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    secrets = {"AKIDFROMENV": ("env-secret", None)}
    anthropic_server.enqueue(signed(Reply.json(message_json()), secrets, region="eu-west-1"), path=MODEL_PATH)
    client = AnthropicBedrock(aws_region="eu-west-1", base_url=anthropic_server.url)
    client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
    assert verify_sigv4(anthropic_server.last_request, secrets, region="eu-west-1").access_key == "AKIDFROMENV"


def test_credentials_and_region_from_a_named_profile(anthropic_server: FakeAnthropicServer, aws_env: Path) -> None:
    (aws_env / "credentials").write_text(
        "[work]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n"
    )
    (aws_env / "config").write_text("[profile work]\nregion = ap-southeast-2\n")
    secrets = {"AKIDPROFILE": ("profile-secret", None)}
    anthropic_server.enqueue(signed(Reply.json(message_json()), secrets, region="ap-southeast-2"), path=MODEL_PATH)
    client = AnthropicBedrock(aws_profile="work", base_url=anthropic_server.url)
    assert client.aws_region == "ap-southeast-2"
    client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
    verify_sigv4(anthropic_server.last_request, secrets, region="ap-southeast-2")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_missing_credentials_fail_before_sending(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    def create_without_keys() -> Any:
        if mode == "sync":
            client = AnthropicBedrock(aws_region=REGION, base_url=anthropic_server.url)
            return client.messages.create(model="m", max_tokens=5, messages=MESSAGES)

        async def main() -> Any:
            async with AsyncAnthropicBedrock(aws_region=REGION, base_url=anthropic_server.url) as client:
                return await client.messages.create(model="m", max_tokens=5, messages=MESSAGES)

        return anyio.run(main)

    with pytest.raises(RuntimeError, match="could not resolve credentials from session") as info:
        create_without_keys()
    assert isinstance(info.value, anthropic.AnthropicError)
    assert anthropic_server.requests == []


def test_refreshable_credentials_are_refreshed(
    anthropic_server: FakeAnthropicServer, aws_env: Path, tmp_path: Path
) -> None:
    """credential_process returns short-lived credentials: botocore refreshes them, each request uses fresh ones."""
    import sys

    counter = tmp_path / "count"
    script = tmp_path / "creds.py"
    script.write_text(
        "import datetime, json, pathlib\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) + 1 if p.exists() else 1\n"
        "p.write_text(str(n))\n"
        "exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=5)\n"
        "print(json.dumps({'Version': 1, 'AccessKeyId': f'AKIDROTATE{n}', 'SecretAccessKey': f'secret{n}',"
        " 'SessionToken': f'token{n}', 'Expiration': exp.isoformat()}))\n"
    )
    (aws_env / "config").write_text(f"[profile rotating]\ncredential_process = {sys.executable} {script}\n")

    def secrets(access_key: str) -> tuple[str, str | None]:
        n = access_key.removeprefix("AKIDROTATE")
        return f"secret{n}", f"token{n}"

    anthropic_server.enqueue(*(signed(Reply.json(message_json()), secrets) for _ in range(2)), path=MODEL_PATH)
    client = AnthropicBedrock(aws_profile="rotating", aws_region=REGION, base_url=anthropic_server.url)
    client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
    client.with_options(timeout=30).messages.create(model="m", max_tokens=5, messages=MESSAGES)
    first, second = (verify_sigv4(r, secrets) for r in anthropic_server.requests)
    # Each use of near-expiry credentials runs the provider again: consecutive requests carry consecutive keys.
    n = int(first.access_key.removeprefix("AKIDROTATE"))
    assert second.access_key == f"AKIDROTATE{n + 1}"
    assert (first.token, second.token) == (f"token{n}", f"token{n + 1}")


# -- errors ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, anthropic.BadRequestError),
        (401, anthropic.AuthenticationError),
        (403, anthropic.PermissionDeniedError),
        (404, anthropic.NotFoundError),
        (409, anthropic.ConflictError),
        (413, anthropic.APIStatusError),
        (422, anthropic.UnprocessableEntityError),
        (429, anthropic.RateLimitError),
        (500, anthropic.InternalServerError),
        (503, _exceptions.ServiceUnavailableError),
        (529, anthropic.InternalServerError),
    ],
)
def test_status_errors_follow_the_bedrock_table(
    anthropic_server: FakeAnthropicServer, status: int, cls: type[Exception]
) -> None:
    anthropic_server.enqueue(Reply.json({"message": "nope"}, status=status), path=MODEL_PATH)
    with pytest.raises(anthropic.APIStatusError) as info:
        _client(anthropic_server, max_retries=0).messages.create(model="m", max_tokens=5, messages=MESSAGES)
    assert type(info.value) is cls
    assert info.value.status_code == status
    assert info.value.body == {"message": "nope"}


def test_a_bad_signature_is_a_permission_error(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json()), {ACCESS_KEY: ("other-secret", None)}), path=MODEL_PATH)
    with pytest.raises(anthropic.PermissionDeniedError, match="signature"):
        _client(anthropic_server).messages.create(model="m", max_tokens=5, messages=MESSAGES)


# -- unsupported endpoints ---------------------------------------------------------------------------------

UNSUPPORTED = [
    ("messages.count_tokens", "/v1/messages/count_tokens", "Token counting is not supported in Bedrock yet"),
    (
        "beta.messages.count_tokens",
        "/v1/messages/count_tokens?beta=true",
        "Token counting is not supported in Bedrock yet",
    ),
    ("messages.batches.create", "/v1/messages/batches", "The Batch API is not supported in Bedrock yet"),
    ("messages.batches.results", "/v1/messages/batches/b1/results", "The Batch API is not supported in Bedrock yet"),
    ("beta.messages.batches.list", "/v1/messages/batches?beta=true", "The Batch API is not supported in Bedrock yet"),
    ("models.list", "/v1/models", "The Models API is not supported in Bedrock yet"),
    ("beta.models.retrieve", "/v1/models/m?beta=true", "The Models API is not supported in Bedrock yet"),
    ("beta.files.upload", "/v1/files?beta=true", "The Files API is not supported in Bedrock yet"),
    ("beta.skills.create", "/v1/skills?beta=true", "The Skills API is not supported in Bedrock yet"),
]


@pytest.mark.parametrize(("endpoint", "path", "message"), UNSUPPORTED)
def test_unsupported_endpoints_raise_before_sending(
    anthropic_server: FakeAnthropicServer, endpoint: str, path: str, message: str
) -> None:
    client = _client(anthropic_server)
    with pytest.raises(anthropic.UnsupportedOnPlatformError) as info:
        client._request(APIRequest("POST", path, httpx.Response, endpoint=endpoint, body={"model": "m"}))
    assert str(info.value) == message
    assert isinstance(info.value, anthropic.AnthropicError)
    assert anthropic_server.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_count_tokens_resource_is_refused(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match="Token counting is not supported in Bedrock yet"):
        if mode == "sync":
            _client(anthropic_server).messages.count_tokens(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        else:
            _run_async(anthropic_server, lambda c: c.messages.count_tokens(model="m", messages=MESSAGES))
    assert anthropic_server.requests == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/v1/messages/batches", "The Batch API is not supported in Bedrock yet"),
        ("/v1/messages/count_tokens", "Token counting is not supported in Bedrock yet"),
        ("/v1/messages/count_tokens?beta=true", "Token counting is not supported in Bedrock yet"),
    ],
)
def test_raw_calls_to_unsupported_paths_are_refused(
    anthropic_server: FakeAnthropicServer, path: str, message: str
) -> None:
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match=message):
        _client(anthropic_server).post(path, cast_to=httpx.Response, body={"model": "m"})
    assert anthropic_server.requests == []


RESOURCE_CALLS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("models.list", lambda c: c.models.list(), "The Models API is not supported in Bedrock yet"),
    ("models.retrieve", lambda c: c.models.retrieve("m"), "The Models API is not supported in Bedrock yet"),
    ("beta.models.list", lambda c: c.beta.models.list(), "The Models API is not supported in Bedrock yet"),
    ("messages.batches.list", lambda c: c.messages.batches.list(), "The Batch API is not supported in Bedrock yet"),
    (
        "messages.batches.create",
        lambda c: c.messages.batches.create(
            requests=[{"custom_id": "a", "params": {"model": "m", "max_tokens": 5, "messages": MESSAGES}}]
        ),
        "The Batch API is not supported in Bedrock yet",
    ),
    (
        "beta.messages.batches.retrieve",
        lambda c: c.beta.messages.batches.retrieve("b1"),
        "The Batch API is not supported in Bedrock yet",
    ),
    (
        "beta.messages.count_tokens",
        lambda c: c.beta.messages.count_tokens(model="m", messages=MESSAGES),
        "Token counting is not supported in Bedrock yet",
    ),
    ("beta.files.list", lambda c: c.beta.files.list(), "The Files API is not supported in Bedrock yet"),
    ("beta.skills.list", lambda c: c.beta.skills.list(), "The Skills API is not supported in Bedrock yet"),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("name", "call", "message"), RESOURCE_CALLS, ids=[c[0] for c in RESOURCE_CALLS])
def test_resource_methods_of_missing_apis_are_refused(
    anthropic_server: FakeAnthropicServer, mode: str, name: str, call: Callable[[Any], Any], message: str
) -> None:
    async def call_async(client: AsyncAnthropicBedrock) -> Any:
        result = call(client)
        if inspect.isawaitable(result):
            result = await result
        if hasattr(result, "__aiter__"):  # a lazy paginator: iterate to send
            result = [item async for item in result]
        return result

    with pytest.raises(anthropic.UnsupportedOnPlatformError) as info:
        if mode == "sync":
            result = call(_client(anthropic_server))
            if hasattr(result, "__iter__"):  # a lazy paginator: iterate to send
                list(result)
        else:
            _run_async(anthropic_server, call_async)
    assert str(info.value) == message
    assert anthropic_server.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_beta_messages_create(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json("beta"))), path=MODEL_PATH)
    create: dict[str, Any] = {"model": "m", "max_tokens": 5, "messages": MESSAGES, "betas": ["context-1m-2025-08-07"]}
    if mode == "sync":
        message = _client(anthropic_server).beta.messages.create(**create)
    else:
        message = _run_async(anthropic_server, lambda c: c.beta.messages.create(**create))
    assert message.content[0].text == "beta"
    request = anthropic_server.last_request
    assert request.target == "/model/m/invoke"
    assert request.json()["anthropic_beta"] == ["context-1m-2025-08-07"]
    verify_sigv4(request, STATIC_SECRETS)


def test_request_body_json_is_not_mutated_between_calls(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(*(signed(Reply.json(message_json())) for _ in range(2)), path=MODEL_PATH)
    client = _client(anthropic_server)
    body = {"model": "m", "max_tokens": 5, "messages": MESSAGES}
    client.post("/v1/messages", cast_to=httpx.Response, body=body)
    client.post("/v1/messages", cast_to=httpx.Response, body=body)
    assert body == {"model": "m", "max_tokens": 5, "messages": MESSAGES}
    assert [r.path for r in anthropic_server.requests] == ["/model/m/invoke", "/model/m/invoke"]
    assert json.loads(anthropic_server.requests[1].body)["anthropic_version"] == "bedrock-2023-05-31"
