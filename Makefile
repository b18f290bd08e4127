# Cancún 2003 Reader. `make serve` and `make test` do all the set-up they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1:8000

# Material prints a notice about its end of life at every build; the README says what it means.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup pages site serve test lint format lock clean golden

setup: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

pages: setup  ## convert sources/ and topics/ into docs/articles and docs/topics
	$(BIN)/python scripts/build.py

site: setup  ## the offline site in site/ (open site/index.html from disk)
	$(BIN)/mkdocs build --strict

serve: setup  ## build, serve on http://$(HOST) and rebuild when a source text is saved
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

test: setup lint
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:  ## pin exact versions of everything in pyproject.toml into requirements.lock
	$(BIN)/pip-compile --quiet --extra site --extra dev --generate-hashes --strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf site docs/articles docs/topics docs/.generated.json .pytest_cache .ruff_cache

golden: setup  ## rewrite tests/golden/*.md from the current build; review the diff before committing
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py
