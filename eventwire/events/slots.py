"""Who did it to whom: the event's actor and recipient slots, read from the parse and mapped to actors.

* ``ActorIndex``: token -> actor through the actors' mentions (with "the group"-style anaphora, the author
  of an act noun: "comments made by X"), and where the places are.
* ``subject_tokens`` / ``noun_actor_tokens``: who does a verb (through control, coordination, relative
  clauses, passives: the "by" agent, the means of an agentless passive "killed in an X airstrike"; a passive
  governor's subject does the inner act; "accused X of attacking": X) or an event noun (possessor unless
  it is who it was done to: "his arrest"; "by/of" agent, "the support of X for Y"; a modifier; the light
  verb's subject, or the clause's around "during talks with").
* ``recipient_tokens``: whom: passive subject, objects, the pattern's prepositions (also on the verb that
  carries the noun: "signed a deal with X"), PETRARCH's fallback; verbs of receiving invert ("received
  backing from X": X is the actor).
* Headlines: a participle with a subject is passive ("Teacher detained after protest"), a title-case line is
  read in word order ("Gondor Arrests Opposition Members"), a name hung on the verb is its subject.
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
    PAIR_WORDS,
    REPORTED_PRONOUNS,
    SHARE_PREPS,
    WordClasses,
)
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Pattern, PatternSet
from eventwire.events.syntax import (
    PASS_SUBJ_DEPS,
    SUBJ_DEPS,
    antecedent,
    bare_participle,
    conjuncts,
    crosses_line,
    dateline,
    headline,
    line_tokens,
    passive_subject,
    region,
    shared_passive,
    title_case,
    to_marker,
)

# CAMEO codes of a controlled event, by the CAMEO root (two digits) of the event the control verb governs
REJECT_CODES = {"03": "125", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}  # else 120
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}  # else the event's own
REQUEST_CODES = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}  # else 020

# The word classes the slot rules consult (verbs of receiving, charging, authorship; act, charge, patient,
# quantity and cognate nouns; stative passives) are rules: they live in data/core.ewp and come in as
# ``WordClasses``. What stays here are function words and word forms whose handling is the code itself:
UNDERGO_PREPS = ("from", "by")  # the giver of what an undergo verb's subject received
# a gerund after these prepositions on a verb with an object is the object's act: "accused X of attacking Y",
# "charged X with", "arrested X for", "thanked X for"; on a passive verb the passive subject's
CHARGE_PREPS = frozenset({"of", "for", "with"})
# the prepositions after a verb of charging (class charge_verb) that introduce the charged act ("charged in the
# abduction of X", "arrested for the murder of X", "wanted over the attack")
CHARGE_NOUN_PREPS = frozenset({"in", "for", "over", "with", "of"})
# the prepositions that hang a charge on an arrest ("arrested on charges of", "held over allegations")
ARREST_CHARGE_PREPS = frozenset({"on", "over", "under"})
# target prepositions the parser may hang on a nominal event's by-agent ("strikes by X on Y")
AGENT_HELD_TARGET_PREPS = frozenset({"on", "against"})
# "the organisations inside the Working Group", "factions within the coalition": the group's members
MEMBER_PREPS = frozenset({"inside", "within", "among"})
OPPOSED_PREFIXES = frozenset({"anti", "counter"})  # "anti-Assad forces" are not Assad's
# an event noun after these is part of the clause's event, so the clause's subject takes part in it
# ("said during a conversation with Y"); EVENT_NOUN_PREPS plus these
DURING_PREPS = frozenset({"during", "amid"})
# ... and after these too when the noun is a joint act ("told reporters after talks with Y")
JOINT_PREPS = frozenset({"after", "following", "before"})
# past participles that do not end in -ed, for title-case headlines ("17 Slain in Battle")
IRREGULAR_PARTICIPLES = frozenset({"slain", "shot", "held", "hit", "struck", "taken", "seized", "beaten", "stabbed",
                                   "freed", "driven", "thrown", "sent", "brought", "caught", "kept", "bound"})
LIST_PREPS = frozenset({"including", "like"})  # "leaders including X and Y" (and "such as"): the members named
# an agentless passive's means ("were killed in a PKK attack", "arrested in a police raid"): its actor
MEANS_PREPS = frozenset({"in", "during"})


class ActorIndex:
    """Token -> actor through the actors' mentions, with a fallback for "the group"-style anaphora."""

    def __init__(self, doc: Document, words: WordClasses, patterns: PatternSet | None = None) -> None:
        self.doc = doc
        self.words = words
        self.patterns = patterns  # to tell event nouns ("a bombing claimed by X") from people
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
        # per-document results other steps compute once for all the document's events (anchor: the
        # article's scene, the place mentions with facilities)
        self.memo: dict[str, Any] = {}
        self.place_by_token: dict[int, Place] = {}
        self.places: list[tuple[int, int, Place, int]] = []
        for place in doc.places:
            for m in place.mentions:
                pspan = sp.char_span(m.start, m.end, alignment_mode="expand")
                if pspan is None:
                    continue
                self.in_place.update(t.i for t in pspan)
                for t in pspan:
                    self.place_by_token.setdefault(t.i, place)
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
                    if act is not None and act.id not in excluded and not opposed(sub):
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
        author = self._author(head)
        if author is not None:
            act, conf = self.actor_of(author, exclude)
            if act is not None:
                return act, conf * 0.9
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in MEMBER_PREPS:  # "the organisations inside the Group"
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i not in self.in_place:
                        act, conf = self.actor_of(obj, exclude)
                        if act is not None:
                            return act, conf * 0.8
        if head.lemma_.lower() in self.anaphors and head.pos_ in ("NOUN", "PROPN") and \
                not any(c.dep_ == "nummod" for c in head.children):  # "the 120 organisations" are new
            return self._anaphor(head, excluded)
        return None, 0.0

    def place_target(self, head: Any) -> Actor | None:
        """The place a slot names when no actor is named there ("shelled the Kurdish enclave of Afrin",
        "an attack on Mosul"), as the party its country codes: a target of force can be a place (PLOVER and
        CAMEO code it by its country). Its id is the place's, and it has no mentions of its own."""
        # the head, a name it is compounded with or stands beside, or "the city of X"
        near = [head] + [c for c in head.children if c.dep_ in ("compound", "appos", "nmod")]
        near += [x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                 if x.dep_ == "pobj"]
        for tok in near:
            place = self.place_by_token.get(tok.i)
            if place is not None and place.country and tok.i not in self.by_token:
                return Actor.model_construct(id=place.id, name=place.name, country=place.country, sector=None,
                                             code=place.country, kb_id=None, role="place", former=False,
                                             mentions=[])
        return None

    def _author(self, head: Any) -> Any | None:
        """The "by" agent of an act noun's participle: "a bombing claimed by X", "comments made by X"."""
        if head.pos_ != "NOUN":
            return None
        lemma = head.lemma_.lower()
        if lemma not in self.words.act_noun and not (self.patterns is not None and self.patterns.get("N", lemma)):
            return None
        for acl in head.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in self.words.author_verb:
                for agent in acl.children:
                    if agent.dep_ == "agent":
                        return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None

    def pair_of(self, head: Any, exclude: Iterable[Actor] = ()) -> list[Actor]:
        """"The two leaders agreed", "both countries": the last two people (or states) named in this or the
        two sentences before, in the order named; none when fewer than two are there."""
        word = head.lemma_.lower()
        person, state = word in self.words.pair_person, word in self.words.pair_state
        if head.tag_ not in ("NNS", "NNPS") or not (person or state) or not any(
                c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")
                for c in head.children):
            return []
        sent = head.sent
        first = sent.start
        for _ in range(2):
            if first > 0:
                first = head.doc[first - 1].sent.start
        window_start = head.doc[first].idx
        excluded = {a.id for a in exclude}
        found: list[Actor] = []
        for start, end, actor in reversed(self.mentions):  # (sorted by start: the latest first)
            if start < window_start or end > head.idx or actor.id in excluded or not actor.country:
                continue
            kb = actor.kb_id or ""
            if (person and not kb.startswith(PERSON_KB_PREFIXES)) or (state and not kb.startswith(STATE_KB_PREFIXES)):
                continue
            if all(a.id != actor.id for a in found):
                found.append(actor)
            if len(found) == 2:
                return found[::-1]
        return []

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


