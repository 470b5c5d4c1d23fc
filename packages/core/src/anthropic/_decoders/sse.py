"""Server-sent events, decoded incrementally and without I/O.

`SSEDecoder.feed()` accepts body chunks of any size and returns the events they complete. Lines are split on
bytes (`\\r`, `\\n`, `\\r\\n`; a `\\r\\n` split across two chunks is one line break), so a multi-byte UTF-8
character cut by a chunk boundary is never decoded in halves. Event data stays bytes until someone asks for it:
`ServerSentEvent.json()` hands the bytes straight to pydantic-core.

Interpretation follows the WHATWG event-stream rules as the official SDK 0.74.0 applies them: fields `event`,
`data` (several lines joined with `\\n`), `id` (ignored when it contains NUL; kept across events) and `retry`
(an integer); lines starting with `:` are comments; one space after the colon is dropped; unknown fields are
ignored. A leading UTF-8 BOM is skipped.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pydantic_core

__all__ = ["SSEDecoder", "ServerSentEvent"]

_BOM = b"\xef\xbb\xbf"

# The API's event names, so the hot path does not decode them again and again.
_EVENT_NAMES: dict[bytes, str] = {
    name.encode(): name
    for name in (
        "message_start",
        "message_delta",
        "message_stop",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "ping",
        "error",
        "completion",
    )
}


class ServerSentEvent:
    """One dispatched event. `data` is decoded on first access; `json()` parses the raw bytes directly."""

    __slots__ = ("_data", "_raw", "event", "id", "retry")

    event: str | None
    id: str | None
    retry: int | None

    def __init__(
        self,
        *,
        event: str | None = None,
        data: str | bytes | None = None,
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.event = event or None
        self.id = id
        self.retry = retry
        if data is None:
            self._raw = b""
            self._data: str | None = ""
        elif isinstance(data, bytes):
            self._raw = data
            self._data = None
        else:
            self._raw = data.encode("utf-8")
            self._data = data

    @property
    def data(self) -> str:
        """The event payload (all `data:` lines joined with a newline)."""
        data = self._data
        if data is None:
            data = self._data = self._raw.decode("utf-8", "replace")
        return data

    @property
    def raw(self) -> bytes:
        """The payload as received, undecoded."""
        return self._raw

    def json(self) -> Any:
        """Parse the payload as JSON (raises `ValueError` if it is not JSON)."""
        return pydantic_core.from_json(self._raw)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event}, data={self.data}, id={self.id}, retry={self.retry})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.event, self._raw, self.id, self.retry) == (other.event, other._raw, other.id, other.retry)

    __hash__ = None  # type: ignore[assignment]


class SSEDecoder:
    """Sans-IO SSE parser: `feed(chunk)` returns completed events, `flush()` ends the stream.

    At end of stream, `flush()` also dispatches an event whose terminating blank line never came (the official
    SDK dropped it silently); a consumer that needs a specific final event can tell truncation from its absence.
    """

    __slots__ = ("_data", "_event", "_last_event_id", "_pending", "_retry", "_skip_lf", "_started")

    def __init__(self) -> None:
        self._pending: list[bytes] = []  # pieces of a line not terminated yet
        self._skip_lf = False  # the previous chunk ended in "\r": a leading "\n" completes that line break
        self._started = False  # BOM check done
        self._event: str | None = None
        self._data: list[bytes] = []
        self._last_event_id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Consume a chunk of the body and return the events it completes."""
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk[0] == 10:
                chunk = chunk[1:]
                if not chunk:
                    return []
        if not self._started:
            buffered = b"".join(self._pending) + chunk
            if len(buffered) < 3 and _BOM.startswith(buffered):
                self._pending = [buffered]
                return []
            self._started = True
            self._pending = []
            chunk = buffered[3:] if buffered.startswith(_BOM) else buffered
            if not chunk:
                return []
        last = chunk[-1]
        if last != 10 and last != 13 and 10 not in chunk and 13 not in chunk:
            self._pending.append(chunk)  # no line ends here: keep it without copying
            return []
        if self._pending:
            self._pending.append(chunk)
            chunk = b"".join(self._pending)
            self._pending = []
        if 13 in chunk:  # "\r" line ends somewhere: the general path
            lines = chunk.splitlines()
            if last == 13:
                self._skip_lf = True
            elif last != 10:
                self._pending.append(lines.pop())
            return self._lines(lines)
        return self._frames(chunk)

    def _frames(self, chunk: bytes) -> list[ServerSentEvent]:
        """Input without CR, split at blank lines.

        The usual frame (`event: x` and one `data: ...` line, with nothing pending) becomes an event without going
        line by line; any other frame takes the line path.
        """
        frames = chunk.split(b"\n\n")
        rest = frames.pop()
        events: list[ServerSentEvent] = []
        names = _EVENT_NAMES
        for frame in frames:
            if self._event is None and not self._data and self._retry is None:
                if frame.startswith(b"event: "):
                    nl = frame.find(b"\n", 7)
                    if nl > 7 and frame.startswith(b"data: ", nl + 1) and frame.find(b"\n", nl + 7) == -1:
                        name_bytes = frame[7:nl]
                        name = names.get(name_bytes)
                        if name is None:
                            name = name_bytes.decode("utf-8", "replace")
                        event = ServerSentEvent.__new__(ServerSentEvent)
                        event.event = name
                        event.id = self._last_event_id
                        event.retry = None
                        event._raw = frame[nl + 7 :]
                        event._data = None
                        events.append(event)
                        continue
                elif frame.startswith(b"data: ") and frame.find(b"\n", 6) == -1:
                    event = ServerSentEvent.__new__(ServerSentEvent)
                    event.event = None
                    event.id = self._last_event_id
                    event.retry = None
                    event._raw = frame[6:]
                    event._data = None
                    events.append(event)
                    continue
            lines = frame.split(b"\n")
            lines.append(b"")
            events += self._lines(lines)
        if rest:
            lines = rest.split(b"\n")
            tail = lines.pop()
            if lines:
                events += self._lines(lines)
            if tail:
                self._pending.append(tail)
        return events

    def flush(self) -> list[ServerSentEvent]:
        """End of stream: interpret an unterminated last line and dispatch an event still being built."""
        events = self._lines([b"".join(self._pending)]) if self._pending else []
        self._pending = []
        self._skip_lf = False
        if self._event is not None or self._data or self._retry is not None:
            events += self._lines([b""])
        return events

    def _lines(self, lines: list[bytes]) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        data = self._data
        for line in lines:
            if not line:
                if self._event is None and not data and not self._last_event_id and self._retry is None:
                    continue
                event = ServerSentEvent.__new__(ServerSentEvent)
                event.event = self._event
                event.id = self._last_event_id
                event.retry = self._retry
                event._raw = data[0] if len(data) == 1 else b"\n".join(data)
                event._data = None
                events.append(event)
                self._event = None
                self._retry = None
                data = self._data = []
                continue
            if line.startswith(b"data:"):
                data.append(line[6:] if line[5:6] == b" " else line[5:])
                continue
            if line[0] == 58:  # ":" comment
                continue
            name, _, value = line.partition(b":")
            if value[:1] == b" ":
                value = value[1:]
            if name == b"event":
                self._event = value.decode("utf-8", "replace") or None
            elif name == b"id":
                if b"\0" not in value:
                    self._last_event_id = value.decode("utf-8", "replace")
            elif name == b"retry":
                with contextlib.suppress(ValueError):
                    self._retry = int(value)
            elif name == b"data":  # "data" without a colon: an empty data line
                data.append(b"")
        return events
