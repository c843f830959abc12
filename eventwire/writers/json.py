"""Document JSON writers: JSON Lines (one Document a line) and a JSON array."""

from __future__ import annotations

from typing import IO

from eventwire.document import Document
from eventwire.registry import writers


@writers.register("jsonl")
class JsonlWriter:
    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def write(self, doc: Document) -> None:
        self.fh.write(doc.to_json() + "\n")

    def close(self) -> None:
        self.fh.flush()


@writers.register("json")
class JsonArrayWriter:
    """A pretty JSON array, streamed: '[' first, items separated by commas, ']' on close."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.count = 0

    def write(self, doc: Document) -> None:
        self.fh.write("[\n" if self.count == 0 else ",\n")
        self.fh.write(doc.to_json(indent=2))
        self.count += 1

    def close(self) -> None:
        self.fh.write("[]\n" if self.count == 0 else "\n]\n")
        self.fh.flush()
