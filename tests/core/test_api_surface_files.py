"""Uploads: every `FileTypes` form, the multipart bytes, retries, streaming from disk, async reads off the loop."""

from __future__ import annotations

import asyncio
import io
import os
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _api_surface_helpers import Api, open_api

import anthropic
from anthropic._files import AsyncMultipartBody, MultipartBody, file_from_path, multipart_body
from anthropic.lib import async_files_from_dir, files_from_dir
from anthropic.testing import FakeAnthropicServer, Reply


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


BOUNDARY = b"0123456789abcdef0123456789abcdef"


def _ours(fields: dict[str, Any], files: list[tuple[str, Any]]) -> bytes:
    body = multipart_body(fields, files, is_async=False)
    assert isinstance(body, MultipartBody)
    body.boundary = BOUNDARY
    data = b"".join(body)
    assert body.content_length == len(data)
    assert b"".join(body) == data  # a body can be sent again (retries)
    return data


def _httpx(fields: dict[str, Any], files: list[tuple[str, Any]]) -> bytes:
    from httpx._multipart import MultipartStream

    return b"".join(MultipartStream(data=fields, files=files, boundary=BOUNDARY))


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(b"raw bytes", id="bytes"),
        pytest.param(("a.txt", b"text"), id="name-content"),
        pytest.param(("a.json", b"{}", "application/json"), id="name-content-type"),
        pytest.param(("a.bin", b"\x00\x01", None, {"X-Extra": "1"}), id="4-tuple-guessed-type"),
        pytest.param(("a.bin", b"\x00", "image/png", {"content-type": "text/x-custom"}), id="header-wins"),
        pytest.param((None, b"nameless"), id="no-filename"),
        pytest.param(('we"ird\\name\n.txt', b"x"), id="escaped-filename"),
        pytest.param(("résumé.pdf", b"%PDF"), id="non-ascii-filename"),
        pytest.param(("empty.txt", b""), id="empty"),
    ],
)
def test_multipart_bytes_match_httpx(file: Any) -> None:
    fields = {"display_title": 'Title with "quotes"', "n": 3, "flag": True}
    assert _ours(fields, [("file", file)]) == _httpx(
        {k: str(v).lower() if isinstance(v, bool) else v for k, v in fields.items()}, [("file", file)]
    )


def test_file_objects_and_paths_match_httpx(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"a,b\n1,2\n" * 10_000)
    with open(path, "rb") as handle:
        handle.read(7)  # a used file object is still sent whole, as httpx does
        ours = _ours({}, [("file", handle)])
    with open(path, "rb") as handle:
        assert ours == _httpx({}, [("file", handle)])
    # A path is sent as (its name, its bytes).
    assert _ours({}, [("file", path)]) == _httpx({}, [("file", ("data.csv", path.read_bytes()))])
    assert _ours({}, [("file", ("renamed.csv", path))]) == _httpx({}, [("file", ("renamed.csv", path.read_bytes()))])
    buffer = io.BytesIO(b"in memory")
    assert _ours({}, [("file", buffer)]) == _httpx({}, [("file", io.BytesIO(b"in memory"))])


def test_form_fields_follow_the_api_conventions() -> None:
    body = _ours({"a": ["x", "y"], "m": {"k": "v"}, "none": None, "empty": "", "t": False}, [])
    assert body.count(b'name="a[]"') == 2 and b'name="m[k]"' in body
    assert b'name="none"' not in body and b'name="empty"' not in body
    assert b'name="t"\r\n\r\nfalse' in body


def test_invalid_inputs() -> None:
    with pytest.raises(
        RuntimeError, match=r"Expected entry at `file` to be bytes, an io.IOBase instance, PathLike or a tuple"
    ):
        multipart_body({}, [("file", "not/a/path/but/a/str")], is_async=False)
    with pytest.raises(TypeError, match="must be opened in binary mode"):
        multipart_body({}, [("file", io.StringIO("text"))], is_async=False)
    with pytest.raises(FileNotFoundError):
        multipart_body({}, [("file", Path("/definitely/missing/file"))], is_async=False)


