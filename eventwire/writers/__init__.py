"""Writers at the edge: Documents -> a stream in a chosen format (``registry.writers`` by name).

A writer is a class with ``__init__(fh)``, ``write(doc)`` and ``close()``, so output streams and never
needs all Documents in memory.
"""

from __future__ import annotations

import importlib
from typing import IO, Protocol

from ..document import Document
from ..registry import writers

WRITER_MODULES: tuple[str, ...] = ("json", "csv", "gdelt", "plover")


class Writer(Protocol):
    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


def get_writer(fmt: str, fh: IO[str]) -> Writer:
    for name in WRITER_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return writers.get(fmt)(fh)  # type: ignore[return-value]
