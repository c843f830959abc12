"""A finished Candidate becomes Events: the forward event (actor -> recipient), its reverse if the pattern
codes one, each typed through the ontology and made to follow the PLOVER manual's coding rules
(``plover_rules``), dated, placed, linked to its quote and its evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.document import Actor, Document, Event, EventActor, EventDate, EventLocation, Evidence
from eventwire.events.anchor import date_of, period_end, period_start, place_of, published_date
from eventwire.events.candidate import Candidate
from eventwire.events.lexicon import WordClasses
from eventwire.events.modality import decided_and_done
from eventwire.events.ontology import CameoCode, Ontology, quad_class
from eventwire.events.slots import INTENT_CODES, REJECT_CODES, ActorIndex, map_actors, subject_tokens
from eventwire.events.syntax import governing_chain

# Event types for CAMEO coding beyond PLOVER (only with ``statements`` on, e.g. for PETRARCH suites):
# public statements (CAMEO 01x) and codes a user dictionary defines that CAMEO2PLOVER does not map.
STATEMENT_TYPE = "STATEMENT"
UNTYPED = "OTHER"
AUX_ORDER = ["negation", "hypothetical", "future", "historical"]  # the order of Event.aux

# The PLOVER manual's special cases (chapter "Event Categories"), by the type an act would have if done:
#: cooperation promised or in the future is AGREE ("Cooperative actions of types CONSULT, SUPPORT, COOPERATE,
#: and AID reported in future tense ... should be coded as AGREE")
PROMISED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: conflictual acts announced or vowed by their actor are threats ("THREATEN could be ASSAULT + hypothetical ...
#: the coder should always return the single event category")
ANNOUNCED_AS_THREAT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
#: CAMEO code of the threat, by the CAMEO root of the act threatened (1312: sanctions, 137: repression, 138:
#: military force, 133: protest); others 130
THREAT_CODES = {"14": "133", "15": "138", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}
#: "Announcements of future retreats should be coded as CONCEDE": CAMEO 080 (yield)
ANNOUNCED_RETREAT_CODE = "080"


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

    Settings (the ``[events]`` section): ``require_actor`` drops events with neither actor nor recipient (in
    PLOVER coding, those of a type the implicit agents may give a side, class ``implicit_type``, are kept for
    them: the coder drops what is still sideless after that step);
    ``statements`` asks for CAMEO coding (the PETRARCH suites): CAMEO statements and untyped codes too, the
    paired reverse event of a mutual act or a host/visit as a dyad of its own, and CAMEO's codes as the verb
    gives them; without it (the product) events follow the PLOVER manual: one event per mutual act, a visit
    coded from the visitor, and the manual's special cases (``plover_rules``). ``reverse`` allows the reverse
    event a pattern codes (``a:b``); ``historical_days``: an event dated this long before publication is
    historical.
    """
    trig = cand.trigger
    if trig.pos_ == "VERB" and trig.dep_ == "acl" and trig.lemma_.lower() in words.standing:
        return []  # "forces backed by Moscow": a standing relation that describes a noun, not an act
    if trig.pos_ == "VERB" and trig.dep_ == "relcl" and trig.lemma_.lower() in words.standing and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in trig.children):
        return []  # "Assad, who has been backed by Russia", "the coalition, which has backed the group": the same
    actors, recips = cand.actors, cand.recipients
    reciprocal = False
    mutual = cand.pattern.recip or symmetric(cand.cameo, cand.cameo, words)
    if not actors and len(recips) >= 2 and cand.pattern.recip:
        actors, recips = recips[:1], recips[1:]  # "a meeting between X and Y"
        reciprocal = True
    elif not recips and len(actors) >= 2 and mutual:
        # "X and Y met", "Gondor and Osgiliath postponed their meeting": each acts on the other (only for a
        # mutual act: "X and Y criticized the plan" is one compound actor)
        actors, recips = actors[:1], actors[1:]
        reciprocal = True
    if require_actor and not actors and not recips and (
            statements or onto.plover_type(cand.cameo) not in words.implicit_type):
        return []
    if trig.lemma_.lower() in words.motion and not statements and onto.plover_type(cand.cameo) == "CONSULT" and \
            not (recips and actors and all(political(a, words) for a in actors)):
        return []  # "the convoy set off for Syria": travel is a visit only by a political actor, to someone
    # a bare verb (its pattern's default code, no words to confirm it) needs both sides, as in PETRARCH;
    # events that need no recipient in PLOVER are exempt, and verbal cooperation by a political actor
    bare = cand.trigger.pos_ == "VERB" and not cand.pattern.constraints and cand.rule == cand.pattern.id
    info0 = onto.cameo(cand.cameo)
    ptype0 = info0.plover_type if info0 else None
    if bare and (not actors or not recips) and not one_side_enough(ptype0, actors, words) and not (
            not statements and refusal(cand, ptype0) and announced(cand, index, words)):
        return []  # (a refusal announced by its actor, "they will not attend", is a REJECT: one side is enough)
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
        if start is not None and (start - published).days > 0 and not past_tense(cand.clause):
            aux.add("future")  # dated ahead, unless the clause says it happened ("was granted bail until ...")
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
        if statements:
            # CAMEO coding (the PETRARCH suites): the paired dyadic event, as CAMEO codes it
            pairs.append((back, recips, actors, cand.confidence * 0.9, cand.rule + "#reverse"))
        elif forward[:3] == "043" and back[:3] == "042":
            # PLOVER: "the visitor will always be coded as the actor and the host will be the recipient"
            pairs[0] = (back, recips, actors, cand.confidence, cand.rule + "#visit")
        # else PLOVER codes a mutual act once ("all of the entities are considered as the actor"): X -> Y
    said = announced(cand, index, words) if not statements else False
    if cand.mode == "intent" and decided_and_done(trig, words) and cand.pattern.code:
        # "in response to the US decision to expel X": the decided act was carried out (modality.py)
        cand.mode, cand.type_override, cand.cameo = None, None, cand.pattern.code
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
        ev_aux = set(aux)
        if ptype in onto.types and not statements:
            if mode == "intent" and ptype == "SUPPORT" and cand.clause.lemma_.lower() in words.restate:
                # "reaffirmed its commitment to supporting X": support expressed now, not a promise
                code, mode = cand.pattern.code or "051", None
                rule += "+restated"
                info = onto.cameo(code) or info
            code, ptype, mode, ev_aux, why = plover_rules(code, ptype, mode, ev_aux, said, onto)
            if why:
                if rule.endswith("#reverse") and not symmetric(code, code, words):
                    continue  # "X will visit Y" is one promise, by X; no paired event
                rule += why
                info = onto.cameo(code) or info
        actor_side = [_event_actor(a) for a in who]
        recipient_side = [_event_actor(a) for a in whom]
        if not statements:  # (CAMEO coding of the PETRARCH suites codes what the text names, no more)
            actor_side = _situated(who, actor_side, recipient_side, where, words)
            recipient_side = _situated(whom, recipient_side, actor_side, where, words)
        date = when
        if "future" in aux and "future" not in ev_aux and _dated_ahead(when, published):
            # the promise, threat or refusal is made now: "arranging talks for tomorrow" is an AGREE of
            # today, not of tomorrow (the act promised keeps the date it is set for, on a future event)
            date = published_date(doc)
        out.append(
            Event.model_construct(
                id="",
                type=ptype,
                mode=mode,
                contexts=list(info.contexts),
                cameo=code,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                actor=actor_side,
                recipient=recipient_side,
                date=date,
                location=where,
                aux=sorted(ev_aux, key=AUX_ORDER.index),  # type: ignore[arg-type]
                quote=quote,
                evidence=evidence,
                mentions=[evidence],
                confidence=round(conf, 3),
                rule=rule,
            )
        )
    return out


