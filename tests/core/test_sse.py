"""The SSE decoder: field rules, and chunk boundaries that must never change the events."""

from __future__ import annotations

import time

import pytest

from anthropic._decoders import StreamDecoder
from anthropic._decoders.sse import ServerSentEvent, SSEDecoder

Row = tuple[str | None, str, str | None, int | None]

# Exercises every rule at once: LF, CRLF and CR line ends, comments, multi-line data, an id that persists,
# an id with NUL (ignored), retry (valid and not), unknown fields, a field without colon, two-byte and
# three/four-byte UTF-8 characters, one leading space stripped (not two), and an event without a name.
SAMPLE = (
    b": keep-alive comment\n"
    b"event: message_start\n"
    b'data: {"type":"message_start"}\n'
    b"\n"
    b"event: content_block_delta\r\n"
    b'data: {"text":"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"}\r\n'
    b"\r\n"
    b"event: multi\r"
    b"data: line one\r"
    b"data:line two\r"
    b"data:  three\r"
    b"\r"
    b"id: 42\n"
    b"retry: 1500\n"
    b"unknown: field\n"
    b"data\n"
    b"\n"
    b"id: bad\x00id\n"
    b"retry: soon\n"
    b"event: ping\n"
    b"data: {}\n"
    b"\n"
    b"data: nameless\n"
    b"\n"
)

EXPECTED: list[Row] = [
    ("message_start", '{"type":"message_start"}', None, None),
    ("content_block_delta", '{"text":"café € 😀"}', None, None),
    ("multi", "line one\nline two\n three", None, None),
    (None, "", "42", 1500),
    ("ping", "{}", "42", None),
    (None, "nameless", "42", None),
]


def rows(events: list[ServerSentEvent]) -> list[Row]:
    return [(e.event, e.data, e.id, e.retry) for e in events]


def decode(chunks: list[bytes]) -> list[Row]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    events += decoder.flush()
    return rows(events)


def test_whole_sample() -> None:
    assert decode([SAMPLE]) == EXPECTED


def test_every_single_split_point_gives_identical_events() -> None:
    for i in range(len(SAMPLE) + 1):
        assert decode([SAMPLE[:i], SAMPLE[i:]]) == EXPECTED, i


def test_every_pair_of_split_points_gives_identical_events() -> None:
    n = len(SAMPLE)
    for i in range(0, n + 1, 3):
        for j in range(i, n + 1, 2):
            assert decode([SAMPLE[:i], SAMPLE[i:j], SAMPLE[j:]]) == EXPECTED, (i, j)


def test_byte_by_byte() -> None:
    assert decode([SAMPLE[i : i + 1] for i in range(len(SAMPLE))]) == EXPECTED


def test_empty_chunks_are_harmless() -> None:
    chunks: list[bytes] = []
    for i in range(len(SAMPLE)):
        chunks += [b"", SAMPLE[i : i + 1]]
    assert decode(chunks) == EXPECTED


# "\n"-only streams take a frame-at-a-time path: mix usual frames with ones that need the line path.
SAMPLE_LF = (
    b'event: message_start\ndata: {"a":1}\n\n'
    b"data: no name\n\n"
    b"\n\n"
    b": comment\nevent: multi\ndata: x\ndata: y\n\n"
    b'event: content_block_delta\ndata: {"t":"\xc3\xa9"}\n\n'
    b"id: 9\nevent: after_id\ndata: z\n\n"
    b"event: message_stop\ndata: {}\n\n"
)
EXPECTED_LF: list[Row] = [
    ("message_start", '{"a":1}', None, None),
    (None, "no name", None, None),
    ("multi", "x\ny", None, None),
    ("content_block_delta", '{"t":"é"}', None, None),
    ("after_id", "z", "9", None),
    ("message_stop", "{}", "9", None),
]


def test_lf_only_stream_at_every_split_point() -> None:
    assert decode([SAMPLE_LF]) == EXPECTED_LF
    for i in range(len(SAMPLE_LF) + 1):
        assert decode([SAMPLE_LF[:i], SAMPLE_LF[i:]]) == EXPECTED_LF, i
    assert decode([SAMPLE_LF[i : i + 1] for i in range(len(SAMPLE_LF))]) == EXPECTED_LF


def test_crlf_split_across_chunks_is_one_line_break() -> None:
    # "\r" ends a chunk and "\n" starts the next: one line break, so both data lines belong to one event.
    assert decode([b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]) == [(None, "a\nb", None, None)]


def test_lone_cr_terminates_lines() -> None:
    assert decode([b"data: a\r\rdata: b\r\r"]) == [(None, "a", None, None), (None, "b", None, None)]


