"""AnthropicBedrock passes the platform conformance checks: SigV4 verified by botocore on every attempt (also by
the fake server, which answers 403 to a bad signature), streams as real AWS eventstream frames."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from aws_eventstream import eventstream_reply, stream_frames
from bedrock_wire import (
    ACCESS_KEY,
    REGION,
    SECRET_KEY,
    STATIC_SECRETS,
    message_events,
    message_json,
    signed,
    verify_sigv4,
)

from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest, Reply, Responder
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0"
CREDS: dict[str, Any] = {"aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY, "aws_region": REGION}


class TestBedrockConformance(PlatformConformance):
    model = MODEL
    credentials = (SECRET_KEY,)
    supported_endpoints = ("messages.create", "beta.messages.create")
    unsupported_endpoints = (
        "messages.count_tokens",
        "beta.messages.count_tokens",
        "messages.batches.create",
        "messages.batches.list",
        "beta.messages.batches.list",
        "models.list",
        "beta.models.list",
        "beta.files.list",
        "beta.skills.list",
    )

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AnthropicBedrock:
        return AnthropicBedrock(base_url=server.url, **CREDS, **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AsyncAnthropicBedrock:
        return AsyncAnthropicBedrock(base_url=server.url, **CREDS, **kwargs)

    def request_path(self, *, stream: bool) -> re.Pattern[str]:
        return re.compile(r"/model/[^/]+/invoke-with-response-stream" if stream else r"/model/[^/]+/invoke")

    def message_reply(self, text: str) -> Responder:
        return signed(Reply.json(message_json(text, model=MODEL)))

    def stream_reply(self, text: str) -> Responder:
        return signed(eventstream_reply(stream_frames(message_events(text, model=MODEL)), per_frame=True))

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        verified = verify_sigv4(request, STATIC_SECRETS)  # botocore recomputes the signature of what arrived
        assert verified.access_key == ACCESS_KEY
        return {"authorization": request.headers["authorization"], "x-amz-date": verified.amz_date}
