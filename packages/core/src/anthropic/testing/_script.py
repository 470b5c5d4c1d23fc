"""Model scripts: build realistic Message / Completion JSON and the equivalent SSE streams."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ._headers import HeaderInput
from ._recording import RecordedRequest
from ._reply import Reply
from ._sse import Chunking, PauseSpec, SSEEvent, dumps

DEFAULT_TEXT = "Hello from the fake Anthropic API"
DEFAULT_MODEL = "claude-sonnet-4-5-20250929"
_WORD_RE = re.compile(r"\s*\S+\s*|\s+")
_TOOL_TYPES = ("tool_use", "server_tool_use", "mcp_tool_use")


def fake_id(prefix: str, number: int) -> str:
    """Deterministic id shaped like the API's (``msg_01...``)."""
    return f"{prefix}_01FAKE{number:018d}"


def estimate_tokens(text: str) -> int:
    """Roughly four characters per token, never zero (deterministic, good enough for tests)."""
    return max(1, (len(text) + 3) // 4)


def input_tokens_for(body: Mapping[str, Any] | None) -> int:
    """Input token count for a Messages or count_tokens body; both endpoints agree for the same body."""
    if not body:
        return 1
    relevant = {key: body[key] for key in ("system", "messages", "tools", "tool_choice") if key in body}
    return estimate_tokens(dumps(relevant))


def split_text(text: str, words_per_piece: int = 2) -> list[str]:
    """Split text into a few word-aligned deltas (joined back they equal the text)."""
    words = _WORD_RE.findall(text)
    return ["".join(words[i : i + words_per_piece]) for i in range(0, len(words), words_per_piece)]


def split_json(text: str, size: int = 12) -> list[str]:
    """Split serialized JSON at arbitrary points, like the API's ``input_json_delta`` stream does."""
    return [""] + [text[i : i + size] for i in range(0, len(text), size)]


def _wants_stream(request: RecordedRequest, forced: bool | None) -> bool:
    if forced is not None:
        return forced
    body = request.json_or_none()
    return isinstance(body, dict) and body.get("stream") is True


@dataclass(frozen=True)
class MessageScript:
    """A scripted assistant turn for ``POST /v1/messages``.

    Called with the recorded request it returns a ``Reply``: Message JSON, or an SSE stream with the realistic event
    order when the request body has ``"stream": true``. ``text`` defaults to a greeting when no other content is
    given; ``thinking`` is ``text`` or ``(text, signature)``; ``tool_uses`` items are ``{"name", "input", "id"?}``;
    ``citations`` are attached to the text block; ``content`` replaces all of these with raw content blocks.
    """

    text: str | None = None
    tool_uses: Sequence[Mapping[str, Any]] = ()
    thinking: str | tuple[str, str] | None = None
    citations: Sequence[Mapping[str, Any]] = ()
    content: Sequence[Mapping[str, Any]] | None = None
    stop_reason: str | None = None
    stop_sequence: str | None = None
    usage: Mapping[str, Any] | None = None
    model: str | None = None
    id: str | None = None
    stream: bool | None = None
    """Force JSON (False) or SSE (True); None follows the request's ``stream`` field."""
    status: int = 200
    headers: HeaderInput = ()
    delay: float = 0.0
    pings: bool = True
    pause: PauseSpec = None
    drop_after: int | None = None
    chunking: Chunking = "one-per-event"
    extra: Mapping[str, Any] = field(default_factory=dict[str, Any])
    """Extra top-level Message fields (e.g. ``container``, ``context_management``)."""

    def __call__(self, request: RecordedRequest) -> Reply:
        body = request.json_or_none()
        message = self.build(body if isinstance(body, dict) else None, request.index)
        if _wants_stream(request, self.stream):
            return Reply.sse(
                self.events(message),
                pause=self.pause,
                drop_after=self.drop_after,
                chunking=self.chunking,
                status=self.status,
                headers=self.headers,
                delay=self.delay,
            )
        return Reply.json(message, status=self.status, headers=self.headers, delay=self.delay)

    def build(self, body: Mapping[str, Any] | None, seq: int = 0) -> dict[str, Any]:
        """The Message object for a request body."""
        blocks = self._content(seq)
        stop_reason = self.stop_reason
        if stop_reason is None:
            stop_reason = "tool_use" if any(b.get("type") in _TOOL_TYPES for b in blocks) else "end_turn"
        model = self.model or (str(body["model"]) if body and body.get("model") else DEFAULT_MODEL)
        usage: dict[str, Any] = {
            "input_tokens": input_tokens_for(body),
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
            "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
            "output_tokens": estimate_tokens(dumps(blocks)),
            "service_tier": "standard",
        }
        usage.update(self.usage or {})
        message: dict[str, Any] = {
            "id": self.id or fake_id("msg", seq),
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": blocks,
            "stop_reason": stop_reason,
            "stop_sequence": self.stop_sequence,
            "usage": usage,
        }
        message.update(self.extra)
        return message

    def _content(self, seq: int) -> list[dict[str, Any]]:
        if self.content is not None:
            return [dict(block) for block in self.content]
        blocks: list[dict[str, Any]] = []
        if self.thinking is not None:
            if isinstance(self.thinking, tuple):
                thought, signature = self.thinking
            else:
                thought = self.thinking
                signature = "Sig" + hashlib.sha256(thought.encode("utf-8")).hexdigest()[:40]
            blocks.append({"type": "thinking", "thinking": thought, "signature": signature})
        text = self.text
        if text is None and not self.tool_uses:
            text = DEFAULT_TEXT
        if text is not None:
            block: dict[str, Any] = {"type": "text", "text": text}
            if self.citations:
                block["citations"] = [dict(c) for c in self.citations]
            blocks.append(block)
        for i, tool in enumerate(self.tool_uses):
            blocks.append(
                {
                    "type": "tool_use",
                    "id": str(tool.get("id") or f"toolu_01FAKE{seq:012d}{i:06d}"),
                    "name": str(tool["name"]),
                    "input": dict(tool.get("input") or {}),
                }
            )
        return blocks

    def events(self, message: Mapping[str, Any]) -> list[SSEEvent]:
        """The SSE events that stream ``message`` (accumulating them gives back ``message``)."""
        usage = dict(message["usage"])
        start_usage = {**usage, "output_tokens": min(1, int(usage.get("output_tokens", 0)))}
        start = {**message, "content": [], "stop_reason": None, "stop_sequence": None, "usage": start_usage}
        events: list[SSEEvent] = [("message_start", {"type": "message_start", "message": start})]
        for index, block in enumerate(message["content"]):
            block_events = _block_events(index, block)
            if index == 0 and self.pings:  # the API pings right after the first block starts
                block_events.insert(1, ("ping", {"type": "ping"}))
            events.extend(block_events)
        if not message["content"] and self.pings:
            events.append(("ping", {"type": "ping"}))
        delta_usage = {
            key: usage[key]
            for key in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "output_tokens")
            if key in usage
        }
        if "server_tool_use" in usage:
            delta_usage["server_tool_use"] = usage["server_tool_use"]
        delta = {"stop_reason": message["stop_reason"], "stop_sequence": message["stop_sequence"]}
        events.append(("message_delta", {"type": "message_delta", "delta": delta, "usage": delta_usage}))
        events.append(("message_stop", {"type": "message_stop"}))
        return events


