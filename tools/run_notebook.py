#!/usr/bin/env python3
"""Execute notebooks headless with the Java kernel and report what a learner would see.

    .venv/bin/python tools/run_notebook.py notebooks/07-caching.ipynb [--png DIR] [--save OUT.ipynb]

Prints each cell's time, every error and every stderr output, and writes each image output as a PNG
into DIR (default build/png/<notebook>/) so it can be looked at. Exit status 1 if any cell errored
or wrote to stderr.
"""
import argparse, base64, os, pathlib, sys, time

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The kernel's JVM options, defined once for the Makefile, the tests and this tool.
JVM_OPTS = (ROOT / "jupyter" / "kernel-jvm.options").read_text().strip()


class TimedClient(NotebookClient):
    """Records wall time per code cell."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.cell_times = {}

    async def async_execute_cell(self, cell, cell_index, *a, **kw):
        t = time.time()
        try:
            return await super().async_execute_cell(cell, cell_index, *a, **kw)
        finally:
            self.cell_times[cell_index] = time.time() - t


def problems(nb):
    """(cell index, text) for every error or stderr output."""
    out = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                out.append((i, f"{o.ename}: {o.evalue}"))
            elif o.output_type == "stream" and o.name == "stderr":
                out.append((i, "stderr: " + o.text.strip()[:500]))
    return out


def run(path, timeout=300):
    """Execute one notebook in its own folder; return (nb, seconds, cell_times)."""
    os.environ.setdefault("JJAVA_JVM_OPTS", JVM_OPTS)
    os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))
    nb = nbformat.read(path, as_version=4)
    client = TimedClient(nb, timeout=timeout, kernel_name="java", allow_errors=True,
                         resources={"metadata": {"path": str(pathlib.Path(path).parent)}})
    t = time.time()
    client.execute()
    return nb, time.time() - t, client.cell_times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--png", help="folder for image outputs")
    ap.add_argument("--save", help="write the executed notebook here (one notebook only)")
    args = ap.parse_args()
    bad = 0
    for path in args.notebooks:
        nb, secs, times = run(path)
        name = pathlib.Path(path).stem
        print(f"== {path}: {secs:.1f} s (kernel start included)")
        for i, s in sorted(times.items(), key=lambda kv: -kv[1])[:5]:
            print(f"   cell {i}: {s:.2f} s   {nb.cells[i].source.splitlines()[0][:70] if nb.cells[i].source else ''}")
        pngdir = pathlib.Path(args.png or f"build/png/{name}")
        pngdir.mkdir(parents=True, exist_ok=True)
        n = 0
        for i, cell in enumerate(nb.cells):
            for o in cell.get("outputs", []):
                data = o.get("data", {})
                if "image/png" in data:
                    n += 1
                    (pngdir / f"cell{i:02d}_{n}.png").write_bytes(base64.b64decode(data["image/png"]))
        print(f"   {n} images written to {pngdir}/")
        for i, text in problems(nb):
            bad += 1
            print(f"   PROBLEM in cell {i}: {text}")
        if args.save:
            nbformat.write(nb, args.save)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
