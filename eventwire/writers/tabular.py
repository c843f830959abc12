"""Shared by the csv, gdelt and plover writers: event rows from Documents or from the store, one shape.

Why: `eventwire extract --format csv` writes one row per event an article reports (an event mention),
`eventwire export --format csv` one row per deduplicated event. Both come here as the flat dicts of
eventwire.rows / the events table, and ``normalise`` fills the few fields that differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

from eventwire.document import Document
from eventwire.rows import event_mention_rows


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    """A mention row or an events row -> one dict with article_id, event_id, mention counts and url."""
    out = dict(row)
    out["article_id"] = row.get("article_id") or row.get("first_article_id")
    out["event_id"] = row.get("event_id") or row.get("mention_id")
    out["mention_count"] = row.get("mention_count") or 1
    out["article_count"] = row.get("article_count") or 1
    out["source_count"] = row.get("source_count") or 1
    out["url"] = row.get("url") or row.get("source_url")
    out["added"] = row.get("first_seen") or row.get("ingested_at")
    for key in ("date", "published"):
        value = out.get(key)
        if isinstance(value, str) and value:
            out[key] = dt.date.fromisoformat(value[:10])
    return out


class EventRowWriter:
    """Base of the one-row-per-event writers: Documents (extract) and store rows (export) both arrive at
    ``write_row`` as one normalised shape, so each format only says how to print a row."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def write(self, doc: Document) -> None:
        self.write_rows(event_mention_rows(doc))

    def write_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.write_row(normalise(row))

    def write_row(self, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.fh.flush()


def text(value: Any) -> str:
    """A cell value: '' for null, lists joined with ';', floats without needless digits."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
