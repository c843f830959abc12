"""Writers at the edge: Documents -> a stream in a chosen format (``registry.writers`` by name).

A writer is a class with ``__init__(fh)``, ``write(doc)`` and ``close()``, so output streams and never
needs all Documents in memory. The one-row-per-event formats (csv, rcsv, gdelt, plover, icews, polecat;
``tabular.EventRowWriter``) also take ``facts`` (True: facts only, the default everywhere) and ``path``
(the output file, beside which GDELT's precision file and the R CSV's codebook are written).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, Protocol

from eventwire.document import Document
from eventwire.registry import writers


class Writer(Protocol):
    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


def get_writer(fmt: str, fh: IO[str], facts: bool = True, path: Path | None = None) -> Writer:
    """The writer of a format; ``facts`` and ``path`` reach the event-row formats (Documents are written whole)."""
    cls: Any = writers.get(fmt)
    if isinstance(cls, type) and issubclass(cls, EventRowWriter):
        return cls(fh, facts=facts, path=path)
    writer: Writer = cls(fh)
    return writer


def is_event_format(fmt: str) -> bool:
    """True for the formats that write one row per event (and so keep only facts unless asked)."""
    cls = writers.get(fmt)
    return isinstance(cls, type) and issubclass(cls, EventRowWriter)


# Each format module registers its writer by name when imported.
from eventwire.writers import csv, gdelt, icews, json, plover, polecat, rcsv  # noqa: E402, F401
from eventwire.writers.tabular import EventRowWriter  # noqa: E402
