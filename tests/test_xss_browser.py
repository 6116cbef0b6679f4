"""XSS in a real browser: the comment board (sdx.security.BoardMain, started from the jar on 127.0.0.1) gets
stored and reflected payloads, and headless Chromium loads its pages. Proven here, never in a notebook:
* the unsafe page (string concatenation) runs the injected script and the injected event handler;
* the encoded page (OWASP Java Encoder) runs neither and shows each payload as text;
* the unsafe page sent with a Content-Security-Policy runs no inline script, and the browser reports
  `securitypolicyviolation` events.
A payload "runs" when it increments `window.xss`. A listener for CSP violations is added before any page script
(Playwright's init scripts go through the DevTools protocol, which CSP does not govern).

Needs Chromium and the jar; skipped without Chromium unless REQUIRE_E2E=1 (as tests/test_e2e_jupyterlab.py).
"""
import os
import pathlib
import subprocess
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
JAR = ROOT / "lib" / "target" / "sdx-all.jar"

if not pathlib.Path(CHROMIUM).exists():
    if os.environ.get("REQUIRE_E2E") == "1":
        pytest.fail(f"REQUIRE_E2E=1 but no Chromium at {CHROMIUM}: apt-get install chromium", pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

SCRIPT = "<script>window.xss = (window.xss || 0) + 1</script>"
HANDLER = '<img src=x onerror="window.xss = (window.xss || 0) + 1">'
WATCH = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));"""


@pytest.fixture(scope="module")
def board():
    """The board in a child JVM: it prints its port, and exits when its stdin closes (or after 60 s)."""
    assert JAR.exists(), f"build the jar first: make build ({JAR} is missing)"
    proc = subprocess.Popen(["java", "-cp", str(JAR), "sdx.security.BoardMain", "60"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("port="), f"BoardMain printed {line!r}"
        base = f"http://127.0.0.1:{int(line[5:])}"
        for payload in (SCRIPT, HANDLER):
            body = urllib.parse.urlencode({"text": payload}).encode()
            with urllib.request.urlopen(urllib.request.Request(f"{base}/comments", data=body), timeout=5) as r:
                assert r.status == 201
        yield base
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def visit(browser, url):
    """Loads url; returns (times a payload ran, CSP violations, the text a reader sees)."""
    page = browser.new_page()
    try:
        page.add_init_script(WATCH)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # let the broken image's onerror fire
        return page.evaluate("window.xss || 0"), page.evaluate("window.cspViolations"), page.inner_text("body")
    finally:
        page.close()


def test_stored_xss_runs_on_the_unsafe_page_only(board, browser):
    ran, _, _ = visit(browser, f"{board}/board?mode=unsafe")
    assert ran >= 2, f"the script and the onerror handler should both run on the unsafe page, ran {ran}"
    ran, violations, text = visit(browser, f"{board}/board?mode=encoded")
    assert ran == 0, "an injected script ran on the encoded page"
    assert SCRIPT in text and HANDLER in text, f"the encoded page should show the payloads as text: {text[:300]}"
    assert violations == []


def test_csp_blocks_inline_scripts_on_the_unsafe_page(board, browser):
    ran, violations, _ = visit(browser, f"{board}/board?mode=csp")
    assert ran == 0, "an inline script ran despite the Content-Security-Policy"
    assert violations and all(v.startswith("script-src") for v in violations), violations


def test_reflected_xss(board, browser):
    q = urllib.parse.quote(SCRIPT)
    assert visit(browser, f"{board}/search?mode=unsafe&q={q}")[0] >= 1
    ran, _, text = visit(browser, f"{board}/search?mode=encoded&q={q}")
    assert ran == 0 and SCRIPT in text
    ran, violations, _ = visit(browser, f"{board}/search?mode=csp&q={q}")
    assert ran == 0 and violations
