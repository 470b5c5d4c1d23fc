"""Benchmark this SDK against the official SDK 0.74.0 and a raw httpx floor (stdlib only; see benchmarks/README.md).

    uv run --frozen python benchmarks/run.py            # full run (~10 min on 2 cores), writes docs/performance.md
    python3 benchmarks/run.py --quick --no-write         # smoke test of the harness (~1 min)

Each measurement runs in a fresh subprocess of the contender's own virtual environment (under ``.bench/``), against
one canned-bytes HTTP server on 127.0.0.1 (benchmarks/server.py). Contenders are interleaved inside every workload
(A B C, B C A, C A B, ...) so machine drift hits all of them alike; ratios are taken per round, then the median.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
CLIENT = Path(__file__).resolve().parent / "client.py"
SERVER = Path(__file__).resolve().parent / "server.py"
OFFICIAL_SPEC = "anthropic[bedrock]==0.74.0"

CONTENDERS = ("raw", "official", "ours")
LABELS = {"raw": "raw httpx", "official": "official 0.74.0", "ours": "this SDK"}


# ----------------------------------------------------------------------------------------------- environments


def _run(cmd: list[str], **kw: Any) -> None:
    print("  $", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def ensure_venv(name: str, packages: list[str], python: str) -> Path:
    """Create ``.bench/<name>`` with ``packages`` unless a marker says it already holds exactly them."""
    venv = BENCH / name
    py = venv / "bin" / "python"
    marker = venv / ".bench-ready"
    spec = json.dumps(packages)
    if py.exists() and marker.exists() and marker.read_text() == spec:
        return py
    print(f"creating {venv} with {' '.join(packages)}", flush=True)
    uv = shutil.which("uv")
    if uv:
        _run([uv, "venv", "-q", "--allow-existing", "--python", python, str(venv)])
        _run([uv, "pip", "install", "-q", "--python", str(py), *packages], cwd=ROOT)
    else:
        _run([python, "-m", "venv", str(venv)])
        _run([str(py), "-m", "pip", "install", "-q", *packages], cwd=ROOT)
    marker.write_text(spec)
    return py


def interpreters(args: argparse.Namespace) -> dict[str, str]:
    BENCH.mkdir(exist_ok=True)
    base_python = args.python or _base_python()
    official = ensure_venv("official", [OFFICIAL_SPEC], base_python)
    if args.ours_python:
        ours = Path(args.ours_python)
    else:
        ours = ensure_venv("workspace", ["-e", "packages/core", "-e", "packages/bedrock"], base_python)
    # The raw floor runs in the official venv: same httpx/httpcore/h11 (and botocore for SigV4) versions.
    return {"raw": str(official), "official": str(official), "ours": str(ours)}


def _base_python() -> str:
    """The interpreter to build venvs from: the base of the running one, so every contender shares a CPython build."""
    return str(Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}")


# ----------------------------------------------------------------------------------------------- workloads


@dataclass
class Metric:
    key: str
    label: str
    unit: str
    higher_is_better: bool = False
    target: str = ""  # human text
    check: Any = None  # fn(ratio_to_raw, ratio_to_official) -> bool


@dataclass
class Workload:
    name: str
    title: str
    client_workload: str
    params: dict[str, Any]
    metrics: list[Metric]
    rounds_attr: str = "rounds"
    timeout: float = 300.0
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def workloads(a: argparse.Namespace) -> list[Workload]:
    le = lambda limit: lambda raw, off: raw <= limit  # noqa: E731
    stream_metrics = lambda target: [  # noqa: E731
        Metric("stream_ms", "time for the whole stream", "ms", target=f"<= {target}x raw", check=le(target)),
        Metric("deltas_per_s", "deltas per second", "/s", higher_is_better=True),
        Metric("peak_rss_mib", "peak RSS of the process", "MiB"),
    ]
    seq = {"n": a.seq_calls, "warmup": 30}
    return [
        Workload(
            "import",
            "cold `import anthropic` (raw: `import httpx`)",
            "import",
            {},
            [
                Metric("import_ms", "import time", "ms", target="<= 1.4x raw", check=le(1.4)),
                Metric("rss_mib", "RSS after import", "MiB", target="<= 1.3x raw", check=le(1.3)),
            ],
            rounds_attr="import_rounds",
        ),
        Workload(
            "first_call",
            "first call in a fresh process (import, client, one create)",
            "first_call",
            {},
            [Metric("first_call_ms", "import + client + 1 create", "ms"), Metric("rss_mib", "RSS after", "MiB")],
            rounds_attr="import_rounds",
        ),
        Workload(
            "construct",
            "client construction (raw: `httpx.Client`)",
            "construct",
            {"n": 20},
            [
                Metric("first_construct_ms", "first client after import", "ms"),
                Metric("construct_ms", "later clients (median of 20)", "ms", target="<= 1.0x raw", check=le(1.0)),
            ],
        ),
        Workload(
            "sequential",
            f"sequential `messages.create` ({a.seq_calls} calls)",
            "sequential",
            seq,
            [
                Metric("per_call_us", "per call, median", "us", target="<= 1.15x raw", check=le(1.15)),
                Metric("p90_us", "per call, p90", "us"),
            ],
        ),
        Workload(
            "stream_text_1",
            f"`messages.stream` + `text_stream`, {a.deltas} deltas, 1 event/chunk",
            "stream",
            {"mode": "text", "per_chunk": 1, "deltas": a.deltas},
            stream_metrics(1.4),
            rounds_attr="stream_rounds",
        ),
        Workload(
            "stream_text_50",
            f"`messages.stream` + `text_stream`, {a.deltas} deltas, 50 events/chunk",
            "stream",
            {"mode": "text", "per_chunk": 50, "deltas": a.deltas},
            stream_metrics(1.4),
            rounds_attr="stream_rounds",
        ),
        Workload(
            "stream_events_1",
            f"`create(stream=True)` events, {a.deltas} deltas, 1 event/chunk",
            "stream",
            {"mode": "events", "per_chunk": 1, "deltas": a.deltas},
            stream_metrics(1.25),
            rounds_attr="stream_rounds",
        ),
        Workload(
            "stream_events_50",
            f"`create(stream=True)` events, {a.deltas} deltas, 50 events/chunk",
            "stream",
            {"mode": "events", "per_chunk": 50, "deltas": a.deltas},
            stream_metrics(1.25),
            rounds_attr="stream_rounds",
        ),
        Workload(
            "concurrent",
            f"{a.concurrency} concurrent async creates",
            "concurrent",
            {"n": a.concurrency, "seq": 100},
            [
                Metric("fresh_ms", "burst on a fresh pool", "ms", target="<= 1.1x raw", check=le(1.1)),
                Metric("steady_ms", "second burst, same client", "ms", target="<= 1.1x raw", check=le(1.1)),
                Metric("async_seq_us", "sequential async create, median", "us"),
            ],
            rounds_attr="heavy_rounds",
        ),
        Workload(
            "batch",
            f"batch results, {a.batch_lines} JSONL lines",
            "batch",
            {"lines": a.batch_lines},
            [
                Metric("batch_ms", "decode time", "ms"),
                Metric(
                    "lines_per_s",
                    "lines per second",
                    "/s",
                    higher_is_better=True,
                    target=">= 2x official",
                    check=lambda raw, off: off >= 2.0,
                ),
                Metric("rss_growth_mib", "peak RSS growth while decoding", "MiB", target="flat"),
            ],
            rounds_attr="heavy_rounds",
            timeout=600,
        ),
        Workload(
            "large",
            "large response (~1 MB, many content blocks), create",
            "large",
            {"n": a.large_calls},
            [Metric("large_ms", "per call, median", "ms")],
        ),
        Workload(
            "bedrock",
            "`AnthropicBedrock` create with SigV4 (raw: botocore SigV4Auth + httpx)",
            "bedrock",
            {"n": a.bedrock_calls, "warmup": 20},
            [Metric("per_call_us", "per call, median", "us"), Metric("p90_us", "per call, p90", "us")],
        ),
    ]


# ----------------------------------------------------------------------------------------------- running


def clean_env() -> dict[str, str]:
    """The contender sees no credentials, base URLs or venv of ours; plugin autoload stays at its default (on)."""
    drop = ("ANTHROPIC_", "AWS_", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "UV_")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, str(SERVER), "0"], stdout=subprocess.PIPE, text=True, env=clean_env())
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        proc.kill()
        raise SystemExit(f"benchmark server failed to start: {line!r}")
    return proc, f"http://127.0.0.1:{int(line.split()[1])}"


def run_one(python: str, contender: str, wl: Workload, base: str, env: dict[str, str]) -> dict[str, Any]:
    kind = "raw" if contender == "raw" else "sdk"
    cmd = [python, str(CLIENT), kind, wl.client_workload, base, json.dumps(wl.params)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=wl.timeout, env=env, cwd=BENCH)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {wl.timeout:.0f}s"}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
        return {"error": last[:200]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------------------------- reporting


def fmt(value: float, unit: str) -> str:
    if unit == "/s":
        return f"{value / 1000:,.1f}k" if value >= 1000 else f"{value:,.0f}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def summarise(wl: Workload, metric: Metric) -> dict[str, Any]:
    """Median/min/max per contender, plus per-round ratios (same round) folded into their median."""
    per: dict[str, list[float | None]] = {
        c: [r.get(metric.key) if "error" not in r and "skipped" not in r else None for r in wl.results.get(c, [])]
        for c in CONTENDERS
    }
    out: dict[str, Any] = {"cells": {}, "ratios": {}}
    for c, vals in per.items():
        got = [v for v in vals if v is not None]
        if got:
            out["cells"][c] = (statistics.median(got), min(got), max(got), len(got))
    for num, den in (("ours", "raw"), ("ours", "official"), ("official", "raw")):
        pairs = [(x, y) for x, y in zip(per.get(num, []), per.get(den, []), strict=False) if x is not None and y]
        if pairs:
            out["ratios"][f"{num}/{den}"] = statistics.median(x / y for x, y in pairs)
    return out


def notes_for(wl: Workload) -> list[str]:
    notes = []
    for c in CONTENDERS:
        for r in wl.results.get(c, []):
            if "skipped" in r:
                notes.append(f"{LABELS[c]}: skipped ({r['skipped']})")
                break
            if "error" in r:
                notes.append(f"{LABELS[c]}: error ({r['error']})")
                break
    return notes


def render(wls: list[Workload]) -> tuple[str, list[str]]:
    head = (
        "| workload | metric | raw httpx | official 0.74.0 | this SDK | ours/raw | ours/official | official/raw | target |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    rows, notes = [], []
    for wl in wls:
        for i, metric in enumerate(wl.metrics):
            s = summarise(wl, metric)
            cells = []
            for c in CONTENDERS:
                if c in s["cells"]:
                    med, lo, hi, _n = s["cells"][c]
                    cells.append(f"{fmt(med, metric.unit)} ({fmt(lo, metric.unit)}-{fmt(hi, metric.unit)})")
                else:
                    cells.append("n/a")
            ratios = [s["ratios"].get(k) for k in ("ours/raw", "ours/official", "official/raw")]
            rtxt = [f"{r:.2f}x" if r is not None else "n/a" for r in ratios]
            verdict = metric.target
            if metric.check and ratios[0] is not None and ratios[1] is not None:
                verdict += " " + ("**met**" if metric.check(ratios[0], ratios[1]) else "**missed**")
            unit = "" if metric.unit == "/s" else f" ({metric.unit})"
            label = f"{metric.label}{unit}" + (" (higher is better)" if metric.higher_is_better else "")
            title = wl.title if i == 0 else ""
            rows.append(f"| {title} | {label} | " + " | ".join(cells + rtxt) + f" | {verdict} |")
        notes += [f"- {wl.name}: {n}" for n in notes_for(wl)]
    return head + "\n".join(rows) + "\n", notes


def machine_facts(pythons: dict[str, str]) -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem_gib = int(mem.split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gib = 0.0
    versions = {}
    for name, py in (("official venv", pythons["official"]), ("our venv", pythons["ours"])):
        code = (
            "import sys, importlib.metadata as m; print(sys.version.split()[0], "
            "m.version('httpx'), m.version('httpcore'), m.version('pydantic'), m.version('anthropic'))"
        )
        try:
            out = subprocess.run([py, "-c", code], capture_output=True, text=True, timeout=60).stdout.split()
            versions[name] = (
                f"CPython {out[0]}, httpx {out[1]}, httpcore {out[2]}, pydantic {out[3]}, anthropic {out[4]}"
            )
        except (OSError, IndexError, subprocess.TimeoutExpired):
            versions[name] = "unknown"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores, {mem_gib:.1f} GiB RAM; {platform.system()} {platform.release()}",
        *(f"- {k}: {v}" for k, v in versions.items()),
        f"- workspace commit: {commit.stdout.strip() or 'unknown'} (plus uncommitted changes, if any)",
    ]


# ----------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "--rounds", type=int, default=3, help="rounds of light workloads (construct, sequential, large, bedrock)"
    )
    p.add_argument("--import-rounds", type=int, default=6, help="rounds of import and first-call (fresh processes)")
    p.add_argument("--stream-rounds", type=int, default=2, help="rounds of each 20,000-delta stream workload")
    p.add_argument("--heavy-rounds", type=int, default=2, help="rounds of concurrency and batch decoding")
    p.add_argument("--deltas", type=int, default=20_000, help="text deltas per stream")
    p.add_argument("--batch-lines", type=int, default=100_000, help="JSONL lines in the batch results body")
    p.add_argument("--seq-calls", type=int, default=500, help="timed calls per sequential-create run")
    p.add_argument("--large-calls", type=int, default=15, help="timed calls per large-response run")
    p.add_argument("--bedrock-calls", type=int, default=200, help="timed calls per Bedrock run")
    p.add_argument("--concurrency", type=int, default=200, help="concurrent async creates per burst")
    p.add_argument("--only", default="", help="comma-separated workload names to run (default: all)")
    p.add_argument("--quick", action="store_true", help="2 rounds and small sizes: a smoke test of the harness")
    p.add_argument("--python", default="", help="base interpreter for the .bench venvs (default: this one's base)")
    p.add_argument("--ours-python", default="", help="use this interpreter for our SDK instead of .bench/workspace")
    p.add_argument("--output", default=str(ROOT / "docs" / "performance.md"), help="markdown file to write")
    p.add_argument("--no-write", action="store_true", help="print the table only")
    args = p.parse_args(argv)
    if args.quick:
        args.rounds = args.import_rounds = args.stream_rounds = args.heavy_rounds = 2
        args.deltas, args.batch_lines, args.seq_calls = 2000, 5000, 100
        args.large_calls, args.bedrock_calls, args.concurrency = 3, 50, 50
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    pythons = interpreters(args)
    env = clean_env()
    wls = workloads(args)
    if args.only:
        wanted = set(args.only.split(","))
        wls = [w for w in wls if w.name in wanted]
    server, base = start_server()
    started = time.time()
    load_start = os.getloadavg()
    try:
        # Compile bytecode and warm the page cache once per interpreter, unrecorded.
        warm = Workload("warm", "", "first_call", {}, [])
        for c in CONTENDERS:
            run_one(pythons[c], c, warm, base, env)
        for wl in wls:
            rounds = getattr(args, wl.rounds_attr)
            for r in range(rounds):
                order = CONTENDERS[r % 3 :] + CONTENDERS[: r % 3]
                for c in order:
                    res = run_one(pythons[c], c, wl, base, env)
                    wl.results.setdefault(c, []).append(res)
                # Keep the rounds aligned: results lists are indexed by round, whatever the order.
                short = " ".join(
                    f"{c}={next(iter(wl.results[c][-1].values()))!s:.8}" for c in CONTENDERS if wl.results.get(c)
                )
                print(f"[{time.time() - started:6.0f}s] {wl.name} round {r + 1}/{rounds}: {short}", flush=True)
    finally:
        server.kill()
        server.wait()
    elapsed = time.time() - started
    load_end = os.getloadavg()

    table, notes = render(wls)
    print()
    print(table)
    for n in notes:
        print(n)
    BENCH.joinpath("results").mkdir(exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dump = {w.name: w.results for w in wls}
    BENCH.joinpath("results", f"{stamp}.json").write_text(json.dumps(dump, indent=1))

    if not args.no_write:
        facts = machine_facts(pythons)
        knobs = (
            f"rounds: import/first call {args.import_rounds}, light {args.rounds}, streams {args.stream_rounds}, "
            f"concurrency/batch {args.heavy_rounds}; {args.deltas} deltas, {args.batch_lines} JSONL lines, "
            f"{args.seq_calls} sequential calls, {args.concurrency} concurrent"
        )
        text = DOC_TEMPLATE.format(
            date=_dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            command=command.strip(),
            facts="\n".join(facts),
            knobs=knobs,
            elapsed=elapsed,
            load=f"{load_start[0]:.2f} at start, {load_end[0]:.2f} at end",
            table=table,
            notes="\n".join(notes) or "- none",
            hand=kept_hand_written(Path(args.output)),
        )
        Path(args.output).write_text(text)
        print(f"\nwrote {args.output} ({elapsed:.0f}s)")
    return 0


HAND_START = "<!-- hand-written: benchmarks/run.py keeps everything from here to the end marker -->"
HAND_END = "<!-- end of hand-written part -->"


def kept_hand_written(path: Path) -> str:
    """The hand-written block (caveats, hotspots) of the previous output, to carry over; empty if none."""
    try:
        text = path.read_text()
    except OSError:
        return ""
    start = text.find(HAND_START)
    end = text.find(HAND_END, start)
    if start < 0 or end < 0:
        return ""
    return text[start : end + len(HAND_END)] + "\n\n"


DOC_TEMPLATE = """# Performance