def _block_events(index: int, block: Mapping[str, Any]) -> list[SSEEvent]:
    kind = block.get("type")
    deltas: list[dict[str, Any]] = []
    if kind == "text":
        start: dict[str, Any] = {**block, "text": ""}
        citations = block.get("citations")
        if citations:
            start["citations"] = []
            deltas.extend({"type": "citations_delta", "citation": c} for c in citations)
        deltas.extend({"type": "text_delta", "text": piece} for piece in split_text(str(block.get("text", ""))))
    elif kind == "thinking":
        start = {**block, "thinking": "", "signature": ""}
        thought = str(block.get("thinking", ""))
        deltas.extend({"type": "thinking_delta", "thinking": piece} for piece in split_text(thought, 3))
        deltas.append({"type": "signature_delta", "signature": block.get("signature", "")})
    elif kind in _TOOL_TYPES:
        start = {**block, "input": {}}
        arguments = dumps(block.get("input") or {})
        deltas.extend({"type": "input_json_delta", "partial_json": piece} for piece in split_json(arguments))
    else:
        start = dict(block)
    events: list[SSEEvent] = [
        ("content_block_start", {"type": "content_block_start", "index": index, "content_block": start})
    ]
    events.extend(("content_block_delta", {"type": "content_block_delta", "index": index, "delta": d}) for d in deltas)
    events.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
    return events


@dataclass(frozen=True)
class CompletionScript:
    """A scripted legacy completion for ``POST /v1/complete`` (JSON, or ``completion`` SSE events when streaming)."""

    text: str | None = None
    stop_reason: str = "stop_sequence"
    model: str | None = None
    id: str | None = None
    stream: bool | None = None
    status: int = 200
    headers: HeaderInput = ()
    delay: float = 0.0
    pause: PauseSpec = None
    drop_after: int | None = None
    chunking: Chunking = "one-per-event"

    def __call__(self, request: RecordedRequest) -> Reply:
        body = request.json_or_none()
        body = body if isinstance(body, dict) else {}
        text = " " + DEFAULT_TEXT if self.text is None else self.text
        base = {
            "type": "completion",
            "id": self.id or fake_id("compl", request.index),
            "completion": text,
            "stop_reason": self.stop_reason,
            "model": self.model or str(body.get("model") or "claude-2.1"),
        }
        if not _wants_stream(request, self.stream):
            return Reply.json(base, status=self.status, headers=self.headers, delay=self.delay)
        events: list[SSEEvent] = []
        for i, piece in enumerate(split_text(text)):
            events.append(("completion", {**base, "completion": piece, "stop_reason": None}))
            if i == 0:
                events.append(("ping", {"type": "ping"}))
        events.append(("completion", {**base, "completion": ""}))
        return Reply.sse(
            events,
            pause=self.pause,
            drop_after=self.drop_after,
            chunking=self.chunking,
            status=self.status,
            headers=self.headers,
            delay=self.delay,
        )
