"""`Stream` / `AsyncStream` over real HTTP (the fake server): events, endings, connection release, failures."""

from __future__ import annotations

import asyncio
import gc
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any

import _streaming_fixtures as F
import httpx
import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic._decoders import StreamDecoder
from anthropic._decoders.sse import ServerSentEvent
from anthropic._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    StreamIncompleteError,
)
from anthropic._streaming import AsyncStream, Stream, StreamDataError
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.types import (
    Completion,
    RawContentBlockDeltaEvent,
    RawContentBlockStartEvent,
    RawContentBlockStopEvent,
    RawMessageDeltaEvent,
    RawMessageStartEvent,
    RawMessageStopEvent,
    RawMessageStreamEvent,
)

PARAMS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hi"}],
}


# -- fixtures and helpers -----------------------------------------------------------------------------------------


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
    """Connections of the pool still serving a response (0 = everything released)."""
    pool: Any = http._transport._pool  # pyright: ignore[reportAttributeAccessIssue]
    return sum(1 for conn in pool.connections if not conn.is_idle())


def pooled(http: httpx.Client | httpx.AsyncClient) -> int:
    pool: Any = http._transport._pool  # pyright: ignore[reportAttributeAccessIssue]
    return len(pool.connections)


def start(client: Anthropic, **options: Any) -> Stream[Any]:
    return client.messages.create(**PARAMS, stream=True, **options)


async def astart(client: AsyncAnthropic, **options: Any) -> AsyncStream[Any]:
    return await client.messages.create(**PARAMS, stream=True, **options)


ALL_EVENT_TYPES: list[F.Event] = [
    F.message_start(),
    F.block_start(0, {"type": "thinking", "thinking": "", "signature": ""}),
    F.delta(0, {"type": "thinking_delta", "thinking": "hmm"}),
    F.delta(0, {"type": "signature_delta", "signature": "sig"}),
    F.block_stop(0),
    F.block_start(1, {"type": "text", "text": ""}),
    F.delta(1, {"type": "citations_delta", "citation": F.CITATION}),
    F.text_delta(1, "hello"),
    F.block_stop(1),
    F.block_start(2, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}),
    F.json_delta(2, '{"a": 1}'),
    F.block_stop(2),
    F.message_delta("tool_use"),
    F.MESSAGE_STOP,
]
ALL_EVENT_CLASSES = [
    RawMessageStartEvent,
    RawContentBlockStartEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockStopEvent,
    RawContentBlockStartEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockStopEvent,
    RawContentBlockStartEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockStopEvent,
    RawMessageDeltaEvent,
    RawMessageStopEvent,
]
ALL_DELTA_TYPES = ["thinking_delta", "signature_delta", "citations_delta", "text_delta", "input_json_delta"]


def check_all_events(events: list[Any]) -> None:
    assert [type(e) for e in events] == ALL_EVENT_CLASSES
    assert [e.model_dump(exclude_none=True) for e in events] == [_without_none(data) for _, data in ALL_EVENT_TYPES]
    assert [e.delta.type for e in events if e.type == "content_block_delta"] == ALL_DELTA_TYPES


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


# -- events ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunking", ["one-per-event", "bytewise", 5])
def test_every_event_type_is_parsed(anthropic_server: FakeAnthropicServer, client: Anthropic, chunking: Any) -> None:
    anthropic_server.enqueue(Reply.sse(ALL_EVENT_TYPES, chunking=chunking))
    with start(client) as stream:
        assert isinstance(stream, Stream)
        events = list(stream)
    check_all_events(events)
    assert stream.response.is_closed


@pytest.mark.anyio
async def test_every_event_type_is_parsed_async(anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic) -> None:
    anthropic_server.enqueue(Reply.sse(ALL_EVENT_TYPES, chunking="bytewise"))
    stream = await astart(aclient)
    assert isinstance(stream, AsyncStream)
    events = [event async for event in stream]
    check_all_events(events)
    assert stream.response.is_closed


