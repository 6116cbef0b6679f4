# Project configuration for the JupyterLab that `make lab` and the end-to-end test start
# (found through JUPYTER_CONFIG_PATH=<repo>/jupyter, which the Makefile and tests/conftest.py set).
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from safe_html import clean_html  # noqa: E402

c = get_config()  # noqa: F821

# File -> Save and Export Notebook As -> HTML asks "Sanitize HTML output" (ticked by default); nbconvert's
# sanitizer then prints markdown headings, paragraphs and tables as raw tags. Ours keeps them, still safe.
c.TemplateExporter.filters = {"clean_html": clean_html}

# No "Would you like to get notified about official Jupyter news?" pop-up over the first cell, and no
# news or update checks sent from a learner's machine (overrides.json sets fetchNews to "false").
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.app_settings_dir = str(HERE / "lab-settings")
