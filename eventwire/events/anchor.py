"""When and where an event happened: its date from the time expressions of its clause (else the publication
date), its place from the places named in its clause, and the TIMEX3 helpers that go with them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from eventwire.document import Document, EventDate, EventLocation, Place, Time
from eventwire.events.candidate import Candidate
from eventwire.events.slots import ActorIndex
from eventwire.events.syntax import own_clause_between

# at equal preposition and distance, the most precise place names the event's place
PLACE_KIND_RANK = {"city": 0, "admin1": 1, "admin2": 1, "country": 2}  # anything else: 2


def date_of(doc: Document, cand: Candidate, sent: Any) -> EventDate:
    """The time expression that dates the event: inside its clause first, else one in a clause that
    governs it, the nearest to the trigger; else the publication date."""
    clause = cand.clause
    lo, hi = sent.start_char, sent.end_char
    if not doc.times:
        return published_date(doc)
    c_lo, c_hi = cand.bounds()
    best: tuple[tuple[int, int], Time] | None = None
    for t in doc.times:
        if t.start < lo or t.end > hi or not t.timex or t.type not in ("DATE", "TIME"):
            continue
        inside = 0 if (t.start >= c_lo and t.end <= c_hi) else 1
        if inside:
            gov = _time_governor(doc, t)
            if gov is None or not (gov.i == clause.i or gov.is_ancestor(clause)) or own_clause_between(clause, gov):
                continue  # a time in a sibling clause dates that clause's event, not this one
        dist = min(abs(t.start - cand.trigger.idx), abs(t.end - cand.trigger.idx))
        key = (inside, dist)
        if best is None or key < best[0]:
            best = (key, t)
    if best is not None:
        t = best[1]
        return EventDate.model_construct(value=t.timex, precision=precision(t.timex or ""), text=t.text)
    return published_date(doc)


def place_of(index: ActorIndex, cand: Candidate) -> EventLocation | None:
    """The place named in the event's clause: the object of in/at/near/against..., a city first."""
    if not index.places:
        return None
    c_lo, c_hi = cand.bounds()
    best: tuple[tuple[int, int, int], Place] | None = None
    actor_starts = {m.start for a in cand.actors for m in a.mentions}
    for start, end, place, via in index.places:
        if not (c_lo <= start and end <= c_hi) or start in actor_starts:
            continue
        kind_rank = PLACE_KIND_RANK.get(place.kind or "", 2)
        key = (via, kind_rank, abs(start - cand.trigger.idx))
        if best is None or key < best[0]:
            best = (key, place)
    if best is None:
        return None
    p = best[1]
    return EventLocation.model_construct(name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid)


def _time_governor(doc: Document, t: Time) -> Any:
    """The verb a time expression hangs from (at most six heads up), or None if it has no tokens."""
    span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def published_date(doc: Document) -> EventDate:
    published = doc.article.published
    return EventDate.model_construct(value=published, precision="published" if published else None, text=None)


def parse_date(value: str | None) -> date | None:
    """The day of an ISO date or date-time string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def period_start(timex: str) -> date | None:
    """First day of a TIMEX3 date value (day, month or year precision)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", timex)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def period_end(timex: str) -> date | None:
    """Last day of a TIMEX3 date value, so "1995" is history but "this month" is not."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", timex)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            month = int(m.group(2))
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return date(year, 12, 31)
    except ValueError:
        return None


def precision(timex: str) -> str:
    """The precision of a TIMEX3 value: time, day, week, month, year or other."""
    if len(timex) >= 16 and "T" in timex:
        return "time"
    if len(timex) == 10 and timex[4] == "-" and timex[7] == "-":
        return "day"
    if "-W" in timex:
        return "week"
    if len(timex) == 7:
        return "month"
    if len(timex) == 4 and timex.isdigit():
        return "year"
    return "other"
