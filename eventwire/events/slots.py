"""Who did it to whom: the event's actor and recipient slots, read from the parse and mapped to actors.

* ``ActorIndex``: token -> actor through the actors' mentions (with "the group"-style anaphora), and
  where the places are.
* ``subject_tokens`` / ``noun_actor_tokens``: who does a verb (through control, coordination, relative
  clauses, passives) or an event noun (possessor, "by/of" agent, modifier, light verb's subject).
* ``recipient_tokens``: whom: passive subject, objects, the pattern's prepositions, PETRARCH's fallback.
* ``control``: "refused to X" is REJECT, "pledged to X" X with mode intent, "urged Y to X" REQUEST,
  "threatened to X" THREATEN; "commitment to X" (an intent noun) too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.document import Actor, Document, Place
from eventwire.events.candidate import Candidate
from eventwire.events.lexicon import (
    DEFINITE_DETS,
    EVENT_NOUN_PREPS,
    LIST_OWNER_PREPS,
    OWNER_PREPS,
    REPORTED_PRONOUNS,
    WordClasses,
)
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Pattern, PatternSet
from eventwire.events.syntax import PASS_SUBJ_DEPS, SUBJ_DEPS, conjuncts, crosses_line, region, to_marker

# CAMEO codes of a controlled event, by the CAMEO root (two digits) of the event the control verb governs
REJECT_CODES = {"03": "125", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}  # else 120
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}  # else the event's own
REQUEST_CODES = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}  # else 020


class ActorIndex:
    """Token -> actor through the actors' mentions, with a fallback for "the group"-style anaphora."""

    def __init__(self, doc: Document, words: WordClasses) -> None:
        self.doc = doc
        self.words = words
        self.anaphors = words.anaphor
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
                while prep is not None and prep.dep_ != "prep" and prep.head.i != prep.i and \
                        prep.dep_ in ("pobj", "appos", "compound"):
                    prep = prep.head
                via = 0 if (prep is not None and prep.lower_ in words.place_prep) else 1
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
        for child in sorted(head.rights, key=lambda c: OWNER_PREPS.index(c.lower_) if c.lower_ in OWNER_PREPS else 9):
            if child.dep_ in ("prep", "agent") and child.lower_ in OWNER_PREPS:
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
        if not any(c.lower_ in DEFINITE_DETS for c in head.lefts):
            return None, 0.0
        sent = head.sent
        window_start = sent.start_char
        if sent.start > 0:
            window_start = head.doc[sent.start - 1].sent.start_char
        word = head.lemma_.lower()
        want_gov = word in self.words.anaphor_gov
        want_mil = word in self.words.anaphor_mil
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


# ---------------------------------------------------------------------------------------------- the actor
def subject_tokens(
    verb: Any, words: WordClasses, depth: int = 0, index: ActorIndex | None = None
) -> tuple[list[Any], bool]:
    """Tokens naming who does ``verb`` and whether the clause is passive (then these are recipients)."""
    if depth > 5:
        return [], False
    subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.pos_ != "SPACE"]
    if subj:
        if len(subj) == 1 and subj[0].lower_ in REPORTED_PRONOUNS and verb.dep_ in ("ccomp", "conj") and \
                index is not None and subj[0].i not in index.by_token and verb.head.pos_ in ("VERB", "AUX"):
            # "Ethiopia indicated it deplored Libya": "it" is the subject of the verb that reports
            outer, passive = subject_tokens(verb.head, words, depth + 1, index=index)
            if outer and not passive and any(t.i in index.by_token for t in outer):
                return outer, False
        # "Old foes Gondor and Osgiliath have ...": the parser may hang two subjects on the verb
        return [t for s in subj for t in conjuncts(s)], False
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if agent:
        pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
        if pobj:
            return conjuncts(pobj[0]), False
    head = verb.head
    if head.i == verb.i or crosses_line(verb, head):
        return [], False
    dep = verb.dep_
    if dep == "xcomp":
        # object control: "urged Russia to cooperate" - the object is the subject
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        if objs and head.lemma_.lower() in words.request:
            return conjuncts(objs[0]), False
        return subject_tokens(head, words, depth + 1, index=index)
    if dep in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if dep == "ccomp":
            return [], False
        return subject_tokens(head, words, depth + 1, index=index)
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "its willingness to host": the one willing; "the parade supporting X": the parade itself
        if dep == "acl" and head.lemma_.lower() in words.intent_noun:
            return noun_actor_tokens(head, words, depth + 1, index=index)
        if dep == "acl" and verb.tag_ == "VBN":
            return [], True  # "the group captured in the raid": the noun is who it was done to
        return [head], False
    if dep == "pcomp" and head.dep_ == "prep":
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN"):
            return noun_actor_tokens(owner, words, depth + 1, index=index)
        if owner.pos_ in ("VERB", "AUX"):
            return subject_tokens(owner, words, depth + 1, index=index)
    if dep in ("acomp", "prep", "advmod", "oprd") and head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
        return subject_tokens(head, words, depth + 1, index=index)
    if dep == "xcomp" or (dep == "pcomp" and head.pos_ in ("ADJ", "ADP", "ADV")):
        return subject_tokens(head, words, depth + 1, index=index)
    return [], False


