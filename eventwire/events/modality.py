"""Whether an event happened: negation, hypothetical (modals, conditionals, opinions, wishes, purposes),
future and "years before", from the event's clause and the chain of verbs that governs it.

``modality(cand, words)`` returns the ``aux`` flags; ``recode_negation`` codes a negated event as what its
negation means when a PETRARCH coding ontology is configured. Dates long before or after publication add
"historical" and "future" later, when the event is dated (see build.py).
"""

from __future__ import annotations

from typing import Any

from eventwire.events.candidate import Candidate
from eventwire.events.lexicon import (
    CAN_FORMS,
    FOCUS_ADVERBS,
    FUTURE_AUX,
    FUTURE_AUX_FORMS,
    FUTURE_DESIRE_NOUN,
    FUTURE_DESIRE_XCOMP,
    NEGATIVE_ADVERBS,
    OBLIGATION_MODALS,
    SCHEDULED_HEADS,
    YEARS_MARKS,
    WordClasses,
)
from eventwire.events.ontology import NegationMap
from eventwire.events.syntax import governing_chain, to_marker


def modality(cand: Candidate, words: WordClasses, negated_can_is_not: bool = False) -> set[str]:
    """Negation, modality, opinion and futurity from the clause and what governs it (the aux flags)."""
    aux: set[str] = set()
    clause = cand.clause
    noun = cand.trigger if cand.trigger.pos_ == "NOUN" else None
    if noun is not None and presupposed(noun, words):
        # "after the resignation of X", "in response to the decision to expel": the clause around says
        # what followed; the event itself happened, whatever that clause's modality
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            aux.add("negation")
        return aux
    if decided_and_done(cand.trigger, words):
        local_aux(cand.trigger, aux, words, negated_can_is_not)
        return aux - {"hypothetical", "future"}  # "in response to the US decision to expel X": it was done
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in words.prospect:
        aux.add("hypothetical")  # "the dangers of a military clash", "the risk of war": not (yet) an act
    local_aux(clause, aux, words, negated_can_is_not)
    if cand.trigger.i != clause.i and cand.trigger.dep_ == "acl" and \
            any(c.dep_ == "neg" for c in cand.trigger.children):
        # "the decision not to extradite X": the intent noun's act is negated, though its clause is the verb
        # that governs the noun (a control verb's "urged Y not to attend" stays a request, below)
        aux.add("negation")
    if years_before(clause, words):
        aux.add("historical")  # "five years after crowds burned its embassy"
    if cand.trigger.i != clause.i and cand.trigger.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ == "no" for c in cand.trigger.children):
            aux.add("negation")
        lem = clause.lemma_.lower()
        noun = cand.trigger
        governed = (noun.head.i == clause.i and noun.dep_ not in ("nsubj", "nsubjpass")) or \
            (noun.dep_ == "pobj" and noun.head.head.i == clause.i)  # "airstrikes were intended to X": not wished
        if governed and (lem in words.request or lem in words.desire) and lem not in words.command:
            # "called for a boycott", "wants talks": the event is asked for or wished, not done
            aux.add("future" if lem in FUTURE_DESIRE_NOUN else "hypothetical")
    if cand.trigger.pos_ == "NOUN" and cand.trigger.dep_ in ("nsubj", "nsubjpass") and \
            cand.trigger.head.pos_ in ("VERB", "AUX"):
        # "an arms embargo would not work": an event that is the subject of a conditional is one
        if any(c.dep_ == "aux" and c.lower_ in words.modal and c.lower_ not in OBLIGATION_MODALS
               for c in cand.trigger.head.children):
            aux.add("hypothetical")
    tok = clause
    for dep, head in governing_chain(clause):
        lem = head.lemma_.lower()
        intention = dep == "acl" and cand.mode == "intent" and lem in words.intent_noun
        if dep in ("advcl", "relcl", "acl") and tok.tag_ == "VB" and to_marker(tok) is not None and not intention:
            # what something is for, not what happened: a purpose ("sent troops to fight IS") or an
            # infinitival relative ("the coalition to counter Isis"); not an intention noun's act ("Trump's
            # decision to withdraw"), which the control step codes as the decision, a fact as its clause says
            aux.add("hypothetical")
        if dep in ("xcomp",):
            if lem in words.fail or lem in words.denial:
                aux.add("negation")  # "failed to X"; "denied meeting X" (the guidelines: negated)
            elif lem in SCHEDULED_HEADS and to_marker(tok) is not None:
                aux.add("future")  # "is to visit Prague on Monday", "were to be questioned": planned
            elif lem in words.desire:
                aux.add("future" if lem in FUTURE_DESIRE_XCOMP else "hypothetical")
            elif lem in words.attempt:
                aux.add("hypothetical")
            local_aux(head, aux, words)
        elif dep == "ccomp":
            if lem in words.denial:
                aux.add("negation")  # "denied that it had attacked X": the speaker says it did not happen
            elif lem in words.opinion:
                aux.add("hypothetical")
                neg: set[str] = set()
                local_aux(head, neg, words)
                aux.update(a for a in neg if a != "negation")
            elif lem in words.request and lem not in words.report and tok.tag_ in ("VB", "VBP"):
                # "demanded that Assad step down": what is asked for has not happened (the demand is
                # the event); a finite past ("said X resigned") is not a subjunctive, and a verb of saying
                # reports a that-clause ("told Y that the agreements contain ...": a statement, no request)
                aux.add("hypothetical")
            break  # reporting/opinion verb: what it governs keeps its own polarity
        elif dep == "advcl":
            first = min(t.i for t in tok.subtree)
            if any(c.dep_ == "mark" and c.lower_ in words.conditional for c in tok.children) or any(
                # the parser often hangs a leading "If" on the main verb instead of the clause
                c.dep_ == "mark" and c.lower_ in words.conditional and c.i < first and c.i < head.i
                for c in head.children
            ):
                aux.add("hypothetical")
            break
        elif dep == "conj":
            # "will visit X and meet Y": shared auxiliaries
            for c in head.children:
                if c.dep_ == "aux" and c.lemma_.lower() in FUTURE_AUX:
                    aux.add("future")
                elif c.dep_ == "aux" and c.lemma_.lower() in words.modal:
                    aux.add("hypothetical")
        elif dep == "relcl":
            break
        # other relations (an event noun as subject or object, prepositions) are climbed through
        # without taking on that verb's own modality, looking for an opinion or condition above
        tok = head
    return aux


