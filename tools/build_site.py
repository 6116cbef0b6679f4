#!/usr/bin/env python3
"""Export the executed course as a static site: site/index.html plus one HTML page per notebook.

Uses the committed notebooks (notebooks/, never a learner's my-notebooks/) as executed by `make notebooks`
(build/executed/); a notebook whose executed copy is missing, or older than the notebook or than the
library jar, is executed now. Images are inlined as data URIs, so the site works offline and as single
files. Fails, naming the notebook, if one errors or hangs, or if a page lacks any image it produced.
"""
import html
import pathlib
import re
import sys

import nbformat
from nbconvert import HTMLExporter

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from syllabus import TOPICS, filename  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXECUTED = ROOT / "build" / "executed"
JAR = ROOT / "lib" / "target" / "sdx-all.jar"
CELL_TIMEOUT_S = 120  # a cell that takes longer is a hang (course cells take seconds)
SITE = ROOT / "site"


def executed(path):
    done = EXECUTED / path.name
    newest_input = max(path.stat().st_mtime, JAR.stat().st_mtime if JAR.exists() else 0)
    if done.exists() and done.stat().st_mtime >= newest_input:
        return nbformat.read(done, as_version=4)
    from run_notebook import run, problems
    print(f"executing {path.relative_to(ROOT)} ...", flush=True)
    try:
        nb, _, _ = run(str(path), timeout=CELL_TIMEOUT_S)
    except Exception as e:  # a timeout or a dead kernel: name the notebook, not just the traceback
        sys.exit(f"{path.name} could not be executed: {type(e).__name__}: {str(e).strip()[:500]}")
    if problems(nb):
        sys.exit(f"{path.name} has errors: {problems(nb)}")
    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, done)
    return nb


def title_of(nb, default):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return re.sub(r"^\d\d\s*·\s*", "", line[2:].strip())  # the index adds the number
    return default


def main():
    SITE.mkdir(exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    rows = []
    for number, slug, planned in TOPICS:
        path = ROOT / "notebooks" / filename(number, slug)
        if not path.exists():
            rows.append(f"<li class='todo'>{number} · {html.escape(planned)} <em>(coming)</em></li>")
            continue
        nb = executed(path)
        body, _ = exporter.from_notebook_node(nb)
        images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
        inlined = body.count("data:image/png;base64,")
        if inlined < images:
            sys.exit(f"{path.name}: {images} images produced but only {inlined} inlined in the HTML")
        # links between notebooks point at their pages on the site
        body = re.sub(r'href="(\d\d-[a-z0-9-]+)\.ipynb', r'href="\1.html', body)
        page = f"{number}-{slug}.html"
        (SITE / page).write_text(body, encoding="utf-8")
        title = html.escape(title_of(nb, planned))
        rows.append(f"<li><a href='{page}'>{number} · {title}</a> <small>({images} charts)</small></li>")
        print(f"site/{page}: {images} charts")
    index = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>System Design, by Experiment</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}}
li.todo{{color:#777}}</style></head><body>
<h1>System Design, by Experiment</h1>
<p>A hands-on course in Java notebooks: every topic is a small, honest experiment you can run and change.
These pages are the notebooks as executed by the course's tests.</p>
<ol start="0" style="list-style:none;padding-left:0">{''.join(rows)}</ol></body></html>"""
    (SITE / "index.html").write_text(index, encoding="utf-8")
    print(f"site/index.html: {sum('href' in r for r in rows)} notebooks of {len(TOPICS)} topics")


if __name__ == "__main__":
    main()
