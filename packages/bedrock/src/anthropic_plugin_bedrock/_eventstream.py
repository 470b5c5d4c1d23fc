"""AWS eventstream -> `ServerSentEvent`s, so Bedrock streams go through the same `Stream` as first-party SSE.

Frames are split and checksum-verified by botocore's `EventStreamBuffer` and interpreted by botocore's
`EventStreamJSONParser` against the `ResponseStream` shape of the `bedrock-runtime` service model:

- a `chunk` event carries one Anthropic stream event as base64 JSON; it becomes a `ServerSentEvent` whose `event` is
  the JSON `type` (`message_start`, ..., or `completion` for legacy completion chunks without a type);
- an exception frame (`:message-type: exception`, e.g. `throttlingException`) or an error frame raises the
  `anthropic` exception for the HTTP status the service model gives that exception (see `exception_status`), after
  the events that preceded it in the same read have been delivered;
- a corrupt frame (bad length or CRC) raises `APIResponseValidationError`.

The decoder splits frames itself (prelude checked as soon as its 12 bytes are there) and hands botocore only
complete frames: botocore's buffer accepts a prelude whose total length is shorter than a frame can be and then
reads the headers from whatever bytes happen to follow, so its outcome depended on how the body was chunked.
"""

from __future__ import annotations

import binascii
import functools
import struct
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import pydantic_core

from anthropic import APIResponseValidationError, APIStatusError
from anthropic.plugins import ServerSentEvent

from ._errors import bedrock_status_class

if TYPE_CHECKING:
    import httpx
    from botocore.eventstream import EventStreamMessage
    from botocore.model import Shape

    from anthropic.plugins import StreamDecoder

__all__ = ["AWSEventStreamDecoder", "exception_status", "make_stream_decoder", "response_stream_shape"]

EVENTSTREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream"

_PRELUDE = 12  # total length, headers length, prelude CRC (uint32 each)
_MIN_FRAME = _PRELUDE + 4  # ... and the message CRC
# botocore's limits (`botocore.eventstream`), checked here too so a huge declared length fails at once.
_MAX_HEADERS = 128 * 1024
_MAX_PAYLOAD = 24 * 1024 * 1024


class _BadPrelude(ValueError):
    """A prelude that no frame can have (lengths inconsistent, too large, or a CRC mismatch)."""


@functools.cache
def response_stream_shape() -> Shape:
    """The `ResponseStream` shape of botocore's `bedrock-runtime` model (loaded once: ~0.1 s of JSON)."""
    from botocore.loaders import Loader
    from botocore.model import ServiceModel

    model = Loader().load_service_model("bedrock-runtime", "service-2")
    return ServiceModel(model).shape_for("ResponseStream")


def exception_status(exception_type: str, payload: dict[str, Any]) -> int:
    """The HTTP status an exception frame stands for: the service model's `httpStatusCode` for the exception.

    `modelStreamErrorException` reports the model's own failure: its `originalStatusCode` wins when present.
    Unknown exception types count as 500.
    """
    if exception_type == "modelStreamErrorException":
        original = payload.get("originalStatusCode")
        if isinstance(original, int) and original >= 400:
            return original
    shape: Any = response_stream_shape()
    member: Any = shape.members.get(exception_type)
    if member is not None:
        status = member.metadata.get("error", {}).get("httpStatusCode")
        if isinstance(status, int):
            return status
    return 500


def make_stream_decoder(response: httpx.Response) -> StreamDecoder:
    """The `stream_decoder` factory: eventstream for Bedrock, SSE when a proxy in front answers with SSE."""
    content_type = response.headers.get("content-type", "")
    if content_type.startswith("text/event-stream"):
        from anthropic.plugins import SSEDecoder

        return SSEDecoder()
    return AWSEventStreamDecoder(response)


