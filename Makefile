# Two commands on a fresh machine: `make build` and `make test`.
# Both create .venv from the hash-pinned requirements.lock, so a build is reproducible.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What WeasyPrint needs to write hela-programmet.pdf: Pango and a font.
SYSTEM_PACKAGES_PDF := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
# The Nu Html Checker (vnu-jar, pinned in package.json and package-lock.json) for the tests.
NODE_STAMP := node_modules/.installed
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

# Material prints a banner about MkDocs 2.0 on every build; the risk is noted in DESIGN.md.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build build-publik test test-snabb check serve lint lock clean bench

# The intranet site. `styrdok bygg` runs `mkdocs build --strict` in a temporary folder,
# scans it for leaks (as `styrdok lackor`), writes SHA256SUMS and MANIFEST.json and only
# then replaces site/: a failed build leaves the previous site/ as it was.
build: $(STAMP)
	$(BIN)/styrdok bygg --malgrupp intranät --till site

# The public site: öppen documents only, in site-publik/, scanned for anything else.
build-publik: $(STAMP)
	$(BIN)/styrdok bygg --malgrupp publik --till site-publik

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/styrdok check
	$(BIN)/pytest -n 2 --dist loadfile

# The quick tests while working: all but those marked slow (site builds, the browser, the
# command in a subprocess; tests/README.md). `make test` runs them all, as CI does.
test-snabb: $(STAMP)
	$(BIN)/pytest -m "not slow"

check: $(STAMP)
	$(BIN)/styrdok check

serve: $(STAMP)
	$(BIN)/styrdok forhandsgranska --adress 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# A measurement, not a test. First the scale benchmark (issue 17, BENCHMARKS.md): both
# audiences' builds against plain MkDocs at 2,000 and 4,000 generated anvisningar, the
# check against libyaml, the preview's reload, each ratio against its target. Then the
# site with the anvisningar ×1 and ×10 and the real follow-up against 1, 5 and 10
# generated years (one run each, to keep `make bench` under 15 minutes), and the API
# alone at 5,000 anvisningar: no published JSON file above 5 MB (benchmarks/README.md).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scale.py --out benchmarks/results-scale.json --markdown benchmarks/results-scale.md
	$(BIN)/python benchmarks/bench_build.py --factors 1 10 --uppfoljning 1 5 10 --runs 1 --out benchmarks/results.json
	$(BIN)/python benchmarks/bench_api.py --factor 278 --out benchmarks/results-api.json

$(STAMP): requirements.lock pyproject.toml
	tools/systempaket $(SYSTEM_PACKAGES_PDF)
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "styrdok behöver Python 3.11 eller nyare: installera det, eller ange det med make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Java and npm from the system's packages, then the checker exactly as locked; its
# install script (a version check) is not needed and not run.
$(NODE_STAMP): package.json package-lock.json
	tools/systempaket default-jre-headless npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	java -jar $(VNU_JAR) --version
	touch $(NODE_STAMP)

# Regenerate the lock after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# The second line removes what a killed `styrdok bygg` leaves next to a site (tools/publish/swap.py).
clean:
	rm -rf $(VENV) node_modules site site-publik .pytest_cache .ruff_cache .hypothesis
	rm -rf .site.bygge-* .site.gammal-* .site-publik.bygge-* .site-publik.gammal-*
