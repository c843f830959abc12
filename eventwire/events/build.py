"""A finished Candidate becomes Events: the forward event (actor -> recipient), its reverse if the pattern
codes one, each typed through the ontology, dated, placed, linked to its quote and its evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.document import Actor, Document, Event, EventActor, Evidence
from eventwire.events.anchor import date_of, period_end, period_start, place_of
from eventwire.events.candidate import Candidate
from eventwire.events.lexicon import WordClasses
from eventwire.events.ontology import CameoCode, Ontology, quad_class
from eventwire.events.slots import ActorIndex

# Event types for CAMEO coding beyond PLOVER (only with ``statements`` on, e.g. for PETRARCH suites):
# public statements (CAMEO 01x) and codes a user dictionary defines that CAMEO2PLOVER does not map.
STATEMENT_TYPE = "STATEMENT"
UNTYPED = "OTHER"
AUX_ORDER = ["negation", "hypothetical", "future", "historical"]  # the order of Event.aux


def build_events(
    doc: Document,
    index: ActorIndex,
    cand: Candidate,
    sent: Any,
    published: date | None,
    onto: Ontology,
    words: WordClasses,
    *,
    require_actor: bool,
    statements: bool,
    reverse: bool,
    historical_days: int,
) -> list[Event]:
    """The events of one candidate ([] when it lacks the actors it needs or its code has no type).

    Settings (the ``[events]`` section): ``require_actor`` drops events with neither actor nor recipient;
    ``statements`` codes CAMEO statements and untyped codes too; ``reverse`` adds the reverse event a
    pattern codes (``a:b``); ``historical_days``: an event dated this long before publication is historical.
    """
    actors, recips = cand.actors, cand.recipients
    reciprocal = False
    if not actors and len(recips) >= 2 and cand.pattern.recip:
        actors, recips = recips[:1], recips[1:]  # "a meeting between X and Y"
        reciprocal = True
    elif not recips and len(actors) >= 2:
        # "X and Y met", "Gondor and Osgiliath postponed their meeting": each acts on the other
        actors, recips = actors[:1], actors[1:]
        reciprocal = True
    if require_actor and not actors and not recips:
        return []
    # a bare verb (its pattern's default code, no words to confirm it) needs both sides, as in PETRARCH;
    # events that need no recipient in PLOVER are exempt
    bare = cand.trigger.pos_ == "VERB" and not cand.pattern.constraints and cand.rule == cand.pattern.id
    info0 = onto.cameo(cand.cameo)
    if bare and (not actors or not recips) and (info0 is None or info0.plover_type not in words.no_recipient_type):
        return []
    if not actors:
        cand.confidence *= 0.8
    if not recips:
        cand.confidence *= 0.9
    trig = cand.trigger
    sentence = sent.text.rstrip()
    evidence = Evidence(
        sentence=sentence,
        start=sent.start_char,
        end=sent.start_char + len(sentence),
        trigger=doc.span(trig.idx, trig.idx + len(trig.text)),
    )
    when = date_of(doc, cand, sent)
    aux = set(cand.aux)
    if when is not None and published is not None and when.value and when.precision != "published":
        day = period_end(when.value)
        if day is not None and (published - day).days > historical_days:
            aux.add("historical")
        start = period_start(when.value)
        if start is not None and (start - published).days > 0:
            aux.add("future")
    if any(c.lemma_.lower() in words.historical and c.dep_ == "amod" for c in trig.lefts):
        aux.add("historical")
    where = place_of(index, cand)
    quote = next((q.id for q in doc.quotes if q.start <= trig.idx < q.end), None)
    out: list[Event] = []
    pairs: list[tuple[str, list[Actor], list[Actor], float, str]] = []
    forward = cand.cameo
    if forward:
        pairs.append((forward, actors, recips, cand.confidence, cand.rule))
    back = cand.pattern.reverse if cand.rule == cand.pattern.id else None
    if reciprocal and not back:
        back = cand.cameo
    if reverse and cand.pattern.code is not None and back and recips and actors:
        pairs.append((back, recips, actors, cand.confidence * 0.9, cand.rule + "#reverse"))
    for code, who, whom, conf, rule in pairs:
        info = onto.cameo(code)
        if info is None and statements and code[:2].isdigit():
            info = CameoCode(code=code, name="", goldstein=0.0, quad_class=quad_class(code), plover_type=None,
                             plover_mode=None, contexts=())  # a dictionary's own code (PETRARCH's 212, 903)
        if info is None:
            continue
        ptype = cand.type_override if cand.type_override and rule == cand.rule else info.plover_type
        if ptype is None and statements:
            # CAMEO coding asked for: statements (01x) and codes outside CAMEO2PLOVER have no PLOVER type
            ptype = STATEMENT_TYPE if code[:2] == "01" else UNTYPED
        if ptype is None:
            continue
        mode = cand.mode or info.plover_mode
        out.append(
            Event.model_construct(
                id="",
                type=ptype,
                mode=mode,
                contexts=list(info.contexts),
                cameo=code,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                actor=[_event_actor(a) for a in who],
                recipient=[_event_actor(a) for a in whom],
                date=when,
                location=where,
                aux=sorted(aux, key=AUX_ORDER.index),  # type: ignore[arg-type]
                quote=quote,
                evidence=evidence,
                mentions=[evidence],
                confidence=round(conf, 3),
                rule=rule,
            )
        )
    return out


def _event_actor(a: Actor) -> EventActor:
    # built from validated Actor fields, so validation is skipped (this runs for every event)
    return EventActor.model_construct(id=a.id, name=a.name, country=a.country, sector=a.sector, code=a.code)
