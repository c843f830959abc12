"""The events stage: PLOVER and CAMEO events over the dependency parse, with modality and evidence.

How it works, per sentence:
1. Triggers: each verb or event noun whose lemma has patterns (one dict lookup per token; patterns are
   compiled once per pipeline and shared through ``resources``). The most specific pattern whose
   constraints hold wins; a null pattern wins too and codes nothing.
2. Slots from syntax: subject (through control, coordination, relative clauses and "commitment to ..."),
   the agent of a passive, objects and prepositional objects, possessives and "by/of" agents of event
   nouns, light verbs ("conduct airstrikes": the noun is the event, the verb's subject its actor).
   Slot heads are mapped to ``doc.actors`` through their mentions; conjuncts give compound actors.
3. Control and modality: "refused to X" is REJECT, "pledged to X" is X with mode "intent", "urged Y to X"
   is REQUEST, "threatened to X" is THREATEN; negation, modals, conditionals, opinion verbs, futures and
   dates long before publication go into ``aux``. Reporting verbs are not coded themselves.
4. Each event is dated by the nearest time expression in its clause (else the publication date), placed
   by the place in its clause, linked to the quote holding its trigger, and merged with other mentions
   of the same event in the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
import re
from datetime import date, timedelta
from typing import Any

from eventwire.document import Actor, Document, Event, EventActor, EventDate, EventLocation, Evidence, Place, Time
from eventwire.events.ontology import CameoCode, NegationMap, Ontology, quad_class
from eventwire.events.patterns import Constraint, Pattern, PatternSet

SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
CLAUSE_BREAK_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl", "csubj", "nsubj", "nsubjpass", "punct", "cc", "mark", "appos"})
DEFAULT_RCP_PREPS: tuple[str, ...] = ("with", "against", "to", "on", "toward", "towards", "at", "for", "from", "into", "in", "about", "over")
MAX_REGION = 30
PLACE_PREPS = frozenset({"in", "at", "near", "against", "on", "into", "inside", "outside", "to", "of"})
TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "period", "era", "eve", "height", "end",
                        "start", "beginning", "wake", "aftermath", "run-up", "course", "middle", "outset", "anniversary"})
LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "throughout"})  # "fired at Seoul" keeps its target
NO_RECIPIENT_TYPES = frozenset({"PROTEST", "MOBILIZE", "ASSAULT", "RETREAT"})
MISSING = object()
# Event types for CAMEO coding beyond PLOVER (only with ``statements`` on, e.g. for PETRARCH suites):
# public statements (CAMEO 01x) and codes a user dictionary defines that CAMEO2PLOVER does not map.
STATEMENT_TYPE = "STATEMENT"
UNTYPED = "OTHER"


@dataclass
class Candidate:
    """One coded reading of a trigger, before it becomes an Event."""

    trigger: Any  # spaCy Token
    pattern: Pattern
    cameo: str
    actors: list[Actor]
    recipients: list[Actor]
    clause: Any  # the verb Token whose clause governs the event (the light verb for an event noun)
    aux: set[str] = field(default_factory=set)
    mode: str | None = None
    type_override: str | None = None
    confidence: float = 0.8
    rule: str = ""
    matched: set[int] = field(default_factory=set)  # token indices the pattern's constraints consumed
    _bounds: tuple[int, int] | None = None

    def bounds(self) -> tuple[int, int]:
        if self._bounds is None:
            self._bounds = _clause_bounds(self.clause, self.trigger)
        return self._bounds


def _word_match(word: str, low: str, lem: str) -> bool:
    if word == low or word == lem:
        return True
    if len(word) > 3 and word.endswith("s"):
        stem = word[:-1]
        if stem == lem or stem == low or (word.endswith("es") and word[:-2] == lem):
            return True
    return False


Forms = list[tuple[str, str]]


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


def _region(trigger: Any) -> list[Any]:
    """Tokens after the trigger in its own phrase: where PETRARCH looked for objects and PPs."""
    out: list[Any] = []
    stack = [c for c in trigger.rights if c.dep_ not in CLAUSE_BREAK_DEPS]
    stack.reverse()
    while stack and len(out) < MAX_REGION:
        tok = stack.pop()
        out.append(tok)
        kids = [c for c in tok.children if c.dep_ not in ("relcl", "ccomp", "advcl", "parataxis")]
        stack.extend(reversed(kids))
    out.sort(key=lambda t: t.i)
    return out


def _pre_region(trigger: Any) -> list[Any]:
    """Tokens before the trigger in its clause: auxiliaries, subject, modifiers of an event noun."""
    out: list[Any] = []
    doc = trigger.doc
    for child in trigger.lefts:
        out.extend(doc[child.left_edge.i : child.right_edge.i + 1])  # a subtree is contiguous
    if trigger.pos_ == "NOUN" and trigger.dep_ == "compound":
        out.append(trigger.head)
    return sorted(out, key=lambda t: t.i)


class _Context:
    """The trigger's neighbourhood as plain strings, computed once and shared by all its patterns."""

    __slots__ = ("trigger", "region", "r_forms", "_pre", "_p_forms", "kids", "_preps", "all")

    def __init__(self, trigger: Any) -> None:
        self.trigger = trigger
        self.region = _region(trigger)
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
            self._pre = _pre_region(self.trigger)
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
                to = _to_marker(c)
                if c.dep_ == "xcomp" and to is not None:
                    sub = [t for t in c.doc[c.left_edge.i : c.right_edge.i + 1] if t.i != to.i]
                    self._preps.append(("to", to.i, sub, _forms(sub)))
        return self._preps


def _check(constraint: Constraint, ctx: _Context) -> set[int] | None:
    """Token indices consumed if the constraint holds, else None."""
    kind = constraint.kind
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
                return {i}
            at = _phrase_in(constraint, sub_forms)
            if at is not None:
                return {i, sub[at].i}
    return None


