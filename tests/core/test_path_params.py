"""Ids in URL paths: each is exactly one percent-encoded path segment, whatever it contains.

0.74.0 put ids in the path raw: `a/b` became two segments, `a?b` started the query, `a#b` cut the URL, and `.` /
`..` are dot-segments that URL resolution removes, so `client.beta.files.retrieve_metadata("..")` was sent to
`/v1?beta=true`. Here `/`, `?`, `#`, ` ` and `%` are percent-encoded and an id of exactly `.` or `..` is sent as
`%2E` / `%2E%2E` (docs/compatibility.md). Checked through the public clients against the fake server's recorded
paths, sync and async; ordinary ids are sent exactly as 0.74.0 sends them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import pytest

import anthropic
from anthropic.testing import FakeAnthropicServer

# id -> the path segment on the wire (written out by hand: never computed with the code under test)
SEGMENTS: dict[str, str] = {
    "file_011CNha8iCJcU1wXNR6q4V8w": "file_011CNha8iCJcU1wXNR6q4V8w",  # as 0.74.0 sends it
    "a.b": "a.b",
    "...": "...",  # not a dot-segment: unchanged, as in 0.74.0
    "~x-y_z": "~x-y_z",
    "a/b": "a%2Fb",
    "a?b": "a%3Fb",
    "a#b": "a%23b",
    "a b": "a%20b",
    "%2E": "%252E",
    "../x": "..%2Fx",
    ".": "%2E",
    "..": "%2E%2E",
}
IDS = list(SEGMENTS)


# (name, call, the path for an id whose segment is `s`, the query, the 404 message the fake server gives for `v`)
Case = tuple[str, Callable[[Any, str], Any], Callable[[str], str], str, Callable[[str], str]]

CASES: list[Case] = [
    (
        "beta.files.retrieve_metadata",
        lambda c, v: c.beta.files.retrieve_metadata(v),
        lambda s: f"/v1/files/{s}",
        "beta=true",
        lambda v: f"File not found: {v}",
    ),
    (
        "beta.files.download",
        lambda c, v: c.beta.files.download(v),
        lambda s: f"/v1/files/{s}/content",
        "beta=true",
        lambda v: f"File not found: {v}",
    ),
    (
        "models.retrieve",
        lambda c, v: c.models.retrieve(v),
        lambda s: f"/v1/models/{s}",
        "",
        lambda v: f"model: {v}",
    ),
    (
        "beta.models.retrieve",
        lambda c, v: c.beta.models.retrieve(v),
        lambda s: f"/v1/models/{s}",
        "beta=true",
        lambda v: f"model: {v}",
    ),
    (
        "messages.batches.retrieve",
        lambda c, v: c.messages.batches.retrieve(v),
        lambda s: f"/v1/messages/batches/{s}",
        "",
        lambda v: f"Message Batch {v} not found",
    ),
    (
        "beta.messages.batches.cancel",
        lambda c, v: c.beta.messages.batches.cancel(v),
        lambda s: f"/v1/messages/batches/{s}/cancel",
        "beta=true",
        lambda v: f"Message Batch {v} not found",
    ),
    (
        "beta.skills.retrieve",
        lambda c, v: c.beta.skills.retrieve(v),
        lambda s: f"/v1/skills/{s}",
        "beta=true",
        lambda v: f"Skill not found: {v}",
    ),
    (
        "beta.skills.versions.retrieve(skill_id=...)",
        lambda c, v: c.beta.skills.versions.retrieve("1759178010641129", skill_id=v),
        lambda s: f"/v1/skills/{s}/versions/1759178010641129",
        "beta=true",
        lambda v: f"Skill not found: {v}",
    ),
    (
        "beta.skills.versions.retrieve(version)",
        lambda c, v: c.beta.skills.versions.retrieve(v, skill_id="skill_01AbCd"),
        lambda s: f"/v1/skills/skill_01AbCd/versions/{s}",
        "beta=true",
        lambda v: "Skill not found: skill_01AbCd",
    ),
]


async def _await(value: Any) -> Any:
    return await value


def _call(mode: str, server: FakeAnthropicServer, call: Callable[[Any, str], Any], value: str) -> BaseException:
    """Make the call with a fresh client; returns what it raised (every id here is unknown to the server)."""
    options: dict[str, Any] = {"api_key": "sk-test", "base_url": server.url, "max_retries": 0}
    if mode == "sync":
        with anthropic.Anthropic(**options) as client, pytest.raises(anthropic.APIError) as info:
            call(client, value)
        return info.value

    async def main() -> BaseException:
        async with anthropic.AsyncAnthropic(**options) as client:
            with pytest.raises(anthropic.APIError) as info:
                await _await(call(client, value))
            return info.value

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("value", IDS, ids=[repr(v) for v in IDS])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_id_is_one_encoded_segment(case: Case, value: str, mode: str, anthropic_server: FakeAnthropicServer) -> None:
    _, call, path, query, message = case
    error = _call(mode, anthropic_server, call, value)

    [request] = anthropic_server.requests
    assert request.path == path(SEGMENTS[value])
    assert request.query_string == query
    # the server routed it to the endpoint's own handler, which got the whole id back (not "Not found: GET /v1")
    assert isinstance(error, anthropic.NotFoundError), repr(error)
    assert isinstance(error.body, dict)
    assert error.body["error"]["message"] == message(value)  # pyright: ignore[reportUnknownMemberType]


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_ids_never_climb_out_of_the_resource(value: str, anthropic_server: FakeAnthropicServer) -> None:
    """The report that prompted this: `retrieve_metadata("..")` went to `/v1`, `"."` listed the files."""
    error = _call("sync", anthropic_server, lambda c, v: c.beta.files.retrieve_metadata(v), value)
    request = anthropic_server.last_request
    assert request.path.startswith("/v1/files/")
    assert unquote(request.path.removeprefix("/v1/files/")) == value
    assert isinstance(error, anthropic.NotFoundError)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_ordinary_ids_reach_stored_objects(mode: str, anthropic_server: FakeAnthropicServer) -> None:
    """Ids the server issued round-trip unchanged (a success, not only a recorded path)."""
    file_id = anthropic_server.add_file(b"hello", "hello.txt")
    options: dict[str, Any] = {"api_key": "sk-test", "base_url": anthropic_server.url, "max_retries": 0}

    def check(meta: Any, model: Any) -> None:
        assert meta.id == file_id and meta.filename == "hello.txt"
        assert model.id == "claude-sonnet-4-5-20250929"
        paths = [r.path for r in anthropic_server.requests]
        assert paths == [f"/v1/files/{file_id}", "/v1/models/claude-sonnet-4-5-20250929"]

    if mode == "sync":
        with anthropic.Anthropic(**options) as client:
            check(client.beta.files.retrieve_metadata(file_id), client.models.retrieve("claude-sonnet-4-5-20250929"))
        return

    async def main() -> None:
        async with anthropic.AsyncAnthropic(**options) as client:
            meta = await client.beta.files.retrieve_metadata(file_id)
            check(meta, await client.models.retrieve("claude-sonnet-4-5-20250929"))

    asyncio.run(main())


@pytest.mark.parametrize("value", ["", None])
def test_empty_id_is_refused_before_sending(value: Any, anthropic_server: FakeAnthropicServer) -> None:
    """As in 0.74.0: an empty id raises `ValueError` and nothing is sent."""
    with (
        anthropic.Anthropic(api_key="sk-test", base_url=anthropic_server.url) as client,
        pytest.raises(ValueError, match="file_id"),
    ):
        client.beta.files.retrieve_metadata(value)
    assert anthropic_server.requests == []
