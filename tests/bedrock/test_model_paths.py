"""The Bedrock model becomes exactly one percent-encoded path segment: `/`, `?`, `#` and `.`/`..` cannot take the
request out of `/model/{model}/`, add a query or a fragment. The signature still verifies on what arrived."""

from __future__ import annotations

import re
from typing import Any

import anyio
import pytest
from bedrock_wire import ACCESS_KEY, REGION, SECRET_KEY, STATIC_SECRETS, message_json, signed, verify_sigv4

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

ANYWHERE = re.compile(r".*")
MESSAGES = [{"role": "user", "content": "Hello"}]
OPTIONS: dict[str, Any] = {"aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY, "aws_region": REGION}

HOSTILE_MODELS = {
    "..": "%2E%2E",
    ".": "%2E",
    "../../../evil": "..%2F..%2F..%2Fevil",
    "m?x=1": "m%3Fx%3D1",
    "a#b": "a%23b",
    "a%2Fb": "a%252Fb",
    "anthropic.claude-3-5-sonnet-20241022-v2:0": "anthropic.claude-3-5-sonnet-20241022-v2:0",
}


def _create(mode: str, server: FakeAnthropicServer, **create: Any) -> Any:
    create.update(max_tokens=16, messages=MESSAGES)
    if mode == "sync":
        with AnthropicBedrock(base_url=server.url, **OPTIONS) as client:
            return client.messages.create(**create)

    async def main() -> Any:
        async with AsyncAnthropicBedrock(base_url=server.url, **OPTIONS) as client:
            return await client.messages.create(**create)

    return anyio.run(main)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("model", HOSTILE_MODELS)
def test_model_is_one_escaped_path_segment(model: str, mode: str, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json("ok"))), path=ANYWHERE)
    message = _create(mode, anthropic_server, model=model)
    assert message.content[0].text == "ok"
    assert len(anthropic_server.requests) == 1
    request = anthropic_server.last_request
    assert request.path == f"/model/{HOSTILE_MODELS[model]}/invoke"
    assert request.query_string == ""
    assert "model" not in request.json()
    verify_sigv4(request, STATIC_SECRETS)
