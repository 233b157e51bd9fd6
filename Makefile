# Two commands do everything: `make serve` to preview, `make test` to check.
# Each target first makes .venv from requirements.txt (once, and again when
# requirements.txt changes); a fresh machine needs only Python 3.11 and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The uv that installs everything is pinned in requirements.txt too.
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements.txt)

.PHONY: serve test build update lock bench install clean

## serve: preview the site on http://127.0.0.1:8000/ (both languages), reloading on every save
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: every check: the examples against TensorFlow, the translations, the built site
test: $(INSTALLED)
	$(BIN)/pytest

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
	$(BIN)/python tests/bench.py $(if $(SETUP),--setup)

## install: only make .venv (the one step that needs the package index)
install: $(INSTALLED)

clean:
	rm -rf $(VENV) site

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --python $(BIN)/python --requirement requirements.txt
	touch $@