# the knowledge-base ids of people and of states ("the two leaders", "both countries": ActorIndex.pair_of)
PERSON_KB_PREFIXES = ("officials:",)
STATE_KB_PREFIXES = ("country:",)


# ---------------------------------------------------------------------------------------------- the actor
def subject_tokens(
    verb: Any, words: WordClasses, depth: int = 0, index: ActorIndex | None = None, via_noun: bool = False
) -> tuple[list[Any], bool]:
    """Tokens naming who does ``verb`` and whether the clause is passive (then these are recipients).
    ``via_noun``: asked for an event noun the verb governs ("arrested in a police raid"), whose doer is the
    verb's agent, where an inner verb's ("was forced to withdraw") is its passive subject."""
    if depth > 5:
        return [], False
    if index is not None and verb.pos_ != "VERB" and headline_verb(verb, index.patterns):
        subj, _, participle = headline_slots(verb, index)
        return ([], True) if participle else (subj, False)
    subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.pos_ != "SPACE" and not dateline(c)]
    if not subj and verb.tag_ in ("VBD", "VBZ", "VBP"):
        subj = _misparsed_subject(verb)
    if subj and bare_participle(verb):
        # "Councilwoman arrested after ...": a headline's passive, its subject is the recipient; an inner act
        # ("Man charged with attacking Y") is the subject's, as with any passive governor below
        if via_noun:
            return [], True  # "Boromir wounded in a clash": not the clash's actor
        if depth > 0:
            return conjuncts(subj[0]), False
        means = means_actor(verb, index)
        return means, not means
    if subj:
        if len(subj) == 1 and subj[0].lower_ in REPORTED_PRONOUNS and verb.dep_ in ("ccomp", "conj") and \
                index is not None and subj[0].i not in index.by_token and verb.head.pos_ in ("VERB", "AUX"):
            # "Ethiopia indicated it deplored Libya": "it" is the subject of the verb that reports
            outer, passive = subject_tokens(verb.head, words, depth + 1, index=index)
            if outer and not passive and any(t.i in index.by_token for t in outer):
                return outer, False
        # "Old foes Gondor and Osgiliath have ...": the parser may hang two subjects on the verb; a relative
        # pronoun stands for its noun ("the YPG, which led the campaign")
        return [t for s in subj for t in conjuncts(antecedent(s))], False
    if depth > 0 and not via_noun:
        # a passive governor's subject does the inner act: "X was forced to withdraw", "X is expected to meet
        # Y", "X was arrested after attacking Y", "X is accused of stabbing Y"
        undergoer = passive_subject(verb)
        if undergoer:
            return undergoer, False
    if passive_subject(verb) or implicit_passive(verb):
        hands = hands_of(verb)
        if hands:
            return hands, False  # "was killed at the hands of X": X's act, as a "by" agent
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if not agent and passive_subject(verb) and index is not None:
        # "X was persuaded to wait by Y": the parser hangs the passive's "by" phrase on its infinitive
        agent = [b for x in verb.children if x.dep_ == "xcomp" for b in x.children
                 if b.dep_ in ("prep", "agent") and b.lower_ == "by" and any(
                     t.i in index.by_token for c in b.children if c.dep_ == "pobj" for t in c.subtree)]
    if agent:
        pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
        if pobj:
            return conjuncts(pobj[0]), False
    if verb.lemma_.lower() in words.stative_passive and passive_subject(verb):
        return passive_subject(verb), False  # "were engaged in attacking X": they attack
    if via_noun and implicit_passive(verb):
        return [], True  # "is believed to have been killed in a strike": the one killed did not strike
    if depth == 0 and implicit_passive(verb):
        # "taken to Raqqa after being injured", "wasn't kidnapped, now is charged": a passive whose subject
        # is shared with the clause it hangs on; that subject is the recipient, the means the actor
        means = means_actor(verb, index)
        return means, not means
    if passive_subject(verb) and not via_noun:
        # "offices were raided": no actor, whatever the clause it is joined to says; unless the means says
        # whose act it was ("were killed in a PKK attack")
        means = means_actor(verb, index)
        return means, not means
    head = verb.head
    if head.i == verb.i or crosses_line(verb, head):
        return _headline_subject(verb), False
    dep = verb.dep_
    if shared_passive(verb) is not None:
        # "was attacked by X and set on fire", "was arrested and charged": the conjuncts share the passive,
        # and its agent
        agent = [c for c in head.children if c.dep_ == "agent"]
        pobj = [c for a in agent for c in a.children if c.dep_ == "pobj"]
        return (conjuncts(pobj[0]) if pobj else []), False
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
            # "the group captured in the raid": the noun is who it was done to; "civilians killed in a
            # Gondor airstrike": the airstrike's actor did it
            means = [] if via_noun else means_actor(verb, index)
            return means, not means
        return [head], False
    if dep in ("pcomp", "pobj") and head.dep_ == "prep":  # a gerund after a preposition ("for fighting")
        owner = head.head
        charge = head.lower_ in CHARGE_PREPS
        if owner.pos_ in ("NOUN", "PROPN"):
            undergone = owner.dep_ in ("dobj", "obj") and owner.head.lemma_.lower() in words.undergo
            if charge and (owner.lemma_.lower() in words.charge_noun or undergone):
                # "arrested on suspicion of attacking Y": the arrested one; "drew criticism for attacking Y"
                charged = _charged(owner, words, depth, index)
                if charged:
                    return charged, False
            return noun_actor_tokens(owner, words, depth + 1, index=index)
        if owner.pos_ in ("VERB", "AUX"):
            objs = [c for c in owner.children if c.dep_ in ("dobj", "obj") and not _act_noun(c, index, words)]
            if charge and objs and owner.lemma_.lower() not in words.undergo:
                return conjuncts(objs[0]), False  # "accused X of attacking Y", "thanked X for helping"
            return subject_tokens(owner, words, depth + 1, index=index)
    if dep in ("acomp", "prep", "advmod", "oprd") and head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
        return subject_tokens(head, words, depth + 1, index=index)
    if dep == "xcomp" or (dep == "pcomp" and head.pos_ in ("ADJ", "ADP", "ADV")):
        return subject_tokens(head, words, depth + 1, index=index)
    return [], False


