"""Soak: many requests through one client with ~5% injected faults; resources must stay flat.

The short version runs in the normal suite. The full version (10,000 requests per mode) runs with
`pytest tests/reliability/test_soak.py -m soak -s` or `ANTHROPIC_SOAK=1`; it prints the numbers quoted in
docs/reliability.md.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
from _reliability import (
    GENEROUS,
    PARAMS,
    TARGETS,
    RetryClock,
    Target,
    message_events,
    message_json,
    open_fds,
    pool_summary,
)

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.testing._recording import RecordedRequest

FAULT_RATE = 0.05
THREADS = 8
TASKS = 16
# Bounds on growth between the warmed-up baseline and the end of the run.
MAX_FD_GROWTH = THREADS + TASKS + 8  # open connections are within the pool bound, plus a little slack
MAX_THREAD_GROWTH = 2  # the client starts no threads; the fake server's per-connection threads are excluded
MAX_RSS_GROWTH_MB = 40.0

DOCUMENTED = (anthropic.APIConnectionError, anthropic.APIStatusError, anthropic.APIResponseValidationError)


def _faults(good: Reply, streaming: bool) -> list[Reply]:
    faults = [
        good.replace(drop="reset"),
        good.replace(drop="before_status"),
        good.replace(drop="mid_body"),
        Reply.error(529, headers={"retry-after-ms": "1"}),
        Reply.error(500),
        Reply.html(502),
        Reply.error(429, headers={"retry-after-ms": "1"}),
        Reply.error(400, headers={"x-should-retry": "false"}),
    ]
    if streaming and good.chunks is not None:
        faults.append(good.replace(drop_after=3))
        faults.append(good.replace(chunks=list(good.chunks)[:-2]))  # clean end without message_stop
    return faults


@dataclass
class Responder:
    """Answers every request: ~FAULT_RATE of them get a random fault, the rest a good answer."""

    target: Target
    seed: int = 0
    faults_injected: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._good_json = self.target.json_reply(message_json())
        self._good_stream = self.target.stream_reply(message_events())

    def __call__(self, request: RecordedRequest) -> Reply:
        # Bedrock moves `stream` from the body into the path (`/invoke-with-response-stream`)
        streaming = bool(request.json().get("stream")) or request.path.endswith("-stream")
        good = self._good_stream if streaming else self._good_json
        with self._lock:
            if self._rng.random() >= FAULT_RATE:
                return good
            self.faults_injected += 1
            return self._rng.choice(_faults(good, streaming))


class _Server(FakeAnthropicServer):
    """The fake server with one responder for every request (no queue to refill)."""

    def __init__(self, responder: Responder) -> None:
        super().__init__(max_recorded=50)
        self._responder = responder

    def _choose(self, request: RecordedRequest) -> Reply:
        return self._responder(request)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: peak RSS is the best portable figure
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _client_threads() -> int:
    return sum(1 for t in threading.enumerate() if not t.name.startswith("fake-anthropic"))


@dataclass
class Sample:
    fds: int
    threads: int
    rss_mb: float
    pool: dict[str, int]


def _sample(client: Any) -> Sample:
    gc.collect()
    return Sample(open_fds(), _client_threads(), _rss_mb(), pool_summary(client))


def _one_sync(client: anthropic.Anthropic, i: int) -> str:
    try:
        if i % 2:
            with client.messages.create(**PARAMS, stream=True) as stream:
                kinds = [e.type for e in stream]
            assert kinds[-1] == "message_stop"
        else:
            assert client.messages.create(**PARAMS).content
        return "ok"
    except DOCUMENTED as exc:
        return type(exc).__name__


async def _one_async(client: anthropic.AsyncAnthropic, i: int) -> str:
    try:
        if i % 2:
            stream = await client.messages.create(**PARAMS, stream=True)
            async with stream:
                kinds = [e.type async for e in stream]
            assert kinds[-1] == "message_stop"
        else:
            assert (await client.messages.create(**PARAMS)).content
        return "ok"
    except DOCUMENTED as exc:
        return type(exc).__name__


def run_soak(target: Target, mode: str, total: int, warmup: int = 100) -> dict[str, Any]:
    """Run `total` calls through one client; returns outcome counts and resource samples."""
    responder = Responder(target, seed=total)
    options: dict[str, Any] = {"timeout": GENEROUS, "max_retries": 2}
    with _Server(responder) as server:
        if mode == "sync":
            with target.sync_client(server.url, **options) as client, ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(lambda i: _one_sync(client, i), range(warmup)))
                before = _sample(client)
                start = time.monotonic()
                outcomes = Counter(pool.map(lambda i: _one_sync(client, i), range(total)))
                elapsed = time.monotonic() - start
                after = _sample(client)
        else:

            async def main() -> tuple[Counter[str], Sample, Sample, float]:
                async with target.async_client(server.url, **options) as client:
                    gate = asyncio.Semaphore(TASKS)

                    async def bounded(i: int) -> str:
                        async with gate:
                            return await _one_async(client, i)

                    await asyncio.gather(*(bounded(i) for i in range(warmup)))
                    before = _sample(client)
                    start = time.monotonic()
                    outcomes = Counter(await asyncio.gather(*(bounded(i) for i in range(total))))
                    elapsed = time.monotonic() - start
                    return outcomes, before, _sample(client), elapsed

            outcomes, before, after, elapsed = asyncio.run(main())
    return {
        "mode": mode,
        "total": total,
        "outcomes": dict(outcomes),
        "faults_injected": responder.faults_injected,
        "before": before,
        "after": after,
        "seconds": round(elapsed, 1),
    }


def check(result: dict[str, Any], concurrency: int) -> None:
    before: Sample = result["before"]
    after: Sample = result["after"]
    outcomes: dict[str, int] = result["outcomes"]
    assert sum(outcomes.values()) == result["total"]  # every call ended in a response or a documented exception
    assert outcomes.get("ok", 0) >= result["total"] * 0.9
    assert result["faults_injected"] > 0
    assert after.pool["active"] == 0 and after.pool["requests"] == 0, after.pool
    assert after.pool["idle"] <= concurrency, after.pool
    assert after.fds - before.fds <= MAX_FD_GROWTH, (before, after)
    assert after.threads - before.threads <= MAX_THREAD_GROWTH, (before, after)
    assert after.rss_mb - before.rss_mb <= MAX_RSS_GROWTH_MB, (before, after)


def _report(result: dict[str, Any]) -> str:
    b, a = result["before"], result["after"]
    return (
        f"{result['mode']}: {result['total']} calls in {result['seconds']} s, {result['faults_injected']} faults injected, "
        f"outcomes {result['outcomes']}; fds {b.fds}->{a.fds}, client threads {b.threads}->{a.threads}, "
        f"RSS {b.rss_mb:.1f}->{a.rss_mb:.1f} MB, pool {b.pool}->{a.pool}"
    )


SHORT_CALLS = {"firstparty": 300}
"""Calls per mode of the short soak (CI); platforms make 200 to keep the suite within its time budget."""


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_short_soak(target: Target, mode: str, retry_clock: RetryClock) -> None:
    result = run_soak(target, mode, total=SHORT_CALLS.get(target.name, 200), warmup=50)
    check(result, THREADS if mode == "sync" else TASKS)


def _soak_enabled(config: pytest.Config) -> bool:
    return os.environ.get("ANTHROPIC_SOAK") == "1" or "soak" in (config.getoption("-m") or "")


@pytest.mark.soak
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_full_soak(target: Target, mode: str, retry_clock: RetryClock, request: pytest.FixtureRequest) -> None:
    if not _soak_enabled(request.config):
        pytest.skip("full soak runs on demand: -m soak or ANTHROPIC_SOAK=1")
    result = run_soak(target, mode, total=10_000)
    print("\nSOAK", target.name, _report(result))
    check(result, THREADS if mode == "sync" else TASKS)
