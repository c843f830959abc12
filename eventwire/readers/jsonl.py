"""JSON Lines reader: one object a line with ``text`` and optionally id, title, published, url, outlet.

The file is streamed line by line and each line is bounded by ``io.max_bytes``, so a multi-gigabyte file
never sits in memory and one absurd line cannot exhaust it. Each bad line (not JSON, not an object, no
text, too long, nested too deep) becomes a reject naming the file and line number; the good lines go on.
A ``.json`` file may also hold one object or an array of objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.stream import iter_byte_lines, max_bytes, read_limited
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

FIELDS = ("id", "title", "published", "url", "outlet")


def _decode_line(raw: bytes, where: str) -> tuple[str, list[str]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return text, [f"{where}: not valid UTF-8 (byte {exc.start}: {exc.reason}); bad bytes replaced with U+FFFD"]


def _record(obj: Any, where: str, options: dict[str, Any], notes: list[str]) -> RawRecord | Reject:
    """One parsed JSON value -> a RawRecord, or a reject saying what is wrong with it."""
    if not isinstance(obj, dict):
        return Reject.make(ErrorCode.BAD_JSON, f"{where}: a {type(obj).__name__}, not an object", "read", None, where)
    rid = obj.get("id")
    rid = str(rid) if rid is not None and not isinstance(rid, (dict, list)) else None
    text = obj.get("text")
    if text is None:
        return Reject.make(ErrorCode.NO_TEXT, f"{where}: no 'text' field", "read", rid, where)
    if not isinstance(text, str):
        detail = f"{where}: 'text' is a {type(text).__name__}, not a string"
        return Reject.make(ErrorCode.NO_TEXT, detail, "read", rid, where)
    if not text.strip():
        return Reject.make(ErrorCode.NO_TEXT, f"{where}: 'text' is empty", "read", rid, where)
    meta: dict[str, str | None] = {}
    for key in FIELDS:
        value = obj.get(key)
        meta[key] = None if value is None or isinstance(value, (dict, list)) or value == "" else str(value)
    if meta["published"] is None:
        meta["published"] = options.get("published")
    return RawRecord(text=text, source=where, notes=notes, **meta)


def parse_byte_lines(lines: Iterable[bytes], source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """Each bad line becomes a reject naming its line number; good lines go on."""
    limit = max_bytes(options)
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if len(raw) > limit:
            detail = f"{where}: line longer than {limit} bytes (io.max_bytes)"
            yield Reject.make(ErrorCode.TOO_LARGE, detail, "read", None, where)
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        line, notes = _decode_line(raw, where)
        yield _parse_one(line, where, options, notes)


def _parse_one(line: str, where: str, options: dict[str, Any], notes: list[str]) -> RawRecord | Reject:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Reject.make(ErrorCode.BAD_JSON, f"{where}: {exc.msg} (column {exc.colno})", "read", None, where)
    except RecursionError:
        return Reject.make(ErrorCode.BAD_JSON, f"{where}: nested too deeply", "read", None, where)
    return _record(obj, where, options, notes)


def parse_lines(lines: Iterable[str], source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """The same for lines that are already text (e.g. from a test or another reader)."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield _parse_one(line.lstrip("\ufeff") if n == 1 else line, f"{source}:{n}", options, [])


@readers.register(".jsonl")
def read_jsonl(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc.strerror or exc}", "read", None, str(path))
        return
    with fh:
        first = fh.read(1)
        if not first:
            yield Reject.make(ErrorCode.EMPTY_INPUT, f"{path}: 0 bytes", "read", None, str(path))
            return
        fh.seek(0)
        items = parse_byte_lines(iter_byte_lines(fh, max_bytes(options)), str(path), options)
        yield from _non_empty(items, path)


def _non_empty(items: Iterator[RawRecord | Reject], path: Path) -> Iterator[RawRecord | Reject]:
    """Pass items through; a file of only blank lines becomes one EMPTY_INPUT reject."""
    any_item = False
    for item in items:
        any_item = True
        yield item
    if not any_item:
        yield Reject.make(ErrorCode.EMPTY_INPUT, f"{path}: only blank lines", "read", None, str(path))


@readers.register(".json")
def read_json(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """A .json file: one object, an array of objects, or (if neither parses) JSON Lines."""
    try:
        with path.open("rb") as fh:
            data = read_limited(fh, max_bytes(options), str(path))
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, str(path))
        return
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc.strerror or exc}", "read", None, str(path))
        return
    text, notes = _decode_line(data.removeprefix(b"\xef\xbb\xbf"), str(path))
    if not text.strip():
        yield Reject.make(ErrorCode.EMPTY_INPUT, f"{path}: no JSON", "read", None, str(path))
        return
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield from _non_empty(parse_lines(text.splitlines(), str(path), options), path)
        return
    if isinstance(obj, list):
        if not obj:
            yield Reject.make(ErrorCode.EMPTY_INPUT, f"{path}: an empty array", "read", None, str(path))
        for i, item in enumerate(obj):
            yield _record(item, f"{path}[{i}]", options, list(notes))
    else:
        yield _record(obj, str(path), options, notes)


readers.register(".ndjson")(read_jsonl)
