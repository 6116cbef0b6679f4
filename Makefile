# System Design, by Experiment. Two commands matter:
#   make lab    set up (first time), build the library, open the course in JupyterLab
#   make test   build, run the library's tests, execute every notebook headless, export the HTML site,
#               and drive JupyterLab in headless Chromium (end-to-end)
# Others: make html (static site only), make bench (benchmarks), make clean.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
# Maven: the one on PATH, or else a private copy fetched once from Maven Central into .tools/.
MAVEN_VERSION := 3.9.16
MAVEN_URL := https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$(MAVEN_VERSION)/apache-maven-$(MAVEN_VERSION)-bin.tar.gz
MVN ?= $(or $(shell command -v mvn 2>/dev/null),$(CURDIR)/.tools/apache-maven-$(MAVEN_VERSION)/bin/mvn)
JAR    := lib/target/sdx-all.jar
# The Java kernel's JVM: headless AWT (charts render without a display) and a sensible heap.
export JJAVA_JVM_OPTS ?= -Djava.awt.headless=true -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1
# JupyterLab and the tests find the kernelspec inside .venv.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter

$(CURDIR)/.tools/apache-maven-$(MAVEN_VERSION)/bin/mvn:
	mkdir -p .tools
	curl -fsSL $(MAVEN_URL) | tar -xz -C .tools

.PHONY: lab test lib-test notebooks html site e2e bench venv build clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements.txt
	@touch $@

venv: $(VENV)/.installed

# Build the shaded library jar the notebooks load (tests run in `make test`).
build: $(MVN)
	cd lib && $(MVN) -q -B package -DskipTests

lab: venv build
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00-welcome.ipynb

test: venv lib-test notebooks site e2e
	@echo "make test: all passed"

lib-test: $(MVN)
	cd lib && $(MVN) -q -B verify

# Execute every notebook twice in one kernel (fail on any error or stderr output, differing output or leaked
# threads), then once more with the printed solutions in place of the stubs (they must pass their checks).
notebooks: venv
	$(VPY) -m pytest -q tests/test_course_map.py tests/test_notebooks.py tests/test_solutions.py

# The static site: site/index.html linking every executed notebook, images inlined.
html: venv build site

site: venv
	$(VPY) tools/build_site.py

e2e: venv
	$(VPY) -m pytest -q tests/test_e2e_jupyterlab.py

bench: venv build
	$(VPY) tools/bench.py

clean:
	rm -rf lib/target build site
