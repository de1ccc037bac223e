# Two commands matter: `make run` and `make test` (see README.md). Everything else is a step.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BABEL := $(VENV)/bin/pybabel
CATALOG_DIR := intake/translations
POT := $(CATALOG_DIR)/messages.pot
KEYWORDS := -k _l -k lazy_gettext -k ngettext:1,2 -k lazy_ngettext:1,2

.PHONY: run serve soak test test-deps install lint format translations extract-messages update-catalogs compile-translations bench clean xlsform-examples constraints eval

# One line per step: a first install takes a minute or two and should never look stuck.
$(VENV)/.installed: pyproject.toml constraints.txt
	@echo "- Creating the virtual environment in $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@echo "- Updating pip"
	@$(PY) -m pip install --quiet --upgrade pip
	@echo "- Installing the app and its pinned dependencies (a minute or two the first time)"
	@$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

install: $(VENV)/.installed

# Only when a catalog changed: a second `make run` should start in seconds.
COMPILED := $(patsubst %.po,%.mo,$(wildcard $(CATALOG_DIR)/*/LC_MESSAGES/messages.po))
$(CATALOG_DIR)/%/LC_MESSAGES/messages.mo: $(CATALOG_DIR)/%/LC_MESSAGES/messages.po | install
	@echo "- Compiling the $* translations"
	@$(BABEL) -q compile -d $(CATALOG_DIR) -l $* >/dev/null

compile-translations: install $(COMPILED)

extract-messages: install
	$(BABEL) extract -F babel.cfg $(KEYWORDS) --no-location --sort-output \
		--project=ccr-intake --copyright-holder="CCR intake contributors" \
		--msgid-bugs-address="" -o $(POT) .

update-catalogs: extract-messages
	$(BABEL) update --no-fuzzy-matching --ignore-obsolete -i $(POT) -d $(CATALOG_DIR)

# Extract, update and compile: what a translator or developer runs after changing strings.
translations: update-catalogs compile-translations

# INTAKE_HOST and INTAKE_PORT (default 127.0.0.1:5000) choose the address; every printed link
# uses them, and a port in use stops the run before any secret is created.
run: install compile-translations
	@umask 077 && $(PY) -m intake.serve

# Production server: gunicorn on INTAKE_BIND (default 127.0.0.1:8000), behind a TLS proxy.
serve: install compile-translations
	@umask 077 && $(VENV)/bin/flask --app wsgi intake migrate
	@umask 077 && $(VENV)/bin/gunicorn --config gunicorn.conf.py wsgi:app

# Long form of the reliability tests (loopback only, bounded); figures for docs/reliability.md.
soak: install compile-translations
	rm -f bench/results/reliability.txt && mkdir -p bench/results
	INTAKE_LOAD_CLIENTS=64 INTAKE_LOAD_SECONDS=60 \
	INTAKE_RELIABILITY_REPORT=bench/results/reliability.txt $(PY) -m pytest -q tests/test_reliability.py
	@cat bench/results/reliability.txt

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The Debian packages the tests need (Chromium, Noto fonts, poppler-utils, python3-venv):
# installed when run as root, otherwise named in the exact apt-get command to run.
test-deps:
	@scripts/install-test-deps.sh $(TEST_DEPS_FLAGS)

# The whole suite on SQLite; then, when INTAKE_TEST_POSTGRES_URL names a server (.ci/run
# starts one), the integration and reliability tests again on PostgreSQL.
test: test-deps install compile-translations lint
	INTAKE_TEST_POSTGRES_URL= $(PY) -m pytest
	@if [ -n "$$INTAKE_TEST_POSTGRES_URL" ]; then \
		echo "--- again on PostgreSQL ---"; \
		$(PY) -m pytest -m "not sqlite_only and not browser"; \
	fi

bench: install compile-translations
	$(PY) -m bench.run

# The shipped codebook and redaction scored on the held-out corpus (docs/themes.md, Evaluation).
eval: install
	$(PY) -m eval.score eval/corpus

# The shipped questionnaires as XLSForm workbooks, where a CCR starts its own (a test checks
# that the committed files still match the shipped definitions).
xlsform-examples: install compile-translations
	$(PY) -m intake.questionnaires.xlsform.examples

# Re-pin every dependency to the newest release pyproject.toml allows (then run make test).
constraints:
	rm -rf .constraints-venv
	$(PYTHON) -m venv .constraints-venv
	.constraints-venv/bin/python -m pip install --quiet --upgrade pip
	.constraints-venv/bin/python -m pip install --quiet -e '.[test]'
	{ sed -n '1,2p' constraints.txt; .constraints-venv/bin/python -m pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt
	rm -rf .constraints-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
