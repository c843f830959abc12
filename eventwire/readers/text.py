"""Plain-text reader: bytes -> text with encoding detection; refuses empty, binary and oversized input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import ErrorCode, EventwireError
from ..records import RawRecord, Reject
from ..registry import readers

DEFAULT_MAX_BYTES = 5_000_000


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 if it is; otherwise the encoding charset-normalizer finds, noted. Binary or empty is an error."""
    if not data.strip():
        raise EventwireError(ErrorCode.EMPTY_INPUT, source)
    sample = data[:8192]
    if b"\x00" in sample:
        raise EventwireError(ErrorCode.BINARY_INPUT, f"{source}: NUL bytes")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EventwireError(ErrorCode.DECODE_ERROR, f"{source}: not UTF-8 ({first_error}) and no encoding fits")
    text = str(best)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > 0.05 * max(1, len(text[:4096])):
        raise EventwireError(ErrorCode.BINARY_INPUT, f"{source}: decodes only to control characters")
    return text, [f"decoded as {best.encoding} (not valid UTF-8)"]


def read_limited(fh: IO[bytes], limit: int, source: str) -> bytes:
    """Read at most ``limit`` bytes; more than that is an error, so a huge input never fills memory."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise EventwireError(ErrorCode.TOO_LARGE, f"{source}: more than {limit} bytes")
    return data


def read_stream(fh: IO[bytes], source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """Standard input: JSON Lines when the first non-blank byte is '{', otherwise one plain-text article."""
    limit = int(options.get("max_bytes", DEFAULT_MAX_BYTES))
    try:
        data = read_limited(fh, limit, source)
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, source)
        return
    if data.lstrip().startswith(b"{"):
        from .jsonl import parse_lines

        yield from parse_lines(data.decode("utf-8", "replace").splitlines(), source, options)
        return
    yield from _text_record(data, source, options)


def _text_record(data: bytes, source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    try:
        text, notes = decode_bytes(data, source)
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, source)
        return
    yield RawRecord(text=text, published=options.get("published"), source=source, notes=notes)


@readers.register(".txt")
def read_text(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    limit = int(options.get("max_bytes", DEFAULT_MAX_BYTES))
    try:
        with path.open("rb") as fh:
            data = read_limited(fh, limit, str(path))
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, str(path))
        return
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc}", "read", None, str(path))
        return
    for item in _text_record(data, str(path), options):
        if isinstance(item, RawRecord):
            item.id = path.stem
        yield item
