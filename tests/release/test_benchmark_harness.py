"""The pure parts of benchmarks/run.py: targets, ratios per round, chart data, venv markers. No timing, no venvs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUN_PY = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("bench_run", None)


def _workload(run: ModuleType, metrics, results, **kw):
    wl = run.Workload("w", "a workload", "sequential", {}, metrics, short="w", **kw)
    wl.results = results
    return wl


def test_ratios_are_taken_per_round_then_the_median(run: ModuleType) -> None:
    m = run.Metric("t", "time", "ms", target=run.Target("raw", 1.2))
    # Round 1: ours 2x raw; round 2: 1x; round 3: 1.1x. Median of ratios 1.1, unlike the ratio of medians (1.5).
    wl = _workload(
        run,
        [m],
        {
            "raw": [{"t": 1.0}, {"t": 10.0}, {"t": 2.0}],
            "official": [{"t": 3.0}, {"t": 30.0}, {"t": 6.0}],
            "ours": [{"t": 2.0}, {"t": 10.0}, {"t": 2.2}],
        },
    )
    s = run.summarise(wl, m)
    assert s["ratios"]["ours/raw"] == pytest.approx(1.1)
    assert s["ratios"]["official/raw"] == pytest.approx(3.0)
    assert s["cells"]["ours"] == (2.2, 2.0, 10.0, 3)
    assert run.evaluate(m.target, s) == (pytest.approx(1.1), True)
    assert "**met**" in run.verdict(m, s)


def test_failed_rounds_drop_out_of_the_ratios(run: ModuleType) -> None:
    m = run.Metric("t", "time", "ms", target=run.Target("raw", 1.2))
    results = {
        "raw": [{"t": 1.0}, {"error": "boom"}],
        "official": [{"t": 2.0}, {"t": 2.0}],
        "ours": [{"t": 1.5}, {"t": 1.0}],
    }
    s = run.summarise(_workload(run, [m], results), m)
    assert s["ratios"]["ours/raw"] == pytest.approx(1.5)
    assert run.evaluate(m.target, s)[1] is False
    assert "**missed**" in run.verdict(m, s)


@pytest.mark.parametrize(
    ("kind", "limit", "expected"),
    [
        ("raw", 1.1, False),  # ours/raw = 1.2
        ("raw", 1.25, True),
        ("official_at_least", 2.0, True),  # ours/official = 1.2 / 0.5 = 2.4
        ("value", 1.5, True),  # ours' own value 1.2
        ("value", 1.0, False),
    ],
)
def test_target_kinds(run: ModuleType, kind: str, limit: float, expected: bool) -> None:
    m = run.Metric("x", "x", "x", target=run.Target(kind, limit))
    wl = _workload(run, [m], {"raw": [{"x": 1.0}], "official": [{"x": 0.5}], "ours": [{"x": 1.2}]})
    value, met = run.evaluate(m.target, run.summarise(wl, m))
    assert met is expected
    assert value == pytest.approx({"raw": 1.2, "official_at_least": 2.4, "value": 1.2}[kind])


def test_missing_figures_give_no_verdict(run: ModuleType) -> None:
    m = run.Metric("x", "x", "ms", target=run.Target("raw", 1.1))
    wl = _workload(run, [m], {"raw": [{"skipped": "no"}], "official": [{"x": 1.0}], "ours": [{"x": 1.0}]})
    s = run.summarise(wl, m)
    assert run.evaluate(m.target, s) == (None, None)
    assert run.verdict(m, s) == "<= 1.1x raw"


def test_plugin_baseline_pair(run: ModuleType) -> None:
    m = run.Metric("t", "per call", "us", target=run.Target("baseline", 1.03))
    wl = _workload(
        run,
        [m],
        {
            "ours_no_otel": [{"t": 100.0, "watched_loaded": False}, {"t": 100.0, "watched_loaded": False}],
            "ours_otel": [{"t": 102.0, "watched_loaded": True}, {"t": 110.0, "watched_loaded": True}],
        },
        contenders=run.OTEL_CONTENDERS,
        ratios=run.OTEL_RATIOS,
    )
    s = run.summarise(wl, m)
    assert s["ratios"]["ours_otel/ours_no_otel"] == pytest.approx(1.06)
    assert run.evaluate(m.target, s) == (pytest.approx(1.06), False)
    assert run.notes_for(wl) == []
    table = run.render_plugin_rows([wl])
    assert "1.060x" in table and "**missed**" in table
    # A plugin that never loaded makes the pair meaningless: the run says so.
    wl.results["ours_otel"][1]["watched_loaded"] = False
    assert any("was not imported" in n for n in run.notes_for(wl))


def test_chart_rows(run: ModuleType) -> None:
    time_m = run.Metric("t", "time", "ms", target=run.Target("raw", 1.3), short="time")
    burst = run.Metric("b", "second / first", "x", target=run.Target("value", 1.5), short="burst")
    lps = run.Metric("l", "lines/s", "/s", higher_is_better=True, target=run.Target("official_at_least", 2.0))
    untargeted = run.Metric("p", "p90", "us")
    results = {
        "raw": [{"t": 10.0, "b": 6.0, "l": 100.0, "p": 1.0}],
        "official": [{"t": 30.0, "b": 6.5, "l": 10.0, "p": 1.0}],
        "ours": [{"t": 12.0, "b": 1.2, "l": 80.0, "p": 1.0}],
    }
    rows = run.chart_rows([_workload(run, [time_m, burst, lps, untargeted], results)])
    assert [r["label"] for r in rows] == ["w: time", "w: burst", "w: lines/s"]  # no target, no group
    t, b, lp = rows
    assert t["bars"] == {"official": pytest.approx(3.0), "ours": pytest.approx(1.2)}
    assert (t["target"], t["met"], t["scale"]) == (1.3, True, "raw")
    assert b["bars"] == {"raw": 6.0, "official": 6.5, "ours": 1.2}
    assert (b["target"], b["met"], b["scale"]) == (1.5, True, "value")
    # Throughput is drawn as cost (lower is better): official 10x raw's cost, ours 1.25x; target half official's.
    assert lp["bars"] == {"official": pytest.approx(10.0), "ours": pytest.approx(1.25)}
    assert lp["target"] == pytest.approx(5.0)
    assert lp["met"] is True


def test_skipped_workloads_are_left_out_and_noted(run: ModuleType) -> None:
    m = run.Metric("t", "time", "ms", target=run.Target("baseline", 1.03))
    wl = _workload(run, [m], {}, contenders=run.OTEL_CONTENDERS, ratios=run.OTEL_RATIOS, skip="no package")
    assert run.chart_rows([wl]) == []
    assert run.notes_for(wl) == ["skipped (no package)"]
    assert "skipped: no package" in run.render_plugin_rows([wl])


def test_venv_marker_notices_a_changed_package_set(run: ModuleType, tmp_path: Path) -> None:
    for name in ("core", "bedrock"):
        (tmp_path / "packages" / name).mkdir(parents=True)
        (tmp_path / "packages" / name / "pyproject.toml").write_text(f'name = "{name}"\n')
    packages = run.workspace_packages(tmp_path)
    assert packages == ["-e", "packages/core", "-e", "packages/bedrock"]
    before = run.venv_spec(packages, "/py", tmp_path)
    assert run.venv_spec(packages, "/py", tmp_path) == before
    assert run.venv_spec(packages, "/other-py", tmp_path) != before
    # A plugin's dependencies change: rebuild.
    (tmp_path / "packages" / "bedrock" / "pyproject.toml").write_text('name = "bedrock"\ndependencies = ["x"]\n')
    changed = run.venv_spec(packages, "/py", tmp_path)
    assert changed != before
    # A new plugin package appears (otel): it joins the set, and the marker differs.
    (tmp_path / "packages" / "otel").mkdir()
    (tmp_path / "packages" / "otel" / "pyproject.toml").write_text('name = "otel"\n')
    grown = run.workspace_packages(tmp_path)
    assert grown[-2:] == ["-e", "packages/otel"]
    assert run.venv_spec(grown, "/py", tmp_path) != changed


def test_chart_path_follows_the_output_flags(run: ModuleType, tmp_path: Path) -> None:
    out = str(tmp_path / "docs" / "performance.md")
    assert run.chart_path(run.parse_args(["--output", out])) == tmp_path / "docs" / "performance.png"
    assert run.chart_path(run.parse_args(["--output", out, "--no-write"])) is None
    assert run.chart_path(run.parse_args(["--no-write", "--chart", str(tmp_path / "c.png")])) == tmp_path / "c.png"
    assert run.chart_path(run.parse_args(["--output", out, "--no-chart"])) is None


def test_in_process_ab_row(run: ModuleType) -> None:
    m = run.Metric("ab_ratio", "with / without", "x", target=run.Target("value", 1.03, "<= 1.03x without the plugin"))
    good = {"plugin_on": True, "plugin_blocked": True}
    wl = _workload(
        run,
        [m],
        {
            "ours_otel": [
                {"ab_ratio": 1.01, "with_us": 101.0, "without_us": 100.0, **good},
                {"ab_ratio": 1.05, "with_us": 105.0, "without_us": 100.0, **good},
                {"ab_ratio": 1.02, "with_us": 102.0, "without_us": 100.0, **good},
            ]
        },
        contenders=("ours_otel",),
        ratios=(),
        subject="ours_otel",
    )
    s = run.summarise(wl, m)
    assert run.evaluate(m.target, s, "ours_otel") == (pytest.approx(1.02), True)
    row = run.render_plugin_rows([wl]).splitlines()[-1]
    assert "| 100 (100-100) | 102 (101-105) | 1.020x (1.010-1.050) | <= 1.03x without the plugin **met** |" in row
    (chart,) = run.chart_rows([wl])
    assert chart["bars"] == {"ours": pytest.approx(1.02)}
    assert chart["scale"] == "baseline"
    assert run.notes_for(wl) == []
    wl.results["ours_otel"][0]["plugin_blocked"] = False
    assert any("host meant to block it" in n for n in run.notes_for(wl))
