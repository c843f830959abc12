"""The command line: a thin Typer layer over library calls, one module per command group.

Importing this package registers every command on ``eventwire.cli.app.app``.
"""

from __future__ import annotations

from eventwire.cli import bench, evaluate, extract, kb, panel, serve, spark, store
from eventwire.cli.app import EXIT_USAGE, app, fail
from eventwire.errors import EventwireError

COMMAND_MODULES = (bench, evaluate, extract, kb, panel, serve, spark, store)
__all__ = ["COMMAND_MODULES", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Entry point. Commands report coded errors themselves (``app.Group``); this catches any raised outside
    a command, so every one is one line on standard error with its exit code, never a traceback."""
    try:
        app()
    except EventwireError as exc:
        raise SystemExit(fail(exc).exit_code) from exc


if __name__ == "__main__":
    main()