def test_file_from_path(tmp_path: Path) -> None:
    path = tmp_path / "hello.txt"
    path.write_bytes(b"hello")
    assert anthropic.file_from_path(str(path)) == ("hello.txt", b"hello")
    assert file_from_path(str(path)) == ("hello.txt", b"hello")


@pytest.mark.parametrize("kind", ["bytes", "bytesio", "open-file", "path", "tuple-path", "tuple-4"])
def test_upload_forms_over_http(api: Api, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "report.md"
    path.write_bytes(b"# Report\n")
    handle = open(path, "rb")  # noqa: SIM115
    try:
        file: Any = {
            "bytes": b"# Report\n",
            "bytesio": io.BytesIO(b"# Report\n"),
            "open-file": handle,
            "path": path,
            "tuple-path": ("renamed.md", path),
            "tuple-4": ("renamed.md", b"# Report\n", "text/plain", {"X-Part": "yes"}),
        }[kind]
        meta = api.run(api.client.beta.files.upload(file=file))
    finally:
        handle.close()
    [part] = api.last.multipart()
    expected_name = {"bytes": "upload", "bytesio": "upload", "tuple-path": "renamed.md", "tuple-4": "renamed.md"}
    assert part.filename == expected_name.get(kind, "report.md")
    assert part.data == b"# Report\n" and meta.size_bytes == 9
    if kind == "tuple-4":
        assert (part.content_type, part.headers.get("x-part")) == ("text/plain", "yes")


class _CountingFile(io.RawIOBase):
    """A seekable binary file that counts the bytes read and remembers which threads read it."""

    def __init__(self, data: bytes, delay: float = 0.0) -> None:
        self._buffer = io.BytesIO(data)
        self.bytes_read = 0
        self.threads: set[int] = set()
        self.delay = delay
        self.name = "counted.bin"

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._buffer.seek(offset, whence)

    def tell(self) -> int:
        return self._buffer.tell()

    def read(self, size: int = -1) -> bytes:
        self.threads.add(threading.get_ident())
        if self.delay:
            time.sleep(self.delay)
        chunk = self._buffer.read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_retries_send_the_whole_file_again(api: Api, tmp_path: Path) -> None:
    api.client = api.client.with_options(max_retries=1)
    data = os.urandom(300_000)
    counting = _CountingFile(data)
    for file in (counting, tmp_path / "big.bin"):
        (tmp_path / "big.bin").write_bytes(data)
        api.server.enqueue(Reply.error(500, headers={"retry-after-ms": "1"}), path="/v1/files")
        api.run(api.client.beta.files.upload(file=file))
        first, second = api.server.requests[-2:]
        assert first.multipart()[0].data == data == second.multipart()[0].data
        assert second.headers["x-stainless-retry-count"] == "1"
    assert counting.bytes_read == 2 * len(data)  # each attempt reads the file once, from its start


def test_unseekable_file_is_replayed_on_retry(api: Api) -> None:
    api.client = api.client.with_options(max_retries=1)
    read_fd, write_fd = os.pipe()
    data = b"piped data " * 5000
    writer = threading.Thread(target=lambda: (os.write(write_fd, data), os.close(write_fd)))
    writer.start()
    with os.fdopen(read_fd, "rb") as pipe:
        api.server.enqueue(Reply.error(500, headers={"retry-after-ms": "1"}), path="/v1/files")
        api.run(api.client.beta.files.upload(file=("piped.txt", pipe)))
    writer.join()
    first, second = api.server.requests[-2:]
    assert first.multipart()[0].data == data == second.multipart()[0].data
    assert "content-length" not in first.headers  # size unknown up front: sent chunked


def test_large_file_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "large.bin"
    size = 32 * 1024 * 1024
    with open(path, "wb") as f:
        f.truncate(size)
    body = multipart_body({}, [("file", path)], is_async=False)
    assert isinstance(body, MultipartBody)
    tracemalloc.start()
    try:
        total = sum(len(chunk) for chunk in body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == body.content_length and total > size
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes while streaming a {size}-byte file"


def test_async_upload_reads_off_the_event_loop(anthropic_server: FakeAnthropicServer) -> None:
    async_api = Api("async", anthropic_server)
    slow = _CountingFile(os.urandom(4 * 512 * 1024), delay=0.05)

    async def scenario() -> int:
        ticks = 0
        done = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await asyncio.sleep(0.005)

        task = asyncio.ensure_future(ticker())
        await async_api.client.beta.files.upload(file=slow)
        done.set()
        await task
        return ticks

    try:
        loop_thread = threading.get_ident()
        ticks = async_api.run(scenario())
        assert loop_thread not in slow.threads and slow.threads
        assert ticks >= 10  # the loop kept running while the file was read (>= 0.2 s of reads)
        assert anthropic_server.last_request.multipart()[0].data == slow._buffer.getvalue()
    finally:
        async_api.close()


def test_async_body_matches_sync_body(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"hello async" * 1000)
    files: list[tuple[str, Any]] = [("files[]", path), ("files[]", ("b.txt", io.BytesIO(b"bio"))), ("files[]", b"raw")]
    sync_body = multipart_body({"display_title": "t"}, files, is_async=False)
    async_body = multipart_body({"display_title": "t"}, files, is_async=True)
    assert isinstance(async_body, AsyncMultipartBody)
    async_body.boundary = sync_body.boundary

    async def collect() -> bytes:
        return b"".join([chunk async for chunk in async_body])

    assert asyncio.run(collect()) == b"".join(sync_body)


def test_file_that_shrinks_during_upload(tmp_path: Path) -> None:
    path = tmp_path / "shrinking.txt"
    path.write_bytes(b"x" * 1000)
    body = multipart_body({}, [("file", path)], is_async=False)
    path.write_bytes(b"x" * 10)
    with pytest.raises(OSError, match="became shorter while it was being uploaded"):
        b"".join(body)


def _skill_dir(tmp_path: Path) -> Path:
    root = tmp_path / "my-skill"
    (root / "scripts" / "deep").mkdir(parents=True)
    (root / "SKILL.md").write_bytes(b"---\nname: my-skill\ndescription: d\n---\n")
    (root / "b.txt").write_bytes(b"b")
    (root / "scripts" / "run.py").write_bytes(b"print()")
    (root / "scripts" / "deep" / "z.json").write_bytes(b"{}")
    return root


EXPECTED_DIR = [
    ("my-skill/SKILL.md", b"---\nname: my-skill\ndescription: d\n---\n"),
    ("my-skill/b.txt", b"b"),
    ("my-skill/scripts/run.py", b"print()"),
    ("my-skill/scripts/deep/z.json", b"{}"),
]


def test_files_from_dir(tmp_path: Path) -> None:
    root = _skill_dir(tmp_path)
    assert files_from_dir(root) == EXPECTED_DIR
    assert files_from_dir(str(root)) == EXPECTED_DIR
    assert asyncio.run(async_files_from_dir(root)) == EXPECTED_DIR
    import anthropic.lib

    assert anthropic.lib.files_from_dir is files_from_dir


def test_skill_upload_from_dir(api: Api, tmp_path: Path) -> None:
    root = _skill_dir(tmp_path)
    files = files_from_dir(root) if not api.is_async else api.run(async_files_from_dir(root))
    skill = api.run(api.client.beta.skills.create(display_title="Mine", files=files))
    parts = api.last.multipart()
    assert [(p.name, p.filename, p.data) for p in parts[1:]] == [("files[]", n, d) for n, d in EXPECTED_DIR]
    assert skill.display_title == "Mine"


def test_httpx_client_sees_a_streamed_body(tmp_path: Path) -> None:
    """The body handed to httpx is a stream with a known length: no Transfer-Encoding, nothing buffered."""
    path = tmp_path / "f.bin"
    path.write_bytes(b"z" * 100_000)
    body = multipart_body({}, [("file", path)], is_async=False)
    request = httpx.Request("POST", "http://x/", content=body, headers=body.headers())
    assert request.headers["content-length"] == str(body.content_length)
    assert "transfer-encoding" not in request.headers
    assert isinstance(request.stream, httpx.SyncByteStream)
