"""`client.messages.stream()` and the beta helper over real HTTP: helper events, accumulation, endings."""

from __future__ import annotations

import copy
import pickle
import re
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import _streaming_fixtures as F
import httpx
import pydantic
import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic._exceptions import APIResponseValidationError, OverloadedError, StreamIncompleteError
from anthropic._streaming import AsyncStream, Stream, StreamDataError
from anthropic.lib.streaming import (
    AsyncMessageStream,
    AsyncMessageStreamManager,
    BetaAsyncMessageStream,
    BetaAsyncMessageStreamManager,
    BetaInputJsonEvent,
    BetaMessageStream,
    BetaMessageStreamManager,
    CitationEvent,
    ContentBlockStopEvent,
    InputJsonEvent,
    MessageStopEvent,
    MessageStream,
    MessageStreamManager,
    ParsedBetaContentBlockStopEvent,
    ParsedBetaMessageStopEvent,
    ParsedBetaTextEvent,
    SignatureEvent,
    TextEvent,
    ThinkingEvent,
)
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.types import Message, RawContentBlockDeltaEvent, TextBlock, ToolUseBlock
from anthropic.types.beta import BetaRawMessageStreamEvent
from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage, ParsedBetaTextBlock

PARAMS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hi"}],
}
FINE_GRAINED = {"anthropic-beta": "fine-grained-tool-streaming-2025-05-14"}


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


@pytest.fixture
def client(anthropic_server: FakeAnthropicServer, http: httpx.Client) -> Anthropic:
    return Anthropic(api_key="test-key", base_url=anthropic_server.url, http_client=http, max_retries=0)


@pytest.fixture
async def ahttp() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


@pytest.fixture
def aclient(anthropic_server: FakeAnthropicServer, ahttp: httpx.AsyncClient) -> AsyncAnthropic:
    return AsyncAnthropic(api_key="test-key", base_url=anthropic_server.url, http_client=ahttp, max_retries=0)


def busy(http: httpx.Client | httpx.AsyncClient) -> int:
    pool: Any = http._transport._pool  # pyright: ignore[reportAttributeAccessIssue]
    return sum(1 for conn in pool.connections if not conn.is_idle())


def types_of(events: list[Any]) -> list[str]:
    return [e.type for e in events]


BASIC_TYPES = [
    "message_start",
    "content_block_start",
    "content_block_delta",
    "text",
    "content_block_delta",
    "text",
    "content_block_delta",
    "text",
    "content_block_stop",
    "message_delta",
    "message_stop",
]
TOOL_TYPES = [
    "message_start",
    "content_block_start",
    "content_block_delta",
    "text",
    "content_block_stop",
    "content_block_start",
    *["content_block_delta", "input_json"] * len(F.TOOL_FRAGMENTS),
    "content_block_stop",
    "message_delta",
    "message_stop",
]


def check_basic(events: list[Any], message: Message) -> None:
    assert types_of(events) == BASIC_TYPES
    texts = [e for e in events if e.type == "text"]
    assert all(isinstance(e, TextEvent) for e in texts)
    assert [(e.text, e.snapshot) for e in texts] == [("Hi", "Hi"), (" there", "Hi there"), ("!", "Hi there!")]
    assert isinstance(message, Message)
    assert message.model_dump(exclude_none=True) == {
        "id": "msg_01",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [{"type": "text", "text": "Hi there!"}],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 21, "output_tokens": 9},
    }
    assert message.content[0].to_dict() == {"type": "text", "text": "Hi there!"}
    stop = events[-1]
    assert isinstance(stop, MessageStopEvent) and stop.message is message
    block_stop = events[-3]
    assert isinstance(block_stop, ContentBlockStopEvent)
    assert block_stop.index == 0 and block_stop.content_block is message.content[0]


# -- messages.stream(): the request --------------------------------------------------------------------------


