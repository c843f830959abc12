"""`eventwire spark IN... OUT`: the pipeline on Apache Spark, writing Parquet tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.app import app
from eventwire.cli.checks import check_database, check_date, check_range
from eventwire.cli.extract import ConfigOption, PublishedOption
from eventwire.config import load_config
from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers import is_glob


@app.command("spark")
def spark(
    paths: Annotated[
        list[str],
        typer.Argument(help="INPUT... OUTPUT: the inputs (paths or Hadoop URIs), then the output folder.",
                       metavar="INPUT... OUTPUT", show_default=False),
    ],
    master: Annotated[
        str, typer.Option(help="Spark master, e.g. local[*], yarn, k8s://...", metavar="URL")
    ] = "local[*]",
    partitions: Annotated[
        int | None, typer.Option(help="Repartition the records into N partitions.", metavar="N")
    ] = None,
    published: PublishedOption = None,
    db: Annotated[
        Path | None, typer.Option(help="Also load the output into this new database file.", metavar="FILE")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Run eventwire over a corpus on Spark; writes Parquet tables OUTPUT/articles, events, event_mentions,
    actors ... and rejects (docs/spark.md).

    Example:

        eventwire spark corpus/*.jsonl out/ --master local[*] --db news.duckdb
    """
    # The job imports pyspark only when it starts a session: look for it here, before any work is done.
    if importlib.util.find_spec("pyspark") is None:  # pragma: no cover - depends on the optional extra
        raise typer.BadParameter("pyspark is not installed: pip install 'eventwire[spark]'")
    from eventwire.spark.job import SparkOptions, load_into_duckdb, run

    if len(paths) < 2:
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, "give at least one INPUT and then the OUTPUT folder")
    *inputs, output = paths
    published = check_date(published, "--published")
    check_range(partitions, 1, 1_000_000, "--partitions")
    local = [p for p in inputs if "://" not in p and not is_glob(p)]
    missing = [p for p in local if not Path(p).exists()]
    if missing:
        raise EventwireError(ErrorCode.UNREADABLE, f"no such file or folder: {', '.join(missing)}")
    if db is not None:
        check_database(db, must_exist=False)
    options = SparkOptions(master=master, partitions=partitions, published=published)
    counts = run(inputs, output, load_config(config), options)
    table = Table(title=f"eventwire spark -> {output}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    Console().print(table)
    if db is not None:
        loaded = load_into_duckdb(output, str(db))
        typer.echo(f"loaded into {db}: " + ", ".join(f"{k}={v}" for k, v in loaded.items()))
