"""Checks of command-line arguments, made before anything is read or written.

Why at the edge: a wrong argument that is accepted costs more than a refusal. A date that does not exist
leaves every event undated, a typo in a glob reads nothing, a typo in an output folder writes somewhere
else, and a CSV given as the database silently keeps nothing. Each check raises an ``EventwireError``
whose code says what is wrong; the CLI prints it on one line and exits with 2 (cli/app.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import typer

from eventwire.errors import ErrorCode, EventwireError
from eventwire.records import normalise_date

_SHOWN = 5  # file names listed in a note before "..."


def check_date(value: str | None, option: str) -> str | None:
    """A real calendar date YYYY-MM-DD (a longer ISO timestamp is cut to its date), or None; else E112."""
    return normalise_date(value, option)


def check_choice(value: str, choices: Iterable[str], option: str) -> str:
    """One of the known values of an option (case-insensitive, returned in its listed form); else E403."""
    known = list(choices)
    for choice in known:
        if value.strip().lower() == choice.lower():
            return choice
    raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"{option} {value!r}: use one of {', '.join(known)}")


def check_range(value: float | None, low: float, high: float, option: str) -> None:
    """A number within [low, high], or None; else E403."""
    if value is not None and not low <= value <= high:
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"{option} {value:g}: give a number from {low:g} to {high:g}")


def check_quad_class(value: int | None) -> int | None:
    """A quad class 1-4 (verbal/material cooperation, verbal/material conflict), or None; else E403."""
    from eventwire.events.ontology import QUAD_NAMES

    if value is None or value in (1, 2, 3, 4):
        return value
    listed = ", ".join(f"{k} ({QUAD_NAMES[k]})" for k in (1, 2, 3, 4))
    raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"--quad-class {value}: use {listed}")


def check_event_types(value: str | None) -> str | None:
    """PLOVER types, comma separated (upper-cased), or None; else E403, naming the PLOVER type of a CAMEO code.

    Why the CAMEO hint: the store filters on PLOVER types; a CAMEO code such as 042 would match nothing.
    """
    if value is None:
        return None
    from eventwire.events.ontology import PLOVER_TYPES, load_ontology

    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    for t in types:
        if t in PLOVER_TYPES:
            continue
        known = ", ".join(PLOVER_TYPES)
        plover = load_ontology().plover_type(t) if t[:2].isdigit() else None
        if plover:
            raise EventwireError(
                ErrorCode.ARGUMENT_INVALID,
                f"--type {t}: that is a CAMEO code; --type takes PLOVER types (CAMEO {t} is {plover}): {known}",
            )
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"--type {t!r}: not a PLOVER type; use one of {known}")
    if not types:
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"--type {value!r}: give one or more PLOVER types")
    return ",".join(types)


def check_inputs(paths: list[str]) -> list[str]:
    """The files to read for the path arguments; every missing path (E111) or empty glob (E113) refused.

    Files inside folders that are not articles (README.md, a .csv ...) are skipped with a note on
    standard error. With nothing left to read at all, E113.
    """
    from eventwire.readers import resolve_inputs

    inputs = resolve_inputs(paths)
    if inputs.missing:
        raise EventwireError(ErrorCode.UNREADABLE, f"no such file or folder: {', '.join(inputs.missing)}")
    if inputs.unmatched:
        listed = ", ".join(repr(p) for p in inputs.unmatched)
        raise EventwireError(ErrorCode.NO_INPUT, f"no file matches {listed}")
    if inputs.skipped:
        names = ", ".join(str(p) for p in inputs.skipped[:_SHOWN]) + (" ..." if len(inputs.skipped) > _SHOWN else "")
        typer.echo(
            f"note: skipped {len(inputs.skipped)} file(s) that are not articles (.txt, .html, .jsonl, .json, "
            f".warc, .rss, .atom, .xml ...): {names}. Name a file on its own to read it as plain text.",
            err=True,
        )
    if not inputs.paths:
        raise EventwireError(ErrorCode.NO_INPUT, f"no article files in {', '.join(inputs.empty)}")
    for folder in inputs.empty:
        typer.echo(f"note: no article files in {folder}", err=True)
    return inputs.paths


def check_output(path: Path | None, option: str) -> None:
    """An output path whose folder exists (nothing creates folders from a typo) and that is not a folder."""
    if path is None:
        return
    if path.is_dir():
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"{option} {path}: that is a folder; give a file name")
    folder = path.parent
    if not folder.is_dir():
        raise EventwireError(
            ErrorCode.ARGUMENT_INVALID, f"{option} {path}: no folder {folder}; create it first or fix the path"
        )


def check_database(path: Path, must_exist: bool) -> None:
    """A database path: a DuckDB file, or (when it may be created) a new file in an existing folder; else E503."""
    from eventwire.store.db import check_database_path

    if not path.exists():
        if must_exist:
            raise EventwireError(
                ErrorCode.NOT_A_DATABASE, f"no database at {path}; make one with `eventwire ingest FILES --db {path}`"
            )
        if not path.parent.is_dir():
            raise EventwireError(
                ErrorCode.NOT_A_DATABASE, f"{path}: no folder {path.parent}; create it first or fix the path"
            )
        return
    check_database_path(path)