def test_events_are_dispatched_as_soon_as_complete() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"event: x\ndata: 1\n") == []
    assert rows(decoder.feed(b"\n")) == [("x", "1", None, None)]
    assert decoder.feed(b"data: 2") == []
    assert rows(decoder.feed(b"\n\ndata: 3\n\n")) == [(None, "2", None, None), (None, "3", None, None)]


def test_one_leading_space_stripped() -> None:
    assert decode([b"data:   x\nevent:  e\n\n"]) == [(" e", "  x", None, None)]


def test_empty_event_name_is_none() -> None:
    assert decode([b"event:\ndata: x\n\n"]) == [(None, "x", None, None)]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert decode([b"\n\n\r\n\r\r\n"]) == []


def test_comment_only_stream() -> None:
    assert decode([b": hello\n: world\n\n"]) == []


def test_id_persists_and_nul_ids_are_ignored() -> None:
    got = decode([b"id: a\ndata: 1\n\nid: b\x00\ndata: 2\n\nid:\ndata: 3\n\n"])
    assert got == [(None, "1", "a", None), (None, "2", "a", None), (None, "3", "", None)]


def test_retry_must_be_an_integer() -> None:
    assert decode([b"retry: 10\ndata: a\n\nretry: x\ndata: b\n\n"]) == [(None, "a", None, 10), (None, "b", None, None)]


def test_field_without_colon() -> None:
    assert decode([b"data\ndata\n\n"]) == [(None, "\n", None, None)]


def test_unterminated_final_event_is_dispatched_at_flush() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b'event: message_stop\ndata: {"type":"message_stop"}') == []
    assert rows(decoder.flush()) == [("message_stop", '{"type":"message_stop"}', None, None)]
    assert decoder.flush() == []


def test_flush_without_pending_event() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: x\n\n: trailing comment\n")
    assert decoder.flush() == []


def test_bom_is_skipped_even_when_split() -> None:
    body = b"\xef\xbb\xbfevent: e\ndata: x\n\n"
    for i in range(len(body) + 1):
        assert decode([body[:i], body[i:]]) == [("e", "x", None, None)], i
    # only a leading BOM is skipped: later, it makes an unknown field name
    assert decode([b"data: a\n\n\xef\xbb\xbfdata: b\n\n"]) == [(None, "a", None, None)]


def test_invalid_utf8_does_not_raise_while_decoding() -> None:
    (event,) = SSEDecoder().feed(b"event: \xff\ndata: \xfe\n\n")
    assert event.event == "\ufffd"
    assert event.data == "\ufffd"
    with pytest.raises(ValueError):
        event.json()


def _cpu_seconds_to_decode_a_line_in_tiny_chunks(size: int) -> float:
    payload = b'{"text":"' + b"x" * size + b'"}'
    body = b"event: big\ndata: " + payload + b"\n\n"
    chunks = [body[i : i + 7] for i in range(0, len(body), 7)]
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    start = time.thread_time()
    for chunk in chunks:
        events += decoder.feed(chunk)
    spent = time.thread_time() - start
    assert [e.raw for e in events] == [payload]
    return spent


def test_long_line_in_tiny_chunks_is_linear() -> None:
    # This thread's CPU time, not wall-clock time: other processes on a busy machine do not count. Four times the
    # input costs about four times the work when linear, sixteen times when quadratic; the best of three runs of
    # each keeps cache and scheduler noise out.
    small = min(_cpu_seconds_to_decode_a_line_in_tiny_chunks(200_000) for _ in range(3))
    large = min(_cpu_seconds_to_decode_a_line_in_tiny_chunks(800_000) for _ in range(3))
    assert large < 8 * max(small, 0.001), (small, large)
    assert large < 1.0  # 800 kB in 7-byte chunks: about 20 ms of CPU when linear


def test_many_events_in_one_chunk() -> None:
    body = b"".join(b"event: e\ndata: %d\n\n" % i for i in range(1000))
    assert [e.data for e in SSEDecoder().feed(body)] == [str(i) for i in range(1000)]


def test_server_sent_event_object() -> None:
    event = ServerSentEvent(event="message_start", data='{"a": [1, 2]}', id="7", retry=3)
    assert event.json() == {"a": [1, 2]}
    assert event.raw == b'{"a": [1, 2]}'
    assert repr(event) == 'ServerSentEvent(event=message_start, data={"a": [1, 2]}, id=7, retry=3)'
    assert ServerSentEvent(data=b'{"k": "\xc3\xa9"}').data == '{"k": "é"}'
    assert ServerSentEvent(data=b'{"k": "\xc3\xa9"}') == ServerSentEvent(data='{"k": "é"}')
    empty = ServerSentEvent(event="")
    assert (empty.event, empty.data, empty.id, empty.retry) == (None, "", None, None)


def test_decoder_satisfies_the_protocol() -> None:
    assert isinstance(SSEDecoder(), StreamDecoder)
