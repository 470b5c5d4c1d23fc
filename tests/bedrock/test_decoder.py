"""The eventstream decoder on its own (sans-IO) and legacy completion streams through it."""

from __future__ import annotations

import re

import httpx
import pytest
from aws_eventstream import chunk_frame, encode_frame, eventstream_reply, exception_frame
from bedrock_wire import ACCESS_KEY, REGION, SECRET_KEY, message_events

from anthropic import _exceptions
from anthropic.testing import FakeAnthropicServer
from anthropic_plugin_bedrock._eventstream import AWSEventStreamDecoder, make_stream_decoder
from anthropic_plugin_bedrock.client import AnthropicBedrock


def _response(**headers: str) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "application/vnd.amazon.eventstream", **headers},
        request=httpx.Request(
            "POST", "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke-with-response-stream"
        ),
    )


def test_byte_by_byte_feeding() -> None:
    events = message_events("one two three")
    data = b"".join(chunk_frame(e) for e in events)
    decoder = make_stream_decoder(_response())
    assert isinstance(decoder, AWSEventStreamDecoder)
    out = [sse for i in range(len(data)) for sse in decoder.feed(data[i : i + 1])]
    assert decoder.flush() == []
    assert [sse.event for sse in out] == [e["type"] for e in events]
    assert out[0].json() == events[0]


def test_events_before_an_exception_are_returned_first() -> None:
    decoder = make_stream_decoder(_response(**{"x-amzn-requestid": "aws-1"}))
    data = chunk_frame({"type": "message_start", "message": {}}) + exception_frame("throttlingException", "slow down")
    first = decoder.feed(data)
    assert [sse.event for sse in first] == ["message_start"]
    with pytest.raises(_exceptions.RateLimitError) as info:
        decoder.flush()
    assert info.value.status_code == 429
    assert info.value.request_id == "aws-1"  # no `request-id` header on Bedrock: the AWS request id is used


def test_exception_alone_raises_at_once() -> None:
    decoder = make_stream_decoder(_response())
    with pytest.raises(_exceptions.BadRequestError, match="validationException"):
        decoder.feed(exception_frame("validationException", "bad input"))


def test_unknown_event_types_and_empty_chunks_are_skipped() -> None:
    decoder = make_stream_decoder(_response())
    unknown = encode_frame(
        {":event-type": "metadata", ":message-type": "event", ":content-type": "application/json"}, b"{}"
    )
    empty = encode_frame({":event-type": "chunk", ":message-type": "event", ":content-type": "application/json"}, b"{}")
    assert decoder.feed(unknown + empty) == []


def test_chunk_without_type_is_a_completion_event() -> None:
    decoder = make_stream_decoder(_response())
    (sse,) = decoder.feed(chunk_frame({"completion": " Hi", "stop_reason": None, "stop": None}))
    assert sse.event == "completion"


def test_sse_content_type_gets_the_sse_decoder() -> None:
    from anthropic._decoders.sse import SSEDecoder

    response = httpx.Response(
        200, headers={"content-type": "text/event-stream; charset=utf-8"}, request=_response().request
    )
    assert isinstance(make_stream_decoder(response), SSEDecoder)


def test_legacy_completion_stream(anthropic_server: FakeAnthropicServer) -> None:
    chunks = [
        {"completion": " Hello", "stop_reason": None, "stop": None},
        {"completion": " there", "stop_reason": "stop_sequence", "stop": "\n\nHuman:"},
    ]
    anthropic_server.enqueue(
        eventstream_reply([chunk_frame(c) for c in chunks], chunk_size=9), path=re.compile(r"/model/.*")
    )
    client = AnthropicBedrock(SECRET_KEY, ACCESS_KEY, REGION, base_url=anthropic_server.url)
    stream = client.completions.create(
        model="anthropic.claude-v2", prompt="\n\nHuman: hi\n\nAssistant:", max_tokens_to_sample=10, stream=True
    )
    parts = list(stream)
    assert "".join(p.completion for p in parts) == " Hello there"
    assert parts[-1].stop_reason == "stop_sequence"
    request = anthropic_server.last_request
    assert request.path == "/model/anthropic.claude-v2/invoke-with-response-stream"
    assert request.json()["anthropic_version"] == "bedrock-2023-05-31"
