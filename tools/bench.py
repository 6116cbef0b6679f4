#!/usr/bin/env python3
"""The course's benchmark: one run that prints every speed figure the README quotes.

    make bench          (or: .venv/bin/python tools/bench.py [--skip-notebooks])

1. Each topic's Java benchmark main (sdx.<topic>.Benchmark): MapReduce word count on the same ~100 MB
   file by one tuned thread, the course's engine at W = 1 and W = 2, and Spark local[2], each with its
   time relative to the single thread (McSherry et al.'s COST); cache-simulation accesses per second;
   sketch updates per second.
2. Each notebook's headless execution time, kernel start included, and its slowest cells.
Results also go to build/bench.md. Numbers are from this machine and this run: compare ratios, not
absolute figures, across machines.
"""
import argparse
import os
import pathlib
import platform
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
ROOT = pathlib.Path(__file__).resolve().parent.parent
JAR = ROOT / "lib" / "target" / "sdx-all.jar"
MAINS = ["sdx.cache.Benchmark", "sdx.sharding.Benchmark", "sdx.mapreduce.Benchmark", "sdx.sim.Benchmark"]
NOTEBOOK_TARGET_S, CELL_TARGET_S = 30.0, 5.0


def java_benchmarks(out):
    for main in MAINS:
        cmd = ["java", "-Xmx4g", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "-cp", str(JAR), main]
        out(f"\n### {main}\n\n`{' '.join(cmd[:-3])} ... {main}`\n\n```")
        t = time.time()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            out((proc.stdout + proc.stderr).strip()[-3000:])
            out("```")
            raise SystemExit(f"{main} failed (exit {proc.returncode})")
        out(proc.stdout.rstrip())
        out(f"```\n({time.time() - t:.0f} s)")


def notebook_times(out):
    from run_notebook import run, problems
    out("\n### Notebooks, executed headless (kernel start included)\n")
    out(f"| notebook | total s | slowest cells (s) | target |\n|---|---|---|---|")
    over = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        nb, secs, times = run(str(path))
        slow = sorted(times.items(), key=lambda kv: -kv[1])[:3]
        slow_txt = ", ".join(f"#{i}: {s:.1f}" for i, s in slow)
        ok = secs < NOTEBOOK_TARGET_S and all(s < CELL_TARGET_S or "Spark" in nb.cells[i].source for i, s in times.items())
        if not ok:
            over.append(path.name)
        out(f"| {path.name} | {secs:.1f} | {slow_txt} | {'met' if ok else 'MISSED'} |")
        if problems(nb):
            out(f"  problems: {problems(nb)}")
    out(f"\nTargets: notebook < {NOTEBOOK_TARGET_S:.0f} s, every cell < {CELL_TARGET_S:.0f} s (Spark cell excepted)."
        + (f" Missed by: {', '.join(over)}." if over else " All met."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-notebooks", action="store_true")
    ap.add_argument("--skip-java", action="store_true")
    args = ap.parse_args()
    if not JAR.exists():
        raise SystemExit(f"{JAR} is missing: run `make build` first")
    lines = []

    def out(s):
        print(s, flush=True)
        lines.append(s)

    cpu = os.cpu_count()
    out(f"## Benchmark run {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {cpu} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        + subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0])
    if not args.skip_java:
        java_benchmarks(out)
    if not args.skip_notebooks:
        notebook_times(out)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.md").write_text("\n".join(lines) + "\n")
    print("\nwritten to build/bench.md")


if __name__ == "__main__":
    main()
