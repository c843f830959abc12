"""Implicit agents: the source a coder fills for an agentless act of the state.

Why: news tells arrests, charges, sentences, expulsions and releases in the passive ("X was arrested", "a man
charged with murder", "after his release"). The act is the state's, and a coder names its agent (the
real-news guidelines; ACLED and GDELT practice): the police of the country where it happened for an arrest or
a detention, its courts for a trial or a sentence, for a charge the prosecutors the article names, else the
police it names (who lay charges in common-law countries), else the prosecution; its government otherwise.
Left empty, the event has no dyad; guessed from the sentence's other actors, it has the wrong one.

Which acts, and which organ does them, are word classes of the pattern files (data/core.ewp:
``implicit_police``, ``implicit_charge``, ``implicit_court``, ``implicit_government``, ``implicit_legal``,
``implicit_attack``, ``military_means``, ``implicit_type``, ``implicit_attack_type``). Only an agentless
trigger gets one: a passive with no "by" agent, a participle on its noun ("a man charged in ..."), an event
noun with no subject.

The actor is inferred, not read, and says so: the event's ``rule`` gets ``+implicit_source``, and the actor is
the article's own generic actor of that country and sector when it names one ("the Georgian police"), else
a ``doc.actors`` entry with ``role = "inferred"`` and no mentions (the Document contract unchanged: an actor
with no span of text is one the text implies, and ``role`` already holds the phrase a generic actor was read
from).

Violence with no agent named ("a man was stabbed", "killed in a knife attack") gets unnamed attackers (CRM) of
that country, as ACLED codes an "Unidentified Armed Group (Country)", unless the act or its means is military
("killed in airstrikes": a party to a war, whose side the sentence leaves open).

The country, in the order a coder reads it: the place the clause says it happened in ("arrested in
Montreal"), else (for an act of the state) the one country of the police and courts the article names, else
the article's one dominant country, else the country of the one acted on. A release is by those the article
says held the one released ("was arrested ... was later released": the police).

CAMEO coding (the PETRARCH suites) codes only the actors a text names, so the coder leaves this out there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from eventwire.actors.lexicon import SECTOR_NOUNS
from eventwire.document import Actor, Document, Event, EventActor
from eventwire.events.lexicon import WordClasses
from eventwire.events.slots import implicit_passive
from eventwire.events.syntax import PASS_SUBJ_DEPS, SUBJ_DEPS, bare_participle, shared_passive

INFERRED_ROLE = "inferred"  # Actor.role of an agent the text implies but does not name
RULE_SUFFIX = "+implicit_source"
CHARGE = "CHG"  # not a sector: a charge, laid by the prosecutors (JUD) or the police (COP) the article names
# words of a judicial actor's name or phrase that make it the prosecution, which lays charges (a court does not)
PROSECUTOR_WORDS = ("prosecut", "attorney")
# sectors of a state's organs: one acted on by these is no citizen whose country says where it happened
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})
# a release is by those who held the one released, as an earlier detention in the article tells
CUSTODY_TYPE, RELEASE_TYPE = "COERCE", "RETREAT"
# knowledge-base entries that may stand for an implied organ: police forces and courts are institutions; a
# government entry may be a capital's metonym ("Ankara") or a person, so only generic ones stand for it
INSTITUTION_SECTORS = frozenset({"COP", "JUD"})
PERSON_KB_PREFIXES = ("officials:", "parlgov:", "country:")


def implied_sector(lemma: str, ptype: str, words: WordClasses) -> str | None:
    """The sector of the organ of the state that does an agentless act of this trigger and PLOVER type
    (``CHARGE`` for a charge), or None when the act is no state's by its words."""
    if ptype in words.implicit_attack_type:
        return "CRM" if lemma in words.implicit_attack else None  # not "held hostage": no police
    if ptype not in words.implicit_type:
        return None
    if lemma in words.implicit_police:
        return "COP"
    if lemma in words.implicit_charge:
        return CHARGE
    if lemma in words.implicit_court:
        return "JUD"
    if lemma in words.implicit_government:
        return "GOV"
    return None