def test_stream_request(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    manager = client.messages.stream(**PARAMS, container="cnt_1", extra_headers={"X-Custom": "1"}, extra_body={"x": 2})
    assert isinstance(manager, MessageStreamManager)
    assert anthropic_server.requests == []  # nothing is sent before `with`
    with manager as stream:
        assert isinstance(stream, MessageStream)
        stream.until_done()
    request = anthropic_server.last_request
    assert (request.method, request.path) == ("POST", "/v1/messages")
    assert request.headers["x-stainless-stream-helper"] == "messages"
    assert request.headers["x-custom"] == "1"
    assert request.json() == {**PARAMS, "container": "cnt_1", "stream": True, "x": 2}


def test_stream_helper_header_can_be_overridden(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with client.messages.stream(**PARAMS, extra_headers={"X-Stainless-Stream-Helper": "mine"}) as stream:
        stream.until_done()
    assert anthropic_server.last_request.headers["x-stainless-stream-helper"] == "mine"


def test_deprecated_model_warns(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with pytest.warns(DeprecationWarning, match="The model 'claude-2.1' is deprecated"):
        manager = client.messages.stream(**{**PARAMS, "model": "claude-2.1"})
    with manager as stream:
        stream.until_done()


# -- events and the final message ----------------------------------------------------------------------------


def test_basic_events_and_final_message(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), headers={"request-id": "req_stream"}))
    with client.messages.stream(**PARAMS) as stream:
        assert stream.request_id == "req_stream"
        assert isinstance(stream.response, httpx.Response) and not stream.response.is_closed
        events = list(stream)
        message = stream.get_final_message()
        assert stream.get_final_text() == "Hi there!"
        assert stream.current_message_snapshot is message
    check_basic(events, message)
    assert stream.response.is_closed
    assert busy(http) == 0


@pytest.mark.anyio
async def test_basic_events_and_final_message_async(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), headers={"request-id": "req_async"}))
    manager = aclient.messages.stream(**PARAMS)
    assert isinstance(manager, AsyncMessageStreamManager)
    async with manager as stream:
        assert isinstance(stream, AsyncMessageStream)
        assert stream.request_id == "req_async"
        events = [event async for event in stream]
        message = await stream.get_final_message()
        assert await stream.get_final_text() == "Hi there!"
    check_basic(events, message)
    assert stream.response.is_closed
    assert busy(ahttp) == 0


def test_tool_use_partial_json(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    with client.messages.stream(**PARAMS) as stream:
        events = list(stream)
        message = stream.get_final_message()
    assert types_of(events) == TOOL_TYPES
    json_events = [e for e in events if e.type == "input_json"]
    assert all(isinstance(e, InputJsonEvent) for e in json_events)
    assert [e.partial_json for e in json_events] == list(F.TOOL_FRAGMENTS)
    assert [e.snapshot for e in json_events] == F.TOOL_SNAPSHOTS
    tool = message.content[1]
    assert isinstance(tool, ToolUseBlock)
    assert (tool.id, tool.name, tool.input) == ("toolu_01", "get_weather", {"city": "Paris, France", "days": [1, 2]})
    assert message.stop_reason == "tool_use"
    assert message.usage.model_dump(exclude_none=True) == {
        "input_tokens": 21,
        "output_tokens": 40,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 3,
        "service_tier": "standard",
    }


@pytest.mark.anyio
async def test_tool_use_partial_json_async(anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use(), chunking="bytewise"))
    async with aclient.messages.stream(**PARAMS) as stream:
        events = [event async for event in stream]
        message = await stream.get_final_message()
    assert types_of(events) == TOOL_TYPES
    assert [e.snapshot for e in events if e.type == "input_json"] == F.TOOL_SNAPSHOTS
    assert message.content[1].input == {"city": "Paris, France", "days": [1, 2]}  # type: ignore[union-attr]


def test_fine_grained_tool_streaming_keeps_unfinished_strings(
    anthropic_server: FakeAnthropicServer, client: Anthropic
) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    with client.messages.stream(**PARAMS, extra_headers=FINE_GRAINED) as stream:
        snapshots = [e.snapshot for e in stream if e.type == "input_json"]
    assert snapshots == F.TOOL_SNAPSHOTS_TRAILING


