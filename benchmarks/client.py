"""One measurement in a fresh process, run with a contender's interpreter.

Usage: ``<python> benchmarks/client.py <sdk|raw> <workload> <base_url> <json-params>``; prints one JSON line.
``sdk`` drives the public ``anthropic`` API (the same code for this workspace and the official SDK: the
interpreter decides which one is imported); ``raw`` is the floor written with httpx + json and SSE parsed by hand.

Only ``sys``, ``time`` and ``os`` are imported before the measured import, so RSS and import figures are not
inflated by the harness.
"""

import os
import sys
import time

T_START = time.perf_counter()


def rss_kib() -> tuple[int, int]:
    """(current RSS, peak RSS) in KiB from /proc/self/status."""
    cur = peak = 0
    with open("/proc/self/status", "rb") as f:
        for line in f:
            if line.startswith(b"VmRSS:"):
                cur = int(line.split()[1])
            elif line.startswith(b"VmHWM:"):
                peak = int(line.split()[1])
    return cur, peak


MODEL = "claude-sonnet-4-5-20250929"
MESSAGES = [{"role": "user", "content": "Hello, Claude"}]
API_KEY = "sk-ant-bench-0000"
AWS = {"aws_access_key": "AKIDBENCH0000", "aws_secret_key": "bench-secret-0000", "aws_region": "us-east-1"}


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


# --------------------------------------------------------------------------------------------- SDK contender


