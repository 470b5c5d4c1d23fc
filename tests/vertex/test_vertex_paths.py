"""Model, project and region names become exactly one percent-encoded path segment of the Vertex URL: no name can
leave `/models/`, add a query or a fragment (0.74.0 interpolated them raw; see docs/compatibility.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from anthropic.testing import FakeAnthropicServer, Reply

MESSAGES = [{"role": "user", "content": "Hello"}]
ANYWHERE = re.compile(r".*")
MODELS = "/v1/projects/proj/locations/us-east5/publishers/anthropic/models"

Run = Callable[[Callable[[], Any]], Any]

HOSTILE_MODELS = {
    "../../../evil": "..%2F..%2F..%2Fevil",
    "..": "%2E%2E",
    ".": "%2E",
    "m?x=1": "m%3Fx=1",
    "a#b": "a%23b",
    "a/b": "a%2Fb",
    "a%2Fb": "a%252Fb",
    "with space": "with%20space",
    "claude-sonnet-4-5@20250929": "claude-sonnet-4-5@20250929",  # usual names are sent as 0.74.0 sent them
}


@pytest.mark.parametrize("model", HOSTILE_MODELS)
def test_model_is_one_escaped_path_segment(
    model: str, make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("ok"), path=ANYWHERE)
    client = make_client()
    message = run(lambda: client.messages.create(model=model, max_tokens=16, messages=MESSAGES))
    assert message.content[0].text == "ok"
    request = anthropic_server.last_request
    assert len(anthropic_server.requests) == 1
    assert request.path == f"{MODELS}/{HOSTILE_MODELS[model]}:rawPredict"
    assert request.query_string == ""
    assert "model" not in request.json()


def test_streaming_and_beta_paths_escape_the_model_too(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("streamed"), Reply.message("beta"), path=ANYWHERE)
    client = make_client()

    async def drain(stream: Any) -> None:
        async for _event in stream:
            pass

    stream = run(lambda: client.messages.create(model="../x?y#z", max_tokens=16, messages=MESSAGES, stream=True))
    if hasattr(stream, "__aiter__"):
        run(lambda: drain(stream))
    else:
        for _event in stream:
            pass
    run(lambda: client.beta.messages.create(model="../x?y#z", max_tokens=16, messages=MESSAGES))
    first, second = anthropic_server.requests
    assert first.path == f"{MODELS}/..%2Fx%3Fy%23z:streamRawPredict"
    assert second.path == f"{MODELS}/..%2Fx%3Fy%23z:rawPredict"
    assert first.query_string == second.query_string == ""


def test_project_and_region_are_escaped(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message(), Reply.message(), path=ANYWHERE)
    client = make_client(project_id="../other?p=1", region="..")
    run(lambda: client.messages.create(model="m", max_tokens=16, messages=MESSAGES))
    run(lambda: client.messages.count_tokens(model="m", messages=MESSAGES))
    create, count = anthropic_server.requests
    prefix = "/v1/projects/..%2Fother%3Fp=1/locations/%2E%2E/publishers/anthropic/models"
    assert create.path == f"{prefix}/m:rawPredict"
    assert count.path == f"{prefix}/count-tokens:rawPredict"
    assert create.query_string == count.query_string == ""
