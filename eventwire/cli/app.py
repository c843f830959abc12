"""The Typer application that every command module registers its commands on, and what all commands share:
the exit codes, one way to report a coded error, help in plain words, and ``--version``.

Exit codes (docs/reliability.md has the table): 0 done; 1 the work failed for a reason outside the
command line (the database cannot be opened or written, E501; an unexpected error); 2 the command line or
the set-up is wrong (any coded argument error, a bad configuration, a missing model); 3 some inputs were
rejected; 4 every input was rejected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from eventwire import __version__
from eventwire.errors import MESSAGES, ErrorCode, EventwireError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4

# Codes of a failure while working, not of what was asked: everything else coded is the user's to fix.
FAILURE_CODES = frozenset({ErrorCode.STORE_ERROR, ErrorCode.STAGE_FAILED})


def exit_code(code: ErrorCode) -> int:
    """The exit code for a coded error: 1 for a failure while working, 2 for a wrong command or set-up."""
    return EXIT_FAILED if code in FAILURE_CODES else EXIT_USAGE


def fail(exc: EventwireError) -> typer.Exit:
    """Print a coded error once, on one line of standard error, and give the exit to raise."""
    typer.echo(f"eventwire: {exc}", err=True)
    return typer.Exit(exit_code(exc.code))


def _plain_help(param: Any) -> None:
    """Show a parameter in help as a word (FILE, DATE, N), never as a Python type (``<list[str]>``).

    Why per instance: Typer 0.29 prints each parameter's annotation and has no switch for it; overriding
    the display methods on the parameter objects keeps parsing untouched.
    """
    if getattr(param, "_eventwire_plain", False):
        return
    setattr(param, "_eventwire_plain", True)  # noqa: B010 - a marker on a foreign object
    if isinstance(param, TyperArgument):
        name = param.metavar or (param.name or "value").upper()
        many = "..." if param.nargs != 1 else ""
        usage = (name if param.required else f"[{name}]") + many
        setattr(param, "_usage_display_name", lambda: usage)  # noqa: B010
        setattr(param, "_rich_display_name", lambda: name)  # noqa: B010
        setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010
    elif isinstance(param, TyperOption):
        shown = None if param.is_flag or param.count else (param.metavar or "VALUE")
        setattr(param, "display_type_rich", lambda ctx: shown)  # noqa: B010


class Command(TyperCommand):
    """A command whose help names values in plain words."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain_help(param)
        return params


# click's usage error (Typer vendors click, so it is found through a public subclass, not imported).
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _coded_usage_error(exc: Exception) -> Exception:
    """A parse error of click's (unknown option, missing or mistyped value) with the code E403 in front of
    its message; click still shows it with the usage line and exits 2."""
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    if message.startswith("[E"):
        return exc
    code = ErrorCode.ARGUMENT_INVALID
    return UsageError(f"[{code.value}] {MESSAGES[code]}: {message}", getattr(exc, "ctx", None))  # type: ignore[call-arg]


class Group(TyperGroup):
    """The ``eventwire`` group: plain help, and every coded error said once with its exit code."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain_help(param)
        return params

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise _coded_usage_error(exc) from exc

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            raise fail(exc) from exc
        except UsageError as exc:
            raise _coded_usage_error(exc) from exc


class App(typer.Typer):
    """Typer with the plain-help command class as every command's default."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


app = App(
    name="eventwire",
    cls=Group,
    help="Political event data from news text: who did what to whom, when and where, with evidence.\n\n"
    "Start with `eventwire extract ARTICLE.txt --published 2014-11-27`, or store a corpus with "
    "`eventwire ingest FOLDER --db news.duckdb` and query it with `eventwire events --db news.duckdb`. "
    "`eventwire COMMAND --help` explains each command, with examples.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Political event data from news text: who did what to whom, when and where, with evidence."""
