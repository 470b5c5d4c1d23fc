"""Draw the benchmark table as a PNG: ``<plot venv python> benchmarks/chart.py <chart-data.json> <out.png>``.

run.py computes the rows (``chart_rows``) with the standard library and runs this script with matplotlib from its own
venv (``.bench/plot``), so the harness itself needs nothing but Python. One group per row with a target: horizontal
bars for the official SDK and this SDK as ratios to raw httpx (log scale, lower is better), the target as a red mark.
"""

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

COLOURS = {"raw": "#bdbdbd", "official": "#8c8c8c", "ours": "#1f77b4", "ours_otel": "#1f77b4"}
TICKS = (0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 50, 100)
FLOOR = 0.1  # left edge of the axis: far-below-raw values (e.g. 0.01x) would squash every other row


def fmt(value: float) -> str:
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def main(data_path: str, out_path: str) -> None:
    data = json.loads(Path(data_path).read_text())
    rows, labels = data["rows"], data["labels"]
    fig, ax = plt.subplots(figsize=(11, 1.2 + 0.42 * len(rows)))
    ticks, ticklabels, colours, seen = [], [], [], set()
    values = [v for row in rows for v in [*row["bars"].values(), row.get("target")] if v]
    xmin = max(FLOOR, min(values, default=1.0) / 1.5)
    xmax = max(values, default=1.0) * 1.6
    for i, row in enumerate(rows):
        y = len(rows) - 1 - i  # first row at the top
        if i % 2 == 0:
            ax.axhspan(y - 0.5, y + 0.5, color="#f4f4f4", zorder=0)
        bars = list(row["bars"].items())  # run.py orders them: raw, official, this SDK
        height = min(0.8 / max(len(bars), 1), 0.36)
        for j, (contender, value) in enumerate(bars):
            if value is None:
                continue
            yy = y + height * (len(bars) / 2 - j - 0.5)
            legend = labels[contender] if contender not in seen else None
            seen.add(contender)
            shown = value if value >= xmin else xmin * 1.15  # off the left edge: a stub bar, the value in the text
            ax.barh(yy, shown, height=height * 0.9, color=COLOURS.get(contender, "#1f77b4"), label=legend, zorder=2)
            text = fmt(value) + (" (off scale)" if value < xmin else "")
            ax.text(shown * 1.03, yy, text, va="center", fontsize=7, zorder=3)
        if row.get("target"):
            ax.plot(
                [row["target"]] * 2,
                [y - 0.45, y + 0.45],
                color="#d62728",
                lw=2.2,
                zorder=4,
                label="target" if "target" not in seen else None,
            )
            seen.add("target")
        verdict = {True: "met", False: "MISSED", None: "n/a"}[row.get("met")]
        scale = {"value": " [own ratio]", "baseline": " [with / without]"}.get(row.get("scale", "raw"), "")
        ticks.append(y)
        ticklabels.append(f"{row['label']}{scale} ({verdict})")
        colours.append({True: "#2a7d2a", False: "#d62728"}.get(row.get("met"), "black"))
    ax.axvline(1.0, color="black", lw=0.8, ls="--", zorder=1, label="raw httpx = 1")
    ax.set_xscale("log")
    ax.set_yticks(ticks)
    ax.set_yticklabels(ticklabels, fontsize=8)
    for label, colour in zip(ax.get_yticklabels(), colours, strict=True):
        label.set_color(colour)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(xmin, xmax)
    ax.xaxis.set_major_locator(FixedLocator([t for t in TICKS if xmin <= t <= xmax]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}x"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("ratio to raw httpx in the same round (log scale, lower is better)")
    fig.suptitle(data["title"], fontsize=10)
    ax.grid(axis="x", which="both", color="#dddddd", lw=0.5, zorder=0)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=5, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.5 / fig.get_figheight(), 1, 1))  # room for the legend below the axis
    fig.savefig(out_path, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
