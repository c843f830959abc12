"""Latency of the REST API: a real uvicorn server on 127.0.0.1 over a DuckDB file, timed with httpx.

    .venv/bin/python bench/api_latency.py [FILE ...]    # default: the sample article

Ingests the given texts (one article per file; the sample with its publication date) into a fresh
database, starts the app in a thread, and prints the median wall time of each endpoint. The figures in
docs/evaluation.md ("REST API and web page") come from this script.
"""

from __future__ import annotations

import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from eventwire import Pipeline, RawRecord, load_config
from eventwire.api import create_app
from eventwire.document import Document
from eventwire.store.db import Store

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "vov-2014-11-27-russia-syria.txt"


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or [SAMPLE]
    pipeline = Pipeline(load_config())
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    records = [RawRecord(text=f.read_text(encoding="utf-8"), id=f.stem,
                         published="2014-11-27" if f == SAMPLE else None) for f in files]
    docs = [d for d in pipeline.pipe(records) if isinstance(d, Document)]
    with Store(db) as store:
        store.write(docs)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db, pipeline=pipeline), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    text = files[0].read_text(encoding="utf-8")
    with httpx.Client(base_url=url, timeout=120) as c:

        def median_ms(method: str, path: str, n: int, **kw: object) -> float:
            times = []
            for _ in range(n):
                t = time.perf_counter()
                r = c.request(method, path, **kw)  # type: ignore[arg-type]
                times.append(time.perf_counter() - t)
                r.raise_for_status()
            return statistics.median(times) * 1000

        body = {"json": {"text": text, "published": "2014-11-27"}}
        c.post("/api/extract", **body)  # type: ignore[arg-type]  # warm-up
        print(f"{'POST /api/extract (first file)':40} {median_ms('POST', '/api/extract', 5, **body):8.0f} ms")
        for path in ["/api/events?limit=50", "/api/events?all=true&actor=RUS", "/api/network", "/api/dyads?by=week",
                     "/api/actors?q=lav", f"/api/articles/{docs[0].id}", "/"]:
            print(f"{'GET ' + path:40} {median_ms('GET', path, 20):8.1f} ms")
        total = c.get("/api/events?all=true").json()["total"]
        print(f"{len(docs)} articles, {total} events stored")
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main(sys.argv[1:])
