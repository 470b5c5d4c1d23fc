"""Malformed message streams: the `messages.stream()` helpers raise `anthropic` exceptions, never internal errors.

0.74.0 let `RuntimeError`, `IndexError` and `AttributeError` out of its accumulator on events out of order or
missing fields. Here such streams raise `MalformedStreamError` (an `APIResponseValidationError`, via
`StreamDataError`, and a `RuntimeError` as 0.74.0 raised for events before `message_start`).

The property tests are derandomised: a fixed seed per case, so a failure names its case and reproduces.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

import _streaming_fixtures as F
import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic.lib.streaming import MalformedStreamError
from anthropic.testing import FakeAnthropicServer, Reply

PARAMS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "hi"}],
}

CASES = 60  # per (client kind, endpoint); each case is one request to the fake server
SEED = 20240607


# -- transcripts -------------------------------------------------------------------------------------------------


def _valid() -> list[F.Event]:
    """A well-formed stream with a thinking, a text (with a citation) and a tool_use block."""
    return [
        F.message_start(),
        F.block_start(0, {"type": "thinking", "thinking": "", "signature": ""}),
        F.delta(0, {"type": "thinking_delta", "thinking": "Let me think."}),
        F.delta(0, {"type": "signature_delta", "signature": "sig"}),
        F.block_stop(0),
        F.block_start(1, {"type": "text", "text": "", "citations": None}),
        F.text_delta(1, "Hello"),
        F.delta(
            1,
            {
                "type": "citations_delta",
                "citation": {
                    "type": "char_location",
                    "cited_text": "x",
                    "document_index": 0,
                    "document_title": None,
                    "start_char_index": 0,
                    "end_char_index": 1,
                },
            },
        ),
        F.text_delta(1, " world"),
        F.block_stop(1),
        F.block_start(2, {"type": "tool_use", "id": "toolu_1", "name": "get", "input": {}}),
        F.json_delta(2, ""),
        F.json_delta(2, '{"city": '),
        F.json_delta(2, '"Paris"}'),
        F.block_stop(2),
        F.message_delta(),
        F.MESSAGE_STOP,
    ]


_WRONG_VALUES: list[Any] = [None, 5, -1, 1.5, "x", "", [], {}, [1, 2], {"type": "text"}, True]
_DELTA_TYPES = ["text_delta", "input_json_delta", "thinking_delta", "signature_delta", "citations_delta", "x_delta"]
_BLOCK_TYPES = ["text", "thinking", "tool_use", "server_tool_use", "redacted_thinking", "future_block"]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside an event's data."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found.extend(_paths(value, (*prefix, key)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _mutate(rng: random.Random, events: list[F.Event]) -> None:
    """One random change that (usually) breaks the stream's structure."""
    kind = rng.randrange(11)
    i = rng.randrange(len(events))
    name, data = events[i]
    if kind == 0 and len(events) > 1:
        del events[i]
    elif kind == 1:
        j = rng.randrange(len(events))
        events[i], events[j] = events[j], events[i]
    elif kind == 2:
        events.insert(rng.randrange(len(events) + 1), copy.deepcopy(events[i]))
    elif kind == 3:
        events.insert(0, events.pop(i))
    elif kind == 4 and isinstance(data, dict) and "index" in data:
        data["index"] = rng.choice([-1, 3, 99, "0", None, 1, 0, 2])
    elif kind in (5, 6) and _paths(data):
        path = rng.choice(_paths(data))
        parent = _parent(data, path)
        if kind == 5:
            del parent[path[-1]]
        else:
            parent[path[-1]] = rng.choice(_WRONG_VALUES)
    elif kind == 7 and isinstance(data, dict) and isinstance(data.get("delta"), dict) and "index" in data:
        data["delta"]["type"] = rng.choice(_DELTA_TYPES)
    elif kind == 8 and isinstance(data, dict) and isinstance(data.get("content_block"), dict):
        data["content_block"]["type"] = rng.choice(_BLOCK_TYPES)
    elif kind == 9:
        events[i] = (name, rng.choice([None, 5, [], "text", [data]]))
    else:  # an event renamed (its data keeps its own type) or an unknown event
        events.insert(i, (rng.choice(["message_delta", "content_block_delta", "future_event"]), copy.deepcopy(data)))


def _case(seed: int) -> list[F.Event]:
    rng = random.Random(seed)
    events = copy.deepcopy(_valid())  # mutated in place: never touch the shared fixtures (F.MESSAGE_STOP...)
    for _ in range(rng.randint(1, 3)):
        _mutate(rng, events)
    return events


# -- consuming a stream in the ways users do ----------------------------------------------------------------------


def _touch(event: Any) -> None:
    """Read what a user reads from a helper event (lazy snapshots included)."""
    for name in ("snapshot", "message", "content_block"):
        value = getattr(event, name, None)
        if isinstance(value, anthropic.BaseModel):
            value.model_dump(warnings=False)


def _consume_sync(stream: Any, mode: int) -> None:
    if mode == 0:
        for event in stream:
            _touch(event)
            if stream._builder.started:
                stream.current_message_snapshot.model_dump(warnings=False)
    elif mode == 1:
        for _ in stream.text_stream:
            pass
    stream.get_final_message().model_dump(warnings=False)


async def _consume_async(stream: Any, mode: int) -> None:
    if mode == 0:
        async for event in stream:
            _touch(event)
            if stream._builder.started:
                stream.current_message_snapshot.model_dump(warnings=False)
    elif mode == 1:
        async for _ in stream.text_stream:
            pass
    (await stream.get_final_message()).model_dump(warnings=False)


