"""Every exercise of a notebook is graded both ways in one kernel session (called by the run-twice test in
tests/test_notebooks.py, after its second run, so a notebook's kernel starts once): the notebook as
committed, where each stub must report "not attempted yet" (never an error, never a failure) and every stub
has exactly one report; then, in the same kernel, the exercise cells again with each stub replaced by the
solution printed in the notebook, where every report must pass. Together with the library's grader contract tests
(reference passes, each wrong answer fails its check) this keeps every check cell honest: it can pass,
and it can fail.

Convention: a markdown cell holding `<summary>Solution…</summary>` and a ```java block. The k-th
solution of a notebook replaces its k-th stub: the k-th code cell that contains `Exercise.todo()` or
`Exercise.TODO_NUMBER` (so a solution may sit before or after its stub). A stub's report comes from the
stub cell itself or from a later cell before the next stub.
"""
import json
import re

import nbformat

SOLUTION = re.compile(r"<summary>\s*Solution[^<]*</summary>.*?```java\n(.*?)```", re.S)
STUB = re.compile(r"Exercise\.(todo\(\)|TODO_NUMBER|unanswered\(\))")
PASSED = "color:#1a7f37"        # Report.html() for an exercise whose checks all passed
NOT_ATTEMPTED = "not attempted yet"


def report_html(cell):
    """The grading report a cell shows, or None."""
    for o in cell.get("outputs", []):
        html = o.get("data", {}).get("text/html", "")
        if "sdx-report" in html:
            return html
    return None


def errors(cells):
    return [f"{o.ename}: {o.evalue[:300]}" for c in cells for o in c.get("outputs", []) if o.output_type == "error"]


def text(html):
    return re.sub("<[^>]+>", " ", html)[:400]


def reports_per_stub(nb, stubs):
    """For each stub cell index, the reports shown from it up to (not including) the next stub."""
    bounds = stubs + [len(nb.cells)]
    return [[h for c in nb.cells[a:b] if (h := report_html(c)) is not None] for a, b in zip(bounds, bounds[1:])]


def stubs_of(nb):
    """Indices of the code cells that hold a stub."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and STUB.search(c.source)]


def check_stubs_then_solutions(client, nb, name):
    """Given a notebook just executed as committed in the client's kernel: every stub reported "not
    attempted yet" exactly once; then, in the same kernel, the exercise cells again with each stub replaced by
    its printed solution, where every report must pass. Returns the failures (empty when all is well)."""
    stubs = stubs_of(nb)
    if not stubs:
        return []
    solutions = [m.group(1) for c in nb.cells if c.cell_type == "markdown" for m in SOLUTION.finditer(c.source)]
    if len(solutions) != len(stubs):
        return [f"{name}: {len(stubs)} stubs but {len(solutions)} Solution blocks"]
    failures = []
    for k, (i, found) in enumerate(zip(stubs, reports_per_stub(nb, stubs))):
        if len(found) != 1:
            failures.append(f"{name}: stub {k + 1} (cell {i}) has {len(found)} reports, expected 1")
        elif NOT_ATTEMPTED not in found[0]:
            failures.append(f"{name}: stub {k + 1} (cell {i}) reports: {text(found[0])}")

    solved = nbformat.from_dict(json.loads(json.dumps(nb)))
    for i, solution in zip(stubs, solutions):
        solved.cells[i].source = solution
    for i in range(stubs[0], len(solved.cells)):
        if solved.cells[i].cell_type == "code":
            solved.cells[i].outputs = []
            client.execute_cell(solved.cells[i], i)
    failures += [f"{name} with solutions: {e}" for e in errors(solved.cells)]
    for k, (i, found) in enumerate(zip(stubs, reports_per_stub(solved, stubs))):
        if len(found) != 1:
            failures.append(f"{name}: solution {k + 1} (cell {i}) has {len(found)} reports, expected 1")
        elif PASSED not in found[0]:
            failures.append(f"{name}: solution {k + 1} (cell {i}) does not pass: {text(found[0])}")
    return failures