def match_trigger(pset: PatternSet, pos: str, trigger: Any) -> tuple[Pattern, set[int]] | None:
    """The most specific pattern of this trigger whose constraints all hold."""
    lemma = trigger.lemma_.lower()
    lower = trigger.lower_
    if not pset.get(pos, lemma) and (lower == lemma or not pset.get(pos, lower)):
        stem = _stem(pset, pos, lower) if pos == "V" else None
        if stem is None:
            return None
        lemma = stem  # the tagger's lemma is off ("cordoned" -> "cordone"): the word's own stem
    ctx = _Context(trigger)
    words = ctx.all | {w for pair in ctx.p_forms for w in pair}
    candidates = pset.candidates(pos, lemma, words)
    if lower != lemma:
        # dictionaries that list an inflected form on its own ("LEFT [042:043]") are heard too
        own = pset.candidates(pos, lower, words)
        if own:
            candidates = sorted(own + candidates, key=lambda p: -p.specificity)
    if not candidates:
        return None
    failed: set[int] = set()  # constraints shared between patterns are checked once
    best: tuple[Pattern, set[int]] | None = None
    for pattern in candidates:
        if best is not None and pattern.specificity < best[0].specificity:
            break
        if pattern.recip and pos == "V" and not _compound_subject(trigger):
            continue  # "% *": only "X and Y downplayed ..." acts among itself
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


def _to_marker(verb: Any) -> Any | None:
    """The "to" of an infinitive ("to attack"), or None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


COACTOR_HEADS = frozenset({"coordination", "cooperation", "conjunction", "partnership", "collaboration", "concert",
                           "tandem", "together", "along", "jointly", "league", "concertation"})


def _coactor(tok: Any, top: Any) -> bool:
    """``tok`` sits in "in coordination with X", "together with X" or "alongside X" under ``top``: X acts
    with the actor, it is not the target."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        head = cur.head
        if head.dep_ == "prep" and (head.lower_ == "alongside" or (
                head.lower_ == "with" and head.head.lemma_.lower() in COACTOR_HEADS)):
            return True
        cur = head
    return False


def _locative(tok: Any) -> bool:
    """A place name that says where ("in Syria", "along the border"), not whose ("a vessel from Korea")."""
    cur = tok
    while cur.dep_ in ("compound", "appos", "conj", "amod") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj":
        return True
    return cur.head.lower_ in LOCATIVE_PREPS | {"at", "across", "along", "into", "around", "within", "near"}


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
        if c.kind == "obj":
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


def _compound_subject(verb: Any) -> bool:
    """The verb's subject (or, for "X and Y agreed to ...", its governing verb's) is a coordination."""
    cur = verb
    for _ in range(3):
        subj = [c for c in cur.children if c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS]
        if subj:
            return any(c.dep_ == "conj" for s in subj for c in s.children)
        if cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


class ActorIndex:
    """Token -> actor through the actors' mentions, with a fallback for "the group"-style anaphora."""

    def __init__(self, doc: Document, anaphors: set[str]) -> None:
        self.doc = doc
        self.anaphors = anaphors
        self.mentions: list[tuple[int, int, Actor]] = sorted(
            ((m.start, m.end, a) for a in doc.actors for m in a.mentions), key=lambda x: (x[0], -x[1])
        )
        self.by_token: dict[int, Actor] = {}
        self.inside: set[int] = set()
        # actors named by the very same words ("the ambassadors of A, B and C" is one actor per country)
        self.co: dict[str, list[Actor]] = {}
        by_span: dict[tuple[int, int], list[Actor]] = {}
        for start, end, actor in self.mentions:
            by_span.setdefault((start, end), []).append(actor)
        for group in by_span.values():
            if len(group) > 1:
                for actor in group:
                    known = self.co.setdefault(actor.id, [])
                    known.extend(a for a in group if a.id != actor.id and all(k.id != a.id for k in known))
        sp = doc.spacy
        # tokens naming a place: "in Syria" says where, not to whom; and each place mention's role
        self.in_place: set[int] = set()
        self.places: list[tuple[int, int, Place, int]] = []
        for place in doc.places:
            for m in place.mentions:
                pspan = sp.char_span(m.start, m.end, alignment_mode="expand")
                if pspan is None:
                    continue
                self.in_place.update(t.i for t in pspan)
                root = pspan.root
                if root.pos_ == "ADJ" or root.dep_ in ("amod", "compound", "poss"):
                    continue  # "Syrian", "Turkey-based": a modifier, not where it happened
                prep = root.head if root.dep_ == "pobj" else None
                while prep is not None and prep.dep_ != "prep" and prep.head.i != prep.i and prep.dep_ in ("pobj", "appos", "compound"):
                    prep = prep.head
                via = 0 if (prep is not None and prep.lower_ in PLACE_PREPS) else 1
                self.places.append((m.start, m.end, place, via))
        for start, end, actor in self.mentions:
            span = sp.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.inside.add(tok.i)
                prev = self.by_token.get(tok.i)
                # the shortest mention wins a token ("Syrian" in "Syrian Foreign Minister X" stays with X)
                if prev is None or self._len(actor, tok) < self._len(prev, tok):
                    self.by_token[tok.i] = actor

    def _len(self, actor: Actor, tok: Any) -> int:
        best = 10**9
        for m in actor.mentions:
            if m.start <= tok.idx < m.end:
                best = min(best, m.end - m.start)
        return best

    def actor_of(self, head: Any, exclude: Iterable[Actor] = ()) -> tuple[Actor | None, float]:
        """The actor a slot's head token names, and a confidence factor (lower for anaphora)."""
        excluded = {a.id for a in exclude}
        found = self.by_token.get(head.i)
        if found is not None and found.id not in excluded:
            return found, 1.0
        # modifiers on the left ("Assad's army", "Syrian government"), then "of X", then appositions
        for tok in sorted(head.lefts, key=lambda t: -t.i):
            if tok.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
                # the modifier itself before the rest of its subtree ("Eriadori and Calenardhon leaders")
                for sub in sorted(tok.subtree, key=lambda t: (t.i != tok.i, -t.i)):
                    act = self.by_token.get(sub.i)
                    if act is not None and act.id not in excluded:
                        return act, 0.9
        for child in sorted(head.rights, key=lambda c: ("of", "by", "from", "in").index(c.lower_) if c.lower_ in ("of", "by", "from", "in") else 9):
            if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by", "from", "in"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        act, conf = self.actor_of(obj, exclude)
                        if act is not None:
                            return act, conf * 0.9
            if child.dep_ == "appos":
                act, conf = self.actor_of(child, exclude)
                if act is not None:
                    return act, conf * 0.9
        if head.lemma_.lower() in self.anaphors and head.pos_ in ("NOUN", "PROPN"):
            return self._anaphor(head, excluded)
        return None, 0.0

    def _anaphor(self, head: Any, excluded: set[str]) -> tuple[Actor | None, float]:
        """Definite generic noun ("the group"): the latest earlier non-person actor of this or the last sentence."""
        if not any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.lefts):
            return None, 0.0
        sent = head.sent
        window_start = sent.start_char
        if sent.start > 0:
            window_start = head.doc[sent.start - 1].sent.start_char
        word = head.lemma_.lower()
        want_gov = word in ("government", "administration", "regime", "authorities", "leadership")
        want_mil = word in ("army", "military", "forces")
        best: tuple[int, Actor] | None = None
        for start, end, actor in self.mentions:
            if start < window_start or end > head.idx or actor.id in excluded:
                continue
            if actor.sector in ("PER", "PERSON") or (actor.role and not actor.sector):
                continue
            if want_gov and actor.sector not in ("GOV", None):
                continue
            if want_mil and actor.sector not in ("MIL", "GOV", None):
                continue
            if not want_gov and not want_mil and actor.sector in ("GOV",) and actor.code and len(actor.code) <= 6:
                # "the group" rarely means a government
                continue
            if best is None or start > best[0]:
                best = (start, actor)
        return (best[1], 0.7) if best else (None, 0.0)