def _misparsed_subject(verb: Any) -> list[Any]:
    """The subject of a finite verb the parser left without one, where news syntax misleads it:
    "In September Turkey persuaded Russia" ("September Turkey" read as one noun of the fronted phrase), "At
    one point Ja'afari accused X" (the name hung in the fronted phrase), "UK ministers, habitually inclined to
    keep quiet, openly criticised X" (the subject given to the participial aside)."""
    prev = verb.i - 1
    while prev >= 0 and verb.doc[prev].dep_ == "advmod" and verb.doc[prev].head.i == verb.i:
        prev -= 1
    for child in verb.lefts:
        if child.dep_ == "prep" and prev >= 0 and child.i <= prev:
            name = verb.doc[prev]
            if name.pos_ == "PROPN" and name.ent_type_ not in ("DATE", "TIME") and child.is_ancestor(name) and (
                    name.dep_ != "pobj" or any(c.dep_ == "compound" and c.ent_type_ in ("DATE", "TIME")
                                               for c in name.lefts)):
                return [name]
        if _subject_aside(child):
            subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i]
            return conjuncts(subj[0])
    return []


def _subject_aside(clause: Any) -> bool:
    """A participial aside the parser made a clause of its own, with the main verb's subject as its subject:
    "UK ministers, habitually inclined to keep quiet, criticised X" ("ministers" hung on "inclined")."""
    return clause.dep_ in ("ccomp", "advcl") and clause.i < clause.head.i and clause.pos_ in ("ADJ", "VERB") \
        and clause.tag_ in ("JJ", "VBN") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i
                                                 for c in clause.children)