class SDK:
    def __init__(self, base: str, params: dict) -> None:
        self.base = base
        self.params = params

    def import_(self) -> dict:
        t0 = time.perf_counter()
        import anthropic  # noqa: F401

        t1 = time.perf_counter()
        cur, _ = rss_kib()
        return {"import_ms": (t1 - t0) * 1e3, "rss_mib": cur / 1024}

    def client(self, prefix: str = "small"):
        import anthropic

        return anthropic.Anthropic(api_key=API_KEY, base_url=f"{self.base}/{prefix}", max_retries=0)

    def create(self, client, **kw):
        return client.messages.create(model=MODEL, max_tokens=1024, messages=MESSAGES, **kw)

    def first_call(self) -> dict:
        t0 = time.perf_counter()
        import anthropic

        client = anthropic.Anthropic(api_key=API_KEY, base_url=f"{self.base}/small", max_retries=0)
        msg = self.create(client)
        t1 = time.perf_counter()
        assert msg.content[0].text.startswith("Hello"), msg
        cur, _ = rss_kib()
        return {"first_call_ms": (t1 - t0) * 1e3, "rss_mib": cur / 1024}

    def construct(self) -> dict:
        import anthropic

        n = self.params.get("n", 20)
        t0 = time.perf_counter()
        first = anthropic.Anthropic(api_key=API_KEY, base_url=f"{self.base}/small")
        t1 = time.perf_counter()
        times, clients = [], [first]
        for _ in range(n):
            a = time.perf_counter()
            c = anthropic.Anthropic(api_key=API_KEY, base_url=f"{self.base}/small")
            times.append(time.perf_counter() - a)
            clients.append(c)
        for c in clients:
            c.close()
        return {"first_construct_ms": (t1 - t0) * 1e3, "construct_ms": percentile(times, 0.5) * 1e3}

    def sequential(self) -> dict:
        client = self.client()
        for _ in range(self.params.get("warmup", 30)):
            self.create(client)
        times = []
        for _ in range(self.params.get("n", 500)):
            a = time.perf_counter()
            self.create(client)
            times.append(time.perf_counter() - a)
        out = {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}
        watch = self.params.get("watch_module")
        if watch:  # did the plugin under test load in this process (the with/without rows rely on it)?
            out["watched_loaded"] = any(m == watch or m.startswith(watch + ".") for m in sys.modules)
        return out

    def plugin_ab(self) -> dict:
        """This SDK only: a plugin's per-call cost measured in one process, where both sides see the same load.

        Two plugin hosts (private API of this SDK): one with the default environment, one built with the plugin in
        ANTHROPIC_PLUGINS_BLOCK; a client is built under each, and blocks of calls alternate between the two.
        """
        from anthropic._plugins.host import PluginHost, set_host

        dist, block_size = self.params["block"], self.params.get("block_size", 25)
        import importlib

        for module in self.params.get("import", ()):  # e.g. the application imports OpenTelemetry, sets no provider
            importlib.import_module(module)

        def norm(name) -> str:
            return (name or "").replace("_", "-").lower()

        def client_under(env_block):
            if env_block:
                os.environ["ANTHROPIC_PLUGINS_BLOCK"] = env_block
            else:
                os.environ.pop("ANTHROPIC_PLUGINS_BLOCK", None)
            host = PluginHost()
            set_host(host)
            client = self.client()
            self.create(client)  # builds the platform runtime (and the plugin's observers) under this host
            return client, any(norm(p.distribution) == norm(dist) for p in host.loaded)

        with_plugin, on = client_under("")
        without, off = client_under(dist)
        os.environ.pop("ANTHROPIC_PLUGINS_BLOCK", None)
        # One client, two runtimes: the blocks alternate the runtime its host built with and without the plugin
        # (private attribute), so both sides share one connection and one pool and differ only by the plugin.
        runtimes = {id(with_plugin): with_plugin._platform, id(without): without._platform}
        client = with_plugin

        def use(side):
            client._platform = runtimes[id(side)]
            return client
        for _ in range(self.params.get("warmup", 30)):
            self.create(use(with_plugin))
            self.create(use(without))

        def block(side) -> float:
            client = use(side)
            times = []
            for _ in range(block_size):
                a = time.perf_counter()
                self.create(client)
                times.append(time.perf_counter() - a)
            return percentile(times, 0.5)

        ratios, w_all, wo_all = [], [], []
        for i in range(self.params.get("blocks", 20)):
            pair = (with_plugin, without) if i % 2 == 0 else (without, with_plugin)
            first, second = block(pair[0]), block(pair[1])
            w, wo = (first, second) if i % 2 == 0 else (second, first)
            w_all.append(w)
            wo_all.append(wo)
            ratios.append(w / wo)
        # The A/B above cannot resolve a few percent on a shared VM (two identical runtimes differ by +-4% there).
        # So also time the work the plugin adds to each call on its own, in many repetitions of CPU time: starting
        # the observers of the runtime built with it (private API) for a request like the ones above.
        from anthropic._observe import start_request
        from anthropic._request import APIRequest

        observers = runtimes[id(with_plugin)].observers
        request = APIRequest(
            "POST", "/v1/messages", object, endpoint="messages.create",
            body={"model": MODEL, "max_tokens": 1024, "messages": MESSAGES},
        )  # fmt: skip
        reps = 20000
        started = time.thread_time()
        for _ in range(reps):
            if observers:
                start_request(observers, request)
        added = (time.thread_time() - started) / reps
        without_s = percentile(wo_all, 0.5)
        return {
            "ab_ratio": percentile(ratios, 0.5),
            "cost_ratio": 1 + added / without_s,
            "added_us": added * 1e6,
            "with_us": percentile(w_all, 0.5) * 1e6,
            "without_us": without_s * 1e6,
            "plugin_on": on,
            "plugin_blocked": not off,
        }

    def async_sequential(self) -> dict:
        import asyncio

        import anthropic

        async def main() -> dict:
            client = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=f"{self.base}/small", max_retries=0)
            for _ in range(self.params.get("warmup", 30)):
                await client.messages.create(model=MODEL, max_tokens=1024, messages=MESSAGES)
            times = []
            for _ in range(self.params.get("n", 500)):
                a = time.perf_counter()
                await client.messages.create(model=MODEL, max_tokens=1024, messages=MESSAGES)
                times.append(time.perf_counter() - a)
            await client.close()
            return {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}

        return asyncio.run(main())

    def _stream_run(self, mode: str, prefix: str) -> int:
        client = self.client(prefix)
        count = 0
        if mode == "text":
            with client.messages.stream(model=MODEL, max_tokens=1024, messages=MESSAGES) as stream:
                for _text in stream.text_stream:
                    count += 1
        else:
            for event in self.create(client, stream=True):
                if event.type == "content_block_delta":
                    count += 1
        client.close()
        return count

    def stream(self) -> dict:
        mode, per_chunk, n = self.params["mode"], self.params["per_chunk"], self.params["deltas"]
        self._stream_run(mode, "small")  # warm up lazy imports with a 20-delta stream
        t0 = time.perf_counter()
        count = self._stream_run(mode, f"sse{per_chunk}-{n}")
        dt = time.perf_counter() - t0
        assert count == n, (count, n)
        _, peak = rss_kib()
        return {"stream_ms": dt * 1e3, "deltas_per_s": n / dt, "peak_rss_mib": peak / 1024}

    def concurrent(self) -> dict:
        import asyncio

        import anthropic

        n = self.params.get("n", 200)

        async def main() -> dict:
            warm = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=f"{self.base}/small", max_retries=0)
            await warm.messages.create(model=MODEL, max_tokens=1024, messages=MESSAGES)
            await warm.close()
            client = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=f"{self.base}/small", max_retries=0)

            async def one():
                return await client.messages.create(model=MODEL, max_tokens=1024, messages=MESSAGES)

            t0 = time.perf_counter()
            res = await asyncio.gather(*(one() for _ in range(n)))
            t1 = time.perf_counter()
            res2 = await asyncio.gather(*(one() for _ in range(n)))
            t2 = time.perf_counter()
            assert len(res) == len(res2) == n
            await client.close()
            return {
                "fresh_ms": (t1 - t0) * 1e3,
                "steady_ms": (t2 - t1) * 1e3,
                "burst_ratio": (t2 - t1) / (t1 - t0),
            }

        return asyncio.run(main())

    def batch(self) -> dict:
        client = self.client("small")
        try:
            results = client.messages.batches.results
        except Exception as exc:  # the resource may not exist yet in this workspace
            return {"skipped": f"messages.batches.results unavailable: {type(exc).__name__}: {exc}"}
        lines = self.params.get("lines", 100_000)
        for _ in results("msgbatch_warm_n10"):  # warm up lazy imports
            pass
        cur0, _ = rss_kib()
        t0 = time.perf_counter()
        count = 0
        for item in results(f"msgbatch_bench_n{lines}"):
            if item.result.type == "succeeded":
                count += 1
        dt = time.perf_counter() - t0
        assert count == lines, (count, lines)
        _, peak = rss_kib()
        return {"batch_ms": dt * 1e3, "lines_per_s": lines / dt, "rss_growth_mib": (peak - cur0) / 1024}

    def large(self) -> dict:
        client = self.client("large")
        msg = self.create(client)
        n_blocks = len(msg.content)
        times = []
        for _ in range(self.params.get("n", 15)):
            a = time.perf_counter()
            msg = self.create(client)
            times.append(time.perf_counter() - a)
        assert len(msg.content) == n_blocks > 1000
        return {"large_ms": percentile(times, 0.5) * 1e3}

    def bedrock(self) -> dict:
        try:
            from anthropic import AnthropicBedrock
        except Exception as exc:
            return {"skipped": f"AnthropicBedrock unavailable: {type(exc).__name__}: {exc}"}
        client = AnthropicBedrock(base_url=self.base, max_retries=0, **AWS)
        model = "anthropic.claude-sonnet-4-5-20250929-v1:0"
        for _ in range(self.params.get("warmup", 20)):
            client.messages.create(model=model, max_tokens=1024, messages=MESSAGES)
        times = []
        for _ in range(self.params.get("n", 200)):
            a = time.perf_counter()
            client.messages.create(model=model, max_tokens=1024, messages=MESSAGES)
            times.append(time.perf_counter() - a)
        return {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}


