"""JSON Lines decoding (batch results): the line splitter, and typed iteration over a real HTTP response."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from anthropic._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder, LineSplitter
from anthropic._exceptions import APIConnectionError, APIResponseValidationError
from anthropic._models import BaseModel
from anthropic.testing import FakeAnthropicServer, Reply


class Row(BaseModel):
    custom_id: str
    n: int


ROWS = [{"custom_id": "a", "n": 1}, {"custom_id": "é€😀", "n": 2}, {"custom_id": "c", "n": 3}]
BODY = (
    json.dumps(ROWS[0]) + "\r\n" + json.dumps(ROWS[1], ensure_ascii=False) + "\r" + json.dumps(ROWS[2]) + "\n"
).encode()


def split_all(chunks: list[bytes]) -> list[bytes]:
    splitter = LineSplitter()
    lines: list[bytes] = []
    for chunk in chunks:
        lines += splitter.feed(chunk)
    return lines + splitter.flush()


def test_lines_at_every_split_point() -> None:
    expected = split_all([BODY])
    assert [json.loads(line) for line in expected] == ROWS
    for i in range(len(BODY) + 1):
        assert split_all([BODY[:i], BODY[i:]]) == expected, i
    assert split_all([BODY[i : i + 1] for i in range(len(BODY))]) == expected


def test_blank_lines_and_unterminated_last_line() -> None:
    assert split_all([b"\n\r\n  \n{}\r", b"\n\r\n[1]"]) == [b"{}", b"[1]"]
    assert split_all([b""]) == []


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


def get(http: httpx.Client, server: FakeAnthropicServer, reply: Reply) -> httpx.Response:
    server.enqueue(reply)
    return http.send(http.build_request("GET", f"{server.url}/v1/messages/batches/b/results"), stream=True)


def test_decoder_over_http(anthropic_server: FakeAnthropicServer, http: httpx.Client) -> None:
    chunks = [BODY[i : i + 5] for i in range(0, len(BODY), 5)]
    response = get(http, anthropic_server, Reply(chunks=chunks, content_type="application/binary"))
    with JSONLDecoder(line_type=Row, http_response=response) as decoder:
        assert decoder.http_response is response
        rows = list(decoder)
    assert [r.model_dump() for r in rows] == ROWS
    assert all(isinstance(r, Row) for r in rows)
    assert response.is_closed


def test_malformed_line_names_its_number(anthropic_server: FakeAnthropicServer, http: httpx.Client) -> None:
    body = b'{"custom_id": "a", "n": 1}\n\n{"custom_id": "b", \n'
    response = get(http, anthropic_server, Reply(chunks=[body]))
    decoder = JSONLDecoder(line_type=Row, http_response=response)
    assert next(decoder).custom_id == "a"
    with pytest.raises(APIResponseValidationError, match="Line 2 of the JSON Lines response is not valid JSON"):
        next(decoder)
    assert response.is_closed


def test_dropped_connection(anthropic_server: FakeAnthropicServer, http: httpx.Client) -> None:
    response = get(http, anthropic_server, Reply(chunks=[BODY, BODY], drop_after=1))
    with pytest.raises(APIConnectionError):
        list(JSONLDecoder(line_type=Row, http_response=response))


def test_close_early(anthropic_server: FakeAnthropicServer, http: httpx.Client) -> None:
    response = get(http, anthropic_server, Reply(chunks=[BODY, BODY], pause_after={1: 5.0}))
    decoder = JSONLDecoder(line_type=Row, http_response=response)
    assert next(decoder).n == 1
    decoder.close()
    assert response.is_closed


def test_raw_iterator_and_dicts() -> None:
    response = httpx.Response(200, content=b"")
    decoder = JSONLDecoder(line_type=dict, http_response=response, raw_iterator=iter([b'{"a"', b": 1}\n[2]"]))
    assert list(decoder) == [{"a": 1}, [2]]


@pytest.fixture
async def ahttp() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


@pytest.mark.anyio
async def test_async_decoder_over_http(anthropic_server: FakeAnthropicServer, ahttp: httpx.AsyncClient) -> None:
    anthropic_server.enqueue(Reply(chunks=[BODY[i : i + 3] for i in range(0, len(BODY), 3)]))
    response = await ahttp.send(ahttp.build_request("GET", f"{anthropic_server.url}/results"), stream=True)
    async with AsyncJSONLDecoder(line_type=Row, http_response=response) as decoder:
        rows = [row async for row in decoder]
    assert [r.model_dump() for r in rows] == ROWS
    assert response.is_closed

    anthropic_server.enqueue(Reply(chunks=[b'{"custom_id": "x", "n": 1}\nnope\n']))
    response = await ahttp.send(ahttp.build_request("GET", f"{anthropic_server.url}/results"), stream=True)
    decoder = AsyncJSONLDecoder(line_type=Row, http_response=response)
    assert (await decoder.__anext__()).custom_id == "x"
    with pytest.raises(APIResponseValidationError, match="Line 2"):
        await decoder.__anext__()
