"""A bounded load test of the REST API on loopback: concurrent reads, and extractions that time out.

    .venv/bin/python bench/api_load.py [--db FILE] [--jsonl FILE] [--concurrency 200] [--rounds 3]

It runs a real ``eventwire serve`` process on 127.0.0.1 (never another address) over a DuckDB file
(``--db``; built from ``--jsonl`` if missing: by default the 249 Guardian stories of
../shared/data/ngec/guardian_sample.jsonl, else the sample article), then:

1. reads: ``--rounds`` bursts of ``--concurrency`` simultaneous ``GET /api/events?limit=50`` (all the same
   page, as when many people open the page at once), and as many of distinct pages (``offset`` 0..N-1:
   nothing shared, nothing cached); prints the statuses, p50/p95/max latency, once the extraction workers
   have loaded. Done when every request is answered without a 5xx and p95 < 2 s.
2. slow extraction: with ``api.extract_timeout = 2`` a 600,000-character text gets 504; prints how long
   after the 504 the killed worker process was gone, and how long a short extraction then took.
3. an extraction flood: ``--concurrency``/4 simultaneous short extractions; prints how many were served and
   how many got 503 (each must carry Retry-After).

Bounded: at most rounds x concurrency reads, a few extractions, every request with a 60 s timeout.
Exit status 1 when a "done when" condition fails. The figures in docs/api.md come from this script.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from eventwire.cli.app import EXIT_SOME_REJECTED

ROOT = Path(__file__).resolve().parents[1]
GUARDIAN = ROOT.parent / "shared" / "data" / "ngec" / "guardian_sample.jsonl"
SAMPLE = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"
SHORT = "Russia and Syria\nRussian Foreign Minister Sergei Lavrov met Syrian officials in Moscow on Monday."
LONG = "Russia and Syria\n" + "Russian officials met Syrian officials in Moscow on Monday. " * 10_000
HOST = "127.0.0.1"


def build_db(db: Path, jsonl: Path | None) -> None:
    """Ingest ``jsonl`` (or the sample article) into ``db`` with the real CLI."""
    source = jsonl if jsonl is not None else (GUARDIAN if GUARDIAN.is_file() else SAMPLE)
    print(f"ingesting {source} into {db} ...", flush=True)
    done = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(source), "--db", str(db)],
                          stdout=subprocess.DEVNULL)
    if done.returncode not in (0, EXIT_SOME_REJECTED):  # some articles rejected (the sample has one): stored
        raise SystemExit(f"ingest failed with exit status {done.returncode}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _get(port: int, path: str) -> tuple[int, float]:
    """One GET on a fresh connection, written by hand: (status, seconds from connecting to the last byte).

    Why not httpx here: at 200 simultaneous connections its client costs more CPU than the server's
    answers, on the same two cores, and the figure would measure the client.
    """
    t0 = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Encoding: gzip\r\n"
                     "Connection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 60)
        writer.close()
        return int(data.split(b" ", 2)[1]), time.perf_counter() - t0
    except (OSError, ValueError, IndexError, TimeoutError):
        return 0, time.perf_counter() - t0


async def read_burst(port: int, paths: list[str]) -> tuple[Counter[int], list[float]]:
    """All ``paths`` requested at once, each on its own connection."""
    results = await asyncio.gather(*(_get(port, p) for p in paths))
    return Counter(s for s, _ in results), [t for _, t in results]


async def extract_flood(url: str, n: int) -> Counter[str]:
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=httpx.Limits(max_connections=n)) as client:

        async def one() -> str:
            r = await client.post("/api/extract", json={"text": SHORT})
            if r.status_code == 503:
                return "503 with Retry-After" if r.headers.get("retry-after") else "503 WITHOUT Retry-After"
            return str(r.status_code)

        return Counter(await asyncio.gather(*(one() for _ in range(n))))


def alive(pid: int) -> bool:
    """True while the process runs (a zombie has stopped using the CPU)."""
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(") ", 1)[1][:1] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (its threads included), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(c: httpx.Client, n: int, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while c.get("/api/health").json()["idle_workers"] < n:
        if time.monotonic() > deadline:
            raise SystemExit("the extraction workers did not load")
        time.sleep(0.2)


def slow_extraction(c: httpx.Client) -> dict[str, float]:
    """One 504 and what followed: when the killed worker was gone, how long the next short extraction took."""
    wait_idle(c, 2)
    before = set(c.get("/api/health").json()["workers"])
    t0 = time.monotonic()
    r = c.post("/api/extract", json={"text": LONG})
    t504 = time.monotonic()
    if r.status_code != 504:
        raise SystemExit(f"expected 504, got {r.status_code}: {r.text[:200]}")
    killed = before - set(c.get("/api/health").json()["workers"])
    while any(alive(p) for p in killed):
        time.sleep(0.005)
    gone = time.monotonic()
    short = c.post("/api/extract", json={"text": SHORT})
    done = time.monotonic()
    if short.status_code != 200:
        raise SystemExit(f"the short extraction after the 504 failed: {short.status_code} {short.text[:200]}")
    return {"answered_504_after": t504 - t0, "worker_gone_after_504": gone - t504,
            "short_extraction_done_after_504": done - t504}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="database to serve (built if missing)")
    ap.add_argument("--jsonl", type=Path, default=None, help="articles to build the database from")
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--slow", type=int, default=3, help="timed-out extractions to measure")
    args = ap.parse_args()
    if not 1 <= args.concurrency <= 1000 or not 1 <= args.rounds <= 20 or not 0 <= args.slow <= 10:
        raise SystemExit("bounded: --concurrency 1..1000, --rounds 1..20, --slow 0..10")
    work = Path(tempfile.mkdtemp(prefix="eventwire-load-"))
    db = args.db or work / "load.duckdb"
    if not db.exists():
        build_db(db, args.jsonl)
    config = work / "eventwire.toml"
    config.write_text("[api]\nextract_timeout = 2.0\n", encoding="utf-8")
    port = free_port()
    url = f"http://{HOST}:{port}"
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared with other work make latency vary; "
          "server CPU per request does not)")
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", HOST, "--port", str(port),
         "--config", str(config)],
        env={**os.environ, "EVENTWIRE_TOKEN": ""},
    )
    ok = True
    try:
        with httpx.Client(base_url=url, timeout=60) as c:
            deadline = time.monotonic() + 60
            while True:
                try:
                    c.get("/api/health")
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            total = c.get("/api/events", params={"limit": 1}).json()["total"]
            print(f"server {url}: {total} facts in {db}")
            wait_idle(c, 2)  # measure the steady state, not the seconds in which the workers load models
            latencies: list[float] = []
            statuses: Counter[int] = Counter()
            same = ["/api/events?limit=50"] * args.concurrency
            # distinct pages: no two requests share a computation or a cached result
            distinct = [f"/api/events?limit=50&offset={i}" for i in range(args.concurrency)]
            for i in range(args.rounds):
                for label, paths in [("same page", same), ("distinct pages", distinct)]:
                    cpu0 = cpu_seconds(server.pid)
                    got, took = asyncio.run(read_burst(port, paths))
                    cpu = (cpu_seconds(server.pid) - cpu0) / len(paths)
                    statuses += got
                    latencies += took
                    print(f"round {i + 1}, {label}: {args.concurrency} concurrent GET /api/events?limit=50 -> "
                          f"{dict(got)}, p50 {statistics.median(took):.3f} s, p95 {percentile(took, 0.95):.3f} s, "
                          f"max {max(took):.3f} s; server CPU {cpu * 1000:.1f} ms a request", flush=True)
            p95 = percentile(latencies, 0.95)
            server_errors = sum(n for s, n in statuses.items() if s >= 500 or s == 0)
            print(f"reads: {sum(statuses.values())} requests, statuses {dict(statuses)}, "
                  f"p50 {statistics.median(latencies):.3f} s, p95 {p95:.3f} s, max {max(latencies):.3f} s")
            ok &= server_errors == 0 and p95 < 2.0
            slow = [slow_extraction(c) for _ in range(args.slow)]
            for s in slow:
                print("slow extraction: " + ", ".join(f"{k} {v:.3f} s" for k, v in s.items()))
            if slow:
                worst = max(s["worker_gone_after_504"] for s in slow)
                print(f"timed-out worker gone within {worst:.3f} s of the 504 (worst of {len(slow)})")
                ok &= worst < 1.0
            wait_idle(c, 2)
            flood = asyncio.run(extract_flood(url, max(1, args.concurrency // 4)))
            print(f"{max(1, args.concurrency // 4)} concurrent short extractions -> {dict(flood)}")
            ok &= "503 WITHOUT Retry-After" not in flood and not any(k.startswith("5") and k != "503 with Retry-After"
                                                                     for k in flood)
            print(json.dumps({"reads_p95_s": round(p95, 3), "reads_5xx": server_errors, "ok": ok}))
    finally:
        server.terminate()
        server.wait(15)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
