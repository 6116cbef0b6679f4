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
