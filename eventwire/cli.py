"""The command line: a thin Typer layer over library calls. Each command group lives in eventwire/commands/."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="eventwire",
    help="Political event data from news text: who did what to whom, when and where, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


EXIT_USAGE = 2


def main() -> None:
    """Entry point: coded errors (bad configuration, missing model, unreadable database) print one line."""
    from .commands import COMMANDS
    from .errors import EventwireError

    for name in COMMANDS:
        importlib.import_module(f"eventwire.commands.{name}")
    try:
        app()
    except EventwireError as exc:
        typer.echo(f"eventwire: {exc}", err=True)
        raise SystemExit(EXIT_USAGE) from exc
