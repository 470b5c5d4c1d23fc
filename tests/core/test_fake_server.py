"""The fake Anthropic API server (``anthropic.testing``), exercised over real HTTP with httpx."""

from __future__ import annotations

import gc
import json
import re
import socket
import ssl
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from anthropic.testing import FakeAnthropicServer, Headers, RecordedRequest, Reply
from anthropic.testing._recording import parse_multipart
from anthropic.testing._sse import plan_writes

MESSAGE_BODY: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 100,
    "messages": [{"role": "user", "content": "Hi"}],
}


@pytest.fixture
def server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as srv:
        yield srv


@pytest.fixture
def client(server: FakeAnthropicServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60.0) as c:  # a failure bound, generous for a loaded machine
        yield c


def parse_sse(text: str) -> list[tuple[str, Any]]:
    events: list[tuple[str, Any]] = []
    for frame in text.split("\n\n"):
        if not frame.strip():
            continue
        name = ""
        data: list[str] = []
        for line in frame.split("\n"):
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
        events.append((name, json.loads("\n".join(data))))
    return events


def accumulate(events: list[tuple[str, Any]]) -> dict[str, Any]:
    """Rebuild a Message from stream events the way an SDK does (independent of the server's code)."""
    message: dict[str, Any] = {}
    buffers: dict[int, str] = {}
    for name, data in events:
        assert data["type"] == name
        if name == "message_start":
            message = json.loads(json.dumps(data["message"]))
        elif name == "content_block_start":
            assert data["index"] == len(message["content"])
            message["content"].append(json.loads(json.dumps(data["content_block"])))
        elif name == "content_block_delta":
            block = message["content"][data["index"]]
            delta = data["delta"]
            if delta["type"] == "text_delta":
                block["text"] += delta["text"]
            elif delta["type"] == "thinking_delta":
                block["thinking"] += delta["thinking"]
            elif delta["type"] == "signature_delta":
                block["signature"] = delta["signature"]
            elif delta["type"] == "citations_delta":
                block.setdefault("citations", []).append(delta["citation"])
            elif delta["type"] == "input_json_delta":
                buffers[data["index"]] = buffers.get(data["index"], "") + delta["partial_json"]
        elif name == "content_block_stop":
            if data["index"] in buffers:
                message["content"][data["index"]]["input"] = json.loads(buffers[data["index"]])
        elif name == "message_delta":
            message.update(data["delta"])
            message["usage"].update(data["usage"])
    return message


# -- recording -------------------------------------------------------------------------------------------------


def test_records_method_path_query_headers_and_body(server: FakeAnthropicServer, client: httpx.Client) -> None:
    response = client.post(
        "/v1/messages?beta=true&x=1&x=2",
        json=MESSAGE_BODY,
        headers={"X-Api-Key": "sk-test", "Anthropic-Beta": "a,b"},
    )
    assert response.status_code == 200
    request = server.last_request
    assert request is server.requests[-1]
    assert request.method == "POST"
    assert request.path == "/v1/messages"
    assert request.query_string == "beta=true&x=1&x=2"
    assert request.query == {"beta": ["true"], "x": ["1", "2"]}
    assert request.param("x") == "2"
    assert request.target == "/v1/messages?beta=true&x=1&x=2"
    assert request.headers["x-api-key"] == "sk-test"
    assert request.headers["ANTHROPIC-BETA"] == "a,b"
    assert "X-Api-Key" in list(request.headers)  # original spelling kept
    assert request.json() == MESSAGE_BODY
    assert json.loads(request.body) == MESSAGE_BODY
    assert request.request_id == response.headers["request-id"]
    assert request.http_version == "HTTP/1.1"


def test_request_ids_are_unique_and_can_be_overridden(server: FakeAnthropicServer, client: httpx.Client) -> None:
    ids = {client.get("/v1/models").headers["request-id"] for _ in range(5)}
    assert len(ids) == 5
    assert all(i.startswith("req_") for i in ids)
    server.enqueue(Reply.json({}, headers={"Request-Id": "req_custom"}))
    response = client.get("/v1/models")
    assert response.headers.get_list("request-id") == ["req_custom"]


def test_last_request_without_requests_raises(server: FakeAnthropicServer) -> None:
    with pytest.raises(LookupError):
        _ = server.last_request


def test_reset_forgets_requests_queue_and_state(server: FakeAnthropicServer, client: httpx.Client) -> None:
    client.get("/v1/models")
    server.enqueue(Reply.error(500))
    server.add_file(b"x")
    server.reset()
    assert server.requests == []
    assert server.pending == 0
    assert client.get("/v1/files").json()["data"] == []
    assert server.requests[0].index == 0


def test_max_recorded_keeps_the_latest_requests() -> None:
    with FakeAnthropicServer(max_recorded=2) as server, httpx.Client(base_url=server.url) as client:
        for i in range(5):
            client.get(f"/v1/models?i={i}")
        assert [r.param("i") for r in server.requests] == ["3", "4"]
        assert len(server.wait_for_requests(5)) == 2


def test_head_request_and_non_latin1_header(server: FakeAnthropicServer, client: httpx.Client) -> None:
    head = client.head("/v1/models")
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) > 0
    assert client.get("/v1/models").status_code == 200  # the connection is still in sync
    server.enqueue(Reply.json({}, headers={"x-note": "caf\u00e9 \u2713"}))
    assert dict(client.get("/x").headers.raw)[b"x-note"] == "caf\u00e9 \u2713".encode()
    assert server.errors == []


