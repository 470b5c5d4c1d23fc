"""A small threaded HTTP/1.1 server over raw sockets, so replies can be slowed, cut and broken on purpose.

One thread accepts connections; each connection gets one thread that serves its requests in order (keep-alive).
Stopping wakes every blocked thread (self-pipe for accept, ``shutdown()`` for connections) and joins them.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Callable, cast

from ._headers import header_pairs
from ._reply import Reply, reason_phrase

if TYPE_CHECKING:
    import ssl

MAX_LINE = 65536
MAX_HEADERS = 256


class BadRequest(Exception):
    """The peer sent something that is not HTTP/1.x; answered with 400 and the connection is closed."""


@dataclass
class RawRequest:
    method: str
    target: str
    version: str
    headers: list[tuple[str, str]]
    body: bytes
    connection_id: int


@dataclass
class Outgoing:
    reply: Reply
    request_id: str


Handler = Callable[[RawRequest], Outgoing]


class _Connection:
    __slots__ = ("ident", "sock", "thread")

    def __init__(self, ident: int, sock: socket.socket) -> None:
        self.ident = ident
        self.sock = sock
        self.thread: threading.Thread | None = None


class WireServer:
    """Listening socket, accept loop and per-connection request loops; ``handler`` decides every answer."""

    def __init__(
        self,
        host: str,
        port: int,
        handler: Handler,
        ssl_context: ssl.SSLContext | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.host = host
        self.requested_port = port
        self.handler = handler
        self.on_error = on_error
        self.ssl_context = ssl_context
        self.port = 0
        self._listener: socket.socket | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: dict[int, _Connection] = {}
        self._next_connection = 0

    # -- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.requested_port))
            listener.listen(128)
            listener.setblocking(False)
        except BaseException:
            listener.close()
            raise
        self._listener = listener
        self.port = int(listener.getsockname()[1])
        self._wake_r, self._wake_w = socket.socketpair()
        self._stopping.clear()
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"fake-anthropic-accept-{self.port}", daemon=True
        )
        self._accept_thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        if self._wake_w is not None:
            with contextlib.suppress(OSError):
                self._wake_w.send(b"x")
        if self._accept_thread is not None:
            self._accept_thread.join(timeout)
            self._accept_thread = None
        for sock in (self._listener, self._wake_r, self._wake_w):
            if sock is not None:
                sock.close()
        self._listener = self._wake_r = self._wake_w = None
        with self._lock:  # the lock orders this with a TLS wrap swapping conn.sock
            connections = list(self._connections.values())
            for conn in connections:
                _shutdown(conn.sock)
        for conn in connections:
            if conn.thread is not None:
                conn.thread.join(timeout)

    @property
    def stopping(self) -> threading.Event:
        return self._stopping

    def connection_count(self) -> int:
        with self._lock:
            return len(self._connections)

    # -- accepting ----------------------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        listener, wake = self._listener, self._wake_r
        assert listener is not None and wake is not None
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ, "accept")
            selector.register(wake, selectors.EVENT_READ, "wake")
            while not self._stopping.is_set():
                for key, _ in selector.select():
                    if key.data == "wake":
                        return
                    try:
                        sock, _addr = listener.accept()
                    except OSError:  # BlockingIOError when another wake-up raced us, or ECONNABORTED
                        continue
                    self._spawn(sock)

    def _spawn(self, sock: socket.socket) -> None:
        sock.setblocking(True)
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._next_connection += 1
            conn = _Connection(self._next_connection, sock)
            self._connections[conn.ident] = conn
            conn.thread = threading.Thread(
                target=self._serve, args=(conn,), name=f"fake-anthropic-conn-{self.port}-{conn.ident}", daemon=True
            )
        conn.thread.start()

    # -- serving one connection ---------------------------------------------------------------------------------

    def _serve(self, conn: _Connection) -> None:
        reader: BinaryIO | None = None
        try:
            if self.ssl_context is not None:
                with self._lock:  # swap under the lock so stop() shuts down the socket actually in use
                    if self._stopping.is_set():
                        return
                    tls = self.ssl_context.wrap_socket(conn.sock, server_side=True, do_handshake_on_connect=False)
                    conn.sock = tls
                tls.do_handshake()
            reader = cast(BinaryIO, conn.sock.makefile("rb", buffering=MAX_LINE))
            while not self._stopping.is_set():
                try:
                    raw = read_request(reader, conn)
                except BadRequest as exc:
                    self._send_simple_error(conn.sock, 400, str(exc))
                    break
                if raw is None:
                    break
                keep_alive = _wants_keep_alive(raw)
                outgoing = self.handler(raw)
                if not self._write(conn.sock, outgoing, keep_alive, head_only=raw.method == "HEAD"):
                    break
        except OSError:  # includes ssl.SSLError; the peer went away or we are stopping
            pass
        except Exception as exc:  # a bug or an unencodable scripted header: report it, never kill silently
            if self.on_error is not None:
                self.on_error(exc)
        finally:
            if reader is not None:
                with contextlib.suppress(OSError):
                    reader.close()
            conn.sock.close()
            with self._lock:
                self._connections.pop(conn.ident, None)

    def _send_simple_error(self, sock: socket.socket, status: int, message: str) -> None:
        reply = Reply.error(status, message=message, close=True)
        with contextlib.suppress(OSError):
            self._write(sock, Outgoing(reply, "req_invalid"), keep_alive=False, head_only=False)

    # -- writing a reply ----------------------------------------------------------------------------------------

    def _write(self, sock: socket.socket, outgoing: Outgoing, keep_alive: bool, head_only: bool) -> bool:
        """Send the reply; returns whether the connection may serve another request."""
        reply = outgoing.reply
        if reply.delay > 0 and self._stopping.wait(reply.delay):
            return False
        if reply.drop == "before_status":
            return False
        if reply.drop == "reset":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False

        streamed = reply.chunks is not None
        if streamed:
            pieces = list(reply.chunks or ())
            content_type = reply.content_type
            full_length = sum(len(p) for p in pieces)
        else:
            body, content_type = reply.render_body(outgoing.request_id)
            pieces = [body]
            full_length = len(body)

        headers = header_pairs(reply.headers)
        names = {name.lower() for name, _ in headers}
        if "request-id" not in names:
            headers.append(("request-id", outgoing.request_id))
        if content_type and "content-type" not in names:
            headers.append(("content-type", content_type))
        chunked = streamed and "content-length" not in names
        if chunked and "transfer-encoding" not in names:
            headers.append(("transfer-encoding", "chunked"))
        elif not streamed and "content-length" not in names and not (100 <= reply.status < 200 or reply.status == 204):
            headers.append(("content-length", str(full_length)))
        cut = reply.truncate_at
        if cut is None and reply.drop == "mid_body":
            cut = full_length // 2
        keep_alive = keep_alive and not reply.close and cut is None and reply.drop_after is None
        if any(name.lower() == "connection" and value.lower() == "close" for name, value in headers):
            keep_alive = False
        elif not keep_alive and "connection" not in names:
            headers.append(("connection", "close"))

        head = [f"HTTP/1.1 {reply.status} {reason_phrase(reply.status)}\r\n"]
        head.extend(f"{name}: {value}\r\n" for name, value in headers)
        head.append("\r\n")
        head_text = "".join(head)
        try:
            head_bytes = head_text.encode("latin-1")
        except UnicodeEncodeError:  # non-Latin-1 header values: send UTF-8 as most servers do
            head_bytes = head_text.encode("utf-8")

        if head_only:
            sock.sendall(head_bytes)
            return keep_alive
        simple = not streamed and reply.trickle is None and cut is None
        if simple:
            sock.sendall(head_bytes + pieces[0])
            return keep_alive
        sock.sendall(head_bytes)
        return self._stream_body(sock, reply, pieces, chunked, cut) and keep_alive

    def _stream_body(
        self, sock: socket.socket, reply: Reply, pieces: list[bytes], chunked: bool, cut: int | None
    ) -> bool:
        """Write body pieces with pauses, trickling and cuts; returns False when the body was left incomplete."""
        wait = self._stopping.wait
        if reply.pause_after.get(0, 0) > 0 and wait(reply.pause_after[0]):
            return False
        remaining = cut
        for count, piece in enumerate(pieces, start=1):
            slices = [piece]
            if reply.trickle is not None:
                size = max(1, int(reply.trickle[0]))
                slices = [piece[i : i + size] for i in range(0, len(piece), size)] or [b""]
            for position, data in enumerate(slices):
                truncated = False
                if remaining is not None:
                    if len(data) >= remaining:
                        data, truncated = data[:remaining], True
                    remaining -= len(data)
                if data:
                    sock.sendall(b"%x\r\n%b\r\n" % (len(data), data) if chunked else data)
                if truncated:
                    return False
                if reply.trickle is not None and position < len(slices) - 1 and wait(reply.trickle[1]):
                    return False
            if reply.drop_after is not None and count >= reply.drop_after:
                return False
            pause = reply.pause_after.get(count, 0)
            if pause > 0 and wait(pause):
                return False
            if reply.trickle is not None and count < len(pieces) and wait(reply.trickle[1]):
                return False
        if reply.drop_after is not None:
            return False
        if remaining is not None:
            return False
        if chunked:
            sock.sendall(b"0\r\n\r\n")
        return True


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown directly: on an SSLSocket this shuts the fd down without touching the TLS object
    # another thread may be using; the blocked reader then sees end-of-file.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _wants_keep_alive(raw: RawRequest) -> bool:
    connection = ""
    for name, value in raw.headers:
        if name.lower() == "connection":
            connection = value.lower()
    if raw.version == "HTTP/1.0":
        return "keep-alive" in connection
    return "close" not in connection


def read_request(reader: BinaryIO, conn: _Connection) -> RawRequest | None:
    """Read one request; None on a clean end of the connection."""
    line = reader.readline(MAX_LINE + 1)
    while line in (b"\r\n", b"\n"):  # tolerated before a request line (RFC 9112 2.2)
        line = reader.readline(MAX_LINE + 1)
    if not line:
        return None
    if len(line) > MAX_LINE or not line.endswith(b"\n"):
        raise BadRequest("request line too long")
    parts = line.decode("latin-1").rstrip("\r\n").split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest(f"malformed request line {line[:100]!r}")
    method, target, version = parts

    headers: list[tuple[str, str]] = []
    while True:
        line = reader.readline(MAX_LINE + 1)
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        if len(line) > MAX_LINE or len(headers) >= MAX_HEADERS:
            raise BadRequest("request headers too large")
        name, sep, value = line.decode("latin-1").partition(":")
        if not sep or not name or name != name.strip():
            raise BadRequest(f"malformed header line {line[:100]!r}")
        headers.append((name, value.strip()))

    lowered = {name.lower(): value for name, value in headers}
    if lowered.get("expect", "").lower() == "100-continue" and version == "HTTP/1.1":
        conn.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
    if "chunked" in lowered.get("transfer-encoding", "").lower():
        body = _read_chunked(reader)
    elif "content-length" in lowered:
        try:
            length = int(lowered["content-length"])
        except ValueError:
            raise BadRequest("invalid Content-Length") from None
        if length < 0:
            raise BadRequest("invalid Content-Length")
        body = reader.read(length) if length else b""
        if len(body) < length:
            return None  # the client went away mid-body
    else:
        body = b""
    return RawRequest(method.upper(), target, version, headers, body, conn.ident)


def _read_chunked(reader: BinaryIO) -> bytes:
    data: list[bytes] = []
    while True:
        line = reader.readline(1026)
        if not line:
            raise OSError("connection closed inside a chunked body")
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise BadRequest("invalid chunk size") from None
        if size == 0:
            while reader.readline(MAX_LINE + 1) not in (b"\r\n", b"\n", b""):  # trailers are ignored
                pass
            return b"".join(data)
        chunk = reader.read(size)
        if len(chunk) < size:
            raise OSError("connection closed inside a chunk")
        data.append(chunk)
        reader.readline(3)  # the CRLF after the chunk data
