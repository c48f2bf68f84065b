#!/usr/bin/env python3
"""Draw latency percentiles against load from bench/run.sh results.

    bench/plot.py [RESULTS.jsonl [OUTPUT.png]]

Defaults: bench/results/latest.jsonl and bench/results/latency.png next to this script.
Open-loop runs are plotted at their offered rate (a line per percentile); closed-loop runs
are single points at the rate they achieved (delivered/s), marked apart because their latency
is the queueing of K messages in flight, not the latency at that rate.
Needs matplotlib (Debian: python3-matplotlib).
"""

import json
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

PERCENTILES = [("p50_ms", "p50", "tab:blue"), ("p90_ms", "p90", "tab:orange"),
               ("p99_ms", "p99", "tab:red")]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    results = argv[1] if len(argv) > 1 else os.path.join(here, "results", "latest.jsonl")
    output = argv[2] if len(argv) > 2 else os.path.join(here, "results", "latency.png")
    runs = load(results)
    open_runs = sorted((r for r in runs if r.get("mode") == "open" and r.get("samples")),
                       key=lambda r: r["offered_per_s"])
    closed_runs = [r for r in runs if r.get("mode") == "closed" and r.get("samples")]
    if not open_runs and not closed_runs:
        print(f"plot.py: no open or closed loop runs in {results}", file=sys.stderr)
        return 1

    fig, ax = plt.subplots(figsize=(8, 5))
    for key, name, colour in PERCENTILES:
        if open_runs:
            ax.plot([r["offered_per_s"] for r in open_runs], [r[key] for r in open_runs],
                    marker="o", color=colour, label=f"open loop {name}")
        if closed_runs:
            ax.scatter([r["delivered_per_s"] for r in closed_runs],
                       [r[key] for r in closed_runs], marker="s", facecolors="none",
                       edgecolors=colour, s=60, label=f"closed loop {name}")
    for r in open_runs + closed_runs:
        x = r["offered_per_s"] if r["mode"] == "open" else r["delivered_per_s"]
        ax.annotate(r.get("label", ""), (x, r["p99_ms"]), textcoords="offset points",
                    xytext=(4, 6), fontsize=7, color="dimgray")
    ax.set_xscale("log")
    ax.set_yscale("log")
    plain = FuncFormatter(lambda v, _: f"{v:g}")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(plain)
        axis.set_minor_formatter(FuncFormatter(
            lambda v, _: f"{v:g}" if str(f"{v:g}")[0] in "25" else ""))
    ax.set_xlabel("load: offered msg/s (open loop), delivered msg/s (closed loop)")
    ax.set_ylabel("send → delivery latency (ms)")
    ax.set_title("natter-server latency against load")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print(f"plot.py: wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
