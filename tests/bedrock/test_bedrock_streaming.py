"""Bedrock streams over real HTTP: AWS eventstream frames decoded by botocore, exception frames as `anthropic` errors."""

from __future__ import annotations

import re
from typing import Any

import anyio
import pytest
from aws_eventstream import chunk_frame, encode_frame, eventstream_reply, exception_frame, stream_frames
from bedrock_wire import ACCESS_KEY, REGION, SECRET_KEY, STATIC_SECRETS, message_events, signed, verify_sigv4

import anthropic
from anthropic import _exceptions
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

MODEL_PATH = re.compile(r"/model/.*")
MESSAGES = [{"role": "user", "content": "Hello"}]
CREDS: dict[str, Any] = {"aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY, "aws_region": REGION}


def _collect(mode: str, server: FakeAnthropicServer, *, into: list[Any] | None = None, **create: Any) -> list[Any]:
    """Stream a message create with the sync or async client; events are appended to `into` as they arrive."""
    events: list[Any] = [] if into is None else into
    create = {"model": "anthropic.claude-sonnet-4", "max_tokens": 64, "messages": MESSAGES, "stream": True, **create}
    if mode == "sync":
        with AnthropicBedrock(base_url=server.url, **CREDS) as client:
            for event in client.messages.create(**create):
                events.append(event)
        return events

    async def main() -> None:
        async with AsyncAnthropicBedrock(base_url=server.url, **CREDS) as client:
            stream = await client.messages.create(**create)
            async for event in stream:
                events.append(event)

    anyio.run(main)
    return events


def _text(events: list[Any]) -> str:
    return "".join(e.delta.text for e in events if e.type == "content_block_delta" and e.delta.type == "text_delta")


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("chunk_size", [None, 1, 7, 100])
def test_stream_of_eventstream_frames(anthropic_server: FakeAnthropicServer, mode: str, chunk_size: int | None) -> None:
    sent = message_events("Hello from Bedrock")
    anthropic_server.enqueue(signed(eventstream_reply(stream_frames(sent), chunk_size=chunk_size)), path=MODEL_PATH)
    events = _collect(mode, anthropic_server)
    assert "ping" in [e["type"] for e in sent]
    assert [e.type for e in events] == [e["type"] for e in sent if e["type"] != "ping"]  # pings are not items
    assert events[-1].type == "message_stop"
    assert _text(events) == "Hello from Bedrock"
    assert isinstance(events[0], anthropic.types.RawMessageStartEvent)
    request = anthropic_server.last_request
    assert request.path == "/model/anthropic.claude-sonnet-4/invoke-with-response-stream"
    assert "stream" not in request.json()
    verify_sigv4(request, STATIC_SECRETS)


def test_bedrock_metrics_on_message_stop_are_kept(anthropic_server: FakeAnthropicServer) -> None:
    events = message_events()
    events[-1] = {
        "type": "message_stop",
        "amazon-bedrock-invocationMetrics": {"inputTokenCount": 12, "outputTokenCount": 5, "invocationLatency": 321},
    }
    anthropic_server.enqueue(eventstream_reply(stream_frames(events)), path=MODEL_PATH)
    stop = _collect("sync", anthropic_server)[-1]
    assert stop.type == "message_stop"
    assert stop.model_extra["amazon-bedrock-invocationMetrics"]["outputTokenCount"] == 5


def test_messages_stream_helper(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(
        eventstream_reply(stream_frames(message_events("helper text")), chunk_size=13), path=MODEL_PATH
    )
    client = AnthropicBedrock(base_url=anthropic_server.url, **CREDS)
    if not hasattr(client.messages, "stream"):
        pytest.skip("messages.stream is not available in core yet")
    with client.messages.stream(model="m", max_tokens=10, messages=MESSAGES) as stream:  # type: ignore[attr-defined]
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text == "helper text"
    assert final.content[0].text == "helper text"
    assert anthropic_server.last_request.path == "/model/m/invoke-with-response-stream"


EXCEPTIONS = [
    ("throttlingException", {}, _exceptions.RateLimitError, 429),
    ("validationException", {}, _exceptions.BadRequestError, 400),
    ("internalServerException", {}, _exceptions.InternalServerError, 500),
    ("serviceUnavailableException", {}, _exceptions.ServiceUnavailableError, 503),
    ("modelTimeoutException", {}, _exceptions.APIStatusError, 408),
    (
        "modelStreamErrorException",
        {"originalStatusCode": 529, "originalMessage": "Overloaded"},
        _exceptions.InternalServerError,
        529,
    ),
    ("modelStreamErrorException", {}, _exceptions.APIStatusError, 424),
    ("someFutureException", {}, _exceptions.InternalServerError, 500),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("exception_type", "fields", "cls", "status"), EXCEPTIONS)
def test_exception_frame_mid_stream(
    anthropic_server: FakeAnthropicServer,
    mode: str,
    exception_type: str,
    fields: dict[str, Any],
    cls: type[Exception],
    status: int,
) -> None:
    frames = stream_frames(message_events("partial answer here")[:4])
    frames.append(exception_frame(exception_type, "It went wrong", **fields))
    # One write: the exception frame arrives in the same read as the events before it.
    anthropic_server.enqueue(eventstream_reply(frames), path=MODEL_PATH)
    seen: list[Any] = []
    with pytest.raises(anthropic.APIStatusError) as info:
        _collect(mode, anthropic_server, into=seen)
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.body == {"type": "error", "error": {"type": exception_type, "message": "It went wrong", **fields}}
    assert error.request_id == anthropic_server.last_request.request_id
    assert exception_type in str(error)
    # The events before the exception frame were delivered first.
    assert [e.type for e in seen] == ["message_start", "content_block_start", "content_block_delta"]


def test_error_message_frame(anthropic_server: FakeAnthropicServer) -> None:
    frame = encode_frame({":message-type": "error", ":error-code": "InternalFailure", ":error-message": "boom"}, b"")
    anthropic_server.enqueue(
        eventstream_reply([chunk_frame(message_events()[0]), frame], chunk_size=5), path=MODEL_PATH
    )
    with pytest.raises(_exceptions.InternalServerError) as info:
        _collect("sync", anthropic_server)
    assert info.value.body == {"type": "error", "error": {"type": "InternalFailure", "message": "boom"}}


def test_an_error_chunk_raises_like_first_party(anthropic_server: FakeAnthropicServer) -> None:
    events = message_events()[:2] + [{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}]
    anthropic_server.enqueue(eventstream_reply(stream_frames(events)), path=MODEL_PATH)
    with pytest.raises(anthropic.APIStatusError) as info:
        _collect("sync", anthropic_server)
    assert type(info.value).__name__ == "OverloadedError"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_corrupt_frame(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    good = chunk_frame(message_events()[0])
    bad = bytearray(chunk_frame(message_events()[1]))
    bad[-1] ^= 0xFF  # break the message CRC
    anthropic_server.enqueue(eventstream_reply([good, bytes(bad)], chunk_size=len(good)), path=MODEL_PATH)
    with pytest.raises(anthropic.APIResponseValidationError, match="eventstream"):
        _collect(mode, anthropic_server)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_truncated_stream_is_incomplete(anthropic_server: FakeAnthropicServer, mode: str) -> None:
    body = b"".join(stream_frames(message_events()))
    anthropic_server.enqueue(eventstream_reply([body[: len(body) - 20]]), path=MODEL_PATH)
    with pytest.raises(anthropic.StreamIncompleteError):
        _collect(mode, anthropic_server)


def test_a_proxy_answering_with_sse_is_still_understood(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.sse([(e["type"], e) for e in message_events("via sse")]), path=MODEL_PATH)
    assert _text(_collect("sync", anthropic_server)) == "via sse"


def test_streamed_http_error_uses_the_bedrock_table(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(Reply.json({"message": "Service unavailable"}, status=503), path=MODEL_PATH)
    client = AnthropicBedrock(base_url=anthropic_server.url, max_retries=0, **CREDS)
    with pytest.raises(_exceptions.ServiceUnavailableError):
        client.messages.create(model="m", max_tokens=5, messages=MESSAGES, stream=True)


def test_raw_streaming_response(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(eventstream_reply(stream_frames(message_events("raw"))), path=MODEL_PATH)
    client = AnthropicBedrock(base_url=anthropic_server.url, **CREDS)
    with client.messages.with_streaming_response.create(
        model="m", max_tokens=5, messages=MESSAGES, stream=True
    ) as response:
        assert response.headers["content-type"] == "application/vnd.amazon.eventstream"
        events = list(response.parse())
    assert _text(events) == "raw"


@pytest.mark.anyio
async def test_async_messages_stream_helper(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(
        eventstream_reply(stream_frames(message_events("async helper")), chunk_size=11), path=MODEL_PATH
    )
    client = AsyncAnthropicBedrock(base_url=anthropic_server.url, **CREDS)
    async with client, client.messages.stream(model="m", max_tokens=10, messages=MESSAGES) as stream:
        text = "".join([piece async for piece in stream.text_stream])
        final = await stream.get_final_message()
    assert text == "async helper"
    assert final.content[0].text == "async helper"
    verify_sigv4(anthropic_server.last_request, STATIC_SECRETS)
