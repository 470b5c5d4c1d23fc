"""SSE transcripts for the streaming tests, shaped like real `/v1/messages` streams.

Each transcript is a list of `(event name, data)` pairs (what `Reply.sse` takes); `to_sse_bytes` renders one.
"""

from __future__ import annotations

import json
from typing import Any

Event = tuple[str, Any]


def to_sse_bytes(events: list[Event]) -> bytes:
    out: list[str] = []
    for name, data in events:
        text = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
        out.append(f"event: {name}\ndata: {text}\n\n")
    return "".join(out).encode("utf-8")


def message_start(msg_id: str = "msg_01", model: str = "claude-sonnet-4-5", **usage: Any) -> Event:
    return (
        "message_start",
        {
            "type": "message_start",
            "message": {
                "id": msg_id,
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 21, "output_tokens": 1, **usage},
            },
        },
    )


def block_start(index: int, block: dict[str, Any]) -> Event:
    return ("content_block_start", {"type": "content_block_start", "index": index, "content_block": block})


def delta(index: int, body: dict[str, Any]) -> Event:
    return ("content_block_delta", {"type": "content_block_delta", "index": index, "delta": body})


def text_delta(index: int, text: str) -> Event:
    return delta(index, {"type": "text_delta", "text": text})


def json_delta(index: int, fragment: str) -> Event:
    return delta(index, {"type": "input_json_delta", "partial_json": fragment})


def block_stop(index: int) -> Event:
    return ("content_block_stop", {"type": "content_block_stop", "index": index})


def message_delta(stop_reason: str = "end_turn", output_tokens: int = 9, **usage: Any) -> Event:
    return (
        "message_delta",
        {
            "type": "message_delta",
            "delta": {"stop_reason": stop_reason, "stop_sequence": None},
            "usage": {"output_tokens": output_tokens, **usage},
        },
    )


MESSAGE_STOP: Event = ("message_stop", {"type": "message_stop"})
PING: Event = ("ping", {"type": "ping"})


def basic(texts: tuple[str, ...] = ("Hi", " there", "!")) -> list[Event]:
    return [
        message_start(),
        block_start(0, {"type": "text", "text": ""}),
        PING,
        *[text_delta(0, t) for t in texts],
        block_stop(0),
        message_delta(),
        MESSAGE_STOP,
    ]


TOOL_FRAGMENTS = ("", '{"city', '": "Par', "is, Fr", 'ance", "days": [1', ", 2]}")
# the input as parsed after each fragment: an unfinished string is left out...
TOOL_SNAPSHOTS: list[object] = [
    {},
    {},
    {},
    {},
    {"city": "Paris, France", "days": [1]},
    {"city": "Paris, France", "days": [1, 2]},
]
# ...unless fine-grained tool streaming is on ("trailing-strings")
TOOL_SNAPSHOTS_TRAILING: list[object] = [
    {},
    {},
    {"city": "Par"},
    {"city": "Paris, Fr"},
    {"city": "Paris, France", "days": [1]},
    {"city": "Paris, France", "days": [1, 2]},
]


def tool_use() -> list[Event]:
    return [
        message_start("msg_tool", cache_creation_input_tokens=0, cache_read_input_tokens=3, service_tier="standard"),
        block_start(0, {"type": "text", "text": ""}),
        text_delta(0, "Checking the weather."),
        block_stop(0),
        block_start(1, {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {}}),
        *[json_delta(1, f) for f in TOOL_FRAGMENTS],
        block_stop(1),
        message_delta("tool_use", 40),
        MESSAGE_STOP,
    ]


CITATION = {
    "type": "web_search_result_location",
    "cited_text": "Claude is a family of models",
    "encrypted_index": "enc_idx",
    "title": "Claude",
    "url": "https://example.com/claude",
}


def server_tool_use() -> list[Event]:
    return [
        message_start("msg_search"),
        block_start(0, {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {}}),
        json_delta(0, '{"query": "cla'),
        json_delta(0, 'ude models"}'),
        block_stop(0),
        block_start(
            1,
            {
                "type": "web_search_tool_result",
                "tool_use_id": "srvtoolu_01",
                "content": [
                    {
                        "type": "web_search_result",
                        "encrypted_content": "enc",
                        "title": "Claude",
                        "url": "https://example.com/claude",
                        "page_age": None,
                    }
                ],
            },
        ),
        block_stop(1),
        block_start(2, {"type": "text", "text": "", "citations": None}),
        delta(2, {"type": "citations_delta", "citation": CITATION}),
        text_delta(2, "Claude is "),
        text_delta(2, "a model family."),
        block_stop(2),
        message_delta("end_turn", 30, server_tool_use={"web_search_requests": 1}),
        MESSAGE_STOP,
    ]


def thinking() -> list[Event]:
    return [
        message_start("msg_think"),
        block_start(0, {"type": "thinking", "thinking": "", "signature": ""}),
        delta(0, {"type": "thinking_delta", "thinking": "Let me "}),
        delta(0, {"type": "thinking_delta", "thinking": "think."}),
        delta(0, {"type": "signature_delta", "signature": "sig_abc"}),
        block_stop(0),
        block_start(1, {"type": "redacted_thinking", "data": "opaque"}),
        block_stop(1),
        block_start(2, {"type": "text", "text": ""}),
        text_delta(2, "Done."),
        block_stop(2),
        message_delta(),
        MESSAGE_STOP,
    ]


def unfinished_tool_input() -> list[Event]:
    """The model ran out of tokens inside a tool call: the block never stops, the message does."""
    return [
        message_start("msg_cut"),
        block_start(0, {"type": "tool_use", "id": "toolu_02", "name": "make_file", "input": {}}),
        json_delta(0, '{"filename": "notes.txt", "lines": ["one", "tw'),
        message_delta("max_tokens", 50),
        MESSAGE_STOP,
    ]


def error_event(error_type: str = "overloaded_error", message: str = "Overloaded") -> Event:
    return ("error", {"type": "error", "error": {"type": error_type, "message": message}})
