"""The events stage's engine: PLOVER and CAMEO events over the dependency parse, with modality and evidence.

``EventCoder.code(doc)`` runs these steps per sentence, each in its own module:

1. Triggers and slots (``find_candidates``, below): each verb or event noun whose lemma has patterns is
   matched against them (match.py: the most specific pattern whose constraints hold wins; a null pattern
   wins too and codes nothing); its actor and recipient come from the parse (slots.py: subject through
   control, coordination and relative clauses, the agent of a passive, objects and prepositional objects,
   possessives and "by/of" agents of event nouns, light verbs: "conduct airstrikes").
2. Control (slots.py): "refused to X" is REJECT, "pledged to X" is X with mode "intent", "urged Y to X" is
   REQUEST, "threatened to X" is THREATEN.
3. Modality (modality.py): negation, modals, conditionals, opinion verbs and futures go into ``aux``; with a
   coding ontology configured, a negated event is recoded as what its negation means.
4. Ellipsis and redundancy (slots.py, merge.py): "a similar visit" borrows its recipient; reporting verbs
   and outer verbs that add nothing to an inner event are dropped.
5. Events (build.py, anchor.py): each reading becomes events, dated by the nearest time expression in its
   clause (else the publication date), placed by the place in its clause, linked to the quote holding its
   trigger; the best ``max_per_sentence`` are kept.
6. Mentions of the same event in the article are merged (merge.py).

The word classes the steps consult (light verbs, control verbs, recipient prepositions ...) are rules and
live in the pattern files (data/core.ewp); see lexicon.py.
"""

from __future__ import annotations

from typing import Any

from eventwire.document import Document, Event
from eventwire.events.anchor import parse_date
from eventwire.events.build import STATEMENT_TYPE, UNTYPED, build_events
from eventwire.events.candidate import Candidate
from eventwire.events.implicit import ImplicitAgents
from eventwire.events.lexicon import WordClasses
from eventwire.events.match import match_trigger
from eventwire.events.merge import drop_subsumed, merge_events
from eventwire.events.modality import modality, recode_negation
from eventwire.events.ontology import NegationMap, Ontology
from eventwire.events.patterns import PatternSet
from eventwire.events.slots import (
    ActorIndex,
    control,
    fill_similar,
    headline_verb,
    map_actors,
    noun_actor_tokens,
    recipient_tokens,
    subject_tokens,
    undergoes,
)
from eventwire.events.syntax import PASS_SUBJ_DEPS, conjuncts

__all__ = ["STATEMENT_TYPE", "UNTYPED", "ActorIndex", "Candidate", "EventCoder", "find_candidates",
           "match_trigger", "merge_events"]


class EventCoder:
    """Codes the events of one parsed Document; built once per pipeline, used for every article."""

    def __init__(self, settings: dict[str, Any], patterns: PatternSet, ontology: Ontology) -> None:
        self.settings = settings
        self.p = patterns
        self.onto = ontology
        self.words = WordClasses.from_patterns(patterns)
        self.max_per_sentence = int(settings.get("max_per_sentence", 6))
        self.require_actor = bool(settings.get("require_actor", True))
        self.code_statements = bool(settings.get("statements", False))
        self.reverse_events = bool(settings.get("reverse", True))
        self.historical_days = int(settings.get("historical_days", 365))
        pico = str(settings.get("negation_ontology", "") or "")
        self.negation = NegationMap.from_file(pico) if pico else None

    def code(self, doc: Document) -> list[Event]:
        sp = doc.spacy
        if sp is None:
            return []
        index = ActorIndex(doc, self.words, self.p)
        published = parse_date(doc.article.published)
        events: list[Event] = []
        for sent in sp.sents:
            cands = find_candidates(sent, index, self.p, self.words, self.code_statements)
            if not cands:
                continue
            for cand in cands:
                control(cand, index, self.words, self.onto)
                cand.aux |= modality(cand, self.words)
                recode_negation(cand, self.negation, self.words)
            fill_similar(cands, self.words)
            cands = drop_subsumed(cands, self.words.report, self.onto, once=not self.code_statements,
                                  own_acts=self.words.denial, grounds=self.words.charge_noun)
            built: list[Event] = []
            for cand in cands:
                built.extend(build_events(
                    doc, index, cand, sent, published, self.onto, self.words,
                    require_actor=self.require_actor, statements=self.code_statements,
                    reverse=self.reverse_events, historical_days=self.historical_days,
                ))
            built.sort(key=lambda e: -e.confidence)
            events.extend(built[: self.max_per_sentence])
        events = merge_events(events, same_acts=not self.code_statements)
        if not self.code_statements:  # CAMEO coding (the PETRARCH suites) codes only the actors the text names
            ImplicitAgents(doc, self.words).fill(events)  # "X was arrested": the police of the country
            if self.require_actor:
                # an act with no side named may have one implied ("charged with murder": the police); only an
                # event with neither side after that is dropped
                events = [e for e in events if e.actor or e.recipient]
                for n, ev in enumerate(events, 1):
                    ev.id = f"e{n}"
        return events


