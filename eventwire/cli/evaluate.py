"""`eventwire eval SUITE FILE`: run an evaluation suite; prints a table, then JSON as the last line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

import eventwire.eval  # noqa: F401 - registers every suite
from eventwire.cli.app import app
from eventwire.registry import evaluators


@app.command("eval")
def evaluate(
    suite: Annotated[str, typer.Argument(help="suite name, e.g. petr, names, timeml, geo, quotes")],
    path: Annotated[Path, typer.Argument(help="gold file or folder")],
    dictionaries: Annotated[list[Path] | None, typer.Option(help="extra dictionaries for the suite")] = None,
    limit: Annotated[int | None, typer.Option(help="evaluate only the first N items")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print only the JSON line")] = False,
) -> None:
    """Score eventwire against a gold standard."""
    run = evaluators.get(suite)
    options: dict[str, Any] = {"dictionaries": [str(d) for d in dictionaries or []], "limit": limit}
    metrics: dict[str, Any] = run(path, options)
    if not as_json:
        table = Table(title=f"eval {suite}: {path}")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for key, value in metrics.items():
            if not isinstance(value, (dict, list)):
                table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
        Console(stderr=False).print(table)
    typer.echo(json.dumps(metrics, sort_keys=False, default=str))
