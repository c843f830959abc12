"""`eventwire spark IN OUT`: the single-machine pipeline, run per partition on Spark.

Why this shape: each executor process builds one Pipeline (spaCy model, KB, gazetteer) on first use and
runs whole partitions through it with batched ``nlp.pipe``, exactly as ``eventwire extract`` does. Rows
come from ``eventwire.rows.document_rows`` and are typed by ``eventwire.store.schema.TABLES``, so
the Parquet tables have the DuckDB store's columns; cross-article deduplication groups event mentions by
their dedup key and runs the store's own ``dedup.deduplicate`` on each group in parallel.
Inputs are read by Spark (local paths or any Hadoop-compatible URI): JSON Lines line by line, other files
(WARC, HTML, text, feeds) whole, handed to the same readers as the CLI uses.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.config import Config
from eventwire.errors import ErrorCode, EventwireError
from eventwire.records import RawRecord, Reject
from eventwire.store.schema import TABLES

REJECTS_FIELDS = ("id", "source", "stage", "code", "reason")
OUTPUT_TABLES: tuple[str, ...] = (*TABLES, "rejects")
Tagged = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class SparkOptions:
    master: str = "local[*]"
    partitions: int | None = None
    published: str | None = None
    app_name: str = "eventwire"


# -- executor side -------------------------------------------------------------------------------
@functools.lru_cache(maxsize=2)
def _executor_pipeline(config_json: str) -> Any:
    """One Pipeline per executor process (and per configuration), built on first use."""
    from eventwire.pipeline import Pipeline

    return Pipeline(Config.from_data(json.loads(config_json), ("spark",)))


def _reject_row(rej: Reject) -> Tagged:
    return "rejects", {k: getattr(rej, k) for k in REJECTS_FIELDS}


def process_partition(
    records: Iterable[RawRecord | Reject], config_json: str, ingested_at: dt.datetime
) -> Iterator[Tagged]:
    """Records -> (table, row) pairs for every per-article table, and rejects."""
    from eventwire.rows import document_rows

    pipeline = _executor_pipeline(config_json)
    for result in pipeline.pipe(records):
        if isinstance(result, Reject):
            yield _reject_row(result)
            continue
        for table, rows in document_rows(result, ingested_at=ingested_at).items():
            for row in rows:
                yield table, row


def parse_jsonl_partition(lines: Iterable[str], source: str, published: str | None) -> Iterator[RawRecord | Reject]:
    from eventwire.readers.jsonl import parse_lines

    yield from parse_lines(lines, source, {"published": published})


def read_file_bytes(name: str, data: bytes, published: str | None, max_bytes: int) -> list[RawRecord | Reject]:
    """A whole input file (WARC, HTML, text, feed) through the CLI's readers, chosen by its suffix."""
    from eventwire.readers import read_path, suffix_of

    base = Path(name.rsplit("/", 1)[-1])  # the file name of a local path or a Hadoop URI
    suffix = suffix_of(base)
    if len(data) > max_bytes and not suffix.startswith(".warc"):
        err = EventwireError(ErrorCode.TOO_LARGE, f"{name}: {len(data)} bytes > {max_bytes}")
        return [Reject.from_error(err, "read", None, name)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (base.stem.split(".")[0] + suffix)
        path.write_bytes(data)
        items = list(read_path(path, {"published": published, "max_bytes": max_bytes}))
    for item in items:
        # Point sources at the original URI, not the temporary copy.
        if item.source and item.source.startswith(str(path)):
            item.source = name + item.source[len(str(path)):]
    return items


def dedup_group(rows: Iterable[dict[str, Any]], window_days: int) -> Iterator[Tagged]:
    """One dedup key's mentions -> the mentions with event ids, and the events they form."""
    from eventwire.store.dedup import deduplicate

    mentions = list(rows)
    events = deduplicate(mentions, window_days)  # sets event_id on each mention row in place
    for m in mentions:
        yield "event_mentions", m
    for e in events:
        yield "events", e


# -- driver side ---------------------------------------------------------------------------------
def spark_schema(schema: pa.Schema) -> Any:
    """The Spark StructType of an Arrow schema (the store's column types only)."""
    from pyspark.sql import types as T

    mapping = {
        pa.string(): T.StringType(), pa.int32(): T.IntegerType(), pa.int64(): T.LongType(),
        pa.float64(): T.DoubleType(), pa.date32(): T.DateType(), pa.timestamp("us"): T.TimestampNTZType(),
        pa.bool_(): T.BooleanType(), pa.list_(pa.string()): T.ArrayType(T.StringType()),
    }
    return T.StructType([T.StructField(f.name, mapping[f.type], True) for f in schema])


def rejects_schema() -> Any:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(n, T.StringType(), True) for n in REJECTS_FIELDS])