def implicit_passive(verb: Any) -> bool:
    """A passive verb with no subject of its own ("after being injured", "and is charged"), whose subject
    is the governing clause's; a bare past participle complement is one too ("appeared in court charged with
    theft", "got arrested"; not "has attacked X and killed Y", a conjunct sharing an auxiliary)."""
    kids = list(verb.children)
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS or c.dep_ == "agent" for c in kids):
        return False
    if any(c.dep_ == "auxpass" for c in kids):
        return verb.dep_ in ("conj", "advcl", "pcomp", "xcomp")
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "xcomp") and not any(c.dep_ == "aux" for c in kids)


def means_actor(verb: Any, index: ActorIndex | None) -> list[Any]:
    """Who did an agentless passive, when an event noun says by what means: the noun's possessor, "by"
    agent or modifier ("were killed in a PKK attack", "were arrested in a police raid")."""
    if index is None:
        return []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEANS_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or not _act_noun(noun, index, index.words):
                continue
            for c in noun.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i):
                    if any(t.i in index.by_token for t in c.subtree):
                        return [c]
                if c.dep_ in ("prep", "agent") and c.lower_ in UNDERGO_PREPS:
                    return [x for x in c.children if x.dep_ == "pobj"][:1]
    return []


def means_of(noun: Any) -> list[Any]:
    """Whom an event noun was done to when it is the means or agent of a passive ("44 people were killed in
    an attack", "by an airstrike"): the passive subject."""
    if noun.dep_ != "pobj" or not (noun.head.lower_ in MEANS_PREPS or noun.head.dep_ == "agent"):
        return []  # "were killed in an attack", "were killed by an airstrike"
    verb = noun.head.head
    return passive_subject(verb) if verb.pos_ == "VERB" else []


def headline_verb(tok: Any, pset: PatternSet | None) -> bool:
    """A title-case headline's verb that the tagger took for a name ("Gondor Arrests Opposition Members",
    "Eight Plotters Detained in Arnor"): a capitalised verb form with verb patterns, inside the line."""
    if pset is None or tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title or not headline(tok):
        return False
    line = line_tokens(tok)
    if tok.i in (line[0].i, line[-1].i) or not title_case(tok):
        return False
    # the first verb-like word of the line, and not inside a prepositional phrase ("on Arms Charges")
    first = next((t for t in line[1:-1] if _verb_form(t, pset)), None)
    return first is not None and first.i == tok.i and tok.doc[tok.i - 1].pos_ not in ("ADP", "DET")


def _verb_form(tok: Any, pset: PatternSet) -> bool:
    """A capitalised word that is an inflected verb with patterns ("Arrests", "Detained", "Slain")."""
    if not tok.is_title or tok.pos_ not in ("PROPN", "NOUN", "VERB"):
        return False
    low = tok.lower_
    if low in IRREGULAR_PARTICIPLES:
        return True
    stems = [low[:-1], low[:-2]] if low.endswith("s") else [low[:-2], low[:-1]] if low.endswith("ed") else []
    return any(pset.get("V", stem) for stem in stems if len(stem) > 2)


def headline_slots(verb: Any, index: ActorIndex) -> tuple[list[Any], list[Any], bool]:
    """A title-case headline read in word order, since its parse cannot be trusted: the name before the verb,
    the name after it (up to a preposition), and whether the verb is a participle with nothing after it
    (then the name before is who it was done to)."""
    line = line_tokens(verb)
    left = [t for t in line if t.i < verb.i]
    right: list[Any] = []
    for t in line:
        if t.i <= verb.i:
            continue
        if t.pos_ in ("ADP", "PUNCT", "SCONJ") or t.lower_ in ("on", "in", "at", "after", "over", "for"):
            break
        right.append(t)

    def pick(toks: list[Any], last: bool) -> list[Any]:
        named = [t for t in toks if t.i in index.by_token]
        nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
        pool = named or nouns
        return [pool[-1] if last else pool[0]] if pool else []

    low = verb.lower_
    participle = (low.endswith("ed") or low in IRREGULAR_PARTICIPLES) and not any(
        t.pos_ in ("NOUN", "PROPN", "NUM") for t in right)
    return pick(left, True), pick(right, not any(t.i in index.by_token for t in right)), participle


