"""End to end, as a learner: JupyterLab in headless Chromium opens each notebook, runs all cells, and
every chart shows with no error output; and the export a learner reaches first (File -> Save and Export
Notebook As -> HTML, "Sanitize HTML output" ticked, as JupyterLab proposes) shows markdown and tables as
HTML, not as raw tags.

Needs Chromium (Debian: `apt-get install chromium`, found at /usr/bin/chromium or $CHROMIUM). Without
it the test is skipped, unless REQUIRE_E2E=1 (set by .ci/run), in which case it fails. The notebooks
are copied to a temporary folder first, so JupyterLab's autosave never writes outputs into the repo; the
server's settings and workspaces live in that folder too (nothing is written to the user's home). The
server reads the project's configuration from jupyter/ (JUPYTER_CONFIG_PATH), as `make lab` does.

Cost: one JupyterLab server and one browser for the module, and E2E_TABS (default 2, one per core) browser
tabs, each of which loads JupyterLab once and then opens the notebooks one after another as a learner does
(File -> Open from Path, Run -> Run All Cells, File -> Close and Shut Down Notebook), so the tabs' notebooks
run concurrently, each in a kernel of its own that is started once and shut down when the notebook closes.
Every notebook is still its own test (`-k "00- or 07-"` selects a few); seconds per notebook (open to
closed) are written to build/e2e/times.json.
"""
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import nbformat
import pytest

from conftest import EXECUTED, NOTEBOOKS, ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The tabs run side by side: no tab may be throttled for being in the background.
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 "--disable-backgrounding-occluded-windows"]
TABS = int(os.environ.get("E2E_TABS", "2"))
RUN_LIMIT_S = 240  # per notebook, from Run All to the last prompt
POLL_S = 0.5
ERRORS = ".jp-NotebookPanel .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
SHOTS = ROOT / "build" / "e2e"

