# Kunnat kotouttavat: every target sets up what it needs; `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install messages migrate load run test lint format makemessages ci clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

install: $(BIN)/.installed ## Create the virtualenv and install the dependencies

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
	DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

test: messages ## Set up and run every test (DATABASE_URL chooses the database)
	$(BIN)/pytest

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