def _harmed(noun: Any) -> list[list[Any]]:
    """Whom an act of force was aimed at, as its purpose says ("an offensive to oust X", "launched a campaign
    in Afrin in an effort to drive out X")."""
    out: list[list[Any]] = []
    carriers = [noun] + ([noun.head] if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" else [])
    for carrier in carriers:
        for purpose in carrier.children:
            if purpose.dep_ in ("acl", "advcl", "xcomp") and purpose.pos_ == "VERB" and \
                    to_marker(purpose) is not None:
                out += [conjuncts(c) for c in purpose.children if c.dep_ in ("dobj", "obj")]
            if purpose.dep_ == "prep" and purpose.lower_ == "in":  # "in an effort / a bid to drive out X"
                for aim in purpose.children:
                    for verb in aim.children:
                        if verb.dep_ == "acl" and verb.pos_ == "VERB" and to_marker(verb) is not None:
                            out += [conjuncts(c) for c in verb.children if c.dep_ in ("dobj", "obj")]
    return out


def forceful(pattern: Pattern) -> bool:
    """A pattern coding force (CAMEO 14-20: protest, force posture, coercion, assault), whose object may name
    the act itself ("fought an insurgency"); a verbal act on an attack ("condemned an attack by X") targets it."""
    code = pattern.code or pattern.reverse or ""
    return code[:2] in ("14", "15", "17", "18", "19", "20")


def visiting(pattern: Pattern) -> bool:
    """A pattern coding a visit (CAMEO 042 make a visit, 043 host a visit)."""
    code = pattern.code or pattern.reverse or ""
    return code[:3] in ("042", "043")


def _cognate(obj: Any, words: WordClasses) -> bool:
    """An object that names the act itself ("fought an insurgency against X", "waged a war on X")."""
    return obj.pos_ == "NOUN" and obj.lemma_.lower() in words.cognate_object


def _act_noun(tok: Any, index: ActorIndex | None, words: WordClasses) -> bool:
    """A noun that names an act ("drew criticism for", "launched an investigation for"), not a party."""
    if tok.pos_ != "NOUN" or (index is not None and tok.i in index.by_token):
        return False
    lemma = tok.lemma_.lower()
    return lemma in words.act_noun or (index is not None and index.patterns is not None and
                                  bool(index.patterns.get("N", lemma)))


def _headline_subject(verb: Any) -> list[Any]:
    """A name the parser hung on a headline's verb as a modifier ("Turkey shells Syrian city")."""
    if verb.pos_ != "VERB":
        return []
    mods = [c for c in verb.lefts if c.dep_ in ("compound", "nmod", "npadvmod") and c.pos_ in ("PROPN", "NOUN")]
    return conjuncts(mods[-1]) if mods else []


def _charged_by(verb: Any, words: WordClasses, depth: int, index: ActorIndex | None) -> list[Any]:
    """Who a verb of charging charges: its object, its passive subject, or the noun its participle
    qualifies ("a man charged in ...")."""
    if verb.pos_ != "VERB":
        return []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if objs:
        return conjuncts(objs[0])
    undergoer = passive_subject(verb)
    if undergoer:
        return undergoer
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(verb.head)
    if implicit_passive(verb):
        return subject_tokens(verb, words, depth + 1, index=index)[0]
    return []


def _charged(noun: Any, words: WordClasses, depth: int, index: ActorIndex | None) -> list[Any]:
    """Who a charge noun is against: the object or passive subject of the verb it hangs on ("police arrested X
    on suspicion of", "X was held on charges of"), else that verb's subject ("X faces charges of")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i != noun.i]
    if objs:
        return conjuncts(objs[0])
    undergoer = passive_subject(verb)
    if undergoer:
        return undergoer
    return subject_tokens(verb, words, depth + 1, index=index)[0]


def opposed(tok: Any) -> bool:
    """A name after "anti-" ("anti-Assad forces"): the phrase names the other side."""
    doc = tok.doc
    i = tok.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in OPPOSED_PREFIXES:
        return True
    low = tok.lower_
    return any(low.startswith(p + "-") for p in OPPOSED_PREFIXES)


def undergoes(verb: Any, pset: PatternSet) -> bool:
    """Whether the verb's subject undergoes the event noun it takes as object ("received backing from X",
    "faced criticism from X"): then the giver is the actor and the subject the recipient."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in pset.words("undergo"):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and pset.get("N", c.lemma_.lower())
               for c in verb.children)


def noun_actor_tokens(
    noun: Any,
    words: WordClasses,
    depth: int = 0,
    agent_preps: Sequence[str] = ("by",),
    index: ActorIndex | None = None,
    rcp_preps: Sequence[str] = (),
    joint: bool = False,
) -> tuple[list[Any], bool]:
    """Who does an event noun: its possessor, a by/of agent, a modifier, else the light verb's subject.
    ``rcp_preps``: the noun's recipient prepositions (its pattern's), to read "the support of X for Y";
    ``joint``: a joint act (talks, a meeting), whose participants are also whoever acts around it."""
    for c in noun.children:
        if c.dep_ == "poss" and not (c.pos_ == "PRON" and index is not None and c.i not in index.by_token):
            if patient_possessor(noun, words):
                continue  # "his arrest": the one arrested
            return conjuncts(c), False
    for c in noun.rights:
        if c.dep_ in ("prep", "agent") and c.lower_ in agent_preps:
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj:
                return conjuncts(pobj[0]), False
    misattached = _by_agent_of_object(noun, agent_preps) or hands_of(noun)
    if misattached:
        return misattached, False
    share = _share_holder(noun, words, depth, index)
    if share:
        return share, False
    of_agent = _of_agent(noun, rcp_preps, words)
    if of_agent:
        return of_agent, False
    mods = [
        c for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod") and (c.pos_ in ("PROPN", "ADJ", "NOUN") or c.tag_ == "VBN")
        and (index is None or any(t.i in index.by_token for t in c.subtree))
    ]
    if mods:
        return mods, False
    if noun.dep_ == "compound" and headline(noun):
        # "Police arrest teacher after protest", parsed as one noun: the name before the event is its actor
        before = [c for c in noun.head.lefts if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod")]
        if before:
            return [before[-1]], False
    head = noun.head
    if head.i != noun.i and noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in words.undergo:
        # "received backing from X", "suffered defeats at the hands of X": the giver, not the one who received it
        hands = hands_of(head)
        if hands:
            return hands, False
        for c in head.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in UNDERGO_PREPS:
                pobj = [x for x in c.children if x.dep_ == "pobj"]
                if pobj:
                    return conjuncts(pobj[0]), False
        return [], False
    if head.i != noun.i and noun.dep_ in ("dobj", "obj") and (head.lemma_.lower() in words.observe or (
            head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in words.carrier)):
        # "witnessed the attack", "condemned the deal", "police smashed opposition protests": the subject
        # did not do it; only a verb that carries the act ("launched an attack") names its doer
        return [], False
    if head.i != noun.i and noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head, words, depth + 1, index=index, via_noun=True)
    if noun.dep_ == "pobj" and head.lower_ in CHARGE_NOUN_PREPS and head.head.lemma_.lower() in words.charge_verb:
        # "charged in the abduction of X", "arrested for the murder of X": the charged one did it
        charged = _charged_by(head.head, words, depth, index)
        if charged:
            return charged, False
    arrest = arrest_charge(noun, words)
    if arrest is not None:
        return subject_tokens(arrest, words, depth + 1, index=index, via_noun=True)
    if head.i != noun.i and noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX") and (
            head.lower_ in EVENT_NOUN_PREPS or head.lower_ in DURING_PREPS or (joint and head.lower_ in JOINT_PREPS)):
        return subject_tokens(head.head, words, depth + 1, index=index, via_noun=True)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i and (
            head.head.lemma_.lower() in words.quantity_noun or (joint and head.head.lemma_.lower() in words.time_noun)):
        # "launched hundreds of airstrikes", "after two days of talks with Y": the events stand where their
        # measure does
        return noun_actor_tokens(head.head, words, depth + 1, (), index, (), joint)
    if head.i != noun.i and noun.dep_ == "conj":
        return noun_actor_tokens(head, words, depth + 1, agent_preps, index)
    return [], False


