# eventwire: `make demo` and `make test` do all the set-up on a fresh machine.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
CORE   := $(VENV)/.installed-core
FULL   := $(VENV)/.installed-full
SAMPLE ?= samples/vov-2014-11-27-russia-syria.txt
DB     ?= eventwire.duckdb
# Exact versions of every package (pyproject.toml holds the compatible ranges users get).
CONSTRAINTS := constraints.txt

.PHONY: setup setup-core system-deps demo test test-fast lint bench schema clean train

# The library and CLI only: what `make demo` needs. A regular (not editable) install, as a user gets it:
# nothing to warn about, and a folder named eventwire beside a user's script cannot shadow the package.
# `make setup` replaces it with an editable install for development, and a development venv stays so.
setup-core: $(CORE)
$(CORE): pyproject.toml $(CONSTRAINTS)
	@if [ -f $(FULL) ]; then $(MAKE) --no-print-directory $(FULL); else \
	  set -e; test -x $(PY) || python3 -m venv $(VENV); \
	  echo "installing eventwire into $(VENV)"; \
	  $(PIP) install -q -c $(CONSTRAINTS) --upgrade pip; \
	  $(PIP) install -q -c $(CONSTRAINTS) .; \
	fi
	touch $(CORE)

# Everything the tests need: the Python packages (web, Spark, test, dev and train extras) and the Debian
# packages (system-deps). `make lint`, `test-fast`, `bench` and `train` need only the Python part.
setup: $(FULL) system-deps
$(FULL): pyproject.toml $(CONSTRAINTS)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q -c $(CONSTRAINTS) --upgrade pip
	$(PIP) install -q -c $(CONSTRAINTS) -e ".[web,spark,test,dev,train]"
	touch $(CORE) $(FULL)

# Debian packages the tests use: Chromium and a font (web page tests), Java 17+ (Spark). Installed with
# apt-get when missing: directly as root, else through sudo; without either, a message says what to run.
system-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium fonts-dejavu-core"; \
	java_major=$$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1); \
	[ "$${java_major:-0}" -ge 17 ] 2>/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else \
	    echo "make: the tests need these Debian packages:$$missing" >&2; \
	    echo "make: run as root: apt-get update && apt-get install -y --no-install-recommends$$missing" >&2; \
	    exit 1; \
	  fi; \
	  echo "installing Debian packages:$$missing"; \
	  $$sudo apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends $$missing; \
	fi

demo: setup-core
	$(VENV)/bin/eventwire ingest $(SAMPLE) --db $(DB) --published 2014-11-27
	$(VENV)/bin/eventwire events --db $(DB) --all

test: setup
	SPARK_LOCAL_IP=127.0.0.1 $(VENV)/bin/pytest -q -n 2 --dist loadfile

# The unit tests only: no browser, no Spark, no long suites (a minute or two).
test-fast: $(FULL)
	$(VENV)/bin/pytest -q -n 2 --dist loadfile -m "not browser and not spark and not slow"

lint: $(FULL)
	$(VENV)/bin/ruff check eventwire tests bench tools
	$(VENV)/bin/mypy eventwire
	$(VENV)/bin/lint-imports

bench: $(FULL)
	$(VENV)/bin/eventwire bench

# The event model (eventwire/events/data/event_model.json) from the real-news dev gold, and its out-of-fold
# report (build/train_events/report.json; docs/event-model.md): seeded, CPU, a few minutes.
GOLD   ?= ../shared/data/realnews/dev
train: $(FULL)
	$(PY) tools/train_events.py --gold $(GOLD) --report build/train_events/report.json

schema: $(FULL)
	$(PY) -m eventwire.schema

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