# --------------------------------------------------------------------------------------------- raw httpx floor


def sse_events(chunks):
    """Hand-written SSE parser: yields (event, data) for every event in an iterator of byte chunks."""
    buf = b""
    for chunk in chunks:
        buf = buf + chunk if buf else chunk
        start = 0
        while True:
            end = buf.find(b"\n\n", start)
            if end < 0:
                break
            event = data = None
            for line in buf[start:end].split(b"\n"):
                if line.startswith(b"data:"):
                    data = line[5:].lstrip()
                elif line.startswith(b"event:"):
                    event = line[6:].strip()
            start = end + 2
            if data is not None:
                yield event, data
        buf = buf[start:]


class Raw:
    def __init__(self, base: str, params: dict) -> None:
        self.base = base
        self.params = params

    def import_(self) -> dict:
        t0 = time.perf_counter()
        import httpx  # noqa: F401

        t1 = time.perf_counter()
        cur, _ = rss_kib()
        return {"import_ms": (t1 - t0) * 1e3, "rss_mib": cur / 1024}

    def client(self, prefix: str = "small"):
        import httpx

        headers = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01", "content-type": "application/json"}
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
        return httpx.Client(base_url=f"{self.base}/{prefix}", headers=headers, limits=limits, timeout=600)

    def body(self, **kw) -> bytes:
        import json

        return json.dumps({"model": MODEL, "max_tokens": 1024, "messages": MESSAGES, **kw}).encode()

    def create(self, client) -> dict:
        import json

        r = client.post("/v1/messages", content=self.body())
        if r.status_code != 200:
            raise RuntimeError(r.status_code)
        return json.loads(r.content)

    def first_call(self) -> dict:
        t0 = time.perf_counter()
        msg = self.create(self.client())
        t1 = time.perf_counter()
        assert msg["content"][0]["text"].startswith("Hello"), msg
        cur, _ = rss_kib()
        return {"first_call_ms": (t1 - t0) * 1e3, "rss_mib": cur / 1024}

    def construct(self) -> dict:
        import httpx  # noqa: F401  (imported before timing: the SDK's `import anthropic` is too)

        n = self.params.get("n", 20)
        t0 = time.perf_counter()
        first = self.client()
        t1 = time.perf_counter()
        times, clients = [], [first]
        for _ in range(n):
            a = time.perf_counter()
            clients.append(self.client())
            times.append(time.perf_counter() - a)
        for c in clients:
            c.close()
        return {"first_construct_ms": (t1 - t0) * 1e3, "construct_ms": percentile(times, 0.5) * 1e3}

    def sequential(self) -> dict:
        client = self.client()
        for _ in range(self.params.get("warmup", 30)):
            self.create(client)
        times = []
        for _ in range(self.params.get("n", 500)):
            a = time.perf_counter()
            self.create(client)
            times.append(time.perf_counter() - a)
        return {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}

    def _stream_run(self, mode: str, prefix: str) -> int:
        import json

        client = self.client(prefix)
        count = 0
        with client.stream("POST", "/v1/messages", content=self.body(stream=True)) as r:
            for _event, data in sse_events(r.iter_bytes()):
                obj = json.loads(data)
                if obj["type"] == "content_block_delta":
                    if mode == "text":
                        delta = obj["delta"]
                        if delta["type"] == "text_delta":
                            _text = delta["text"]
                            count += 1
                    else:
                        count += 1
        client.close()
        return count

    stream = SDK.stream

    def concurrent(self) -> dict:
        import asyncio
        import json

        import httpx

        n = self.params.get("n", 200)
        headers = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01", "content-type": "application/json"}
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

        def make():
            return httpx.AsyncClient(base_url=f"{self.base}/small", headers=headers, limits=limits, timeout=600)

        async def main() -> dict:
            async with make() as warm:
                await warm.post("/v1/messages", content=self.body())
            client = make()

            async def one():
                r = await client.post("/v1/messages", content=self.body())
                return json.loads(r.content)

            t0 = time.perf_counter()
            res = await asyncio.gather(*(one() for _ in range(n)))
            t1 = time.perf_counter()
            res2 = await asyncio.gather(*(one() for _ in range(n)))
            t2 = time.perf_counter()
            assert len(res) == len(res2) == n
            await client.aclose()
            return {
                "fresh_ms": (t1 - t0) * 1e3,
                "steady_ms": (t2 - t1) * 1e3,
                "burst_ratio": (t2 - t1) / (t1 - t0),
            }

        return asyncio.run(main())

    def async_sequential(self) -> dict:
        import asyncio
        import json

        import httpx

        headers = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01", "content-type": "application/json"}
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

        async def main() -> dict:
            async with httpx.AsyncClient(
                base_url=f"{self.base}/small", headers=headers, limits=limits, timeout=600
            ) as client:

                async def one() -> dict:
                    r = await client.post("/v1/messages", content=self.body())
                    if r.status_code != 200:
                        raise RuntimeError(r.status_code)
                    return json.loads(r.content)

                for _ in range(self.params.get("warmup", 30)):
                    await one()
                times = []
                for _ in range(self.params.get("n", 500)):
                    a = time.perf_counter()
                    await one()
                    times.append(time.perf_counter() - a)
            return {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}

        return asyncio.run(main())

    def _results(self, client, batch_id: str):
        import json

        batch = json.loads(client.get(f"/v1/messages/batches/{batch_id}").content)
        with client.stream("GET", batch["results_url"]) as r:
            for line in r.iter_lines():
                if line:
                    yield json.loads(line)

    def batch(self) -> dict:
        client = self.client("small")
        client.base_url = self.base
        lines = self.params.get("lines", 100_000)
        for _ in self._results(client, "msgbatch_warm_n10"):
            pass
        cur0, _ = rss_kib()
        t0 = time.perf_counter()
        count = 0
        for item in self._results(client, f"msgbatch_bench_n{lines}"):
            if item["result"]["type"] == "succeeded":
                count += 1
        dt = time.perf_counter() - t0
        assert count == lines, (count, lines)
        _, peak = rss_kib()
        return {"batch_ms": dt * 1e3, "lines_per_s": lines / dt, "rss_growth_mib": (peak - cur0) / 1024}

    def large(self) -> dict:
        client = self.client("large")
        msg = self.create(client)
        n_blocks = len(msg["content"])
        times = []
        for _ in range(self.params.get("n", 15)):
            a = time.perf_counter()
            msg = self.create(client)
            times.append(time.perf_counter() - a)
        assert len(msg["content"]) == n_blocks > 1000
        return {"large_ms": percentile(times, 0.5) * 1e3}

    def bedrock(self) -> dict:
        """SigV4 with botocore (as the SDKs do) + httpx; the floor for a signed Bedrock call."""
        import json

        import httpx
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        creds = Credentials(AWS["aws_access_key"], AWS["aws_secret_key"])
        signer = SigV4Auth(creds, "bedrock", AWS["aws_region"])
        model = "anthropic.claude-sonnet-4-5-20250929-v1:0"
        url = f"{self.base}/model/{model}/invoke"
        body = json.dumps(
            {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 1024, "messages": MESSAGES}
        ).encode()
        client = httpx.Client(timeout=600)

        def call() -> dict:
            req = AWSRequest(method="POST", url=url, data=body, headers={"content-type": "application/json"})
            signer.add_auth(req)
            r = client.post(url, content=body, headers=dict(req.headers.items()))
            if r.status_code != 200:
                raise RuntimeError(r.status_code)
            return json.loads(r.content)

        for _ in range(self.params.get("warmup", 20)):
            call()
        times = []
        for _ in range(self.params.get("n", 200)):
            a = time.perf_counter()
            call()
            times.append(time.perf_counter() - a)
        return {"per_call_us": percentile(times, 0.5) * 1e6, "p90_us": percentile(times, 0.9) * 1e6}


def main() -> None:
    kind, workload, base, raw_params = sys.argv[1:5]
    params: dict = {}
    if workload != "import":  # keep json out of the import workload's RSS
        import json as _json

        params = _json.loads(raw_params)
    runner = (SDK if kind == "sdk" else Raw)(base, params)
    method = {"import": "import_"}.get(workload, workload)
    result = getattr(runner, method)()
    import json

    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: it is not what we measure


if __name__ == "__main__":
    main()