def _situated(
    actors: list[Actor],
    side: list[EventActor],
    other: list[EventActor],
    where: EventLocation | None,
    words: WordClasses,
) -> list[EventActor]:
    """A side named only by its role ("a man", "two people", "the attacker": a sector, no country, no KB
    entry) is of the country where the act happened, when its own clause or sentence says where; else of
    the one country the other side names ("police arrested a man": the police's). A coder reading the story
    places such people there; a named person stays as named, and soldiers, fighters and international
    bodies (class roaming_sector) act abroad as often as at home."""
    if not actors or any(a.country or not a.sector or a.kb_id is not None or
                         (a.sector or "").lower() in words.roaming_sector for a in actors):
        return side
    country = where.country if where is not None and where.source in STATED_PLACE_SOURCES else None
    if not country:
        countries = {a.country for a in other if a.country}
        country = countries.pop() if len(countries) == 1 else None
    if not country:
        return side
    return [a.model_copy(update={"country": country, "code": country + (a.code or a.sector or "")}) for a in side]


def _dated_ahead(when: EventDate | None, published: date | None) -> bool:
    """Whether an event date lies after the publication date (a promise's act, set for later)."""
    start = period_start(when.value) if when is not None and when.value else None
    return start is not None and published is not None and start > published


# where an event's place comes from its own text (not the article's scene): a role-named side takes its country
STATED_PLACE_SOURCES = frozenset({"clause", "sentence", "restated", "dateline"})


def refusal(cand: Candidate, ptype: str | None) -> bool:
    """Cooperation its actor will not give ("will not attend", "vowed not to meet"): coded as a refusal
    (REJECT, ``plover_rules``) when the actor announces it."""
    future = "future" in cand.aux or cand.mode == "intent"
    return ptype in PROMISED_AS_AGREE and "negation" in cand.aux and future and "hypothetical" not in cand.aux


def one_side_enough(ptype: str | None, actors: list[Actor], words: WordClasses) -> bool:
    """Whether a bare verb's event of this PLOVER type may be coded with one side only: a type that needs no
    recipient (class ``no_recipient_type``), or one of class ``no_recipient_political`` (verbal cooperation:
    "the two leaders agreed", "Russia hailed the decision") when its actors are political; a private person
    or an unnamed one who "agreed" or "hailed" is mostly another reading (measured on the real-news tune split)."""
    if ptype is None:
        return False
    if ptype in words.no_recipient_type:
        return True
    return ptype in words.no_recipient_political and bool(actors) and all(political(a, words) for a in actors)


