# Cancún 2003 Reader. `make serve` and `make test` do all the set-up they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1:8000

# Material prints a notice about its end of life at every build; the README says what it means.
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium
CHROME_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync

.PHONY: setup browser pages site serve test lint format lock clean golden pdf bundle audit bench corpus

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

# Debian's Chromium (browser tests, PDFs) and poppler-utils (pdftotext). Installed when missing and
# this is root with apt-get, as on CI; otherwise the browser tests are skipped and say why.
browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing chromium, chromium-driver and poppler-utils from Debian ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				chromium chromium-driver poppler-utils >/dev/null; \
		else \
			echo "Chromium is missing and cannot be installed here (root and apt-get needed): browser tests will be skipped."; \
		fi; \
	fi

test: setup lint browser
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

pdf: site browser  ## each article printed to dist/<slug>.pdf by headless Chromium
	mkdir -p dist
	for page in site/articles/*.html; do \
		slug=$$(basename $$page .html); [ "$$slug" = index ] && continue; \
		$(CHROMIUM) $(CHROME_FLAGS) --user-data-dir=$$(mktemp -d) --no-pdf-header-footer \
			--print-to-pdf=dist/$$slug.pdf "file://$(CURDIR)/$$page" 2>/dev/null || exit 1; \
		echo "dist/$$slug.pdf"; \
	done

bundle: site  ## dist/cancun-reader-site.zip: the offline site, to unzip and open anywhere
	mkdir -p dist
	rm -f dist/cancun-reader-site.zip
	$(BIN)/python -m zipfile -c dist/cancun-reader-site.zip site
	@echo "dist/cancun-reader-site.zip: unzip it anywhere and open site/index.html"

audit: site browser  ## Lighthouse scores of home, an article and a topic page into artifacts/lighthouse.json
	cd tools/audit && npm ci --no-audit --no-fund --loglevel=error
	CHROME_PATH=$(CHROMIUM) $(BIN)/python scripts/audit.py

BENCH_VENV := .bench-venv

$(BENCH_VENV)/.installed: requirements-bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench: setup $(BENCH_VENV)/.installed  ## timings and growth, into artifacts/bench.{json,md} and docs/performance.md
	$(BIN)/python scripts/bench.py

CORPUS_VENV := .corpus-venv

$(CORPUS_VENV)/.installed: requirements-corpus.txt
	$(PYTHON) -m venv $(CORPUS_VENV)
	$(CORPUS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-corpus.txt
	touch $@

corpus: browser $(CORPUS_VENV)/.installed  ## print tests/corpus/texts with WeasyPrint and Chromium, extract with pdftotext, pdfminer.six, pypdf
	$(CORPUS_VENV)/bin/python scripts/corpus.py

clean:
	rm -rf site dist artifacts docs/articles docs/topics docs/timeline.md docs/glossary.md docs/.includes \
		docs/.generated.json .cache .pytest_cache .ruff_cache

golden: setup  ## rewrite tests/golden/*.md from the current build; review the diff before committing
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py
