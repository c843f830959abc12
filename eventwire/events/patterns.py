"""Event patterns over spaCy dependency parses, in eventwire's own readable line format (``.ewp``).

Why our own format: PETRARCH's verb dictionaries are written against constituency parses and word order;
ours names syntactic relations, so a pattern keeps working when the parser changes. One pattern a line::

    # rule-id            head          constraints ...              => CAMEO[:reverse]  flags
    cameo.MEET.7         V:meet        with:leader                  => 036:036
    nominal.airstrike    N:airstrike                                => 195   rcp:against|on|at agent:of
    &military = military|army|troops|armed_forces

* ``V:lemma`` / ``N:lemma`` is the trigger (a verb, or an event noun); ``V:meet_with`` adds a required
  particle or preposition child (``with``).
* constraints, all of which must hold: ``obj:w|w`` a word (or ``_``-joined phrase) among the trigger's
  complements; ``PREP:w|w`` a prepositional phrase on the trigger (or its object) holding the word;
  ``PREP:`` the preposition alone; ``pre:w`` a word before the trigger in its clause (subject, auxiliary).
  ``&name`` refers to a synonym set defined in the file. Argument constraints name what an argument *is*:
  ``dobj:w|@class`` the head of the verb's direct object (of a passive verb: its subject), ``subj:w|@class``
  the head of its subject (of a passive verb: the "by" agent); ``@class`` is a word class (below), whose
  upper-case members are entity labels of the parser (PERSON, GPE, ORG, NORP, LOC, FAC): ``dobj:@person``
  holds for "fired critics" and "fired Smith", not for "fired rockets". ``head:w|@class`` the word the
  trigger depends on (through a preposition: "under threat", "came to her aid"): ``N:threat head:pose``.
  ``comp:w|@class`` what the trigger's reported clause says: the verb of its clausal complement has one of the
  words as an auxiliary, or is one of them with an infinitive ("said Y must leave", "said Y has to leave":
  ``V:say comp:must|have``), or its predicate is one ("said Y was a violation", "said Y is illegal", "said Y
  posed a threat": ``V:say comp:violation|illegal|threat``); on a verb that says what its object is, what it
  says ("called the decision a mistake", "described it as disturbing": ``V:call comp:mistake``). A pattern with a
  ``comp:`` constraint codes the statement itself, so reporting verbs ("say", "tell") code under it: PLOVER
  codes a demand, a threat or a promise made in words as that act, not as a statement.
* code ``---`` is a null pattern: it matches (and wins, if most specific) but codes nothing. ``a:b`` codes
  ``a`` from actor to recipient and ``b`` back from recipient to actor; ``:b`` only the latter.
* flags: ``recip`` (reciprocal: "X and Y met"), ``rcp:p|p`` prepositions whose object is the recipient,
  ``agent:p|p`` prepositions whose object is the actor (nouns: "airstrikes of the coalition").
* ``example: [Arnor] met with [Gondor].`` on the line(s) after a pattern: a sentence the pattern codes,
  actors in square brackets (``parse_example``). Examples are not used in coding; the tests check that
  every pattern of core.ewp fires on its examples, so write one for every pattern you add there.

Word classes: ``@name word|word|multi_word`` adds words (lower case; ``_`` joins the words of a phrase) to
the class ``name``; the same class in another line or file (a user's ``.ewp``) adds more. Two classes act on
the imported CAMEO dictionary when it is loaded (data/policy.ewp, loaded with it): ``@disable rule.id`` leaves a
rule out (``block.0`` is its bare reading, for every verb of the block; a block name, the whole block),
``@no_bare verb`` leaves out the imported patterns of that verb that have no words to confirm them (PETRARCH's
block default: "lead" as 060, "fire" as 190). A bare reading left out still codes under a control verb
("refused to join" is REJECT). The coder reads
them through ``eventwire.events.lexicon.WordClasses``; core.ewp defines and documents each (light verbs,
control verbs, reporting and opinion verbs, recipient and place prepositions, time nouns ...). A class
keeps its words' first-seen order too (``PatternSet.ordered``), for classes that rank their words.
Comments start with ``#`` anywhere on a line (so an example cannot hold one). How to add a pattern or a
word class, with a worked example: docs/extending.md (events).
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import ErrorCode, EventwireError
from eventwire.events.petrarch import petrarch_to_ewp
from eventwire.lexicon import PREPOSITIONS

DATA_PACKAGE = "eventwire.events"
# the grammar (core.ewp), the imported CAMEO dictionary, and the project's policy over that dictionary
BUILTIN_FILES: tuple[str, ...] = ("core.ewp", "cameo.ewp.gz", "policy.ewp")
IMPORTED_FILES = frozenset({"cameo.ewp.gz"})  # what @disable and @no_bare act on
_CODE_RE = re.compile(r"^(---|[0-9]{2,4}[A-Z]?)?(?::(---|[0-9]{2,4}[A-Z]?))?$")
# constraints on what an argument's (or the governing word's) head is, and on what a reported clause says
ARG_KINDS = frozenset({"dobj", "subj", "head", "comp"})


@dataclass(frozen=True)
class Constraint:
    """One condition on the trigger's syntactic neighbourhood; ``phrases`` empty means any words."""

    kind: str  # "obj", "prep", "pre", "prt", "dobj", "subj", "head", "comp"
    prep: str | None
    phrases: tuple[tuple[str, ...], ...]
    classes: tuple[str, ...] = ()  # word classes an argument's head may belong to (dobj, subj)
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False)
    weight: int = field(default=0, compare=False, hash=False)
    keys: frozenset[str] = field(default=frozenset(), compare=False, hash=False)
    multiword: bool = field(default=False, compare=False, hash=False)  # any phrase of two or more words

    def __post_init__(self) -> None:
        # phrases by every form their first word may take in text (a plural pattern word also finds its
        # singular lemma), so matching is one dict lookup per token instead of a scan of all phrases
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            for key in word_keys(phrase[0]):
                index.setdefault(key, []).append(phrase)
        object.__setattr__(self, "by_first", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "keys", frozenset(index))
        longest = max((len(p) for p in self.phrases), default=1 if self.classes else 0)
        object.__setattr__(self, "weight", 1 + longest)
        object.__setattr__(self, "multiword", any(len(p) > 1 for p in self.phrases))


