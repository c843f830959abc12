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
from eventwire.cli.checks import check_choice, check_range
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators


@app.command("eval")
def evaluate(
    suite: Annotated[
        str,
        typer.Argument(help="Suite: petr, quad, names, actor-spans, actors, realnews, timeml, timeml-parsed, geo, "
                       "quotes, language or html.", metavar="SUITE", show_default=False),
    ],
    path: Annotated[Path, typer.Argument(help="The gold file or folder.", metavar="PATH", show_default=False)],
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option(help="An extra dictionary for the suite (repeat the option for more).", metavar="FILE"),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Evaluate only the first N items.", metavar="N")] = None,
    expect: Annotated[
        str | None,
        typer.Option(help="For the language suite: the language the texts are in, as a code (default: en).",
                     metavar="LANG"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print only the JSON line.")] = False,
) -> None:
    """Score eventwire against a gold standard (docs/evaluation.md gives each suite and its figures).

    Examples:

        eventwire eval petr ../shared/data/universalpetrarch/PETR_Validate_records_2_02.xml

        eventwire eval names ../shared/data/names/variant_pairs_derived.json --json

        eventwire eval language ../shared/data/ngec/guardian_sample.jsonl --expect en
    """
    suite = check_choice(suite, evaluators.names(), "SUITE")
    check_range(limit, 1, 1_000_000_000, "--limit")
    missing = [str(p) for p in [path, *(dictionaries or [])] if not p.exists()]
    if missing:
        raise EventwireError(ErrorCode.UNREADABLE, f"no such file or folder: {', '.join(missing)}")
    run = evaluators.get(suite)
    options: dict[str, Any] = {"dictionaries": [str(d) for d in dictionaries or []], "limit": limit}
    if expect:
        options["expect"] = expect
    try:
        # a spinner on standard error while a terminal watches (a suite can take minutes); stdout stays data
        with Console(stderr=True).status(f"eval {suite}: running on {path} ..."):
            metrics: dict[str, Any] = run(path, options)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as exc:
        # A file the suite expects inside the gold folder (e.g. html's ground-truth.json).
        where = exc.filename or path
        raise EventwireError(ErrorCode.UNREADABLE, f"{where}: {exc.strerror or exc}") from exc
    if not as_json:
        table = Table(title=f"eval {suite}: {path}")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for key, value in metrics.items():
            if not isinstance(value, (dict, list)):
                table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
        Console(stderr=False).print(table)
    typer.echo(json.dumps(metrics, sort_keys=False, default=str))
