"""`eventwire kb NAME [--on DATE]`: what the actor knowledge base knows of a name on a date."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.app import app


@app.command("kb")
def kb_command(
    name: Annotated[str, typer.Argument(help="a name, e.g. 'Sergei Lavrov', 'IS', 'the Kremlin'")],
    on: Annotated[str | None, typer.Option("--on", help="date YYYY-MM-DD (default: today)")] = None,
    config: Annotated[str | None, typer.Option(help="config file with [actors] dictionaries")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Look a name up in the actor knowledge base (package data plus configured dictionaries)."""
    from eventwire.actors.kb import lookup
    from eventwire.actors.stage import ACTOR_KB
    from eventwire.config import load_config
    from eventwire.stage import Resources

    results = lookup(name, on, Resources(load_config(config)).get(ACTOR_KB))
    if as_json:
        typer.echo(json.dumps(results, ensure_ascii=False))
        return
    if not results:
        typer.echo(f"nothing known of {name!r}")
        raise typer.Exit(1)
    table = Table(title=f"{name} on {on or 'today'}")
    for col in ("name", "code", "country", "sector", "role", "former", "match", "kb_id"):
        table.add_column(col)
    for r in results:
        table.add_row(*(str(r.get(c) if r.get(c) is not None else "") for c in
                        ("name", "code", "country", "sector", "role", "former", "match", "kb_id")))
    Console().print(table)
