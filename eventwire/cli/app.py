"""The Typer application that every command module registers its commands on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="eventwire",
    help="Political event data from news text: who did what to whom, when and where, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USAGE = 2
