"""Canned-bytes HTTP/1.1 server for the benchmarks (stdlib only, one thread, non-blocking sockets).

It must never be the bottleneck: every response body is built once and then sent from memory with
``socket.send`` on a memoryview, so the per-request cost is parsing one request head (a few microseconds).

The first path segment picks the scenario, so one server serves every workload:

- ``/small/v1/messages``           small Message JSON (``"stream": true`` in the body -> a 20-delta SSE stream)
- ``/sse<K>-<N>/v1/messages``      ``stream: true`` -> SSE stream of N text deltas, K events per HTTP chunk
- ``/large/v1/messages``           a ~1 MB Message with many content blocks
- ``/v1/messages/batches/<id>``    an ended MessageBatch whose ``results_url`` points back here
- ``/v1/messages/batches/<id>_n<N>/results``  JSONL results body of N lines (default 100,000)
- ``/model/<model>/invoke``        Bedrock InvokeModel: the small Message JSON

Run: ``python benchmarks/server.py [port]``; it prints ``PORT <n>`` on stdout once listening.
"""

from __future__ import annotations

import contextlib
import json
import selectors
import socket
import sys
from typing import Any

MODEL = "claude-sonnet-4-5-20250929"


def _usage(output_tokens: int = 12) -> dict[str, Any]:
    return {
        "input_tokens": 25,
        "output_tokens": output_tokens,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
        "server_tool_use": None,
        "service_tier": "standard",
    }


