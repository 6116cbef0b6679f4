"""The course's map stays true: every notebook is a syllabus topic, linked from the welcome notebook
and the README, and nothing links to a notebook that does not exist."""
import re
import sys

import nbformat

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
from syllabus import TOPICS, filename  # noqa: E402

WELCOME = ROOT / "notebooks" / "00-welcome.ipynb"


def welcome_text():
    return "\n".join(c.source for c in nbformat.read(WELCOME, as_version=4).cells if c.cell_type == "markdown")


def test_every_notebook_is_a_syllabus_topic():
    names = {filename(n, s) for n, s, _ in TOPICS}
    assert NOTEBOOKS, "no notebooks found"
    for nb in NOTEBOOKS:
        assert nb.name in names, f"{nb.name} is not in tools/syllabus.py"


def test_welcome_and_readme_link_every_notebook_and_only_existing_ones():
    text, readme = welcome_text(), (ROOT / "README.md").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        if nb != WELCOME:
            assert f"({nb.name})" in text, f"the welcome map does not link {nb.name}"
        assert f"(notebooks/{nb.name})" in readme, f"README does not link {nb.name}"
    existing = {nb.name for nb in NOTEBOOKS}
    for link in re.findall(r"\((\d\d-[a-z0-9-]+\.ipynb)\)", text + readme.replace("notebooks/", "")):
        assert link in existing, f"link to a notebook that does not exist: {link}"
