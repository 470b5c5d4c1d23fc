"""File uploads: every `FileTypes` form, and multipart bodies that stream files instead of loading them.

A multipart body is built once per call and can be sent any number of times (retries): each send re-opens
paths and rewinds file objects. Files are read in chunks while the request is written, never loaded whole, and
an async client reads them in worker threads so the event loop never waits on the disk. The bytes on the wire
are the ones httpx's own multipart encoder writes (same part headers, same content-type guesses).
"""

from __future__ import annotations

import io
import mimetypes
import os
import re
import stat
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Union

from typing_extensions import TypeGuard

from ._types import FileContent, FileTypes, NotGiven, Omit

__all__ = [
    "AsyncMultipartBody",
    "MultipartBody",
    "assert_is_file_content",
    "file_from_path",
    "is_file_content",
    "multipart_body",
]

_SYNC_CHUNK = 64 * 1024
_ASYNC_CHUNK = 512 * 1024
_FILE_DOCS = "https://github.com/anthropics/anthropic-sdk-python/tree/main#file-uploads"


def file_from_path(path: str) -> FileTypes:
    """`(basename, contents)` of a file, ready to upload."""
    return (os.path.basename(path), Path(path).read_bytes())


def is_file_content(obj: object) -> TypeGuard[FileContent]:
    """Whether `obj` is one of the accepted upload forms (bytes, file object, path, or a tuple)."""
    return isinstance(obj, (bytes, tuple, io.IOBase, os.PathLike))


def assert_is_file_content(obj: object, *, key: str | None = None) -> None:
    if not is_file_content(obj):
        prefix = f"Expected entry at `{key}`" if key is not None else f"Expected file input `{obj!r}`"
        raise RuntimeError(
            f"{prefix} to be bytes, an io.IOBase instance, PathLike or a tuple but received {type(obj)} instead. "
            f"See {_FILE_DOCS}"
        ) from None


# ---------------------------------------------------------------------------------------------------------------
# Sources: where the bytes of one part come from


class _Bytes:
    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @property
    def size(self) -> int:
        return len(self.data)

    def iter_sync(self) -> Iterator[bytes]:
        yield self.data

    async def iter_async(self) -> AsyncIterator[bytes]:
        yield self.data


class _PathFile:
    """A file on disk: its size is taken now (a missing file fails the call early), its bytes at send time."""

    __slots__ = ("path", "size")

    def __init__(self, path: os.PathLike[str] | os.PathLike[bytes]) -> None:
        self.path = os.fsdecode(path)
        self.size: int | None = os.stat(path).st_size

    def iter_sync(self) -> Iterator[bytes]:
        with open(self.path, "rb") as f:
            yield from _read_exactly(f.read, self.size, _SYNC_CHUNK, self.path)

    async def iter_async(self) -> AsyncIterator[bytes]:
        import anyio

        async with await anyio.open_file(self.path, "rb") as f:
            remaining = self.size or 0
            while remaining > 0:
                chunk = await f.read(min(_ASYNC_CHUNK, remaining))
                if not chunk:
                    raise _changed(self.path)
                remaining -= len(chunk)
                yield chunk


class _FileObject:
    """A caller's file object, sent from its start on every attempt.

    A file that cannot seek (a pipe) is kept in memory as it is read, so a retry can send it again.
    """

    __slots__ = ("exhausted", "file", "replay", "size")

    def __init__(self, file: IO[bytes]) -> None:
        if isinstance(file, io.TextIOBase):
            raise TypeError("Multipart file uploads must be opened in binary mode, not text mode.")
        self.file = file
        self.size: int | None = _length_of(file)
        self.replay: list[bytes] = []
        self.exhausted = False

    def iter_sync(self) -> Iterator[bytes]:
        if self.size is None:
            yield from self.replay[:]
            while not self.exhausted:
                chunk = self.file.read(_SYNC_CHUNK)
                if not chunk:
                    self.exhausted = True
                    break
                self.replay.append(chunk)
                yield chunk
            return
        self.file.seek(0)
        yield from _read_exactly(self.file.read, self.size, _SYNC_CHUNK, _name_of(self.file))

    async def iter_async(self) -> AsyncIterator[bytes]:
        from anyio import to_thread

        read = self.file.read
        if self.size is None:
            for chunk in self.replay[:]:
                yield chunk
            while not self.exhausted:
                chunk = await to_thread.run_sync(read, _ASYNC_CHUNK)
                if not chunk:
                    self.exhausted = True
                    break
                self.replay.append(chunk)
                yield chunk
            return
        await to_thread.run_sync(self.file.seek, 0)
        remaining = self.size
        while remaining > 0:
            chunk = await to_thread.run_sync(read, min(_ASYNC_CHUNK, remaining))
            if not chunk:
                raise _changed(_name_of(self.file))
            remaining -= len(chunk)
            yield chunk


_Source = Union[_Bytes, _PathFile, _FileObject]


def _read_exactly(read: Any, size: int | None, chunk_size: int, name: object) -> Iterator[bytes]:
    remaining = size or 0
    while remaining > 0:
        chunk: bytes = read(min(chunk_size, remaining))
        if not chunk:
            raise _changed(name)
        remaining -= len(chunk)
        yield chunk


def _changed(name: object) -> OSError:
    return OSError(f"File {name!s} became shorter while it was being uploaded")


def _length_of(file: IO[bytes]) -> int | None:
    """The length of a file object from its start, without reading it; None when it cannot seek."""
    try:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode):
            return info.st_size
    except (AttributeError, OSError, ValueError):
        pass
    try:
        if not file.seekable():
            return None
        position = file.tell()
        end = file.seek(0, os.SEEK_END)
        file.seek(position)
        return end
    except (AttributeError, OSError, ValueError):
        return None


