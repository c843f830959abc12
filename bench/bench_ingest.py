"""Ingest benchmark (issue 7): `python bench/bench_ingest.py [--limit N] [--workers N] [--json]`.

Measures, in one run over the same texts (../shared/data/ngec/guardian_sample.jsonl by default):
  - bare spaCy: ``nlp.pipe`` over the texts (the floor any pipeline on spaCy pays);
  - eventwire ingest into a fresh DuckDB file: articles/s and event mentions/s, and its ratio to bare spaCy;
  - a second ingest of the same input (idempotent: everything skipped by content hash), and that the counts
    did not change;
  - writing the same event_mentions rows through Arrow (what the store does) vs executemany (row by row).
Every ratio is between figures measured in this run, on this machine.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ngec" / "guardian_sample.jsonl"


def _texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def bench_nlp(texts: list[str], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def bench_ingest(path: Path, limit: int | None, workers: int, db: Path) -> dict[str, Any]:
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline
    from eventwire.readers import read_paths
    from eventwire.store import open_store
    from eventwire.store.ingest import ingest

    src = path
    if limit:
        src = db.with_suffix(".input.jsonl")
        with path.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            for n, line in enumerate(fh):
                if n >= limit:
                    break
                out.write(line)
    pipeline = Pipeline(load_config(None, {"pipeline.n_process": workers}))
    with open_store(db) as store:
        first = ingest(store, read_paths([str(src)]), pipeline, n_process=workers)
        counts = store.counts()
    with open_store(db) as store:
        second = ingest(store, read_paths([str(src)]), pipeline, n_process=workers)
        counts_again = store.counts()
    return {"first": first.as_dict(), "second": second.as_dict(), "counts": counts,
            "same_counts_after_second_ingest": counts == counts_again, "model": pipeline.config.pipeline.model}


def bench_arrow_vs_executemany(db_dir: Path, n_rows: int = 2000) -> dict[str, float]:
    """The same rows into the same table, as one Arrow INSERT and as executemany."""
    import duckdb

    from eventwire.store.schema import TABLES, ddl, to_arrow

    schema = TABLES["evidence"]
    rows = [{"mention_id": f"a{i}/e0", "article_id": f"a{i}", "ordinal": 0, "sentence": "Lavrov met Moualem in Sochi.",
             "sentence_start": 0, "sentence_end": 28, "trigger_text": "met", "trigger_start": 7, "trigger_end": 10}
            for i in range(n_rows)]
    con = duckdb.connect(str(db_dir / "rows.duckdb"))
    con.execute(ddl("evidence")).fetchall()
    start = time.perf_counter()
    con.register("_rows", to_arrow("evidence", rows))
    con.execute("INSERT INTO evidence BY NAME SELECT * FROM _rows").fetchall()
    arrow_s = time.perf_counter() - start
    con.execute("DELETE FROM evidence").fetchall()
    placeholders = ", ".join("?" for _ in schema.names)
    start = time.perf_counter()
    con.executemany(f"INSERT INTO evidence VALUES ({placeholders})", [[r[k] for k in schema.names] for r in rows])
    many_s = time.perf_counter() - start
    con.close()
    return {"rows": n_rows, "arrow_seconds": round(arrow_s, 4), "executemany_seconds": round(many_s, 4),
            "executemany_over_arrow": round(many_s / arrow_s, 1) if arrow_s else 0.0}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="first N stories only")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print only the JSON")
    args = parser.parse_args(argv)
    texts = _texts(args.input, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        ingest_result = bench_ingest(args.input, args.limit, args.workers, Path(tmp) / "bench.duckdb")
        nlp_s = bench_nlp(texts, str(ingest_result["model"]))
        writes = bench_arrow_vs_executemany(Path(tmp))
    nlp_rate = len(texts) / nlp_s
    first = ingest_result["first"]
    result = {
        "stories": len(texts),
        "workers": args.workers,
        "bare_nlp_pipe_articles_per_second": round(nlp_rate, 2),
        "ingest_articles_per_second": first["articles_per_second"],
        "ingest_events_per_second": first["events_per_second"],
        "ingest_over_bare_nlp": round(first["articles_per_second"] / nlp_rate, 3) if nlp_rate else 0.0,
        "reingest_seconds": ingest_result["second"]["seconds"],
        "reingest_stored": ingest_result["second"]["stored"],
        "same_counts_after_second_ingest": ingest_result["same_counts_after_second_ingest"],
        "counts": ingest_result["counts"],
        "first_ingest": first,
        "writes": writes,
    }
    if not args.json:
        print(f"{len(texts)} stories, {args.workers} worker(s)")
        print(f"  bare nlp.pipe          {nlp_rate:8.2f} articles/s")
        print(f"  eventwire ingest       {first['articles_per_second']:8.2f} articles/s  "
              f"{first['events_per_second']:8.2f} event mentions/s  "
              f"({result['ingest_over_bare_nlp']:.3f} x bare spaCy)")
        print(f"  of which store writes  {first['store_seconds']:8.2f} s of {first['seconds']:.2f} s")
        print(f"  second ingest          {ingest_result['second']['seconds']:8.2f} s, "
              f"{ingest_result['second']['stored']} stored, counts unchanged: "
              f"{ingest_result['same_counts_after_second_ingest']}")
        print(f"  {writes['rows']} rows: Arrow {writes['arrow_seconds']} s, "
              f"executemany {writes['executemany_seconds']} s "
              f"({writes['executemany_over_arrow']} x slower)")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