def political(actor: Actor, words: WordClasses) -> bool:
    """A state (a country with no sector) or an actor of a political sector (class ``political_sector``)."""
    sectors = {s for s in (actor.sector or "").upper().replace("/", " ").split() if s}
    return (not sectors and bool(actor.country)) or bool(sectors & words.political_sector)


def past_tense(verb: Any) -> bool:
    """A clause in a past tense: a past form, or a perfect or passive auxiliary in the past ("had", "was")."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def symmetric(code: str, back: str, words: WordClasses) -> bool:
    """Whether an act coded ``code`` one way and ``back`` the other is mutual (a meeting, talks, an agreement
    or cooperation between two sides, a clash) or a host/visit pair: the class ``reverse_pair`` of core.ewp,
    compared on the first three digits."""
    return f"{code[:3]}:{back[:3]}" in words.reverse_pair


def plover_rules(
    code: str, ptype: str, mode: str | None, aux: set[str], announced_by_actor: bool, onto: Ontology
) -> tuple[str, str, str | None, set[str], str]:
    """The PLOVER manual's special cases, as one category and no category + auxiliary (manual, "Auxiliary
    modes": "the coder should always return the single event category"): promised or future cooperation is
    AGREE; a promised or announced retreat is CONCEDE; a conflictual act vowed or announced by its actor is
    THREATEN; a refusal announced in the future tense ("we will not attend", "we will exclude X") is REJECT.
    Modes are the manual's modes of the type ("intent", which the control step writes, is none). Returns the new
    code, type, mode and aux, and a suffix for the rule id saying which case applied ("" if none)."""
    intent = mode == "intent"
    if mode is not None and mode not in onto.types.get(ptype, {}).get("modes", {}):
        mode = None
    root = code[:2]
    negated = "negation" in aux
    future = "future" in aux and "hypothetical" not in aux
    if not (intent or future):
        return code, ptype, mode, aux, ""
    rest = aux - {"future"}
    if negated:
        if ptype in PROMISED_AS_AGREE and announced_by_actor:
            new = REJECT_CODES.get(root, "120")
            return new, onto.plover_type(new) or "REJECT", None, rest - {"negation"}, "+refusal"
        return code, ptype, mode, aux, ""
    if ptype in PROMISED_AS_AGREE:
        new = code if onto.plover_type(code) == "AGREE" else INTENT_CODES.get(root, "030")
        return new, onto.plover_type(new) or "AGREE", None, rest, "+agree"
    if ptype == "RETREAT" and (intent or announced_by_actor):
        return ANNOUNCED_RETREAT_CODE, "CONCEDE", None, rest, "+concede"
    if ptype == "CONCEDE" and (intent or announced_by_actor):
        return code, ptype, mode, rest, "+concede"
    if ptype == "REJECT" and announced_by_actor:
        return code, ptype, mode, rest, "+refusal"  # "said it would exclude X": the announcement is the refusal
    if ptype in ANNOUNCED_AS_THREAT and (intent or announced_by_actor):
        new = THREAT_CODES.get(root, "130")
        info = onto.cameo(new)
        return new, "THREATEN", info.plover_mode if info else None, rest, "+threat"
    if ptype in ("REJECT", "THREATEN", "AGREE") and intent:
        return code, ptype, mode, rest, ""  # a vow to refuse is a refusal, a vow to harm a threat
    if intent:
        return code, ptype, mode, aux | {"future"}, ""  # "vowed to investigate": not done yet
    return code, ptype, mode, aux, ""


def announced(cand: Candidate, index: ActorIndex, words: WordClasses) -> bool:
    """Whether the event's own actor states it (so a future act is announced, not predicted): the reporting
    verb that governs its clause has the actor as subject ("Turkey said it would launch ..."), or the
    event lies in a quote whose speaker is its actor."""
    ids = {a.id for a in cand.actors}
    if not ids:
        return False
    for dep, head in governing_chain(cand.clause):
        lem = head.lemma_.lower()
        if dep in ("ccomp", "xcomp", "parataxis") and (lem in words.report or lem in words.threat
                                                        or lem in words.intent):
            subj, passive = subject_tokens(head, words, index=index)
            if passive:
                return False
            who, _ = map_actors(index, subj)
            return bool(ids & {a.id for a in who})
        if dep not in ("ccomp", "xcomp", "conj", "advcl"):
            break
    doc = index.doc
    start = cand.trigger.idx
    return any(q.start <= start < q.end and q.speaker in ids for q in doc.quotes)


def _event_actor(a: Actor) -> EventActor:
    # built from validated Actor fields, so validation is skipped (this runs for every event)
    return EventActor.model_construct(id=a.id, name=a.name, country=a.country, sector=a.sector, code=a.code)