def test_headers_mapping_is_case_insensitive_and_keeps_duplicates() -> None:
    headers = Headers([("Accept", "a"), ("X-Dup", "1"), ("x-dup", "2")])
    assert headers["accept"] == "a"
    assert headers["X-DUP"] == "1, 2"
    assert headers.get_list("x-dup") == ["1", "2"]
    assert list(headers) == ["Accept", "X-Dup"]
    assert len(headers) == 2
    assert headers.raw[2] == ("x-dup", "2")
    assert Headers([("A", "1")]) == {"a": "1"}
    assert "missing" not in headers


def test_chunked_request_body_is_reassembled(server: FakeAnthropicServer, client: httpx.Client) -> None:
    def body() -> Iterator[bytes]:
        yield b'{"model": "m", '
        yield b'"max_tokens": 5, '
        yield b'"messages": []}'

    response = client.post("/v1/messages", content=body())
    assert response.status_code == 200
    request = server.last_request
    assert request.headers["transfer-encoding"] == "chunked"
    assert request.json() == {"model": "m", "max_tokens": 5, "messages": []}


def test_expect_100_continue_and_http10(server: FakeAnthropicServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"POST /v1/anything HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
        sock.sendall(b"{}")
        assert b"HTTP/1.1 404 Not Found" in _recv_until_closed_or(sock, b"}")
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"GET /v1/models/claude-opus-4-1 HTTP/1.0\r\n\r\n")
        data = _recv_until_closed_or(sock, None)
        assert b"connection: close" in data.lower()
        assert data.endswith(b"}")
    assert server.last_request.http_version == "HTTP/1.0"


def test_malformed_request_gets_400(server: FakeAnthropicServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"NONSENSE\r\n\r\n")
        assert _recv_until_closed_or(sock, None).startswith(b"HTTP/1.1 400 Bad Request")


def _recv_until_closed_or(sock: socket.socket, end: bytes | None) -> bytes:
    sock.settimeout(60)  # a failure bound
    data = b""
    while True:
        chunk = sock.recv(65536)
        data += chunk
        if not chunk or (end is not None and data.endswith(end)):
            return data


# -- scripting -------------------------------------------------------------------------------------------------


def test_enqueue_is_fifo_and_used_before_defaults(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.json({"n": 1}), Reply.json({"n": 2}, status=201))
    assert server.pending == 2
    first, second = client.get("/anything"), client.post("/else")
    assert (first.status_code, first.json()) == (200, {"n": 1})
    assert (second.status_code, second.json()) == (201, {"n": 2})
    assert server.pending == 0
    assert client.get("/anything").status_code == 404  # defaults again


def test_enqueue_matches_path_and_method(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.json({"which": "models"}), path="/v1/models", method="get")
    server.enqueue(Reply.json({"which": "regex"}), path=re.compile(r"/v1/files/.+"))
    server.enqueue(Reply.json({"which": "any"}))
    assert client.post("/v1/models").json() == {"which": "any"}  # method did not match the first entry
    assert client.get("/v1/files/abc").json() == {"which": "regex"}
    assert client.get("/v1/models?beta=true").json() == {"which": "models"}  # query is not part of the path
    assert server.pending == 0


def test_reply_function_gets_the_request(server: FakeAnthropicServer, client: httpx.Client) -> None:
    def echo(request: RecordedRequest) -> Reply:
        return Reply.json({"echo": request.json(), "path": request.path})

    server.enqueue(echo)
    assert client.post("/v1/x", json={"a": 1}).json() == {"echo": {"a": 1}, "path": "/v1/x"}


def test_reply_function_errors_become_500_and_are_kept(server: FakeAnthropicServer, client: httpx.Client) -> None:
    def broken(request: RecordedRequest) -> Reply:
        raise RuntimeError("boom")

    server.enqueue(broken)
    response = client.get("/v1/models")
    assert response.status_code == 500
    assert "boom" in response.json()["error"]["message"]
    assert isinstance(server.errors[0], RuntimeError)


def test_error_envelope_and_default_types(client: httpx.Client, server: FakeAnthropicServer) -> None:
    server.enqueue(Reply.error(529), Reply.error(429, headers={"retry-after": "1"}), Reply.error(400, message="bad"))
    overloaded = client.get("/x")
    assert overloaded.status_code == 529
    assert overloaded.reason_phrase == "Overloaded"
    assert overloaded.json() == {
        "type": "error",
        "error": {"type": "overloaded_error", "message": "Overloaded"},
        "request_id": overloaded.headers["request-id"],
    }
    limited = client.get("/x")
    assert limited.json()["error"]["type"] == "rate_limit_error"
    assert limited.headers["retry-after"] == "1"
    assert client.get("/x").json()["error"] == {"type": "invalid_request_error", "message": "bad"}


def test_html_text_and_redirect(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.html(), Reply.text("plain", status=503))
    page = client.get("/x")
    assert page.status_code == 502
    assert page.headers["content-type"] == "text/html"
    assert "502 Bad Gateway" in page.text
    assert client.get("/x").text == "plain"
    server.enqueue(Reply.redirect("/v1/models/claude-opus-4-1"))
    moved = client.get("/old", follow_redirects=True)
    assert moved.json()["id"] == "claude-opus-4-1-20250805"
    assert [r.status_code for r in moved.history] == [307]


