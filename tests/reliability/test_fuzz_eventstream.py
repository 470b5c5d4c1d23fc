"""Fuzzing the AWS eventstream path of Bedrock streams (hypothesis): any bytes, any chunking, real frames.

Documented failures of `AWSEventStreamDecoder` (anthropic_plugin_bedrock._eventstream): `APIResponseValidationError`
for bytes that are not a valid eventstream, an `APIStatusError` subclass for an exception / error frame; events
decoded before a failure are delivered first. Through `Stream`, only `anthropic.APIError` subclasses, and the
response is always closed. The same frames decode identically however the body is chunked.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _reliability import AWS_ACCESS_KEY, AWS_REGION, AWS_SECRET_KEY, PARAMS, message_events
from aws_eventstream import chunk_frame, encode_frame, encode_raw_frame, eventstream_reply, exception_frame
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

import anthropic
from anthropic._decoders.sse import ServerSentEvent
from anthropic._streaming import Stream
from anthropic.testing import FakeAnthropicServer
from anthropic_plugin_bedrock._eventstream import AWSEventStreamDecoder

# No example database: examples saved from the known-bug tests below must not be replayed into the passing ones.
# Example counts and randomness come from the hypothesis profile (tests/conftest.py: "ci" derandomised, "deep").
FUZZ = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
DOCUMENTED = (anthropic.APIResponseValidationError, anthropic.APIStatusError)

_EVENT_HEADERS = {":event-type": "chunk", ":content-type": "application/json", ":message-type": "event"}


def _real_frames(text: str = 'héllo — 你好 🌍 "q" \\ b') -> list[bytes]:
    return [chunk_frame(data) for _, data in message_events(text)]


REAL = b"".join(_real_frames())
REAL_WITH_EXCEPTION = b"".join(_real_frames()[:4]) + exception_frame("throttlingException", "slow down")


def _response() -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "application/vnd.amazon.eventstream", "x-amzn-requestid": "aws-fuzz"},
        request=httpx.Request(
            "POST", "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke-with-response-stream"
        ),
    )


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def _key(event: ServerSentEvent) -> tuple[Any, ...]:
    return (event.event, event.raw, event.id, event.retry)


def decode(chunks: list[bytes]) -> tuple[list[tuple[Any, ...]], type[BaseException] | None]:
    """(events delivered, class of the failure or None); any failure outside DOCUMENTED propagates."""
    decoder = AWSEventStreamDecoder(_response())
    events: list[ServerSentEvent] = []
    try:
        for chunk in chunks:
            events.extend(decoder.feed(chunk))
        events.extend(decoder.flush())
    except DOCUMENTED as exc:
        return [_key(e) for e in events], type(exc)
    assert all(isinstance(e, ServerSentEvent) for e in events)
    return [_key(e) for e in events], None


def decode_any(chunks: list[bytes]) -> tuple[list[tuple[Any, ...]], type[BaseException] | None]:
    """Like `decode`, but any exception counts as the outcome (to compare chunkings whatever the failure)."""
    decoder = AWSEventStreamDecoder(_response())
    events: list[ServerSentEvent] = []
    try:
        for chunk in chunks:
            events.extend(decoder.feed(chunk))
        events.extend(decoder.flush())
    except Exception as exc:
        return [_key(e) for e in events], type(exc)
    return [_key(e) for e in events], None


# -- strategies -----------------------------------------------------------------------------------------------


@st.composite
def mutated_real_stream(draw: st.DrawFn) -> bytes:
    """A real Bedrock message stream with bytes flipped, inserted, removed, or cut short."""
    data = bytearray(REAL)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        position = draw(st.integers(min_value=0, max_value=len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            data[position] ^= draw(st.integers(min_value=1, max_value=255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[position : position + draw(st.integers(min_value=1, max_value=16))]
    return bytes(data[: draw(st.integers(min_value=0, max_value=len(data)))])


@st.composite
def prelude_noise(draw: st.DrawFn) -> bytes:
    """A prelude with a valid CRC and arbitrary lengths (huge, tiny, inconsistent), then arbitrary bytes."""
    import binascii

    total = draw(st.integers(min_value=0, max_value=2**32 - 1) | st.integers(min_value=0, max_value=64))
    headers = draw(st.integers(min_value=0, max_value=2**32 - 1) | st.integers(min_value=0, max_value=64))
    prelude = struct.pack(">II", total, headers)
    return prelude + struct.pack(">I", binascii.crc32(prelude)) + draw(st.binary(max_size=64))


any_bytes = st.one_of(st.binary(max_size=400), mutated_real_stream())
cuts = st.lists(st.integers(min_value=0, max_value=5000), max_size=12)


def _string_header(name: str, value: str) -> bytes:
    raw_name, raw_value = name.encode(), value.encode()
    return struct.pack(">B", len(raw_name)) + raw_name + b"\x07" + struct.pack(">H", len(raw_value)) + raw_value


_PAYLOADS = st.one_of(
    st.binary(max_size=40),
    st.sampled_from([b"{}", b"[1]", b"null", b'"x"', b'{"bytes": 1}', b'{"bytes": "@@"}', b'{"message": 3}']),
)


@st.composite
def well_framed_garbage(draw: st.DrawFn) -> bytes:
    """Frames with correct lengths and CRCs whose header bytes or payload are arbitrary: what a buggy proxy or a
    future message type could send. Only the frame checks of the decoder stand between these and the caller."""
    kind = draw(st.sampled_from(["raw-headers", "event-payload", "exception-payload"]))
    payload = draw(_PAYLOADS)
    if kind == "raw-headers":
        return encode_raw_frame(draw(st.binary(max_size=24)), payload)
    if kind == "event-payload":
        return encode_frame(_EVENT_HEADERS, payload)
    headers = {":exception-type": "throttlingException", ":message-type": "exception", ":content-type": "x"}
    return encode_frame(headers, payload)


# -- the decoder on its own -----------------------------------------------------------------------------------


@FUZZ
@given(data=any_bytes, cuts=cuts)
def test_decoder_takes_any_bytes_raising_only_documented_errors(data: bytes, cuts: list[int]) -> None:
    decode(_split(data, cuts))


@FUZZ
@given(data=any_bytes, cuts=cuts)
def test_decoder_same_outcome_for_any_chunking(data: bytes, cuts: list[int]) -> None:
    assert decode(_split(data, cuts)) == decode([data])


@FUZZ
@given(frames=st.lists(well_framed_garbage(), min_size=1, max_size=3), cuts=cuts)
def test_decoder_same_outcome_for_any_chunking_of_well_framed_garbage(frames: list[bytes], cuts: list[int]) -> None:
    data = b"".join(_real_frames("x")[:2]) + b"".join(frames)
    assert decode_any(_split(data, cuts)) == decode_any([data])


# Formerly a known bug (frames with valid CRCs and malformed contents): no shrinking, the first failure is enough.
STABLE = settings(FUZZ, phases=[Phase.explicit, Phase.generate])


@STABLE
@given(frames=st.lists(well_framed_garbage(), min_size=1, max_size=3), cuts=cuts)
def test_decoder_well_framed_garbage_raises_only_documented_errors(frames: list[bytes], cuts: list[int]) -> None:
    decode(_split(b"".join(frames), cuts))


@STABLE
@given(data=prelude_noise(), cuts=cuts)
def test_decoder_prelude_with_valid_crc_and_any_lengths_raises_only_documented_errors(
    data: bytes, cuts: list[int]
) -> None:
    decode(_split(data, cuts))


def _prelude_only(total: int, headers: int) -> bytes:
    """A 12-byte prelude with a valid CRC declaring `total` and `headers` lengths."""
    import binascii

    prelude = struct.pack(">II", total, headers)
    return prelude + struct.pack(">I", binascii.crc32(prelude))


# Found by hypothesis: a prelude declaring a total length of 12 (shorter than any frame) made botocore read the
# headers from whatever followed, so the outcome depended on where the body was cut.
SHORT_TOTAL = _prelude_only(12, 1) + b"\x00"


@FUZZ
@example(data=SHORT_TOTAL, cuts=[12])
@given(data=prelude_noise(), cuts=cuts)
def test_decoder_same_outcome_for_any_chunking_of_odd_preludes(data: bytes, cuts: list[int]) -> None:
    assert decode_any(_split(data, cuts)) == decode_any([data])


def test_prelude_total_length_12_fails_the_same_whole_and_split_at_byte_12() -> None:
    """Regression: 13 bytes whose prelude declares a total length of 12 raised fed whole, nothing split at 12."""
    assert len(SHORT_TOTAL) == 13
    whole = decode([SHORT_TOTAL])
    assert whole == ([], anthropic.APIResponseValidationError)
    assert decode([SHORT_TOTAL[:12], SHORT_TOTAL[12:]]) == whole
    assert decode([SHORT_TOTAL[i : i + 1] for i in range(13)]) == whole


@pytest.mark.parametrize(
    ("total", "headers"),
    [(0, 0), (12, 0), (15, 0), (16, 1), (20, 5), (16 + 128 * 1024 + 1, 128 * 1024 + 1), (2**32 - 1, 0)],
    ids=["total-0", "total-12", "total-15", "headers-past-total", "headers-past-total-20", "headers-too-long", "huge"],
)
def test_impossible_prelude_fails_as_soon_as_its_12_bytes_arrive(total: int, headers: int) -> None:
    """No frame can have these lengths: the decoder says so at once, not after waiting for bytes that never come."""
    prelude = _prelude_only(total, headers)
    for chunks in ([prelude], [prelude[:5], prelude[5:]], [prelude + b"\x00" * 8]):
        assert decode(chunks) == ([], anthropic.APIResponseValidationError), chunks


def test_smallest_frame_decodes_to_nothing() -> None:
    """16 bytes (prelude and message CRC, no headers or payload) is a valid frame that carries no event."""
    import binascii

    prelude = _prelude_only(16, 0)
    frame = prelude + struct.pack(">I", binascii.crc32(prelude))
    assert decode([frame]) == ([], None)
    assert decode([frame[:12], frame[12:]]) == ([], None)


@pytest.mark.parametrize("data", [REAL, REAL_WITH_EXCEPTION], ids=["message-stream", "stream-then-exception"])
def test_same_frames_split_at_every_byte_boundary_decode_identically(data: bytes) -> None:
    whole = decode([data])
    events, error = whole
    assert events and events[0][0] == "message_start"
    if data is REAL:
        assert error is None and events[-1][0] == "message_stop"
    else:
        assert error is anthropic.RateLimitError
    for i in range(len(data) + 1):
        assert decode([data[:i], data[i:]]) == whole, i


def test_same_frames_fed_byte_by_byte_decode_identically() -> None:
    for data in (REAL, REAL_WITH_EXCEPTION):
        assert decode([data[i : i + 1] for i in range(len(data))]) == decode([data])


# -- through Stream -------------------------------------------------------------------------------------------


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks


@FUZZ
@given(data=any_bytes, cuts=cuts)
def test_stream_over_arbitrary_eventstream_bytes_raises_only_sdk_errors(data: bytes, cuts: list[int]) -> None:
    from anthropic.types import RawMessageStreamEvent

    chunks = _split(data, cuts)
    base = _response()
    response = httpx.Response(200, headers=base.headers, stream=_Chunks(chunks), request=base.request)
    stream: Stream[Any] = Stream(
        cast_to=RawMessageStreamEvent, response=response, client=None, decoder=AWSEventStreamDecoder(response)
    )
    try:
        for _event in stream:
            pass
    except anthropic.APIError:
        pass
    assert response.is_closed


# -- the known bug, pinned over real HTTP ---------------------------------------------------------------------

MALFORMED_FRAMES = {
    "prelude-total-length-0": struct.pack(">II", 0, 0) + struct.pack(">I", 0x6522DF69),  # struct.error
    "unknown-header-type": encode_raw_frame(b"\x03abc\x63", b"{}"),  # KeyError: 99
    "non-utf8-header-name": encode_raw_frame(b"\x02\xff\xfe\x07\x00\x01a", b"{}"),  # UnicodeDecodeError
    "truncated-header": encode_raw_frame(b"\x05ab", b"{}"),  # struct.error
    "chunk-payload-not-json": encode_frame(_EVENT_HEADERS, b"\xff\x00"),  # UnicodeDecodeError
    "chunk-payload-a-list": encode_frame(_EVENT_HEADERS, b"[1]"),  # AttributeError
    "chunk-bytes-not-a-string": encode_frame(_EVENT_HEADERS, b'{"bytes": 123}'),  # TypeError
}


@pytest.mark.parametrize("frame", MALFORMED_FRAMES.values(), ids=MALFORMED_FRAMES.keys())
def test_malformed_frame_in_a_bedrock_stream_raises_an_sdk_error(
    frame: bytes, anthropic_server: FakeAnthropicServer
) -> None:
    from anthropic_plugin_bedrock import AnthropicBedrock

    first = chunk_frame(message_events()[0][1])
    anthropic_server.enqueue(eventstream_reply([first, frame], per_frame=True), path=re.compile(r"/model/.*"))
    client = AnthropicBedrock(
        aws_access_key=AWS_ACCESS_KEY,
        aws_secret_key=AWS_SECRET_KEY,
        aws_region=AWS_REGION,
        base_url=anthropic_server.url,
        max_retries=0,
    )
    with (
        client,
        pytest.raises(anthropic.APIResponseValidationError),
        client.messages.create(**PARAMS, stream=True) as stream,
    ):
        for _event in stream:
            pass
