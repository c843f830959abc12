"""Scale benchmark (issue 22): a store of 100k, 1M, 10M events, and what each query, aggregation and export
costs in time, peak memory and disk as the store grows.

    .venv/bin/python bench/scale.py [--sizes 100000,1000000,10000000] [--articles 40] [--work DIR]
                                    [--exports csv,gdelt,...] [--json FILE] [--keep]

How the stores are made: ``--articles`` stories of the Guardian sample (../shared/data/ngec/guardian_sample.jsonl)
are ingested once with ``eventwire ingest`` into a base store (kept in ``--work``, reused by later runs). For
each size the base file is copied and its events replicated in SQL (``replicate``): copy ``i`` of an event
gets the id ``<event_id>-r<i>``, and a day-precise date moved by ``i mod 3650`` days (ten years of dates, so
periods and panels grow as in a real archive); every copy points at the same first mention and article,
so the joins an export makes are those of a real store. Only the events table grows, as in the store the
issue measured (2,028,400 rows, 78 MB).

What is measured, each command in a fresh ``eventwire`` subprocess (start-up included, as a user runs it):
wall time, and the peak resident memory of that process (``os.wait4`` gives the child's own rusage, so one
command's peak is never another's). Figures go to standard output as a table per size and, with ``--json``,
to a file. Not part of ``make test``: a 10M store takes minutes to build and export.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
GUARDIAN = ROOT.parent / "shared" / "data" / "ngec" / "guardian_sample.jsonl"
ROW_EXPORTS = ("csv", "rcsv", "gdelt", "plover", "icews", "polecat")
EXPORTS = (*ROW_EXPORTS, "parquet", "graphml", "geojson")

# (name, arguments after `eventwire`): the queries and aggregations a researcher runs on a store.
QUERIES: tuple[tuple[str, list[str]], ...] = (
    ("events --actor-country RUS", ["events", "--actor-country", "RUS", "--limit", "100", "-f", "csv"]),
    ("events --type CONSULT, one month", ["events", "--type", "CONSULT", "--from", "2019-03-01", "--to",
                                          "2019-03-31", "--limit", "100", "-f", "csv"]),
    ("actors", ["actors", "--limit", "100", "-f", "csv"]),
)
AGGREGATIONS: tuple[tuple[str, list[str]], ...] = (
    ("dyads --by month (table)", ["dyads", "--by", "month"]),
    ("dyads --by month -f csv", ["dyads", "--by", "month", "-f", "csv"]),
    ("panel --by country-year", ["panel", "--by", "country-year"]),
    ("panel --by country-month", ["panel", "--by", "country-month"]),
    ("panel --by dyad-month", ["panel", "--by", "dyad-month"]),
)


def run(args: list[str]) -> dict[str, Any]:
    """Run one eventwire command; its wall time, peak RSS (MB) and exit code. Output goes to /dev/null."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([EVENTWIRE, *args], stdout=null, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return {"seconds": round(wall, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1), "rc": proc.returncode}


def base_store(work: Path, articles: int) -> Path:
    """The ingested store every size is replicated from (made once, then reused)."""
    db = work / f"base-{articles}.duckdb"
    if db.exists():
        return db
    src = work / f"guardian-{articles}.jsonl"
    with GUARDIAN.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
        for n, line in enumerate(fh):
            if n >= articles:
                break
            out.write(line)
    tmp = db.with_suffix(".building.duckdb")
    tmp.unlink(missing_ok=True)
    subprocess.run([EVENTWIRE, "ingest", str(src), "--db", str(tmp), "-q"], check=True)
    tmp.rename(db)
    return db


