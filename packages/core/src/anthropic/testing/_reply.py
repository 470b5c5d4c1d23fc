"""Scripted replies: what the fake server sends back, including broken and slow answers."""

from __future__ import annotations

import dataclasses
import html as _html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping, Sequence, Union

from ._headers import HeaderInput, header_pairs
from ._sse import Chunking, PauseSpec, SSEEvent, dumps, plan_writes

if TYPE_CHECKING:
    from ._recording import RecordedRequest
    from ._script import CompletionScript, MessageScript

DropMode = Literal["before_status", "reset", "mid_body"]

ERROR_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}

ERROR_MESSAGES: dict[str, str] = {
    "invalid_request_error": "Invalid request",
    "authentication_error": "invalid x-api-key",
    "billing_error": "Your credit balance is too low to access the Anthropic API.",
    "permission_error": "Your API key does not have permission to use the specified resource.",
    "not_found_error": "Not found",
    "request_too_large": "Request exceeds the maximum allowed number of bytes.",
    "rate_limit_error": "Number of request tokens has exceeded your per-minute rate limit",
    "api_error": "Internal server error",
    "timeout_error": "Request timed out",
    "overloaded_error": "Overloaded",
}


def error_type_for(status: int) -> str:
    """The Anthropic error ``type`` the real API uses for an HTTP status."""
    if status in ERROR_TYPES:
        return ERROR_TYPES[status]
    return "api_error" if status >= 500 else "invalid_request_error"