def small_message(i: int = 1) -> dict[str, Any]:
    return {
        "id": f"msg_01BenchSmall{i:08d}",
        "type": "message",
        "role": "assistant",
        "model": MODEL,
        "content": [{"type": "text", "text": "Hello! How can I help you today?", "citations": None}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": _usage(),
    }


def large_message(target_bytes: int = 1_000_000) -> dict[str, Any]:
    """~1 MB: text blocks interleaved with tool_use blocks carrying nested input."""
    content: list[dict[str, Any]] = []
    para = ("The quick brown fox jumps over the lazy dog; " * 12).strip()
    size = 0
    i = 0
    while size < target_bytes:
        if i % 4 == 3:
            block: dict[str, Any] = {
                "type": "tool_use",
                "id": f"toolu_01Bench{i:08d}",
                "name": "lookup",
                "input": {"query": f"item {i}", "filters": {"year": 2024, "tags": ["a", "b", "c"]}, "limit": 10},
            }
        else:
            block = {"type": "text", "text": f"[{i}] {para}", "citations": None}
        content.append(block)
        size += len(json.dumps(block))
        i += 1
    msg = small_message(0)
    msg["id"] = "msg_01BenchLarge"
    msg["content"] = content
    msg["stop_reason"] = "tool_use"
    return msg


def sse_stream(n_deltas: int, per_chunk: int) -> bytes:
    """An Anthropic-style SSE stream, HTTP/1.1 chunked with ``per_chunk`` events per chunk."""
    start = small_message(0)
    start["content"] = []
    start["stop_reason"] = None
    start["usage"] = _usage(1)
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"type": "message_start", "message": start}),
        (
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        ),
        ("ping", {"type": "ping"}),
    ]
    words = ["Hello", " world", ",", " this", " is", " a", " streamed", " token", " of", " text", "."]
    for i in range(n_deltas):
        delta = {"type": "text_delta", "text": words[i % len(words)]}
        events.append(("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}))
    events += [
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": n_deltas},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    encoded = [f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode() for name, data in events]
    out = bytearray()
    for i in range(0, len(encoded), per_chunk):
        piece = b"".join(encoded[i : i + per_chunk])
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    out += b"0\r\n\r\n"
    return bytes(out)


def batch_object(port: int, batch_id: str) -> dict[str, Any]:
    return {
        "id": batch_id,
        "type": "message_batch",
        "processing_status": "ended",
        "request_counts": {"processing": 0, "succeeded": 100000, "errored": 0, "canceled": 0, "expired": 0},
        "ended_at": "2025-01-01T00:10:00Z",
        "created_at": "2025-01-01T00:00:00Z",
        "expires_at": "2025-01-02T00:00:00Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": f"http://127.0.0.1:{port}/v1/messages/batches/{batch_id}/results",
    }


def jsonl_results(n_lines: int) -> bytes:
    template = json.dumps(
        {"custom_id": "req-XXXXXXXX", "result": {"type": "succeeded", "message": small_message(0)}},
        separators=(",", ":"),
    )
    head, tail = template.split("XXXXXXXX")
    return "".join(f"{head}{i:08d}{tail}\n" for i in range(n_lines)).encode()


def _head(status: str, ctype: str, length: int | None) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"content-type: {ctype}", "request-id: req_bench_0001", "connection: keep-alive"]
    lines.append(f"content-length: {length}" if length is not None else "transfer-encoding: chunked")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


class App:
    """Maps a request (method, target, body) to prebuilt response bytes, caching every body."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cache: dict[str, bytes] = {}

    def _cached(self, key: str, build: Any) -> bytes:
        data = self.cache.get(key)
        if data is None:
            data = self.cache[key] = build()
        return data

    def _json(self, key: str, build: Any) -> bytes:
        def make() -> bytes:
            body = json.dumps(build(), separators=(",", ":")).encode()
            return _head("200 OK", "application/json", len(body)) + body

        return self._cached(key, make)

    def respond(self, method: str, target: str, body: bytes) -> bytes:
        full = target.partition("?")[0]
        at = full.find("/v1/")
        scenario, path = (full[1:at], full[at:]) if at > 0 else ("", full)
        if path == "/v1/messages" or (path.startswith("/model/") and "/invoke" in path):
            is_stream = b'"stream":true' in body or b'"stream": true' in body
            if is_stream:
                if scenario.startswith("sse"):
                    k, _, n = scenario[3:].partition("-")
                    per_chunk, n_deltas = int(k or 1), int(n or 20000)
                else:
                    per_chunk, n_deltas = 1, 20
                return self._cached(
                    f"sse:{per_chunk}:{n_deltas}",
                    lambda: _head("200 OK", "text/event-stream; charset=utf-8", None) + sse_stream(n_deltas, per_chunk),
                )
            if scenario == "large":
                return self._json("large", large_message)
            return self._json("small", small_message)
        if path.startswith("/v1/messages/batches/"):
            parts = path.split("/")
            batch_id = parts[4]
            if len(parts) > 5 and parts[5] == "results":
                _, _, count = batch_id.rpartition("_n")
                n_lines = int(count) if count.isdigit() else 100_000

                def make_jsonl() -> bytes:
                    data = jsonl_results(n_lines)
                    return _head("200 OK", "application/binary", len(data)) + data

                return self._cached(f"jsonl:{n_lines}", make_jsonl)
            return self._json(f"batch:{batch_id}", lambda: batch_object(self.port, batch_id))
        msg = b'{"type":"error","error":{"type":"not_found_error","message":"no such route"}}'
        return _head("404 Not Found", "application/json", len(msg)) + msg


class Conn:
    __slots__ = ("inbuf", "out", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.inbuf = bytearray()
        self.out: list[memoryview] = []


def serve(port: int = 0) -> None:
    sel = selectors.DefaultSelector()
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", port))
    lsock.listen(4096)
    lsock.setblocking(False)
    app = App(lsock.getsockname()[1])
    # Prebuild the common bodies so no contender pays for building them.
    app.respond("POST", "/small/v1/messages", b"")
    app.respond("POST", "/large/v1/messages", b"")
    sel.register(lsock, selectors.EVENT_READ, None)
    print(f"PORT {app.port}", flush=True)

    def close(conn: Conn) -> None:
        with contextlib.suppress(KeyError, ValueError):
            sel.unregister(conn.sock)
        conn.sock.close()

    def flush(conn: Conn) -> None:
        while conn.out:
            view = conn.out[0]
            try:
                sent = conn.sock.send(view)
            except BlockingIOError:
                sent = 0
            except OSError:
                close(conn)
                return
            if sent < len(view):
                conn.out[0] = view[sent:]
                sel.modify(conn.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, conn)
                return
            conn.out.pop(0)
        sel.modify(conn.sock, selectors.EVENT_READ, conn)

    def on_read(conn: Conn) -> None:
        try:
            data = conn.sock.recv(262144)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            close(conn)
            return
        buf = conn.inbuf
        buf += data
        had_out = bool(conn.out)
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = bytes(buf[:end]).decode("latin-1")
            length = 0
            low = head.lower()
            idx = low.find("\r\ncontent-length:")
            if idx >= 0:
                stop = low.find("\r\n", idx + 2)
                length = int(low[idx + 17 : stop if stop >= 0 else None])
            if len(buf) < end + 4 + length:
                break
            body = bytes(buf[end + 4 : end + 4 + length])
            del buf[: end + 4 + length]
            method, target, _ = head.split(" ", 2)
            conn.out.append(memoryview(app.respond(method, target, body)))
        if conn.out and not had_out:
            flush(conn)

    while True:
        for key, mask in sel.select():
            if key.data is None:
                while True:
                    try:
                        csock, _ = lsock.accept()
                    except (BlockingIOError, InterruptedError):
                        break
                    csock.setblocking(False)
                    csock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    sel.register(csock, selectors.EVENT_READ, Conn(csock))
                continue
            conn: Conn = key.data
            if mask & selectors.EVENT_WRITE:
                flush(conn)
            if mask & selectors.EVENT_READ and conn.sock.fileno() >= 0:
                on_read(conn)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
