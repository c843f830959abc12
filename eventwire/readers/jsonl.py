"""JSON Lines reader: one object a line with ``text`` and optionally id, title, published, url, outlet."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ErrorCode
from ..records import RawRecord, Reject
from ..registry import readers

FIELDS = ("id", "title", "published", "url", "outlet")


def parse_lines(lines: Iterable[str], source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """Each bad line becomes a reject naming its line number; good lines go on."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject.make(ErrorCode.BAD_JSON, f"{where}: {exc.msg}", "read", None, where)
            continue
        if not isinstance(obj, dict):
            yield Reject.make(ErrorCode.BAD_JSON, f"{where}: not an object", "read", None, where)
            continue
        rid = str(obj["id"]) if obj.get("id") is not None else None
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Reject.make(ErrorCode.NO_TEXT, f"{where}: no 'text'", "read", rid, where)
            continue
        meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in FIELDS}
        if meta["published"] is None:
            meta["published"] = options.get("published")
        yield RawRecord(text=text, source=where, **meta)


@readers.register(".jsonl")
def read_jsonl(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    try:
        fh = path.open("r", encoding="utf-8", errors="replace")
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc}", "read", None, str(path))
        return
    with fh:
        yield from parse_lines(fh, str(path), options)


readers.register(".json")(read_jsonl)
readers.register(".ndjson")(read_jsonl)