def replicate(db: Path, size: int) -> dict[str, Any]:
    """Grow the events table of ``db`` to ``size`` rows by copies with shifted ids and dates (in SQL)."""
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect(str(db))
    try:
        base = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
        check_size(size, base)
        copies = -(-size // base)
        day = "date_precision IS NULL OR date_precision IN ('day', 'time', 'published')"
        con.execute(
            "INSERT INTO events SELECT e.* REPLACE ("
            "event_id || '-r' || i AS event_id, "
            f"CASE WHEN {day} THEN CAST(date + CAST(i % 3650 AS INTEGER) AS DATE) ELSE date END AS date, "
            f"CASE WHEN {day} AND date IS NOT NULL THEN strftime(date + CAST(i % 3650 AS INTEGER), '%Y-%m-%d') "
            "ELSE date_value END AS date_value, "
            "first_seen + to_seconds(i) AS first_seen) "
            "FROM events e, range(1, ?) AS r(i) LIMIT ?",
            [copies, size - base],
        )
        con.execute("CHECKPOINT")
        n = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    finally:
        con.close()
    return {"events": n, "base_events": base, "build_seconds": round(time.perf_counter() - start, 1)}


def check_size(size: int, base: int) -> None:
    """A store is grown from the base store's events: it needs some, and no fewer than it has."""
    if base <= 0:
        raise ValueError("the base store has no events: ingest more articles (--articles)")
    if size < base:
        raise ValueError(f"size {size:,} is below the base store's {base:,} events: give sizes of at least {base:,}")


def base_events(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    finally:
        con.close()


def measure(db: Path, out_dir: Path, exports: list[str]) -> dict[str, Any]:
    """Every query, aggregation and export on one store."""
    result: dict[str, Any] = {"store_mb": round(db.stat().st_size / 2**20, 1), "queries": {}, "aggregations": {},
                              "exports": {}}
    for group, commands in (("queries", QUERIES), ("aggregations", AGGREGATIONS)):
        for name, args in commands:
            result[group][name] = run([*args, "--db", str(db)])
            print(f"  {name}: {result[group][name]}", flush=True)
    for fmt in exports:
        target = out_dir / ("tables" if fmt == "parquet" else f"events.{fmt}")
        figures = run(["export", "--db", str(db), "-f", fmt, "-o", str(target), "-q"])
        figures["output_mb"] = round(_size(out_dir) / 2**20, 1)
        result["exports"][fmt] = figures
        print(f"  export {fmt}: {figures}", flush=True)
        for child in out_dir.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    return result


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def table(results: dict[str, dict[str, Any]]) -> str:
    """A Markdown table: one row per measurement, one column per store size (seconds / peak MB)."""
    sizes = list(results)
    head = "| measurement | " + " | ".join(f"{int(s):,} events" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]
    lines.append("| store on disk (MB) | " + " | ".join(str(results[s]["store_mb"]) for s in sizes) + " |")
    for group in ("queries", "aggregations", "exports"):
        names = list(next(iter(results.values()))[group])
        for name in names:
            label = f"export {name}" if group == "exports" else name
            cells = []
            for s in sizes:
                f = results[s][group].get(name)
                cells.append("-" if f is None else f"{f['seconds']} s / {f['peak_mb']:.0f} MB"
                             + ("" if not f["rc"] else f" (exit {f['rc']})"))
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] == ["--replicate"]:
        print(json.dumps(replicate(Path(sys.argv[2]), int(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eventwire-scale")
    parser.add_argument("--exports", default=",".join(EXPORTS))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", action="store_true", help="Keep each size's store (else deleted after use).")
    opts = parser.parse_args()
    try:
        sizes = [int(s) for s in opts.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {opts.sizes!r}: give event counts separated by commas, such as 100000,1000000")
    opts.work.mkdir(parents=True, exist_ok=True)
    base = base_store(opts.work, opts.articles)
    try:
        events = base_events(base)
        for size in sizes:
            check_size(size, events)
    except ValueError as exc:
        parser.error(f"--sizes: {exc}")
    exports = [f for f in opts.exports.split(",") if f]
    results: dict[str, dict[str, Any]] = {}
    for size in sizes:
        db = opts.work / f"store-{size}.duckdb"
        if not db.exists():
            tmp = db.with_suffix(".building.duckdb")
            shutil.copy(base, tmp)
            # In a child process: this one stays small, so the commands it starts begin small (a forked
            # child's peak RSS counts the parent's pages until it execs).
            done = subprocess.run([sys.executable, __file__, "--replicate", str(tmp), str(size)],
                                  check=True, capture_output=True, text=True)
            built = json.loads(done.stdout)
            tmp.rename(db)
        else:
            built = {"events": size, "build_seconds": None}
        print(f"{size:,} events: {built}", flush=True)
        out_dir = opts.work / f"out-{size}"
        out_dir.mkdir(exist_ok=True)
        results[str(size)] = {**built, **measure(db, out_dir, exports)}
        shutil.rmtree(out_dir)
        if not opts.keep:
            db.unlink()
        if opts.json:
            opts.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
