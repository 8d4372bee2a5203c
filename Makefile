# dyad: `make demo` codes the example corpus into dyad.duckdb; `make test` runs lint, types and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
STORE ?= dyad.duckdb

.PHONY: setup demo test lint typecheck unit services golden bench fuzz clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	bash scripts/setup_web.sh
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/dyad ingest examples --store $(STORE)
	$(BIN)/dyad events --store $(STORE) --limit 60
	@echo "Next: $(BIN)/dyad events --type ASSAULT; $(BIN)/dyad show ARTICLE_ID; $(BIN)/dyad trends --by country"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src/dyad

# What the tests need beyond pip packages (Debian): PostgreSQL 15 for the server store,
# chromium for the dashboard tests (driven by Playwright, never downloaded by it).
services:
	bash scripts/pg_test_server.sh install
	bash scripts/setup_browser.sh

unit: $(STAMP) services
	$(BIN)/pytest -q

test: lint typecheck unit

# Rewrite tests/golden/examples_events.tsv after an intended change to what dyad codes; review
# its diff like code.
golden: $(STAMP)
	DYAD_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/golden

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Coverage-guided fuzzing of the ingest parsers (atheris builds from source; not part of the tests).
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet atheris==3.0.0
	$(BIN)/python bench/fuzz_ingest.py all --seconds 60

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache src/*.egg-info
