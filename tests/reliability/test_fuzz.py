"""Fuzzing with hypothesis: decoders and response parsing take any bytes, cut anywhere, and fail only as documented.

Documented failures: the sans-IO decoders never raise; `Stream` raises only `anthropic.APIError` subclasses;
`JSONLDecoder` raises only `APIResponseValidationError` for a bad line; `parse_json_bytes` raises only `ValueError`
(not JSON) -- never anything for JSON of the wrong shape, which is constructed leniently.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import httpx
import pydantic
import pytest
from _reliability import message_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anthropic
from anthropic._decoders.jsonl import JSONLDecoder, LineSplitter
from anthropic._decoders.sse import ServerSentEvent, SSEDecoder
from anthropic._models import parse_json_bytes
from anthropic._streaming import Stream
from anthropic.testing._sse import encode_event

# Example counts and randomness come from the hypothesis profile (tests/conftest.py: "ci" derandomised, "deep").
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes biased towards what matters to an SSE / JSONL parser.
_ALPHABET = [
    b"\n",
    b"\r",
    b"\r\n",
    b":",
    b" ",
    b"data",
    b"event",
    b"id",
    b"retry",
    b"\xef\xbb\xbf",
    b"\x00",
    b"{",
    b"}",
    b'"',
]
sse_like = st.lists(st.one_of(st.sampled_from(_ALPHABET), st.binary(max_size=8)), max_size=40).map(b"".join)
any_bytes = st.one_of(st.binary(max_size=300), sse_like)


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def _key(event: ServerSentEvent) -> tuple[Any, ...]:
    return (event.event, event.raw, event.id, event.retry)


def _decode_sse(chunks: list[bytes]) -> list[tuple[Any, ...]]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.flush())
    assert all(isinstance(e, ServerSentEvent) for e in events)
    return [_key(e) for e in events]


# -- SSE decoder ----------------------------------------------------------------------------------------------


@FUZZ
@given(data=any_bytes, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_sse_decoder_any_bytes_any_chunking_same_events(data: bytes, cuts: list[int]) -> None:
    assert _decode_sse(_split(data, cuts)) == _decode_sse([data])


@FUZZ
@given(data=any_bytes)
def test_sse_decoder_bytewise_equals_whole(data: bytes) -> None:
    assert _decode_sse([data[i : i + 1] for i in range(len(data))]) == _decode_sse([data])


def _stream_bytes() -> bytes:
    events = message_events('héllo wörld — 你好 🌍 "quoted" \\ back')
    return b"".join(encode_event(e) for e in events)


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_sse_same_stream_split_at_every_byte_boundary(newline: bytes) -> None:
    data = b"\xef\xbb\xbf" + _stream_bytes().replace(b"\n", newline)
    whole = _decode_sse([data])
    assert [e[0] for e in whole][0] == "message_start" and whole[-1][0] == "message_stop"
    for i in range(len(data) + 1):
        assert _decode_sse([data[:i], data[i:]]) == whole, i


@FUZZ
@given(data=any_bytes, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_stream_over_arbitrary_bytes_raises_only_sdk_errors(data: bytes, cuts: list[int]) -> None:
    from anthropic.types import RawMessageStreamEvent

    response = _response(_split(data, cuts), "text/event-stream")
    stream: Stream[Any] = Stream(cast_to=RawMessageStreamEvent, response=response, client=None)  # type: ignore[arg-type]
    try:
        for _event in stream:
            pass
    except anthropic.APIError:
        pass
    assert response.is_closed


@FUZZ
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=10_000), max_size=8), drop=st.integers(min_value=0, max_value=40)
)
def test_stream_of_real_events_cut_short_raises_sdk_error_or_completes(cuts: list[int], drop: int) -> None:
    """A real message stream, chunked anywhere and cut at an event boundary or mid-event."""
    from anthropic.types import RawMessageStreamEvent

    data = _stream_bytes()
    data = data[: max(0, len(data) - drop * 7)]
    response = _response(_split(data, cuts), "text/event-stream")
    stream: Stream[Any] = Stream(cast_to=RawMessageStreamEvent, response=response, client=None)  # type: ignore[arg-type]
    try:
        events = [e.type for e in stream]
    except anthropic.APIError as exc:
        assert drop > 0 or not data, exc
    else:
        assert events[-1] == "message_stop"


# -- JSONL ----------------------------------------------------------------------------------------------------


def _split_lines(chunks: list[bytes]) -> list[bytes]:
    splitter = LineSplitter()
    lines = [line for chunk in chunks for line in splitter.feed(chunk)]
    return lines + splitter.flush()


@FUZZ
@given(data=any_bytes, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_jsonl_splitter_any_chunking_matches_reference(data: bytes, cuts: list[int]) -> None:
    expected = [line for line in data.splitlines() if line and not line.isspace()]
    assert _split_lines(_split(data, cuts)) == expected
    assert _split_lines([data[i : i + 1] for i in range(len(data))]) == expected


@FUZZ
@given(data=any_bytes, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_jsonl_decoder_raises_only_validation_error(data: bytes, cuts: list[int]) -> None:
    from anthropic.types.messages import MessageBatchIndividualResponse

    chunks = _split(data, cuts)
    response = _response(chunks, "application/binary")
    decoder = JSONLDecoder(line_type=MessageBatchIndividualResponse, http_response=response, raw_iterator=iter(chunks))
    try:
        for _line in decoder:
            pass
    except anthropic.APIResponseValidationError:
        pass
    assert response.is_closed


@settings(FUZZ, max_examples=max(10, settings().max_examples // 3))  # each example is slower
@given(
    lines=st.lists(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3), max_size=6),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=8),
    newline=st.sampled_from([b"\n", b"\r\n", b"\r"]),
)
def test_jsonl_decoder_same_objects_for_any_chunking(
    lines: list[dict[str, Any]], cuts: list[int], newline: bytes
) -> None:
    import json

    data = b"".join(json.dumps(line).encode() + newline for line in lines)
    chunks = _split(data, cuts)
    decoder = JSONLDecoder(
        line_type=dict, http_response=_response(chunks, "application/binary"), raw_iterator=iter(chunks)
    )
    assert list(decoder) == lines


# -- response parsing -----------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_MESSAGE_KEYS = ["id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage", "text", "input"]
message_like = st.dictionaries(st.sampled_from(_MESSAGE_KEYS) | st.text(max_size=6), json_values, max_size=8)


@FUZZ
@given(value=st.one_of(json_values, message_like))
def test_parse_any_json_as_message_never_raises(value: object) -> None:
    import json

    from anthropic.types import Message

    data = json.dumps(value).encode()
    parse_json_bytes(Message, data)  # lenient: wrong shapes are constructed (0.74.0 behaviour), not rejected
    with contextlib.suppress(pydantic.ValidationError):
        parse_json_bytes(Message, data, strict=True)


@FUZZ
@given(data=any_bytes)
def test_parse_arbitrary_bytes_raises_only_value_error(data: bytes) -> None:
    from anthropic.types import Message

    with contextlib.suppress(ValueError):  # includes pydantic.ValidationError and pydantic-core's JSON errors
        parse_json_bytes(Message, data)


# -- helpers --------------------------------------------------------------------------------------------------


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks


def _response(chunks: list[bytes], content_type: str) -> httpx.Response:
    request = httpx.Request("POST", "https://api.anthropic.com/v1/messages")
    return httpx.Response(200, headers={"content-type": content_type}, stream=_Chunks(chunks), request=request)
