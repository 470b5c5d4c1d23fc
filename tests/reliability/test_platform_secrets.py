"""Secret hygiene of the platform clients: the AWS secret key and session token, the Vertex bearer token, the Foundry
API key and the Azure AD token never show in logs (ANTHROPIC_LOG=debug), in str()/repr() of clients, responses and
streams, or in exception messages, through successes, retries, errors, streamed errors, raw responses and copies.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from _reliability import (
    AWS_SECRET_KEY,
    AWS_SESSION_TOKEN,
    AZURE_TOKEN,
    BEDROCK,
    FOUNDRY,
    FOUNDRY_API_KEY,
    GENEROUS,
    PARAMS,
    VERTEX,
    VERTEX_TOKEN,
    Target,
    exception_texts,
    message_events,
    message_json,
)
from aws_eventstream import eventstream_reply, exception_frame, stream_frames

import anthropic
from anthropic.testing import FakeAnthropicServer, RecordedRequest, Reply


@dataclass(frozen=True)
class Case:
    id: str
    target: Target
    secrets: tuple[str, ...]
    sent: Callable[[RecordedRequest], bool]
    """The credential really went out (so the test is not vacuous)."""
    sync_options: dict[str, Any] = field(default_factory=dict)
    async_options: dict[str, Any] = field(default_factory=dict)


async def _async_azure_token() -> str:
    return AZURE_TOKEN


CASES = [
    Case(
        "bedrock",
        BEDROCK,
        (AWS_SECRET_KEY, AWS_SESSION_TOKEN),
        lambda r: (
            r.headers.get("x-amz-security-token") == AWS_SESSION_TOKEN
            and r.headers.get("authorization", "").startswith("AWS4-HMAC-SHA256 Credential=")
        ),
    ),
    Case("vertex", VERTEX, (VERTEX_TOKEN,), lambda r: r.headers.get("authorization") == f"Bearer {VERTEX_TOKEN}"),
    Case("foundry-api-key", FOUNDRY, (FOUNDRY_API_KEY,), lambda r: r.headers.get("api-key") == FOUNDRY_API_KEY),
    Case(
        "foundry-azure-ad",
        FOUNDRY,
        (AZURE_TOKEN,),
        lambda r: r.headers.get("authorization") == f"Bearer {AZURE_TOKEN}",
        sync_options={"azure_ad_token_provider": lambda: AZURE_TOKEN},
        async_options={"azure_ad_token_provider": _async_azure_token},
    ),
]


def _variants(secrets: tuple[str, ...]) -> list[str]:
    """Each secret and a long slice of it (a partly masked secret still leaks)."""
    return [piece for secret in secrets for piece in (secret, secret[6:30])]


def assert_clean(text: str, secrets: tuple[str, ...], where: str) -> None:
    for secret in _variants(secrets):
        assert secret not in text, f"secret leaked in {where}: {text[:600]!r}"


def _stream_with_error(target: Target) -> Reply:
    """Two events, then the platform's way of failing mid-stream (an exception frame / an SSE error event)."""
    events = message_events()[:2]
    if target is BEDROCK:
        frames = stream_frames([data for _, data in events])
        return eventstream_reply([*frames, exception_frame("throttlingException", "Too many requests")])
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    return Reply.sse([*events, ("error", error)])


def _script(server: FakeAnthropicServer, target: Target) -> None:
    good = target.json_reply(message_json())
    server.enqueue(
        Reply.error(429, headers={"retry-after-ms": "1"}),
        good,  # 1. retried, then ok
        Reply(drop="reset"),
        Reply.error(401),  # 2. connection reset, retried, then 401
        Reply.error(500),
        Reply.error(500),
        Reply.error(500),  # 3. 500s until the retries run out
        Reply.error(403),  # 4. 403
        _stream_with_error(target),  # 5. a stream failing mid-way
        good,  # 6. raw response
        good,  # 7. streaming response
        good,  # 8. a copy
    )