def test_ping_unknown_and_unnamed_events_are_skipped(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(
        Reply.sse(
            [
                F.PING,
                F.message_start(),
                ("future_event", {"type": "future_event", "x": 1}),
                (None, {"type": "message_delta"}),
                b": a comment\n\n",
                F.PING,
                F.MESSAGE_STOP,
            ]
        )
    )
    assert [e.type for e in start(client)] == ["message_start", "message_stop"]


def test_type_is_injected_when_missing(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse([F.message_start(), ("content_block_stop", {"index": 3}), ("message_stop", {})]))
    events = list(start(client))
    assert isinstance(events[1], RawContentBlockStopEvent)
    assert (events[1].type, events[1].index) == ("content_block_stop", 3)
    assert isinstance(events[2], RawMessageStopEvent)


def test_unknown_fields_and_block_types_are_kept(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(
        Reply.sse(
            [
                F.message_start(),
                F.block_start(0, {"type": "hologram", "depth": 3}),
                ("content_block_stop", {"type": "content_block_stop", "index": 0, "new_field": [1]}),
                F.MESSAGE_STOP,
            ]
        )
    )
    events = list(start(client))
    assert events[1].content_block.type == "hologram"
    assert events[1].content_block.depth == 3  # type: ignore[union-attr]
    assert events[2].new_field == [1]  # type: ignore[union-attr]


def test_multiline_data_and_crlf(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    body = (
        b"event: message_start\r\n"
        + b"data: "
        + F.to_sse_bytes([F.message_start()]).split(b"data: ")[1].rstrip(b"\n")[:40]
        + b"\r\ndata: "
        + F.to_sse_bytes([F.message_start()]).split(b"data: ")[1].rstrip(b"\n")[40:]
        + b"\r\n\r\n"
        + b"event: message_stop\rdata: {}\r\r"
    )
    anthropic_server.enqueue(Reply.sse([body], chunking="bytewise"))
    events = list(start(client))
    assert [e.type for e in events] == ["message_start", "message_stop"]
    assert events[0].message.id == "msg_01"


def test_stream_stops_at_message_stop(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse([*F.basic(), F.message_delta(), F.text_delta(0, "late")]))
    events = list(start(client))
    assert events[-1].type == "message_stop"
    assert [e.type for e in events].count("message_delta") == 1
    assert busy(http) == 0


def test_connection_is_reused_after_message_stop(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    for _ in range(3):
        anthropic_server.enqueue(Reply.sse(F.basic()))
        assert list(start(client))[-1].type == "message_stop"
    assert pooled(http) == 1
    assert busy(http) == 0


def test_completion_stream_ends_with_the_body(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    events: list[F.Event] = [
        ("completion", {"type": "completion", "completion": " Hello", "stop_reason": None, "model": "claude-2.1"}),
        F.PING,
        (
            "completion",
            {"type": "completion", "completion": "!", "stop_reason": "stop_sequence", "model": "claude-2.1"},
        ),
    ]
    anthropic_server.enqueue(Reply.sse(events))
    raw = http.send(http.build_request("POST", f"{anthropic_server.url}/v1/complete", json={}), stream=True)
    stream = Stream(cast_to=Completion, response=raw, client=client)
    completions = list(stream)
    assert [c.completion for c in completions] == [" Hello", "!"]
    assert isinstance(completions[0], Completion)
    assert raw.is_closed


# -- closing ---------------------------------------------------------------------------------------------------


def test_response_and_close(anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    stream = start(client)
    assert isinstance(stream.response, httpx.Response)
    assert stream.response.headers["content-type"].startswith("text/event-stream")
    assert next(stream).type == "message_start"
    assert busy(http) == 1
    stream.close()
    assert stream.response.is_closed
    assert busy(http) == 0
    assert list(stream) == []


def test_context_manager_closes(anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with start(client) as stream:
        assert next(stream).type == "message_start"
    assert stream.response.is_closed
    assert busy(http) == 0


def test_early_break_releases_the_connection(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(tuple("x" * 50)), pause={5: 5.0}))
    stream = start(client)
    for event in stream:
        if event.type == "content_block_delta":
            assert busy(http) == 1
            break
    assert busy(http) == 0
    assert stream.response.is_closed
    # the pool still works for the next request
    anthropic_server.enqueue(Reply.sse(F.basic()))
    assert list(start(client))[-1].type == "message_stop"


def test_garbage_collection_releases_the_connection(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), pause={2: 5.0}))
    stream = start(client)
    assert next(stream).type == "message_start"
    response = stream.response
    del stream
    gc.collect()
    assert response.is_closed
    assert busy(http) == 0

    anthropic_server.enqueue(Reply.sse(F.basic()))
    unread = start(client)  # never iterated
    response = unread.response
    del unread
    gc.collect()
    assert response.is_closed
    assert busy(http) == 0


@pytest.mark.anyio
async def test_async_close_context_manager_and_break(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    stream = await astart(aclient)
    assert (await stream.__anext__()).type == "message_start"
    assert busy(ahttp) == 1
    await stream.close()
    assert stream.response.is_closed and busy(ahttp) == 0

    anthropic_server.enqueue(Reply.sse(F.basic()))
    async with await astart(aclient) as stream:
        assert (await stream.__anext__()).type == "message_start"
    assert stream.response.is_closed and busy(ahttp) == 0

    anthropic_server.enqueue(Reply.sse(F.basic(tuple("y" * 30)), pause={4: 5.0}))
    stream = await astart(aclient)
    async for event in stream:
        if event.type == "content_block_delta":
            break
    for _ in range(5):  # the abandoned `async for` generator is finalized by the event loop
        await asyncio.sleep(0)
    assert stream.response.is_closed and busy(ahttp) == 0


@pytest.mark.anyio
async def test_async_garbage_collection_releases_the_connection(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), pause={2: 5.0}))
    stream = await astart(aclient)
    assert (await stream.__anext__()).type == "message_start"
    response = stream.response
    del stream
    gc.collect()
    for _ in range(5):
        await asyncio.sleep(0)
    assert response.is_closed
    assert busy(ahttp) == 0


@pytest.mark.anyio
async def test_async_connection_is_reused(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    for _ in range(3):
        anthropic_server.enqueue(Reply.sse(F.basic()))
        assert [e.type async for e in await astart(aclient)][-1] == "message_stop"
    assert pooled(ahttp) == 1 and busy(ahttp) == 0


def test_isinstance_quirk_of_0_74(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    with client.messages.stream(**PARAMS) as helper:
        with pytest.warns(DeprecationWarning, match="`MessageStream`"):
            assert isinstance(helper, Stream)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert not isinstance(helper, AsyncStream)
            assert not isinstance(object(), Stream)


# -- errors in the middle of a stream ----------------------------------------------------------------------------

ERROR_CLASSES = [
    ("overloaded_error", OverloadedError),
    ("rate_limit_error", RateLimitError),
    ("api_error", InternalServerError),
    ("invalid_request_error", BadRequestError),
    ("authentication_error", AuthenticationError),
    ("permission_error", PermissionDeniedError),
    ("not_found_error", NotFoundError),
    ("request_too_large", RequestTooLargeError),
    ("billing_error", APIStatusError),
    ("some_future_error", APIStatusError),
]


@pytest.mark.parametrize(("error_type", "cls"), ERROR_CLASSES)
def test_error_event_raises_its_class(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client, error_type: str, cls: type[Exception]
) -> None:
    anthropic_server.enqueue(
        Reply.sse([F.message_start(), F.PING, F.error_event(error_type, "it broke")], headers={"request-id": "req_mid"})
    )
    seen: list[str] = []
    with pytest.raises(APIStatusError) as info:
        for event in start(client):
            seen.append(event.type)
    assert type(info.value) is cls
    assert seen == ["message_start"]
    err = info.value
    assert err.request_id == "req_mid"
    assert err.body == {"type": "error", "error": {"type": error_type, "message": "it broke"}}
    assert err.message == str(err.body)
    assert err.status_code == 200
    assert busy(http) == 0


def test_error_event_request_id_from_body(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_body"}
    anthropic_server.enqueue(Reply.sse([("error", body)], headers={"request-id": ""}))
    with pytest.raises(OverloadedError) as info:
        list(start(client))
    assert info.value.request_id == "req_body"


def test_error_event_with_text_data(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse([F.message_start(), ("error", "upstream exploded")]))
    with pytest.raises(APIStatusError) as info:
        list(start(client))
    assert type(info.value) is APIStatusError
    assert info.value.message == "upstream exploded"
    assert info.value.body == "upstream exploded"


@pytest.mark.anyio
async def test_error_event_async(anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic) -> None:
    anthropic_server.enqueue(Reply.sse([F.message_start(), F.error_event()], headers={"request-id": "req_a"}))
    stream = await astart(aclient)
    with pytest.raises(OverloadedError) as info:
        async for _ in stream:
            pass
    assert info.value.request_id == "req_a"
    assert stream.response.is_closed


def test_connection_dropped_mid_stream(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), drop_after=3))
    seen: list[str] = []
    with pytest.raises(APIConnectionError) as info:
        for event in start(client):
            seen.append(event.type)
    assert type(info.value) is APIConnectionError
    assert isinstance(info.value.__cause__, httpx.HTTPError)
    assert seen == ["message_start", "content_block_start"]
    assert busy(http) == 0


@pytest.mark.anyio
async def test_connection_dropped_mid_stream_async(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), drop_after=4))
    with pytest.raises(APIConnectionError) as info:
        async for _ in await astart(aclient):
            pass
    assert type(info.value) is APIConnectionError
    assert busy(ahttp) == 0


@pytest.mark.timeout(10)
def test_read_timeout_mid_stream(anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), pause={3: 3.0}))
    stream = start(client, timeout=httpx.Timeout(5.0, read=0.2))
    seen: list[str] = []
    with pytest.raises(APITimeoutError) as info:
        for event in stream:
            seen.append(event.type)
    assert isinstance(info.value.__cause__, httpx.TimeoutException)
    assert seen == ["message_start", "content_block_start"]  # the third event sent was a ping
    assert busy(http) == 0


