"""Browser fixtures: Debian's chromium driven by playwright, over a real server and database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api.server import LiveServer, ingest_corpus  # tests/api/server.py (tests/ is on sys.path)

from eventwire import Pipeline
from eventwire.api import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


WEB_TOKEN = "browser-t0ken"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    ingest_corpus(pipeline, path)
    return path


@pytest.fixture(scope="session")
def web_server(web_db: Path, pipeline: Pipeline) -> Iterator[str]:
    with LiveServer(create_app(web_db, pipeline=pipeline)) as live:
        yield live.url


@pytest.fixture(scope="session")
def web_token_server(web_db: Path, pipeline: Pipeline) -> Iterator[str]:
    with LiveServer(create_app(web_db, token=WEB_TOKEN, pipeline=pipeline)) as live:
        yield live.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, web_server: str) -> Iterator[Any]:
    """A fresh page on the app; any page error or blocked script fails the test through ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.goto(web_server + "/")
    pg.wait_for_selector("body[data-ready=true]", timeout=30000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path | None:
    """Where to save screenshots: $EVENTWIRE_SCREENSHOTS (e.g. docs/img), else nowhere."""
    value = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if not value:
        return None
    path = Path(value)
    path.mkdir(parents=True, exist_ok=True)
    return path