def test_body_types(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply(body=b"\x00\x01"), Reply(body="text"), Reply(body=[1, 2]), Reply(status=204))
    raw = client.get("/x")
    assert (raw.content, raw.headers["content-type"]) == (b"\x00\x01", "application/octet-stream")
    assert client.get("/x").headers["content-type"].startswith("text/plain")
    assert client.get("/x").json() == [1, 2]
    empty = client.get("/x")
    assert (empty.status_code, empty.content) == (204, b"")
    assert "content-length" not in empty.headers


# -- faults ----------------------------------------------------------------------------------------------------


def test_drop_before_status(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply(drop="before_status"))
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        client.get("/v1/models")
    assert client.get("/v1/models").status_code == 200  # the client reconnects


def test_drop_reset(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply(drop="reset"))
    with pytest.raises(httpx.ReadError):
        client.get("/v1/models")


def test_drop_mid_body(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.json({"data": "x" * 1000}, drop="mid_body"))
    with pytest.raises(httpx.RemoteProtocolError, match="incomplete|complete message body"):
        client.get("/v1/models")


def test_truncate_at(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.json({"data": "abcdef"}, truncate_at=5))
    received = b""
    with pytest.raises(httpx.RemoteProtocolError), client.stream("GET", "/x") as response:
        assert response.headers["content-length"] == str(len(b'{"data":"abcdef"}'))
        for chunk in response.iter_raw():
            received += chunk
    assert received == b'{"dat'


def test_delay_before_status(server: FakeAnthropicServer, client: httpx.Client) -> None:
    # A lower bound only (load can make a delay longer, never shorter); the second delay outlasts any load.
    server.enqueue(Reply.json({}, delay=0.25), Reply.json({}, delay=60))
    started = time.perf_counter()
    assert client.get("/x").status_code == 200
    assert time.perf_counter() - started >= 0.25
    with pytest.raises(httpx.ReadTimeout):
        client.get("/x", timeout=0.1)


def test_trickle(server: FakeAnthropicServer, client: httpx.Client) -> None:
    body = {"text": "y" * 40}
    server.enqueue(Reply.json(body, trickle=(10, 0.03)))
    started = time.perf_counter()
    with client.stream("GET", "/x") as response:
        chunks = list(response.iter_raw())
    assert time.perf_counter() - started >= 4 * 0.03
    assert len(chunks) >= 3
    assert json.loads(b"".join(chunks)) == body


def test_concurrent_requests_are_served_in_parallel(server: FakeAnthropicServer) -> None:
    # Each reply waits until all four requests are being answered at once: a server that answered one request
    # after the other would never get there (the barrier breaks after its failure bound and the replies fail).
    barrier = threading.Barrier(4, timeout=60)

    def together(_request: Any) -> Reply:
        barrier.wait()
        return Reply.json({})

    server.enqueue(*[together] * 4)
    clients = [httpx.Client(base_url=server.url, timeout=120) for _ in range(4)]
    statuses: list[int] = []
    threads = [threading.Thread(target=lambda c=c: statuses.append(c.get("/x").status_code)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    assert statuses == [200] * 4
    assert not barrier.broken
    assert len({r.connection_id for r in server.requests}) == 4


# -- SSE -------------------------------------------------------------------------------------------------------

EVENTS: list[Any] = [("a", {"n": 1}), ("b", {"n": 2}), ("c", "raw text"), (None, {"n": 4})]


def test_sse_encoding(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.sse([*EVENTS, b": comment\n\n"]))
    response = client.get("/x")
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["transfer-encoding"] == "chunked"
    assert response.text == (
        'event: a\ndata: {"n":1}\n\nevent: b\ndata: {"n":2}\n\nevent: c\ndata: raw text\n\ndata: {"n":4}\n\n'
        ": comment\n\n"
    )


def test_sse_pause_after_events(server: FakeAnthropicServer, client: httpx.Client) -> None:
    # The pause outlasts any load; stopping the server ends it. What arrived by then shows where the pause sits:
    # exactly the first two events (a pause elsewhere, or none, gives another count), then a cut body.
    server.enqueue(Reply.sse(EVENTS, pause={2: 60}))
    data: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError), client.stream("GET", "/x") as response:
        for line in response.iter_lines():
            if line.startswith("data:"):
                data.append(line)
                if len(data) == 2:
                    server.stop()
    assert data == ['data: {"n":1}', 'data: {"n":2}']


def test_sse_drop_after_events(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.sse(EVENTS, drop_after=2))
    lines: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError), client.stream("GET", "/x") as response:
        for line in response.iter_lines():
            lines.append(line)
    assert [line for line in lines if line.startswith("data:")] == ['data: {"n":1}', 'data: {"n":2}']


