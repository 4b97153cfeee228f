# Pas à pas — the commands a newcomer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)
PYTEST_ARGS ?=
BROWSER ?= yes
# Two workers, fed two tests at a time: bigger batches left one worker idle while the other ran a queue of sweeps.
XDIST ?= -n 2 --maxschedchunk 2
export UV_PYTHON_DOWNLOADS := never

# Django 6 needs Python 3.12 or newer: try the usual names, then pyenv's interpreters.
PYTHON ?= $(shell for candidate in python3.13 python3.12 python3 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[23]*/bin/python3 2>/dev/null | sort -r); do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then \
	    command -v $$candidate; break; fi; done)

.PHONY: help install demo serve test test-fast lint fix check bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.12 ou plus récent est nécessaire (Django 6) : aucun n'a été trouvé." >&2; \
	  echo "Installez Python 3.13 (voir .python-version), puis relancez." >&2; exit 1; fi
	@echo "Python utilisé : $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml uv.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(UV) sync --frozen --inexact --python $(BIN)/python
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the locked dependencies

demo: install ## Migrate, seed the demo and serve on http://127.0.0.1:8000
	DJANGO_DEBUG=true $(MANAGE) migrate --no-input
	DJANGO_DEBUG=true $(MANAGE) seed_demo
	@echo ""
	@echo "Pas à pas tourne sur http://127.0.0.1:8000  (rédaction : /admin/ ; Ctrl+C pour arrêter)"
	DJANGO_DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

serve: install ## Serve without seeding
	DJANGO_DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

test: install ## Run the whole suite (browser journeys too when Chromium is installed; BROWSER=no to leave them out)
	@if [ "$(BROWSER)" = "no" ]; then \
	  echo "Tests navigateur laissés de côté (BROWSER=no)."; \
	  $(BIN)/pytest $(XDIST) -m "not browser" $(PYTEST_ARGS); \
	elif [ -n "$(CHROMIUM)" ]; then \
	  echo "Chromium : $(CHROMIUM) — tests navigateur (Playwright + axe-core) compris."; \
	  CHROMIUM_PATH="$(CHROMIUM)" $(BIN)/pytest $(XDIST) $(PYTEST_ARGS); \
	else \
	  echo "*** Chromium introuvable : les tests navigateur (marqués « browser ») sont IGNORÉS. ***"; \
	  echo "*** Installez-le (apt-get install chromium) pour les lancer.                       ***"; \
	  $(BIN)/pytest $(XDIST) -m "not browser" $(PYTEST_ARGS); \
	fi

test-fast: install ## Run the suite without the browser tests
	$(BIN)/pytest $(XDIST) -m "not browser" $(PYTEST_ARGS)

lint: install ## ruff (lint and format check) and import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fix: install ## Let ruff fix what it can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Deployment checks with production-like settings, and migrations in step with models
	DJANGO_SETTINGS_MODULE=config.settings.production \
	  DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  DJANGO_ALLOWED_HOSTS=pasapas.example.fr \
	  $(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

bench: install ## Load and scale benchmark (PostgreSQL, Redis, gunicorn; long): results in docs/benchmarks.md
	$(BIN)/python -m bench.run

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles tmp
