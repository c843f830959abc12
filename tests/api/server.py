"""Helpers shared by the API and browser tests: ingest a small corpus, run a real uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from eventwire import Pipeline, RawRecord
from eventwire.document import Document
from eventwire.store.db import Store

from .corpus import STORIES


def ingest_corpus(pipeline: Pipeline, path: Path, extra: list[dict[str, str]] | None = None) -> list[Document]:
    """Run the stories through the pipeline and write them with the real store; return the Documents."""
    records = [
        RawRecord(
            text=s["text"], id=s["id"], title=s.get("title"), published=s["published"], source="tests/api/corpus.py"
        )
        for s in [*STORIES, *(extra or [])]
    ]
    docs = [d for d in pipeline.pipe(records) if isinstance(d, Document)]
    with Store(path) as store:
        store.write(docs)
    return docs


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_keep_alive=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
