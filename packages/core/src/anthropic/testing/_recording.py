"""What the fake server saw: recorded requests and their multipart parts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ._headers import Headers

_PARAM_RE = re.compile(r';\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')
_BACKSLASH_RE = re.compile(r"\\(.)")
# Browsers and httpx escape quotes and control characters in form parameters as %XX (HTML5 form encoding).
_HTML5_ESCAPE_RE = re.compile(r"%(22|[01][0-9A-Fa-f])")


def split_header_params(value: str) -> tuple[str, dict[str, str]]:
    """Split ``form-data; name="x"; filename*=UTF-8''y`` into the main value and its lower-cased parameters."""
    main, sep, rest = value.partition(";")
    params: dict[str, str] = {}
    extended: dict[str, str] = {}
    if sep:
        for match in _PARAM_RE.finditer(";" + rest):
            key = match.group(1).lower()
            raw = match.group(2).strip()
            if len(raw) >= 2 and raw[0] == raw[-1] == '"':
                raw = _BACKSLASH_RE.sub(r"\1", raw[1:-1])
                raw = _HTML5_ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), raw)
            if key.endswith("*"):
                extended[key[:-1]] = _decode_rfc5987(raw)
            else:
                params[key] = raw
    params.update(extended)  # RFC 6266: the extended form wins
    return main.strip().lower(), params


def _decode_rfc5987(value: str) -> str:
    from urllib.parse import unquote

    charset, sep, rest = value.partition("'")
    if not sep:
        return unquote(value)
    _language, _, encoded = rest.partition("'")
    try:
        return unquote(encoded, encoding=charset or "utf-8", errors="strict")
    except (LookupError, UnicodeDecodeError):
        return unquote(encoded, encoding="latin-1")


@dataclass(frozen=True)
class MultipartPart:
    """One part of a ``multipart/form-data`` body."""

    name: str | None
    filename: str | None
    content_type: str | None
    headers: Headers
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def parse_multipart(body: bytes, content_type: str) -> list[MultipartPart]:
    """Parse a multipart body exactly (binary-safe); raises ValueError when it is malformed."""
    kind, params = split_header_params(content_type)
    boundary = params.get("boundary")
    if not kind.startswith("multipart/") or not boundary:
        raise ValueError(f"not a multipart body (content-type {content_type!r})")
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    segments = (b"\r\n" + body).split(delimiter)
    if len(segments) < 2:
        raise ValueError("multipart body does not contain its boundary")
    parts: list[MultipartPart] = []
    for segment in segments[1:]:
        if segment.startswith(b"--"):
            return parts
        line_end = segment.find(b"\r\n")
        if line_end < 0 or segment[:line_end].strip(b" \t"):
            raise ValueError("malformed multipart delimiter line")
        segment = segment[line_end + 2 :]
        if segment.startswith(b"\r\n"):
            head, data = b"", segment[2:]
        else:
            head, sep, data = segment.partition(b"\r\n\r\n")
            if not sep:
                raise ValueError("multipart part without a blank line after its headers")
        parts.append(_make_part(head, data))
    raise ValueError("multipart body has no closing boundary")


def _make_part(head: bytes, data: bytes) -> MultipartPart:
    pairs: list[tuple[str, str]] = []
    for line in head.decode("utf-8", "replace").split("\r\n"):
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"malformed multipart header line {line!r}")
        pairs.append((name.strip(), value.strip()))
    headers = Headers(pairs)
    _, disposition = split_header_params(headers.get("content-disposition", ""))
    return MultipartPart(
        name=disposition.get("name"),
        filename=disposition.get("filename"),
        content_type=headers.get("content-type"),
        headers=headers,
        data=data,
    )


@dataclass(frozen=True, eq=False)
class RecordedRequest:
    """A request as the fake server received it (after de-chunking the body)."""

    method: str
    path: str
    """Request path without the query string, as sent (still percent-encoded)."""
    query_string: str
    query: dict[str, list[str]]
    headers: Headers
    body: bytes
    http_version: str = "HTTP/1.1"
    index: int = 0
    """Position of this request among all requests the server received (from 0, reset by ``reset()``)."""
    connection_id: int = 0
    """Which TCP connection carried it: equal ids mean the client reused a keep-alive connection."""
    request_id: str = ""
    """The ``request-id`` the server generated for its answer."""
    _json_cache: list[Any] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def target(self) -> str:
        """The request target as on the request line (path plus ``?query``)."""
        return f"{self.path}?{self.query_string}" if self.query_string else self.path

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        """The body decoded as JSON (cached); raises ``json.JSONDecodeError`` when it is not JSON."""
        if not self._json_cache:
            self._json_cache.append(json.loads(self.body))
        return self._json_cache[0]

    def json_or_none(self) -> Any:
        """The JSON body, or None when the body is empty or not JSON (used to pick stream vs JSON replies)."""
        if not self.body:
            return None
        try:
            return self.json()
        except (ValueError, UnicodeDecodeError):
            return None

    def param(self, name: str, default: str | None = None) -> str | None:
        """Last value of query parameter ``name``."""
        values = self.query.get(name)
        return values[-1] if values else default

    def multipart(self) -> list[MultipartPart]:
        """Parts of a ``multipart/form-data`` body, in order."""
        return parse_multipart(self.body, self.headers.get("content-type", ""))

    def __repr__(self) -> str:
        return f"<RecordedRequest #{self.index} {self.method} {self.target} ({len(self.body)} bytes)>"
