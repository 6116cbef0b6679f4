"""The solutions printed in the notebooks pass their own checks, and the stubs they replace are graded
"not attempted yet" (never an error). Together with the library's tests (reference solutions pass,
wrong ones fail) this keeps every check cell honest: it can pass, and it can fail.

Convention: a markdown cell holding `<summary>Solution…</summary>` and a ```java block. The k-th
solution of a notebook replaces its k-th stub: the k-th code cell that contains `Exercise.todo()` or
`Exercise.TODO_NUMBER` (so a solution may sit before or after its stub).
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


def reports(nb):
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            html = o.get("data", {}).get("text/html", "")
            if "sdx-report" in html:
                yield i, html


def with_solutions(nb):
    """A copy of nb with each stub replaced by its solution; returns (copy, number of stubs replaced)."""
    nb = nbformat.from_dict(nb)
    solutions = [m.group(1) for c in nb.cells if c.cell_type == "markdown" for m in SOLUTION.finditer(c.source)]
    stubs = [c for c in nb.cells if c.cell_type == "code" and STUB.search(c.source)]
    for cell, solution in zip(stubs, solutions):
        cell.source = solution
    return nb, min(len(stubs), len(solutions))


def execute(nb, path):
    NotebookClient(nb, timeout=300, kernel_name="java", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [f"cell {i}: {o.ename}: {o.evalue}" for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, "\n".join(errors)
    return nb


GRADED = [p for p in NOTEBOOKS if STUB.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", GRADED, ids=[p.stem for p in GRADED])
def test_every_stub_has_a_solution_that_passes(path):
    nb = nbformat.read(path, as_version=4)
    stubs = sum(1 for c in nb.cells if c.cell_type == "code" and STUB.search(c.source))
    solved, replaced = with_solutions(nb)
    assert replaced == stubs, f"{path.name}: {stubs} stubs but {replaced} have a Solution block"
    execute(solved, path)
    graded = list(reports(solved))
    assert graded, f"{path.name}: no check cell produced a report"
    for i, html in graded:
        assert PASSED in html, f"{path.name} cell {i}: the printed solution does not pass: {re.sub('<[^>]+>', ' ', html)[:400]}"
