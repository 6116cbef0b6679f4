"""Every committed notebook runs top to bottom with the Java kernel, twice, and a learner sees no error;
then, in the same kernel, its exercises are graded as committed and with the printed solutions.

For each notebook: probe the kernel's threads (the baseline), run all cells, probe, run all cells again in
the same kernel (what "Run All" twice does), probe again. The test fails on

* any error or stderr output, in either run;
* output that differs between the two runs, after masking wall-clock numbers (the rule below);
* a stub that does not report "not attempted yet", or a printed solution that does not pass
  (tests/solutions.py);
* threads left behind: every live thread, daemon or not, is listed by name (digit runs read as `#`, so
  `pool-3-thread-12` is `pool-#-thread-#`); a name that is neither in the baseline (the JVM's and JJava's
  own threads, taken before the first cell) nor one of the JVM's lazily started service threads
  (`JVM_SERVICE_THREADS`) is a leak, after run 1 and after run 2. A thread that is still ending gets up to
  five seconds. After run 2, no thread may burn CPU either (more than 50 ms in one second).

Masking rule (the only exception to "same seed, same output"). Cells tagged `timing` show wall-clock
measurements; cells tagged `nondeterministic` show a production component that cannot be seeded (Caffeine's
admission filter draws from an unseeded ThreadLocalRandom). Both are compared like every other cell,
except:
1. In a `timing` cell, a number directly followed by a time unit or a rate is masked: `164 ms`, `2.5 s`,
   `3 min`, `42.0 MB/s`, `1.67×` (units: ns, µs, us, ms, s, sec, min, anything `/s`, and ×).
2. In a `timing` cell's HTML table, every cell of a column whose header names a time unit as a word
   (`ms`, `start ms`, `time (s)`) or a rate (`MB/s`) is masked.
3. In any tagged cell, the columns the library marks as wall-clock or unseeded (a `<th>` or `<td>` whose
   class contains `sdx-wallclock` or `sdx-unseeded`), and the columns the cell's metadata lists under
   `sdx.mask` (e.g. `"sdx": {"mask": ["speedup"]}`), are masked.
4. Images in tagged cells are compared by count and pixel size only (a chart of measurements differs in
   its pixels), also when inlined in HTML (`<img src="data:image/png;base64,...">`, the form that carries
   a chart's alt text, whose numbers are masked in `timing` cells: they are the measured axis ranges);
   images in every other cell are compared byte for byte.
5. An output that has an HTML form is compared by its HTML (what JupyterLab shows); its plain-text form is
   the same table again for other front-ends. Plot titles (text/plain of an image output) are compared
   in full: keep measured numbers out of titles, captions and otherwise deterministic tables.

The executed notebook (first run) is saved to build/executed/ for the HTML export, with per-cell times in
build/executed/times/<notebook>.json. Notebooks may run in parallel (pytest-xdist, `make notebooks JOBS=2`).
"""
import base64
import json
import re
import struct
import time
from collections import Counter
from html.parser import HTMLParser

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import BUSY, EXECUTED, NOTEBOOKS
from solutions import check_stubs_then_solutions

TAGGED = {"timing", "nondeterministic"}  # see the module docstring

# Every live thread: "name|daemon|state". One expression, so JShell compiles it before it runs.
THREADS = ("Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)"
           ".map(t -> t.getName() + \"|\" + t.isDaemon() + \"|\" + t.getState()).sorted().toList()")
# Service threads the JVM starts on first use and owns (they end by themselves or live with the JVM).
JVM_SERVICE_THREADS = re.compile(r"ForkJoinPool\.commonPool-worker-#|process reaper|Java#D Disposer|Common-Cleaner"
                                 r"|Attach Listener|AWT-Shutdown|Keep-Alive-Timer|Keep-Alive-SocketCleaner"
                                 r"|Signal Dispatcher|Notification Thread|Finalizer|Reference Handler")

NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?"
TIMED = re.compile(NUMBER + r"\s?(?:(?:ns|µs|us|ms|s|sec|min)(?![\w/])|[A-Za-z]*/s\b|×)")
TIME_HEADER = re.compile(r"(?<![\w/])(?:ns|µs|us|ms|s|sec|min)(?![\w/])|/s\b")
MARKED = re.compile(r"sdx-wallclock|sdx-unseeded")


def run_all(client, nb):
    times = []
    for i, cell in enumerate(nb.cells):
        t = time.time()
        if cell.cell_type == "code":
            client.execute_cell(cell, i)
        times.append(round(time.time() - t, 3))
    return times