def word_keys(word: str) -> tuple[str, ...]:
    """The token forms (lower case or lemma) a pattern word matches."""
    keys = [word]
    if len(word) > 3 and word.endswith("s"):
        keys.append(word[:-1])
        if word.endswith("es"):
            keys.append(word[:-2])
    return tuple(keys)


@dataclass(frozen=True)
class Pattern:
    id: str
    pos: str  # "V" or "N"
    lemma: str
    constraints: tuple[Constraint, ...]
    code: str | None  # forward CAMEO code, None when null or reverse-only
    reverse: str | None  # CAMEO code coded back from the recipient to the actor
    null: bool = False
    recip: bool = False
    rcp_preps: tuple[str, ...] = ()
    agent_preps: tuple[str, ...] = ()
    source: str = "builtin"
    priority: int = 0  # at equal specificity: user files (2) before core grammar (1) before imported CAMEO (0)
    control_only: bool = False  # a bare reading left out by @disable/@no_bare: codes only under a control verb

    specificity: int = field(default=0, compare=False)
    statement: bool = field(default=False, compare=False)  # codes what a reported clause says (a comp: constraint)

    def __post_init__(self) -> None:
        # PETRARCH's "%" (a compound subject acting among itself) is more specific than the bare verb
        extra = 1 if self.recip and self.pos == "V" else 0
        object.__setattr__(self, "specificity", sum(c.weight for c in self.constraints) + extra)
        object.__setattr__(self, "statement", any(c.kind == "comp" for c in self.constraints))


