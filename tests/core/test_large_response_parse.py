"""Large responses (hundreds of KB, thousands of content blocks) parse to exactly what the plain validation gives.

`parse_response` pauses the cyclic garbage collector while a large body becomes models and, when validation
fails, constructs leniently without validating the whole body a second time. These tests pin that the objects are
the same as before (same classes, field values, fields-set, extras, `_request_id`), that unknown block types are
kept as they were, that strict mode still refuses, and that the collector's state is always restored.
"""

from __future__ import annotations

import gc
import json
import os
import random
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic._models import GC_PAUSE_MIN_BYTES, GCPause, parse_json_bytes
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.types import Message, TextBlock

MSGS: Any = [{"role": "user", "content": "hi"}]
REQUEST_ID = "req_large_0001"


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return rng.randrange(-(10**6), 10**6)
    if kind == 1:
        return rng.choice([None, True, False, 1.5, -0.25])
    if kind == 2:
        return "".join(rng.choice('abcdefghij éß"\\\n') for _ in range(rng.randrange(12)))
    if kind == 3:
        return f"s{rng.randrange(1000)}"
    if kind in (4, 5):
        return {f"k{i}": _json_value(rng, depth + 1) for i in range(rng.randrange(4))}
    return [_json_value(rng, depth + 1) for _ in range(rng.randrange(4))]


def _citation(rng: random.Random) -> dict[str, Any]:
    kind = rng.randrange(5)
    base: dict[str, Any] = {"cited_text": f"cited {rng.randrange(99)}"}
    if kind == 0:
        base.update(type="char_location", document_index=0, start_char_index=1, end_char_index=9)
        if rng.random() < 0.5:
            base["document_title"] = "Doc"
    elif kind == 1:
        base.update(type="page_location", document_index=1, start_page_number=2, end_page_number=3, file_id=None)
    elif kind == 2:
        base.update(type="content_block_location", document_index=2, start_block_index=0, end_block_index=1)
    elif kind == 3:
        base.update(type="web_search_result_location", encrypted_index="e", url="https://example.com", title=None)
    else:
        base.update(type="search_result_location", search_result_index=0, source="s", start_block_index=0)
        base["end_block_index"] = 2
    return base