def _conjuncts(tok: Any) -> list[Any]:
    """A coordination's members; a name in apposition to a name is a list the parser misread
    ("Mordor, the Shire, Arnor and Bree", "Arnor and the evil awful Gondor")."""
    out = [tok, *tok.conjuncts] if tok.conjuncts else [tok]
    if tok.pos_ != "PROPN":
        return out
    for member in list(out):
        for child in member.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child not in out:
                out.extend([child, *[c for c in child.conjuncts if c not in out]])
            elif child.dep_ == "nmod" and child.pos_ == "PROPN" and child.i < member.i and child not in out and \
                    any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in child.children):
                # "Arnor, Calenardhon and the evil Gondor": the list's head hung on its last name
                out.extend([child, *[c for c in child.conjuncts if c not in out and c.pos_ == "PROPN"]])
    return out


class EventCoder:
    """Codes the events of one parsed Document; built once per pipeline, used for every article."""

    def __init__(self, settings: dict[str, Any], patterns: PatternSet, ontology: Ontology) -> None:
        self.settings = settings
        self.p = patterns
        self.onto = ontology
        self.light = patterns.words("light")
        self.reject = patterns.words("reject")
        self.intent = patterns.words("intent")
        self.intent_noun = patterns.words("intent_noun")
        self.threat = patterns.words("threat")
        self.request = patterns.words("request")
        self.attempt = patterns.words("attempt")
        self.desire = patterns.words("desire")
        self.fail = patterns.words("fail")
        self.cont = patterns.words("continue")
        self.report = patterns.words("report")
        self.opinion = patterns.words("opinion")
        self.modal = patterns.words("modal")
        self.conditional = patterns.words("conditional")
        self.similar = patterns.words("similar")
        self.historical = patterns.words("historical")
        self.anaphors = patterns.words("anaphor")
        self.max_per_sentence = int(settings.get("max_per_sentence", 6))
        self.min_confidence = float(settings.get("min_confidence", 0.0))
        self.require_actor = bool(settings.get("require_actor", True))
        self.code_statements = bool(settings.get("statements", False))
        self.reverse_events = bool(settings.get("reverse", True))
        self.historical_days = int(settings.get("historical_days", 365))
        pico = str(settings.get("negation_ontology", "") or "")
        self.negation = NegationMap.from_file(pico) if pico else None

    # ------------------------------------------------------------------ slots
    def subject_tokens(self, verb: Any, depth: int = 0, index: ActorIndex | None = None) -> tuple[list[Any], bool]:
        """Tokens naming who does ``verb`` and whether the clause is passive (then these are recipients)."""
        if depth > 5:
            return [], False
        subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.pos_ != "SPACE"]
        if subj:
            if len(subj) == 1 and subj[0].lower_ in ("it", "they") and verb.dep_ in ("ccomp", "conj") and \
                    index is not None and subj[0].i not in index.by_token and verb.head.pos_ in ("VERB", "AUX"):
                # "Ethiopia indicated it deplored Libya": "it" is the subject of the verb that reports
                outer, passive = self.subject_tokens(verb.head, depth + 1, index=index)
                if outer and not passive and any(t.i in index.by_token for t in outer):
                    return outer, False
            # "Old foes Gondor and Osgiliath have ...": the parser may hang two subjects on the verb
            return [t for s in subj for t in _conjuncts(s)], False
        agent = [c for c in verb.children if c.dep_ == "agent"]
        if agent:
            pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
            if pobj:
                return _conjuncts(pobj[0]), False
        head = verb.head
        if head.i == verb.i or _crosses_line(verb, head):
            return [], False
        dep = verb.dep_
        if dep == "xcomp":
            # object control: "urged Russia to cooperate" - the object is the subject
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs and head.lemma_.lower() in self.request:
                return _conjuncts(objs[0]), False
            return self.subject_tokens(head, depth + 1, index=index)
        if dep in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            if dep == "ccomp":
                return [], False
            return self.subject_tokens(head, depth + 1, index=index)
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "its willingness to host": the one willing; "the parade supporting X": the parade itself
            if dep == "acl" and head.lemma_.lower() in self.intent_noun:
                return self.noun_actor_tokens(head, depth + 1, index=index)
            if dep == "acl" and verb.tag_ == "VBN":
                return [], True  # "the group captured in the raid": the noun is who it was done to
            return [head], False
        if dep == "pcomp" and head.dep_ == "prep":
            owner = head.head
            if owner.pos_ in ("NOUN", "PROPN"):
                return self.noun_actor_tokens(owner, depth + 1, index=index)
            if owner.pos_ in ("VERB", "AUX"):
                return self.subject_tokens(owner, depth + 1, index=index)
        if dep in ("acomp", "prep", "advmod", "oprd") and head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
            return self.subject_tokens(head, depth + 1, index=index)
        if dep == "xcomp" or (dep == "pcomp" and head.pos_ in ("ADJ", "ADP", "ADV")):
            return self.subject_tokens(head, depth + 1, index=index)
        return [], False

    def noun_actor_tokens(
        self, noun: Any, depth: int = 0, agent_preps: Sequence[str] = ("by",), index: ActorIndex | None = None
    ) -> tuple[list[Any], bool]:
        """Who does an event noun: its possessor, a by/of agent, a modifier, else the light verb's subject."""
        for c in noun.children:
            if c.dep_ == "poss" and not (c.pos_ == "PRON" and index is not None and c.i not in index.by_token):
                return _conjuncts(c), False
        for c in noun.rights:
            if c.dep_ in ("prep", "agent") and c.lower_ in agent_preps:
                pobj = [x for x in c.children if x.dep_ == "pobj"]
                if pobj:
                    return _conjuncts(pobj[0]), False
        mods = [
            c for c in noun.lefts
            if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN")
            and (index is None or any(t.i in index.by_token for t in c.subtree))
        ]
        if mods:
            return mods, False
        head = noun.head
        if head.i != noun.i and noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return self.subject_tokens(head, depth + 1, index=index)
        if head.i != noun.i and noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX") and head.lower_ in ("for", "in", "at"):
            return self.subject_tokens(head.head, depth + 1, index=index)
        if head.i != noun.i and noun.dep_ == "conj":
            return self.noun_actor_tokens(head, depth + 1, agent_preps, index)
        return [], False

    def map_actors(self, index: ActorIndex, toks: Iterable[Any], exclude: Iterable[Actor] = ()) -> tuple[list[Actor], float]:
        out: list[Actor] = []
        conf = 1.0
        excluded = list(exclude)
        for tok in toks:
            actor, c = index.actor_of(tok, excluded + out)
            if actor is not None and all(a.id != actor.id for a in out):
                out.append(actor)
                conf = min(conf, c)
                for other in index.co.get(actor.id, ()):
                    if all(a.id != other.id for a in out + excluded):
                        out.append(other)
                if index.by_token.get(tok.i) is None:
                    # "Eriadori and Calenardhon leaders": the modifier's conjuncts join in
                    for mod in tok.lefts:
                        if mod.dep_ in ("nmod", "amod", "compound") and index.by_token.get(mod.i) is actor:
                            for conj in mod.conjuncts:
                                more = index.by_token.get(conj.i)
                                if more is not None and all(a.id != more.id for a in out + excluded):
                                    out.append(more)
                    # "the ambassadors of A, B and C": the other conjuncts of the "of" object join in
                    for child in tok.rights:
                        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
                            for obj in child.children:
                                for conj in obj.conjuncts:
                                    more, c2 = index.actor_of(conj, excluded + out)
                                    if more is not None and all(a.id != more.id for a in out):
                                        out.append(more)
        return out, conf

    def recipient_tokens(self, trigger: Any, pattern: Pattern, index: ActorIndex, exclude: list[Actor]) -> tuple[list[Actor], float]:
        preps = pattern.rcp_preps or DEFAULT_RCP_PREPS
        slots: list[list[Any]] = []
        is_noun = trigger.pos_ in ("NOUN", "PROPN")
        if not is_noun:
            if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN"):
                slots.append(_conjuncts(trigger.head))  # "fighters captured in Raqqa": the fighters
            for c in trigger.children:
                if c.dep_ in PASS_SUBJ_DEPS:
                    slots.append(_conjuncts(c))
            for c in trigger.children:
                if c.dep_ in ("dobj", "obj", "dative"):
                    slots.append(_conjuncts(c))
        # prepositional objects, in the pattern's order of preference
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj", "prt")]
        if is_noun and trigger.dep_ in ("dobj", "obj") and trigger.head.lemma_.lower() in self.light:
            holders.append(trigger.head)  # "wage war on X", "conduct airstrikes against X"
        preps_found: list[tuple[int, Any]] = []
        for holder in holders:
            for c in holder.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    for pobj in c.children:
                        if pobj.dep_ in ("pobj", "pcomp"):
                            if c.lower_ in LOCATIVE_PREPS and pobj.i in index.in_place:
                                continue
                            if pobj.lemma_.lower() in TIME_NOUNS:
                                continue  # "at the time of the SDF offensive" says when, not to whom
                            preps_found.append((preps.index(c.lower_), pobj))
        preps_found.sort(key=lambda x: x[0])
        if pattern.rcp_preps:
            # the pattern names where its target is ("* THEIR ^ ABOUT +"): that comes before the object
            slots[:0] = [_conjuncts(p) for _, p in preps_found]
        else:
            slots.extend(_conjuncts(p) for _, p in preps_found)
        if is_noun and trigger.dep_ == "compound" and trigger.head.pos_ in ("NOUN", "PROPN"):
            pass
        if not is_noun:
            # "X believes Y can cope", "X allowed that Y isn't ...": with no object, the target is Y
            for c in trigger.children:
                if c.dep_ == "ccomp":
                    subj = [x for x in c.children if x.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS]
                    if subj:
                        slots.append(_conjuncts(subj[0]))
        uncoded: tuple[list[Actor], float] | None = None
        for toks in slots:
            actors, conf = self.map_actors(index, toks, exclude)
            if actors and not any(a.code for a in actors):
                # a name the dictionaries do not know ("celebrated Iftar ... with the leaders of Gondor"):
                # a known actor in a later slot is the likelier target
                uncoded = uncoded or (actors, conf)
                continue
            if actors:
                return actors, conf
        if uncoded is not None:
            return uncoded
        if not is_noun:
            # PETRARCH's rule of last resort: the first actor inside the verb's own phrase
            # ("welcomed the resumption of ties with X", "marched close to the border with X")
            scope = [t for t in _region(trigger) if not _through_verb(t, trigger, self.p)]
            if pattern.code and pattern.code[:2] in ("01", "02"):
                scope += [t for c in trigger.children if c.dep_ == "ccomp" for t in c.subtree]
            excluded = {a.id for a in exclude}
            for tok in scope:
                actor = index.by_token.get(tok.i)
                if actor is not None and actor.id not in excluded and not _coactor(tok, trigger) and (
                        tok.i not in index.in_place or not _locative(tok)):
                    while tok.dep_ in ("compound", "flat") and index.by_token.get(tok.head.i) is actor:
                        tok = tok.head  # "Minas Tirith and Osgiliath": the coordination hangs on the name's head
                    actors, conf = self.map_actors(index, _conjuncts(tok), exclude)
                    if actors:
                        return actors, conf * 0.85
            # "signed an accord to supply X": the object of a purpose infinitive that is no event itself
            for c in trigger.children:
                if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and not self.p.get("V", c.lemma_.lower()) \
                        and _to_marker(c) is not None:
                    for obj in c.children:
                        if obj.dep_ in ("dobj", "obj", "dative") and obj.i not in index.in_place:
                            actors, conf = self.map_actors(index, _conjuncts(obj), exclude)
                            if actors:
                                return actors, conf * 0.8
        return [], 1.0

    # ------------------------------------------------------------------ control, modality
    def governing_chain(self, clause: Any) -> list[tuple[str, Any]]:
        """(relation, head) pairs from the clause verb up to the sentence root."""
        chain: list[tuple[str, Any]] = []
        tok = clause
        for _ in range(8):
            if tok.head.i == tok.i or _crosses_line(tok, tok.head):
                break
            chain.append((tok.dep_, tok.head))
            tok = tok.head
        return chain

    def _local_aux(self, verb: Any, aux: set[str], negated_can_is_not: bool = False) -> None:
        """The clause's own negation, auxiliaries and conditional mark. ``negated_can_is_not``: "can't" is
        plain negation, as PETRARCH reads it, rather than also a modal."""
        negated = negated_can_is_not and any(c.dep_ == "neg" for c in verb.children)
        for c in verb.children:
            low = c.lower_
            lem = c.lemma_.lower()
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")):
                aux.add("negation")
            elif c.dep_ == "advmod" and low not in ("only", "just", "merely") and c.i < verb.i and \
                    any(g.dep_ == "neg" for g in c.children):
                aux.add("negation")  # "did not even ever clash": the parser hangs "not" on an adverb
            elif c.dep_ in ("aux", "auxpass"):
                if lem in ("will", "shall") or low in ("'ll", "wo"):
                    aux.add("future")
                elif low == "would" and self._backshifted(verb):
                    aux.add("future")  # "X said it would visit Y" reports "I will visit Y"
                elif negated and low in ("ca", "can", "could"):
                    continue
                elif lem in self.modal or low in self.modal or low in ("ca",):
                    aux.add("hypothetical")
            elif c.dep_ == "mark" and low in self.conditional:
                aux.add("hypothetical")
        if verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children):
            aux.add("future")

    def _backshifted(self, verb: Any) -> bool:
        """A "would" clause reported by a past-tense reporting verb, with no "have" (counterfactual)."""
        head = verb.head
        return (
            verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in self.report
            and head.lemma_.lower() not in self.opinion
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        )

    def modality(self, cand: Candidate) -> None:
        """Negation, modality, opinion and futurity from the clause and what governs it."""
        cand.aux |= self._modality(cand)

    def _modality(self, cand: Candidate, negated_can_is_not: bool = False) -> set[str]:
        aux: set[str] = set()
        clause = cand.clause
        self._local_aux(clause, aux, negated_can_is_not)
        if _years_before(clause):
            aux.add("historical")  # "five years after crowds burned its embassy"
        if cand.trigger.i != clause.i and cand.trigger.pos_ == "NOUN":
            if any(c.dep_ == "det" and c.lower_ == "no" for c in cand.trigger.children):
                aux.add("negation")
            lem = clause.lemma_.lower()
            noun = cand.trigger
            governed = noun.head.i == clause.i or (noun.dep_ == "pobj" and noun.head.head.i == clause.i)
            if governed and (lem in self.request or lem in self.desire):
                # "called for a boycott", "wants talks": the event is asked for or wished, not done
                aux.add("future" if lem in ("plan", "intend", "prepare") else "hypothetical")
        if cand.trigger.pos_ == "NOUN" and cand.trigger.dep_ in ("nsubj", "nsubjpass") and \
                cand.trigger.head.pos_ in ("VERB", "AUX"):
            # "an arms embargo would not work": an event that is the subject of a conditional is one
            if any(c.dep_ == "aux" and c.lower_ in self.modal and c.lower_ not in ("must", "shall")
                   for c in cand.trigger.head.children):
                aux.add("hypothetical")
        tok = clause
        for dep, head in self.governing_chain(clause):
            lem = head.lemma_.lower()
            if dep in ("advcl", "relcl", "acl") and tok.tag_ == "VB" and _to_marker(tok) is not None:
                # what something is for, not what happened: a purpose ("sent troops to fight IS") or an
                # infinitival relative ("the coalition to counter Isis")
                aux.add("hypothetical")
            if dep in ("xcomp",):
                if lem in self.fail:
                    aux.add("negation")
                elif lem in self.desire:
                    aux.add("future" if lem in ("plan", "intend", "prepare", "aim") else "hypothetical")
                elif lem in self.attempt:
                    aux.add("hypothetical")
                self._local_aux(head, aux)
            elif dep == "ccomp":
                if lem in self.opinion:
                    aux.add("hypothetical")
                    neg: set[str] = set()
                    self._local_aux(head, neg)
                    aux.update(a for a in neg if a != "negation")
                break  # reporting/opinion verb: what it governs keeps its own polarity
            elif dep == "advcl":
                first = min(t.i for t in tok.subtree)
                if any(c.dep_ == "mark" and c.lower_ in self.conditional for c in tok.children) or any(
                    # the parser often hangs a leading "If" on the main verb instead of the clause
                    c.dep_ == "mark" and c.lower_ in self.conditional and c.i < first and c.i < head.i
                    for c in head.children
                ):
                    aux.add("hypothetical")
                break
            elif dep == "conj":
                # "will visit X and meet Y": shared auxiliaries
                for c in head.children:
                    if c.dep_ == "aux" and c.lemma_.lower() in ("will", "shall"):
                        aux.add("future")
                    elif c.dep_ == "aux" and c.lemma_.lower() in self.modal:
                        aux.add("hypothetical")
            elif dep == "relcl":
                break
            # other relations (an event noun as subject or object, prepositions) are climbed through
            # without taking on that verb's own modality, looking for an opinion or condition above
            tok = head
        return aux

    def recode_negation(self, cand: Candidate) -> None:
        """With a coding ontology configured, "did not clash" is coded as what its negation means."""
        if self.negation is None or "negation" not in cand.aux:
            return
        negated = self.negation.negate(cand.cameo)
        if negated is not None:
            cand.cameo, cand.type_override = negated, None
            cand.aux.discard("negation")
            cand.rule += "+negated"
            if "hypothetical" in cand.aux and "hypothetical" not in self._modality(cand, negated_can_is_not=True):
                cand.aux.discard("hypothetical")  # "can't clash": PETRARCH reads a negated "can" as "not"

    def control(self, cand: Candidate, index: ActorIndex) -> Candidate | None:
        """Rewrite an event governed by a control verb or intent noun; None drops it."""
        clause = cand.clause
        root = cand.cameo[:2]
        if clause.dep_ == "xcomp" and clause.head.pos_ in ("VERB", "AUX"):
            head = clause.head
            lem = head.lemma_.lower()
            if lem in self.reject:
                code = {"03": "125", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}.get(root, "120")
                cand.cameo, cand.type_override = code, None
                cand.rule += "+reject"
                cand.clause = head
                cand.aux.discard("hypothetical")
                return cand
            if lem in self.intent:
                cand.cameo = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}.get(root, cand.cameo)
                cand.type_override = self.onto_type(cand.pattern.code or cand.cameo)
                cand.mode = "intent"
                cand.rule += "+intent"
                cand.clause = head
                return cand
            if lem in self.threat:
                cand.cameo = "138" if root in ("15", "18", "19", "20") else ("137" if root == "17" else "130")
                cand.type_override = None
                cand.rule += "+threat"
                cand.clause = head
                return cand
            if lem in self.request:
                cand.cameo = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}.get(root, "020")
                cand.type_override = None
                cand.rule += "+request"
                subj, _ = self.subject_tokens(head, index=index)
                actors, _ = self.map_actors(index, subj)
                objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
                recips, _ = self.map_actors(index, _conjuncts(objs[0]) if objs else [], actors)
                cand.actors = actors
                cand.recipients = recips or [r for r in cand.recipients if r not in actors]
                cand.clause = head
                return cand
        if clause.dep_ in ("pcomp", "acl") or (clause.dep_ == "xcomp" and clause.head.pos_ == "NOUN"):
            owner = clause.head.head if clause.head.dep_ == "prep" else clause.head
            if owner.pos_ == "NOUN" and owner.lemma_.lower() in self.intent_noun:
                cand.cameo = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}.get(root, cand.cameo)
                cand.type_override = self.onto_type(cand.pattern.code or cand.cameo)
                cand.mode = "intent"
                cand.rule += "+intent"
                if owner.head.pos_ in ("VERB", "AUX"):
                    cand.clause = owner.head
                return cand
        return cand

    def onto_type(self, code: str) -> str | None:
        info = self.onto.cameo(code)
        return info.plover_type if info else None

    # ------------------------------------------------------------------ main
    def triggers(self, sent: Any, index: ActorIndex) -> list[Candidate]:
        cands: list[Candidate] = []
        coded_objects: set[int] = set()
        for tok in sent:
            if tok.i in index.inside and tok.pos_ != "VERB":
                continue  # words inside an actor's name ("Foreign Minister", "National Coalition")
            if tok.pos_ == "VERB":
                pos = "V"
            elif tok.pos_ == "NOUN":
                pos = "N"
            else:
                continue
            hit = match_trigger(self.p, pos, tok)
            if hit is None:
                continue
            pattern, consumed = hit
            if pos == "V" and (not pattern.constraints or pattern.null):
                # a light or general verb whose object is itself an event noun: let the noun code it
                objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
                if any(self.p.get("N", o.lemma_.lower()) for o in objs) and tok.lemma_.lower() in self.light:
                    continue
            if pattern.null:
                coded_objects |= consumed
                continue
            if pos == "V" and not self.code_statements and tok.lemma_.lower() in self.report | self.opinion and (
                not pattern.constraints or any(c.dep_ == "ccomp" for c in tok.children)
            ):
                continue  # the reporting act is not itself an event (PLOVER has no statements)
            code = pattern.code or pattern.reverse
            if code is None:
                continue
            if code[:2] == "01" and not self.code_statements:
                continue
            if pos == "V":
                coded_objects.update(c.i for c in tok.children if c.dep_ in ("dobj", "obj"))
                coded_objects |= consumed
                clause = tok
                subj, passive = self.subject_tokens(tok, index=index)
                if not subj and pattern.code is None and pattern.reverse is not None:
                    # "+ * (FROM $)": "the militia was freed from X" - the passive subject is the target side
                    subj = [t for c in tok.children if c.dep_ in PASS_SUBJ_DEPS for t in _conjuncts(c)]
                actors, c1 = self.map_actors(index, subj)
                recips, c2 = self.recipient_tokens(tok, pattern, index, actors)
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
                subj, _ = self.noun_actor_tokens(tok, 0, agent_preps, index)
                recips_first, c2 = self.recipient_tokens(tok, pattern, index, [])
                actors, c1 = self.map_actors(index, subj, recips_first)
                recips = [r for r in recips_first if all(r.id != a.id for a in actors)]
                conf = 0.75 * min(c1, c2)
            if pattern.code is None and pattern.reverse is not None:
                actors, recips = recips, actors  # reverse-only pattern ("received support from")
            cand = Candidate(tok, pattern, code, actors, recips, clause, confidence=conf, rule=pattern.id, matched=consumed)
            cands.append(cand)
        return cands

    def _similar_fill(self, cands: list[Candidate]) -> None:
        """Ellipsis: "a similar visit by X" takes its recipient from the visit it is compared with."""
        for cand in cands:
            if cand.recipients or cand.trigger.pos_ != "NOUN":
                continue
            if not any(c.lemma_.lower() in self.similar for c in cand.trigger.lefts):
                continue
            for other in cands:
                if other is not cand and other.cameo == cand.cameo and other.recipients and other.trigger.i < cand.trigger.i:
                    cand.recipients = [r for r in other.recipients if all(r.id != a.id for a in cand.actors)]
                    cand.confidence *= 0.85
                    cand.rule += "+ellipsis"

    def _reports_other(self, cand: Candidate, cands: list[Candidate]) -> bool:
        """A statement (01x) by a reporting verb that governs, or is a side clause of, another event."""
        trig = cand.trigger
        if not (cand.cameo or "").startswith("01") or trig.lemma_.lower() not in self.report:
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

    def _drop_subsumed(self, cands: list[Candidate]) -> list[Candidate]:
        """An outer verb with no recipient that governs another event of the same actor adds nothing."""
        keep: list[Candidate] = []
        for cand in cands:
            if self._reports_other(cand, cands):
                continue  # "X will restore ties with Y, an official said": the reported event is the news
            ids = {a.id for a in cand.actors}
            if not cand.recipients and any(
                o is not cand and o.recipients and {a.id for a in o.actors} == ids and self.onto_type(o.cameo) == self.onto_type(cand.cameo)
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

    def code(self, doc: Document) -> list[Event]:
        sp = doc.spacy
        if sp is None:
            return []
        index = ActorIndex(doc, self.anaphors)
        published = _parse_date(doc.article.published)
        events: list[Event] = []
        for sent in sp.sents:
            cands = self.triggers(sent, index)
            if not cands:
                continue
            for cand in cands:
                self.control(cand, index)
                self.modality(cand)
                self.recode_negation(cand)
            self._similar_fill(cands)
            cands = self._drop_subsumed(cands)
            built: list[Event] = []
            for cand in cands:
                built.extend(self.to_events(doc, index, cand, sent, published))
            built = [e for e in built if e.confidence >= self.min_confidence]
            built.sort(key=lambda e: -e.confidence)
            events.extend(built[: self.max_per_sentence])
        return merge_events(events)

    # ------------------------------------------------------------------ output
    def to_events(
        self, doc: Document, index: ActorIndex, cand: Candidate, sent: Any, published: date | None
    ) -> list[Event]:
        actors, recips = cand.actors, cand.recipients
        reciprocal = False
        if not actors and len(recips) >= 2 and cand.pattern.recip:
            actors, recips = recips[:1], recips[1:]  # "a meeting between X and Y"
            reciprocal = True
        elif not recips and len(actors) >= 2:
            # "X and Y met", "Gondor and Osgiliath postponed their meeting": each acts on the other
            actors, recips = actors[:1], actors[1:]
            reciprocal = True
        if self.require_actor and not actors and not recips:
            return []
        # a bare verb (its pattern's default code, no words to confirm it) needs both sides, as in PETRARCH;
        # events that need no recipient in PLOVER are exempt
        bare = cand.trigger.pos_ == "VERB" and not cand.pattern.constraints and cand.rule == cand.pattern.id
        info0 = self.onto.cameo(cand.cameo)
        if bare and (not actors or not recips) and (info0 is None or info0.plover_type not in NO_RECIPIENT_TYPES):
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
        when = self.date_of(doc, cand, sent, published)
        aux = set(cand.aux)
        if when is not None and published is not None and when.value and when.precision != "published":
            day = _period_end(when.value)
            if day is not None and (published - day).days > self.historical_days:
                aux.add("historical")
            start = _period_start(when.value)
            if start is not None and (start - published).days > 0:
                aux.add("future")
        if any(c.lemma_.lower() in self.historical and c.dep_ == "amod" for c in trig.lefts):
            aux.add("historical")
        where = self.place_of(index, cand)
        quote = next((q.id for q in doc.quotes if q.start <= trig.idx < q.end), None)
        out: list[Event] = []
        pairs: list[tuple[str, list[Actor], list[Actor], float, str]] = []
        forward = cand.cameo
        if forward:
            pairs.append((forward, actors, recips, cand.confidence, cand.rule))
        back = cand.pattern.reverse if cand.rule == cand.pattern.id else None
        if reciprocal and not back:
            back = cand.cameo
        if self.reverse_events and cand.pattern.code is not None and back and recips and actors:
            pairs.append((back, recips, actors, cand.confidence * 0.9, cand.rule + "#reverse"))
        for code, who, whom, conf, rule in pairs:
            info = self.onto.cameo(code)
            if info is None and self.code_statements and code[:2].isdigit():
                info = CameoCode(code=code, name="", goldstein=0.0, quad_class=quad_class(code), plover_type=None,
                                 plover_mode=None, contexts=())  # a dictionary's own code (PETRARCH's 212, 903)
            if info is None:
                continue
            ptype = cand.type_override if cand.type_override and rule == cand.rule else info.plover_type
            if ptype is None and self.code_statements:
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
                    aux=sorted(aux, key=["negation", "hypothetical", "future", "historical"].index),  # type: ignore[arg-type]
                    quote=quote,
                    evidence=evidence,
                    mentions=[evidence],
                    confidence=round(conf, 3),
                    rule=rule,
                )
            )
        return out

    def date_of(self, doc: Document, cand: Candidate, sent: Any, published: date | None) -> EventDate:
        clause = cand.clause
        lo, hi = sent.start_char, sent.end_char
        if not doc.times:
            return _published_date(doc)
        c_lo, c_hi = cand.bounds()
        best: tuple[tuple[int, int], Time] | None = None
        for t in doc.times:
            if t.start < lo or t.end > hi or not t.timex or t.type not in ("DATE", "TIME"):
                continue
            inside = 0 if (t.start >= c_lo and t.end <= c_hi) else 1
            if inside:
                gov = _time_governor(doc, t)
                if gov is None or not (gov.i == clause.i or gov.is_ancestor(clause)) or _own_clause_between(clause, gov):
                    continue  # a time in a sibling clause dates that clause's event, not this one
            dist = min(abs(t.start - cand.trigger.idx), abs(t.end - cand.trigger.idx))
            key = (inside, dist)
            if best is None or key < best[0]:
                best = (key, t)
        if best is not None:
            t = best[1]
            return EventDate.model_construct(value=t.timex, precision=_precision(t.timex or ""), text=t.text)
        return _published_date(doc)

    def place_of(self, index: ActorIndex, cand: Candidate) -> EventLocation | None:
        """The place named in the event's clause: the object of in/at/near/against..., a city first."""
        if not index.places:
            return None
        c_lo, c_hi = cand.bounds()
        best: tuple[tuple[int, int, int], Place] | None = None
        actor_starts = {m.start for a in cand.actors for m in a.mentions}
        for start, end, place, via in index.places:
            if not (c_lo <= start and end <= c_hi) or start in actor_starts:
                continue
            kind_rank = {"city": 0, "admin1": 1, "admin2": 1, "country": 2}.get(place.kind or "", 2)
            key = (via, kind_rank, abs(start - cand.trigger.idx))
            if best is None or key < best[0]:
                best = (key, place)
        if best is None:
            return None
        p = best[1]
        return EventLocation.model_construct(name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid)