def _exercise_sync(client: anthropic.Anthropic) -> list[str]:
    texts = [repr(client), str(client)]
    message = client.messages.create(**PARAMS)
    texts += [repr(message), str(message), message.to_json()]
    for _ in range(3):
        try:
            client.messages.create(**PARAMS)
        except anthropic.APIError as exc:
            texts.append(exception_texts(exc))
        else:
            pytest.fail("the scripted error did not happen")
    try:
        with client.messages.create(**PARAMS, stream=True) as stream:
            texts += [repr(stream), repr(stream.response)]
            for _event in stream:
                pass
    except anthropic.APIError as exc:
        texts.append(exception_texts(exc))
    else:
        pytest.fail("the stream did not fail")
    raw = client.messages.with_raw_response.create(**PARAMS)
    texts += [repr(raw), str(raw), repr(raw.http_request), repr(raw.headers), repr(raw.parse())]
    with client.messages.with_streaming_response.create(**PARAMS) as streamed:
        texts += [repr(streamed), str(streamed)]
    copy = client.with_options(max_retries=0)
    texts += [repr(copy), str(copy), repr(copy.messages.create(**PARAMS))]
    return texts


async def _exercise_async(client: anthropic.AsyncAnthropic) -> list[str]:
    texts = [repr(client), str(client)]
    message = await client.messages.create(**PARAMS)
    texts += [repr(message), str(message)]
    for _ in range(3):
        try:
            await client.messages.create(**PARAMS)
        except anthropic.APIError as exc:
            texts.append(exception_texts(exc))
        else:
            pytest.fail("the scripted error did not happen")
    try:
        stream = await client.messages.create(**PARAMS, stream=True)
        async with stream:
            texts += [repr(stream), repr(stream.response)]
            async for _event in stream:
                pass
    except anthropic.APIError as exc:
        texts.append(exception_texts(exc))
    else:
        pytest.fail("the stream did not fail")
    raw = await client.messages.with_raw_response.create(**PARAMS)
    texts += [repr(raw), str(raw), repr(raw.http_request), repr(raw.parse())]
    async with client.messages.with_streaming_response.create(**PARAMS) as streamed:
        texts += [repr(streamed), str(streamed)]
    copy = client.with_options(max_retries=0)
    texts += [repr(copy), str(copy), repr(await copy.messages.create(**PARAMS))]
    return texts


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_platform_secret_in_debug_logs_reprs_and_errors(
    case: Case,
    mode: str,
    debug_logs: pytest.LogCaptureFixture,
    anthropic_server: FakeAnthropicServer,
    retry_clock: Any,
) -> None:
    options: dict[str, Any] = {"max_retries": 2, "timeout": GENEROUS}
    _script(anthropic_server, case.target)
    if mode == "sync":
        with case.target.sync_client(anthropic_server.url, **options, **case.sync_options) as client:
            texts = _exercise_sync(client)
    else:

        async def main() -> list[str]:
            async with case.target.async_client(anthropic_server.url, **options, **case.async_options) as client:
                return await _exercise_async(client)

        texts = asyncio.run(main())

    requests = anthropic_server.requests
    assert anthropic_server.pending == 0 and len(requests) == 12
    assert all(case.sent(r) for r in requests), requests[0].headers  # every attempt carried the credential
    assert any(r.levelno == logging.DEBUG and r.name.startswith("anthropic") for r in debug_logs.records)
    assert any("Retrying" in r.getMessage() for r in debug_logs.records)
    for i, text in enumerate(texts):
        assert_clean(text, case.secrets, f"repr/str #{i}")
    assert_clean(debug_logs.text, case.secrets, "logs")
    for record in debug_logs.records:
        assert_clean(record.getMessage(), case.secrets, f"log record {record.name}")


def test_aws_secret_key_never_leaves_the_process(anthropic_server: FakeAnthropicServer, retry_clock: Any) -> None:
    """SigV4 sends a signature derived from the secret, never the secret itself (nor the session token in the body)."""
    anthropic_server.enqueue(
        Reply.error(500), BEDROCK.json_reply(message_json()), BEDROCK.stream_reply(message_events())
    )
    with BEDROCK.sync_client(anthropic_server.url, max_retries=1) as client:
        client.messages.create(**PARAMS)
        with client.messages.create(**PARAMS, stream=True) as stream:
            assert [e.type for e in stream][-1] == "message_stop"
    assert len(anthropic_server.requests) == 3
    for request in anthropic_server.requests:
        wire = repr(request.headers.raw).encode() + request.body + request.target.encode()
        assert AWS_SECRET_KEY.encode() not in wire
        assert AWS_SESSION_TOKEN.encode() not in request.body