@pytest.mark.parametrize("chunking", ["one-per-event", 3, "bytewise"])
def test_sse_chunking_preserves_content(chunking: Any, server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.enqueue(Reply.sse(EVENTS, chunking=chunking))
    with client.stream("GET", "/x") as response:
        raw = b"".join(response.iter_raw())
    assert raw == b"".join(plan_writes(EVENTS)[0])


def test_plan_writes_groups_events_and_forces_boundaries() -> None:
    one = plan_writes(EVENTS)
    assert len(one[0]) == 4 and one[1:] == ({}, None)
    grouped, pauses, drop = plan_writes(EVENTS, chunking=3, pause=(1, 0.5))
    assert len(grouped) == 2 and grouped[0].count(b"\n\n") == 1  # the pause point splits the first write
    assert pauses == {1: 0.5} and drop is None
    grouped, _, drop = plan_writes(EVENTS, chunking=3, drop_after=2)
    assert drop == 1 and grouped[0].count(b"\n\n") == 2
    bytewise, pauses, _ = plan_writes(EVENTS[:2], chunking="bytewise", pause={1: 0.1, 0: 0.2})
    assert all(len(c) == 1 for c in bytewise)
    assert pauses == {0: 0.2, len(b'event: a\ndata: {"n":1}\n\n'): 0.1}
    with pytest.raises(ValueError):
        plan_writes(EVENTS, chunking=0)


# -- message scripts -------------------------------------------------------------------------------------------


def test_message_script_json_and_stream_agree(server: FakeAnthropicServer, client: httpx.Client) -> None:
    script = Reply.message(
        "The weather in Paris is sunny and warm today.",
        id="msg_fixed",
        thinking=("Let me think about the weather here.", "sig123"),
        tool_uses=[{"name": "get_weather", "id": "toolu_x", "input": {"city": "Paris", "units": "celsius", "days": [1, 2]}}],
        citations=[{"type": "char_location", "cited_text": "sunny", "document_index": 0, "start_char_index": 0,
                    "end_char_index": 5, "document_title": None}],
    )  # fmt: skip
    server.enqueue(script, script)
    as_json = client.post("/v1/messages", json=MESSAGE_BODY).json()
    streamed = client.post("/v1/messages", json={**MESSAGE_BODY, "stream": True})
    assert streamed.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(streamed.text)

    assert [b["type"] for b in as_json["content"]] == ["thinking", "text", "tool_use"]
    assert as_json["stop_reason"] == "tool_use"
    assert as_json["model"] == "claude-sonnet-4-5"
    assert as_json["content"][2]["id"] == "toolu_x"
    assert accumulate(events) == as_json

    names = [name for name, _ in events]
    assert names[:3] == ["message_start", "content_block_start", "ping"]
    assert names[-2:] == ["message_delta", "message_stop"]
    assert names.count("content_block_start") == names.count("content_block_stop") == 3
    delta_types = [data["delta"]["type"] for name, data in events if name == "content_block_delta"]
    assert delta_types.count("text_delta") > 1
    assert delta_types.count("input_json_delta") > 2
    assert delta_types.count("thinking_delta") > 1
    assert delta_types.count("signature_delta") == 1
    assert delta_types.count("citations_delta") == 1
    first_json = next(d["delta"] for n, d in events if n == "content_block_delta" and d["index"] == 2)
    assert first_json == {"type": "input_json_delta", "partial_json": ""}
    start = events[0][1]["message"]
    assert start["stop_reason"] is None and start["content"] == []


def test_message_script_options(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.script_message(
        "hi", model="claude-opus-4-1", stop_reason="max_tokens", usage={"output_tokens": 7}, stream=True, pings=False
    )
    events = parse_sse(client.post("/v1/messages", json=MESSAGE_BODY).text)
    message = accumulate(events)
    assert message["model"] == "claude-opus-4-1"
    assert message["stop_reason"] == "max_tokens"
    assert message["usage"]["output_tokens"] == 7
    assert "ping" not in [name for name, _ in events]
    server.script_message(content=[{"type": "redacted_thinking", "data": "abc"}, {"type": "text", "text": ""}])
    assert client.post("/v1/messages", json=MESSAGE_BODY).json()["content"] == [
        {"type": "redacted_thinking", "data": "abc"},
        {"type": "text", "text": ""},
    ]


def test_message_stream_can_drop_mid_stream(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.script_message("one two three four five six", drop_after=4)
    seen: list[str] = []
    with (
        pytest.raises(httpx.RemoteProtocolError),
        client.stream("POST", "/v1/messages", json={**MESSAGE_BODY, "stream": True}) as response,
    ):
        for line in response.iter_lines():
            if line.startswith("event: "):
                seen.append(line[7:])
    assert seen == ["message_start", "content_block_start", "ping", "content_block_delta"]


def test_script_turns_play_a_tool_conversation(server: FakeAnthropicServer, client: httpx.Client) -> None:
    server.script_turns(
        [
            {"tool_uses": [{"name": "get_weather", "input": {"city": "Paris"}, "id": "toolu_1"}]},
            "It is sunny in Paris.",
        ]
    )
    first = client.post("/v1/messages", json=MESSAGE_BODY).json()
    assert first["stop_reason"] == "tool_use"
    assert first["content"] == [
        {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}
    ]
    assert client.post("/v1/messages/count_tokens", json=MESSAGE_BODY).status_code == 200  # not a turn
    second = client.post("/v1/messages?beta=true", json=MESSAGE_BODY).json()
    assert second["content"] == [{"type": "text", "text": "It is sunny in Paris."}]
    assert second["stop_reason"] == "end_turn"
    assert server.pending == 0


# -- default endpoints -----------------------------------------------------------------------------------------


def test_default_message_and_validation(client: httpx.Client) -> None:
    message = client.post("/v1/messages", json=MESSAGE_BODY).json()
    assert message["content"] == [{"type": "text", "text": "Hello from the fake Anthropic API"}]
    assert message["model"] == "claude-sonnet-4-5"
    assert message["id"].startswith("msg_")
    assert message["type"] == "message" and message["role"] == "assistant"
    tokens = client.post("/v1/messages/count_tokens?beta=true", json=MESSAGE_BODY).json()
    assert tokens == {"input_tokens": message["usage"]["input_tokens"]}
    missing = client.post("/v1/messages", json={"model": "m", "messages": []})
    assert missing.status_code == 400
    assert missing.json()["error"] == {"type": "invalid_request_error", "message": "max_tokens: Field required"}
    assert client.post("/v1/messages", content=b"{oops").status_code == 400


def test_default_stream_message(client: httpx.Client) -> None:
    events = parse_sse(client.post("/v1/messages", json={**MESSAGE_BODY, "stream": True}).text)
    assert accumulate(events)["content"] == [{"type": "text", "text": "Hello from the fake Anthropic API"}]


def test_unknown_path_and_wrong_method(client: httpx.Client) -> None:
    unknown = client.get("/v1/nothing")
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "error"
    assert unknown.json()["error"]["type"] == "not_found_error"
    wrong = client.delete("/v1/models")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET"


def test_models_pagination_both_directions(client: httpx.Client) -> None:
    everything = client.get("/v1/models", params={"limit": 100}).json()
    ids = [m["id"] for m in everything["data"]]
    assert len(ids) >= 5 and everything["has_more"] is False
    assert everything["first_id"] == ids[0] and everything["last_id"] == ids[-1]

    forward: list[str] = []
    page = client.get("/v1/models", params={"limit": 2}).json()
    while True:
        forward += [m["id"] for m in page["data"]]
        if not page["has_more"]:
            break
        page = client.get("/v1/models?beta=true", params={"limit": 2, "after_id": page["last_id"]}).json()
    assert forward == ids

    backward: list[str] = []
    page = client.get("/v1/models", params={"limit": 3, "before_id": ids[-1]}).json()
    while True:
        backward = [m["id"] for m in page["data"]] + backward
        if not page["has_more"]:
            break
        page = client.get("/v1/models", params={"limit": 3, "before_id": page["first_id"]}).json()
    assert backward == ids[:-1]

    assert client.get("/v1/models", params={"limit": 0}).status_code == 400
    model = client.get("/v1/models/claude-sonnet-4-5").json()
    assert model == {
        "type": "model",
        "id": "claude-sonnet-4-5-20250929",
        "display_name": "Claude Sonnet 4.5",
        "created_at": "2025-09-29T00:00:00Z",
    }
    assert client.get("/v1/models/claude-nope").status_code == 404


def test_batches_lifecycle_and_results(server: FakeAnthropicServer, client: httpx.Client) -> None:
    requests = [
        {"custom_id": "first", "params": MESSAGE_BODY},
        {"custom_id": "second", "params": {**MESSAGE_BODY, "model": "claude-opus-4-1"}},
        {"custom_id": "broken", "params": {"model": "m"}},
    ]
    created = client.post("/v1/messages/batches", json={"requests": requests}).json()
    assert created["type"] == "message_batch"
    assert created["processing_status"] == "in_progress"
    assert created["request_counts"]["processing"] == 3
    assert created["results_url"] is None
    assert created["id"].startswith("msgbatch_")

    ended = client.get(f"/v1/messages/batches/{created['id']}?beta=true").json()
    assert ended["processing_status"] == "ended"
    assert ended["request_counts"] == {"processing": 0, "succeeded": 2, "errored": 1, "canceled": 0, "expired": 0}
    assert ended["results_url"] == f"{server.url}/v1/messages/batches/{created['id']}/results"

    results = httpx.get(ended["results_url"])
    lines = [json.loads(line) for line in results.text.splitlines()]
    assert [line["custom_id"] for line in lines] == ["first", "second", "broken"]
    assert lines[0]["result"]["type"] == "succeeded"
    assert lines[1]["result"]["message"]["model"] == "claude-opus-4-1"
    assert lines[2]["result"]["type"] == "errored"
    assert lines[2]["result"]["error"]["error"]["type"] == "invalid_request_error"

    deleted = client.delete(f"/v1/messages/batches/{created['id']}").json()
    assert deleted == {"id": created["id"], "type": "message_batch_deleted"}
    assert client.get(f"/v1/messages/batches/{created['id']}").status_code == 404
    assert client.post("/v1/messages/batches", json={"requests": []}).status_code == 400


def test_batch_polling_cancel_and_list() -> None:
    with FakeAnthropicServer(batch_polls=1) as server, httpx.Client(base_url=server.url) as client:
        body = {"requests": [{"custom_id": "a", "params": MESSAGE_BODY}]}
        ids = [client.post("/v1/messages/batches", json=body).json()["id"] for _ in range(3)]
        batch_id = ids[0]
        assert client.get(f"/v1/messages/batches/{batch_id}").json()["processing_status"] == "in_progress"
        assert client.delete(f"/v1/messages/batches/{ids[1]}").status_code == 400  # still processing
        canceling = client.post(f"/v1/messages/batches/{ids[1]}/cancel").json()
        assert canceling["processing_status"] == "canceling"
        assert canceling["cancel_initiated_at"] is not None
        assert client.get(f"/v1/messages/batches/{ids[1]}").json()["processing_status"] == "canceling"
        canceled = client.get(f"/v1/messages/batches/{ids[1]}").json()
        assert canceled["processing_status"] == "ended"
        assert canceled["request_counts"]["canceled"] == 1
        result = json.loads(httpx.get(canceled["results_url"]).text)
        assert result == {"custom_id": "a", "result": {"type": "canceled"}}

        page = client.get("/v1/messages/batches", params={"limit": 2}).json()
        assert [b["id"] for b in page["data"]] == [ids[2], ids[1]]  # newest first
        assert page["has_more"] is True
        rest = client.get("/v1/messages/batches", params={"after_id": page["last_id"]}).json()
        assert [b["id"] for b in rest["data"]] == [ids[0]]
        assert rest["has_more"] is False


def test_legacy_completions(client: httpx.Client) -> None:
    body = {"model": "claude-2.1", "prompt": "\n\nHuman: hi\n\nAssistant:", "max_tokens_to_sample": 10}
    completion = client.post("/v1/complete", json=body).json()
    assert completion["type"] == "completion"
    assert completion["completion"] == " Hello from the fake Anthropic API"
    assert completion["stop_reason"] == "stop_sequence"
    events = parse_sse(client.post("/v1/complete", json={**body, "stream": True}).text)
    completions = [data for name, data in events if name == "completion"]
    assert "".join(d["completion"] for d in completions) == completion["completion"]
    assert completions[-1]["stop_reason"] == "stop_sequence"
    assert all(d["stop_reason"] is None for d in completions[:-1])
    assert client.post("/v1/complete", json={"model": "m"}).status_code == 400


def test_files_upload_list_download_delete(server: FakeAnthropicServer, client: httpx.Client) -> None:
    payload = b"%PDF-1.4\r\n--not-a-boundary\r\n\x00\xff"
    uploaded = client.post("/v1/files?beta=true", files={"file": ("doc.pdf", payload, "application/pdf")}).json()
    assert uploaded["type"] == "file"
    assert (uploaded["filename"], uploaded["mime_type"], uploaded["size_bytes"]) == (
        "doc.pdf",
        "application/pdf",
        len(payload),
    )
    file_id = uploaded["id"]
    other = server.add_file(b"hello", "notes.txt")
    listed = client.get("/v1/files").json()
    assert [f["id"] for f in listed["data"]] == [other, file_id]
    assert client.get(f"/v1/files/{file_id}").json() == uploaded
    content = client.get(f"/v1/files/{file_id}/content")
    assert content.content == payload
    assert content.headers["content-type"] == "application/pdf"
    assert client.delete(f"/v1/files/{file_id}").json() == {"id": file_id, "type": "file_deleted"}
    assert client.get(f"/v1/files/{file_id}").status_code == 404
    assert client.post("/v1/files", json={}).status_code == 400


def test_multipart_parsing(server: FakeAnthropicServer, client: httpx.Client) -> None:
    binary = b"\r\n--\x00\x01\xfe\r\n\r\n"
    client.post(
        "/v1/anything",
        data={"display_title": "My skill", "note": "caf\u00e9"},
        files=[
            ("files[]", ('dir/we"ird.md', b"# md", "text/markdown")),
            ("files[]", ("dir/blob.bin", binary, "application/octet-stream")),
        ],
    )
    parts = server.last_request.multipart()
    assert [(p.name, p.filename) for p in parts] == [
        ("display_title", None),
        ("note", None),
        ("files[]", 'dir/we"ird.md'),
        ("files[]", "dir/blob.bin"),
    ]
    assert parts[1].text == "caf\u00e9"
    assert parts[2].content_type == "text/markdown"
    assert parts[3].data == binary
    assert parts[3].headers["Content-Disposition"].startswith("form-data")


def test_multipart_parser_edge_cases() -> None:
    body = (
        b"preamble\r\n--XyZ\r\n"
        b"Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''na%C3%AFve.txt\r\n\r\n"
        b"data\r\n--XyZ--\r\nepilogue"
    )
    (part,) = parse_multipart(body, 'multipart/form-data; boundary="XyZ"')
    assert (part.name, part.filename, part.data) == ("f", "na\u00efve.txt", b"data")
    with pytest.raises(ValueError):
        parse_multipart(b"--XyZ\r\n\r\nno end", "multipart/form-data; boundary=XyZ")
    with pytest.raises(ValueError):
        parse_multipart(b"", "application/json")


def _skill_files(directory: str, name: str) -> list[tuple[str, tuple[str, bytes, str]]]:
    skill_md = f"---\nname: {name}\ndescription: Does {name} things\n---\n# {name}\n".encode()
    return [
        ("files[]", (f"{directory}/SKILL.md", skill_md, "text/markdown")),
        ("files[]", (f"{directory}/scripts/run.py", b"print(1)\n", "text/x-python")),
    ]


def test_skills_and_versions(client: httpx.Client) -> None:
    created = [
        client.post(
            "/v1/skills?beta=true", data={"display_title": f"Skill {i}"}, files=_skill_files(f"s{i}", f"skill-{i}")
        ).json()
        for i in range(3)
    ]
    first = created[0]
    assert first["type"] == "skill" and first["source"] == "custom"
    assert first["display_title"] == "Skill 0"
    assert first["id"].startswith("skill_")

    page = client.get("/v1/skills", params={"limit": 2}).json()
    assert [s["id"] for s in page["data"]] == [created[2]["id"], created[1]["id"]]
    assert page["has_more"] is True and page["next_page"]
    rest = client.get("/v1/skills", params={"limit": 2, "page": page["next_page"]}).json()
    assert [s["id"] for s in rest["data"]] == [first["id"]]
    assert rest == {**rest, "has_more": False, "next_page": None}
    assert client.get("/v1/skills", params={"source": "anthropic"}).json()["data"] == []
    assert client.get(f"/v1/skills/{first['id']}").json() == first

    version = client.post(f"/v1/skills/{first['id']}/versions", files=_skill_files("s0", "renamed")).json()
    assert version["type"] == "skill_version"
    assert (version["name"], version["description"], version["directory"]) == ("renamed", "Does renamed things", "s0")
    assert version["skill_id"] == first["id"]
    assert int(version["version"]) > int(first["latest_version"])
    assert client.get(f"/v1/skills/{first['id']}").json()["latest_version"] == version["version"]
    versions = client.get(f"/v1/skills/{first['id']}/versions").json()
    assert [v["version"] for v in versions["data"]] == [version["version"], first["latest_version"]]
    assert client.get(f"/v1/skills/{first['id']}/versions/{version['version']}").json() == version
    deleted = client.delete(f"/v1/skills/{first['id']}/versions/{version['version']}").json()
    assert deleted == {"id": version["version"], "type": "skill_version_deleted"}
    assert client.get(f"/v1/skills/{first['id']}").json()["latest_version"] == first["latest_version"]
    assert client.delete(f"/v1/skills/{first['id']}").json() == {"id": first["id"], "type": "skill_deleted"}
    assert client.get(f"/v1/skills/{first['id']}").status_code == 404


def test_skill_upload_validation(client: httpx.Client) -> None:
    no_skill_md = [("files[]", ("dir/readme.md", b"x", "text/markdown"))]
    assert client.post("/v1/skills", files=no_skill_md).status_code == 400
    two_dirs = [*_skill_files("a", "a"), ("files[]", ("b/x.txt", b"x", "text/plain"))]
    assert client.post("/v1/skills", files=two_dirs).status_code == 400
    assert client.post("/v1/skills", json={"display_title": "x"}).status_code == 400


def test_require_auth() -> None:
    with FakeAnthropicServer(require_auth=True) as server, httpx.Client(base_url=server.url) as client:
        rejected = client.get("/v1/models")
        assert rejected.status_code == 401
        assert rejected.json()["error"]["type"] == "authentication_error"
        assert client.get("/v1/models", headers={"x-api-key": "anything"}).status_code == 200
        assert client.get("/v1/models", headers={"authorization": "Bearer t"}).status_code == 200
    with FakeAnthropicServer(require_auth="sk-right") as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/v1/models", headers={"x-api-key": "sk-wrong"}).status_code == 401
        assert client.get("/v1/models", headers={"x-api-key": "sk-right"}).status_code == 200
        assert client.get("/v1/models", headers={"authorization": "Bearer sk-right"}).status_code == 200


# -- connections, lifecycle, TLS -------------------------------------------------------------------------------


def test_keep_alive_connections_are_reused(server: FakeAnthropicServer) -> None:
    with httpx.Client(base_url=server.url) as client:
        for _ in range(20):
            client.get("/v1/models")
        client.post("/v1/messages", json=MESSAGE_BODY)
    with httpx.Client(base_url=server.url) as other:
        other.get("/v1/models")
    connections = [r.connection_id for r in server.requests]
    assert len(set(connections[:21])) == 1
    assert connections[21] != connections[0]


def test_many_sequential_requests_are_fast(server: FakeAnthropicServer, client: httpx.Client) -> None:
    # What made this slow would be a stall on every request (Nagle's algorithm against delayed ACKs: >= 40 ms
    # each). Load stretches some requests, but not all 300: the fastest one shows whether every request stalls.
    latencies: list[float] = []
    for _ in range(300):
        started = time.perf_counter()
        client.get("/v1/models/claude-opus-4-1")
        latencies.append(time.perf_counter() - started)
    assert min(latencies) < 0.03, sorted(latencies)[:5]
    assert len(server.requests) == 300
    assert len({r.connection_id for r in server.requests}) == 1


def _server_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("fake-anthropic-")]


def test_stop_is_clean_and_idempotent() -> None:
    server = FakeAnthropicServer().start()
    assert server.start() is server  # already running: no-op
    client = httpx.Client(base_url=server.url)
    client.get("/v1/models")  # leaves an idle keep-alive connection
    server.enqueue(Reply.json({}, delay=3600))  # stop() must not wait for it: the suite's timeout would fail
    slow = threading.Thread(target=lambda: pytest.raises(httpx.TransportError, client.get, "/slow"))
    slow.start()
    server.wait_for_requests(2)
    assert server.open_connections >= 1
    with warnings.catch_warnings():  # collect what earlier tests left behind before checking our own sockets
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        server.stop()
        server.stop()
        gc.collect()
    slow.join(60)  # a failure bound: the stopped server ended the hour-long delay, the request failed at once
    assert not slow.is_alive()
    client.close()
    assert _server_threads() == []
    with pytest.raises(RuntimeError):
        _ = server.url
    with pytest.raises(httpx.ConnectError), httpx.Client() as fresh:
        fresh.get(f"http://127.0.0.1:{server._wire.port}/v1/models")


def test_context_manager_and_repr() -> None:
    with FakeAnthropicServer() as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert repr(server) == f"<FakeAnthropicServer {server.url}>"
    assert repr(server) == "<FakeAnthropicServer stopped>"
    assert _server_threads() == []


def test_wait_for_requests_times_out(server: FakeAnthropicServer) -> None:
    with pytest.raises(TimeoutError):
        server.wait_for_requests(1, timeout=0.05)


TEST_CERT = """-----BEGIN CERTIFICATE-----
MIIBwjCCAWigAwIBAgIUPp1JPe5Yy+RE9BFgUhJrpPD47ZIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTAwMDEwMTAwMDAwMFoYDzI5OTkxMjMx
MDAwMDAwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAS5Rp5nuiQVfpIVyUy4HRDkpOcpMVqevsvglJ/0nFs1BhkFNg3XO5I8
iHcNyyPOduIi+dHR/DhTNXG3Zx6Kjucmo4GVMIGSMA8GA1UdEwEB/wQFMAMBAf8w
DgYDVR0PAQH/BAQDAgKEMBMGA1UdJQQMMAoGCCsGAQUFBwMBMBoGA1UdEQQTMBGC
CWxvY2FsaG9zdIcEfwAAATAdBgNVHQ4EFgQU5+FFhgDgd23CDvjd+zrEiAjzV+Aw
HwYDVR0jBBgwFoAU5+FFhgDgd23CDvjd+zrEiAjzV+AwCgYIKoZIzj0EAwIDSAAw
RQIgCUxHYiyEUxVNn3942973UKlaTN4sA+yz+Qy1Is9NQCwCIQD6ODcQJ204h/s1
tY8U5bnP4T+IXy7XUxK8zQMBlkPTHg==
-----END CERTIFICATE-----
"""

# Test-only key for the self-signed certificate above (valid 2000-2999, localhost and 127.0.0.1).
TEST_KEY = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPBd5mO/HEjbGBnbX
xdKByISgepFnpqP8zM9ghAJVUyahRANCAAS5Rp5nuiQVfpIVyUy4HRDkpOcpMVqe
vsvglJ/0nFs1BhkFNg3XO5I8iHcNyyPOduIi+dHR/DhTNXG3Zx6Kjucm
-----END PRIVATE KEY-----
"""


def test_https_with_ssl_context(tmp_path: Path) -> None:
    (tmp_path / "cert.pem").write_text(TEST_CERT)
    (tmp_path / "key.pem").write_text(TEST_KEY)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    client_context = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    with FakeAnthropicServer(ssl_context=server_context) as server:
        assert server.url.startswith("https://127.0.0.1:")
        with httpx.Client(base_url=server.url, verify=client_context) as client:
            assert client.get("/v1/models").status_code == 200
            assert client.post("/v1/messages", json=MESSAGE_BODY).json()["type"] == "message"
        with pytest.raises(httpx.ConnectError), httpx.Client(verify=True) as untrusting:
            untrusting.get(f"{server.url}/v1/models")
        assert [r.connection_id for r in server.requests] == [1, 1]
    assert _server_threads() == []


# -- pytest plugin ---------------------------------------------------------------------------------------------


def test_pytest_plugin_fixture_and_cheap_import(tmp_path: Path) -> None:
    from importlib.metadata import entry_points

    (ep,) = [ep for ep in entry_points(group="pytest11") if ep.name == "anthropic_testing"]
    assert ep.value == "anthropic.testing.pytest_plugin"

    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
            import sys
            import httpx

            def test_plugin_import_is_lazy():
                assert "anthropic.testing._server" not in sys.modules

            def test_fixture(anthropic_server):
                anthropic_server.script_message("scripted")
                body = {"model": "m", "max_tokens": 1, "messages": []}
                reply = httpx.post(anthropic_server.url + "/v1/messages", json=body).json()
                assert reply["content"][0]["text"] == "scripted"
                assert anthropic_server.last_request.json() == body
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "anthropic.testing.pytest_plugin", "-q", "-p", "no:cacheprovider",
         str(tmp_path / "test_user.py")],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={**_clean_env(), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_importing_testing_package_is_lazy_and_stdlib_only() -> None:
    code = textwrap.dedent(
        """
        import sys
        import anthropic.testing.pytest_plugin, anthropic.testing as t
        loaded = [m for m in ("anthropic.testing._server", "anthropic.testing._wire") if m in sys.modules]
        assert not loaded, loaded
        before = set(sys.modules)
        t.FakeAnthropicServer().start().stop()
        added = sorted(set(sys.modules) - before)
        foreign = [m for m in added if m.split(".")[0] not in sys.stdlib_module_names
                   and not m.startswith("anthropic.testing")]
        assert not foreign, foreign
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=_clean_env())
    assert result.returncode == 0, result.stderr


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