@dataclass(frozen=True)
class Reply:
    """One HTTP answer, with optional fault injection.

    ``body`` may be bytes (sent as is), str (UTF-8 text) or any other object (sent as compact JSON). When ``chunks``
    is set the body is streamed instead, one write per chunk with ``Transfer-Encoding: chunked``.
    A ``request-id`` header is added unless ``headers`` has one.
    """

    status: int = 200
    body: object = b""
    headers: HeaderInput = ()
    content_type: str | None = None
    delay: float = 0.0
    """Seconds to wait before the status line (the client sees a slow server)."""
    drop: DropMode | None = None
    """``before_status``: close without answering; ``reset``: send a TCP RST; ``mid_body``: send the headers with the
    full Content-Length, half of the body, then close."""
    trickle: tuple[int, float] | None = None
    """``(chunk_size, interval)``: send the body ``chunk_size`` bytes at a time, ``interval`` seconds apart."""
    truncate_at: int | None = None
    """Send only this many body bytes (headers still announce the full length), then close."""
    chunks: Sequence[bytes] | None = None
    pause_after: Mapping[int, float] = field(default_factory=dict[int, float])
    """Streamed replies: seconds to wait after this many chunks were written (0 = right after the headers)."""
    drop_after: int | None = None
    """Streamed replies: close the connection after this many chunks, without ending the chunked body."""
    close: bool = False
    """Close the connection after this reply (sends ``Connection: close``)."""
    fill_request_id: bool = field(default=False, repr=False)
    """Set by ``Reply.error``: a JSON body's ``request_id`` of None is replaced with the response's request id."""

    # -- constructors -------------------------------------------------------------------------------------------

    @classmethod
    def json(cls, obj: object, status: int = 200, headers: HeaderInput | None = None, **options: Any) -> Reply:
        """A JSON reply."""
        return cls(status=status, body=obj, headers=headers or (), content_type="application/json", **options)

    @classmethod
    def text(
        cls, text: str, status: int = 200, headers: HeaderInput | None = None, *, content_type: str = "text/plain"
    ) -> Reply:
        """A plain-text reply."""
        return cls(status=status, body=text.encode("utf-8"), headers=headers or (), content_type=content_type)

    @classmethod
    def error(
        cls,
        status: int = 529,
        type: str | None = None,
        message: str | None = None,
        headers: HeaderInput | None = None,
        **options: Any,
    ) -> Reply:
        """The Anthropic error envelope; ``type`` defaults to the one the API uses for ``status``."""
        error_type = type or error_type_for(status)
        body = {
            "type": "error",
            "error": {"type": error_type, "message": message or ERROR_MESSAGES.get(error_type, "Error")},
            "request_id": None,
        }
        return cls(
            status=status,
            body=body,
            headers=headers or (),
            content_type="application/json",
            fill_request_id=True,
            **options,
        )

    @classmethod
    def html(cls, status: int = 502, text: str | None = None, headers: HeaderInput | None = None) -> Reply:
        """An HTML page, as a proxy or load balancer in front of the API would send."""
        if text is None:
            phrase = _html.escape(reason_phrase(status))
            text = f"<html>\r\n<head><title>{status} {phrase}</title></head>\r\n<body>\r\n<center><h1>{status} {phrase}</h1></center>\r\n</body>\r\n</html>\r\n"
        return cls(status=status, body=text.encode("utf-8"), headers=headers or (), content_type="text/html")

    @classmethod
    def redirect(cls, location: str, status: int = 307, headers: HeaderInput | None = None) -> Reply:
        """A redirect to ``location`` (absolute URL or path)."""
        return cls(status=status, headers=[("location", location), *header_pairs(headers)])

    @classmethod
    def sse(
        cls,
        events: Sequence[SSEEvent],
        *,
        pause: PauseSpec = None,
        drop_after: int | None = None,
        chunking: Chunking = "one-per-event",
        status: int = 200,
        headers: HeaderInput | None = None,
        **options: Any,
    ) -> Reply:
        """A ``text/event-stream`` reply.

        ``pause={k: s}`` (or ``(k, s)``) waits ``s`` seconds after the first ``k`` events; ``drop_after=k`` closes the
        connection after ``k`` events; ``chunking`` packs events into writes ("one-per-event", N per write, or
        "bytewise" for one byte per write).
        """
        chunks, pauses, drop_chunks = plan_writes(events, chunking=chunking, pause=pause, drop_after=drop_after)
        return cls(
            status=status,
            headers=[("cache-control", "no-cache"), *header_pairs(headers)],
            content_type="text/event-stream; charset=utf-8",
            chunks=chunks,
            pause_after=pauses,
            drop_after=drop_chunks,
            **options,
        )

    @classmethod
    def message(cls, text: str | None = None, **kwargs: Any) -> MessageScript:
        """A model answer that is served as Message JSON, or as an SSE stream when the request asks to stream.

        See ``MessageScript`` for the arguments (text, tool_uses, thinking, citations, stop_reason, usage, model...).
        """
        from ._script import MessageScript

        return MessageScript(text=text, **kwargs)

    @classmethod
    def completion(cls, text: str | None = None, **kwargs: Any) -> CompletionScript:
        """A legacy ``/v1/complete`` answer (JSON or ``completion`` SSE events, following the request)."""
        from ._script import CompletionScript

        return CompletionScript(text=text, **kwargs)

    # -- helpers ------------------------------------------------------------------------------------------------

    def replace(self, **changes: Any) -> Reply:
        """A copy with some fields changed, e.g. ``Reply.error(529).replace(delay=0.5)``."""
        return dataclasses.replace(self, **changes)

    def render_body(self, request_id: str) -> tuple[bytes, str | None]:
        """The body bytes and the content type implied by the body's Python type."""
        body = self.body
        if isinstance(body, (bytes, bytearray, memoryview)):
            data = bytes(body)
            return data, self.content_type or ("application/octet-stream" if data else None)
        if isinstance(body, str):
            return body.encode("utf-8"), self.content_type or "text/plain; charset=utf-8"
        if self.fill_request_id and isinstance(body, dict) and body.get("request_id", "") is None:
            body = {**body, "request_id": request_id}
        return dumps(body).encode("utf-8"), self.content_type or "application/json"


Responder = Union[Reply, Callable[["RecordedRequest"], Reply]]
"""What can be enqueued: a fixed ``Reply`` or a function of the request returning one (scripts are such functions)."""


_REASONS: dict[int, str] = {}


def reason_phrase(status: int) -> str:
    """Standard reason phrase for the status line (529 is Anthropic's "Overloaded")."""
    phrase = _REASONS.get(status)
    if phrase is None:
        import http

        try:
            phrase = http.HTTPStatus(status).phrase
        except ValueError:
            phrase = {529: "Overloaded"}.get(status, "Unknown")
        _REASONS[status] = phrase
    return phrase
