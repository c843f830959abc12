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


def main() -> None:
    from .commands import COMMANDS

    for name in COMMANDS:
        importlib.import_module(f"eventwire.commands.{name}")
    app()


if __name__ == "__main__":
    main()