def agentless(trigger: Any) -> bool:
    """Whether the trigger's grammar leaves its agent out: a passive verb with no "by" agent ("X was
    arrested", the headline's "Man arrested"), a participle on its noun ("a man charged in ..."), or an
    event noun with no subject ("after his arrest": the possessor is who was arrested)."""
    kids = list(trigger.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    if trigger.pos_ == "VERB":
        if any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in kids) or implicit_passive(trigger):
            return True  # "X was arrested", "appeared in court charged with theft"
        shared = shared_passive(trigger)
        if shared is not None:
            return not any(c.dep_ == "agent" for c in shared.children)  # "was arrested and charged"
        return bool(trigger.tag_ == "VBN" and (trigger.dep_ == "acl" or bare_participle(trigger)))
    return trigger.pos_ == "NOUN" and not any(c.dep_ in SUBJ_DEPS for c in kids)


class ImplicitAgents:
    """The implied agents of one Document's agentless state acts (built once per Document)."""

    def __init__(self, doc: Document, words: WordClasses) -> None:
        self.doc = doc
        self.words = words
        self.dominant = dominant_country(doc)
        self.by_id = {a.id: a for a in doc.actors}
        # the head token of each place mention, with its country
        self.place_tokens: list[tuple[Any, str]] = []
        sp = doc.spacy
        for place in doc.places if sp is not None else []:
            for m in place.mentions:
                span = sp.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span) and place.country:
                    self.place_tokens.append((span.root, place.country))

    def fill(self, events: Iterable[Event]) -> None:
        """Give each agentless state act among ``events`` its implied source, in place. Run after the
        mentions of one act are merged, so an act also told with its agent ("police arrested X") keeps it."""
        custody: dict[str, list[EventActor]] = {}  # who holds whom: the actor of an arrest, by the one arrested
        for event in events:
            if event.type == CUSTODY_TYPE and event.actor:
                for r in event.recipient:
                    custody.setdefault(r.id or "", list(event.actor))
            if event.actor or not event.recipient or RULE_SUFFIX in (event.rule or ""):
                continue
            trigger = self.trigger(event)
            if trigger is None or not agentless(trigger):
                continue
            lemma = trigger.lemma_.lower()
            sector = implied_sector(lemma, event.type, self.words)
            if sector is None:
                continue
            if sector != "GOV" and any(self.is_state(r.id) for r in event.recipient):
                continue  # "the Soviet Union was accused of ...": no court's charge (an expulsion can be a state's)
            if sector == "CRM" and self.military(trigger):
                continue  # "killed in airstrikes": a state's forces, whose side the sentence leaves open
            holder = next((custody[r.id or ""] for r in event.recipient if (r.id or "") in custody), None)
            if holder is not None and event.type == RELEASE_TYPE:
                event.actor = list(holder)  # "was arrested ... was later released": by those who held her
                event.rule = (event.rule or "") + RULE_SUFFIX
                continue
            country = self.country(event, trigger, sector)
            if country is None:
                continue
            legal = self.names(country, "COP") or self.names(country, "JUD")
            if lemma in self.words.implicit_legal and not legal:
                continue  # "is accused of cooperating with X" in a story with no police or court: anyone's word
            if sector == CHARGE:
                # prosecutors charge where the article names them; else the police it names (who lay charges in
                # the common-law countries whose local news says "police charged X"); else the prosecution
                sector = "COP" if self.names(country, "COP") and not self.prosecutors(country) else "JUD"
            actor = self.actor(country, sector)
            event.actor = [EventActor.model_construct(id=actor.id, name=actor.name, country=actor.country,
                                                      sector=actor.sector, code=actor.code)]
            event.rule = (event.rule or "") + RULE_SUFFIX
            if event.type == CUSTODY_TYPE:
                for r in event.recipient:
                    custody.setdefault(r.id or "", list(event.actor))

    def trigger(self, event: Event) -> Any:
        """The token of the event's trigger word."""
        sp, span = self.doc.spacy, event.evidence.trigger
        if sp is None or span is None:
            return None
        toks = sp.char_span(span.start, span.end, alignment_mode="expand")
        return toks.root if toks is not None and len(toks) else None

    def military(self, trigger: Any) -> bool:
        """Whether the act, or the means it names ("killed in an airstrike", "by shelling"), is a military one
        (class ``military_means``), whose agent is a party to a war rather than an unnamed attacker."""
        means = [trigger]
        for prep in trigger.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during", "with", "from"):
                means += [c for c in prep.children if c.dep_ == "pobj"]
        means += [m for n in list(means) for m in n.children if m.dep_ in ("compound", "amod", "conj")]
        return any(m.lemma_.lower() in self.words.military_means for m in means)

    def is_state(self, actor_id: str | None) -> bool:
        """A state as a whole (a country actor), which no police arrests and no court charges."""
        a = self.by_id.get(actor_id or "")
        return a is not None and ((a.kb_id or "").startswith("country:") or (
            a.sector is None and a.country is not None and a.code == a.country))

    def prosecutors(self, country: str) -> bool:
        """Whether the article names prosecutors (a judicial actor read from "prosecutor", "attorney" ...)."""
        return any(a.sector == "JUD" and a.country in (country, None) and a.mentions and any(
            w in f"{a.role or ''} {a.name}".lower() for w in PROSECUTOR_WORDS) for a in self.doc.actors)

    def names(self, country: str, sector: str) -> bool:
        """Whether the article names an actor of this sector of the country (or of no stated country)."""
        return any(a.sector == sector and a.country in (country, None) and a.mentions for a in self.doc.actors)

    def country(self, event: Event, trigger: Any, sector: str = "") -> str | None:
        """Where the act happened: a place its clause says it happened in ("arrested in Montreal", not
        "charged with attending a camp in Iraq"), else the article's dominant country, else the country of
        the one acted on when it is no state organ (a state's own citizen)."""
        where = self.where(trigger)
        if where:
            return where
        if sector != "CRM":
            # an act of the state: the country of the police and courts the article names, if they are one's
            legal = {a.country for a in self.doc.actors if a.sector in ("COP", "JUD") and a.country and a.mentions}
            if len(legal) == 1:
                return next(iter(legal))
        if self.dominant:
            return self.dominant
        countries = {r.country for r in event.recipient if r.country and (r.sector or "") not in STATE_SECTORS}
        return next(iter(countries)) if len(countries) == 1 else None

    def where(self, trigger: Any) -> str | None:
        """The country of the one place named as where the trigger's clause happened: the object of "in",
        "at" ... whose nearest verb is the trigger's own (a place inside a complement clause is where that
        happened)."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _verb_above(trigger)
        if verb is None:
            return None
        found: list[str] = []
        for tok, country in self.place_tokens:
            if tok.sent.start != trigger.sent.start or tok.dep_ != "pobj" or \
                    tok.head.lower_ not in self.words.where_prep:
                continue
            above = _verb_above(tok)
            if above is not None and above.i == verb.i and country not in found:
                found.append(country)
        return found[0] if len(found) == 1 else None

    def actor(self, country: str, sector: str) -> Actor:
        """The article's generic actor of that country and sector if it names one, else an inferred one
        (added to ``doc.actors`` once)."""
        code = f"{country}{sector}"
        for a in self.doc.actors:
            # a generic actor the article names ("the Georgian police"), not a person or a capital's metonym
            if a.kb_id is None and a.country == country and a.sector == sector and a.code == code and (
                    a.mentions or a.role == INFERRED_ROLE):
                return a
        for a in self.doc.actors:
            # a police force or court of that country the article names ("the Metropolitan Police")
            if sector in INSTITUTION_SECTORS and a.kb_id and not a.kb_id.startswith(PERSON_KB_PREFIXES) and \
                    a.country == country and a.sector == sector and a.mentions:
                return a
        if sector == "CRM":  # ACLED's "Unidentified Armed Group (Country)"; named elsewhere maybe, not here
            name = f"Unnamed attackers in {country_name(self.doc, country)}"
        else:
            name = f"{SECTOR_NOUNS.get(sector, sector).capitalize()} of {country_name(self.doc, country)}"
        actor = Actor(id=f"inferred:{code}", name=name, country=country, sector=sector, code=code,
                      role=INFERRED_ROLE)
        self.doc.actors.append(actor)
        self.by_id[actor.id] = actor
        return actor


def _verb_above(tok: Any) -> Any | None:
    """The nearest verb that governs ``tok``."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def dominant_country(doc: Document) -> str | None:
    """The country the article is about, when one stands out: named (as a place, or as an actor's country)
    at least twice as often as any other."""
    counts: Counter[str] = Counter()
    for p in doc.places:
        if p.country:
            counts[p.country] += len(p.mentions) or 1
    for a in doc.actors:
        if a.country and a.role != INFERRED_ROLE:
            counts[a.country] += len(a.mentions)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def country_name(doc: Document, code: str) -> str:
    """A country's name as the article writes it (its country actor or place), else its ISO name."""
    for a in doc.actors:
        if a.country == code and (a.kb_id or "") == f"country:{code}":
            return a.name
    for p in doc.places:
        if p.country == code and p.kind == "country":
            return p.name
    import pycountry  # a dependency of the actors KB

    rec = pycountry.countries.get(alpha_3=code)
    if rec is None:
        return code
    return str(getattr(rec, "common_name", None) or rec.name)
