"""End to end, as a learner: JupyterLab in headless Chromium opens each notebook, runs all cells, and
every chart shows with no error output; and the export a learner reaches first (File -> Save and Export
Notebook As -> HTML, "Sanitize HTML output" ticked, as JupyterLab proposes) shows markdown and tables as
HTML, not as raw tags.

Needs Chromium (Debian: `apt-get install chromium`, found at /usr/bin/chromium or $CHROMIUM). Without
it the test is skipped, unless REQUIRE_E2E=1 (set by .ci/run), in which case it fails. The notebooks
are copied to a temporary folder first, so JupyterLab's autosave never writes outputs into the repo; the
server's settings and workspaces live in that folder too (nothing is written to the user's home). The
server reads the project's configuration from jupyter/ (JUPYTER_CONFIG_PATH), as `make lab` does.
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
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
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


def expected_images(path):
    done = EXECUTED / path.name
    if not done.exists():
        return None
    nb = nbformat.read(done, as_version=4)
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_run_all_in_jupyterlab_shows_charts_and_no_errors(lab, browser, path):
    base, token = lab
    code_cells = sum(1 for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # A workspace of its own: JupyterLab would otherwise reopen the tabs of the previous test.
        page.goto(f"{base}/lab/workspaces/e2e-{path.stem}/tree/notebooks/{path.name}?reset&token={token}",
                  timeout=60_000)
        open_notebook(page)
        run_all(page)
        deadline = time.time() + 240
        while time.time() < deadline:
            prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
            done = [p for p in prompts if re.search(r"\[\d+\]", p)]
            if len(done) == code_cells and not any("*" in p for p in prompts):
                break
            time.sleep(1)
        else:
            shoot(page, path.stem + "-timeout")
            pytest.fail(f"{path.name}: cells still running after 240 s: {prompts}")
        if page.locator(".jp-OutputArea-output img").count():
            page.locator(".jp-OutputArea-output img").first.scroll_into_view_if_needed()
        shoot(page, path.stem)
        # JupyterLab asks about news a moment after it starts; by now it would have (jupyter/ switches it off).
        assert not page.get_by_text("official Jupyter news").count(), "JupyterLab's news pop-up shows"
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"{path.name}: error output in JupyterLab: {errors.first.inner_text()[:500]}"
        images = page.locator(".jp-OutputArea-output img").count()
        want = expected_images(path)
        assert images >= (want if want is not None else 1), f"{path.name}: {images} charts shown, expected {want}"
    finally:
        page.close()
        shut_down_kernels(base, token)


def run_all(page):
    """Run -> Run All Cells. JupyterLab drops the request when the kernel connection is not ready yet (every
    prompt stays "[ ]", nothing queued; seen once in CI): a learner would click again, and so does this test,
    once, if nothing has started within 30 s."""
    for attempt in range(2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        deadline = time.time() + 30
        while time.time() < deadline:
            if any(re.search(r"\[(\*|\d+)\]", p) for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()):
                return
            time.sleep(0.5)


def open_notebook(page):
    """Wait for the notebook and its Java session. JupyterLab sometimes asks "Select Kernel" when a notebook
    opens by workspace URL before the kernelspecs have loaded; its proposed choice is the notebook's own
    kernel (Java), so accept it, as a learner would."""
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    deadline = time.time() + 60
    while time.time() < deadline:
        dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
        if dialog.count():
            assert "Java" in dialog.first.inner_text(), f"Select Kernel offers no Java: {dialog.first.inner_text()}"
            dialog.first.locator(".jp-mod-accept").click()
        # JJava reports no status until its first execution: wait for the session, not for "Idle".
        if page.locator(".jp-StatusBar-TextItem", has_text="Java").count():
            return
        time.sleep(0.5)
    shoot(page, "no-kernel")
    pytest.fail("no Java kernel session within 60 s")


def test_menu_export_to_html_shows_markdown_and_tables(lab, browser):
    """File -> Save and Export Notebook As -> HTML, with JupyterLab's default "Sanitize HTML output"."""
    base, token = lab
    path = NOTEBOOKS[0]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
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
        shut_down_kernels(base, token)
    raw = [tag for tag in ("&lt;h1", "&lt;h2", "&lt;p&gt;", "&lt;table", "&lt;thead", "&lt;li&gt;") if tag in exported]
    assert not raw, f"the sanitized export shows raw tags {raw}: the project's safe_html filter is not in use"
    markdown = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    for tag, pattern in (("<h1", r"^# "), ("<h2", r"^## "), ("<table", r"^\|.*\|$"), ("<details", r"<details")):
        if re.search(pattern, markdown, re.M):
            assert tag in exported, f"{path.name}'s markdown has {tag[1:]} but the export lacks it"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def shut_down_kernels(base, token):
    """Closing a tab leaves its kernel running: end every session so kernels do not pile up."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.load(r)
    for session in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=30).close()