if not pathlib.Path(CHROMIUM).exists():
    if os.environ.get("REQUIRE_E2E") == "1":
        pytest.fail(f"REQUIRE_E2E=1 but no Chromium at {CHROMIUM}: apt-get install chromium", pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab():
    """A JupyterLab server on 127.0.0.1 over a copy of notebooks/ (lib/ linked beside it)."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="sdx-e2e-"))
    shutil.copytree(ROOT / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (work / "lib").symlink_to(ROOT / "lib")
    # Render every cell (no windowing), so the test can see every prompt. The news pop-up is switched off by
    # the project's configuration (jupyter/), as for learners: not here.
    settings = work / "settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port, token = free_port(), "e2e-" + str(os.getpid())
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           f"--LabApp.user_settings_dir={work / 'settings'}", f"--LabApp.workspaces_dir={work / 'workspaces'}"]
    if os.geteuid() == 0:  # CI machines run as root
        cmd.append("--allow-root")
    log = open(work / "lab.log", "w")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("JupyterLab exited: " + (work / "lab.log").read_text()[-2000:])
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser profile for the module: JupyterLab's scripts are fetched once, then cached."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield ctx
    ctx.close()


def expected_images(path):
    done = EXECUTED / path.name
    if not done.exists():
        return None
    nb = nbformat.read(done, as_version=4)
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def previous_seconds(path):
    times = EXECUTED / "times" / f"{path.stem}.json"
    try:
        return float(json.loads(times.read_text())["total_s"])
    except (OSError, ValueError, KeyError):
        return 0.0


@pytest.fixture(scope="module")
def notebook_runs(request, lab, context):
    """Runs the selected notebooks, TABS at a time; a test asks for its notebook's result."""
    selected = [item.callspec.params["path"] for item in request.session.items
                if item.module is request.module and item.originalname == "test_run_all_in_jupyterlab_shows_charts_and_no_errors"]
    runner = Runner(context, *lab, selected)
    try:
        yield runner
    finally:
        runner.close()
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / "times.json").write_text(json.dumps(runner.seconds, indent=1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_run_all_in_jupyterlab_shows_charts_and_no_errors(notebook_runs, path):
    failure = notebook_runs.result(path)
    if failure:
        pytest.fail(failure, pytrace=False)


class Runner:
    """Hands the pending notebooks to TABS tabs and collects each one's failure message (None: passed)."""

    def __init__(self, context, base, token, paths):
        # Longest first (the run-twice test's times, when `make notebooks` has just written them), so that the
        # two tabs finish together instead of one running the slowest notebook alone at the end.
        self.pending, self.results, self.seconds = sorted(paths, key=lambda p: -previous_seconds(p)), {}, {}
        self.tabs = [Tab(context, base, token, f"e2e-tab{i}") for i in range(max(1, min(TABS, len(paths))))]

    def result(self, path):
        if path not in self.results and path not in self.pending and not any(t.path == path for t in self.tabs):
            self.pending.insert(0, path)
        while path not in self.results:
            progressed = False
            for tab in self.tabs:
                if tab.path is None and self.pending:
                    tab.start(self.pending.pop(0))
                    progressed = True
                elif tab.path is not None and tab.finished():
                    done, seconds, failure = tab.finish()
                    self.results[done], self.seconds[done.stem] = failure, seconds
                    progressed = True
            if not progressed:
                time.sleep(POLL_S)
        return self.results[path]

    def close(self):
        for tab in self.tabs:
            tab.page.close()


class Tab:
    """A browser tab with JupyterLab loaded once (its own workspace), opening one notebook at a time."""

    def __init__(self, context, base, token, workspace):
        self.base, self.token, self.path, self.failure = base, token, None, None
        self.page = context.new_page()
        self.workspace = workspace
        self.load()

    def load(self):
        self.page.goto(f"{self.base}/lab/workspaces/{self.workspace}?reset&token={self.token}", timeout=60_000)
        self.page.wait_for_selector(".jp-LabShell", timeout=60_000)
        self.page.get_by_role("menuitem", name="File", exact=True).wait_for(timeout=60_000)

    def start(self, path):
        """File -> Open from Path, wait for its Java session, Run -> Run All Cells. Failures are kept for
        finish() to report, so that the other tab keeps going."""
        self.path, self.begun, self.failure = path, time.time(), None
        self.code_cells = sum(1 for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        try:
            page = self.page
            page.get_by_role("menuitem", name="File", exact=True).click()
            page.locator(".lm-Menu-item", has_text=re.compile(r"Open from Path")).first.click()
            dialog = page.locator(".jp-Dialog", has_text="Open Path")
            dialog.locator("input").fill(f"notebooks/{path.name}")
            dialog.locator(".jp-mod-accept").click()
            open_notebook(page)
            run_all(page)
        except Exception as e:  # noqa: BLE001 (reported as this notebook's failure)
            self.failure = f"{path.name}: could not open and run it in JupyterLab: {e}"
        self.deadline = time.time() + RUN_LIMIT_S

    def prompts(self):
        return prompts(self.page)

    def finished(self):
        if self.failure or time.time() > self.deadline:
            return True
        prompts = self.prompts()
        if any("*" in p for p in prompts):
            return False
        done = [p for p in prompts if re.search(r"\[\d+\]", p)]
        # An error stops Run All (the cells after it go back to "[ ]"): report it now, not at the time limit.
        return len(done) == self.code_cells or (bool(done) and self.page.locator(ERRORS).count() > 0)

    def finish(self):
        path, page = self.path, self.page
        failure = self.failure or self.check()
        try:
            close_and_shut_down(page)
        except Exception:  # noqa: BLE001 (a tab that cannot close its notebook is reloaded)
            self.load()
        shut_down_kernels(self.base, self.token, path)
        self.path = None
        return path, round(time.time() - self.begun, 1), failure

    def check(self):
        """What a learner sees once every cell has run: no error output, the charts, no news pop-up."""
        page, path = self.page, self.path
        if time.time() > self.deadline:
            shoot(page, path.stem + "-timeout")
            return f"{path.name}: cells still running after {RUN_LIMIT_S} s: {self.prompts()}"
        panel = page.locator(".jp-NotebookPanel")
        if panel.locator(".jp-OutputArea-output img").count():
            panel.locator(".jp-OutputArea-output img").first.scroll_into_view_if_needed()
        shoot(page, path.stem)
        # JupyterLab asks about news a moment after it starts; by now it would have (jupyter/ switches it off).
        if page.get_by_text("official Jupyter news").count():
            return "JupyterLab's news pop-up shows"
        errors = page.locator(ERRORS)
        if errors.count():
            return f"{path.name}: error output in JupyterLab: {errors.first.inner_text()[:500]}"
        images = panel.locator(".jp-OutputArea-output img").count()
        want = expected_images(path)
        if images < (want if want is not None else 1):
            return f"{path.name}: {images} charts shown, expected {want}"
        return None


def prompts(page):
    """The notebook's input prompts ("[ ]:", "[*]:", "[3]:"), read as text content in one call: no layout pass,
    so polling costs the browser next to nothing while the notebook runs."""
    return page.evaluate("() => Array.from(document.querySelectorAll("
                         "'.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt'), e => e.textContent)")


def close_and_shut_down(page):
    """File -> Close and Shut Down Notebook, confirmed: the tab closes and its kernel ends."""
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click()  # the notebook has the focus
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.locator(".lm-Menu-item", has_text="Close and Shut Down Notebook").first.click()
    page.locator(".jp-Dialog", has_text="Shut down the notebook?").locator(".jp-mod-accept").click()
    page.locator(".jp-NotebookPanel").first.wait_for(state="detached", timeout=30_000)


def run_all(page):
    """Run -> Run All Cells. JupyterLab drops the request when the kernel connection is not ready yet (every
    prompt stays "[ ]", nothing queued; seen once in CI): a learner would click again, and so does this test,
    once, if nothing has started within 30 s."""
    for attempt in range(2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        deadline = time.time() + 30
        while time.time() < deadline:
            if any(re.search(r"\[(\*|\d+)\]", p) for p in prompts(page)):
                return
            time.sleep(POLL_S)


def open_notebook(page):
    """Wait for the notebook and its Java session. JupyterLab sometimes asks "Select Kernel" when a notebook
    opens before the kernelspecs have loaded; its proposed choice is the notebook's own kernel (Java), so
    accept it, as a learner would."""
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    deadline = time.time() + 60
    while time.time() < deadline:
        dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
        if dialog.count():
            assert "Java" in dialog.first.inner_text(), f"Select Kernel offers no Java: {dialog.first.inner_text()}"
            dialog.first.locator(".jp-mod-accept").click()
        # JJava reports no status until its first execution: wait for the session, not for "Idle".
        if page.locator(".jp-StatusBar-TextItem", has_text="Java").count():
            return
        time.sleep(POLL_S)
    shoot(page, "no-kernel")
    raise AssertionError("no Java kernel session within 60 s")


def test_menu_export_to_html_shows_markdown_and_tables(lab, context):
    """File -> Save and Export Notebook As -> HTML, with JupyterLab's default "Sanitize HTML output"."""
    base, token = lab
    path = NOTEBOOKS[0]
    page = context.new_page()
    try:
        page.goto(f"{base}/lab/workspaces/e2e-export/tree/notebooks/{path.name}?reset&token={token}", timeout=60_000)
        open_notebook(page)
        page.locator(".jp-Notebook").first.click()  # the notebook has the focus, so the menu acts on it
        page.get_by_role("menuitem", name="File", exact=True).click()
        export = page.locator(".lm-Menu-item", has_text="Save and Export Notebook As")
        try:
            export.first.hover(timeout=30_000)
        except Exception:
            shoot(page, "export-menu")
            raise AssertionError("File menu items: " + " | ".join(page.locator(".lm-Menu-itemLabel").all_inner_texts()))
        # The export opens a new window on /nbconvert/html/<path>?download=true&sanitize_html=...; its
        # response is a download, so the test takes the request's URL and reads the same response itself.
        with page.context.expect_event("request", lambda r: "/nbconvert/html/" in r.url, timeout=60_000) as request:
            page.locator(".lm-Menu-item", has_text=re.compile(r"^\s*HTML\s*$")).first.click()
            dialog = page.locator(".jp-Dialog", has_text="Sanitize HTML")
            dialog.wait_for(timeout=30_000)
            box = dialog.locator("input[type=checkbox]")
            assert box.is_checked(), "JupyterLab no longer proposes 'Sanitize HTML output': update this test"
            dialog.locator(".jp-mod-accept").click()
        url = request.value.url
        assert "sanitize_html=true" in url, url
        exported = page.request.get(f"{url}&token={token}").text()
        assert "jp-Notebook" in exported, f"no notebook in the export: {exported[:300]}"
    finally:
        page.close()
        shut_down_kernels(base, token, path)
    raw = [tag for tag in ("&lt;h1", "&lt;h2", "&lt;p&gt;", "&lt;table", "&lt;thead", "&lt;li&gt;") if tag in exported]
    assert not raw, f"the sanitized export shows raw tags {raw}: the project's safe_html filter is not in use"
    markdown = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    for tag, pattern in (("<h1", r"^# "), ("<h2", r"^## "), ("<table", r"^\|.*\|$"), ("<details", r"<details")):
        if re.search(pattern, markdown, re.M):
            assert tag in exported, f"{path.name}'s markdown has {tag[1:]} but the export lacks it"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def shut_down_kernels(base, token, path):
    """End the sessions still open on path (closing a tab without shutting down leaves its kernel running),
    so kernels do not pile up; the other tab's notebook keeps its own."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as r:
        sessions = [s for s in json.load(r) if s.get("path", "").endswith(f"notebooks/{path.name}")]
    for session in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=30).close()
