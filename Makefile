# Reading neurons together: every task is one target. `make` lists them.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build widgets test test-fast bench shots lint clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@echo "== First run: creating $(VENV) and installing the package with its docs and test tools"
	@echo "   (numpy, bokeh, mkdocs-material, mkdocs-jupyter, pytest, playwright...; a minute or two)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --progress-bar off -e '.[docs,test]' | grep --line-buffered -E '^(Collecting|Successfully)' || true
	@$(BIN)/python -c "import neuron_tutorial, bokeh, mkdocs" || { echo "installation failed"; exit 1; }
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the package with its docs and test tools

serve: $(STAMP) ## serve the site at http://127.0.0.1:8000 (rebuilds on every edit)
	NT_NOTEBOOK_CACHE=true $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## build the deployable site into site/
	$(BIN)/mkdocs build --strict --site-dir site

widgets: $(STAMP) ## render every figure to build/site-assets/widgets/
	$(BIN)/python -m neuron_tutorial build --out build/site-assets

test: $(STAMP) ## run every test: mathematics, JavaScript (Node), site build and headless Chromium
	$(BIN)/python tests/browser/find_browser.py
	@command -v node >/dev/null || { echo "The JavaScript tests need Node: sudo apt-get install nodejs"; exit 1; }
	@echo "== Building the site once for the browser tests (mkdocs build --strict)"
	rm -rf build/test-site
	NT_WIDGET_CACHE=build/test-widgets $(BIN)/mkdocs build --strict --quiet --site-dir build/test-site
	@echo "== Running the tests on every core"
	NT_BUILT_SITE=build/test-site $(BIN)/pytest -n auto --dist loadfile

test-fast: $(STAMP) ## run the tests that need no browser (Node included)
	$(BIN)/pytest -m "not browser" -n auto

bench: $(STAMP) ## print the performance figures (partition, build, sizes, browser)
	$(BIN)/python bench/bench.py

shots: $(STAMP) ## screenshots (light, dark, 1440 and 390 px) of TARGETS="regions_2d 05-regions/" into build/shots
	@test -f build/test-site/index.html || NT_WIDGET_CACHE=build/test-widgets $(BIN)/mkdocs build --strict --quiet --site-dir build/test-site
	$(BIN)/python tests/browser/shots.py $(TARGETS)

lint: $(STAMP) ## check style with ruff
	$(BIN)/ruff check neuron_tutorial tests bench docs/hooks

clean: ## remove build outputs (keeps .venv)
	rm -rf build site .pytest_cache .hypothesis .ruff_cache