def arrest_charge(noun: Any, words: WordClasses) -> Any | None:
    """The arrest a charge hangs on, if any: "arrested X on charges of Y", "detained over terrorism charges"
    (the parser may hang the charge on the one arrested). The charge is an accusation by whoever made the
    arrest, against whoever was arrested."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ARREST_CHARGE_PREPS or noun.lemma_.lower() not in words.charge_noun:
        return None
    verb = head.head
    if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "obj", "nsubjpass"):
        verb = verb.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in words.charge_verb else None


def _by_agent_of_object(noun: Any, agent_preps: Sequence[str]) -> list[Any]:
    """"the bombardment of the enclave by Russian planes": the parser hangs the agent on the object of "of";
    the agent of the event noun is still the "by" phrase."""
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for c in obj.rights:
                if c.dep_ in ("prep", "agent") and c.lower_ in agent_preps:
                    pobj = [x for x in c.children if x.dep_ == "pobj"]
                    if pobj:
                        return conjuncts(pobj[0])
    return []


def hands_of(tok: Any) -> list[Any]:
    """The X of "at the hands of X" on ``tok``: who did the act ("killed at the hands of Houthi rebels")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "at":
            for hand in c.children:
                if hand.dep_ == "pobj" and hand.lower_ == "hands":
                    for of in hand.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            pobj = [x for x in of.children if x.dep_ == "pobj"]
                            if pobj:
                                return conjuncts(pobj[0])
    return []


def _share_holder(noun: Any, words: WordClasses, depth: int, index: ActorIndex | None) -> list[Any]:
    """Who the text gives a part in an act: "Russia's role in the bombardment", "X claimed responsibility for
    the attack", "X was responsible for the attack", "held X responsible for it". A part denied ("denied
    involvement in") or not claimed ("did not claim") names no one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SHARE_PREPS:
        return []
    holder = prep.head
    if holder.lemma_.lower() not in words.share and holder.lower_ not in words.share:
        return []
    poss = [c for c in holder.children if c.dep_ == "poss"]
    if poss:
        return conjuncts(poss[0])
    gov = holder.head
    if gov.i == holder.i or any(c.dep_ == "neg" for c in gov.children):
        return []
    if holder.dep_ == "acomp" or (holder.dep_ in ("dobj", "obj") and gov.lemma_.lower() in words.share_claim):
        subj, passive = subject_tokens(gov, words, depth + 1, index=index)
        return [] if passive else subj
    if holder.dep_ == "oprd":
        objs = [c for c in gov.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        return conjuncts(objs[0]) if objs else []
    return []


def patient_possessor(noun: Any, words: WordClasses) -> bool:
    """"his arrest", "Khashoggi's murder": the possessor of these nouns is who it was done to, unless an
    "of" phrase names that ("the regime's killing of protesters")."""
    if noun.lemma_.lower() not in words.patient_noun:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" and any(x.dep_ == "pobj" for x in c.children)
                   for c in noun.children)


def _of_agent(noun: Any, rcp_preps: Sequence[str], words: WordClasses) -> list[Any]:
    """"the support of X for Y": when a noun whose recipient may follow "of" has its recipient after another
    of its prepositions, the "of" phrase names the actor."""
    if "of" not in rcp_preps:
        return []
    of_obj = next((x for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
                   for x in c.children if x.dep_ == "pobj"), None)
    if of_obj is None:
        return []
    # the other preposition on the noun after "of X", or (as the parser often has it) on X
    holders = [c for c in noun.rights if c.i > of_obj.i] + list(of_obj.rights)
    other = any(c.dep_ == "prep" and c.lower_ != "of" and c.lower_ in rcp_preps and c.lower_ not in words.where_prep
                and any(x.dep_ == "pobj" for x in c.children) for c in holders)
    return conjuncts(of_obj) if other else []


def map_actors(index: ActorIndex, toks: Iterable[Any], exclude: Iterable[Actor] = ()) -> tuple[list[Actor], float]:
    """The actors the slot tokens name (with the conjuncts and co-named actors that join them), and the
    lowest confidence factor among them."""
    out: list[Actor] = []
    conf = 1.0
    excluded = list(exclude)
    for tok in toks:
        actor, c = index.actor_of(tok, excluded + out)
        if actor is None or (actor.kb_id is None and not actor.country):
            pair = index.pair_of(tok, excluded + out)
            if pair:  # "the two leaders agreed": the two just named
                out.extend(pair)
                conf = min(conf, 0.8)
                continue
        # "US, British and French forces", "Russian and Syrian planes": each coordinated national modifier
        # names a party of its own, whether or not the head noun is an actor
        for named in _coordinated_modifiers(index, tok):
            if all(a.id != named.id for a in out + excluded) and (actor is None or named.id != actor.id):
                out.append(named)
        listed = _listed(tok)
        if listed and actor is not None and actor.kb_id is None and not actor.country:
            # "world leaders including X, Y and Z", "powers such as X": the named members, not the group
            members, c2 = map_actors(index, listed, excluded + out)
            if members:
                out.extend(a for a in members if all(a.id != o.id for o in out))
                conf = min(conf, c2)
                continue
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


def _coordinated_modifiers(index: ActorIndex, tok: Any) -> list[Actor]:
    """The actors with a country that a noun's modifiers name, when the modifiers are a coordination ("US,
    British and French forces"); a single modifier ("US-led coalition") is left to the actor stage."""
    mods = [m for m in tok.lefts if m.dep_ in ("nmod", "amod", "compound")]
    if not any(m.conjuncts for m in mods):
        return []
    out: list[Actor] = []
    for mod in mods:
        for m in (mod, *mod.conjuncts):
            actor = index.by_token.get(m.i)
            if actor is not None and actor.country and all(a.id != actor.id for a in out):
                out.append(actor)
    return out


