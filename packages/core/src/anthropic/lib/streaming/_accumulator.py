"""The message builder behind `MessageStream` and `BetaMessageStream` (sync and async alike).

Each raw event is looked at once. Content is kept in a mutable builder: text and thinking as lists of pieces,
tool input as a list of JSON fragments. Models are made only when someone needs one: a finished content block
at `content_block_stop`, the final message at `message_stop`, and `current_message_snapshot` on demand (cached
until the next event). Nothing is deep-copied per event and no text is copied per delta; the snapshot fields
of helper events are computed when read.

Event order matches 0.74.0: raw `message_start`, `message_delta`, `content_block_start` and `content_block_delta`
are passed through, each delta followed by its helper event (`text`, `citation`, `thinking`, `signature`,
`input_json`); `content_block_stop` and `message_stop` are replaced by the helper events that carry the finished
block / message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Literal, cast

import httpx
import pydantic_core

from ..._models import BaseModel
from ..._streaming import StreamDataError
from ..._types import NotGiven
from ._base import new_model, rebuild_model

__all__ = ["BROKEN", "Flavor", "MalformedStreamError", "MessageAccumulator", "partial_mode_for"]

FINE_GRAINED_TOOL_STREAMING = "fine-grained-tool-streaming-2025-05-14"

_TEXT = 1
_THINKING = 2
_JSON = 3
_OTHER = 4

PartialMode = Literal[True, "trailing-strings"]


class MalformedStreamError(StreamDataError, RuntimeError):
    """The events of a message stream do not add up to a message.

    Raised by the `messages.stream()` helpers for events out of order (anything before `message_start`, a delta or
    stop for a content block that was never started), events missing fields, or fields of the wrong type. An
    `APIResponseValidationError` (via `StreamDataError`); also a `RuntimeError`, which 0.74.0 raised for events
    before `message_start`, and a `ValueError`.
    """


# What a malformed event makes the builder code raise; the stream helpers turn these into `MalformedStreamError`.
BROKEN = (AttributeError, TypeError, KeyError, IndexError)


def partial_mode_for(request: httpx.Request | None) -> PartialMode:
    """Unfinished strings are kept ("trailing-strings") when fine-grained tool streaming was requested."""
    if request is not None and FINE_GRAINED_TOOL_STREAMING in request.headers.get("anthropic-beta", ""):
        return "trailing-strings"
    return True


@dataclass(frozen=True)
class Flavor:
    """The model classes one family of streams (messages or beta messages) builds."""

    message_cls: type[Any]
    text_block_cls: type[Any] | None  # None: finished text blocks keep the class of their start block
    text_event: type[Any]
    citation_event: type[Any]
    thinking_event: type[Any]
    signature_event: type[Any]
    input_json_event: type[Any]
    message_stop_event: type[Any]
    block_stop_event: type[Any]
    usage_cls: type[Any]
    tracks_tool_input: tuple[type[Any], ...]
    beta: bool = False


class _Block:
    """One content block being received: its start model plus what the deltas added."""

    __slots__ = ("citations", "final", "joined", "joined_n", "kind", "parts", "signature", "start")

    def __init__(self, start: Any, kind: int) -> None:
        self.start = start
        self.kind = kind
        self.parts: list[str] = []
        self.joined = ""  # "".join(parts[:joined_n]), kept to answer repeated snapshot reads cheaply
        self.joined_n = 0
        self.citations: list[Any] | None = None
        self.signature: str | None = None
        self.final: Any = None
        if kind == _TEXT:
            if start.text:
                self.parts.append(start.text)
        elif kind == _THINKING and start.thinking:
            self.parts.append(start.thinking)

    def text(self, n: int | None = None) -> str:
        parts = self.parts
        if n is None:
            n = len(parts)
        if n != self.joined_n:
            if n > self.joined_n and self.joined_n:
                self.joined = self.joined + "".join(parts[self.joined_n : n])
            else:
                self.joined = "".join(parts[:n]) if n < len(parts) else "".join(parts)
            self.joined_n = n
        return self.joined


class MessageAccumulator:
    """Feeds on raw stream events; answers with the events to yield and with message models on demand."""

    __slots__ = (
        "_adapter",
        "_blocks",
        "_by_index",
        "_final",
        "_flavor",
        "_message_updates",
        "_output_format",
        "_partial_mode",
        "_response",
        "_snapshot",
        "_snapshot_version",
        "_start",
        "_usage_updates",
        "_version",
    )

    def __init__(
        self,
        flavor: Flavor,
        *,
        response: httpx.Response,
        partial_mode: PartialMode = True,
        output_format: object = None,
    ) -> None:
        self._flavor = flavor
        self._response = response
        self._partial_mode: PartialMode = partial_mode
        self._output_format = None if isinstance(output_format, NotGiven) else output_format
        self._adapter: Any = None
        self._start: Any = None
        self._blocks: list[_Block] = []
        self._by_index: dict[int, _Block] = {}
        self._message_updates: dict[str, Any] = {}
        self._usage_updates: dict[str, Any] = {}
        self._final: Any = None
        self._version = 0
        self._snapshot: Any = None
        self._snapshot_version = -1

    # -- events ---------------------------------------------------------------------------------------------------

    def process(self, event: Any) -> tuple[Any, Any]:
        """Accumulate `event`; return (event to yield, helper event to yield after it or None)."""
        etype = event.type
        if etype == "content_block_delta":
            block = self._block(event.index, etype, event)
            self._version += 1
            delta = event.delta
            dtype = delta.type
            kind = block.kind
            flavor = self._flavor
            if dtype == "text_delta":
                if kind == _TEXT:
                    text = delta.text
                    if text.__class__ is not str:
                        raise self._malformed(event, "a text_delta without a string `text`")
                    parts = block.parts
                    parts.append(text)
                    return event, new_model(
                        flavor.text_event, {"type": "text", "text": text}, partial(_text_snapshot, block, len(parts))
                    )
            elif dtype == "input_json_delta":
                if kind == _JSON:
                    if delta.partial_json.__class__ is not str:
                        raise self._malformed(event, "an input_json_delta without a string `partial_json`")
                    parts = block.parts
                    parts.append(delta.partial_json)
                    return event, new_model(
                        flavor.input_json_event,
                        {"type": "input_json", "partial_json": delta.partial_json},
                        partial(self._json_snapshot, block, len(parts)),
                    )
            elif dtype == "thinking_delta":
                if kind == _THINKING:
                    if delta.thinking.__class__ is not str:
                        raise self._malformed(event, "a thinking_delta without a string `thinking`")
                    parts = block.parts
                    parts.append(delta.thinking)
                    return event, new_model(
                        flavor.thinking_event,
                        {"type": "thinking", "thinking": delta.thinking},
                        partial(_text_snapshot, block, len(parts)),
                    )
            elif dtype == "citations_delta":
                if kind == _TEXT:
                    citations = block.citations
                    if citations is None:
                        citations = block.citations = list(block.start.citations or ())
                    citations.append(delta.citation)
                    return event, new_model(
                        flavor.citation_event,
                        {"type": "citation", "citation": delta.citation, "snapshot": list(citations)},
                    )
            elif dtype == "signature_delta" and kind == _THINKING:
                block.signature = delta.signature
                return event, new_model(flavor.signature_event, {"type": "signature", "signature": delta.signature})
            return event, None
        self.accumulate(event)
        if etype == "content_block_stop":
            block = self._by_index[event.index]
            return new_model(
                self._flavor.block_stop_event,
                {"type": "content_block_stop", "index": event.index, "content_block": block.final},
            ), None
        if etype == "message_stop":
            return new_model(self._flavor.message_stop_event, {"type": "message_stop", "message": self._final}), None
        return event, None

    def add_text(self, index: int, text: str) -> None:
        """`accumulate` for a `text_delta` (the hot path of `text_stream`)."""
        block = self._by_index.get(index)
        if block is None:
            block = self._block(index, "content_block_delta")
        self._version += 1
        if block.kind == _TEXT:
            if text.__class__ is not str:
                raise self._malformed(None, "a text_delta without a string `text`")
            block.parts.append(text)

    def accumulate(self, event: Any) -> None:
        """Record `event` without building any helper event (what `text_stream` uses)."""
        etype = event.type
        self._version += 1
        if etype == "content_block_delta":
            block = self._block(event.index, etype, event)
            delta = event.delta
            dtype = delta.type
            kind = block.kind
            if dtype == "text_delta":
                if kind == _TEXT:
                    block.parts.append(_piece(self, event, delta.text))
            elif dtype == "input_json_delta":
                if kind == _JSON:
                    block.parts.append(_piece(self, event, delta.partial_json))
            elif dtype == "thinking_delta":
                if kind == _THINKING:
                    block.parts.append(_piece(self, event, delta.thinking))
            elif dtype == "citations_delta":
                if kind == _TEXT:
                    if block.citations is None:
                        block.citations = list(block.start.citations or ())
                    block.citations.append(delta.citation)
            elif dtype == "signature_delta" and kind == _THINKING:
                block.signature = delta.signature
            return
        if self._start is None:
            if etype == "message_start":
                message = event.message
                usage = message.__dict__.get("usage") if isinstance(message, BaseModel) else _NO_INPUT
                if usage is not None and not isinstance(usage, BaseModel):
                    raise self._malformed(event, "a message_start without a message object (with `usage`)")
                self._start = message
                return
            raise self._malformed(event, f'Unexpected event order, got {etype} before "message_start"')
        if etype == "content_block_start":
            start: Any = event.content_block
            if not isinstance(start, BaseModel):
                raise self._malformed(event, "a content_block_start without a content block object")
            start = cast(Any, start)
            btype = start.type
            if btype == "text":
                kind = _TEXT
            elif btype == "thinking":
                kind = _THINKING
            elif isinstance(start, self._flavor.tracks_tool_input):
                kind = _JSON
            else:
                kind = _OTHER
            if kind in (_TEXT, _THINKING):
                initial = start.text if kind == _TEXT else start.thinking
                if initial is not None and initial.__class__ is not str:
                    raise self._malformed(event, f"a {btype} block whose {btype} is not a string")
            block = _Block(start, kind)
            self._blocks.append(block)
            self._by_index[event.index] = block
        elif etype == "content_block_stop":
            block = self._block(event.index, etype, event)
            if block.final is None:
                block.final = self._build_block(block, final=True)
        elif etype == "message_delta":
            self._apply_message_delta(event)
        elif etype == "message_stop" and self._final is None:
            self._final = self._build_message(final=True)

    def _block(self, index: int, etype: str, event: Any = None) -> _Block:
        block = self._by_index.get(index)
        if block is None:
            if self._start is None:
                raise self._malformed(event, f'Unexpected event order, got {etype} before "message_start"')
            raise self._malformed(
                event, f"Unexpected event order, got {etype} for content block {index!r} before its start"
            )
        return block

    def _malformed(self, event: Any, reason: str) -> MalformedStreamError:
        body: object = event
        if isinstance(event, BaseModel):
            try:
                body = event.to_dict(warnings=False)
            except Exception:  # a dump must not hide the error being reported
                body = None
        if not reason.startswith("Unexpected event order"):  # 0.74.0's words for that case are kept
            reason = f"Malformed message stream: {reason}."
        return MalformedStreamError(self._response, body, message=reason)

    def malformed(self, event: Any, err: BaseException) -> MalformedStreamError:
        """The error for an event the builder could not use (`err` is what the builder code raised)."""
        etype = getattr(event, "type", None)
        what = f"a {etype} event" if isinstance(etype, str) else f"an event of type {type(event).__name__}"
        return self._malformed(event, f"{what} is missing a field or has one of the wrong type ({err!r})")

    def _apply_message_delta(self, event: Any) -> None:
        delta = event.delta
        updates = self._message_updates
        updates["stop_reason"] = delta.stop_reason
        updates["stop_sequence"] = delta.stop_sequence
        if self._flavor.beta:
            updates["container"] = delta.container
            updates["context_management"] = event.context_management
        usage = event.usage
        usage_updates = self._usage_updates
        usage_updates["output_tokens"] = usage.output_tokens
        for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "server_tool_use"):
            value = getattr(usage, name, None)
            if value is not None:
                usage_updates[name] = value

    # -- models ---------------------------------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._start is not None

    @property
    def final_message(self) -> Any:
        """The finished message (set at `message_stop`), or None."""
        return self._final

    def snapshot(self) -> Any:
        """The message as received so far (the same object until another event arrives)."""
        if self._final is not None:
            return self._final
        if self._start is None:
            raise RuntimeError("No message has been received yet: the stream has not sent `message_start`.")
        if self._snapshot_version != self._version:
            self._snapshot = self._build_message(final=False)
            self._snapshot_version = self._version
        return self._snapshot

    def _build_message(self, *, final: bool) -> Any:
        start = self._start
        content = [
            block.final if block.final is not None else self._build_block(block, final=final) for block in self._blocks
        ]
        update: dict[str, Any] = {"content": content, **self._message_updates}
        usage = start.__dict__.get("usage")
        if usage is not None:
            update["usage"] = rebuild_model(usage, type(usage), self._usage_updates)
        else:
            from ..._models import validate_or_construct

            update["usage"] = validate_or_construct(
                self._flavor.usage_cls, {"input_tokens": 0, "output_tokens": 0, **self._usage_updates}
            )
        return rebuild_model(start, self._flavor.message_cls, update)

    def _build_block(self, block: _Block, *, final: bool) -> Any:
        start = block.start
        kind = block.kind
        update: dict[str, Any] = {}
        cls: type[Any] = type(start)
        if kind == _TEXT:
            update["text"] = block.text()
            if block.citations is not None:
                update["citations"] = list(block.citations)
            if self._flavor.text_block_cls is not None:
                cls = self._flavor.text_block_cls
                if final and self._output_format is not None:
                    update["parsed_output"] = self._parse_output(update["text"])
        elif kind == _THINKING:
            update["thinking"] = block.text()
            if block.signature is not None:
                update["signature"] = block.signature
        elif kind == _JSON and block.parts:
            value = self._parse_tool_input(block, len(block.parts))
            if value is not _NO_INPUT:
                update["input"] = value
        return rebuild_model(start, cls, update)

    def _parse_output(self, text: str) -> Any:
        adapter = self._adapter
        if adapter is None:
            import pydantic

            adapter = self._adapter = pydantic.TypeAdapter(cast(Any, self._output_format))
        return adapter.validate_json(text)

    def _parse_tool_input(self, block: _Block, n: int) -> Any:
        buf = block.text(n)
        if not buf:
            return _NO_INPUT
        try:
            return pydantic_core.from_json(buf, allow_partial=self._partial_mode)
        except ValueError as err:
            raise StreamDataError(
                self._response,
                buf,
                message=(
                    "Unable to parse tool parameter JSON from model. Please retry your request or adjust your prompt. "
                    f"Error: {err}. JSON: {buf}"
                ),
            ) from err

    def _json_snapshot(self, block: _Block, n: int) -> dict[str, Any]:
        value = self._parse_tool_input(block, n)
        return {"snapshot": block.start.input if value is _NO_INPUT else value}


_NO_INPUT: Any = object()


def _piece(builder: MessageAccumulator, event: Any, value: object) -> str:
    if value.__class__ is not str:
        raise builder._malformed(event, f"a {event.delta.type} without a string value")  # pyright: ignore[reportPrivateUsage]
    return cast(str, value)


def _text_snapshot(block: _Block, n: int) -> dict[str, Any]:
    return {"snapshot": block.text(n)}