def presupposed(noun: Any, words: WordClasses) -> bool:
    """An event noun in a phrase that takes it as given: "after/before/since/despite/following/amid X",
    "in response to X" (the prepositions of the class ``presupposing``)."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in words.presupposing:
        return True
    # "in response to X", "in the wake of X": the preposition's own head is the word of the class
    owner = prep.head
    return prep.dep_ == "prep" and owner.pos_ == "NOUN" and owner.lemma_.lower() in words.presupposing


def decided_and_done(trigger: Any, words: WordClasses) -> bool:
    """The act of an intent noun ("its decision to expel X") when the noun itself is taken as given ("in
    response to the US decision to expel X", "after its decision to withdraw"): the decision was carried out,
    so its act is a fact, not an intention."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "acl" or to_marker(trigger) is None:
        return False
    owner = trigger.head
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in words.intent_noun and presupposed(owner, words)


def local_aux(verb: Any, aux: set[str], words: WordClasses, negated_can_is_not: bool = False) -> None:
    """The clause's own negation, auxiliaries and conditional mark, added to ``aux``. ``negated_can_is_not``:
    "can't" is plain negation, as PETRARCH reads it, rather than also a modal."""
    negated = negated_can_is_not and any(c.dep_ == "neg" for c in verb.children)
    for c in verb.children:
        low = c.lower_
        lem = c.lemma_.lower()
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in NEGATIVE_ADVERBS):
            aux.add("negation")
        elif c.dep_ == "advmod" and low not in FOCUS_ADVERBS and c.i < verb.i and \
                any(g.dep_ == "neg" for g in c.children):
            aux.add("negation")  # "did not even ever clash": the parser hangs "not" on an adverb
        elif c.dep_ in ("aux", "auxpass"):
            if lem in FUTURE_AUX or low in FUTURE_AUX_FORMS:
                aux.add("future")
            elif low == "would" and _backshifted(verb, words):
                aux.add("future")  # "X said it would visit Y" reports "I will visit Y"
            elif negated and low in CAN_FORMS:
                continue
            elif lem in words.modal or low in words.modal or low in ("ca",):
                aux.add("hypothetical")
        elif c.dep_ == "mark" and low in words.conditional:
            aux.add("hypothetical")
    if verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children):
        aux.add("future")


def _backshifted(verb: Any, words: WordClasses) -> bool:
    """A "would" clause reported by a past-tense reporting verb, with no "have" (counterfactual)."""
    head = verb.head
    return (
        verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in words.report
        and head.lemma_.lower() not in words.opinion
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    )


def years_before(clause: Any, words: WordClasses) -> bool:
    """A clause set years back from the main one: "(five) years after X", "decades before X"."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "prep") and c.lower_ in YEARS_MARKS]
    if not marks:
        return False
    for tok in [*clause.children, *marks[0].children]:
        if tok.dep_ in ("npadvmod", "advmod", "nmod") and tok.lemma_.lower() in words.years_unit:
            return True
    return False


def recode_negation(cand: Candidate, negation: NegationMap | None, words: WordClasses) -> None:
    """With a coding ontology configured, "did not clash" is coded as what its negation means."""
    if negation is None or "negation" not in cand.aux:
        return
    negated = negation.negate(cand.cameo)
    if negated is not None:
        cand.cameo, cand.type_override = negated, None
        cand.aux.discard("negation")
        cand.rule += "+negated"
        if "hypothetical" in cand.aux and "hypothetical" not in modality(cand, words, negated_can_is_not=True):
            cand.aux.discard("hypothetical")  # "can't clash": PETRARCH reads a negated "can" as "not"
