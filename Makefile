# System Design, by Experiment. Two commands matter:
#   make lab    set up (first time), build the library if lib/ changed, copy new topics into my-notebooks/
#               (your own copies, never overwritten) and open them in JupyterLab
#   make test   build, run the library's tests, execute every notebook headless, export the HTML site,
#               and drive JupyterLab in headless Chromium (end-to-end)
# Others: make check NB=07 (one notebook's quick loop), make html (static site only), make bench, make clean.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
# Maven: the pinned version, fetched once from Maven Central into .tools/ (the only Maven pin: CI and
# environment.yml use this one too). `make MVN=mvn ...` uses the Maven on your PATH instead.
MAVEN_VERSION := 3.9.16
MAVEN_URL := https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$(MAVEN_VERSION)/apache-maven-$(MAVEN_VERSION)-bin.tar.gz
MVN ?= $(CURDIR)/.tools/apache-maven-$(MAVEN_VERSION)/bin/mvn
JAR    := lib/target/sdx-all.jar
# Everything the jar is built from: it is rebuilt only when one of these is newer than the jar.
LIB_SOURCES := pom.xml lib/pom.xml $(shell find lib/src/main -type f 2>/dev/null)
# Learners' own copies of the notebooks (git-ignored): made on the first `make lab`, never overwritten.
MINE   := my-notebooks
# Parallel notebook tests (pytest-xdist workers); JOBS=1 runs them one after another.
JOBS   ?= 2
# The Java kernel's JVM options: defined once, in jupyter/kernel-jvm.options (read by tests/conftest.py and
# tools/run_notebook.py too). Export your own JJAVA_JVM_OPTS to override.
export JJAVA_JVM_OPTS ?= $(shell cat jupyter/kernel-jvm.options)
# JupyterLab and the tests find the kernelspec inside .venv, and the project's JupyterLab settings in jupyter/.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export JUPYTER_CONFIG_PATH := $(CURDIR)/jupyter

$(CURDIR)/.tools/apache-maven-$(MAVEN_VERSION)/bin/mvn:
	mkdir -p .tools
	curl -fsSL $(MAVEN_URL) | tar -xz -C .tools

.PHONY: lab copies test lib-test notebooks check html site e2e bench venv build clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements.txt
	@touch $@

venv: $(VENV)/.installed

# The shaded library jar the notebooks load (its tests run in `make test`). Maven may leave an up-to-date
# jar untouched, hence the touch.
$(JAR): $(LIB_SOURCES) | $(MVN)
	cd lib && $(MVN) -q -B package -DskipTests
	@touch $@

build: $(JAR)

# Copy every committed notebook that is not yet in my-notebooks/ (a new topic after `git pull` arrives
# there on the next `make lab`); an existing copy is never touched. Same depth as notebooks/, so
# `%classpath ../lib/target/sdx-all.jar` resolves in both.
copies:
	@mkdir -p $(MINE)
	@for nb in notebooks/[0-9][0-9]-*.ipynb; do name=$${nb##*/}; \
	  if [ ! -e "$(MINE)/$$name" ]; then cp "$$nb" "$(MINE)/$$name" && echo "new in $(MINE)/: $$name"; fi; \
	done

lab: venv $(JAR) copies
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(MINE) $(if $(filter 0,$(shell id -u)),--allow-root) $(MINE)/00-welcome.ipynb

test: venv lib-test notebooks site e2e
	@echo "make test: all passed"

lib-test: | $(MVN)
	cd lib && $(MVN) -q -B verify

# Execute every committed notebook twice in one kernel (fail on any error or stderr output, differing
# output after masking wall-clock numbers, or leaked threads), then, in the same kernel, its exercise cells
# with the printed solutions in place of the stubs. Notebooks run $(JOBS) at a time.
notebooks: venv $(JAR)
	$(VPY) -m pytest -q -n $(JOBS) tests/test_course_map.py tests/test_kernel.py tests/test_notebooks.py

# An author's quick loop for one notebook: rebuild the jar if lib/ changed, then that notebook's run-twice
# test (which grades its stubs and its printed solutions too). `make check NB=07`
check: venv $(JAR)
	@test -n "$(NB)" || { echo "usage: make check NB=07"; exit 2; }
	@ls notebooks/$(NB)-*.ipynb >/dev/null 2>&1 || { echo "no notebook notebooks/$(NB)-*.ipynb"; exit 2; }
	$(VPY) -m pytest -q tests/test_notebooks.py -k "$(NB)-"

# The static site: site/index.html linking every executed committed notebook, images inlined. A notebook is
# re-executed when it, or the jar, is newer than its executed copy in build/executed/.
html: venv $(JAR) site

site: venv $(JAR)
	$(VPY) tools/build_site.py

e2e: venv $(JAR)
	$(VPY) -m pytest -q tests/test_e2e_jupyterlab.py tests/test_xss_browser.py

bench: venv $(JAR)
	$(VPY) tools/bench.py

clean:
	rm -rf lib/target build site
