"""Standard input: JSON Lines when the first non-blank byte is '{' (streamed line by line), otherwise one
plain-text article (bounded by ``io.max_bytes``).

Why a module of its own: it needs both the JSON Lines and the plain-text reader, which need neither it
nor each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.jsonl import parse_byte_lines
from eventwire.readers.stream import iter_byte_lines, max_bytes, read_limited
from eventwire.readers.text import text_record
from eventwire.records import RawRecord, Reject


def read_stream(fh: IO[bytes], source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """Records from a byte stream (standard input), JSON Lines or one plain-text article."""
    limit = max_bytes(options)
    head = b""
    while not head.strip():
        chunk = fh.readline(limit + 1)
        if not chunk:
            break
        head += chunk
        if len(head) > limit:
            break
    if head.lstrip().startswith(b"{"):
        yield from parse_byte_lines(_chain_lines(head, fh, limit), source, options)
        return
    try:
        rest = read_limited(fh, max(0, limit - len(head)), source) if len(head) <= limit else b"x"
        if len(head) + len(rest) > limit:
            raise EventwireError(ErrorCode.TOO_LARGE, f"{source}: more than {limit} bytes (io.max_bytes)")
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, source)
        return
    yield from text_record(head + rest, source, options)


def _chain_lines(head: bytes, fh: IO[bytes], limit: int) -> Iterator[bytes]:
    """The lines already read, then the rest of the stream, each line at most limit+1 bytes long."""
    yield from head.splitlines(keepends=True)
    yield from iter_byte_lines(fh, limit)