class AWSEventStreamDecoder:
    """Sans-IO `StreamDecoder` over AWS eventstream frames (feed any chunk sizes)."""

    __slots__ = ("_buffer", "_error", "_parser", "_response", "_shape")

    def __init__(self, response: httpx.Response) -> None:
        from botocore.parsers import EventStreamJSONParser

        self._response = response
        self._buffer = bytearray()
        self._parser = EventStreamJSONParser()
        self._shape = response_stream_shape()
        self._error: Exception | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        self._raise_pending()
        self._buffer += chunk
        events: list[ServerSentEvent] = []
        try:
            for message in self._messages():
                event = self._checked_convert(message)
                if event is not None:
                    events.append(event)
        except Exception as err:
            # Deliver the events decoded before the failure first; raise on the next call.
            if not events:
                raise
            self._error = err
        return events

    def flush(self) -> list[ServerSentEvent]:
        # Bytes of an unfinished frame are dropped: the stream then lacks its final event and `Stream` reports it.
        self._raise_pending()
        return []

    def _messages(self) -> Iterator[EventStreamMessage]:
        # botocore raises ParserError for bad lengths/CRCs, but KeyError, UnicodeDecodeError, struct.error...
        # for frames whose checksums hold and whose contents do not: all of them are a malformed stream.
        # Only complete frames reach botocore, so the outcome never depends on where the body was cut.
        from botocore.eventstream import EventStreamBuffer

        buffer = self._buffer
        while len(buffer) >= _PRELUDE:
            try:
                total = _frame_length(bytes(buffer[:_PRELUDE]))
            except _BadPrelude as err:
                raise self._malformed(err) from err
            if len(buffer) < total:
                return
            frame = bytes(buffer[:total])
            del buffer[:total]
            parser = EventStreamBuffer()
            parser.add_data(frame)
            try:
                message = next(parser)
            except Exception as err:
                raise self._malformed(err) from err
            yield message

    def _checked_convert(self, message: EventStreamMessage) -> ServerSentEvent | None:
        try:
            return self._convert(message)
        except APIStatusError:
            raise
        except Exception as err:
            raise self._malformed(err) from err

    def _malformed(self, err: Exception) -> APIResponseValidationError:
        return APIResponseValidationError(
            self._response, None, message=f"The response is not a valid AWS eventstream: {type(err).__name__}: {err}"
        )

    def _raise_pending(self) -> None:
        error = self._error
        if error is not None:
            self._error = None
            raise error

    def _convert(self, message: EventStreamMessage) -> ServerSentEvent | None:
        response = message.to_response_dict()
        if response["status_code"] != 200:
            raise self._frame_error(message, response)
        parsed = self._parser.parse(response, self._shape)
        chunk = parsed.get("chunk")
        if not chunk:
            return None  # an event type this decoder does not know: nothing to deliver
        data = chunk.get("bytes")
        if not data:
            return None
        event_type = "completion"
        try:
            document = pydantic_core.from_json(data)
        except ValueError:
            document = None  # left to `Stream`, which reports non-JSON event data
        if isinstance(document, dict):
            declared = cast("dict[str, object]", document).get("type")
            if isinstance(declared, str) and declared:
                event_type = declared
        return ServerSentEvent(event=event_type, data=data)

    def _frame_error(self, message: EventStreamMessage, response: dict[str, Any]) -> APIStatusError:
        headers = cast("dict[str, Any]", message.headers)
        parsed = self._parser.parse(response, self._shape).get("Error", {})
        code = str(headers.get(":exception-type") or parsed.get("Code") or headers.get(":error-code") or "unknown")
        payload: dict[str, Any] = {}
        if message.payload:
            try:
                document = pydantic_core.from_json(message.payload)
            except ValueError:
                document = None
            if isinstance(document, dict):
                payload = cast("dict[str, Any]", document)
        text = (
            parsed.get("Message")
            or payload.get("message")
            or payload.get("Message")
            or headers.get(":error-message")
            or ""
        )
        status = exception_status(code, payload)
        error: dict[str, Any] = {"type": code, "message": text}
        error.update({k: v for k, v in payload.items() if k not in ("message", "Message")})
        body = {"type": "error", "error": error}
        exc = bedrock_status_class(status)(f"Error code: {status} - {body}", response=self._response, body=body)
        exc.status_code = status
        if exc.request_id is None:
            exc.request_id = self._response.headers.get("x-amzn-requestid")
        return exc


def _frame_length(prelude: bytes) -> int:
    """The total length a frame's 12-byte prelude declares, after checking it can describe a frame at all."""
    total, headers, crc = struct.unpack(">III", prelude)
    if binascii.crc32(prelude[:8]) != crc:
        raise _BadPrelude(f"prelude checksum mismatch: expected {crc:#010x}, got {binascii.crc32(prelude[:8]):#010x}")
    if total < _MIN_FRAME or headers > total - _MIN_FRAME:
        raise _BadPrelude(f"a total length of {total} cannot hold the prelude, {headers} header bytes and the CRC")
    if headers > _MAX_HEADERS or total - headers - _MIN_FRAME > _MAX_PAYLOAD:
        raise _BadPrelude(f"frame too large: {headers} header bytes, {total - headers - _MIN_FRAME} payload bytes")
    return total
