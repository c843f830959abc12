"""Readers at the edge: paths (files, folders, globs) or standard input -> RawRecords and Rejects.

Each format's reader is registered in ``registry.readers`` under its suffix; ``read_paths`` picks by suffix.
A reader never raises for a bad input: it yields a ``Reject`` with a code and reason and goes on.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

Item = RawRecord | Reject


def suffix_of(path: Path) -> str:
    """The reader key of a path: '.warc.gz' and '.jsonl' stay whole; unknown suffixes read as text."""
    name = path.name.lower()
    for compound in (".warc.gz", ".jsonl.gz", ".html.gz"):
        if name.endswith(compound):
            return compound
    return path.suffix.lower() or ".txt"


def expand(paths: Iterable[str]) -> Iterator[Path]:
    """Files, folders (recursively, sorted) and glob patterns."""
    for p in paths:
        matches = sorted(glob.glob(p, recursive=True)) if any(c in p for c in "*?[") else [p]
        for m in matches:
            path = Path(m)
            if path.is_dir():
                yield from sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            else:
                yield path


def read_path(path: Path, options: dict[str, Any]) -> Iterator[Item]:
    key = suffix_of(path)
    reader = readers.get(key) if key in readers else readers.get(".txt")
    yield from reader(path, options)  # type: ignore[misc]


def read_paths(paths: Iterable[str], options: dict[str, Any] | None = None) -> Iterator[Item]:
    """Every record of every path, '-' meaning standard input (JSON Lines if it starts with '{', else text)."""
    opts = dict(options or {})
    for p in paths:
        if p == "-":
            from eventwire.readers.stdin import read_stream

            yield from read_stream(sys.stdin.buffer, "<stdin>", opts)
            continue
        for path in expand([p]):
            if not path.exists():
                from eventwire.errors import ErrorCode

                yield Reject.make(ErrorCode.UNREADABLE, f"{path}: no such file", "read", None, str(path))
                continue
            yield from read_path(path, opts)


# Each format module registers its reader under its suffix when imported.
from eventwire.readers import feeds, html, jsonl, text, warc  # noqa: E402, F401