@dataclass
class PatternSet:
    """Patterns indexed by (pos, lemma), plus the word classes; built once per pipeline and shared."""

    by_head: dict[tuple[str, str], list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    order: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # classes, first-seen order
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # rule id -> sentences

    def add(self, pattern: Pattern) -> None:
        self.by_head[(pattern.pos, pattern.lemma)].append(pattern)

    def finish(self) -> None:
        """Most specific patterns first, so the matcher can stop at the first one that holds; and, per
        head, an index from words to the patterns that need them, so a trigger only tries patterns whose
        words occur around it. The imported dictionary's readings named by ``@disable`` and ``@no_bare``
        are left out first."""
        disabled = {w.replace(" ", "_") for w in self.classes.get("disable", ())}
        no_bare = self.classes.get("no_bare", set())
        if disabled or no_bare:
            for key in list(self.by_head):
                kept: list[Pattern] = []
                for p in self.by_head[key]:
                    if not imported_unused(p, disabled, no_bare):
                        kept.append(p)
                    elif all(c.kind == "prt" for c in p.constraints):
                        # a bare reading still says what the verb is when a control verb governs it
                        # ("refused to join" is REJECT, "urged them to join" REQUEST): kept for that only
                        kept.append(replace(p, control_only=True))
                if kept:
                    self.by_head[key] = kept
                else:
                    del self.by_head[key]
        self.anchors: dict[tuple[str, str], tuple[dict[str, list[int]], list[int]]] = {}
        for key, items in self.by_head.items():
            items.sort(key=lambda p: (-p.specificity, -p.priority))
            self.by_head[key] = items
            by_word: dict[str, list[int]] = {}
            free: list[int] = []
            for n, pattern in enumerate(items):
                words = anchor_words(pattern)
                if words is None:
                    free.append(n)
                for w in words or ():
                    by_word.setdefault(w, []).append(n)
            self.anchors[key] = (by_word, free)
        self.by_head = dict(self.by_head)  # type: ignore[assignment]

    def candidates(self, pos: str, lemma: str, words: set[str]) -> list[Pattern]:
        """The patterns of this head that can hold given the words around the trigger, most specific first."""
        items = self.by_head.get((pos, lemma))
        if not items:
            return []
        by_word, free = self.anchors[(pos, lemma)]
        picked = set(free)
        for w in words:
            hit = by_word.get(w)
            if hit:
                picked.update(hit)
        return [items[n] for n in sorted(picked)]

    def get(self, pos: str, lemma: str) -> list[Pattern]:
        return self.by_head.get((pos, lemma), [])

    def words(self, name: str) -> set[str]:
        return self.classes.get(name, set())

    def ordered(self, name: str) -> tuple[str, ...]:
        """A word class in the order its words were first defined (for classes that rank their words)."""
        return tuple(self.order.get(name, ()))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_head.values())


def imported_unused(pattern: Pattern, disabled: set[str], no_bare: set[str]) -> bool:
    """Whether a pattern of the built-in imported dictionary (priority 0) is left out by ``@disable`` (its rule
    id) or ``@no_bare`` (a verb's reading with no words to confirm it)."""
    if pattern.priority != 0 or pattern.source not in IMPORTED_FILES:
        return False
    rid = pattern.id.lower()
    if rid in disabled or rid.rsplit(".", 1)[0] in disabled:
        return True  # the rule, or every rule of its block
    return pattern.pos == "V" and pattern.lemma in no_bare and not any(c.kind != "prt" for c in pattern.constraints)


def anchor_words(pattern: Pattern) -> frozenset[str] | None:
    """Words one of which must occur near the trigger for the pattern to hold (None: no such word)."""
    for c in pattern.constraints:
        if c.kind == "prep":
            return frozenset({c.prep}) if c.prep else None
        if c.kind in ARG_KINDS:
            continue  # an argument (a participle's noun, a relative's antecedent), the governing word or a
            # reported clause may lie outside the trigger's phrase, and an entity label or a class is no word
        if c.phrases:
            return c.keys
    return None


def _words(value: str, synsets: dict[str, list[str]], where: str) -> tuple[tuple[str, ...], ...]:
    """``a|b_c|&set`` -> (("a",), ("b", "c"), ...) with synonym sets expanded."""
    out: list[tuple[str, ...]] = []
    for alt in value.split("|"):
        alt = alt.strip()
        if not alt:
            continue
        if alt.startswith("&"):
            if alt[1:] not in synsets:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: unknown synonym set {alt}")
            out.extend(_words("|".join(synsets[alt[1:]]), synsets, where))
        else:
            out.append(tuple(w for w in alt.lower().split("_") if w))
    return tuple(out)


def parse_code(raw: str, where: str) -> tuple[str | None, str | None, bool]:
    """``040:043`` -> ("040", "043", False); ``---`` -> (None, None, True)."""
    match = _CODE_RE.match(raw.strip())
    if not match or raw.strip() in ("", ":"):
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: bad code {raw!r}")
    fwd, rev = match.group(1), match.group(2)
    fwd = None if fwd in (None, "---") else fwd
    rev = None if rev in (None, "---") else rev
    return fwd, rev, fwd is None and rev is None


