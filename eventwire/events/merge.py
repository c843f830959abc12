"""Fewer, better events: within a sentence, readings that another reading makes redundant are dropped
(``drop_subsumed``); across the article, mentions of one event become one event (``merge_events``)."""

from __future__ import annotations

from typing import Any

from eventwire.document import Event
from eventwire.events.candidate import Candidate
from eventwire.events.ontology import Ontology


def drop_subsumed(cands: list[Candidate], report: frozenset[str], onto: Ontology) -> list[Candidate]:
    """An outer verb with no recipient that governs another event of the same actor adds nothing.
    ``report`` is the reporting-verb word class."""
    keep: list[Candidate] = []
    for cand in cands:
        if _reports_other(cand, cands, report):
            continue  # "X will restore ties with Y, an official said": the reported event is the news
        ids = {a.id for a in cand.actors}
        if not cand.recipients and any(
            o is not cand and o.recipients and {a.id for a in o.actors} == ids
            and onto.plover_type(o.cameo) == onto.plover_type(cand.cameo)
            for o in cands
        ):
            continue  # "met with the group ... to discuss": the discussion is the meeting
        if not cand.recipients:
            inner = [
                o for o in cands
                if o is not cand and o.trigger.i != cand.trigger.i
                and cand.trigger.is_ancestor(o.trigger)
                and {a.id for a in o.actors} & {a.id for a in cand.actors} | (set() if cand.actors else {"*"})
            ]
            if inner:
                continue
        keep.append(cand)
    return keep


def _reports_other(cand: Candidate, cands: list[Candidate], report: frozenset[str]) -> bool:
    """A statement (01x) by a reporting verb that governs, or is a side clause of, another event."""
    trig = cand.trigger
    if not (cand.cameo or "").startswith("01") or trig.lemma_.lower() not in report:
        return False
    for o in cands:
        if o is cand or (o.cameo or "").startswith("01") or o.trigger.i == trig.i:
            continue
        if {"negation", "hypothetical"} & o.aux:
            continue  # "said an embargo would not work": the statement is the fact, not what it says
        if trig.is_ancestor(o.trigger):
            return True
        cur = trig
        while cur.dep_ in ("parataxis", "ccomp", "advcl", "conj") and cur.head.i != cur.i:
            cur = cur.head
            if cur.i == o.trigger.i or cur.is_ancestor(o.trigger):
                return True
    return False


def merge_events(events: list[Event]) -> list[Event]:
    """Mentions of one event (same type, actors, recipients, date and aux) become one event."""
    merged: dict[tuple[Any, ...], Event] = {}
    order: list[tuple[Any, ...]] = []
    for ev in events:
        key = (
            ev.type,
            tuple(sorted(a.id or a.name or "" for a in ev.actor)),
            tuple(sorted(a.id or a.name or "" for a in ev.recipient)),
            ev.date.value if ev.date else None,
            tuple(ev.aux),
            ev.mode,
        )
        if key not in merged:
            merged[key] = ev
            order.append(key)
            continue
        kept = merged[key]
        if all(m.trigger.start != ev.evidence.trigger.start for m in kept.mentions):
            kept.mentions.append(ev.evidence)
        if ev.confidence > kept.confidence:
            kept.confidence = ev.confidence
        if kept.location is None and ev.location is not None:
            kept.location = ev.location
        if kept.quote is None and ev.quote is not None:
            kept.quote = ev.quote
    out = [merged[k] for k in order]
    for n, ev in enumerate(out, 1):
        ev.id = f"e{n}"
    return out