@pytest.mark.anyio
@pytest.mark.timeout(10)
async def test_read_timeout_mid_stream_async(anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), pause={2: 3.0}))
    stream = await astart(aclient, timeout=httpx.Timeout(5.0, read=0.2))
    with pytest.raises(APITimeoutError):
        async for _ in stream:
            pass
    assert stream.response.is_closed


@pytest.mark.parametrize("where", [1, 4])
def test_invalid_json_in_an_event(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client, where: int
) -> None:
    events: list[Any] = F.basic()
    events.insert(where, ("content_block_delta", '{"type": "content_block_delta", "index": 0, "delta": {'))
    anthropic_server.enqueue(Reply.sse(events))
    with pytest.raises(StreamDataError) as info:
        list(start(client))
    err = info.value
    assert isinstance(err, APIResponseValidationError)
    assert isinstance(err, ValueError)  # 0.74.0 raised the JSON parser's ValueError here
    assert "content_block_delta" in err.message
    assert err.body == '{"type": "content_block_delta", "index": 0, "delta": {'
    assert busy(http) == 0


def test_clean_end_before_message_stop(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()[:-2]))
    seen: list[str] = []
    with pytest.raises(StreamIncompleteError) as info:
        for event in start(client):
            seen.append(event.type)
    assert isinstance(info.value, APIConnectionError)
    assert seen[-1] == "content_block_stop"
    assert busy(http) == 0