def parse_ewp(text: str, source: str, into: PatternSet | None = None, priority: int = 0) -> PatternSet:
    """Parse the project's pattern format (see the module docstring)."""
    pset = into if into is not None else PatternSet()
    synsets: dict[str, list[str]] = {}
    made: dict[str, Constraint] = {}  # identical constraints (one per verb of a block) share one object
    last_rule: str | None = None  # the pattern an ``example:`` line belongs to
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{source}:{lineno}"
        if line.startswith("&"):
            name, _, body = line[1:].partition("=")
            synsets[name.strip()] = [w.strip() for w in body.split("|") if w.strip()]
            continue
        if line.startswith("@"):
            name, _, body = line[1:].partition(" ")
            members = [w.strip().lower().replace("_", " ") for w in body.split("|") if w.strip()]
            pset.classes[name.strip()].update(members)
            seen = pset.order[name.strip()]
            seen.extend(w for w in dict.fromkeys(members) if w not in seen)
            continue
        if line.startswith("example:"):
            if last_rule is None:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: an example before any pattern")
            pset.examples[last_rule].append(line[len("example:"):].strip())
            continue
        left, arrow, right = line.partition("=>")
        if not arrow:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: missing '=>' in {raw!r}")
        fields = left.split()
        if len(fields) < 2 or ":" not in fields[1]:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: expected 'rule-id POS:lemma ...'")
        rule_id, head = fields[0], fields[1]
        pos, _, lemma_raw = head.partition(":")
        if pos not in ("V", "N"):
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: head must be V: or N:, got {head!r}")
        lemma_words = lemma_raw.lower().split("_")
        constraints: list[Constraint] = [Constraint("prt", None, ((w,),)) for w in lemma_words[1:]]
        for item in fields[2:]:
            known = made.get(item)
            if known is not None:
                constraints.append(known)
                continue
            kind, _, value = item.partition(":")
            kind = kind.lower()
            if kind in ARG_KINDS:
                refs = [v.strip() for v in value.split("|") if v.strip()]
                classes = tuple(r[1:].lower() for r in refs if r.startswith("@"))
                plain = "|".join(r for r in refs if not r.startswith("@"))
                phrases = _words(plain, synsets, where)
                if not phrases and not classes:
                    raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: {item!r} names no word or class")
                made[item] = Constraint(kind, None, phrases, classes=classes)
                constraints.append(made[item])
                continue
            phrases = _words(value, synsets, where)
            if kind in ("obj", "pre"):
                made[item] = Constraint(kind, None, phrases)
            elif kind in PREPOSITIONS:
                made[item] = Constraint("prep", kind, phrases)
            else:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: unknown constraint {item!r}")
            constraints.append(made[item])
        right_fields = right.split()
        if not right_fields:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: missing code after '=>'")
        fwd, rev, null = parse_code(right_fields[0], where)
        recip = False
        rcp: tuple[str, ...] = ()
        agent: tuple[str, ...] = ()
        for flag in right_fields[1:]:
            if flag == "recip":
                recip = True
            elif flag.startswith("rcp:"):
                rcp = tuple(flag[4:].split("|"))
            elif flag.startswith("agent:"):
                agent = tuple(flag[6:].split("|"))
            else:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: unknown flag {flag!r}")
        pset.add(Pattern(
            rule_id, pos, lemma_words[0], tuple(constraints), fwd, rev, null, recip, rcp, agent, source, priority
        ))
        last_rule = rule_id
    return pset


def read_pattern_file(path: Path, into: PatternSet) -> None:
    """A user file: our ``.ewp`` format, or a PETRARCH/TABARI verb dictionary (detected by its blocks)."""
    if not path.is_file():
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"pattern file not found: {path}")
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    if re.search(r"^\s*---\s+\S+\s+\[[^\]]*\]\s*---", text, re.M):
        text = petrarch_to_ewp(text, prefix=path.stem)
    parse_ewp(text, str(path), into, priority=2)


def _builtin_text(name: str) -> str:
    data = resources.files(DATA_PACKAGE).joinpath("data", name).read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


@lru_cache(maxsize=8)
def load_patterns(extra: tuple[str, ...] = (), builtin: bool = True) -> PatternSet:
    """The built-in patterns plus user files (cached by argument: the result is treated as immutable)."""
    pset = PatternSet()
    if builtin:
        for name in BUILTIN_FILES:
            parse_ewp(_builtin_text(name), name, pset, priority=0 if name in IMPORTED_FILES else 1)
    elif "core.ewp" in BUILTIN_FILES:
        # Word classes (light, control, reporting verbs) and nominal events are grammar, not vocabulary.
        parse_ewp(_builtin_text("core.ewp"), "core.ewp", pset, priority=1)
    for path in extra:
        read_pattern_file(Path(path), pset)
    pset.finish()
    return pset


def parse_example(example: str) -> tuple[str, list[tuple[int, int]]]:
    """``[Arnor] met with [Gondor].`` -> ("Arnor met with Gondor.", [(0, 5), (15, 21)]): the sentence and the
    character spans of its actors (the bracketed words)."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\[([^\[\]]+)\]", example):
        text.append(example[pos : m.start()])
        start = sum(len(t) for t in text)
        text.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    text.append(example[pos:])
    return "".join(text), spans


def iter_patterns(pset: PatternSet) -> Iterable[Pattern]:
    for items in pset.by_head.values():
        yield from items