def noun_actor_tokens(
    noun: Any,
    words: WordClasses,
    depth: int = 0,
    agent_preps: Sequence[str] = ("by",),
    index: ActorIndex | None = None,
) -> tuple[list[Any], bool]:
    """Who does an event noun: its possessor, a by/of agent, a modifier, else the light verb's subject."""
    for c in noun.children:
        if c.dep_ == "poss" and not (c.pos_ == "PRON" and index is not None and c.i not in index.by_token):
            return conjuncts(c), False
    for c in noun.rights:
        if c.dep_ in ("prep", "agent") and c.lower_ in agent_preps:
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj:
                return conjuncts(pobj[0]), False
    mods = [
        c for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN")
        and (index is None or any(t.i in index.by_token for t in c.subtree))
    ]
    if mods:
        return mods, False
    head = noun.head
    if head.i != noun.i and noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head, words, depth + 1, index=index)
    if head.i != noun.i and noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX") and \
            head.lower_ in EVENT_NOUN_PREPS:
        return subject_tokens(head.head, words, depth + 1, index=index)
    if head.i != noun.i and noun.dep_ == "conj":
        return noun_actor_tokens(head, words, depth + 1, agent_preps, index)
    return [], False


def map_actors(index: ActorIndex, toks: Iterable[Any], exclude: Iterable[Actor] = ()) -> tuple[list[Actor], float]:
    """The actors the slot tokens name (with the conjuncts and co-named actors that join them), and the
    lowest confidence factor among them."""
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
                    if child.dep_ in ("prep", "agent") and child.lower_ in LIST_OWNER_PREPS:
                        for obj in child.children:
                            for conj in obj.conjuncts:
                                more, c2 = index.actor_of(conj, excluded + out)
                                if more is not None and all(a.id != more.id for a in out):
                                    out.append(more)
    return out, conf


# ---------------------------------------------------------------------------------------------- the recipient
def recipient_tokens(
    trigger: Any, pattern: Pattern, index: ActorIndex, exclude: list[Actor], pset: PatternSet, words: WordClasses
) -> tuple[list[Actor], float]:
    """The recipients of the trigger's event (despite the name: actors, not tokens) and a confidence factor."""
    preps = pattern.rcp_preps or words.recipient_prep
    slots: list[list[Any]] = []
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if not is_noun:
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN"):
            slots.append(conjuncts(trigger.head))  # "fighters captured in Raqqa": the fighters
        for c in trigger.children:
            if c.dep_ in PASS_SUBJ_DEPS:
                slots.append(conjuncts(c))
        for c in trigger.children:
            if c.dep_ in ("dobj", "obj", "dative"):
                slots.append(conjuncts(c))
    # prepositional objects, in the pattern's order of preference
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj", "prt")]
    if is_noun and trigger.dep_ in ("dobj", "obj") and trigger.head.lemma_.lower() in words.light:
        holders.append(trigger.head)  # "wage war on X", "conduct airstrikes against X"
    preps_found: list[tuple[int, Any]] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for pobj in c.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        if c.lower_ in words.locative_prep and pobj.i in index.in_place:
                            continue
                        if pobj.lemma_.lower() in words.time_noun:
                            continue  # "at the time of the SDF offensive" says when, not to whom
                        preps_found.append((preps.index(c.lower_), pobj))
    preps_found.sort(key=lambda x: x[0])
    if pattern.rcp_preps:
        # the pattern names where its target is ("* THEIR ^ ABOUT +"): that comes before the object
        slots[:0] = [conjuncts(p) for _, p in preps_found]
    else:
        slots.extend(conjuncts(p) for _, p in preps_found)
    if not is_noun:
        # "X believes Y can cope", "X allowed that Y isn't ...": with no object, the target is Y
        for c in trigger.children:
            if c.dep_ == "ccomp":
                subj = [x for x in c.children if x.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS]
                if subj:
                    slots.append(conjuncts(subj[0]))
    uncoded: tuple[list[Actor], float] | None = None
    for toks in slots:
        actors, conf = map_actors(index, toks, exclude)
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
        scope = [t for t in region(trigger) if not _through_verb(t, trigger, pset)]
        if pattern.code and pattern.code[:2] in ("01", "02"):
            scope += [t for c in trigger.children if c.dep_ == "ccomp" for t in c.subtree]
        excluded = {a.id for a in exclude}
        for tok in scope:
            actor = index.by_token.get(tok.i)
            if actor is not None and actor.id not in excluded and not _coactor(tok, trigger, words) and (
                    tok.i not in index.in_place or not _locative(tok, words)):
                while tok.dep_ in ("compound", "flat") and index.by_token.get(tok.head.i) is actor:
                    tok = tok.head  # "Minas Tirith and Osgiliath": the coordination hangs on the name's head
                actors, conf = map_actors(index, conjuncts(tok), exclude)
                if actors:
                    return actors, conf * 0.85
        # "signed an accord to supply X": the object of a purpose infinitive that is no event itself
        for c in trigger.children:
            if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and not pset.get("V", c.lemma_.lower()) \
                    and to_marker(c) is not None:
                for obj in c.children:
                    if obj.dep_ in ("dobj", "obj", "dative") and obj.i not in index.in_place:
                        actors, conf = map_actors(index, conjuncts(obj), exclude)
                        if actors:
                            return actors, conf * 0.8
    return [], 1.0


