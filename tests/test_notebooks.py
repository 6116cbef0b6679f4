"""Every notebook runs top to bottom with the Java kernel, twice, and a learner sees no error.

For each notebook: run all cells, then run all cells again in the same kernel (what "Run All" twice
does). Fail on any error or stderr output, on output that differs between the two runs (seeded
experiments must be deterministic; exempt are only cells tagged "timing", which show wall-clock
measurements, and "nondeterministic", which show a production component that cannot be seeded, such as
Caffeine's randomised admission filter; the notebook must say so beside them), and on
threads left alive by the second run that the first did not leave. The executed notebook (first run)
is saved to build/executed/ for the HTML export, with per-cell times in build/executed/times.json.
"""
import json
import time

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import EXECUTED, NOTEBOOKS

EXEMPT_TAGS = {"timing", "nondeterministic"}  # see the module docstring
THREADS = ("Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())"
           ".map(Thread::getName).sorted().toList()")


def run_all(client, nb):
    times = []
    for i, cell in enumerate(nb.cells):
        t = time.time()
        if cell.cell_type == "code":
            client.execute_cell(cell, i)
        times.append(round(time.time() - t, 3))
    return times


def live_threads(client, nb):
    """Names of the kernel's live non-daemon threads, from a probe cell appended and then removed."""
    cell = nbformat.v4.new_code_cell(THREADS)
    nb.cells.append(cell)
    try:
        client.execute_cell(cell, len(nb.cells) - 1)
    finally:
        nb.cells.pop()
    return "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def problems(nb):
    out = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                out.append(f"cell {i}: {o.ename}: {o.evalue}")
            elif o.output_type == "stream" and o.name == "stderr":
                out.append(f"cell {i}: stderr: {o.text.strip()[:300]}")
    return out


def comparable(cell):
    """What a learner sees in a cell: output types, texts and images (None for exempt cells)."""
    if EXEMPT_TAGS & set(cell.get("metadata", {}).get("tags", [])):
        return None
    return [(o.output_type, o.get("text", ""), sorted(o.get("data", {}).items())) for o in cell.get("outputs", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_twice_cleanly(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        assert cell.cell_type != "code" or not cell.outputs, f"{path.name} is committed with outputs"
    assert nb.metadata.get("kernelspec", {}).get("name") == "java"
    client = NotebookClient(nb, timeout=300, kernel_name="java", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.time()
    with client.setup_kernel():
        times = run_all(client, nb)
        first = nbformat.from_dict(json.loads(json.dumps(nb)))
        threads_after_first = live_threads(client, nb)
        run_all(client, nb)
        threads_after_second = live_threads(client, nb)
    total = time.time() - start

    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(first, EXECUTED / path.name)
    times_file = EXECUTED / "times.json"
    record = json.loads(times_file.read_text()) if times_file.exists() else {}
    record[path.name] = {"total_s": round(total, 1), "cells_s": times}
    times_file.write_text(json.dumps(record, indent=1))

    assert not problems(first), "\n".join(problems(first))
    assert not problems(nb), "second run: " + "\n".join(problems(nb))
    for i, (a, b) in enumerate(zip(first.cells, nb.cells)):
        assert comparable(a) == comparable(b), f"{path.name} cell {i} gives different output when re-run"
    assert threads_after_second == threads_after_first, (
        f"threads leaked by re-running {path.name}: {threads_after_first} -> {threads_after_second}")
