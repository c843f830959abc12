"""Deduplication across articles: mentions of the same event become one event (GDELT's events/mentions split).

Two mentions are the same event when they share the dedup key (PLOVER type, actor codes, recipient
codes, fact or not: see rows.dedup_key), their dates agree (day-precision dates within ``window_days``,
coarser dates equal) and their places agree (the same place, or at least one of them has no place).
GDELT merges only exact duplicates; a date window catches the usual "yesterday"/"on Tuesday" drift
between reports written on different days.

Each mention joins the first compatible event in ingestion order, compared against that event's
representative (first) mention, so chains of small drifts cannot stretch one event over weeks. Two
mentions from one article never merge here: the events stage already merged what one article repeats,
so events it kept apart (two meetings on one day) stay apart. Events missing an actor or a recipient
never merge.
Pure Python over row dicts, so the DuckDB store and the Spark job cluster identically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

DAY_PRECISIONS = frozenset({None, "day", "published", "time"})


@dataclass
class Cluster:
    """What a mention is compared with: one event's key, representative date and known place."""

    event_id: str
    dedup_key: str
    date: dt.date | None
    date_value: str | None
    date_precision: str | None
    place: str | None
    articles: set[str] = field(default_factory=set)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Cluster:
        return cls(
            event_id=row["event_id"], dedup_key=row["dedup_key"], date=row.get("date"),
            date_value=row.get("date_value"), date_precision=row.get("date_precision"), place=place_key(row),
        )


def place_key(row: dict[str, Any]) -> str | None:
    """A place identity: the GeoNames id if known, else the folded name; None when there is no place."""
    if row.get("geonameid") is not None:
        return f"gn:{row['geonameid']}"
    name = row.get("place_name")
    return f"name:{name.casefold().strip()}" if name else None


def _day_like(value: str | None, precision: str | None) -> bool:
    return value is not None and len(value) >= 10 and value[4] == "-" and precision in DAY_PRECISIONS


def dates_match(cluster: Cluster, row: dict[str, Any], window_days: int) -> bool:
    value, precision = row.get("date_value"), row.get("date_precision")
    if cluster.date_value is None or value is None:
        return cluster.date_value is None and value is None
    if _day_like(cluster.date_value, cluster.date_precision) and _day_like(value, precision):
        if cluster.date is None or row.get("date") is None:
            return cluster.date_value[:10] == value[:10]
        return abs((cluster.date - row["date"]).days) <= window_days
    return cluster.date_value == value


def places_match(cluster: Cluster, row: dict[str, Any]) -> bool:
    other = place_key(row)
    return cluster.place is None or other is None or cluster.place == other


def mergeable(row: dict[str, Any]) -> bool:
    """Only events with a known actor and a known recipient merge: "someone attacked" in two articles
    is not evidence of one attack."""
    return bool(row.get("actor_key")) and bool(row.get("recipient_key"))


def event_id_for(mention_id: str) -> str:
    """An event's id comes from its first mention, so re-running gives the same ids."""
    return "ev-" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:16]


def assign_events(mentions: list[dict[str, Any]], existing: Iterable[Cluster], window_days: int = 1) -> list[str]:
    """Set ``event_id`` on every mention (in order) and return the ids of the events they touched.

    ``existing`` are the events already stored under the mentions' keys; new events are created for
    mentions that match none, and later mentions in the same batch can join them.
    """
    by_key: dict[str, list[Cluster]] = {}
    for c in existing:
        by_key.setdefault(c.dedup_key, []).append(c)
    touched: dict[str, None] = {}
    for row in mentions:
        candidates = by_key.setdefault(row["dedup_key"], [])
        match = None
        if mergeable(row):
            match = next(
                (c for c in candidates
                 if row["article_id"] not in c.articles and dates_match(c, row, window_days) and places_match(c, row)),
                None,
            )
        if match is None:
            match = Cluster.from_row({**row, "event_id": event_id_for(row["mention_id"])})
            candidates.append(match)
        elif match.place is None:
            match.place = place_key(row)
        match.articles.add(row["article_id"])
        row["event_id"] = match.event_id
        touched[match.event_id] = None
    return list(touched)


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    when = row.get("ingested_at") or dt.datetime.min
    return (when, row["mention_id"])


_CORE_PLACE = ("place_name", "place_country", "lat", "lon", "geonameid", "place_kind")


def aggregate_event(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The events row (schema.EVENTS) of one event from all its mentions.

    The first mention (ingestion order) speaks for the event; its place comes from the first mention
    that has one; contexts and aux are the union over mentions.
    """
    from eventwire.store.schema import EVENTS

    ordered = sorted(mentions, key=_order)
    first = ordered[0]
    row = {name: first.get(name) for name in EVENTS.names if name in first}
    placed = next((m for m in ordered if m.get("place_name")), None)
    if placed is not None:
        row.update({k: placed.get(k) for k in _CORE_PLACE})
    row["contexts"] = sorted({c for m in ordered for c in (m.get("contexts") or [])})
    row["aux"] = sorted({a for m in ordered for a in (m.get("aux") or [])})
    row["mention_count"] = len(ordered)
    row["article_count"] = len({m["article_id"] for m in ordered})
    row["source_count"] = len({m.get("outlet") or m.get("url") or m["article_id"] for m in ordered})
    row["first_mention_id"] = first["mention_id"]
    row["first_article_id"] = first["article_id"]
    confidences = [m["confidence"] for m in ordered if m.get("confidence") is not None]
    row["confidence"] = max(confidences) if confidences else None
    times = [m["ingested_at"] for m in ordered if m.get("ingested_at") is not None]
    row["first_seen"] = min(times) if times else None
    row["last_seen"] = max(times) if times else None
    row["source_url"] = first.get("url")
    row["is_root"] = any(bool(m.get("is_root")) for m in ordered)
    return row


def aggregate_events(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events rows for mentions that already carry ``event_id`` (one row per event id)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(m["event_id"], []).append(m)
    return [aggregate_event(g) for g in groups.values()]


def deduplicate(mentions: list[dict[str, Any]], window_days: int = 1) -> list[dict[str, Any]]:
    """A whole corpus at once (e.g. in Spark after collecting one dedup key): assign ids, aggregate."""
    ordered = sorted(mentions, key=_order)
    assign_events(ordered, [], window_days)
    return aggregate_events(ordered)


def summary(row: dict[str, Any]) -> str:
    """A short human description of an event row, for logs and tests."""
    return json.dumps({k: row.get(k) for k in ("type", "actor_key", "recipient_key", "date_value", "place_name")},
                      default=str)
