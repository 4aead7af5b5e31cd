# The README's two commands:  `make map` (set up, build the gazetteer, run the main job)
# and `make test` (set up, build the gazetteer, run the whole test suite).
# Upstream data comes from ../shared/geodata when it exists (offline mirror), else from the web.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
GEODATA := $(wildcard $(SHARED)/geodata)
SOURCE := $(if $(GEODATA),--source $(GEODATA),)
DB     := gazetteer/geo.sqlite

.PHONY: map test gazetteer bench clean

map: $(DB)
	$(BIN)/geo gazetteer info
	$(BIN)/geo gazetteer lookup Izium

test: $(DB)
	$(BIN)/pytest

gazetteer: $(DB)

bench: $(DB)
	$(BIN)/python tests/benchmarks/bench_gazetteer.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(DB): $(VENV)/.installed gazetteer/extract.toml geo/gazetteer/build.py geo/gazetteer/sources.py geo/gazetteer/schema.sql
	$(BIN)/geo gazetteer build $(SOURCE)

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
