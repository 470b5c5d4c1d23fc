"""Test-side AWS eventstream encoder (prelude, string headers, payload, CRCs), shared by tests/bedrock and
tests/reliability: Bedrock streaming replies are real frames, decoded by the plugin through botocore."""

from __future__ import annotations

import base64
import binascii
import json
import struct
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from anthropic.testing import Reply

__all__ = [
    "EVENTSTREAM_CONTENT_TYPE",
    "chunk_frame",
    "encode_frame",
    "encode_raw_frame",
    "eventstream_reply",
    "exception_frame",
    "split_bytes",
    "stream_frames",
]

EVENTSTREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream"


def _header(name: str, value: str) -> bytes:
    raw_name = name.encode("utf-8")
    raw_value = value.encode("utf-8")
    return struct.pack(">B", len(raw_name)) + raw_name + b"\x07" + struct.pack(">H", len(raw_value)) + raw_value


def encode_frame(headers: Mapping[str, str], payload: bytes) -> bytes:
    """One AWS eventstream message: total/headers length, prelude CRC, string headers, payload, message CRC."""
    return encode_raw_frame(b"".join(_header(name, value) for name, value in headers.items()), payload)


def encode_raw_frame(header_bytes: bytes, payload: bytes) -> bytes:
    """A frame around already encoded (possibly malformed) header bytes, with correct lengths and CRCs."""
    total = 12 + len(header_bytes) + len(payload) + 4
    prelude = struct.pack(">II", total, len(header_bytes))
    message = prelude + struct.pack(">I", binascii.crc32(prelude) & 0xFFFFFFFF) + header_bytes + payload
    return message + struct.pack(">I", binascii.crc32(message) & 0xFFFFFFFF)


def chunk_frame(event: Mapping[str, Any]) -> bytes:
    """A Bedrock `chunk` event carrying one Anthropic stream event as base64 JSON (with Bedrock's `p` padding)."""
    encoded = base64.b64encode(json.dumps(event, separators=(",", ":")).encode()).decode()
    payload = json.dumps({"bytes": encoded, "p": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0"}).encode()
    return encode_frame(
        {":event-type": "chunk", ":content-type": "application/json", ":message-type": "event"}, payload
    )


def exception_frame(exception_type: str, message: str, **fields: Any) -> bytes:
    payload = json.dumps({"message": message, **fields}).encode()
    return encode_frame(
        {":exception-type": exception_type, ":content-type": "application/json", ":message-type": "exception"},
        payload,
    )


def stream_frames(events: Sequence[Mapping[str, Any]]) -> list[bytes]:
    return [chunk_frame(event) for event in events]


def split_bytes(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def eventstream_reply(
    frames: Iterable[bytes], *, chunk_size: int | None = None, per_frame: bool = False, **options: Any
) -> Reply:
    """A 200 `application/vnd.amazon.eventstream` reply (chunked): one write with every frame, `chunk_size`-byte
    writes (frames split freely), or one write per frame (`per_frame=True`, like the API's one write per event)."""
    frames = list(frames)
    body = b"".join(frames)
    if per_frame:
        chunks = frames
    else:
        chunks = split_bytes(body, chunk_size) if chunk_size else [body]
    return Reply(
        status=200,
        content_type=EVENTSTREAM_CONTENT_TYPE,
        chunks=chunks,
        headers=[("x-amzn-RequestId", "aws-req-123"), ("X-Amzn-Bedrock-Content-Type", "application/json")],
        **options,
    )