def _name_of(file: object) -> str:
    return str(getattr(file, "name", "upload"))


def _source_of(content: object, key: str) -> _Source:
    if isinstance(content, bytes):
        return _Bytes(content)
    if isinstance(content, str):
        return _Bytes(content.encode("utf-8"))
    if isinstance(content, os.PathLike):
        return _PathFile(content)  # pyright: ignore[reportUnknownArgumentType]
    if isinstance(content, io.IOBase) or hasattr(content, "read"):
        return _FileObject(content)  # type: ignore[arg-type]
    raise TypeError(f"Expected the content of `{key}` to be bytes, a file object or a path, got {type(content)}")


# ---------------------------------------------------------------------------------------------------------------
# Parts


_HTML5_ESCAPES = {'"': "%22", "\\": "\\\\", **{chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B}}
_HTML5_RE = re.compile("|".join(re.escape(c) for c in _HTML5_ESCAPES))


def _param(name: str, value: str) -> bytes:
    return f'{name}="{_HTML5_RE.sub(lambda m: _HTML5_ESCAPES[m.group(0)], value)}"'.encode()


def _guess_type(filename: str | None) -> str | None:
    if not filename:
        return None
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


class _Part:
    __slots__ = ("head", "source")

    def __init__(self, head: bytes, source: _Source) -> None:
        self.head = head
        self.source = source


def _field_part(name: str, value: str) -> _Part:
    head = b"".join([b"Content-Disposition: form-data; ", _param("name", name), b"\r\n\r\n"])
    return _Part(head, _Bytes(value.encode("utf-8")))


def _file_part(name: str, file: FileTypes) -> _Part:
    headers: Mapping[str, str] = {}
    content_type: str | None = None
    content: object
    if isinstance(file, tuple):
        if len(file) == 2:
            filename, content = file
        elif len(file) == 3:
            filename, content, content_type = file
        else:
            filename, content, content_type, headers = file  # pyright: ignore[reportGeneralTypeIssues]
    elif isinstance(file, os.PathLike):
        content = file
        filename = Path(os.fsdecode(file)).name
    else:
        content = file
        filename = Path(_name_of(file)).name
    source = _source_of(content, name)
    if content_type is None:
        content_type = _guess_type(filename)
    pieces = [b"Content-Disposition: form-data; ", _param("name", name)]
    if filename:
        pieces += [b"; ", _param("filename", filename)]
    all_headers = dict(headers)
    if content_type is not None and not any("content-type" in k.lower() for k in all_headers):
        all_headers["Content-Type"] = content_type
    for key, value in all_headers.items():
        pieces += [f"\r\n{key}: ".encode(), value.encode()]
    pieces.append(b"\r\n\r\n")
    return _Part(b"".join(pieces), source)


def _form_fields(data: Mapping[str, object]) -> list[tuple[str, str]]:
    """Form fields as the API reads them: lists as `key[]`, mappings as `key[sub]`; empty values left out."""
    out: list[tuple[str, str]] = []

    def add(key: str, value: object) -> None:
        if value is None or isinstance(value, (Omit, NotGiven)):
            return
        if isinstance(value, Mapping):
            for sub, item in value.items():  # pyright: ignore[reportUnknownVariableType]
                add(f"{key}[{sub}]", item)
        elif isinstance(value, (list, tuple)):
            for item in value:  # pyright: ignore[reportUnknownVariableType]
                add(f"{key}[]", item)
        else:
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            if text:
                out.append((key, text))

    for key, value in data.items():
        add(key, value)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Bodies


class _MultipartBase:
    __slots__ = ("boundary", "parts")

    def __init__(self, parts: list[_Part], boundary: bytes) -> None:
        self.parts = parts
        self.boundary = boundary

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary.decode('ascii')}"

    @property
    def content_length(self) -> int | None:
        """The body size, or None when a part's size is unknown (then it is sent chunked)."""
        total = len(self.boundary) + 6
        for part in self.parts:
            size = part.source.size
            if size is None:
                return None
            total += len(self.boundary) + 4 + len(part.head) + size + 2
        return total

    def headers(self) -> dict[str, str]:
        headers = {"Content-Type": self.content_type}
        length = self.content_length
        if length is not None:
            headers["Content-Length"] = str(length)
        return headers

    def _delimiter(self) -> bytes:
        return b"--" + self.boundary + b"\r\n"

    def _closing(self) -> bytes:
        return b"--" + self.boundary + b"--\r\n"


class MultipartBody(_MultipartBase):
    """A `multipart/form-data` body for a sync client: iterate it to get its bytes (as often as needed)."""

    __slots__ = ()

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            yield self._delimiter() + part.head
            yield from part.source.iter_sync()
            yield b"\r\n"
        yield self._closing()


class AsyncMultipartBody(_MultipartBase):
    """The async twin of `MultipartBody`: files are read in worker threads."""

    __slots__ = ()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.parts:
            yield self._delimiter() + part.head
            async for chunk in part.source.iter_async():
                yield chunk
            yield b"\r\n"
        yield self._closing()


def multipart_body(
    fields: Mapping[str, object],
    files: Sequence[tuple[str, FileTypes]],
    *,
    is_async: bool,
) -> MultipartBody | AsyncMultipartBody:
    """The body of an upload: form fields first, then the files, each under its field name."""
    parts = [_field_part(name, value) for name, value in _form_fields(fields)]
    for key, file in files:
        assert_is_file_content(file, key=key)
        parts.append(_file_part(key, file))
    boundary = os.urandom(16).hex().encode("ascii")
    return AsyncMultipartBody(parts, boundary) if is_async else MultipartBody(parts, boundary)
