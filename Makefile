# Front door of the project. Needs only python3 (>= 3.11) and GNU make.
#   make report [CORPUS=DIR]   build reports/index.html from the notebooks
#   make test                  ruff + pytest (unit tests and notebooks through nbval)
#   make score [MISSES=1]      score the seeds and tests/fixtures/real against their gold
#   make lab                   JupyterLab on notebooks/ with the project installed
#   make venv                  just create/refresh the environment in .venv
#   make lock                  re-resolve requirements.lock from pyproject.toml
#   make clean / distclean     remove built files / also the environment

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
CORPUS ?= seeds
REPORTS := reports

# uv: compiled bytecode makes notebook imports fast; never fetch a Python of its own.
export UV_COMPILE_BYTECODE := 1
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1
# Browser tests use Debian's /usr/bin/chromium (tests/test_browser.py installs it); never Playwright's download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

NBVAL_FLAGS := --nbval-lax --nbval-current-env --nbval-cell-timeout=300

.PHONY: help venv test lint report lab lock clean distclean bench score

help:
	@sed -n '2,8p' Makefile | sed 's/^# *//'

# The venv and the pinned uv inside it; nothing is installed outside .venv.
$(UV):
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required (set PYTHON=...)")'
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The environment is re-synced whenever pyproject.toml or requirements.lock change.
$(STAMP): pyproject.toml requirements.lock | $(UV)
	@$(UV) --version | grep -qF '$(UV_VERSION)' || \
		$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip install --python $(PY) -r requirements.lock
	$(UV) pip install --python $(PY) --no-deps -e .
	@touch $@

venv: $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

test: lint
	$(VENV)/bin/pytest $(NBVAL_FLAGS) tests notebooks

# The seeds and every batch of tests/fixtures/real scored with the shared scorer (MISSES=1 lists them).
score: $(STAMP)
	$(PY) tests/tools/score.py $(if $(MISSES),--misses)

report: $(STAMP)
	$(PY) -m analysis_utils.report --corpus $(CORPUS) --out $(REPORTS)

# Jupyter refuses to start as root unless told; developers' sandboxes often are root.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

lock: | $(UV)
	$(UV) pip compile pyproject.toml --extra dev --python-version 3.11 --universal \
		-o requirements.lock

# The whole plan (1k, 10k, 100k articles; about 50 minutes), or SIZES="200 1000" for a quick look.
bench: $(STAMP)
	$(PY) bench/bench_export.py $(if $(SIZES),--sizes $(SIZES) --jobs 1 2 --engines local dask)
	$(PY) bench/bench_copies.py $(if $(SIZES),--sizes $(SIZES))
	$(PY) bench/bench_report.py

clean:
	rm -rf $(REPORTS) .pytest_cache .ruff_cache .hypothesis build dist
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \
		-o -name '*.egg-info' \) -type d -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
