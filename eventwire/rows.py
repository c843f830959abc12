"""Document -> rows for every store table, as plain dicts ready for ``pyarrow.Table.from_pylist``.

Why a pure function: DuckDB ingest and the Spark job both call ``document_rows`` and type the result with
``eventwire.store.schema.TABLES``, so both stores hold the same rows. The writers (csv, gdelt, plover) use
``event_mention_rows`` so `eventwire extract --format csv` and `eventwire export --format csv` agree.
The ``event_id`` of a mention is left None here: deduplication across articles (eventwire.store.dedup)
assigns it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

from eventwire.document import Document, Event, EventActor, content_hash

_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YM = re.compile(r"^(\d{4})-(\d{2})$")
_Y = re.compile(r"^(\d{4})$")
_YW = re.compile(r"^(\d{4})-W(\d{2})$")
DATA_DIR = Path(__file__).resolve().parent / "events" / "data"


def content_hash_of(doc: Document) -> str:
    """The pipeline's hash of the raw record if set, else the same hash of the cleaned title and text."""
    return doc.provenance.content_hash or content_hash(doc.article.title, doc.article.text)


def parse_day(value: str | None) -> dt.date | None:
    """The first day a TIMEX3-like value covers: 2014-11-26, 2014-11 (-> 1st), 2014, 2014-W48 (-> Monday)."""
    if not value:
        return None
    try:
        if m := _YMD.match(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _YM.match(value):
            return dt.date(int(m[1]), int(m[2]), 1)
        if m := _YW.match(value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := _Y.match(value):
            return dt.date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


def parse_day_end(value: str | None) -> dt.date | None:
    """The last day a TIMEX3-like value covers: 2014 -> 2014-12-31, 2014-11 -> 2014-11-30, 2014-W48 -> Sunday.

    Why: a date is a period; formats that can say so (PLOVER's ``enddate``, the R CSV's ``date_end``)
    give both ends, so a year-only event never reads as 1 January.
    """
    first = parse_day(value)
    if first is None or value is None:
        return None
    if _YMD.match(value):
        return first
    if _YM.match(value):
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    if _YW.match(value):
        return first + dt.timedelta(days=6)
    return dt.date(first.year, 12, 31)


@functools.lru_cache(maxsize=1)
def _plover_scores() -> dict[str, float]:
    data = json.loads((DATA_DIR / "plover_scores.json").read_text("utf-8"))
    return {str(k): float(v) for k, v in data["scores"].items()}


@functools.lru_cache(maxsize=1)
def ontology_data() -> dict[str, Any]:
    """The shipped PLOVER/CAMEO ontology (events/data/ontology.json), read as data.

    Why here and not through eventwire.events.ontology: the writers may use only the core, and they need
    the manual's modes and contexts and CAMEO's names to write the formats faithfully.
    """
    data: dict[str, Any] = json.loads((DATA_DIR / "ontology.json").read_text("utf-8"))
    return data


def plover_modes(event_type: str | None) -> frozenset[str]:
    """The modes the PLOVER manual defines for a type (empty for an unknown type)."""
    entry = ontology_data()["plover"]["types"].get((event_type or "").upper())
    return frozenset(entry["modes"]) if entry else frozenset()


def plover_contexts() -> frozenset[str]:
    """The PLOVER manual's general contexts."""
    return frozenset(ontology_data()["plover"]["contexts"])


def cameo_name(code: str | None) -> str | None:
    """CAMEO's name of a code (of its nearest named ancestor), e.g. 042 -> "Make a visit"."""
    codes = ontology_data()["cameo"]
    probe = (code or "").strip()
    while probe:
        name = (codes.get(probe) or {}).get("name")
        if name:
            return str(name)
        probe = probe[:-1] if len(probe) > 2 else ""
    return None


def plover_score(event_type: str | None, mode: str | None) -> float | None:
    """The PLOVER conflict-cooperation score of TYPE:MODE, else of TYPE (PLOVER manual, CC BY-SA 4.0)."""
    if not event_type:
        return None
    scores = _plover_scores()
    t = event_type.strip().upper()
    if mode:
        m = mode.strip().upper().replace("_", "-").replace(" ", "-")
        if f"{t}:{m}" in scores:
            return scores[f"{t}:{m}"]
    return scores.get(t)


def party_key(parties: list[EventActor]) -> str:
    """One string naming who took part: sorted codes, or upper-cased names where a party has no code."""
    keys = sorted({(p.code or (p.name or "").upper()).strip() for p in parties} - {""})
    return ";".join(keys)


def dedup_key(event_type: str, actor_key: str, recipient_key: str, is_fact: bool) -> str:
    """Events may merge only within one key; facts never merge with negated, hypothetical or future reports."""
    return "|".join((event_type.upper(), actor_key, recipient_key, "fact" if is_fact else "unreal"))


def _party_cols(prefix: str, parties: list[EventActor]) -> dict[str, Any]:
    first = parties[0] if parties else EventActor()
    return {
        f"{prefix}_id": first.id,
        f"{prefix}_code": first.code,
        f"{prefix}_name": first.name,
        f"{prefix}_country": first.country,
        f"{prefix}_sector": first.sector,
        f"{prefix}_key": party_key(parties),
        f"{prefix}s_json": json.dumps([p.model_dump(mode="json") for p in parties], ensure_ascii=False),
    }


# The end of a sentence in running text: . ! or ? (and any closing quote or bracket), then space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s+|$)")
LEAD_SENTENCES = 2
"""A lead paragraph is at most this many sentences: news leads are one or two sentences long."""


def _lead_end(doc: Document) -> int:
    """Where the lead ends in the text (GDELT's IsRootEvent: the event is in the title or the lead).

    The lead is the first paragraph of the body, cut after its second sentence. Why the cut: text without
    paragraph breaks (most feeds) has one "paragraph", which made every event a root event.
    """
    text, lead = doc.article.text, doc.article.lead
    body = doc.article.title_end
    while body < len(text) and (text[body].isspace() or (body and text[body] in ".!?:")):
        body += 1
    if lead and (pos := text.find(lead, body)) >= 0:
        end = pos + len(lead)
    else:
        brk = text.find("\n", body)
        end = brk if brk >= 0 else len(text)
    for n, m in enumerate(_SENTENCE_END.finditer(text, body, end), 1):
        if n == LEAD_SENTENCES:
            return min(end, m.start() + 1)
    return end


def event_mention_row(doc: Document, ev: Event, article_id: str, ingested_at: dt.datetime | None = None,
                      lead_end: int | None = None) -> dict[str, Any]:
    """One event as this article reports it, flattened (schema.EVENT_MENTIONS)."""
    is_fact = ev.is_fact
    actor = _party_cols("actor", ev.actor)
    recipient = _party_cols("recipient", ev.recipient)
    loc = ev.location
    place_kind = None
    if loc is not None:
        place = next(
            (
                p for p in doc.places
                if (loc.geonameid is not None and p.geonameid == loc.geonameid) or p.name == loc.name
            ),
            None,
        )
        place_kind = place.kind if place else None
    date_value = ev.date.value if ev.date else None
    evidence = ev.evidence
    art = doc.article
    return {
        "mention_id": f"{article_id}/{ev.id}",
        "event_id": None,
        "article_id": article_id,
        "local_event_id": ev.id,
        "dedup_key": dedup_key(ev.type, actor["actor_key"], recipient["recipient_key"], is_fact),
        "type": ev.type,
        "mode": ev.mode,
        "contexts": list(ev.contexts),
        "cameo": ev.cameo,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "plover_score": plover_score(ev.type, ev.mode),
        **actor,
        **recipient,
        "date": parse_day(date_value),
        "date_value": date_value,
        "date_precision": ev.date.precision if ev.date else None,
        "place_name": loc.name if loc else None,
        "place_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "place_kind": place_kind,
        "aux": list(ev.aux),
        "is_fact": is_fact,
        "date_text": ev.date.text if ev.date else None,
        "quote_id": ev.quote,
        "sentence": evidence.sentence,
        "sentence_start": evidence.start,
        "sentence_end": evidence.end,
        "trigger_text": evidence.trigger.text,
        "trigger_start": evidence.trigger.start,
        "trigger_end": evidence.trigger.end,
        "confidence": ev.confidence,
        "rule": ev.rule,
        "is_root": evidence.start <= (lead_end if lead_end is not None else _lead_end(doc)),
        "published": parse_day(art.published),
        "outlet": art.outlet,
        "url": art.url,
        "ingested_at": ingested_at,
    }


def event_mention_rows(doc: Document, article_id: str | None = None,
                       ingested_at: dt.datetime | None = None) -> list[dict[str, Any]]:
    """One row per event of the Document (schema.EVENT_MENTIONS), in the Document's order."""
    aid = article_id or doc.id
    lead_end = _lead_end(doc)
    return [event_mention_row(doc, ev, aid, ingested_at, lead_end) for ev in doc.events]


def _evidence_rows(doc: Document, article_id: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for ev in doc.events:
        seen: set[tuple[int, int, int]] = set()
        for evd in [ev.evidence, *ev.mentions]:
            key = (evd.start, evd.end, evd.trigger.start)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "mention_id": f"{article_id}/{ev.id}", "article_id": article_id, "ordinal": len(seen) - 1,
                "sentence": evd.sentence, "sentence_start": evd.start, "sentence_end": evd.end,
                "trigger_text": evd.trigger.text, "trigger_start": evd.trigger.start, "trigger_end": evd.trigger.end,
            })
    return rows


def document_rows(doc: Document, article_id: str | None = None, content_hash: str | None = None,
                  ingested_at: dt.datetime | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows for every per-article table (schema.ARTICLE_TABLES) of one Document.

    ``article_id`` defaults to ``doc.id``; the DuckDB store passes another id when two different
    articles share one. ``ingested_at`` defaults to now (UTC, naive).
    """
    aid = article_id or doc.id
    when = ingested_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    art = doc.article
    stored = doc.model_copy(update={"id": aid}).to_json() if aid != doc.id else doc.to_json()
    return {
        "articles": [{
            "article_id": aid, "content_hash": content_hash or content_hash_of(doc), "title": art.title,
            "lead": art.lead, "published": parse_day(art.published), "outlet": art.outlet, "url": art.url,
            "language": art.language, "text": art.text, "source": doc.provenance.source,
            "n_actors": len(doc.actors), "n_events": len(doc.events), "document": stored, "ingested_at": when,
        }],
        "actors": [{
            "article_id": aid, "actor_id": a.id, "name": a.name, "country": a.country, "sector": a.sector,
            "code": a.code, "kb_id": a.kb_id, "role": a.role, "former": a.former, "n_mentions": len(a.mentions),
        } for a in doc.actors],
        "mentions": [{
            "article_id": aid, "actor_id": a.id, "text": m.text, "char_start": m.start, "char_end": m.end,
        } for a in doc.actors for m in a.mentions],
        "places": [{
            "article_id": aid, "place_id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
            "geonameid": p.geonameid, "kind": p.kind, "n_mentions": len(p.mentions),
        } for p in doc.places],
        "times": [{
            "article_id": aid, "time_id": t.id, "text": t.text, "char_start": t.start, "char_end": t.end,
            "timex": t.timex, "type": t.type, "earliest": t.earliest, "latest": t.latest,
        } for t in doc.times],
        "quotes": [{
            "article_id": aid, "quote_id": q.id, "speaker": q.speaker, "speaker_name": q.speaker_name,
            "speaker_text": q.speaker_mention.text if q.speaker_mention else None,
            "cue_text": q.cue.text if q.cue else None, "text": q.text, "char_start": q.start, "char_end": q.end,
            "kind": q.kind,
        } for q in doc.quotes],
        "event_mentions": event_mention_rows(doc, aid, when),
        "evidence": _evidence_rows(doc, aid),
    }
