# Everything needs only python3 and make: the virtual environment is created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench golden golden-update clean

run: $(STAMP)  ## start the app
	$(BIN)/trainer

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -n auto

check: $(STAMP)  ## lint, layout and strict types on the core (CI runs it next to make test)
	$(BIN)/ruff check trainer tests benchmarks
	$(BIN)/ruff format --check trainer tests benchmarks
	$(BIN)/mypy

golden: $(STAMP)  ## the scorer against the golden set: agreement, and every verdict changed since results.jsonl
	$(BIN)/python tests/golden/golden.py

golden-update: $(STAMP)  ## accept the scorer's current verdicts on the golden set and its output on the corpus (review the diff)
	$(BIN)/python tests/golden/golden.py --update
	$(BIN)/python tests/corpus/corpus.py --update

bench: $(STAMP)  ## every performance budget in one table (by hand, a few minutes; figures go in docs/performance.md)
	$(BIN)/python benchmarks/table.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,check]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
