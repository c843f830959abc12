"""The Spark job in local mode gives the single-machine pipeline's results, in the store's schema."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire import load_config
from eventwire.records import RawRecord
from eventwire.store.db import open_store
from eventwire.store.schema import TABLES

pytestmark = pytest.mark.spark

N_STORIES = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """A few Guardian stories plus one broken line, which must end in the rejects table."""
    lines = (shared_data / "ngec" / "guardian_sample.jsonl").read_text(encoding="utf-8").splitlines()[:N_STORIES]
    path = tmp_path_factory.mktemp("spark") / "stories.jsonl"
    path.write_text("\n".join(lines + ['{"id": "broken", "text": ']) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark_output(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    if shutil.which("java") is None:
        pytest.fail("Java is required for the Spark tests (.ci/run installs openjdk-17-jre-headless)")
    from eventwire.spark.job import SparkOptions, run

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    out = tmp_path_factory.mktemp("spark") / "out"
    counts = run([str(corpus)], str(out), load_config(), SparkOptions(master="local[2]", partitions=2))
    return out, counts


@pytest.fixture(scope="module")
def single_machine(pipeline, corpus: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The same stories through Pipeline.pipe and the DuckDB store."""
    from eventwire.readers import read_paths

    results = list(pipeline.pipe(read_paths([str(corpus)])))
    db = tmp_path_factory.mktemp("db") / "single.duckdb"
    docs = [r for r in results if not isinstance(r, RawRecord) and hasattr(r, "events")]
    with open_store(db) as store:
        store.write(docs)
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    return results, counts


def test_spark_counts_equal_single_machine(spark_output, single_machine) -> None:  # type: ignore[no-untyped-def]
    out, counts = spark_output
    results, store_counts = single_machine
    docs = [r for r in results if hasattr(r, "events")]
    assert counts["articles"] == len(docs) == N_STORIES
    assert counts["rejects"] == 1
    assert counts["event_mentions"] == sum(len(d.events) for d in docs)
    for table in TABLES:
        assert counts[table] == store_counts[table], table


def test_spark_tables_have_store_columns(spark_output) -> None:  # type: ignore[no-untyped-def]
    out, _ = spark_output
    con = duckdb.connect()
    for table, schema in TABLES.items():
        cols = [
            r[0]
            for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(out / table / "*.parquet")]).fetchall()
        ]
        assert cols == schema.names, table
    rejects = con.execute("SELECT code, reason FROM read_parquet(?)", [str(out / "rejects" / "*.parquet")]).fetchall()
    assert rejects[0][0] == "E105"


def test_spark_output_loads_into_duckdb(spark_output, single_machine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.spark.job import load_into_duckdb

    out, counts = spark_output
    loaded = load_into_duckdb(str(out), str(tmp_path / "from_spark.duckdb"))
    assert loaded["articles"] == counts["articles"]
    assert loaded["events"] == single_machine[1]["events"]
    with duckdb.connect(str(tmp_path / "from_spark.duckdb"), read_only=True) as con:
        docs = con.execute("SELECT document FROM articles ORDER BY article_id").fetchall()
    assert all(json.loads(d)["schema"] == "eventwire.document/1" for (d,) in docs)
