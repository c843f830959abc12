"""API fixtures: one real DuckDB file ingested from a few stories, and real uvicorn servers over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwire import Pipeline, load_config
from eventwire.api import create_app
from eventwire.document import Document

from .server import LiveServer, ingest_corpus

TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> tuple[Path, list[Document]]:
    path = tmp_path_factory.mktemp("api") / "corpus.duckdb"
    docs = ingest_corpus(pipeline, path)
    return path, docs


@pytest.fixture(scope="session")
def server(corpus: tuple[Path, list[Document]], pipeline: Pipeline) -> Iterator[str]:
    with LiveServer(create_app(corpus[0], pipeline=pipeline)) as live:
        yield live.url


@pytest.fixture(scope="session")
def token_server(corpus: tuple[Path, list[Document]], pipeline: Pipeline) -> Iterator[str]:
    with LiveServer(create_app(corpus[0], token=TOKEN, pipeline=pipeline)) as live:
        yield live.url


@pytest.fixture(scope="session")
def tight_server(corpus: tuple[Path, list[Document]], pipeline: Pipeline) -> Iterator[str]:
    """Tiny limits: a 4 kB body limit and an extraction timeout no real article can meet.

    It builds its own light pipeline (clean + nlp) on first use, so the extraction that times out and
    goes on in its worker thread never shares the session pipeline with another test.
    """
    cfg = load_config(
        overrides={"api.max_body_bytes": 4000, "api.extract_timeout": 0.001, "pipeline.stages": ["clean", "nlp"]}
    )
    with LiveServer(create_app(corpus[0], config=cfg)) as live:
        yield live.url


@pytest.fixture()
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c