def _block(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.randrange(7)
    block: dict[str, Any]
    if kind <= 1:
        block = {"type": "text", "text": f"[{i}] " + "lorem ipsum dolor " * rng.randrange(1, 30)}
        if kind == 1:
            block["citations"] = [_citation(rng) for _ in range(rng.randrange(3))]
        elif rng.random() < 0.5:
            block["citations"] = None
    elif kind == 2:
        block = {"type": "thinking", "thinking": "hmm " * rng.randrange(40), "signature": f"sig{i}"}
    elif kind == 3:
        block = {"type": "redacted_thinking", "data": f"opaque{i}"}
    elif kind == 4:
        block = {"type": "tool_use", "id": f"toolu_{i:06d}", "name": "lookup", "input": _json_value(rng, 1) or {}}
        if not isinstance(block["input"], dict):
            block["input"] = {"value": block["input"]}
    elif kind == 5:
        block = {"type": "server_tool_use", "id": f"srvtoolu_{i}", "name": "web_search", "input": {"query": "q"}}
    else:
        results: Any = [
            {"type": "web_search_result", "url": f"https://e.com/{j}", "title": "T", "encrypted_content": "x"}
            for j in range(rng.randrange(3))
        ]
        if rng.random() < 0.3:
            results = {"type": "web_search_tool_result_error", "error_code": "unavailable"}
        block = {"type": "web_search_tool_result", "tool_use_id": f"srvtoolu_{i}", "content": results}
    if rng.random() < 0.05:
        block["x_future_field"] = _json_value(rng)  # fields the API may add later are kept as extras
    return block


def _large_body(seed: int, *, unknown_blocks: int = 0, min_bytes: int = 4 * GC_PAUSE_MIN_BYTES) -> dict[str, Any]:
    rng = random.Random(seed)
    content: list[dict[str, Any]] = []
    size = 0
    while size < min_bytes:
        block = _block(rng, len(content))
        content.append(block)
        size += len(json.dumps(block))
    for n in range(unknown_blocks):
        content.insert(rng.randrange(len(content)), {"type": f"future_block_{n}", "payload": {"n": n, "v": [1, 2]}})
    return {
        "id": f"msg_large_{seed}",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": content,
        "stop_reason": "tool_use",
        "stop_sequence": None,
        "usage": {
            "input_tokens": 10,
            "output_tokens": 20,
            "cache_creation_input_tokens": None,
            "cache_read_input_tokens": None,
            "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
            "server_tool_use": {"web_search_requests": 1},
            "service_tier": "standard",
        },
        "container": None,
    }


def _shape(value: Any) -> Any:
    """Everything that makes two parsed objects the same: classes, fields, fields-set, extras, nested."""
    if isinstance(value, anthropic.BaseModel):
        return (
            type(value),
            {name: _shape(field) for name, field in value.__dict__.items()},
            frozenset(value.model_fields_set),
            _shape(value.__pydantic_extra__),
        )
    if isinstance(value, list):
        return [_shape(item) for item in value]  # type: ignore[misc]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}  # type: ignore[misc]
    return (type(value), value)


def _reply(body: dict[str, Any]) -> Reply:
    raw = json.dumps(body, separators=(",", ":")).encode()
    assert len(raw) >= GC_PAUSE_MIN_BYTES
    return Reply(body=raw, content_type="application/json", headers=[("request-id", REQUEST_ID)])


@pytest.fixture
def gc_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record `gc.disable()`/`gc.enable()` calls (still performing them)."""
    calls: list[str] = []
    real_disable, real_enable = gc.disable, gc.enable

    def disable() -> None:
        calls.append("disable")
        real_disable()

    def enable() -> None:
        calls.append("enable")
        real_enable()

    monkeypatch.setattr(gc, "disable", disable)
    monkeypatch.setattr(gc, "enable", enable)
    yield calls
    assert gc.isenabled()


SEEDS = [1, 2, 3]


@pytest.mark.parametrize("seed", SEEDS)
def test_large_body_equals_plain_validation(
    anthropic_server: FakeAnthropicServer, gc_calls: list[str], seed: int
) -> None:
    body = _large_body(seed)
    expected = Message.model_validate_json(json.dumps(body))
    anthropic_server.enqueue(_reply(body))
    with Anthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
        message = client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert _shape(message) == _shape(expected)
    assert message.model_dump() == expected.model_dump()
    assert message.to_dict() == body
    assert message._request_id == REQUEST_ID
    assert expected._request_id is None and message.content[0]._request_id is None  # top-level only
    assert gc_calls == ["disable", "enable"]
    assert gc.isenabled()


@pytest.mark.anyio
@pytest.mark.parametrize("seed", SEEDS)
async def test_large_body_equals_plain_validation_async(
    anthropic_server: FakeAnthropicServer, gc_calls: list[str], seed: int
) -> None:
    body = _large_body(seed)
    expected = Message.model_validate_json(json.dumps(body))
    anthropic_server.enqueue(_reply(body))
    async with AsyncAnthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
        message = await client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert _shape(message) == _shape(expected)
    assert message.to_dict() == body
    assert message._request_id == REQUEST_ID
    assert gc_calls == ["disable", "enable"]


def test_small_body_does_not_touch_the_collector(anthropic_server: FakeAnthropicServer, gc_calls: list[str]) -> None:
    anthropic_server.script_message("short")
    with Anthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
        message = client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert message.content[0].type == "text"
    assert gc_calls == []


def _assert_lenient_shape(message: Message, body: dict[str, Any]) -> None:
    """Independent of the lenient construction code: known blocks come out exactly as validation makes them,
    unknown ones as the first member (`TextBlock`) with only `type` set and the rest kept as extras."""
    known = [block for block in body["content"] if not block["type"].startswith("future_block")]
    validated = Message.model_validate_json(json.dumps({**body, "content": known}))
    assert _shape(validated.usage) == _shape(message.usage)
    assert message.__pydantic_extra__ == validated.__pydantic_extra__
    # (Constructed objects list only declared fields as set, validated ones extras too: as before, as 0.74.0.)
    assert message.model_fields_set == validated.model_fields_set - set(validated.__pydantic_extra__ or {})
    got_known = [block for block in message.content if not block.type.startswith("future_block")]
    assert [_shape(block) for block in got_known] == [_shape(block) for block in validated.content]
    for block in message.content:
        if block.type.startswith("future_block"):
            assert type(block) is TextBlock
            assert block.__dict__ == {"citations": None, "text": None, "type": block.type}
            assert block.model_fields_set == {"type"}
            assert block.__pydantic_extra__ == {"payload": {"n": int(block.type[-1]), "v": [1, 2]}}


@pytest.mark.parametrize("seed", SEEDS)
def test_unknown_blocks_in_large_body_are_kept_as_before(
    anthropic_server: FakeAnthropicServer, gc_calls: list[str], seed: int
) -> None:
    body = _large_body(seed, unknown_blocks=3)
    raw = json.dumps(body, separators=(",", ":")).encode()
    expected = parse_json_bytes(Message, raw)  # the general lenient path, as every version of parse_response used
    anthropic_server.enqueue(_reply(body))
    with Anthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
        message = client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert _shape(message) == _shape(expected)
    assert len(message.content) == len(body["content"])
    _assert_lenient_shape(message, body)
    unknown = [block for block in message.content if block.type.startswith("future_block")]
    assert sorted(json.dumps(block.to_dict()["payload"]) for block in unknown) == [
        json.dumps({"n": n, "v": [1, 2]}) for n in range(3)
    ]
    assert message._request_id == REQUEST_ID
    assert gc_calls == ["disable", "enable"]


@pytest.mark.anyio
async def test_unknown_blocks_async_and_strict_refusal(anthropic_server: FakeAnthropicServer) -> None:
    body = _large_body(7, unknown_blocks=1)
    expected = parse_json_bytes(Message, json.dumps(body))
    anthropic_server.enqueue(_reply(body), _reply(body))
    async with AsyncAnthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
        message = await client.messages.create(model="m", max_tokens=5, messages=MSGS)
        assert _shape(message) == _shape(expected)
        _assert_lenient_shape(message, body)
    async with AsyncAnthropic(
        base_url=anthropic_server.url, api_key="k", max_retries=0, _strict_response_validation=True
    ) as client:
        with pytest.raises(anthropic.APIResponseValidationError) as info:
            await client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert "future_block_0" in str(info.value)
    assert info.value.status_code == 200
    assert gc.isenabled()


def test_strict_refuses_large_body_with_unknown_block(anthropic_server: FakeAnthropicServer) -> None:
    body = _large_body(8, unknown_blocks=1)
    anthropic_server.enqueue(_reply(body))
    with (
        Anthropic(
            base_url=anthropic_server.url, api_key="k", max_retries=0, _strict_response_validation=True
        ) as client,
        pytest.raises(anthropic.APIResponseValidationError) as info,
    ):
        client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert "could not be parsed as Message" in info.value.message
    assert "future_block_0" in info.value.message
    assert gc.isenabled()


def test_strict_accepts_large_valid_body(anthropic_server: FakeAnthropicServer) -> None:
    body = _large_body(9)
    anthropic_server.enqueue(_reply(body))
    with Anthropic(
        base_url=anthropic_server.url, api_key="k", max_retries=0, _strict_response_validation=True
    ) as client:
        message = client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert _shape(message) == _shape(Message.model_validate_json(json.dumps(body)))


def test_invalid_json_large_body_still_raises(anthropic_server: FakeAnthropicServer) -> None:
    raw = b'{"id": "msg", "content": [' + b'{"type": "text", "text": "x"},' * GC_PAUSE_MIN_BYTES
    anthropic_server.enqueue(Reply(body=raw, content_type="application/json"))
    client = Anthropic(base_url=anthropic_server.url, api_key="k", max_retries=0)
    with client, pytest.raises(anthropic.APIResponseValidationError):
        client.messages.create(model="m", max_tokens=5, messages=MSGS)
    assert gc.isenabled()


def test_collector_left_disabled_when_the_program_disabled_it(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(_reply(_large_body(4)))
    gc.disable()
    try:
        with Anthropic(base_url=anthropic_server.url, api_key="k", max_retries=0) as client:
            client.messages.create(model="m", max_tokens=5, messages=MSGS)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_pause_nests_and_is_shared_by_threads() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def worker() -> None:
        with GCPause():
            inside.set()
            release.wait(30)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert inside.wait(30)
        assert not gc.isenabled()
        with GCPause():
            with GCPause():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert not gc.isenabled()  # the worker's pause is still open
    finally:
        release.set()
        thread.join(30)
    assert gc.isenabled()


def test_gc_pause_ends_with_its_owner_while_another_thread_still_parses() -> None:
    """Threads parsing back to back cannot keep the collector off: it is back when the pausing thread is done."""
    assert gc.isenabled()
    owner_inside, other_inside, owner_done, release_other = (threading.Event() for _ in range(4))

    def owner() -> None:
        with GCPause():
            owner_inside.set()
            assert other_inside.wait(30)
        owner_done.set()

    def other() -> None:
        assert owner_inside.wait(30)
        with GCPause():  # starts inside the owner's pause: runs without one of its own
            other_inside.set()
            release_other.wait(30)

    threads = [threading.Thread(target=owner), threading.Thread(target=other)]
    for thread in threads:
        thread.start()
    try:
        assert owner_done.wait(30)
        assert gc.isenabled()  # the other thread is still inside its `with GCPause()`
    finally:
        release_other.set()
        for thread in threads:
            thread.join(30)
    assert gc.isenabled()


def test_gc_pause_restores_on_error() -> None:
    with pytest.raises(RuntimeError), GCPause():
        raise RuntimeError("boom")
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_child_forked_during_a_pause_gets_the_collector_back() -> None:
    inside = threading.Event()
    release = threading.Event()

    def worker() -> None:
        with GCPause():
            inside.set()
            release.wait(30)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert inside.wait(30)
        assert not gc.isenabled()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: the worker thread does not exist here
            try:
                with GCPause():
                    pass
                os.write(write_end, b"1" if gc.isenabled() else b"0")
            finally:
                os._exit(0)
        os.close(write_end)
        answer = os.read(read_end, 1)
        os.close(read_end)
        os.waitpid(pid, 0)
        assert answer == b"1"
    finally:
        release.set()
        thread.join(30)
    assert gc.isenabled()