def test_empty_stream_is_incomplete(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse([F.PING]))
    with pytest.raises(StreamIncompleteError):
        list(start(client))


def test_event_cut_at_end_of_body_is_incomplete(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    body = F.to_sse_bytes(F.basic())[:-30]  # the body ends cleanly in the middle of message_stop's data
    anthropic_server.enqueue(Reply.sse([body]))
    with pytest.raises(StreamIncompleteError):
        list(start(client))


def test_final_event_without_blank_line_is_delivered(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    body = F.to_sse_bytes(F.basic()).rstrip(b"\n") + b"\n"
    anthropic_server.enqueue(Reply.sse([body]))
    assert [e.type for e in start(client)][-1] == "message_stop"


@pytest.mark.anyio
async def test_clean_end_before_message_stop_async(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()[:3]))
    with pytest.raises(StreamIncompleteError):
        async for _ in await astart(aclient):
            pass


def test_errors_are_anthropic_errors() -> None:
    for cls in (StreamDataError, StreamIncompleteError, APITimeoutError, OverloadedError):
        assert issubclass(cls, anthropic.APIError)


class _JsonLinesEvents:
    """A platform-style decoder: one JSON object per line, event name taken from its `type` (like Bedrock's)."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        return [self._event(line) for line in lines if line]

    def flush(self) -> list[ServerSentEvent]:
        rest, self._buffer = self._buffer, b""
        return [self._event(rest)] if rest else []

    @staticmethod
    def _event(line: bytes) -> ServerSentEvent:
        import json

        return ServerSentEvent(event=json.loads(line)["type"], data=line)


def test_a_platform_decoder_feeds_the_same_stream(
    anthropic_server: FakeAnthropicServer, client: Anthropic, http: httpx.Client
) -> None:
    import json

    body = b"".join(json.dumps(data).encode() + b"\n" for _, data in ALL_EVENT_TYPES)
    anthropic_server.enqueue(Reply(chunks=[body[i : i + 7] for i in range(0, len(body), 7)]))
    response = http.send(http.build_request("POST", f"{anthropic_server.url}/model/x/invoke"), stream=True)
    decoder = _JsonLinesEvents()
    assert isinstance(decoder, StreamDecoder)
    stream = Stream(cast_to=RawMessageStreamEvent, response=response, client=client, decoder=decoder)
    check_all_events(list(stream))
    assert response.is_closed


@pytest.mark.anyio
async def test_close_from_another_task_ends_the_iteration_quietly(
    anthropic_server: FakeAnthropicServer, aclient: AsyncAnthropic, ahttp: httpx.AsyncClient
) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic(), pause={2: 5.0}))
    stream = await astart(aclient)
    seen: list[str] = []

    async def consume() -> None:
        async for event in stream:
            seen.append(event.type)

    task = asyncio.create_task(consume())
    while len(seen) < 2:
        await asyncio.sleep(0.01)
    await stream.close()
    await asyncio.wait_for(task, 2.0)  # ends without an exception
    assert seen == ["message_start", "content_block_start"]
    assert busy(ahttp) == 0


def test_iterating_after_the_response_was_closed(anthropic_server: FakeAnthropicServer, client: Anthropic) -> None:
    anthropic_server.enqueue(Reply.sse(F.basic()))
    stream = start(client)
    stream.response.close()
    assert list(stream) == []
