"""Trigger matching: which pattern of a verb or event noun holds in its syntactic neighbourhood.

``match_trigger`` looks the trigger's lemma up in the PatternSet (one dict lookup), builds the trigger's
neighbourhood once (``_Context``: the phrase after it, the words before it, its prepositional phrases) and
tries the candidate patterns, most specific first; ``_check`` tests one constraint. Pattern words match a
token's lower-case form or lemma, a plural pattern word also its singular.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from eventwire.events.lexicon import COUNT_NOUNS, PREDICATING_VERBS, PREDICTIVE_AUX, UNADDRESSED_SUBJECTS
from eventwire.events.patterns import Constraint, Pattern, PatternSet
from eventwire.events.syntax import compound_subject, pre_region, region, to_marker

Forms = list[tuple[str, str]]


def _word_match(word: str, low: str, lem: str) -> bool:
    if word == low or word == lem:
        return True
    if len(word) > 3 and word.endswith("s"):
        stem = word[:-1]
        if stem == lem or stem == low or (word.endswith("es") and word[:-2] == lem):
            return True
    return False


def _forms(toks: Sequence[Any]) -> Forms:
    return [(t.lower_, t.lemma_.lower()) for t in toks]


def _starts(constraint: Constraint, forms: Forms) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(position, phrase) for every constraint phrase whose first word is the word at that position."""
    index = constraint.by_first
    for i, (low, lem) in enumerate(forms):
        hits = index.get(low, ())
        if lem != low:
            hits = hits + index.get(lem, ())
        for phrase in hits:
            yield i, phrase


def _phrase_in(constraint: Constraint, forms: Forms) -> int | None:
    """Index in ``forms`` where one of the constraint's phrases starts, or None."""
    n_forms = len(forms)
    for i, phrase in _starts(constraint, forms):
        n = len(phrase)
        if i + n <= n_forms and all(_word_match(phrase[k], *forms[i + k]) for k in range(1, n)):
            return i
    return None


def _gapped_phrase_in(constraint: Constraint, toks: Sequence[Any], forms: Forms, max_gap: int = 2) -> int | None:
    """Like _phrase_in, but a multi-word phrase may have adjectives between its words
    ("abandon new global economic relations" is "new economic relations" with one more modifier)."""
    n_forms = len(forms)
    for i, phrase in _starts(constraint, forms):
        if len(phrase) < 2:
            continue
        k, j, gaps = 1, i + 1, 0
        while k < len(phrase) and j < n_forms:
            if _word_match(phrase[k], *forms[j]):
                k += 1
            elif gaps < max_gap and toks[j].pos_ == "ADJ" and toks[j].dep_ in ("amod", "compound"):
                gaps += 1
            else:
                break
            j += 1
        if k == len(phrase) and gaps:
            return i
    return None


