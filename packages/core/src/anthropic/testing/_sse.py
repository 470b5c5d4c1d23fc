"""Server-sent events: encoding and how events map onto TCP writes."""

from __future__ import annotations

import json
from typing import Literal, Mapping, Sequence, Tuple, Union

SSEEvent = Union[Tuple[Union[str, None], object], bytes]
"""``(event_name, data)`` where data is a JSON-able object or a raw string, or raw bytes written verbatim."""

Chunking = Union[Literal["one-per-event", "bytewise"], int]
"""How events are packed into writes: one per write, N per write, or one byte per write."""

PauseSpec = Union[Mapping[int, float], Tuple[int, float], None]
"""Pauses keyed by "after this many events": ``{2: 0.5}`` or ``(2, 0.5)``."""


def dumps(obj: object) -> str:
    """Compact JSON like the real API sends."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def encode_event(event: SSEEvent) -> bytes:
    """One SSE frame (``event:`` line, ``data:`` lines, blank line)."""
    if isinstance(event, bytes):
        return event
    name, data = event
    text = data if isinstance(data, str) else dumps(data)
    lines = [f"event: {name}"] if name is not None else []
    lines.extend(f"data: {line}" for line in text.split("\n"))
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def normalize_pause(pause: PauseSpec) -> dict[int, float]:
    if pause is None:
        return {}
    if isinstance(pause, tuple):
        after, seconds = pause
        return {int(after): float(seconds)}
    return {int(k): float(v) for k, v in pause.items()}


def plan_writes(
    events: Sequence[SSEEvent],
    *,
    chunking: Chunking = "one-per-event",
    pause: PauseSpec = None,
    drop_after: int | None = None,
) -> tuple[tuple[bytes, ...], dict[int, float], int | None]:
    """Turn events into (chunks, pauses keyed by chunks sent, chunk count after which to drop).

    Pause and drop points always fall on a write boundary, whatever the chunking.
    """
    if chunking == "bytewise" or chunking == "one-per-event":
        per_write = 1
    elif isinstance(chunking, int) and not isinstance(chunking, bool) and chunking >= 1:
        per_write = chunking
    else:
        raise ValueError(f"chunking must be 'one-per-event', 'bytewise' or a positive int, not {chunking!r}")
    pauses = normalize_pause(pause)
    encoded = [encode_event(e) for e in events]
    if drop_after is not None:
        if drop_after < 0:
            raise ValueError("drop_after must be >= 0")
        encoded = encoded[:drop_after]
    boundaries = set(pauses)
    if drop_after is not None:
        boundaries.add(drop_after)

    chunks: list[bytes] = []
    chunk_pauses: dict[int, float] = {}
    if 0 in pauses:
        chunk_pauses[0] = pauses[0]
    group: list[bytes] = []
    for sent, frame in enumerate(encoded, start=1):
        group.append(frame)
        if len(group) >= per_write or sent in boundaries or sent == len(encoded):
            data = b"".join(group)
            group.clear()
            if chunking == "bytewise":
                chunks.extend(data[i : i + 1] for i in range(len(data)))
            elif data:
                chunks.append(data)
        if sent in pauses:
            chunk_pauses[len(chunks)] = pauses[sent]
    return tuple(chunks), chunk_pauses, (len(chunks) if drop_after is not None else None)
