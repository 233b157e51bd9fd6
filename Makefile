# Two commands do everything: `make serve` to preview, `make test` to check.
# Each target first makes .venv from requirements.txt (once, and again when
# requirements.txt changes); a fresh machine needs only Python 3.11 and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The uv that installs everything is pinned in requirements.txt too.
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements.txt)

.PHONY: serve test test-tf build update lock bench install browser clean

## serve: preview the site on http://127.0.0.1:8000/ (both languages), reloading on every save
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: every check: the examples against TensorFlow, the translations, the built site,
## in one test process per core (pytest-xdist; the examples and the notebooks each in one of them)
test: $(INSTALLED) browser
	$(BIN)/pytest --numprocesses auto --dist loadgroup

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

## install: make .venv, and get chromium for the browser tests (the steps that need the network)
install: $(INSTALLED) browser

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
	rm -rf $(VENV) site

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --python $(BIN)/python --requirement requirements.txt
	touch $@