def _years_before(clause: Any) -> bool:
    """A clause set years back from the main one: "(five) years after X", "decades before X"."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "since")]
    if not marks:
        return False
    for tok in [*clause.children, *marks[0].children]:
        if tok.dep_ in ("npadvmod", "advmod", "nmod") and tok.lemma_.lower() in ("year", "decade", "century"):
            return True
    return False


def _through_verb(tok: Any, top: Any, pset: PatternSet) -> bool:
    """Whether an event verb stands between ``tok`` and ``top`` (then tok belongs to that verb's event)."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ == "VERB" and cur.dep_ in ("xcomp", "pcomp", "acl") and pset.get("V", cur.lemma_.lower()):
            return True
        cur = cur.head
    return False


def _crosses_line(a: Any, b: Any) -> bool:
    """A paragraph break between two tokens: the parser sometimes joins a headline to the next line."""
    lo, hi = (a.i, b.i) if a.i < b.i else (b.i, a.i)
    breaks = a.doc.user_data.get("eventwire.breaks")
    if breaks is None:
        breaks = [t.i for t in a.doc if "\n" in t.whitespace_ or "\n" in t.text]
        a.doc.user_data["eventwire.breaks"] = breaks
    return any(lo <= i < hi for i in breaks)


def _own_clause_between(clause: Any, gov: Any) -> bool:
    """Whether a coordinated clause with its own subject separates ``clause`` from ``gov``."""
    cur = clause
    while cur.i != gov.i and cur.head.i != cur.i:
        if cur.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis") and any(
            c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in cur.children
        ):
            return True
        cur = cur.head
    return False


def _time_governor(doc: Document, t: Time) -> Any:
    span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _clause_bounds(clause: Any, trigger: Any) -> tuple[int, int]:
    """Character bounds of the clause, leaving out other clauses coordinated with or embedded in it."""
    toks = [clause]
    stack = list(clause.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl") and not tok.is_ancestor(trigger) and tok.i != trigger.i:
            continue
        toks.append(tok)
        stack.extend(tok.children)
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    return lo, hi


def _published_date(doc: Document) -> EventDate:
    published = doc.article.published
    return EventDate.model_construct(value=published, precision="published" if published else None, text=None)


def _event_actor(a: Actor) -> EventActor:
    # built from validated Actor fields, so validation is skipped (this runs for every event)
    return EventActor.model_construct(id=a.id, name=a.name, country=a.country, sector=a.sector, code=a.code)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _period_start(timex: str) -> date | None:
    """First day of a TIMEX3 date value (day, month or year precision)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", timex)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _period_end(timex: str) -> date | None:
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


def _precision(timex: str) -> str:
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
