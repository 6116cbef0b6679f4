"""Shared settings for the notebook and end-to-end tests."""
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXECUTED = ROOT / "build" / "executed"

os.environ.setdefault("JJAVA_JVM_OPTS", "-Djava.awt.headless=true -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))
