"""The test-side AWS helpers are themselves correct: the verifier rejects tampering, frames decode with botocore."""

from __future__ import annotations

import dataclasses
import json

import pytest
from aws_eventstream import chunk_frame, exception_frame
from bedrock_wire import ACCESS_KEY, SECRET_KEY, STATIC_SECRETS, SignatureMismatch, message_json, verify_sigv4

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock


def _signed_request(server: FakeAnthropicServer):
    server.enqueue(Reply.json(message_json()))
    client = AnthropicBedrock(
        aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY, aws_region="us-east-1", base_url=server.url
    )
    client.messages.create(model="m", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    return server.last_request


def test_verifier_accepts_the_signed_request(anthropic_server: FakeAnthropicServer) -> None:
    verified = verify_sigv4(_signed_request(anthropic_server), STATIC_SECRETS)
    assert verified.access_key == ACCESS_KEY
    assert "host" in verified.signed_headers


@pytest.mark.parametrize(
    "change",
    [
        {"body": b'{"max_tokens":6}'},
        {"method": "PUT"},
        {"path": "/model/other/invoke"},
        {"query_string": "x=1"},
    ],
)
def test_verifier_rejects_a_tampered_request(anthropic_server: FakeAnthropicServer, change: dict[str, object]) -> None:
    request = _signed_request(anthropic_server)
    with pytest.raises(SignatureMismatch):
        verify_sigv4(dataclasses.replace(request, **change), STATIC_SECRETS)  # type: ignore[arg-type]


def test_verifier_rejects_a_wrong_secret(anthropic_server: FakeAnthropicServer) -> None:
    with pytest.raises(SignatureMismatch):
        verify_sigv4(_signed_request(anthropic_server), {ACCESS_KEY: ("not-the-secret", None)})


def test_frames_decode_with_botocore() -> None:
    from botocore.eventstream import EventStreamBuffer

    buffer = EventStreamBuffer()
    buffer.add_data(chunk_frame({"type": "ping"}) + exception_frame("throttlingException", "slow down"))
    first, second = list(buffer)
    assert first.headers[":event-type"] == "chunk"
    assert json.loads(first.payload)["bytes"]
    assert second.headers[":exception-type"] == "throttlingException"
    assert second.to_response_dict()["status_code"] == 400