def find_candidates(
    sent: Any, index: ActorIndex, pset: PatternSet, words: WordClasses, statements: bool
) -> list[Candidate]:
    """Step 1: every trigger of the sentence that a pattern codes, with its actors and recipients.
    ``statements``: code CAMEO statements (01x) and reporting verbs too (the ``[events] statements`` setting)."""
    cands: list[Candidate] = []
    coded_objects: set[int] = set()
    for tok in sent:
        if tok.i in index.inside and tok.pos_ != "VERB":
            continue  # words inside an actor's name ("Foreign Minister", "National Coalition")
        if tok.pos_ == "VERB" or headline_verb(tok, pset):
            pos = "V"  # a verb, or a title-case headline's verb tagged as a name ("Gondor Arrests Rebels")
        elif tok.pos_ == "NOUN":
            pos = "N"
        else:
            continue
        hit = match_trigger(pset, pos, tok)
        if hit is None:
            continue
        pattern, consumed = hit
        if pos == "V" and (not pattern.constraints or pattern.null):
            # a light or general verb whose object is itself an event noun: let the noun code it
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
            if any(pset.get("N", o.lemma_.lower()) for o in objs) and tok.lemma_.lower() in words.light:
                continue
        if pattern.null:
            coded_objects |= consumed
            continue
        lemma = tok.lemma_.lower()
        if pos == "V" and not statements and lemma in words.report | words.opinion and not pattern.statement \
                and lemma not in words.speech_act and (
                    not pattern.constraints or any(c.dep_ == "ccomp" for c in tok.children)):
            # the reporting act is not itself an event (PLOVER has no statements), unless what is said makes
            # it one (a comp: pattern: "said Y must leave" is a demand) or saying it is an act ("alleged")
            continue
        code = pattern.code or pattern.reverse
        if code is None:
            continue
        if code[:2] == "01" and not statements:
            continue
        if pos == "V":
            coded_objects.update(c.i for c in tok.children if c.dep_ in ("dobj", "obj"))
            coded_objects |= consumed
            clause = tok
            subj, passive = subject_tokens(tok, words, index=index)
            if not subj and pattern.code is None and pattern.reverse is not None:
                # "+ * (FROM $)": "the militia was freed from X" - the passive subject is the target side
                subj = [t for c in tok.children if c.dep_ in PASS_SUBJ_DEPS for t in conjuncts(c)]
            actors, c1 = map_actors(index, subj)
            recips, c2 = recipient_tokens(tok, pattern, index, actors, pset, words)
            conf = (0.9 if pattern.constraints else 0.8) * min(c1, c2)
        else:
            if tok.i in coded_objects:
                continue
            clause = tok
            while clause.dep_ in ("compound", "conj", "appos") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in ("dobj", "obj", "attr", "nsubjpass") and clause.head.pos_ in ("VERB", "AUX"):
                clause = clause.head
            elif clause.dep_ == "pobj" and clause.head.head.pos_ in ("VERB", "AUX"):
                clause = clause.head.head
            agent_preps = pattern.agent_preps or ("by",)
            subj, _ = noun_actor_tokens(tok, words, 0, agent_preps, index, pattern.rcp_preps, pattern.recip)
            recips_first, c2 = recipient_tokens(tok, pattern, index, [], pset, words)
            actors, c1 = map_actors(index, subj, recips_first)
            recips = [r for r in recips_first if all(r.id != a.id for a in actors)]
            conf = 0.75 * min(c1, c2)
        if (pattern.code is None and pattern.reverse is not None) or (pos == "V" and undergoes(tok, pset)):
            # reverse-only pattern ("received support from"), or a verb whose subject undergoes its object
            actors, recips = recips, actors
        cand = Candidate(tok, pattern, code, actors, recips, clause, confidence=conf, rule=pattern.id,
                         matched=consumed)
        cands.append(cand)
    return cands
