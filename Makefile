# The two commands of the README: `make demo` and `make test`. Both set up
# everything they need first (scripts/bootstrap.sh).
.PHONY: demo test lint lint-checks numba-cache bootstrap worker bench sample schema explore

VENV := .venv
SAMPLE := data/samples/sample.mp4
EXPLORER_PORT ?= 8765

bootstrap:
	@scripts/bootstrap.sh

demo: bootstrap
	$(VENV)/bin/aspects analyze $(SAMPLE) --spec data/samples/sample.json --json data/samples/sample.analysis.json
	$(VENV)/bin/aspects learn $(SAMPLE)
	$(VENV)/bin/aspects registry list
	$(VENV)/bin/aspects sync
	@echo "Registry explorer: run 'make explore', then open http://127.0.0.1:$(EXPLORER_PORT)/ (or 'make worker': http://127.0.0.1:8787/)"

# Lint first (ruff lint and format check, mypy), then the whole suite on every core (TEST_WORKERS, at most 4):
# one file per worker process (its session fixtures are built once), the slowest files first (tests/conftest.py).
# The lint (mypy: one core, ~75 s without a cache) runs beside librosa's numba compilation (one core, ~55 s on a
# fresh environment; skipped once done), which bootstrap then leaves to this step.
TEST_WORKERS ?= auto
test:
	@BOOTSTRAP_NUMBA=later scripts/bootstrap.sh
	@$(MAKE) --no-print-directory -j2 lint-checks numba-cache
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

lint: bootstrap
	@$(MAKE) --no-print-directory lint-checks

# mypy's cache starts from this machine's last passing run on the same pyproject.toml and Python (scripts/machine_cache.sh).
lint-checks:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@scripts/machine_cache.sh mypy-load || echo "lint: no mypy cache taken from this machine" >&2
	$(VENV)/bin/mypy aspects registries tasks flows
	@scripts/machine_cache.sh mypy-keep || echo "lint: mypy's cache not kept for the next clone" >&2

numba-cache:
	@scripts/warm_numba.sh

worker: bootstrap
	scripts/worker.sh

# The registry explorer on this machine's store (Ctrl-C to stop); make demo prints its address.
explore: bootstrap
	$(VENV)/bin/aspects serve --port $(EXPLORER_PORT)

bench: bootstrap
	$(VENV)/bin/python bench/bench_speed.py
	$(VENV)/bin/python bench/bench_decode.py
	$(VENV)/bin/python bench/bench_dynamic.py --skip-long
	$(VENV)/bin/python bench/bench_flow.py
	$(VENV)/bin/python bench/bench_loop.py
	$(VENV)/bin/python bench/bench_explorer.py
	$(VENV)/bin/python bench/bench_audio_tagger.py

sample: bootstrap
	$(VENV)/bin/python scripts/make_sample.py data/samples

schema: bootstrap
	$(VENV)/bin/aspects schema > docs/analysis.schema.json
