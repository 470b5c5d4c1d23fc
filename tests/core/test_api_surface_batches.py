"""Batch results: JSON Lines streamed from `results_url` and decoded line by line, in constant memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from _api_surface_helpers import BATCH_REQUEST, Api, open_api

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


SUCCEEDED_LINE = (
    '{"custom_id":"req-{i}","result":{"type":"succeeded","message":{"id":"msg_{i}","type":"message",'
    '"role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"The answer is 42."}],'
    '"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":6}}}}'
)
CANCELED_LINE = '{"custom_id":"req-{i}-' + "x" * 400 + '","result":{"type":"canceled"}}'


def _ended_batch(api: Api, beta: bool = False) -> tuple[Any, str]:
    batches = api.client.beta.messages.batches if beta else api.client.messages.batches
    batch = api.run(batches.create(requests=[BATCH_REQUEST]))
    api.run(batches.retrieve(batch.id))
    return batches, batch.id


def test_results_arrive_in_any_chunking(api: Api) -> None:
    batches, batch_id = _ended_batch(api)
    lines = [
        {
            "custom_id": "a",
            "result": {
                "type": "errored",
                "error": {"type": "error", "error": {"type": "invalid_request_error", "message": "bad"}},
            },
        },
        {"custom_id": "b", "result": {"type": "expired"}},
        {"custom_id": "c", "result": {"type": "canceled"}},
        {"custom_id": "d", "result": {"type": "brand_new_result", "extra": 1}},
    ]
    body = "\r\n".join(json.dumps(line) for line in lines).encode() + b"\n\n"
    chunks = [body[i : i + 7] for i in range(0, len(body), 7)]  # lines split across chunk boundaries
    api.server.enqueue(
        Reply(chunks=chunks, content_type="application/binary"), path=f"/v1/messages/batches/{batch_id}/results"
    )
    results = api.items(api.run(batches.results(batch_id)))
    assert [(r.custom_id, r.result.type) for r in results] == [
        ("a", "errored"),
        ("b", "expired"),
        ("c", "canceled"),
        ("d", "brand_new_result"),  # an unknown result type is kept, not an error
    ]
    assert results[0].result.error.error.message == "bad"


def test_malformed_line_names_its_number(api: Api) -> None:
    batches, batch_id = _ended_batch(api)
    body = b'{"custom_id": "a", "result": {"type": "canceled"}}\n{"custom_id": "b", oops\n'
    api.server.enqueue(
        Reply(body=body, content_type="application/binary"), path=f"/v1/messages/batches/{batch_id}/results"
    )
    decoder = api.run(batches.results(batch_id))
    with pytest.raises(
        anthropic.APIResponseValidationError, match="Line 2 of the JSON Lines response is not valid JSON"
    ):
        api.items(decoder)


def test_results_errors_are_api_errors(api: Api) -> None:
    batches, batch_id = _ended_batch(api, beta=True)
    api.server.enqueue(Reply.error(404, message="results gone"), path=f"/v1/messages/batches/{batch_id}/results")
    with pytest.raises(anthropic.NotFoundError, match="results gone"):
        api.run(batches.results(batch_id))


def test_decoder_closes_its_response(api: Api) -> None:
    batches, batch_id = _ended_batch(api)
    decoder = api.run(batches.results(batch_id))
    assert not decoder.http_response.is_closed
    api.run(decoder.close())
    assert decoder.http_response.is_closed


_SERVER = r"""
import json, sys
import anthropic
from anthropic.testing import FakeAnthropicServer, Reply
count, line = int(sys.argv[1]), sys.argv[2].encode()
with FakeAnthropicServer() as server:
    client = anthropic.Anthropic(api_key="k", base_url=server.url)
    batch = client.messages.batches.create(
        requests=[{"custom_id": "a", "params": {"model": "m", "max_tokens": 1, "messages": []}}]
    )
    client.messages.batches.retrieve(batch.id)
    body = b"".join(line.replace(b"{i}", b"%06d" % i) + b"\n" for i in range(count))
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    server.enqueue(Reply(chunks=chunks, content_type="application/binary"), path=f"/v1/messages/batches/{batch.id}/results")
    server.enqueue(Reply(chunks=chunks, content_type="application/binary"), path=f"/v1/messages/batches/{batch.id}/results")
    print(json.dumps({"url": server.url, "batch": batch.id, "bytes": len(body)}), flush=True)
    sys.stdin.read()
"""


def _measure(count: int, line: str) -> dict[str, float]:
    """Decode `count` result lines served by a fake server in another process (so only our memory is traced)."""
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(count), line],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        info = json.loads(server.stdout.readline())
        client = anthropic.Anthropic(api_key="k", base_url=info["url"], max_retries=0)
        assert sum(1 for _ in client.messages.batches.results(info["batch"])) == count  # warm-up (schemas, pool)
        start = time.perf_counter()
        tracemalloc.start()
        try:
            seen = sum(1 for _ in client.messages.batches.results(info["batch"]))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert seen == count
        client.close()
        return {"bytes": info["bytes"], "peak": peak, "seconds": time.perf_counter() - start}
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(10)


def test_results_decode_in_constant_memory() -> None:
    small = _measure(600, CANCELED_LINE)
    large = _measure(6_000, CANCELED_LINE)
    assert large["bytes"] > 2_000_000
    # ten times the lines, same memory: nothing accumulates while the file streams by
    assert large["peak"] < 2_000_000 and large["peak"] < small["peak"] + 500_000, (small, large)


@pytest.mark.soak
@pytest.mark.skipif(not os.environ.get("ANTHROPIC_SOAK"), reason="benchmark: set ANTHROPIC_SOAK=1 to run")
def test_results_benchmark_100k_lines() -> None:
    result = _measure(100_000, SUCCEEDED_LINE)
    print(f"\n100,000 result lines, {result['bytes'] / 1e6:.1f} MB: peak traced {result['peak'] / 1e6:.2f} MB")
    assert result["peak"] < 3_000_000