def _through_verb(tok: Any, top: Any, pset: PatternSet) -> bool:
    """Whether an event verb stands between ``tok`` and ``top`` (then tok belongs to that verb's event)."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ == "VERB" and cur.dep_ in ("xcomp", "pcomp", "acl") and pset.get("V", cur.lemma_.lower()):
            return True
        cur = cur.head
    return False


def _coactor(tok: Any, top: Any, words: WordClasses) -> bool:
    """``tok`` sits in "in coordination with X", "together with X" or "alongside X" under ``top``: X acts
    with the actor, it is not the target."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        head = cur.head
        if head.dep_ == "prep" and (head.lower_ in words.coactor_prep or (
                head.lower_ == "with" and head.head.lemma_.lower() in words.coactor_head)):
            return True
        cur = head
    return False


def _locative(tok: Any, words: WordClasses) -> bool:
    """A place name that says where ("in Syria", "along the border"), not whose ("a vessel from Korea")."""
    cur = tok
    while cur.dep_ in ("compound", "appos", "conj", "amod") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj":
        return True
    return cur.head.lower_ in words.where_prep


# ---------------------------------------------------------------------------------------------- control
def control(cand: Candidate, index: ActorIndex, words: WordClasses, onto: Ontology) -> None:
    """Rewrite, in place, an event governed by a control verb ("refused to", "pledged to", "threatened to",
    "urged Y to") or an intent noun ("its commitment to")."""
    clause = cand.clause
    root = cand.cameo[:2]
    if clause.dep_ == "xcomp" and clause.head.pos_ in ("VERB", "AUX"):
        head = clause.head
        lem = head.lemma_.lower()
        if lem in words.reject:
            cand.cameo, cand.type_override = REJECT_CODES.get(root, "120"), None
            cand.rule += "+reject"
            cand.clause = head
            cand.aux.discard("hypothetical")
            return
        if lem in words.intent:
            cand.cameo = INTENT_CODES.get(root, cand.cameo)
            cand.type_override = onto.plover_type(cand.pattern.code or cand.cameo)
            cand.mode = "intent"
            cand.rule += "+intent"
            cand.clause = head
            return
        if lem in words.threat:
            cand.cameo = "138" if root in ("15", "18", "19", "20") else ("137" if root == "17" else "130")
            cand.type_override = None
            cand.rule += "+threat"
            cand.clause = head
            return
        if lem in words.request:
            cand.cameo = REQUEST_CODES.get(root, "020")
            cand.type_override = None
            cand.rule += "+request"
            subj, _ = subject_tokens(head, words, index=index)
            actors, _ = map_actors(index, subj)
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            recips, _ = map_actors(index, conjuncts(objs[0]) if objs else [], actors)
            cand.actors = actors
            cand.recipients = recips or [r for r in cand.recipients if r not in actors]
            cand.clause = head
            return
    if clause.dep_ in ("pcomp", "acl") or (clause.dep_ == "xcomp" and clause.head.pos_ == "NOUN"):
        owner = clause.head.head if clause.head.dep_ == "prep" else clause.head
        if owner.pos_ == "NOUN" and owner.lemma_.lower() in words.intent_noun:
            cand.cameo = INTENT_CODES.get(root, cand.cameo)
            cand.type_override = onto.plover_type(cand.pattern.code or cand.cameo)
            cand.mode = "intent"
            cand.rule += "+intent"
            if owner.head.pos_ in ("VERB", "AUX"):
                cand.clause = owner.head


# ---------------------------------------------------------------------------------------------- ellipsis
def fill_similar(cands: list[Candidate], words: WordClasses) -> None:
    """Ellipsis: "a similar visit by X" takes its recipient from the visit it is compared with."""
    for cand in cands:
        if cand.recipients or cand.trigger.pos_ != "NOUN":
            continue
        if not any(c.lemma_.lower() in words.similar for c in cand.trigger.lefts):
            continue
        for other in cands:
            if other is not cand and other.cameo == cand.cameo and other.recipients and \
                    other.trigger.i < cand.trigger.i:
                cand.recipients = [r for r in other.recipients if all(r.id != a.id for a in cand.actors)]
                cand.confidence *= 0.85
                cand.rule += "+ellipsis"
