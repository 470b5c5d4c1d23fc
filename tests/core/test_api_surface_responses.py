"""`.with_raw_response` and `.with_streaming_response` on every resource and method, and binary downloads."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
from _api_surface_helpers import BATCH_REQUEST, SKILL_MD, Api, open_api

from anthropic._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder
from anthropic._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncBinaryAPIResponse,
    AsyncStreamedBinaryAPIResponse,
    BinaryAPIResponse,
    LegacyAPIResponse,
    StreamedBinaryAPIResponse,
)
from anthropic.pagination import AsyncPage, AsyncPageCursor, SyncPage, SyncPageCursor
from anthropic.testing import FakeAnthropicServer


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


Ctx = dict[str, str]
Arg = Callable[[Ctx], Any]

# (dotted method path, positional args, keyword args); callables are resolved against the prepared context.
CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("messages.create", (), {"model": "m", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]}),
    ("messages.count_tokens", (), {"model": "m", "messages": [{"role": "user", "content": "hi"}]}),
    ("messages.batches.create", (), {"requests": [BATCH_REQUEST]}),
    ("messages.batches.retrieve", (lambda c: c["batch"],), {}),
    ("messages.batches.list", (), {"limit": 2}),
    ("messages.batches.cancel", (lambda c: c["batch"],), {}),
    ("messages.batches.results", (lambda c: c["batch"],), {}),
    ("messages.batches.delete", (lambda c: c["batch"],), {}),
    ("completions.create", (), {"model": "claude-2.1", "max_tokens_to_sample": 8, "prompt": "p"}),
    ("models.retrieve", ("claude-opus-4-20250514",), {}),
    ("models.list", (), {"limit": 2}),
    ("beta.models.retrieve", ("claude-opus-4-20250514",), {}),
    ("beta.models.list", (), {"limit": 2}),
    ("beta.messages.create", (), {"model": "m", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]}),
    ("beta.messages.count_tokens", (), {"model": "m", "messages": [{"role": "user", "content": "hi"}]}),
    ("beta.messages.batches.create", (), {"requests": [BATCH_REQUEST]}),
    ("beta.messages.batches.retrieve", (lambda c: c["beta_batch"],), {}),
    ("beta.messages.batches.list", (), {"limit": 2}),
    ("beta.messages.batches.cancel", (lambda c: c["beta_batch"],), {}),
    ("beta.messages.batches.results", (lambda c: c["beta_batch"],), {}),
    ("beta.messages.batches.delete", (lambda c: c["beta_batch"],), {}),
    ("beta.files.upload", (), {"file": ("a.txt", b"abc")}),
    ("beta.files.list", (), {"limit": 2}),
    ("beta.files.retrieve_metadata", (lambda c: c["file"],), {}),
    ("beta.files.download", (lambda c: c["file"],), {}),
    ("beta.files.delete", (lambda c: c["file"],), {}),
    ("beta.skills.create", (), {"files": [("s/SKILL.md", SKILL_MD)]}),
    ("beta.skills.retrieve", (lambda c: c["skill"],), {}),
    ("beta.skills.list", (), {"limit": 2}),
    ("beta.skills.versions.create", (lambda c: c["skill"],), {"files": [("s/SKILL.md", SKILL_MD)]}),
    ("beta.skills.versions.retrieve", (lambda c: c["version"],), {"skill_id": lambda c: c["skill"]}),
    ("beta.skills.versions.list", (lambda c: c["skill"],), {"limit": 2}),
    ("beta.skills.versions.delete", (lambda c: c["version"],), {"skill_id": lambda c: c["skill"]}),
    ("beta.skills.delete", (lambda c: c["skill"],), {}),
]
IDS = [path for path, _, _ in CALLS]
assert len({p for p in IDS}) == 34  # every HTTP endpoint of 0.74.0


class _Prepared(dict[str, str]):
    """Objects the calls refer to, created on first use with plain calls (ended batches, a file, a skill)."""

    def __init__(self, api: Api) -> None:
        super().__init__()
        self.api = api

    def __missing__(self, key: str) -> str:
        api, client = self.api, self.api.client
        if key in ("batch", "beta_batch"):
            batches = client.beta.messages.batches if key == "beta_batch" else client.messages.batches
            value = api.run(batches.create(requests=[BATCH_REQUEST])).id
            api.run(batches.retrieve(value))
        elif key == "file":
            value = api.server.add_file(b"file content", "f.txt")
        elif key == "skill":
            value = api.run(client.beta.skills.create(files=[("s/SKILL.md", SKILL_MD)])).id
        else:
            value = api.run(client.beta.skills.versions.create(self["skill"], files=[("s/SKILL.md", SKILL_MD)])).version
        self[key] = value
        return value


def _prepare(api: Api) -> Ctx:
    return _Prepared(api)


def _resolve(value: Any, ctx: Ctx) -> Any:
    return value(ctx) if callable(value) else value


def _method(root: Any, path: str, view: str, *, resource_level: bool) -> Any:
    *resources, name = path.split(".")
    target = root if resource_level else getattr(root, view)
    for resource in resources:
        target = getattr(target, resource)
    if resource_level:
        target = getattr(target, view)
    return getattr(target, name)


def _plain_type(api: Api, path: str) -> tuple[type, ...]:
    """What `.parse()` of a raw/streamed response gives back for a method (the plain call's result type)."""
    if path.endswith(".results"):
        return (AsyncJSONLDecoder,) if api.is_async else (JSONLDecoder,)
    if path.endswith(".download"):
        return (bytes,)
    if path in ("beta.skills.list", "beta.skills.versions.list"):
        return (AsyncPageCursor,) if api.is_async else (SyncPageCursor,)
    if path.endswith(".list"):
        return (AsyncPage,) if api.is_async else (SyncPage,)
    return (object,)


def _check_parsed(api: Api, path: str, parsed: Any) -> None:
    assert isinstance(parsed, _plain_type(api, path))
    if path.endswith(".results"):
        assert [line.custom_id for line in api.items(parsed)] == ["first"]
    elif path.endswith(".download"):
        assert parsed == b"file content"
    elif path.endswith(".list"):
        assert parsed.data is not None
    else:
        assert type(parsed).__module__.startswith("anthropic.types")


@pytest.mark.parametrize("resource_level", [False, True], ids=["client-view", "resource-view"])
@pytest.mark.parametrize(("path", "args", "kwargs"), CALLS, ids=IDS)
def test_with_raw_response(
    api: Api, path: str, args: tuple[Any, ...], kwargs: dict[str, Any], resource_level: bool
) -> None:
    ctx = _prepare(api)
    method = _method(api.client, path, "with_raw_response", resource_level=resource_level)
    response = api.run(method(*(_resolve(a, ctx) for a in args), **{k: _resolve(v, ctx) for k, v in kwargs.items()}))
    last = api.server.last_request
    if path.endswith(".download"):
        # 0.74.0 hands downloads over as binary responses, marked "raw" on the wire.
        assert type(response) is (AsyncBinaryAPIResponse if api.is_async else BinaryAPIResponse)
        assert last.headers["x-stainless-raw-response"] == "raw"
        _check_parsed(api, path, api.run(response.parse()))
        return
    assert isinstance(response, LegacyAPIResponse)
    assert last.headers["x-stainless-raw-response"] == "true"
    assert response.status_code == 200 and response.retries_taken == 0
    assert response.request_id == last.request_id == response.headers["request-id"]
    assert isinstance(response.http_response, httpx.Response)
    assert response.method == last.method and response.url.path == last.path
    parsed = response.parse()
    assert response.parse() is parsed  # cached
    _check_parsed(api, path, parsed)


@pytest.mark.parametrize("resource_level", [False, True], ids=["client-view", "resource-view"])
@pytest.mark.parametrize(("path", "args", "kwargs"), CALLS, ids=IDS)
def test_with_streaming_response(
    api: Api, path: str, args: tuple[Any, ...], kwargs: dict[str, Any], resource_level: bool
) -> None:
    ctx = _prepare(api)
    method = _method(api.client, path, "with_streaming_response", resource_level=resource_level)
    manager = method(*(_resolve(a, ctx) for a in args), **{k: _resolve(v, ctx) for k, v in kwargs.items()})
    seen: list[Any] = []

    async def inspect_async(response: Any) -> Any:
        seen.append(response)
        parsed = await response.parse()
        if path.endswith(".results"):
            return [line.custom_id async for line in parsed], parsed
        return parsed

    def inspect_sync(response: Any) -> Any:
        seen.append(response)
        parsed = response.parse()
        if path.endswith(".results"):
            return [line.custom_id for line in parsed], parsed
        return parsed

    result = api.within(manager, inspect_async if api.is_async else inspect_sync)
    [response] = seen
    last = api.server.last_request
    assert last.headers["x-stainless-raw-response"] == "stream"
    if path.endswith(".download"):
        assert type(response) is (AsyncStreamedBinaryAPIResponse if api.is_async else StreamedBinaryAPIResponse)
    else:
        assert isinstance(response, AsyncAPIResponse if api.is_async else APIResponse)
    assert response.status_code == 200 and response.request_id == last.request_id
    assert response.http_response.is_closed  # closed when the block ends
    if path.endswith(".results"):
        lines, decoder = result
        assert lines == ["first"] and isinstance(decoder, _plain_type(api, path))
    else:
        _check_parsed(api, path, result)


def test_streaming_response_reads_only_when_asked(api: Api) -> None:
    def check(response: Any) -> Any:
        assert not response.http_response.is_stream_consumed
        return response.json()

    body = api.within(api.client.with_streaming_response.models.retrieve("claude-opus-4-20250514"), check)
    assert body["id"] == "claude-opus-4-20250514"

    def lines(response: Any) -> Any:
        async def collect() -> list[str]:
            return [line async for line in response.iter_lines()]

        return collect() if api.is_async else list(response.iter_lines())

    text = api.within(api.client.models.with_streaming_response.list(limit=1), lines)
    assert '"has_more":true' in "".join(text).replace(" ", "")


def test_parse_to_another_type(api: Api) -> None:
    raw = api.run(api.client.models.with_raw_response.retrieve("claude-opus-4-20250514"))
    assert raw.parse(to=dict)["display_name"] == "Claude Opus 4"
    assert raw.parse(to=str) == raw.text
    assert raw.parse(to=httpx.Response) is raw.http_response


def test_binary_download_helpers(api: Api, tmp_path: Path) -> None:
    payload = b"0123456789" * 10_000
    file_id = api.server.add_file(payload, "data.bin")
    response = api.run(api.client.beta.files.download(file_id))
    api.run(response.write_to_file(tmp_path / "written.bin"))
    assert (tmp_path / "written.bin").read_bytes() == payload

    def stream(response: Any) -> Any:
        return response.stream_to_file(tmp_path / "streamed.bin", chunk_size=4096)

    api.within(api.client.beta.files.with_streaming_response.download(file_id), stream)
    assert (tmp_path / "streamed.bin").read_bytes() == payload

    def chunks(response: Any) -> Any:
        async def collect() -> list[bytes]:
            return [chunk async for chunk in response.iter_bytes(1000)]

        return collect() if api.is_async else list(response.iter_bytes(1000))

    pieces = api.within(api.client.beta.files.with_streaming_response.download(file_id), chunks)
    assert b"".join(pieces) == payload and max(len(p) for p in pieces) == 1000


def test_async_download_writes_in_a_worker_thread(anthropic_server: FakeAnthropicServer, tmp_path: Path) -> None:
    async_api = Api("async", anthropic_server)
    file_id = anthropic_server.add_file(b"abc" * 1000, "x.bin")

    async def scenario() -> None:
        response = await async_api.client.beta.files.download(file_id)
        await asyncio.wait_for(response.write_to_file(tmp_path / "a.bin"), 5)

    try:
        async_api.run(scenario())
        assert (tmp_path / "a.bin").read_bytes() == b"abc" * 1000
    finally:
        async_api.close()
