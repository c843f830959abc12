"""Readers at the edge: paths (files, folders, globs) or standard input -> RawRecords and Rejects.

Each format's reader is registered in ``registry.readers`` under its suffix; ``read_paths`` picks by suffix.
A reader never raises for a bad input: it yields a ``Reject`` with a code and reason and goes on.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

Item = RawRecord | Reject


def suffix_of(path: Path) -> str:
    """The reader key of a path: '.warc.gz' and '.jsonl' stay whole; no suffix reads as text."""
    name = path.name.lower()
    for compound in (".warc.gz", ".jsonl.gz", ".html.gz"):
        if name.endswith(compound):
            return compound
    return path.suffix.lower() or ".txt"


def is_article(path: Path) -> bool:
    """True for a file a reader is registered for (or with no suffix: text).

    Why: a corpus folder also holds a README.md, a metadata .csv or a .py script; stored as articles they
    would be noise in the database. Inside folders and glob matches only these are read; a file named on
    its own is always read (an unknown suffix as plain text).
    """
    return suffix_of(path) in readers


def is_glob(pattern: str) -> bool:
    """A path argument with wildcards that is not itself an existing file's name."""
    return any(c in pattern for c in "*?[") and not Path(pattern).exists()


def expand(paths: Iterable[str], skipped: list[Path] | None = None) -> Iterator[Path]:
    """Files, folders (recursively, sorted, hidden files left out) and glob patterns.

    Files in folders and glob matches that are not articles (``is_article``) are left out and added to
    ``skipped`` when given, so the caller can say so.
    """
    for p in paths:
        named = not is_glob(p)
        for m in [p] if named else sorted(glob.glob(p, recursive=True)):
            path = Path(m)
            if path.is_dir():
                found = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            elif named:
                yield path
                continue
            else:
                found = [path]
            for f in found:
                if is_article(f):
                    yield f
                elif skipped is not None:
                    skipped.append(f)


@dataclass
class Inputs:
    """What a command line's path arguments name, checked before anything is read or written."""

    paths: list[str] = field(default_factory=list)
    """every file to read, in order ('-' for standard input); ``read_paths`` takes this list as is"""
    skipped: list[Path] = field(default_factory=list)
    """files in folders or glob matches that are not articles"""
    missing: list[str] = field(default_factory=list)
    """named files or folders that do not exist"""
    unmatched: list[str] = field(default_factory=list)
    """glob patterns that match nothing"""
    empty: list[str] = field(default_factory=list)
    """folders and patterns that hold no article file"""


def resolve_inputs(paths: Iterable[str]) -> Inputs:
    """Expand the path arguments once, sorting out what is missing, empty or skipped (for the CLI's checks)."""
    inputs = Inputs()
    for p in paths:
        if p == "-":
            inputs.paths.append(p)
            continue
        if is_glob(p):
            if not glob.glob(p, recursive=True):
                inputs.unmatched.append(p)
                continue
        elif not Path(p).exists():
            inputs.missing.append(p)
            continue
        files = [str(f) for f in expand([p], inputs.skipped)]
        if not files:
            inputs.empty.append(p)
        inputs.paths.extend(files)
    return inputs


def read_path(path: Path, options: dict[str, Any]) -> Iterator[Item]:
    key = suffix_of(path)
    reader = readers.get(key) if key in readers else readers.get(".txt")
    yield from reader(path, options)  # type: ignore[misc]


def read_paths(
    paths: Iterable[str], options: dict[str, Any] | None = None, skipped: list[Path] | None = None
) -> Iterator[Item]:
    """Every record of every path, '-' meaning standard input (JSON Lines if it starts with '{', else text).

    A missing path or a glob that matches nothing is a reject (E111, E113), never an exception; files in
    folders that are not articles are left out (listed in ``skipped`` when given).
    """
    opts = dict(options or {})
    for p in paths:
        if p == "-":
            from eventwire.readers.stdin import read_stream

            yield from read_stream(sys.stdin.buffer, "<stdin>", opts)
            continue
        if is_glob(p) and not glob.glob(p, recursive=True):
            yield Reject.make(ErrorCode.NO_INPUT, f"{p!r} matches no file", "read", None, p)
            continue
        for path in expand([p], skipped):
            if not path.exists():
                yield Reject.make(ErrorCode.UNREADABLE, f"{path}: no such file", "read", None, str(path))
                continue
            yield from read_path(path, opts)


# Each format module registers its reader under its suffix when imported.
from eventwire.readers import feeds, html, jsonl, text, warc  # noqa: E402, F401