class _Context:
    """The trigger's neighbourhood as plain strings, computed once and shared by all its patterns."""

    __slots__ = ("trigger", "region", "r_forms", "_pre", "_p_forms", "kids", "_preps", "all", "classes", "_args")

    def __init__(self, trigger: Any, classes: dict[str, set[str]] | None = None) -> None:
        self.trigger = trigger
        self.classes = classes or {}
        self._args: dict[str, Any] | None = None
        self.region = region(trigger)
        self.r_forms = _forms(self.region)
        self.kids = [(c.lower_, c.lemma_.lower(), c.i) for c in trigger.children]
        self.all: set[str] = {w for pair in self.r_forms for w in pair}
        self.all.update(k[0] for k in self.kids)
        self.all.update(k[1] for k in self.kids)
        self._pre: list[Any] | None = None
        self._p_forms: Forms | None = None
        self._preps: list[tuple[str, int, list[Any], Forms]] | None = None

    @property
    def pre(self) -> list[Any]:
        if self._pre is None:
            self._pre = pre_region(self.trigger)
        return self._pre

    @property
    def p_forms(self) -> Forms:
        if self._p_forms is None:
            self._p_forms = _forms(self.pre)
        return self._p_forms

    @property
    def preps(self) -> list[tuple[str, int, list[Any], Forms]]:
        if self._preps is None:
            self._preps = []
            for tok in self.region:
                if tok.dep_ in ("prep", "agent", "dative", "prt", "mark", "advmod"):
                    sub = [t for t in tok.doc[tok.left_edge.i : tok.right_edge.i + 1] if t.i != tok.i]
                    if not sub and tok.dep_ == "prt":
                        # "clash over the efforts" parsed as particle + object: the object is the PP's
                        obj = next((c for c in tok.head.rights if c.dep_ in ("dobj", "obj") and c.i > tok.i), None)
                        if obj is not None:
                            sub = list(tok.doc[obj.left_edge.i : obj.right_edge.i + 1])
                    self._preps.append((tok.lower_, tok.i, sub, _forms(sub)))
            for c in self.trigger.children:
                # "began to question": PETRARCH's "(TO QUESTION)" is an infinitive here, not a preposition
                to = to_marker(c)
                if c.dep_ == "xcomp" and to is not None:
                    sub = [t for t in c.doc[c.left_edge.i : c.right_edge.i + 1] if t.i != to.i]
                    self._preps.append(("to", to.i, sub, _forms(sub)))
        return self._preps


    def arg(self, kind: str) -> Any | None:
        """The head of the trigger's direct object ("dobj") or subject ("subj"), by the roles of an active
        clause: a passive verb's subject is its object, its "by" agent its subject; a passive participle's
        noun is its object ("a conference boycotted by X"), and a relative pronoun stands for its noun ("drones,
        which were supplied by Iran")."""
        if self._args is None:
            trig = self.trigger
            kids = list(trig.children)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) and trig.dep_ == "conj":
                kids += [c for c in trig.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            agent = next((c for c in kids if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if passive is not None:
                subj, obj = by, obj or passive
            elif trig.dep_ == "acl" and trig.tag_ == "VBN" and subj is None and obj is None:
                subj, obj = by, trig.head  # "a conference boycotted by X"
            if trig.dep_ == "relcl":
                subj, obj = (_antecedent(trig, t) for t in (subj, obj))
            self._args = {"dobj": _counted(obj), "subj": _counted(subj)}
        return self._args.get(kind)


def _antecedent(verb: Any, tok: Any | None) -> Any | None:
    """A relative pronoun's noun: "drones, which were supplied" -> drones (``verb`` heads the relative clause)."""
    if tok is not None and tok.tag_ in ("WDT", "WP") and verb.head.i != verb.i:
        return verb.head
    return tok


def _counted(head: Any | None) -> Any | None:
    """What a count stands for: "thousands of teachers" is teachers, "dozens of rockets" rockets."""
    if head is None or not (head.pos_ == "NUM" or head.lemma_.lower() in COUNT_NOUNS):
        return head
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return head


def _is(constraint: Constraint, head: Any, classes: dict[str, set[str]]) -> bool:
    """Whether an argument's head is one of the constraint's words or belongs to one of its classes (a class
    member ``ent:LABEL`` is the parser's entity label)."""
    low, lem = head.lower_, head.lemma_.lower()
    for phrase in constraint.phrases:
        if _word_match(phrase[-1], low, lem):
            return True
    label = "ent:" + head.ent_type_.lower() if head.ent_type_ else None
    for name in constraint.classes:
        members = classes.get(name, set())
        if low in members or lem in members or (label is not None and label in members):
            return True
    return False


def _check(constraint: Constraint, ctx: _Context) -> set[int] | None:
    """Token indices consumed if the constraint holds, else None."""
    kind = constraint.kind
    if kind == "head":
        gov = ctx.trigger.head
        if gov.i == ctx.trigger.i:
            return None
        if _is(constraint, gov, ctx.classes):
            return {gov.i}
        if gov.dep_ in ("prep", "agent") and gov.head.i != gov.i and _is(constraint, gov.head, ctx.classes):
            return {gov.head.i}  # "came to her aid": through the preposition
        return None
    if kind in ("dobj", "subj"):
        head = ctx.arg(kind)
        return {head.i} if head is not None and _is(constraint, head, ctx.classes) else None
    if kind == "comp":
        for verb in reported_clauses(ctx.trigger):
            if not addressed(verb):
                continue
            said = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "attr", "acomp")]
            if any(c.dep_ == "xcomp" for c in verb.children):
                said.append(verb)  # "Y has to leave", "Y needs to leave": the verb is the modal
            if verb.lemma_.lower() in PREDICATING_VERBS:
                said.extend(c for c in verb.children if c.dep_ in ("dobj", "obj"))  # "Y posed a threat"
            for tok in said:
                if _is(constraint, tok, ctx.classes):
                    return {tok.i}
        for tok in predicated(ctx.trigger):
            if _is(constraint, tok, ctx.classes):
                return {tok.i}  # "called the decision a mistake", "described it as disturbing"
        return None
    if kind != "pre" and constraint.phrases and constraint.keys.isdisjoint(ctx.all):
        return None
    if kind == "prep" and constraint.prep not in ctx.all:
        return None
    if kind == "prt":
        for low, lem, i in ctx.kids:
            if any(_word_match(p[0], low, lem) for p in constraint.phrases):
                return {i}
        return None
    if kind == "pre":
        at = _phrase_in(constraint, ctx.p_forms)
        return None if at is None else {ctx.pre[at].i}
    if kind == "obj":
        at = _phrase_in(constraint, ctx.r_forms)
        if at is None and constraint.multiword:
            at = _gapped_phrase_in(constraint, ctx.region, ctx.r_forms)
        return None if at is None else {ctx.region[at].i}
    # prep: a preposition in the region (on the trigger or its object) holding the phrase
    for low, i, sub, sub_forms in ctx.preps:
        if low == constraint.prep:
            if not constraint.phrases:
                if ctx.trigger.doc[i].dep_ == "aux":
                    continue  # the preposition alone is a preposition: "spoke to X", not "spoke to confirm"
                return {i}
            at = _phrase_in(constraint, sub_forms)
            if at is not None:
                return {i, sub[at].i}
    return None


def reported_clauses(verb: Any) -> list[Any]:
    """The clauses a verb of saying reports: its clausal complements ("said Y must leave"), or the quoted
    clause it is a side clause of ('"Y must leave," he said', parsed with "said" hung on "leave")."""
    out = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not out and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        out = [verb.head]
    return out


def predicated(verb: Any) -> list[Any]:
    """What a verb says its object is: "called the decision a mistake" (mistake), "described the outcome as
    disturbing" (disturbing)."""
    out = [c for c in verb.children if c.dep_ == "oprd"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            out.extend(c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp"))
    return out


def addressed(verb: Any) -> bool:
    """Whether a reported clause asks something of someone other than the speaker: its subject is no first
    person ("we must stop") nor an expletive ("it must be said"), and it is no conjecture ("they must have
    known": a perfect after the modal; "would have to": a prediction)."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ in UNADDRESSED_SUBJECTS:
            return False
        if c.dep_ == "aux" and (c.lemma_.lower() == "have" or c.lower_ in PREDICTIVE_AUX):
            return False  # "must have known", "would have to be concluded": said of what is, or would be
    return True


def match_trigger(pset: PatternSet, pos: str, trigger: Any) -> tuple[Pattern, set[int]] | None:
    """The most specific pattern of this trigger whose constraints all hold, and the token indices its
    constraints consumed; None if no pattern holds. ``pos`` is "V" (verb) or "N" (event noun)."""
    lemma = trigger.lemma_.lower()
    lower = trigger.lower_
    if not pset.get(pos, lemma) and (lower == lemma or not pset.get(pos, lower)):
        stem = _stem(pset, pos, lower) if pos == "V" else None
        if stem is None:
            return None
        lemma = stem  # the tagger's lemma is off ("cordoned" -> "cordone"): the word's own stem
    ctx = _Context(trigger, pset.classes)
    words = ctx.all | {w for pair in ctx.p_forms for w in pair}
    candidates = pset.candidates(pos, lemma, words)
    if lower != lemma:
        # dictionaries that list an inflected form on its own ("LEFT [042:043]") are heard too
        own = pset.candidates(pos, lower, words)
        if own:
            candidates = sorted(own + candidates, key=lambda p: -p.specificity)
    if pos == "V" and _light_with_event_object(pset, trigger, lemma):
        # "launched a campaign", "held talks": the event noun codes the event, not the imported dictionary's
        # reading of the pair ("launch ... campaign" is CAMEO 020, an appeal); core and user patterns still can
        candidates = [p for p in candidates if p.priority > 0]
    if not candidates:
        return None
    failed: set[int] = set()  # constraints shared between patterns are checked once
    best: tuple[Pattern, set[int]] | None = None
    for pattern in candidates:
        if best is not None and pattern.specificity < best[0].specificity:
            break
        if pattern.recip and pos == "V" and not compound_subject(trigger):
            continue  # "% *": only "X and Y downplayed ..." acts among itself
        if pattern.control_only and not controlled(trigger, pset.classes):
            continue
        consumed: set[int] = set()
        ok = True
        for constraint in pattern.constraints:
            if id(constraint) in failed:
                ok = False
                break
            got = _check(constraint, ctx)
            if got is None:
                failed.add(id(constraint))
                ok = False
                break
            consumed |= got
        if ok:
            if best is None:
                best = (pattern, consumed)
            elif _matched_words(pattern, ctx) > _matched_words(best[0], ctx):
                best = (pattern, consumed)  # "austrian gold florin" beats "florin" at equal specificity
    return best


def _light_with_event_object(pset: PatternSet, trigger: Any, lemma: str) -> bool:
    """A light verb (class ``light``) whose direct object is a noun with patterns of its own."""
    if lemma not in pset.classes.get("light", ()):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and pset.get("N", c.lemma_.lower())
               for c in trigger.children)


CONTROL_CLASSES = ("reject", "intent", "threat", "request")


def controlled(trigger: Any, classes: dict[str, set[str]]) -> bool:
    """Whether a control verb ("refused to", "pledged to", "threatened to", "urged Y to") or an intent noun
    ("its commitment to") governs the trigger: then the control step codes it (slots.control), whatever
    the verb's own reading is worth alone."""
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        lem = head.lemma_.lower()
        return any(lem in classes.get(name, ()) for name in CONTROL_CLASSES)
    if trigger.dep_ in ("pcomp", "acl") or (trigger.dep_ == "xcomp" and head.pos_ == "NOUN"):
        owner = head.head if head.dep_ == "prep" else head
        return owner.pos_ == "NOUN" and owner.lemma_.lower() in classes.get("intent_noun", ())
    return False


def _longest(constraint: Constraint, forms: Forms) -> int:
    """Length of the longest of the constraint's phrases found in ``forms`` (0 if none)."""
    best = 0
    for i, phrase in _starts(constraint, forms):
        n = len(phrase)
        if n > best and i + n <= len(forms) and all(_word_match(phrase[k], *forms[i + k]) for k in range(1, n)):
            best = n
    return best


def _matched_words(pattern: Pattern, ctx: _Context) -> int:
    """How many words a matching pattern's phrases cover: at equal specificity the longer match wins."""
    total = 0
    for c in pattern.constraints:
        if c.kind in ("dobj", "subj", "head", "comp"):
            total += 1
        elif c.kind == "obj":
            total += _longest(c, ctx.r_forms)
        elif c.kind == "pre":
            total += _longest(c, ctx.p_forms)
        elif c.kind == "prep" and c.phrases:
            total += max((_longest(c, f) for low, _, _, f in ctx.preps if low == c.prep), default=0)
    return total


def _stem(pset: PatternSet, pos: str, word: str) -> str | None:
    """A regular verb's stem with patterns (cordoned -> cordon, departes -> depart), for lemmatiser misses."""
    cands: list[str] = []
    if word.endswith("ed") and len(word) > 4:
        cands += [word[:-2], word[:-1]] + ([word[:-3]] if word[-3] == word[-4] else [])
    elif word.endswith("ing") and len(word) > 5:
        cands += [word[:-3], word[:-3] + "e"] + ([word[:-4]] if word[-4] == word[-5] else [])
    elif word.endswith("s") and len(word) > 3:
        cands += [word[:-1]] + ([word[:-2]] if word.endswith("es") else [])
    return next((c for c in cands if pset.get(pos, c)), None)
