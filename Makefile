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
# Leaflet and its plugins for the maps, from the npm registry (pinned in geo/map/vendor/package-lock.json)
ASSETS := geo/map/vendor/node_modules/.package-lock.json

.PHONY: map test gazetteer bench clean assets chromium

map: $(DB) $(ASSETS)
	$(BIN)/geo gazetteer info
	$(BIN)/geo gazetteer lookup Izium
	$(BIN)/geo map maps/kharkiv-2022.toml

test: $(DB) $(ASSETS) chromium
	$(BIN)/pytest

gazetteer: $(DB)

bench: $(DB) $(ASSETS) chromium
	$(BIN)/python tests/benchmarks/bench_gazetteer.py
	$(BIN)/python tests/benchmarks/bench_geoparser.py
	$(BIN)/python tests/benchmarks/bench_map.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# (the venv is order-only: a reinstall, after a change of dependencies say, does not rebuild the database)
# (rebuilt when the extract's definition or data files, or the code that builds or indexes it, change)
$(DB): $(wildcard gazetteer/*.toml) $(wildcard geo/gazetteer/*.py) geo/gazetteer/schema.sql geo/transliteration.py geo/normalize.py | $(VENV)/.installed
	$(BIN)/geo gazetteer build $(SOURCE)

assets: $(ASSETS)

$(ASSETS): geo/map/vendor/package.json geo/map/vendor/package-lock.json
	cd geo/map/vendor && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

# The map tests drive Debian's Chromium (never a downloaded browser build).
chromium:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