Measured by `benchmarks/` (see `benchmarks/README.md`): this SDK against the official SDK 0.74.0 from PyPI and a
floor written with raw httpx + json (SSE parsed by hand), each in its own virtual environment under `.bench/`, all
talking to one canned-bytes HTTP/1.1 server on 127.0.0.1 in a separate process. Every measurement is a fresh
subprocess; contenders are interleaved inside each workload (A B C, B C A, ...). Cells are the median over rounds
with (min-max); ratios are computed per round (same round, same server) and their median is shown, so a ratio may
differ slightly from the ratio of the medians. Lower is better unless a row says otherwise.

## Last full run

- date: {date}; wall time {elapsed:.0f} s; load average {load}
- command: `{command}`
{facts}
- knobs: {knobs}

{table}
Skipped or failed:
{notes}

{hand}## Reading the table

- `import`: time of `import anthropic` inside a fresh interpreter (raw: `import httpx`), and RSS right after it.
- `first call`: from before the import to a parsed response of one `messages.create`, fresh process.
- `client construction`: the first client after import pays lazy imports and TLS set-up; later clients are the median
  of 20 more in the same process (raw: `httpx.Client` with the official SDK's pool limits).
- `sequential`: 30 warm-up calls then timed calls on one client, one small Message per call.
- streams: one warm-up 20-delta stream, then one timed stream of N text deltas; the server sends either one SSE
  event per HTTP chunk or 50 events per chunk. Peak RSS is the process high-water mark (VmHWM).
- `concurrent`: a throwaway client warms imports, then a new `AsyncAnthropic` runs a burst on a fresh pool and a
  second burst on the now-warm pool (httpcore 1.0 has a known slow path on the second burst, encode/httpcore#1035).
- `batch`: `client.messages.batches.results(id)` (retrieve + JSONL stream) iterated to the end; RSS growth is the
  peak during decoding minus RSS before it (flat = a few MiB, not the 35 MB body).
- `large`: a ~1 MB Message with ~2,000 text and tool_use blocks, create + parse.
- `bedrock`: `AnthropicBedrock(...).messages.create` with static credentials (SigV4 on every request); the raw
  floor signs with botocore's `SigV4Auth` and sends with httpx.

The machine is shared: when its load average is high, absolute numbers move a lot between runs; the interleaved
ratios are the figures to compare.
"""


if __name__ == "__main__":
    raise SystemExit(main())
