"""Dependency-parse helpers shared by the event coder: relation sets, a trigger's regions, conjuncts, clauses.

Everything here reads only the spaCy parse (no patterns, no actors, no settings); tokens are typed ``Any``
because spaCy's classes are not typed.
"""

from __future__ import annotations

from typing import Any

SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
# relations that end the trigger's own phrase: what lies beyond belongs to another clause or phrase
CLAUSE_BREAK_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl", "csubj", "nsubj", "nsubjpass",
                               "punct", "cc", "mark", "appos"})
MAX_REGION = 30  # tokens: how far after the trigger its phrase is read


def region(trigger: Any) -> list[Any]:
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


# clauses before a trigger that are not part of its own clause: a fronted quote, a clause of its own
REPORTED_LEFT_DEPS = frozenset({"ccomp", "parataxis", "advcl"})


def pre_region(trigger: Any) -> list[Any]:
    """Tokens before the trigger in its clause: auxiliaries, subject, modifiers of an event noun."""
    out: list[Any] = []
    doc = trigger.doc
    for child in trigger.lefts:
        if child.dep_ in REPORTED_LEFT_DEPS:
            continue  # "US troops must stay, the president continued": the fronted quote is not its clause
        out.extend(doc[child.left_edge.i : child.right_edge.i + 1])  # a subtree is contiguous
    if trigger.pos_ == "NOUN" and trigger.dep_ == "compound":
        out.append(trigger.head)
    return sorted(out, key=lambda t: t.i)


MAX_HEADLINE = 20  # tokens: a longer first line is a paragraph, not a title


def headline(tok: Any) -> bool:
    """Whether the token is on the article's title line: the first line, short, with no closing full stop."""
    doc = tok.doc
    cached = doc.user_data.get("eventwire.headline_end")
    if cached is None:
        end = next((t.i for t in doc if "\n" in t.whitespace_ or "\n" in t.text), len(doc))
        line = [t for t in doc[:end] if not t.is_space]
        cached = end if line and len(line) <= MAX_HEADLINE and line[-1].text != "." else 0
        doc.user_data["eventwire.headline_end"] = cached
    return bool(tok.i < cached)


def line_tokens(tok: Any) -> list[Any]:
    """The non-space tokens of the line holding ``tok`` (a headline is one line)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and not ("\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text):
        start -= 1
    end = tok.i
    while end < len(doc) - 1 and not ("\n" in doc[end].whitespace_ or "\n" in doc[end + 1].text):
        end += 1
    return [t for t in doc[start : end + 1] if not t.is_space]


def title_case(tok: Any) -> bool:
    """Whether the token's line is written in title case ("Gondor Arrests Opposition Members"), which makes
    the tagger read every word as a name."""
    words = [t for t in line_tokens(tok) if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def bare_participle(verb: Any) -> bool:
    """A past participle with a subject but no auxiliary and no object ("Teacher detained after protest"):
    a headline's passive, which the parser reads as an active clause; its subject is who it was done to.
    Headlines tell acts in the present ("Police arrest teacher"), so on a title line a past tense is one too."""
    if verb.pos_ != "VERB" or not (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and headline(verb))):
        return False
    kids = [c for c in verb.children if not crosses_line(c, verb)]  # the parser may join the next line
    if not any(c.dep_ in SUBJ_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for c in kids):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp") for c in kids)


def passive_subject(verb: Any) -> list[Any]:
    """The passive subject of ``verb`` ("X was arrested", and the headline's "X arrested"), with its conjuncts;
    a dateline the parser took for one ("SAN FRANCISCO — A police officer was ...") is left out; a relative
    pronoun stands for its noun ("the town, which was shelled")."""
    for c in verb.children:
        if (c.dep_ in PASS_SUBJ_DEPS or (c.dep_ in SUBJ_DEPS and bare_participle(verb))) and not dateline(c):
            return conjuncts(antecedent(c))
    return []


def shared_passive(verb: Any) -> Any | None:
    """The passive verb a conjunct shares its subject and auxiliary with ("was arrested and charged with X",
    "was attacked by X and set on fire"), or None: a participle with no subject, auxiliary or object of its
    own (the tagger often reads the participle as a past tense: "charged")."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or not passive_subject(verb.head):
        return None
    kids = list(verb.children)
    if any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in kids):
        return None
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(c.dep_ in ("dobj", "obj") for c in kids)):
        return verb.head
    return None


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def antecedent(tok: Any) -> Any:
    """The noun a relative pronoun stands for ("the YPG, which led the campaign": the YPG), through an
    apposition to a name ("the PKK, a designated group that has fought ...": the PKK); else ``tok`` itself."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in RELATIVE_TAGS or tok.head.dep_ != "relcl":
        return tok
    noun = tok.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return tok  # "..., which angered X": a clause, not a party
    if noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    return noun


DATELINE_DASHES = frozenset({"—", "--", "–", "-", ":"})


def dateline(tok: Any) -> bool:
    """A place name in capitals opening a story and followed by a dash ("TBILISI, Georgia --")."""
    if not tok.is_upper or not tok.is_alpha:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    after_dash = nxt is not None and (nxt.text in DATELINE_DASHES or any(
        c.text in DATELINE_DASHES and c.i > tok.i for c in tok.children))
    first = tok.left_edge.i == tok.sent.start or tok.doc[tok.left_edge.i - 1].is_space
    return after_dash and first


def to_marker(verb: Any) -> Any | None:
    """The "to" of an infinitive ("to attack"), or None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def compound_subject(verb: Any) -> bool:
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


def conjuncts(tok: Any) -> list[Any]:
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


def crosses_line(a: Any, b: Any) -> bool:
    """A paragraph break between two tokens: the parser sometimes joins a headline to the next line."""
    lo, hi = (a.i, b.i) if a.i < b.i else (b.i, a.i)
    breaks = a.doc.user_data.get("eventwire.breaks")
    if breaks is None:
        breaks = [t.i for t in a.doc if "\n" in t.whitespace_ or "\n" in t.text]
        a.doc.user_data["eventwire.breaks"] = breaks
    return any(lo <= i < hi for i in breaks)


def own_clause_between(clause: Any, gov: Any) -> bool:
    """Whether a coordinated clause with its own subject separates ``clause`` from ``gov``."""
    cur = clause
    while cur.i != gov.i and cur.head.i != cur.i:
        if cur.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis") and any(
            c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in cur.children
        ):
            return True
        cur = cur.head
    return False


def clause_bounds(clause: Any, trigger: Any) -> tuple[int, int]:
    """Character bounds of the clause, leaving out other clauses coordinated with or embedded in it."""
    toks = [clause]
    stack = list(clause.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl") and not tok.is_ancestor(trigger) \
                and tok.i != trigger.i:
            continue
        toks.append(tok)
        stack.extend(tok.children)
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    return lo, hi


def governing_chain(clause: Any) -> list[tuple[str, Any]]:
    """(relation, head) pairs from the clause verb up to the sentence root (at most 8, not across a line)."""
    chain: list[tuple[str, Any]] = []
    tok = clause
    for _ in range(8):
        if tok.head.i == tok.i or crosses_line(tok, tok.head):
            break
        chain.append((tok.dep_, tok.head))
        tok = tok.head
    return chain
