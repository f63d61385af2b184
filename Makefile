# Quick start: `make run` starts the dashboard; `make test` sets everything up and runs every test.
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PORT ?= 8501
REPLICAS ?= 2
MODE ?= direct

.PHONY: run serve curate test lint bench load setup clean draft-quality

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.synced: pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --locked --quiet
	touch $@

setup: .venv/.synced

run: setup
	$(UV) run streamlit run dashboard.py --server.port $(PORT)

# Several dashboard processes behind nginx, kept alive by supervisord (docs/DEPLOY.md); PORT defaults to 8080 here.
serve: setup
	$(UV) run python deploy/serve.py --port $(if $(filter command line environment,$(origin PORT)),$(PORT),8080) --replicas $(REPLICAS)

curate: setup
	$(UV) run streamlit run dashboard.py --server.port $(PORT) -- --curate

draft-quality: setup
	$(UV) run python -m benchmarks.draft_quality

# CPU seconds to draft hostile article shapes at 10 KB to 2 MB (each in a worker with a CPU limit).
.PHONY: bench-draft
bench-draft: setup
	$(UV) run python -m benchmarks.draft_hostile

lint: setup
	$(UV) run ruff check geo tests dashboard.py review_page.py scripts benchmarks deploy

test: setup lint
	$(UV) run pytest -q

bench: setup
	$(UV) run python -m benchmarks.run

# MODE=proxy: twenty sessions through make serve's nginx, one dashboard process killed halfway.
load: setup
	$(UV) run python -m benchmarks.load $(if $(filter proxy,$(MODE)),--proxy)

clean:
	rm -rf .venv .tools static/vendor .pytest_cache
