"""Writers at the edge: Documents -> a stream in a chosen format (``registry.writers`` by name).

A writer is a class with ``__init__(fh)``, ``write(doc)`` and ``close()``, so output streams and never
needs all Documents in memory.
"""

from __future__ import annotations

from typing import IO, Protocol

from eventwire.document import Document
from eventwire.registry import writers


class Writer(Protocol):
    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


def get_writer(fmt: str, fh: IO[str]) -> Writer:
    return writers.get(fmt)(fh)  # type: ignore[return-value]


# Each format module registers its writer by name when imported.
from eventwire.writers import csv, gdelt, json, plover  # noqa: E402, F401
