"""Crash safety of `eventwire ingest`: kill -9 in the middle, rerun, and the database holds exactly what a
clean run stores, with nothing lost and nothing twice.

Both runs are real subprocesses. The killed run is sent SIGKILL once the database shows a first committed
batch (its write-ahead log or file grows), so the kill lands mid-ingest; the test checks that it did.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import open_store  # noqa: E402
from eventwire.store.schema import TABLES  # noqa: E402

N_RECORDS = 30
SPEAKERS = [
    ("Russian Foreign Minister Sergei Lavrov", "Moscow"),
    ("Syrian President Bashar al-Assad", "Damascus"),
    ("US Secretary of State John Kerry", "Washington"),
    ("Turkish President Recep Tayyip Erdogan", "Ankara"),
    ("Iranian Foreign Minister Mohammad Javad Zarif", "Tehran"),
    ("German Chancellor Angela Merkel", "Berlin"),
]
ACTIONS = [
    "met {other} in {place} on Monday to discuss the war in Syria",
    "condemned the airstrikes carried out by {other} near {place}",
    "accused {other} of supporting rebels, officials in {place} said on Tuesday",
    "signed an agreement with {other} in {place} on Wednesday",
    "urged {other} to join peace talks in {place} next week",
]


def records() -> list[dict[str, Any]]:
    """Thirty short, distinct wire stories (distinct texts, so distinct content hashes)."""
    out = []
    for i in range(N_RECORDS):
        who, _ = SPEAKERS[i % len(SPEAKERS)]
        other, place = SPEAKERS[(i // len(SPEAKERS) + i + 1) % len(SPEAKERS)]
        action = ACTIONS[i % len(ACTIONS)].format(other=other.split(" ", 2)[-1], place=place)
        text = (
            f"{who} {action}. The talks lasted {i + 2} hours, according to a statement. "
            f"{who.split()[-1]} said the meeting was useful."
        )
        out.append({"id": f"crash-{i:02d}", "published": "2014-11-27", "text": text})
    return out


def eventwire() -> list[str]:
    exe = Path(sys.executable).parent / "eventwire"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire.cli"]


def ingest_cmd(src: Path, db: Path) -> list[str]:
    return eventwire() + ["ingest", str(src), "--db", str(db), "--batch-size", "1", "--quiet"]


def snapshot(db: Path) -> dict[str, Any]:
    """Row counts of every table, and the stored article and event ids."""
    with open_store(db, read_only=True) as store:
        con = store.con
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608 - constant names
        articles = sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
        dup = con.execute(
            "SELECT count(*) FROM (SELECT article_id FROM articles GROUP BY article_id HAVING count(*) > 1)"
        ).fetchone()[0]
        # Events with everything but wall-clock columns: the same events, merged the same way.
        ts = {f.name for f in TABLES["events"] if str(f.type).startswith("timestamp")}
        cols = ", ".join(f'"{f.name}"' for f in TABLES["events"] if f.name not in ts)
        events = con.execute(f"SELECT {cols} FROM events ORDER BY ALL").fetchall()  # noqa: S608 - constant names
    return {"counts": counts, "articles": articles, "duplicate_articles": dup, "events": events}


def kill_mid_ingest(cmd: list[str], wal: Path, env: dict[str, str], cwd: Path, delay: float) -> bool:
    """Start an ingest and SIGKILL it ``delay`` seconds after its first committed batch: the write-ahead
    log is written for the schema, stays still while models load, then grows with each batch's
    transaction. False if the ingest finished before the kill."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    deadline = time.monotonic() + 600
    last_size, last_change, baseline = 0, time.monotonic(), None
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            size = wal.stat().st_size if wal.exists() else 0
            now = time.monotonic()
            if size != last_size:
                if baseline is not None:
                    break  # the log grew after the schema settled: a batch was committed
                last_size, last_change = size, now
            elif size and baseline is None and now - last_change >= 1.0:
                baseline = size  # the schema is written; the pipeline is loading its models
            time.sleep(0.02)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    return proc.returncode == -signal.SIGKILL


def test_kill_9_during_ingest_then_rerun(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records()) + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONUTF8="1")

    # The clean run goes on beside the killed one (two cores, half the wall time).
    clean_db = tmp_path / "clean.duckdb"
    clean_proc = subprocess.Popen(
        ingest_cmd(src, clean_db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )

    # Kill -9 mid-ingest; retry (on a fresh database) if the kill landed before the first commit or after
    # the last, which the rerun's "N already stored" count shows.
    delay, already = 0.2, -1
    for attempt in range(4):
        killed_db = tmp_path / f"killed-{attempt}.duckdb"
        if not kill_mid_ingest(ingest_cmd(src, killed_db), Path(f"{killed_db}.wal"), env, tmp_path, delay):
            delay /= 4  # finished before the kill: strike sooner
            continue
        rerun = subprocess.run(
            ingest_cmd(src, killed_db), capture_output=True, timeout=900, env=env, cwd=tmp_path, check=False
        )
        assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
        m = re.search(rb"(\d+) articles stored, (\d+) already stored", re.sub(rb"\s+", b" ", rerun.stderr))
        assert m, rerun.stderr.decode()[-2000:]
        stored, already = int(m.group(1)), int(m.group(2))
        assert stored + already == N_RECORDS
        if 0 < already < N_RECORDS:
            break
        delay = delay + 0.5 if already == 0 else delay / 4
    else:
        pytest.fail(f"could not land a kill mid-ingest in 4 attempts (last: {already} already stored)")
    _, clean_err = clean_proc.communicate(timeout=900)
    assert clean_proc.returncode == 0, clean_err.decode()[-2000:]
    clean = snapshot(clean_db)
    assert len(clean["articles"]) == N_RECORDS and clean["counts"]["events"] > 0
    resumed = snapshot(killed_db)
    assert resumed == clean
    assert resumed["duplicate_articles"] == 0
