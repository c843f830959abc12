"""Bounded byte reading shared by every reader: the size limit, a capped read, capped lines.

Why a module of its own: the text and JSON Lines readers both need these, and standard input needs both
readers; with the helpers here nothing imports back up (readers.text and readers.jsonl used to import
each other).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from eventwire.config import package_defaults
from eventwire.errors import ErrorCode, EventwireError

_CHUNK = 1 << 16


def max_bytes(options: dict[str, Any]) -> int:
    """The size limit given in ``options`` (the caller's ``io.max_bytes``), else the package default."""
    value = options.get("max_bytes")
    return int(value) if value else package_defaults().io.max_bytes


def read_limited(fh: IO[bytes], limit: int, source: str) -> bytes:
    """Read at most ``limit`` bytes; more than that is an error, so a huge input never fills memory."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise EventwireError(ErrorCode.TOO_LARGE, f"{source}: more than {limit} bytes (io.max_bytes)")
    return data


def iter_byte_lines(fh: IO[bytes], limit: int) -> Iterator[bytes]:
    """Lines of a binary stream; a line longer than ``limit`` is yielded as its first limit+1 bytes (the
    caller sees it is too long) and the rest of it is skipped without being held in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = fh.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line
