"""The Java kernel the course runs on: its extension API matches the library, and what "interrupt" does.

1. The library compiles its JJava display hook against `jjava-jupyter` 1.0-a6 (the newest release on Maven
   Central) while pip's `jjava` 1.0a8 bundles `jjava-jupyter` 1.0-a8. The hook's source must therefore also
   compile against the kernel actually installed: compiled here against the kernel's own jar.
2. Interrupting a runaway cell (`while (true) {}`): JJava 1.0a8 runs each cell on its own executor thread
   and answers an interrupt with Thread.interrupt() only; its execution control extends JShell's
   DirectExecutionControl, not LocalExecutionControl, so JDK 20+'s loop instrumentation (JDK-8289613) never
   applies, on any JDK. A loop that ignores interrupts keeps a core busy until the kernel restarts. The test
   checks that the kernel survives the interrupt and still runs cells; if the runaway thread is still
   burning CPU afterwards, the welcome notebook must tell learners to restart the kernel after interrupting.
"""
import os
import pathlib
import queue
import re
import shutil
import subprocess
import tempfile
import time

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from conftest import BUSY, ROOT

KERNEL_DIR = pathlib.Path(os.environ["JUPYTER_PATH"].split(os.pathsep)[0]) / "kernels" / "java"
JAR = ROOT / "lib" / "target" / "sdx-all.jar"
WELCOME = ROOT / "notebooks" / "00-welcome.ipynb"



def test_display_hook_compiles_against_the_installed_kernel():
    kernel_jar = KERNEL_DIR / "jjava.jar"
    assert kernel_jar.exists(), f"no JJava kernel at {KERNEL_DIR}: run `make venv`"
    assert JAR.exists(), f"{JAR} is missing: run `make build`"
    sources = [p for p in (ROOT / "lib" / "src" / "main" / "java").rglob("*.java") if "org.dflib.jjava" in p.read_text()]
    assert sources, "no library source uses JJava's API: the display hook is gone?"
    javac = shutil.which("javac")
    assert javac, "javac not found (a JDK >= 17 is required)"
    with tempfile.TemporaryDirectory() as out:
        # The kernel's jar first, so its classes win over anything the shaded jar might hold.
        proc = subprocess.run([javac, "-nowarn", "-proc:none", "-d", out, "-cp", f"{kernel_jar}{os.pathsep}{JAR}",
                               *map(str, sources)], capture_output=True, text=True)
    assert proc.returncode == 0, ("the library's JJava hook does not compile against the installed kernel "
                                  f"({kernel_jar}):\n{proc.stderr[-3000:]}")


def run(kc, code, timeout=60):
    """Execute code; return (status of the reply, text of its results and streams)."""
    msg_id = kc.execute(code)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout):
    texts, deadline = [], time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            texts.append(content["text"])
        elif kind in ("execute_result", "display_data"):
            texts.append(content["data"].get("text/plain", ""))
        elif kind == "error":
            texts.append(f"{content['ename']}: {content['evalue']}")
        elif kind == "status" and content["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], "".join(texts)


def welcome_text():
    return "\n".join(c.source for c in nbformat.read(WELCOME, as_version=4).cells if c.cell_type == "markdown")


def test_interrupting_a_runaway_cell():
    km, kc = start_new_kernel(kernel_name="java")
    try:
        status, _ = run(kc, "1 + 1", timeout=120)
        assert status == "ok"
        msg_id = kc.execute("while (true) {}")
        time.sleep(2)
        t = time.time()
        km.interrupt_kernel()
        status, text = collect(kc, msg_id, timeout=30)
        took = time.time() - t
        assert status == "error", f"the interrupted cell replied {status}: {text}"
        assert took < 10, f"the interrupt took {took:.1f} s to answer"
        status, text = run(kc, "6 * 7")
        assert (status, text.strip()) == ("ok", "42"), f"the kernel does not run cells after an interrupt: {text}"
        status, busy = run(kc, BUSY)
        assert status == "ok", busy
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if re.search(r"\w", busy.strip("[] \n")):
        # The runaway loop still runs (JJava 1.0a8 on any JDK): learners must be told to restart.
        text = welcome_text()
        assert re.search(r"interrupt[^.]*then restart", text, re.I), (
            f"after an interrupt the runaway cell's thread still burns CPU ({busy.strip()}), so the welcome "
            "notebook must say 'interrupt, then restart the kernel'")
