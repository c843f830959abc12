"""The command line: a thin Typer layer over library calls, one module per command group.

Importing this package registers every command on ``eventwire.cli.app.app``.
"""

from __future__ import annotations

import typer

from eventwire.cli import bench, evaluate, extract, kb, serve, spark, store
from eventwire.cli.app import EXIT_USAGE, app
from eventwire.errors import EventwireError

COMMAND_MODULES = (bench, evaluate, extract, kb, serve, spark, store)
__all__ = ["COMMAND_MODULES", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Entry point: coded errors (bad configuration, missing model, unreadable database) print one line."""
    try:
        app()
    except EventwireError as exc:
        typer.echo(f"eventwire: {exc}", err=True)
        raise SystemExit(EXIT_USAGE) from exc


if __name__ == "__main__":
    main()
