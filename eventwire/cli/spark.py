"""`eventwire spark IN... OUT`: the pipeline on Apache Spark, writing Parquet tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.app import app
from eventwire.config import load_config


@app.command("spark")
def spark(
    paths: Annotated[
        list[str], typer.Argument(help="INPUT... OUTPUT: inputs (paths or Hadoop URIs), then the output dir")
    ],
    master: Annotated[str, typer.Option(help="Spark master, e.g. local[*], yarn, k8s://...")] = "local[*]",
    partitions: Annotated[int | None, typer.Option(help="repartition the records into N partitions")] = None,
    published: Annotated[str | None, typer.Option(help="publication date for inputs without one")] = None,
    db: Annotated[Path | None, typer.Option(help="also load the output into this (new) DuckDB store")] = None,
    config: Annotated[Path | None, typer.Option(help="user TOML configuration")] = None,
) -> None:
    """Run eventwire over a corpus on Spark; writes OUTPUT/{articles,events,event_mentions,actors,...,rejects}."""
    try:
        from eventwire.spark.job import SparkOptions, load_into_duckdb, run
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise typer.BadParameter(f"pyspark is not installed: pip install 'eventwire[spark]' ({exc})") from exc
    if len(paths) < 2:
        raise typer.BadParameter("give at least one INPUT and the OUTPUT directory")
    *inputs, output = paths
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