def _participle_owner(noun: Any, words: WordClasses) -> list[Any]:
    """Who a participle hung on ``noun`` describes: the noun ("fighters captured in Raqqa"), unless the noun
    only says where the clause happens and its verb has a subject ("X appeared in court charged with theft":
    X was charged, the parser hung "charged" on "court")."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in words.locative_prep | {"at"} and prep.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in prep.head.children if c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS]
        if subj:
            return conjuncts(subj[0])
    return conjuncts(noun)


def _listed(tok: Any) -> list[Any]:
    """The members a noun lists with "including", "like" or "such as" ("leaders including X and Y")."""
    for prep in tok.rights:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in LIST_PREPS or (prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"):
            return [t for c in prep.children if c.dep_ == "pobj" for t in conjuncts(c)]
    return []


# ---------------------------------------------------------------------------------------------- the recipient
def recipient_tokens(
    trigger: Any, pattern: Pattern, index: ActorIndex, exclude: list[Actor], pset: PatternSet, words: WordClasses
) -> tuple[list[Actor], float]:
    """The recipients of the trigger's event (despite the name: actors, not tokens) and a confidence factor."""
    preps = pattern.rcp_preps or words.recipient_prep
    slots: list[list[Any]] = []
    holders_extra: list[Any] = []
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if is_noun and headline_verb(trigger, pset):
        subj, obj, participle = headline_slots(trigger, index)
        slots.append(subj if participle else obj)  # "Gondor Arrests Opposition Members": the members
        is_noun = False
    if not is_noun:
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN"):
            slots.append(_participle_owner(trigger.head, words))  # "fighters captured in Raqqa": the fighters
        undergoer = passive_subject(trigger)  # "X was arrested", the headline's "X arrested"
        if undergoer and trigger.lemma_.lower() not in words.stative_passive:
            slots.append(undergoer)
        elif implicit_passive(trigger):
            slots.append(subject_tokens(trigger, words, 1, index=index)[0])  # "after being injured": who was
        elif shared_passive(trigger) is not None:
            slots.append(passive_subject(trigger.head))  # "was arrested and charged with arson": who was
        for c in trigger.children:
            if c.dep_ in ("dobj", "obj", "dative") and not (_cognate(c, words) and (
                    forceful(pattern) or trigger.lemma_.lower() in words.light | {"fight"})):
                slots.append(conjuncts(c))  # not "fought an insurgency against X": its target is X
    else:
        for c in trigger.children:
            if c.dep_ == "poss" and patient_possessor(trigger, words):
                slots.append(conjuncts(c))  # "his arrest"
        if trigger.dep_ == "compound" and headline(trigger) and trigger.head.i > trigger.i:
            # "Police arrest teacher after protest", parsed as one noun: the head it modifies is the target
            head = trigger.head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            slots.append([head])
        verb = arrest_charge(trigger, words)
        if verb is not None:
            arrested = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            slots.append(conjuncts(arrested[0]) if arrested else passive_subject(verb) or [])
        for acl in trigger.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in words.author_verb:
                holders_extra.append(acl)  # "US sanctions imposed on Russia"
        head = trigger.head
        if trigger.dep_ in ("dobj", "obj") and head.lemma_.lower() in words.undergo:
            subj = [c for c in head.children if c.dep_ in SUBJ_DEPS]
            if subj:
                slots.append(conjuncts(subj[0]))  # "X received backing from Y": X
    # prepositional objects, in the pattern's order of preference
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj", "prt")] + holders_extra
    if is_noun and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB" and \
            trigger.head.lemma_.lower() not in words.undergo:
        # "wage war on X", "conduct airstrikes against X", "signed the deal with X": the verb only carries
        # the noun's event (had it its own, the noun would not be coded)
        holders.append(trigger.head)
    late_holder: Any = None
    if is_noun and trigger.dep_ == "pobj" and trigger.head.lower_ in EVENT_NOUN_PREPS and \
            trigger.head.head.pos_ == "VERB":
        # "played a role in Turkey's assault on Afrin": the parser hangs "on Afrin" on the verb
        late_holder = trigger.head.head
        holders.append(late_holder)
    of_agent = _of_agent(trigger, pattern.rcp_preps, words) if is_noun else []
    if of_agent:
        holders.append(of_agent[0])  # "the support of X for Y": Y, wherever the parser hung "for"
    # "airstrikes by US and French forces on Syrian regime targets": the parser hangs the target's "on" on
    # the by-agent; from there only a target preposition counts
    by_agents = {a.i for c in trigger.children if is_noun and c.dep_ == "prep" and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj" for a in conjuncts(p)}
    holders.extend(trigger.doc[i] for i in sorted(by_agents))
    preps_found: list[tuple[int, Any]] = []
    # "was charged with five felonies", "arrested for the murder": what a verb of charging's own prepositions
    # name is the charge, not who is charged (unless the pattern itself names the preposition)
    charge_preps = CHARGE_NOUN_PREPS - set(pattern.rcp_preps or ()) \
        if not is_noun and trigger.lemma_.lower() in words.charge_verb else frozenset()
    for holder in holders:
        for c in holder.children:
            if of_agent and c.lower_ == "of" and holder.i == trigger.i:
                continue
            if holder.i == trigger.i and c.lower_ in charge_preps:
                continue
            if late_holder is not None and holder.i == late_holder.i and c.i < trigger.i:
                continue
            if holder.i in by_agents and c.lower_ not in AGENT_HELD_TARGET_PREPS:
                continue
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
    if is_noun:
        slots.append(means_of(trigger))  # "44 people were killed in an attack": the 44
        if forceful(pattern):
            slots.extend(_harmed(trigger))  # "an offensive to oust X"
    else:
        # "X believes Y can cope", "X allowed that Y isn't ...": with no object, the target is Y
        for c in trigger.children:
            if c.dep_ == "ccomp" and not _subject_aside(c):
                subj = [x for x in c.children if x.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS]
                if subj:
                    slots.append(conjuncts(subj[0]))
    uncoded: tuple[list[Actor], float] | None = None
    for toks in slots:
        actors, conf = map_actors(index, toks, exclude)
        if actors and (not any(a.code for a in actors) or (toks and _only_where(toks[0], index))):
            # a name the dictionaries do not know ("celebrated Iftar ... with the leaders of Gondor"), or a
            # topic placed somewhere ("discussed developments in Syria with X"): a later slot is likelier
            uncoded = uncoded or (actors, conf)
            continue
        if actors:
            return actors, conf
    if uncoded is not None:
        return uncoded
    if forceful(pattern) or visiting(pattern):
        # force on a place: "shelled the city of Afrin", "an attack on Mosul" (not "in Syria": that says where);
        # a visit to a place is to its country ("during a trip to Athens", as "visited Syria" is)
        for toks in slots:
            for tok in toks[:1]:
                place = index.place_target(tok)
                if place is not None and all(place.country != a.country or a.sector for a in exclude):
                    return [place], 0.8
    if not is_noun:
        # PETRARCH's rule of last resort: the first actor inside the verb's own phrase
        # ("welcomed the resumption of ties with X", "marched close to the border with X")
        scope = [t for t in region(trigger) if not _through_verb(t, trigger, pset)]
        if pattern.code and pattern.code[:2] in ("01", "02"):
            scope += [t for c in trigger.children if c.dep_ == "ccomp" for t in c.subtree]
        excluded = {a.id for a in exclude}
        for tok in scope:
            actor = index.by_token.get(tok.i)
            if actor is not None and actor.id not in excluded and not _coactor(tok, trigger, words) and \
                    not opposed(tok) and (
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


def _only_where(head: Any, index: ActorIndex) -> bool:
    """A slot head that is no actor and names one only through "in X" ("developments in Syria")."""
    if head.i in index.by_token or head.pos_ != "NOUN":
        return False
    owners = [t for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod") or (
        c.dep_ in ("prep", "agent") and c.lower_ in OWNER_PREPS and c.lower_ != "in") for t in c.subtree]
    if any(t.i in index.by_token for t in owners):
        return False
    return any(t.i in index.by_token for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
               for t in c.subtree)


def _through_verb(tok: Any, top: Any, pset: PatternSet) -> bool:
    """Whether an event verb stands between ``tok`` and ``top`` (then tok belongs to that verb's event)."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ == "VERB" and cur.dep_ in ("xcomp", "pcomp", "pobj", "acl") and pset.get("V", cur.lemma_.lower()):
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
    trig = cand.trigger
    if trig.i != clause.i and trig.dep_ == "pobj" and trig.head.lower_ in DURING_PREPS:
        # "made the decision to withdraw during a conversation with X": the conversation took place, as the
        # setting of the decision; its clause is the one that made it
        while to_marker(cand.clause) is not None and cand.clause.dep_ in ("acl", "xcomp", "advcl"):
            up = cand.clause.head
            cand.clause = up.head if up.pos_ == "NOUN" and up.head.pos_ in ("VERB", "AUX") else up
        return
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
    if clause.dep_ == "pcomp" or (clause.dep_ in ("acl", "xcomp") and to_marker(clause) is not None):
        # "its commitment to supporting X", "its decision to attend"; not a participle that describes the noun
        # ("a decision hailed by X": the hailing is an act of its own, no intention)
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