def _outcome(err: BaseException | None) -> str:
    if err is None:
        return "ok"
    assert isinstance(err, anthropic.AnthropicError), f"{type(err).__name__} escaped: {err!r}"
    return type(err).__name__


def _check_outcomes(outcomes: list[str]) -> None:
    # The generator must produce broken streams the builder rejects, and leave some harmless ones.
    assert outcomes.count("MalformedStreamError") >= CASES // 10, outcomes
    assert "ok" in outcomes or "StreamIncompleteError" in outcomes, outcomes


def _stream_fn(client: Any, beta: bool) -> Callable[..., Any]:
    return client.beta.messages.stream if beta else client.messages.stream


# -- property tests -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_malformed_streams_raise_only_anthropic_errors_sync(anthropic_server: FakeAnthropicServer, beta: bool) -> None:
    client = Anthropic(base_url=anthropic_server.url, api_key="test", max_retries=0)
    outcomes: list[str] = []
    for case in range(CASES):
        seed = SEED + case
        anthropic_server.enqueue(Reply.sse(_case(seed)))
        err: BaseException | None = None
        try:
            with _stream_fn(client, beta)(**PARAMS) as stream:
                _consume_sync(stream, case % 3)
        except Exception as exc:  # what escapes is what is checked
            err = exc
        try:
            outcomes.append(_outcome(err))
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}: {exc}") from err
    _check_outcomes(outcomes)
    client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
async def test_malformed_streams_raise_only_anthropic_errors_async(
    anthropic_server: FakeAnthropicServer, beta: bool
) -> None:
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="test", max_retries=0)
    outcomes: list[str] = []
    for case in range(CASES):
        seed = SEED + case
        anthropic_server.enqueue(Reply.sse(_case(seed)))
        err: BaseException | None = None
        try:
            async with _stream_fn(client, beta)(**PARAMS) as stream:
                await _consume_async(stream, case % 3)
        except Exception as exc:  # what escapes is what is checked
            err = exc
        try:
            outcomes.append(_outcome(err))
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}: {exc}") from err
    _check_outcomes(outcomes)
    await client.close()


# -- the cases named in the docs ------------------------------------------------------------------------------------

_START_TEXT = F.block_start(0, {"type": "text", "text": ""})

NAMED: dict[str, tuple[list[F.Event], str]] = {
    "delta_before_start": (
        [F.message_start(), F.text_delta(3, "x"), F.MESSAGE_STOP],
        "content_block_delta for content block 3 before its start",
    ),
    "stop_before_start": ([F.message_start(), F.block_stop(0), F.MESSAGE_STOP], "content_block_stop for content"),
    "message_delta_first": ([F.message_delta(), F.message_start(), F.MESSAGE_STOP], 'before "message_start"'),
    "delta_without_text": (
        [F.message_start(), _START_TEXT, F.delta(0, {"type": "text_delta"}), F.block_stop(0), F.MESSAGE_STOP],
        "text_delta without a string",
    ),
    "delta_without_delta": (
        [F.message_start(), _START_TEXT, ("content_block_delta", {"type": "content_block_delta", "index": 0})],
        "content_block_delta event is missing a field",
    ),
    "message_delta_without_usage": (
        [F.message_start(), ("message_delta", {"type": "message_delta", "delta": {}}), F.MESSAGE_STOP],
        "message_delta event is missing a field",
    ),
    "start_without_message": ([("message_start", {"type": "message_start"}), F.MESSAGE_STOP], "message_start without"),
}


def _assert_malformed(err: MalformedStreamError, needle: str) -> None:
    assert isinstance(err, anthropic.APIResponseValidationError)
    assert isinstance(err, RuntimeError)  # 0.74.0 raised RuntimeError for events before message_start
    assert needle in err.message
    assert err.status_code == 200
    assert err.response.request.url.path == "/v1/messages"


@pytest.mark.parametrize("name", sorted(NAMED))
@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_named_malformed_streams_sync(anthropic_server: FakeAnthropicServer, name: str, beta: bool) -> None:
    events, needle = NAMED[name]
    client = Anthropic(base_url=anthropic_server.url, api_key="test", max_retries=0)
    for mode in range(3):
        anthropic_server.enqueue(Reply.sse(events))
        with pytest.raises(MalformedStreamError) as info, _stream_fn(client, beta)(**PARAMS) as stream:
            _consume_sync(stream, mode)
        _assert_malformed(info.value, needle)
    client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("name", sorted(NAMED))
@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
async def test_named_malformed_streams_async(anthropic_server: FakeAnthropicServer, name: str, beta: bool) -> None:
    events, needle = NAMED[name]
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="test", max_retries=0)
    for mode in range(3):
        anthropic_server.enqueue(Reply.sse(events))
        with pytest.raises(MalformedStreamError) as info:
            async with _stream_fn(client, beta)(**PARAMS) as stream:
                await _consume_async(stream, mode)
        _assert_malformed(info.value, needle)
    await client.close()


def test_valid_transcript_still_accumulates(anthropic_server: FakeAnthropicServer) -> None:
    """The generator's starting point is a well-formed stream (so the mutations are what breaks it)."""
    anthropic_server.enqueue(Reply.sse(_valid()))
    client = Anthropic(base_url=anthropic_server.url, api_key="test", max_retries=0)
    with client.messages.stream(**PARAMS) as stream:
        message = stream.get_final_message()
    content: list[Any] = list(message.content)
    assert [block.type for block in content] == ["thinking", "text", "tool_use"]
    assert content[1].text == "Hello world"
    assert content[2].input == {"city": "Paris"}
    client.close()