def probe(client, nb, code):
    """The text/plain result of code run in the kernel (from a cell appended, then removed)."""
    cell = nbformat.v4.new_code_cell(code)
    nb.cells.append(cell)
    try:
        client.execute_cell(cell, len(nb.cells) - 1)
    finally:
        nb.cells.pop()
    errors = [f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"]
    assert not errors, f"the thread probe failed: {errors}"
    return "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def threads(client, nb):
    """Counter of live threads by normalised name, and the raw 'name|daemon|state' list."""
    raw = [t.strip() for t in probe(client, nb, THREADS).strip().strip("[]").split(",") if t.strip()]
    return Counter(re.sub(r"\d+", "#", t.split("|")[0]) for t in raw), raw


def leaked(client, nb, baseline, after):
    """Threads not in the baseline and not JVM services; waits up to 5 s for ending threads."""
    for attempt in range(6):
        names, raw = threads(client, nb)
        extra = [n for n in names if n not in baseline and not JVM_SERVICE_THREADS.fullmatch(n)]
        if not extra:
            return []
        time.sleep(1)
    return [f"{t} (after {after})" for t in raw if re.sub(r"\d+", "#", t.split("|")[0]) in extra]


def problems(nb):
    out = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                out.append(f"cell {i}: {o.ename}: {o.evalue}")
            elif o.output_type == "stream" and o.name == "stderr":
                out.append(f"cell {i}: stderr: {o.text.strip()[:300]}")
    return out


class MaskedHtml(HTMLParser):
    """Re-serialises HTML with the masked table cells' numbers replaced by '#' (rules 1-3)."""

    def __init__(self, timing, columns):
        super().__init__(convert_charrefs=True)
        self.timing, self.columns, self.out = timing, {c.strip().lower() for c in columns}, []
        self.headers, self.masked_cols, self.col, self.in_cell, self.cell_marked, self.header_row = [], set(), -1, None, False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and str(attrs.get("src", "")).startswith("data:image/png;base64,"):
            attrs["src"] = png_size(attrs["src"].split(",", 1)[1])  # rule 4: an inlined chart by its size
            if self.timing and "alt" in attrs:  # rule 4: a timing chart's axis ranges are measurements
                attrs["alt"] = re.sub(NUMBER, "#", attrs["alt"])
        if tag == "table":
            self.headers, self.masked_cols = [], set()
        elif tag == "tr":
            self.col = -1
        elif tag in ("th", "td"):
            self.col += 1
            self.in_cell, self.text = tag, []
            self.cell_marked = bool(MARKED.search(attrs.get("class", "") or ""))
        self.out.append(f"<{tag} {sorted(attrs.items())}>")

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.in_cell:
            text = "".join(self.text)
            if tag == "th":
                name = text.strip().lower()
                if (self.timing and TIME_HEADER.search(name)) or name in self.columns or self.cell_marked:
                    self.masked_cols.add(self.col)
            elif self.col in self.masked_cols or self.cell_marked:
                text = re.sub(NUMBER, "#", text)
            self.out.append(TIMED.sub("#", text) if self.timing else text)
            self.in_cell = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.in_cell:
            self.text.append(data)
        else:
            self.out.append(TIMED.sub("#", data) if self.timing else data)


def png_size(b64):
    raw = base64.b64decode(b64[:64] + "=" * (-len(b64[:64]) % 4))
    return struct.unpack(">II", raw[16:24])


def comparable(cell):
    """What a learner sees in a cell, with the masking rule applied to tagged cells."""
    tags = TAGGED & set(cell.get("metadata", {}).get("tags", []))
    if not tags:
        return [(o.output_type, o.get("text", ""), sorted(o.get("data", {}).items())) for o in cell.get("outputs", [])]
    timing = "timing" in tags
    columns = cell.get("metadata", {}).get("sdx", {}).get("mask", [])
    seen = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        if o.output_type == "stream":
            seen.append(("stream", o.name, TIMED.sub("#", o.text) if timing else o.text))
            continue
        item = {}
        for mime, value in data.items():
            if mime == "image/png":
                item[mime] = png_size(value)
            elif mime == "text/html":
                parser = MaskedHtml(timing, columns)
                parser.feed(value)
                item[mime] = "".join(parser.out)
            elif mime == "text/plain" and "text/html" in data:
                continue  # rule 5
            else:
                item[mime] = TIMED.sub("#", str(value)) if timing else value
        seen.append((o.output_type, sorted(item.items())))
    return seen


def first_difference(a, b):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"run 1: ...{a[max(0, i - 150):i + 150]!r}... run 2: ...{b[max(0, i - 150):i + 150]!r}..."


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
        baseline, _ = threads(client, nb)
        times = run_all(client, nb)
        first = nbformat.from_dict(json.loads(json.dumps(nb)))
        leaks = leaked(client, nb, baseline, "run 1")
        run_all(client, nb)
        leaks += leaked(client, nb, baseline, "run 2")
        busy = probe(client, nb, BUSY).strip()
        total = time.time() - start
        second = nbformat.from_dict(json.loads(json.dumps(nb)))  # executing a solution replaces nb's cell
        # 3. the exercises both ways (tests/solutions.py): stubs of run 1 "not attempted", then the solutions
        graded = check_stubs_then_solutions(client, first, path.name)
        leaks += leaked(client, nb, baseline, "the solutions run")

    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(first, EXECUTED / path.name)
    (EXECUTED / "times").mkdir(exist_ok=True)
    (EXECUTED / "times" / f"{path.stem}.json").write_text(
        json.dumps({"notebook": path.name, "total_s": round(total, 1), "cells_s": times}, indent=1))

    assert not problems(first), "\n".join(problems(first))
    assert not problems(second), "second run: " + "\n".join(problems(second))
    for i, (a, b) in enumerate(zip(first.cells, second.cells)):
        ca, cb = comparable(a), comparable(b)
        assert ca == cb, (f"{path.name} cell {i} gives different output when re-run (tagged cells masked as "
                          f"tests/test_notebooks.py says): {first_difference(str(ca), str(cb))}")
    assert not graded, "\n".join(graded)
    assert not leaks, f"{path.name} leaves threads behind (name|daemon|state): {leaks}"
    assert busy in ("[]", ""), f"{path.name}: threads still burning CPU after the second run: {busy}"
