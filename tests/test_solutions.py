"""Every exercise of a notebook is graded both ways in one kernel session: the notebook as committed, where
each stub must report "not attempted yet" (never an error, never a failure) and every stub has exactly one
report; then, in the same kernel, the exercise cells again with each stub replaced by the solution printed
in the notebook, where every report must pass. Together with the library's grader contract tests
(reference passes, each wrong answer fails its check) this keeps every check cell honest: it can pass,
and it can fail.

Convention: a markdown cell holding `<summary>Solution…</summary>` and a ```java block. The k-th
solution of a notebook replaces its k-th stub: the k-th code cell that contains `Exercise.todo()` or
`Exercise.TODO_NUMBER` (so a solution may sit before or after its stub). A stub's report comes from the
stub cell itself or from a later cell before the next stub.
"""
import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import NOTEBOOKS

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


GRADED = [p for p in NOTEBOOKS if STUB.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", GRADED, ids=[p.stem for p in GRADED])
def test_stubs_are_not_attempted_and_solutions_pass(path):
    nb = nbformat.read(path, as_version=4)
    stubs = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and STUB.search(c.source)]
    solutions = [m.group(1) for c in nb.cells if c.cell_type == "markdown" for m in SOLUTION.finditer(c.source)]
    assert len(solutions) == len(stubs), f"{path.name}: {len(stubs)} stubs but {len(solutions)} Solution blocks"

    client = NotebookClient(nb, timeout=300, kernel_name="java", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        # 1. the notebook as committed
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, i)
        assert not errors(nb.cells), f"{path.name} as committed: " + "\n".join(errors(nb.cells))
        for k, (i, found) in enumerate(zip(stubs, reports_per_stub(nb, stubs))):
            assert len(found) == 1, f"{path.name}: stub {k + 1} (cell {i}) has {len(found)} reports, expected 1"
            assert NOT_ATTEMPTED in found[0], f"{path.name}: stub {k + 1} (cell {i}) reports: {text(found[0])}"

        # 2. the same kernel, the exercise cells again with the solutions in place of the stubs
        solved = nbformat.from_dict(nb)
        for i, solution in zip(stubs, solutions):
            solved.cells[i].source = solution
        rerun = [i for i in range(stubs[0], len(solved.cells)) if solved.cells[i].cell_type == "code"]
        for i in rerun:
            solved.cells[i].outputs = []
            client.execute_cell(solved.cells[i], i)
    assert not errors(solved.cells), f"{path.name} with solutions: " + "\n".join(errors(solved.cells))
    for k, (i, found) in enumerate(zip(stubs, reports_per_stub(solved, stubs))):
        assert len(found) == 1, f"{path.name}: solution {k + 1} (cell {i}) has {len(found)} reports, expected 1"
        assert PASSED in found[0], f"{path.name}: solution {k + 1} (cell {i}) does not pass: {text(found[0])}"
