"""Foundry speaks the first-party API: the model stays in the JSON body, so no model name can change the path."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from anthropic.testing import FakeAnthropicServer, Reply

MESSAGES = [{"role": "user", "content": "Hello"}]


@pytest.mark.parametrize("model", ["../../../evil", "m?x=1", "a#b", ".."])
def test_model_never_reaches_the_path(
    model: str, make_client: Callable[..., Any], run: Callable[..., Any], anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("ok"), path=re.compile(r".*"))
    client = make_client(api_key="foundry-key")
    message = run(lambda: client.messages.create(model=model, max_tokens=16, messages=MESSAGES))
    assert message.content[0].text == "ok"
    request = anthropic_server.last_request
    assert (request.path, request.query_string) == ("/v1/messages", "")
    assert request.json()["model"] == model
