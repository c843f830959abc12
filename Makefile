# eventwire: `make demo` and `make test` do all the set-up on a fresh machine.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
CORE   := $(VENV)/.installed-core
FULL   := $(VENV)/.installed-full
SAMPLE ?= samples/vov-2014-11-27-russia-syria.txt
DB     ?= eventwire.duckdb

.PHONY: setup setup-core system-deps demo test test-fast lint bench schema clean train

# The library and CLI only: what `make demo` needs.
setup-core: $(CORE)
$(CORE): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $(CORE)

# Everything the tests, linters, benchmarks and training need (web, Spark, test, dev and train extras).
setup: $(FULL)
$(FULL): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[web,spark,test,dev,train]"
	touch $(CORE) $(FULL)

# Debian packages the tests use: Chromium (web page tests) and Java (Spark). Installed with apt-get when
# missing: as root directly, otherwise through sudo.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium fonts-dejavu-core"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  echo "installing Debian packages:$$missing"; \
	  $$sudo apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends $$missing; \
	fi

demo: setup-core
	$(VENV)/bin/eventwire ingest $(SAMPLE) --db $(DB) --published 2014-11-27
	$(VENV)/bin/eventwire events --db $(DB) --all

test: setup system-deps
	SPARK_LOCAL_IP=127.0.0.1 $(VENV)/bin/pytest -q -n 2 --dist loadfile

# The unit tests only: no browser, no Spark, no long suites (a minute or two).
test-fast: setup
	$(VENV)/bin/pytest -q -n 2 --dist loadfile -m "not browser and not spark and not slow"

lint: setup
	$(VENV)/bin/ruff check eventwire tests bench tools
	$(VENV)/bin/mypy eventwire
	$(VENV)/bin/lint-imports

bench: setup
	$(VENV)/bin/eventwire bench

# The event model (eventwire/events/data/event_model.json) from the real-news dev gold, and its out-of-fold
# report (build/train_events/report.json; docs/event-model.md): seeded, CPU, a few minutes.
GOLD   ?= ../shared/data/realnews/dev
train: setup
	$(PY) tools/train_events.py --gold $(GOLD) --report build/train_events/report.json

schema: setup
	$(PY) -m eventwire.schema

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