def session(options: SparkOptions) -> Any:
    """A Spark session; local mode binds to loopback and uses this Python for workers."""
    from pyspark.sql import SparkSession

    if options.master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(options.master).appName(options.app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.showConsoleProgress", "false")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _is_jsonl(uri: str) -> bool:
    return uri.lower().rstrip("/").endswith((".jsonl", ".ndjson", ".jsonl.gz"))


def read_records(spark: Any, inputs: list[str], options: SparkOptions, max_bytes: int) -> Any:
    """An RDD of RawRecord | Reject from every input URI."""
    sc = spark.sparkContext
    published = options.published
    rdds = []
    for uri in inputs:
        if _is_jsonl(uri):
            lines = sc.textFile(uri, minPartitions=options.partitions or sc.defaultParallelism)
            rdds.append(lines.mapPartitionsWithIndex(
                lambda i, it, uri=uri: parse_jsonl_partition(it, f"{uri}#part{i}", published)))
        else:
            files = sc.binaryFiles(uri)
            rdds.append(files.flatMap(lambda kv: read_file_bytes(kv[0], kv[1], published, max_bytes)))
    records = sc.union(rdds) if len(rdds) > 1 else rdds[0]
    if options.partitions:
        records = records.repartition(options.partitions)
    return records


def run(inputs: list[str], output: str, config: Config, options: SparkOptions) -> dict[str, int]:
    """Run the pipeline over INPUTS and write Parquet tables under OUTPUT; returns row counts per table."""
    from pyspark import StorageLevel

    spark = session(options)
    try:
        config_json = json.dumps(config.data)
        ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        window = config.store.dedup_days
        max_bytes = config.io.max_bytes
        records = read_records(spark, inputs, options, max_bytes)
        tagged = records.mapPartitions(lambda it: process_partition(it, config_json, ingested_at))
        tagged.persist(StorageLevel.MEMORY_AND_DISK)
        deduped = (
            tagged.filter(lambda kv: kv[0] == "event_mentions")
            .map(lambda kv: (kv[1]["dedup_key"], kv[1]))
            .groupByKey()
            .flatMap(lambda kv: dedup_group(kv[1], window))
        )
        deduped.persist(StorageLevel.MEMORY_AND_DISK)
        counts: dict[str, int] = {}
        for table in OUTPUT_TABLES:
            source = deduped if table in ("events", "event_mentions") else tagged
            schema = rejects_schema() if table == "rejects" else spark_schema(TABLES[table])
            names = [f.name for f in schema.fields]
            rows = source.filter(lambda kv, t=table: kv[0] == t).map(
                lambda kv, names=names: tuple(kv[1].get(n) for n in names))
            frame = spark.createDataFrame(rows, schema)
            frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")
            counts[table] = spark.read.parquet(f"{output.rstrip('/')}/{table}").count()
        tagged.unpersist()
        deduped.unpersist()
        return counts
    finally:
        spark.stop()


def _count(con: Any, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def load_into_duckdb(output: str, db_path: str) -> dict[str, int]:
    """Copy a Spark OUTPUT's tables into a new DuckDB store (the store must hold no articles yet)."""
    from eventwire.store.db import open_store

    with open_store(db_path) as store:
        con = store.con
        existing = _count(con, "articles")
        if existing:
            raise EventwireError(
                ErrorCode.STORE_ERROR,
                f"{db_path} already holds {existing} articles; load Spark output into a new database, "
                "or query the Parquet in place with DuckDB",
            )
        counts: dict[str, int] = {}
        con.execute("BEGIN TRANSACTION")
        for table in TABLES:
            pattern = str(Path(output) / table / "*.parquet")
            cols = ", ".join(f'"{n}"' for n in TABLES[table].names)
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?)", [pattern])
            counts[table] = _count(con, table)
        con.execute("COMMIT")
        return counts
