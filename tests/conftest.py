"""Shared settings for the notebook and end-to-end tests."""
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXECUTED = ROOT / "build" / "executed"
# The kernel's JVM options are defined once, in this file (the Makefile reads it too).
KERNEL_JVM_OPTIONS = ROOT / "jupyter" / "kernel-jvm.options"

os.environ.setdefault("JJAVA_JVM_OPTS", KERNEL_JVM_OPTIONS.read_text().strip())
os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))
os.environ.setdefault("JUPYTER_CONFIG_PATH", str(ROOT / "jupyter"))

# A kernel probe shared by the notebook and kernel tests: the names of the threads (other than the probe's)
# that used more than 50 ms of CPU in one second. One expression, so that JShell compiles it before the
# second starts (compiling on the Shell thread is not a leak).
BUSY = """((java.util.function.Supplier<java.util.List<String>>) () -> {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    var cpu0 = new java.util.HashMap<Long, Long>();
    for (Thread t : Thread.getAllStackTraces().keySet()) cpu0.put(t.getId(), mx.getThreadCpuTime(t.getId()));
    try { Thread.sleep(1000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t != Thread.currentThread() && cpu0.containsKey(t.getId())
                     && mx.getThreadCpuTime(t.getId()) - cpu0.get(t.getId()) > 50_000_000L)
        .map(Thread::getName).sorted().toList();
}).get()"""
