"""`eventwire kb NAME [--on DATE]`: what the actor knowledge base knows of a name on a date."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.app import EXIT_FAILED, app
from eventwire.cli.checks import check_date
from eventwire.cli.extract import ConfigOption


@app.command("kb")
def kb_command(
    name: Annotated[
        str, typer.Argument(help="A name, e.g. 'Sergei Lavrov', 'IS', 'the Kremlin'.", metavar="NAME",
                            show_default=False)
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="The date to look at (default: today).", metavar="YYYY-MM-DD")
    ] = None,
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Look a name up in the actor knowledge base (the shipped data plus the dictionaries in the settings).

    Exit code 1 when nothing is known of the name.

    Examples:

        eventwire kb Lavrov --on 2014-11-27

        eventwire kb "Donald Trump" --on 2016-10-25 --json
    """
    from eventwire.actors.kb import lookup
    from eventwire.actors.stage import ACTOR_KB
    from eventwire.config import load_config
    from eventwire.stage import Resources

    on = check_date(on, "--on")
    results = lookup(name, on, Resources(load_config(config)).get(ACTOR_KB))
    if as_json:
        typer.echo(json.dumps(results, ensure_ascii=False))
        return
    if not results:
        typer.echo(f"nothing known of {name!r}")
        raise typer.Exit(EXIT_FAILED)
    table = Table(title=f"{name} on {on or 'today'}")
    for col in ("name", "code", "country", "sector", "role", "former", "match", "kb_id"):
        table.add_column(col)
    for r in results:
        table.add_row(*(str(r.get(c) if r.get(c) is not None else "") for c in
                        ("name", "code", "country", "sector", "role", "former", "match", "kb_id")))
    Console().print(table)
