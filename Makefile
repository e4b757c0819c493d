# Kunnat kotouttavat: every target sets up what it needs; `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help system-packages install lock redis-server messages migrate load run test test-browser lint format makemessages ci clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

# Search's analysers (catalogue/search/analysis.py): Voikko for Finnish, hunspell-sv's word
# list for Swedish compounds. Without them search falls back to plain stemming.
DEBIAN_PACKAGES := libvoikko1 voikko-fi hunspell-sv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

system-packages: ## Install the Debian packages search needs when they are missing
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null; then \
	  echo "== Installing $$missing for search"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else \
	  echo "Not a Debian system: install $$missing yourself for the best search (plain stemming without)."; \
	fi

# The exact versions and hashes of every package (requirements/test-lock.txt, made by
# `make lock` from pyproject.toml): two installs a month apart run the same code.
$(BIN)/.installed: requirements/test-lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/test-lock.txt
	touch $@

install: system-packages $(BIN)/.installed ## Create the virtualenv and install the locked dependencies

# uv only resolves here; installs use pip and the lock files. Universal: one lock for every
# platform (the Docker image, a developer's Mac); hashes of every file of each version.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --generate-hashes --universal \
	--python-version 3.11

lock: ## Re-resolve the dependencies of pyproject.toml into requirements/*.txt (needs PyPI)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv
	$(UV_COMPILE) -o requirements/lock.txt
	$(UV_COMPILE) --extra test -o requirements/test-lock.txt

# --- Open data checks (issue 13) ------------------------------------------------------
# tests/test_html_validity.py runs the Nu HTML Checker: npm's vnu-jar on Debian's Java.
node_modules/.package-lock.json: package.json package-lock.json
	command -v java >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless)
	npm ci --no-audit --no-fund
	touch $@

install: node_modules/.package-lock.json
# --- end of the open data checks ------------------------------------------------------

messages: install ## Compile the translation catalogues (.po -> .mo)
	$(BIN)/pybabel compile --domain django --directory locale --statistics

migrate: install
	DEBUG=1 $(MANAGE) migrate --noinput

load: migrate ## Load the catalogue into the local database (idempotent)
	DEBUG=1 $(MANAGE) load_catalogue

run: messages load ## Set up and serve the site on SQLite at http://127.0.0.1:8000/
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

# The fault tests start their own redis-server (Debian's package; as root it is installed).
redis-server:
	@command -v redis-server >/dev/null || { \
	  echo "== Installing redis-server from Debian for the fault tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; }

test: messages redis-server ## Set up and run every test but the browser ones (DATABASE_URL chooses the database)
	$(BIN)/pytest -m "not browser"

test-browser: messages ## Run the browser tests (Debian's Chromium at /usr/bin/chromium, SQLite)
	@test -x /usr/bin/chromium || { echo "Install Chromium: apt-get install -y chromium"; exit 1; }
	env -u DATABASE_URL $(BIN)/pytest -m browser

lint: install ## Check formatting and lint with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

makemessages: install ## Extract new interface texts into locale/*/django.po
	DEBUG=1 $(MANAGE) makemessages --locale fi --locale sv --locale en --ignore ".venv/*" --no-obsolete

ci: lint ## What CI runs: lint, migrations check and the tests
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(MAKE) test

clean: ## Remove the virtualenv, the local database and compiled files
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules
	find locale -name '*.mo' -delete
