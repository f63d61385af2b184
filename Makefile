# Quick start: `make run` starts the dashboard; `make test` sets everything up and runs every test.
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PORT ?= 8501
REPLICAS ?= 2
MODE ?= direct

.PHONY: run serve curate test test-js lint lint-js bench load setup clean draft-quality messages

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.synced: pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --locked --quiet
	touch $@

setup: .venv/.synced

# The map's scripts have their own linter and unit tests (eslint, node --test): node and npm, the
# exact versions in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Both listen on 127.0.0.1 only; ADDRESS=0.0.0.0 opens them to the network (HOSTS="name …" adds host names;
# curate refuses HOSTS='*'). Run by make itself (not through uv run), so that the server dies with make.
LAUNCH = .venv/bin/python -m deploy.launch --port $(PORT) $(if $(ADDRESS),--address $(ADDRESS)) $(if $(HOSTS),--allow-host "$(HOSTS)")

run: setup
	$(LAUNCH)

# Several dashboard processes behind nginx, kept alive by supervisord (docs/DEPLOY.md); PORT defaults to 8080 here.
# Run by make itself (not through uv run), so that the whole stack dies with make.
serve: setup
	$(UV) sync --locked --inexact --group serve --quiet
	.venv/bin/python deploy/serve.py --port $(if $(filter command line environment,$(origin PORT)),$(PORT),8080) --replicas $(REPLICAS)

# Prints the curator's key, which the review page asks for before it merges.
curate: setup
	$(LAUNCH) --curate

draft-quality: setup
	$(UV) run python -m benchmarks.draft_quality

# The place-model experiment (benchmarks/drafting/LEARNED.md): a logistic regression's place decision against the
# rules', each batch of writers held out in turn (--arrival: with the rules each batch arrived to). Deterministic.
.PHONY: draft-learned
draft-learned: setup
	$(UV) run python -m benchmarks.drafting.train --lobo
	$(UV) run python -m benchmarks.drafting.train --arrival

# CPU seconds to draft hostile article shapes at 10 KB to 2 MB (each in a worker with a CPU limit).
.PHONY: bench-draft
bench-draft: setup
	$(UV) run python -m benchmarks.draft_hostile

lint: setup lint-js
	$(UV) run ruff check geo tests dashboard.py review_page.py ui scripts benchmarks deploy
	$(UV) run lint-imports

lint-js: node_modules/.installed
	npx --no-install eslint

# Unit tests of the map's script parts (geo/map/static/nkmap/), no browser needed.
test-js: node_modules/.installed
	node --test tests/js/

# The serve group too: tests/browser/test_serve.py runs what make serve runs.
test: setup lint test-js
	$(UV) run --locked --group serve pytest -q

# Re-extract the strings marked for translation (babel.cfg) and merge them into each language's
# catalog, geo/locales/<lang>/LC_MESSAGES/messages.po; then translate the new empty entries
# (tests/test_i18n.py lists them). Catalogs are compiled in memory when read (geo/i18n.py): no .mo step.
messages: setup
	$(UV) run pybabel extract -F babel.cfg --no-location --add-comments=Translators: --project nk-workers-map \
		--copyright-holder "nk-workers-map contributors" -o geo/locales/messages.pot .
	$(UV) run pybabel update -i geo/locales/messages.pot -d geo/locales -D messages --no-fuzzy-matching \
		--ignore-obsolete --width 100

bench: setup
	$(UV) run python -m benchmarks.run

# MODE=proxy: twenty sessions through make serve's nginx, one dashboard process killed halfway.
load: setup
	$(UV) run python -m benchmarks.load $(if $(filter proxy,$(MODE)),--proxy)

clean:
	rm -rf .venv .tools static/vendor .pytest_cache node_modules