def test_server_tool_use_and_citations(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.server_tool_use()))
    with client.messages.stream(**PARAMS) as stream:
        events = list(stream)
        message = stream.get_final_message()
    assert types_of(events) == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "input_json",
        "content_block_delta",
        "input_json",
        "content_block_stop",
        "content_block_start",
        "content_block_stop",
        "content_block_start",
        "content_block_delta",
        "citation",
        "content_block_delta",
        "text",
        "content_block_delta",
        "text",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert [e.snapshot for e in events if e.type == "input_json"] == [{}, {"query": "claude models"}]
    (citation_event,) = [e for e in events if e.type == "citation"]
    assert isinstance(citation_event, CitationEvent)
    assert citation_event.citation.model_dump(exclude_none=True) == F.CITATION
    assert [c.model_dump(exclude_none=True) for c in citation_event.snapshot] == [F.CITATION]
    search, result, text = message.content
    assert search.type == "server_tool_use" and search.input == {"query": "claude models"}
    assert result.type == "web_search_tool_result"
    assert isinstance(text, TextBlock)
    assert text.text == "Claude is a model family."
    assert [c.model_dump(exclude_none=True) for c in text.citations or []] == [F.CITATION]
    assert message.usage.server_tool_use is not None
    assert message.usage.server_tool_use.web_search_requests == 1


def test_thinking_and_signature(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.thinking()))
    with client.messages.stream(**PARAMS) as stream:
        events = list(stream)
        message = stream.get_final_message()
    assert types_of(events)[:9] == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "thinking",
        "content_block_delta",
        "thinking",
        "content_block_delta",
        "signature",
        "content_block_stop",
    ]
    thinking = [e for e in events if e.type == "thinking"]
    assert all(isinstance(e, ThinkingEvent) for e in thinking)
    assert [(e.thinking, e.snapshot) for e in thinking] == [("Let me ", "Let me "), ("think.", "Let me think.")]
    (signature,) = [e for e in events if e.type == "signature"]
    assert isinstance(signature, SignatureEvent) and signature.signature == "sig_abc"
    assert [b.model_dump() for b in message.content] == [
        {"type": "thinking", "thinking": "Let me think.", "signature": "sig_abc"},
        {"type": "redacted_thinking", "data": "opaque"},
        {"type": "text", "text": "Done.", "citations": None},
    ]
    assert stream.get_final_text() == "Done."


def test_unfinished_tool_input_at_max_tokens(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.unfinished_tool_input()))
    with client.messages.stream(**PARAMS) as stream:
        events = list(stream)
        message = stream.get_final_message()
    assert types_of(events) == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "input_json",
        "message_delta",
        "message_stop",
    ]
    assert message.stop_reason == "max_tokens"
    assert message.content[0].input == {"filename": "notes.txt", "lines": ["one"]}  # type: ignore[union-attr]


