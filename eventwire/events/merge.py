"""Fewer, better events: within a sentence, readings that another reading makes redundant are dropped
(``drop_subsumed``); across the article, mentions of one event, and repeated mentions of one act, become one
event (``merge_events``, ``same_act``)."""

from __future__ import annotations

from typing import Any

from eventwire.document import NON_FACT_AUX, Event
from eventwire.events.candidate import Candidate
from eventwire.events.ontology import Ontology

# what the control step (slots.control) appends to the rule of the event a control verb governs
CONTROL_MARKS = ("+reject", "+intent", "+threat", "+request")


def drop_subsumed(
    cands: list[Candidate], report: frozenset[str], onto: Ontology, once: bool = False,
    own_acts: frozenset[str] = frozenset(),
    grounds: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """An event noun that another pattern's words consumed is part of that event; an outer verb with no
    recipient that governs another event of the same actor adds nothing; with
    ``once`` (PLOVER coding: one event per act), nor does a control verb whose infinitive the control step
    coded (CAMEO coding keeps the control verb's own code), but verbs of ``own_acts`` (PLOVER coding) are
    acts of their own whatever they govern (a denial: "denied it had attacked X" is a REJECT, the attack is
    negated). ``report`` is the reporting-verb word class; ``grounds`` the nouns that give an act's grounds
    rather than its content (a charge: "arrested X on charges of Y" is an arrest and an accusation)."""
    keep: list[Candidate] = []
    consumed = {i for o in cands for i in o.matched if i != o.trigger.i}
    for cand in cands:
        if _reports_other(cand, cands, report):
            continue  # "X will restore ties with Y, an official said": the reported event is the news
        if cand.trigger.i in consumed and cand.trigger.pos_ == "NOUN":
            continue  # an event noun another pattern read as its word ("an arrest warrant" is no arrest)
        if once and any(o.trigger.dep_ == "xcomp" and o.trigger.head.i == cand.trigger.i and o.aux == cand.aux
               and {r.id for r in cand.recipients} <= {r.id for r in o.recipients}
               and any(m in o.rule for m in CONTROL_MARKS) for o in cands):
            # "refused to meet Y": the refusal is coded once, as the meeting refused (REJECT); unless the
            # control verb names a recipient the inner event lacks ("called on Y to leave Z": Y is asked)
            continue
        ids = {a.id for a in cand.actors}
        if not cand.recipients and any(
            o is not cand and o.recipients and {a.id for a in o.actors} == ids
            and onto.plover_type(o.cameo) == onto.plover_type(cand.cameo)
            for o in cands
        ):
            continue  # "met with the group ... to discuss": the discussion is the meeting
        if not cand.recipients and not (once and cand.trigger.lemma_.lower() in own_acts):
            inner = [
                o for o in cands
                if o is not cand and o.trigger.i != cand.trigger.i
                and cand.trigger.is_ancestor(o.trigger) and not _coordinated(cand.trigger, o.trigger)
                and not (o.trigger.dep_ == "pobj" and o.trigger.lemma_.lower() in grounds)
                and {a.id for a in o.actors} & {a.id for a in cand.actors} | (set() if cand.actors else {"*"})
            ]
            if inner:
                continue
        keep.append(cand)
    return keep


def _coordinated(outer: Any, inner: Any) -> bool:
    """Whether ``inner`` hangs on ``outer`` as a coordinated act ("warned against an assault, and assembled
    posts": two acts), not as a part of it (its object, complement or purpose)."""
    tok = inner
    while tok.head.i != outer.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("conj", "parataxis")


def _reports_other(cand: Candidate, cands: list[Candidate], report: frozenset[str]) -> bool:
    """A statement (01x), or the bare reading of a reporting verb (PETRARCH's "SAID [023]"), that governs, or is
    a side clause of, another event: the reported event is the news, not the report."""
    trig = cand.trigger
    if trig.lemma_.lower() not in report or not ((cand.cameo or "").startswith("01") or not cand.pattern.constraints):
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




def merge_events(events: list[Event], same_acts: bool = True) -> list[Event]:
    """One act, one event per article: mentions of one event (same type, actors, recipients, date and aux)
    become one event, and so do repeated mentions of one act (``same_act``); the better-evidenced event is
    kept (both sides named before one, then the more confident), the other's evidence joins its mentions.
    ``same_acts`` off (CAMEO coding, the PETRARCH suites): every coding of a sentence is kept, as PETRARCH
    codes them."""
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
        _absorb(merged[key], ev)
    out: list[Event] = []
    for ev in (merged[k] for k in order):
        same = next((k for k in out if same_act(k, ev)), None) if same_acts else None
        if same is None:
            out.append(ev)
        elif _evidence(ev) > _evidence(same):
            _absorb(ev, same)
            out[out.index(same)] = ev
        else:
            _absorb(same, ev)
    for n, ev in enumerate(out, 1):
        ev.id = f"e{n}"
    return out


def same_act(a: Event, b: Event) -> bool:
    """Two events that state one act: same type and status, actors that agree, and either the same sentence
    ("46 civilians were killed by an airstrike": the killing and the airstrike), or the same trigger word
    with sides that agree, each the same or unnamed in one of them, and one side named in both ("resigned"
    ... "his resignation"; the headline's "Officer shot by parolee" ... "the officer was shot by a man"), or
    both sides named and the same in both ("X stabbed the victim" ... "X launched a vicious assault on his
    victim"). Reports of casualties with no attacker ("16 people were killed", "three soldiers were
    injured") are one attack. Dates that differ keep acts apart ("attacked again in March")."""
    if a.type != b.type or (NON_FACT_AUX & set(a.aux)) != (NON_FACT_AUX & set(b.aux)):
        return False
    aa, ab = _ids(a.actor), _ids(b.actor)
    if aa != ab and aa and ab:
        return False
    if a.date and b.date and a.date.value != b.date.value and "published" not in (a.date.precision, b.date.precision):
        return False
    if a.evidence.start == b.evidence.start:
        return True  # one sentence, one type, the same (or an unnamed) actor: "killed by an airstrike"
    ra, rb = _ids(a.recipient), _ids(b.recipient)
    if aa and ra and aa == ab and ra == rb:
        return True  # the same named pair, the same kind of act: one act told twice
    if _stem(a.evidence.trigger.text) != _stem(b.evidence.trigger.text):
        return False
    if not (aa or ab):
        return True  # casualties with no attacker named, told twice: one attack
    return (ra == rb or not ra or not rb) and (aa == ab or bool(ra) and ra == rb)


def _ids(side: list[Any]) -> frozenset[str]:
    return frozenset(x.id or x.name or "" for x in side)


def _stem(word: str) -> str:
    """A crude stem, enough to tell "killed", "killing" and "kills" apart from "wounded" (the trigger's lemma
    is not kept on the event): "resignation" -> "resign", "abduction" -> "abduct"."""
    w = word.lower().split()[-1] if word.strip() else ""
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _evidence(ev: Event) -> tuple[int, float]:
    return (bool(ev.actor) + bool(ev.recipient), ev.confidence)


def _absorb(kept: Event, ev: Event) -> None:
    """``ev`` is another mention of ``kept``: its evidence, and what ``kept`` lacks, join it."""
    for m in ev.mentions or [ev.evidence]:
        if all(k.trigger.start != m.trigger.start for k in kept.mentions):
            kept.mentions.append(m)
    if ev.confidence > kept.confidence:
        kept.confidence = ev.confidence
    if kept.location is None and ev.location is not None:
        kept.location = ev.location
    if kept.quote is None and ev.quote is not None:
        kept.quote = ev.quote
