"""Shared by the one-row-per-event writers: event rows from Documents or from the store, one shape.

Why: `eventwire extract --format csv` writes one row per event an article reports (an event mention),
`eventwire export --format csv` one row per deduplicated event. Both come here as the flat dicts of
eventwire.rows / the events table, and ``normalise`` fills the few fields that differ, so each format only
says how to print a row.

Facts: a writer keeps only facts (events whose aux holds no negation, hypothetical or future) unless it is
made with ``facts=False``; ``written`` and ``left_out`` count what it did.

What a format needs beyond the events table comes with the row: ``mentions_by_actor`` (each party's
mentions in its article, for the text that names it) and ``article_places`` (the article's places with
their mentions, for the place as written). From a Document they are read off the Document
(``document_extras``); from the store the export looks them up once per batch of rows
(store.export.batch_extras).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from eventwire.document import NON_FACT_AUX, Document
from eventwire.rows import event_mention_rows, ontology_data, parse_day_end

AUX_MODES: tuple[str, ...] = ("negation", "hypothetical", "future", "historical")


def document_extras(doc: Document) -> dict[str, Any]:
    """What the formats need from a Document beyond its event rows (shared by all its events)."""
    return {
        "mentions_by_actor": {a.id: [(m.start, m.end, m.text) for m in a.mentions] for a in doc.actors},
        "article_places": [p.model_dump(mode="json") for p in doc.places],
        "language": doc.article.language,
        "title": doc.article.title,
    }


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    """A mention row or an events row -> one dict with article_id, event_id, mention counts, url, dates as
    dates, ``is_fact`` and the extras above."""
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
    aux = list(row.get("aux") or [])
    out["aux"] = aux
    if out.get("is_fact") is None:
        out["is_fact"] = not (NON_FACT_AUX & set(aux))
    out["mentions_by_actor"] = row.get("mentions_by_actor") or {}
    out["article_places"] = row.get("article_places") or []
    return out


class EventRowWriter:
    """Base of the one-row-per-event writers: Documents (extract) and store rows (export) both arrive at
    ``write_row`` as one normalised shape, so each format only says how to print a row.

    ``path`` is the output file when there is one: formats with a companion file (GDELT's precision file,
    the R CSV's codebook) write it beside ``path``.
    """

    #: Whether the format needs each article's places with their mentions (the store export looks them up).
    needs_places = False

    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        self.fh = fh
        self.facts = facts
        self.path = path
        self.written = 0
        self.left_out = 0

    def write(self, doc: Document) -> None:
        extras = document_extras(doc)
        self.write_rows({**row, **extras} for row in event_mention_rows(doc))

    def write_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            out = normalise(row)
            if self.facts and not out["is_fact"]:
                self.left_out += 1
                continue
            self.write_row(out)
            self.written += 1

    def write_row(self, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.fh.flush()


# -- what the formats derive from a row -------------------------------------------------------------------
def parties(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    """Every party of one side (``actor`` or ``recipient``), first one first."""
    value = row.get(f"{side}s_json")
    return list(json.loads(value)) if value else []


def raw_text(row: dict[str, Any], party: dict[str, Any]) -> str | None:
    """The words the article uses for a party (PLOVER's raw_text: "Steinmeier" for Frank-Walter Steinmeier):
    its first mention inside the evidence sentence, else its first mention in the article."""
    mentions = sorted(row["mentions_by_actor"].get(party.get("id") or "", []))
    if not mentions:
        return None
    start, end = row.get("sentence_start"), row.get("sentence_end")
    if start is not None and end is not None:
        inside = [m for m in mentions if start <= m[0] and m[1] <= end]
        if inside:
            return inside[0][2]
    return mentions[0][2]


def place_text(row: dict[str, Any]) -> str | None:
    """The words the article uses for the event's place ("Raqqa" for Ar Raqqah): its mention inside the
    evidence sentence, else its first mention; None when the article's places are not known."""
    name, gid = row.get("place_name"), row.get("geonameid")
    if not name:
        return None
    place = next(
        (p for p in row["article_places"]
         if (gid is not None and p.get("geonameid") == gid) or (gid is None and p.get("name") == name)),
        None,
    )
    mentions = sorted((m["start"], m["end"], m["text"]) for m in (place or {}).get("mentions") or [])
    if not mentions:
        return None
    start, end = row.get("sentence_start"), row.get("sentence_end")
    if start is not None and end is not None:
        inside = [m for m in mentions if start <= m[0] and m[1] <= end]
        if inside:
            return str(inside[0][2])
    return str(mentions[0][2])


def event_day(row: dict[str, Any]) -> tuple[dt.date | None, str | None]:
    """The event's day for formats that need one, and where it came from: the event's own date ("event"),
    else the article's publication date ("published"), else the day it was stored or extracted ("added")."""
    date = row.get("date")
    if isinstance(date, dt.date):
        return date, "event"
    published = row.get("published")
    if isinstance(published, dt.date):
        return published, "published"
    added = row.get("added")
    if isinstance(added, dt.datetime):
        return added.date(), "added"
    return None, None


def date_end(row: dict[str, Any]) -> dt.date | None:
    """The last day the event's date covers (the first for a day)."""
    return parse_day_end(row.get("date_value")) if row.get("date") is not None else None


def quad_of(row: dict[str, Any]) -> int | None:
    """The event's quad class, else its PLOVER type's (so a quad class column is never blank for a typed event)."""
    if row.get("quad_class") is not None:
        return int(row["quad_class"])
    entry = ontology_data()["plover"]["types"].get((row.get("type") or "").upper())
    return int(entry["quad"]) if entry else None


def aux_flags(row: dict[str, Any]) -> dict[str, bool]:
    """One true/false per PLOVER auxiliary mode."""
    aux = set(row.get("aux") or [])
    return {mode: mode in aux for mode in AUX_MODES}


def text(value: Any) -> str:
    """A cell value: '' for null, lists joined with ';', floats as written (never rounded), dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