def test_text_stream(anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    with client.messages.stream(**PARAMS) as stream:
        assert list(stream.text_stream) == ["Checking the weather."]
        message = stream.get_final_message()
        assert message.content[1].input == {"city": "Paris, France", "days": [1, 2]}  # type: ignore[union-attr]
    assert busy(http) == 0


@pytest.mark.anyio
async def test_text_stream_async(anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    async with aclient.messages.stream(**PARAMS) as stream:
        assert [text async for text in stream.text_stream] == ["Hi", " there", "!"]
        assert (await stream.get_final_message()).content[0].text == "Hi there!"  # type: ignore[union-attr]


def test_current_message_snapshot(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    with client.messages.stream(**PARAMS) as stream:
        snapshots: list[dict[str, Any]] = []
        for event in stream:
            snapshot = stream.current_message_snapshot
            assert stream.current_message_snapshot is snapshot  # built once per event
            snapshots.append(snapshot.model_dump(exclude_none=True))
            if event.type == "input_json" and event.partial_json == ", 2]}":
                assert snapshot.content[1].input == {"city": "Paris, France", "days": [1, 2]}  # type: ignore[union-attr]
        final = stream.get_final_message()
    assert snapshots[0]["content"] == []
    assert snapshots[3]["content"] == [{"type": "text", "text": "Checking the weather."}]
    assert snapshots[-1] == final.model_dump(exclude_none=True)
    assert snapshots[-2]["stop_reason"] == "tool_use"  # after message_delta
    assert snapshots[-3].get("stop_reason") is None


def test_break_then_get_final_message(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with client.messages.stream(**PARAMS) as stream:
        for event in stream:
            if event.type == "text":
                break
        assert stream.get_final_text() == "Hi there!"
        assert list(stream) == []
    assert busy(http) == 0


def test_leaving_the_block_early_releases_the_connection(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(tuple("z" * 40)), pause={6: 5.0}))
    with client.messages.stream(**PARAMS) as stream:
        for event in stream:
            if event.type == "text":
                assert busy(http) == 1
                break
    assert stream.response.is_closed
    assert busy(http) == 0


def test_get_final_text_without_text_blocks(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    events = [F.message_start(), *F.tool_use()[4:]]
    anthropic_server.enqueue(Reply.sse(events))
    with client.messages.stream(**PARAMS) as stream:
        with pytest.raises(
            RuntimeError, match=r"\.get_final_text\(\) can only be called when the API returns a `text`"
        ):
            stream.get_final_text()
        assert stream.get_final_message().content[0].type == "tool_use"


def test_event_before_message_start(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse([F.block_start(0, {"type": "text", "text": ""}), F.MESSAGE_STOP]))
    expected = 'Unexpected event order, got content_block_start before "message_start"'
    with client.messages.stream(**PARAMS) as stream, pytest.raises(RuntimeError, match=expected):
        list(stream)


# -- failures through the helper -----------------------------------------------------------------------------


def test_error_event_through_the_helper(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse([*F.basic()[:4], F.error_event()], headers={"request-id": "req_over"}))
    with client.messages.stream(**PARAMS) as stream:
        with pytest.raises(OverloadedError) as info:
            stream.get_final_message()
        assert info.value.request_id == "req_over"
    assert busy(http) == 0


@pytest.mark.anyio
async def test_incomplete_stream_through_the_async_helper(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()[:-1]))
    async with aclient.messages.stream(**PARAMS) as stream:
        with pytest.raises(StreamIncompleteError):
            async for _ in stream.text_stream:
                pass
    assert busy(ahttp) == 0


def test_invalid_tool_input_json(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    events = [
        F.message_start(),
        F.block_start(0, {"type": "tool_use", "id": "toolu_x", "name": "get_weather", "input": {}}),
        F.json_delta(0, '{"location": "Paris", '),
        F.json_delta(0, '"unit": celsius}'),
        F.block_stop(0),
        F.message_delta("tool_use"),
        F.MESSAGE_STOP,
    ]
    anthropic_server.enqueue(Reply.sse(events))
    with client.messages.stream(**PARAMS) as stream, pytest.raises(ValueError) as info:
        stream.until_done()
    assert isinstance(info.value, StreamDataError)
    assert isinstance(info.value, APIResponseValidationError)
    assert re.match(
        r"^Unable to parse tool parameter JSON from model\. Please retry your request or adjust your prompt\. "
        r'Error: .+\. JSON: \{"location": "Paris", "unit": celsius\}$',
        str(info.value),
    )


# -- helper events behave like ordinary models ----------------------------------------------------------------


def test_lazy_helper_events_are_ordinary_models(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    with client.messages.stream(**PARAMS) as stream:
        events = list(stream)
    text = next(e for e in events if e.type == "text")
    eager = TextEvent(type="text", text="Checking the weather.", snapshot="Checking the weather.")
    assert text.model_dump() == eager.model_dump()
    assert text == eager
    fresh = [e for e in events if e.type == "input_json"]
    assert fresh[-1].model_dump() == {
        "type": "input_json",
        "partial_json": ", 2]}",
        "snapshot": {"city": "Paris, France", "days": [1, 2]},
    }
    assert fresh[-2].to_json(indent=None) == (
        '{"type":"input_json","partial_json":"ance\\", \\"days\\": [1","snapshot":{"city":"Paris, France","days":[1]}}'
    )
    assert repr(fresh[1]) == "InputJsonEvent(type='input_json', partial_json='{\"city', snapshot={})"
    assert pickle.loads(pickle.dumps(fresh[4])).snapshot == {"city": "Paris, France", "days": [1]}
    assert copy.deepcopy(fresh[5]) == fresh[5]
    assert dict(fresh[0]) == {"type": "input_json", "partial_json": "", "snapshot": {}}
    assert fresh[3].model_fields_set == {"type", "partial_json", "snapshot"}
    assert pydantic.TypeAdapter(TextEvent).validate_python(text.model_dump()) == text


def test_raw_deltas_are_passed_through(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with client.messages.stream(**PARAMS) as stream:
        deltas = [e for e in stream if e.type == "content_block_delta"]
    assert all(isinstance(d, RawContentBlockDeltaEvent) for d in deltas)
    assert [d.delta.text for d in deltas] == ["Hi", " there", "!"]  # type: ignore[union-attr]


def test_long_stream(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    pieces = tuple(f"word{i} " for i in range(5_000))
    anthropic_server.enqueue(Reply.sse(F.basic(pieces), chunking=200))
    started = time.perf_counter()
    with client.messages.stream(**PARAMS) as stream:
        texts = [event.text for event in stream if event.type == "text"]
        text = stream.get_final_text()
    elapsed = time.perf_counter() - started
    assert texts == list(pieces)
    assert text == "".join(pieces)
    assert elapsed < 5.0


# -- beta ---------------------------------------------------------------------------------------------------------


def beta_request(client: Anthropic, http: httpx.Client, url: str, headers: dict[str, str] | None = None) -> Any:
    def send() -> Stream[BetaRawMessageStreamEvent]:
        request = http.build_request("POST", f"{url}/v1/messages?beta=true", json={}, headers=headers)
        response = http.send(request, stream=True)
        return Stream(cast_to=BetaRawMessageStreamEvent, response=response, client=client)  # type: ignore[arg-type]

    return send


class Weather(pydantic.BaseModel):
    city: str
    celsius: int


def beta_events() -> list[F.Event]:
    events = F.tool_use()
    events[0] = F.message_start("msg_beta")
    events.insert(
        -1,
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {
                    "stop_reason": "tool_use",
                    "stop_sequence": None,
                    "container": {"id": "cnt_9", "expires_at": "2025-11-18T00:00:00Z"},
                },
                "usage": {"output_tokens": 41},
                "context_management": {"applied_edits": []},
            },
        ),
    )
    return events


def test_beta_stream(anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client) -> None:
    anthropic_server.enqueue(Reply.sse(beta_events()))
    manager = BetaMessageStreamManager(beta_request(client, http, anthropic_server.url))
    with manager as stream:
        assert isinstance(stream, BetaMessageStream)
        events = list(stream)
        message = stream.get_final_message()
    assert types_of(events) == [*TOOL_TYPES[:-1], "message_delta", "message_stop"]
    assert all(isinstance(e, BetaInputJsonEvent) for e in events if e.type == "input_json")
    text_event = next(e for e in events if e.type == "text")
    assert isinstance(text_event, ParsedBetaTextEvent)
    assert isinstance(events[-1], ParsedBetaMessageStopEvent) and events[-1].message is message
    block_stops = [e for e in events if e.type == "content_block_stop"]
    assert all(isinstance(e, ParsedBetaContentBlockStopEvent) for e in block_stops)
    assert isinstance(message, ParsedBetaMessage)
    assert isinstance(message.content[0], ParsedBetaTextBlock)
    assert message.content[0].parsed_output is None
    assert message.content[1].input == {"city": "Paris, France", "days": [1, 2]}  # type: ignore[union-attr]
    assert message.container is not None and message.container.id == "cnt_9"
    assert message.context_management is not None and message.context_management.applied_edits == []
    assert message.usage.output_tokens == 41
    assert "parsed_output" not in message.content[0].to_dict()


def test_beta_stream_structured_output(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(('{"city": "Par', 'is", "cel', 'sius": 21}'))))
    manager = BetaMessageStreamManager(beta_request(client, http, anthropic_server.url), output_format=Weather)
    with manager as stream:
        events = list(stream)
        message = stream.get_final_message()
    partials = [e.parsed_snapshot() for e in events if isinstance(e, ParsedBetaTextEvent)]
    assert partials == [{"city": "Par"}, {"city": "Paris"}, {"city": "Paris", "celsius": 21}]
    assert message.parsed_output == Weather(city="Paris", celsius=21)
    block_stop = next(e for e in events if e.type == "content_block_stop")
    assert block_stop.content_block.parsed_output == Weather(city="Paris", celsius=21)  # type: ignore[union-attr]


def test_beta_fine_grained_and_mcp_tool_input(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    events = F.tool_use()
    events[4] = F.block_start(
        1, {"type": "mcp_tool_use", "id": "mcptoolu_1", "name": "lookup", "server_name": "srv", "input": {}}
    )
    anthropic_server.enqueue(Reply.sse(events))
    send = beta_request(client, http, anthropic_server.url, headers=FINE_GRAINED)
    with BetaMessageStreamManager(send) as stream:
        snapshots = [e.snapshot for e in stream if e.type == "input_json"]
        message = stream.get_final_message()
    assert snapshots == F.TOOL_SNAPSHOTS_TRAILING
    assert message.content[1].type == "mcp_tool_use"
    assert message.content[1].input == {"city": "Paris, France", "days": [1, 2]}  # type: ignore[union-attr]


@pytest.mark.anyio
async def test_beta_stream_async(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.thinking()))

    async def send() -> AsyncStream[BetaRawMessageStreamEvent]:
        request = ahttp.build_request("POST", f"{anthropic_server.url}/v1/messages?beta=true", json={})
        response = await ahttp.send(request, stream=True)
        return AsyncStream(cast_to=BetaRawMessageStreamEvent, response=response, client=aclient)  # type: ignore[arg-type]

    async with BetaAsyncMessageStreamManager(send()) as stream:
        assert isinstance(stream, BetaAsyncMessageStream)
        kinds = [e.type async for e in stream]
        message = await stream.get_final_message()
    assert kinds.count("thinking") == 2 and kinds.count("signature") == 1
    assert isinstance(message, ParsedBetaMessage)
    assert message.content[0].thinking == "Let me think."  # type: ignore[union-attr]
    assert busy(ahttp) == 0


def test_tracks_tool_input_covers_every_block_with_input() -> None:
    from typing import get_args

    from anthropic.lib.streaming import _beta_messages, _messages
    from anthropic.types import ContentBlock
    from anthropic.types.beta import BetaContentBlock

    for union, tracked in (
        (ContentBlock, _messages.TRACKS_TOOL_INPUT),
        (BetaContentBlock, _beta_messages.TRACKS_TOOL_INPUT),
    ):
        members = get_args(get_args(union)[0])
        with_input = {m for m in members if "input" in m.model_fields}
        assert with_input == set(tracked)


def test_beta_messages_stream_through_the_client(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.tool_use()))
    betas = ["fine-grained-tool-streaming-2025-05-14"]
    with client.beta.messages.stream(**PARAMS, betas=betas) as stream:  # type: ignore[arg-type]
        assert isinstance(stream, BetaMessageStream)
        snapshots = [e.snapshot for e in stream if e.type == "input_json"]
        message = stream.get_final_message()
    assert snapshots == F.TOOL_SNAPSHOTS_TRAILING
    assert isinstance(message, ParsedBetaMessage)
    request = anthropic_server.last_request
    assert request.headers["x-stainless-stream-helper"] == "beta.messages"
    assert request.headers["anthropic-beta"] == "fine-grained-tool-streaming-2025-05-14"
    assert request.json()["stream"] is True


@pytest.mark.anyio
async def test_beta_messages_stream_through_the_async_client(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(('{"city": "Lyon", ', '"celsius": 9}'))))
    async with aclient.beta.messages.stream(**PARAMS, output_format=Weather) as stream:  # type: ignore[arg-type]
        assert isinstance(stream, BetaAsyncMessageStream)
        texts = [text async for text in stream.text_stream]
        message = await stream.get_final_message()
    assert texts == ['{"city": "Lyon", ', '"celsius": 9}']
    assert message.parsed_output == Weather(city="Lyon", celsius=9)


def test_abandoned_helper_releases_the_connection(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    import gc

    anthropic_server.enqueue(Reply.sse(F.basic(), pause={3: 5.0}))
    stream = client.messages.stream(**PARAMS).__enter__()
    assert next(stream).type == "message_start"
    assert busy(http) == 1
    del stream
    gc.collect()
    assert busy(http) == 0


def test_text_stream_outlives_its_helper(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    text_stream = client.messages.stream(**PARAMS).__enter__().text_stream  # the helper itself is dropped at once
    assert list(text_stream) == ["Hi", " there", "!"]