def test_redaction_filter_masks_platform_headers(debug_logs: pytest.LogCaptureFixture) -> None:
    """Even when someone logs the request headers, the filter installed by ANTHROPIC_LOG masks platform credentials."""
    headers = {
        "x-amz-security-token": AWS_SESSION_TOKEN,
        "api-key": FOUNDRY_API_KEY,
        "Authorization": f"Bearer {VERTEX_TOKEN}",
    }
    logging.getLogger("anthropic").debug("headers: %s", headers)
    logging.getLogger("httpx").debug("Authorization: Bearer %s", AZURE_TOKEN)
    assert len(debug_logs.records) == 2
    assert_clean(debug_logs.text, (AWS_SESSION_TOKEN, FOUNDRY_API_KEY, VERTEX_TOKEN, AZURE_TOKEN), "logs")


# -- credentials HTTP cannot carry ----------------------------------------------------------------------------

Make = Callable[[str], anthropic.Anthropic]

MALFORMED: dict[str, tuple[Make, str]] = {
    "aws-session-token-newline": (
        lambda url: BEDROCK.sync_client(url, aws_session_token=AWS_SESSION_TOKEN + "\n", max_retries=2),
        AWS_SESSION_TOKEN,
    ),
    "vertex-token-newline": (
        lambda url: VERTEX.sync_client(url, access_token=VERTEX_TOKEN + "\n", max_retries=2),
        VERTEX_TOKEN,
    ),
    "vertex-token-non-ascii": (
        lambda url: VERTEX.sync_client(url, access_token=VERTEX_TOKEN + "é", max_retries=2),
        VERTEX_TOKEN,
    ),
    "foundry-api-key-newline": (
        lambda url: FOUNDRY.sync_client(url, api_key=FOUNDRY_API_KEY + "\r\nX-Injected: 1", max_retries=2),
        FOUNDRY_API_KEY,
    ),
    "azure-token-newline": (
        lambda url: FOUNDRY.sync_client(url, azure_ad_token_provider=lambda: AZURE_TOKEN + "\n", max_retries=2),
        AZURE_TOKEN,
    ),
    "azure-token-non-ascii": (
        lambda url: FOUNDRY.sync_client(url, azure_ad_token_provider=lambda: AZURE_TOKEN + "é", max_retries=2),
        AZURE_TOKEN,
    ),
}


def _fail_with_malformed(make: Make, server: FakeAnthropicServer) -> BaseException:
    try:
        with make(server.url) as client:
            client.messages.create(**PARAMS)
    except (anthropic.AnthropicError, ValueError) as exc:
        assert server.requests == []  # refused before anything was sent, and not retried
        return exc
    pytest.fail("a malformed credential was accepted")


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_platform_credential_fails_without_showing_it(
    name: str, anthropic_server: FakeAnthropicServer, retry_clock: Any
) -> None:
    make, secret = MALFORMED[name]
    exc = _fail_with_malformed(make, anthropic_server)
    assert_clean(exception_texts(exc, displayed=True), (secret,), "the exception chain a traceback shows")
    assert retry_clock.delays == []


@pytest.mark.parametrize("name", ["aws-session-token-newline", "vertex-token-newline", "azure-token-newline"])
def test_malformed_platform_credential_is_not_even_in_the_suppressed_context(
    name: str, anthropic_server: FakeAnthropicServer, retry_clock: Any
) -> None:
    make, secret = MALFORMED[name]
    exc = _fail_with_malformed(make, anthropic_server)
    assert_clean(exception_texts(exc), (secret,), "the full exception chain")


def test_azure_provider_returning_bytes_does_not_echo_the_token(anthropic_server: FakeAnthropicServer) -> None:
    make: Make = lambda url: FOUNDRY.sync_client(url, azure_ad_token_provider=lambda: AZURE_TOKEN.encode())  # noqa: E731
    exc = _fail_with_malformed(make, anthropic_server)
    assert isinstance(exc, ValueError)
    assert_clean(exception_texts(exc), (AZURE_TOKEN,), "the exception")
