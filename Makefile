# eventwire: `make demo` and `make test` do all the set-up on a fresh machine.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
SAMPLE ?= samples/vov-2014-11-27-russia-syria.txt
DB     ?= eventwire.duckdb

.PHONY: setup demo test bench schema clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[web,spark,test]"
	touch $(STAMP)

demo: setup
	$(VENV)/bin/eventwire ingest $(SAMPLE) --db $(DB) --published 2014-11-27
	$(VENV)/bin/eventwire events --db $(DB) --all

test: setup
	$(VENV)/bin/pytest -q -n 2 --dist loadfile

bench: setup
	$(VENV)/bin/eventwire bench

schema: setup
	$(PY) -m eventwire.schema

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
