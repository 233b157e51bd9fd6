# Two commands do everything: `make serve` to preview, `make test` to check.
# Each target first makes .venv from requirements.txt (once, and again when
# requirements.txt changes); a fresh machine needs only Python 3.11 and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# What the browser tests load from npm (axe-core), as package-lock.json pins it.
NODE := node_modules/.package-lock.json
# The uv that installs everything is pinned in requirements.txt too.
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements.txt)

.PHONY: help serve test check page test-tf build update lock bench install browser clean

# The checks that need neither TensorFlow nor the built site: `make check`
# runs them first, in seconds, and `make test` after it runs all the rest.
CHECKS := tests/test_page_rules.py tests/test_translations.py tests/test_pasting.py tests/test_cheatsheet.py \
  tests/test_error_index.py tests/test_outputs.py tests/test_workflows.py tests/test_drift.py \
  tests/test_claims.py

## help: list these targets (from the Makefile's own `## target:` lines)
help:
	@awk '/^## [a-z-]+:/ { sub(/^## /, ""); split($$0, part, ": "); printf "  make %-10s %s\n", part[1], substr($$0, length(part[1]) + 3); next } \
	  /^## / { sub(/^## /, ""); printf "  %-15s %s\n", "", $$0 }' $(MAKEFILE_LIST)

## serve: preview the site on http://127.0.0.1:8000/ (both languages), reloading on every save
## (PORT=8001 for another port); without the pages' "last updated" dates, which only the build has
PORT ?= 8000
serve: $(INSTALLED)
	GIT_DATES=false $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## test: every check: `make check` first, then the examples against TensorFlow, the notebooks,
## the built site and the browser tests, in one test process per core (pytest-xdist)
test: check browser $(NODE)
	$(BIN)/pytest --numprocesses auto --dist loadgroup $(addprefix --ignore=,$(CHECKS))

## check: the quick checks, in seconds: ruff (lint and format), zizmor on the workflows,
## and the page rules that need no TensorFlow (the translations, pasting, the cheat sheet's sources)
check: $(INSTALLED)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/pytest --quiet $(CHECKS)

## page: one page, in every language: its examples (alone and in page order) and its claims: make page PAGE=tf2/custom-layers
page: $(INSTALLED)
	@test -n "$(PAGE)" || { echo "make page PAGE=<page>: which page? For example PAGE=tf2/custom-layers (docs/en/tf2/custom-layers.md)"; exit 2; }
	@test -f "docs/en/$(PAGE).md" || { echo "make page: there is no docs/en/$(PAGE).md"; exit 2; }
	$(BIN)/pytest tests/test_docs.py tests/test_in_order.py tests/test_claims.py -k "/$(PAGE).md"

## test-tf: the examples and notebooks against another TensorFlow (TF=2.15.1, or TF=latest), in its own
## .venv-tf-<version>, pages untouched: reports each block that prints something else (also in .drift/<version>.txt)
test-tf:
	@test -n "$$TF" || { echo "make test-tf TF=<version>: which TensorFlow? For example TF=2.15.1, or TF=latest"; exit 2; }
	$(PYTHON) scripts/tensorflow_drift.py "$$TF"

## build: the static site, strictly, into site/
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

## update: rewrite every expected output (#> lines) in the pages from what TensorFlow prints,
## then the cheat sheet's cells from those outputs, then the notebooks' stored outputs
update: $(INSTALLED)
	$(BIN)/pytest -p no:randomly tests/test_docs.py --update-examples
	$(BIN)/pytest -p no:randomly tests/test_cheatsheet.py --update-examples
	$(BIN)/pytest -p no:randomly tests/test_notebooks.py --update-examples

## lock: re-pin requirements.txt after a change to requirements.in (needs the package index)
lock: $(INSTALLED)
	$(BIN)/uv pip compile --universal --python-version 3.11.7 --custom-compile-command "make lock" requirements.in -o requirements.txt

## bench: time what writers and readers wait for (SETUP=1 also times making .venv); see .bench/results.json
bench: $(INSTALLED)
	$(BIN)/python scripts/bench.py $(if $(SETUP),--setup)

## install: make .venv, get axe-core (npm ci) and chromium for the browser tests (the steps that need the network)
install: $(INSTALLED) $(NODE) browser

## browser: Debian's chromium and a CJK font for tests/browser/, from apt-get when missing,
## as root (or with sudo in CI); without them the browser tests fail, unless SKIP_BROWSER_TESTS=1
browser:
	@set -- $$(command -v chromium >/dev/null || echo chromium) $$(fc-list :lang=zh 2>/dev/null | grep -q . || echo fonts-noto-cjk); \
	if [ $$# = 0 ] || { [ "$$SKIP_BROWSER_TESTS" = 1 ] && [ "$$CI" != true ]; }; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=; \
	elif [ "$$CI" = true ] && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "make: the browser tests need $$* (apt-get install $$*, as root); without, they fail (SKIP_BROWSER_TESTS=1 skips them)"; exit 0; fi; \
	echo "make: installing $$* for the browser tests"; \
	$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$* \
	  || echo "make: could not install $$*: the browser tests will fail (SKIP_BROWSER_TESTS=1 skips them)"

clean:
	rm -rf $(VENV) site node_modules

$(NODE): package-lock.json
	@command -v npm >/dev/null || { echo "make: the browser tests need npm for axe-core (apt-get install npm)"; exit 2; }
	npm ci --no-audit --no-fund --ignore-scripts

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --python $(BIN)/python --requirement requirements.txt
	touch $@
