"""JSON Lines bodies (batch results): a sans-IO line splitter and typed iterators over a response.

Lines end at `\\r`, `\\n` or `\\r\\n`, wherever the chunk boundaries fall; blank lines are skipped. Each line is
parsed by pydantic-core and turned into the line type leniently (`parse_json_bytes`). A line that is not
JSON raises `APIResponseValidationError` naming its line number; transport failures while reading become
`APIConnectionError` / `APITimeoutError`.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from types import TracebackType
from typing import Generic, TypeVar

import httpx

from .._exceptions import APIConnectionError, APIResponseValidationError, APITimeoutError
from .._models import parse_json_bytes

__all__ = ["AsyncJSONLDecoder", "JSONLDecoder", "LineSplitter"]

_T = TypeVar("_T")


class LineSplitter:
    """Sans-IO: `feed(chunk)` returns the complete, non-blank lines; `flush()` returns the unterminated rest."""

    __slots__ = ("_pending", "_skip_lf")

    def __init__(self) -> None:
        self._pending: list[bytes] = []
        self._skip_lf = False

    def feed(self, chunk: bytes) -> list[bytes]:
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk[0] == 10:
                chunk = chunk[1:]
                if not chunk:
                    return []
        last = chunk[-1]
        if last != 10 and last != 13 and 10 not in chunk and 13 not in chunk:
            self._pending.append(chunk)
            return []
        if self._pending:
            self._pending.append(chunk)
            chunk = b"".join(self._pending)
            self._pending = []
        lines = chunk.splitlines()
        if last == 13:
            self._skip_lf = True
        elif last != 10:
            self._pending.append(lines.pop())
        return [line for line in lines if line and not line.isspace()]

    def flush(self) -> list[bytes]:
        rest = b"".join(self._pending)
        self._pending = []
        self._skip_lf = False
        return [rest] if rest and not rest.isspace() else []


class _JSONLBase(Generic[_T]):
    http_response: httpx.Response
    """The HTTP response the lines are read from."""

    def __init__(self, line_type: type[_T], http_response: httpx.Response) -> None:
        self.http_response = http_response
        self._line_type = line_type
        self._line_number = 0

    def _parse(self, line: bytes) -> _T:
        self._line_number += 1
        try:
            # One pass in Rust when the line fits the type; lenient construction only when it does not.
            return parse_json_bytes(self._line_type, line)
        except ValueError as exc:
            text = line.decode("utf-8", "replace")
            raise APIResponseValidationError(
                self.http_response,
                text,
                message=f"Line {self._line_number} of the JSON Lines response is not valid JSON: {exc}",
            ) from exc

    def _transport_error(self, exc: Exception) -> APIConnectionError:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(self.http_response.request)
        return APIConnectionError(request=self.http_response.request)


class JSONLDecoder(_JSONLBase[_T]):
    """Iterate the lines of a JSON Lines response as `line_type` objects (closes the response at the end)."""

    def __init__(
        self,
        *,
        line_type: type[_T],
        http_response: httpx.Response,
        raw_iterator: Iterator[bytes] | None = None,
    ) -> None:
        super().__init__(line_type, http_response)
        self._raw_iterator = raw_iterator if raw_iterator is not None else http_response.iter_bytes()
        self._iterator = self._decode()

    def _decode(self) -> Generator[_T, None, None]:
        splitter = LineSplitter()
        try:
            try:
                for chunk in self._raw_iterator:
                    for line in splitter.feed(chunk):
                        yield self._parse(line)
            except (httpx.TransportError, httpx.StreamError) as exc:
                raise self._transport_error(exc) from exc
            for line in splitter.flush():
                yield self._parse(line)
        finally:
            self.http_response.close()

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def close(self) -> None:
        """Close the response and release the connection (done automatically at the end)."""
        self._iterator.close()
        self.http_response.close()

    def __enter__(self) -> JSONLDecoder[_T]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncJSONLDecoder(_JSONLBase[_T]):
    """Async twin of `JSONLDecoder`."""

    def __init__(
        self,
        *,
        line_type: type[_T],
        http_response: httpx.Response,
        raw_iterator: AsyncIterator[bytes] | None = None,
    ) -> None:
        super().__init__(line_type, http_response)
        self._raw_iterator = raw_iterator if raw_iterator is not None else http_response.aiter_bytes()
        self._iterator = self._decode()

    async def _decode(self) -> AsyncGenerator[_T, None]:
        splitter = LineSplitter()
        try:
            try:
                async for chunk in self._raw_iterator:
                    for line in splitter.feed(chunk):
                        yield self._parse(line)
            except (httpx.TransportError, httpx.StreamError) as exc:
                raise self._transport_error(exc) from exc
            for line in splitter.flush():
                yield self._parse(line)
        finally:
            await self.http_response.aclose()

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def close(self) -> None:
        """Close the response and release the connection (done automatically at the end)."""
        await self._iterator.aclose()
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncJSONLDecoder[_T]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
