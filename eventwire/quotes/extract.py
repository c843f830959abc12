"""Quote extraction: who said what, as character spans over the text (a pure function, no Document).

Why rules and not a model: attribution in news follows a handful of very regular forms ("...," X said;
X said: "..."; X said that ...; according to X, ...), the spaCy parse gives the cue verb and its subject,
and rules keep every decision explainable and offline. Quote marks are paired by a tolerant scanner that
never fails on malformed text (unclosed quotes, odd numbers of marks, nested marks), which is where
textacy's extractor crashed (textacy issues 200 and 383).

Entry points:
- ``scan_quote_marks(text)``: text only; the pairs of quote marks (multi-paragraph quotes grouped).
- ``extract_quotes(text, sdoc)``: direct and indirect quotes with cue, speaker mention and content spans.
- ``quotes_from_text(text, nlp)``: the same from plain text and a loaded spaCy pipeline (for fuzzing).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from eventwire.quotes.lexicon import (
    BELIEF_LEMMAS,
    CHARACTERISING_LEMMAS,
    COREFERENT_SPEAKER_WORDS,
    INDIRECT_LEMMAS,
    INTENT_LEMMAS,
    OBJECT_CONTENT_LEMMAS,
    SPEAKER_NOUNS,
    SPEECH_LEMMAS,
)

__all__ = [
    "BELIEF_LEMMAS",
    "CHARACTERISING_LEMMAS",
    "INTENT_LEMMAS",
    "SPEECH_LEMMAS",
    "Extracted",
    "MarkedSpan",
    "extract_quotes",
    "is_pronoun",
    "quotes_from_text",
    "scan_quote_marks",
]

Kind = Literal["direct", "indirect"]
CharSpan = tuple[int, int]

# Double quote marks. Single marks (‘ ’ ') are left alone: they double as apostrophes and mostly mark
# quotes nested inside double ones.
_MARK_RE = re.compile(r"``|''|[\"“”„‟«»＂〝〞]")
_OPENING_SHAPES = frozenset({"“", "„", "‟", "«", "``", "〝"})
_CLOSING_SHAPES = frozenset({"”", "»", "''", "〞"})
# Characters after which a mark opens a quote (besides whitespace and the start of a paragraph).
_BEFORE_OPEN = frozenset("([{—–-:;,/")
_PARA_RE = re.compile(r"[^\n]+")
_INF = float("inf")

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NOT_SPEAKER = frozenset({"pobj", "dobj", "attr", "pcomp", "iobj", "dative", "poss", "oprd"})


def _may_speak(tok: Any, as_object: bool = False) -> bool:
    """Could this token head the name of a speaker, when the parse gives no subject? ``as_object``:
    even as an object (the parse of an inverted cue)."""
    if tok.pos_ not in ("PROPN", "NOUN", "PRON") or (tok.dep_ in _NOT_SPEAKER and not as_object):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    return not (tok.dep_ == "npadvmod" and tok.pos_ == "NOUN")  # "wrote last week"



@dataclass(frozen=True)
class MarkedSpan:
    """Text between a pair of quote marks (marks excluded); parts of one quotation share ``group``."""

    start: int
    end: int
    open_mark: CharSpan
    close_mark: CharSpan | None  # None for a non-final paragraph of a multi-paragraph quote
    group: int


@dataclass(frozen=True)
class Extracted:
    """One quote found in the text: character spans for content, cue and speaker mention."""

    start: int
    end: int
    kind: Kind
    cue: CharSpan | None = None
    speaker: CharSpan | None = None
    speaker_head: CharSpan | None = None
    group: int = 0
    inherited: bool = False  # attribution taken from a neighbouring part of the same quotation

    def text(self, text: str) -> str:
        return text[self.start : self.end]


# ---------------------------------------------------------------------------------------------------
# Quote marks (text only)


def _role(text: str, start: int, end: int, para_start: int, para_end: int) -> str:
    """'open', 'close' or 'either' for the mark at text[start:end], judged by its neighbours first."""
    prev = text[start - 1] if start > para_start else " "
    nxt = text[end] if end < para_end else " "
    ctx_open = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
    ctx_close = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    shape = text[start:end]
    if ctx_open and not ctx_close:
        return "open"
    if ctx_close and not ctx_open:
        return "close"
    if shape in _OPENING_SHAPES:
        return "open"
    if shape in _CLOSING_SHAPES:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> CharSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_quote_marks(text: str) -> list[MarkedSpan]:
    """Pair the double quote marks of ``text``; never raises, whatever the marks.

    Quotes do not cross paragraph breaks (newlines) except by the newspaper convention: a paragraph
    that ends inside a quote continues it only when the next paragraph opens with a quote mark; the
    parts then share a group. Marks nested inside a quote are kept inside it; an opening mark that is
    never closed is dropped, and closed pairs around it survive.
    """
    found: list[MarkedSpan] = []
    pending: list[MarkedSpan] = []  # earlier paragraphs of an unfinished multi-paragraph quote
    next_group = 0
    for para in _PARA_RE.finditer(text):
        ps, pe = para.start(), para.end()
        marks = [(m.start(), m.end()) for m in _MARK_RE.finditer(text, ps, pe)]
        first_char = ps
        while first_char < pe and text[first_char].isspace():
            first_char += 1
        continues = bool(
            pending and marks and marks[0][0] == first_char and _role(text, marks[0][0], marks[0][1], ps, pe) != "close"
        )
        if pending and not continues:
            pending = []  # never closed: not a quote
        stack: list[tuple[CharSpan, int]] = []  # (open mark, group)
        closed: list[MarkedSpan] = []
        for index, (ms, me) in enumerate(marks):
            role = _role(text, ms, me, ps, pe)
            if stack and role in ("close", "either"):
                open_mark, group = stack.pop()
                start, end = _trim(text, open_mark[1], ms)
                if end > start:
                    closed.append(MarkedSpan(start, end, open_mark, (ms, me), group))
            elif role in ("open", "either"):
                if index == 0 and continues:
                    group = pending[0].group
                else:
                    group = next_group
                    next_group += 1
                stack.append(((ms, me), group))
        # Keep only outermost pairs: nested quotes belong to the quote around them.
        outer = [c for c in closed if not any(o is not c and o.start <= c.start and c.end <= o.end for o in closed)]
        if continues and not any(c.group == pending[0].group for c in closed):
            if stack and stack[0][1] == pending[0].group:
                # Still open at the end of this paragraph too: one more part (none if it holds only the mark).
                start, end = _trim(text, stack[0][0][1], pe)
                if end > start:
                    pending.append(MarkedSpan(start, end, stack[0][0], None, pending[0].group))
                found.extend(c for c in outer if not (start <= c.start and c.end <= end))
                continue
            pending = []
        elif continues:
            found.extend(pending)
            pending = []
        if stack:
            open_mark, group = stack[0]
            start, end = _trim(text, open_mark[1], pe)
            if end > start:
                pending = [MarkedSpan(start, end, open_mark, None, group)]
            outer = [c for c in outer if not (start <= c.start and c.end <= end)] if pending else outer
        found.extend(outer)
    found.sort(key=lambda m: m.start)
    return found


# ---------------------------------------------------------------------------------------------------
# Attribution (spaCy parse)


def _segments(sdoc: Any, text: str) -> list[CharSpan]:
    """Sentences, also split at newlines (spaCy sentences may run across paragraph breaks)."""
    spans: list[CharSpan] = []
    for sent in sdoc.sents:
        start = sent.start_char
        for match in re.finditer(r"\n+", text[sent.start_char : sent.end_char]):
            cut = sent.start_char + match.start()
            if cut > start:
                spans.append((start, cut))
            start = sent.start_char + match.end()
        if sent.end_char > start:
            spans.append((start, sent.end_char))
    return spans


def _containing(spans: Sequence[CharSpan], pos: int) -> CharSpan | None:
    """The span holding ``pos``; ``spans`` sorted and not overlapping (binary search: long texts)."""
    i = bisect_right(spans, (pos, _INF)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _overlapping(spans: Sequence[CharSpan], lo: int, hi: int) -> list[CharSpan]:
    """The spans (sorted, not overlapping) that overlap [lo, hi)."""
    i = max(bisect_right(spans, (lo, _INF)) - 1, 0)
    out = []
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] > lo:
            out.append(spans[i])
        i += 1
    return out


def _tokens_in(sdoc: Any, start: int, end: int) -> list[Any]:
    """Tokens wholly inside [start, end)."""
    if end <= start:
        return []
    span = sdoc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _inside(pos: int, spans: Sequence[CharSpan]) -> bool:
    return _containing(spans, pos) is not None


def _subject(verb: Any, lo: int, hi: int, blocked: Sequence[CharSpan], depth: int = 3) -> Any | None:
    """The subject of a cue verb inside [lo, hi), following conjunctions and participles
    ("..., he said, adding ..."); the closest one when the parse gives several."""
    node = verb
    for _ in range(depth):
        subjects = [
            c for c in node.children if c.dep_ in _SUBJECT_DEPS and lo <= c.idx < hi and not _inside(c.idx, blocked)
        ]
        if subjects and node is not verb and node.dep_ == "ccomp" and _is_speech_verb(node.head):
            # "Trump told Newsmax that Romney “...,” adding ...": the parse hangs "adding" on the
            # reported clause, but the one who adds is the one who told
            subjects = []
        if subjects:
            # "X, founder of Y, tells Breitbart News": a subject before the verb beats one after it
            subj = min(subjects, key=lambda c: (c.i > verb.i, abs(c.i - verb.i)))
            return _agent(node) if subj.dep_ == "nsubjpass" and _agent(node) is not None else subj
        if node.dep_ in ("conj", "xcomp", "advcl", "acl", "acomp", "ccomp") and node.head is not node:
            node = node.head
        elif node.dep_ == "parataxis" and node.head.tag_ == "VBG" and node.head.i < node.i:
            # "Durbin, noting the size of the list, said": the parse makes the inserted participle
            # the root and hangs the cue from it; their subject is the same
            node = node.head
        else:
            break
    return None


def _is_speech_verb(tok: Any) -> bool:
    return tok.lemma_.lower() in SPEECH_LEMMAS and _is_verb(tok)


def _agent(verb: Any) -> Any | None:
    """The object of a passive verb's "by" ("Sanders was asked by host Bill Maher"): the one who asked,
    where the passive subject is the one asked."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _governing_subject(cue: Any, blocked: Sequence[CharSpan], depth: int = 4) -> Any | None:
    """The subject of the clause a subjectless participle cue hangs from, whatever the parse's path
    ("began by saying", "emailed supporters saying", "shared the news, writing"): in news such a
    participle reports the words of the clause's subject."""
    if cue.tag_ != "VBG":
        return None
    sent = cue.sent
    path = {cue.i}
    node = cue
    for _ in range(depth):
        if node.head is node:
            break
        node = node.head
        path.add(node.i)
        if not _is_verb(node) or _inside(node.idx, blocked):
            continue
        subjects = [
            c
            for c in node.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and c.i not in path
            and sent.start <= c.i < sent.end
            and not _inside(c.idx, blocked)
            and _may_speak(c)
        ]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
    return None


def _mention(token: Any, lo: int, hi: int, blocked: Sequence[CharSpan]) -> tuple[CharSpan, CharSpan]:
    """The words naming the speaker: the subject's left modifiers, the head, and following name parts.

    Relative clauses and appositions after a comma are left out ("Lavrov, who ..."), and the span
    never leaves [lo, hi) or enters a quote.
    """
    doc = token.doc
    subtree = {t.i for t in token.subtree}
    left = token.i
    while (
        left - 1 >= 0
        and (left - 1) in subtree
        and not doc[left - 1].is_punct
        and doc[left - 1].idx >= lo
        and not _inside(doc[left - 1].idx, blocked)
    ):
        left -= 1
    right = token.i
    while (
        right + 1 < len(doc)
        and (right + 1) in subtree
        and doc[right + 1].dep_ in ("compound", "flat", "prep", "pobj", "det", "amod", "poss", "case", "nmod")
        and doc[right + 1].idx + len(doc[right + 1].text) <= hi
        and not _inside(doc[right + 1].idx, blocked)
        and not doc[right + 1].is_punct
    ):
        right += 1
    while left < token.i and doc[left].dep_ in ("cc", "punct", "advmod"):
        left += 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    head = (token.idx, token.idx + len(token.text))
    return (start, end), head


def _adjacent_speaker(verb: Any, lo: int, hi: int, blocked: Sequence[CharSpan]) -> Any | None:
    """When the parse gives the cue no subject: the nominal just before it ("X once said"), else the
    one just after it ("said the minister"), climbing from a name part to the name's head.

    A cue that opens the words after a quote is inverted ('“...,” added a New Hampshire Democrat'):
    the nominal after it is the speaker even when the parse makes it the verb's object.
    """
    doc = verb.doc
    first = next((t for t in doc[verb.sent.start : verb.i + 1] if lo <= t.idx and not (t.is_punct or t.is_space)), None)
    inverted = first is not None and first.i == verb.i and verb.pos_ == "VERB"

    def usable(tok: Any) -> bool:
        return lo <= tok.idx < hi and not _inside(tok.idx, blocked)

    def nominal(tok: Any) -> bool:
        # objects and adverbial nouns ("said in Iowa", "wrote last week") are not speakers
        return usable(tok) and _may_speak(tok)

    def climb(tok: Any) -> Any:
        # a name part or an owner ("Cleveland’s Plain Dealer") climbs to the head noun
        while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head.i != tok.i and usable(tok.head):
            tok = tok.head
        return tok

    i = verb.i - 1
    while i >= 0 and usable(doc[i]) and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].text in ",)"):
        i -= 1
    if i >= 0 and nominal(doc[i]):
        return climb(doc[i])
    if i >= 0 and usable(doc[i]):
        # "a White House official who spoke anonymously to discuss strategy said": the noun whose
        # relative clause or modifier ends right before the cue
        for anc in doc[i].ancestors:
            if anc.i >= verb.i or not usable(anc):
                break
            if (
                anc.pos_ in ("NOUN", "PROPN")
                and anc.right_edge.i == i
                and any(c.dep_ in ("relcl", "acl") for c in anc.children)
            ):
                if nominal(anc):
                    return climb(anc)
                break
    i = verb.i + 1
    # modifiers before the name, participles too ("said retired neurosurgeon Ben Carson")
    while i < len(doc) and usable(doc[i]) and (doc[i].pos_ in ("DET", "ADJ", "ADV") or doc[i].dep_ == "amod"):
        i += 1
    if i < len(doc) and (nominal(doc[i]) or (inverted and usable(doc[i]) and _may_speak(doc[i], as_object=True))):
        name = climb(doc[i])
        if inverted:
            return name
        # "tells Breitbart News": a name part of the verb's object is the one told, not the speaker
        if not (name.head.i == verb.i and name.dep_ in ("dobj", "dative", "iobj")):
            return name
    return None


@dataclass(frozen=True)
class _Attribution:
    cue: CharSpan
    speaker: CharSpan | None
    head: CharSpan | None
    cue_token: int


def _according_to(tokens: Sequence[Any]) -> tuple[Any, Any] | None:
    """The tokens ("according", object of "to") of an "according to X" phrase among ``tokens``."""
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and to.i + 1 < len(tok.doc):
                obj = tok.doc[to.i + 1]
            if obj is not None:
                return tok, obj
    return None


def _frame_attribution(
    sdoc: Any, lo: int, hi: int, blocked: Sequence[CharSpan], prefer_end: bool
) -> _Attribution | None:
    """Find the cue and speaker of a direct quote in the text around it, [lo, hi) outside any quote."""
    tokens = [t for t in _tokens_in(sdoc, lo, hi) if not _inside(t.idx, blocked)]
    if not tokens:
        return None
    cues = [t for t in tokens if _is_speech_verb(t)]
    if prefer_end:
        cues.reverse()
    for cue in cues:
        subj = _subject(cue, lo, hi, blocked)
        if subj is None and cue.dep_ in ("conj", "xcomp", "advcl", "acl"):
            # "..., saying ..." / "and said ...": the speaker is the subject of the main clause
            subj = _subject(cue, cue.sent.start_char, cue.sent.end_char, blocked, depth=5)
        if subj is None:
            subj = _governing_subject(cue, blocked)
        if subj is None:
            subj = _adjacent_speaker(cue, lo, hi, blocked)
        if subj is None and not prefer_end:
            # '“...,” Trump, the frontrunner, said': the first name after the quote
            subj = next(
                (t for t in tokens if t.i < cue.i and _may_speak(t)),
                None,
            )
            while (
                subj is not None and subj.dep_ in ("compound", "flat") and subj.head.i < cue.i and lo <= subj.head.idx
            ):
                subj = subj.head
        cue_span = _cue_span(cue, lo, hi)
        if subj is None:
            return _Attribution(cue_span, None, None, cue.i)
        span, head = _mention(subj, lo, hi, blocked)
        return _Attribution(cue_span, span, head, cue.i)
    if prefer_end:
        colon = _colon_attribution(tokens, lo, hi, blocked)
        if colon is not None:
            return colon
        closing = _closing_clause(tokens, lo, hi, blocked)
        if closing is not None:
            return closing
    acc = _according_to(tokens)
    if acc is not None:
        according, obj = acc
        span, head = _mention(obj, lo, hi, blocked)
        to = sdoc[according.i + 1]
        return _Attribution((according.idx, to.idx + len(to.text)), span, head, according.i)
    return None


def _opening_clause(sdoc: Any, frame: CharSpan, blocked: Sequence[CharSpan]) -> _Attribution | None:
    """The clause that opens ``frame`` right after a quote: its verb as the cue and its subject as the
    speaker, when the subject comes first ("Trump barked") or follows the verb at once ("beamed
    Donald Hartley"); None when anything else comes first."""
    lo, hi = frame
    words = [t for t in _tokens_in(sdoc, lo, hi) if not t.is_space and not _inside(t.idx, blocked)]
    while words and words[0].is_punct:
        words.pop(0)
    verb = next((t for t in words[:8] if t.pos_ == "VERB" and t.dep_ not in ("amod", "acl", "relcl")), None)
    if verb is None:
        return None
    subj = _subject(verb, lo, hi, blocked, depth=1)
    if subj is None:
        # "Trump barked" parsed as a noun phrase, the name a compound of the verb
        subj = next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in ("PROPN", "PRON")), None)
    if subj is None or not _may_speak(subj):
        return None
    before = [t for t in words if t.i < verb.i and t.pos_ not in ("AUX", "ADV", "PART", "PUNCT")]
    subtree = {t.i for t in subj.subtree}
    if any(t.i not in subtree for t in before) or (not before and subj.i < verb.i):
        return None
    if not before and any(t.i not in subtree and t.pos_ != "DET" for t in words if verb.i < t.i < subj.left_edge.i):
        return None
    span, head = _mention(subj, lo, hi, blocked)
    return _Attribution(_cue_span(verb, lo, hi), span, head, verb.i)


def _closing_clause(tokens: Sequence[Any], lo: int, hi: int, blocked: Sequence[CharSpan]) -> _Attribution | None:
    """'Hillary shot back, “...”': a clause that ends in a comma right before the quote introduces it,
    whatever its verb; the verb (past a particle, an adverb or "it": "as Vulture put it,") is the cue."""
    words = [t for t in tokens if not t.is_space]
    if len(words) < 3 or words[-1].text != ",":
        return None
    verb = words[-2]
    if verb.dep_ in ("prt", "advmod") or (verb.dep_ == "dobj" and verb.lower_ == "it"):
        verb = verb.head
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "relcl") or not lo <= verb.idx < hi:
        return None
    subj = _subject(verb, lo, hi, blocked, depth=1)
    if subj is None or not _may_speak(subj):
        return None
    span, head = _mention(subj, lo, hi, blocked)
    return _Attribution(_cue_span(verb, lo, hi), span, head, verb.i)


def _is_verb(tok: Any) -> bool:
    # the small model tags a sentence-initial "Stated" or "Added" as an adjective now and then
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")


def _colon_attribution(tokens: Sequence[Any], lo: int, hi: int, blocked: Sequence[CharSpan]) -> _Attribution | None:
    """'She then addressed the crowd: “...”': the colon is the cue, the clause's subject the speaker."""
    words = [t for t in tokens if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    colon = words[-1]
    # "Clinton released the following statement:": the first verb above the colon, past the noun
    # and its participle modifier
    verb = next(
        (
            a
            for a in colon.ancestors
            if _is_verb(a) and a.dep_ not in ("amod", "compound") and lo <= a.idx < hi and not _inside(a.idx, blocked)
        ),
        None,
    )
    if verb is None or not _is_verb(verb):
        verb = next((t for t in reversed(words) if _is_verb(t) and t.i < colon.i), None)
    if verb is None:
        # "Lavrov:" or "Stone's statement:" -- a bare name before the colon
        head = words[-2] if len(words) >= 2 else None
        if head is not None and head.pos_ in ("PROPN", "PRON"):
            span, head_span = _mention(head, lo, hi, blocked)
            return _Attribution((colon.idx, colon.idx + 1), span, head_span, colon.i)
        return None
    subj = _subject(verb, lo, hi, blocked)
    if subj is None:
        return None
    span, head_span = _mention(subj, lo, hi, blocked)
    return _Attribution((colon.idx, colon.idx + 1), span, head_span, colon.i)


def _cue_span(cue: Any, lo: int, hi: int) -> CharSpan:
    """The cue verb, with a particle ("point out") when there is one."""
    end = cue.idx + len(cue.text)
    for child in cue.children:
        if child.dep_ == "prt" and child.i == cue.i + 1 and child.idx + len(child.text) <= hi:
            end = child.idx + len(child.text)
    return cue.idx, end


def _is_fragment(text: str, sdoc: Any, mark: MarkedSpan, para_start: int) -> bool:
    """A quoted phrase inside a clause ("called it “a disaster”"), not a quoted statement.

    A quote is embedded when a word (other than a speech verb: "he said “...”") comes right before
    its opening mark; an embedded quote still counts as a statement when it reads like a sentence of
    its own (capitalised, five words or more).
    """
    pos = mark.open_mark[0] - 1
    while pos >= para_start and text[pos] in " \t":
        pos -= 1
    if pos < para_start:
        return False
    ch = text[pos]
    if ch in '.!?:;,—–-("”“':
        return False
    body = text[mark.start : mark.end]
    first_alpha = next((c for c in body if c.isalpha()), "")
    if not first_alpha.isupper():
        return True
    span = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is not None and len(span) and span[-1].lemma_.lower() in SPEECH_LEMMAS:
        return False
    return len(body.split()) < 5


def _last_char_before(text: str, pos: int, lo: int) -> int:
    pos -= 1
    while pos >= lo and text[pos].isspace():
        pos -= 1
    return pos


def _first_char_after(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def _direct_quotes(text: str, sdoc: Any, marks: list[MarkedSpan]) -> list[Extracted]:
    """Attribute each marked span from the words around it (its frame), then share within quotations."""
    sents = _segments(sdoc, text)
    paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(text)]
    blocked = [(m.open_mark[0], m.close_mark[1] if m.close_mark else m.end) for m in marks]
    out: list[Extracted] = []
    for index, mark in enumerate(marks):
        para = _containing(paras, mark.open_mark[0]) or (0, len(text))
        quote_end = blocked[index][1]
        next_open = marks[index + 1].open_mark[0] if index + 1 < len(marks) else len(text)
        # after the quote: the rest of the sentence the frame starts in, up to the next quote
        attribution = None
        after_frame: CharSpan | None = None
        first = _first_char_after(text, quote_end, para[1])
        if mark.close_mark is not None and first < min(para[1], next_open):
            sent = _containing(sents, first)
            after_frame = (quote_end, min(next_open, para[1], sent[1] if sent else para[1]))
        # before the quote: back to the previous quote or the start of the sentence, unless the
        # sentence before has ended (a quote that opens a sentence takes no cue from the one before)
        before_frame: CharSpan | None = None
        last = _last_char_before(text, mark.open_mark[0], para[0])
        prev_end = blocked[index - 1][1] if index > 0 else 0
        if last >= max(para[0], prev_end) and text[last] not in ".!?":
            sent = _containing(sents, last)
            lo = max(prev_end, para[0], sent[0] if sent else para[0])
            before_frame = (lo, mark.open_mark[0])
        ends_sentence = mark.close_mark is not None and text[mark.end - 1] in "."
        colon_lead = False
        if before_frame is not None and not ends_sentence:
            # 'She declared: “What a night!”': a cue right before the quote wins over words after it
            lead = _tokens_in(sdoc, *before_frame)
            lead = [t for t in lead if not t.is_space]
            while lead and lead[-1].text in ",":
                lead.pop()
            if lead and (lead[-1].text == ":" or lead[-1].lemma_.lower() in SPEECH_LEMMAS):
                ends_sentence = True
                colon_lead = lead[-1].text == ":" and not (len(lead) > 1 and _is_speech_verb(lead[-2]))
        if _is_fragment(text, sdoc, mark, para[0]):
            # a quoted phrase inside a clause: that clause is the (indirect) quote
            out.append(Extracted(mark.start, mark.end, "direct", group=-1))
            continue
        # '“...,” Trump barked' / '“...!” beamed Hartley': a quote that closes on a comma, "?" or "!"
        # leaves its sentence open, and the clause that follows it is its attribution, whatever the verb
        open_end = (
            mark.close_mark is not None
            and text[mark.end - 1] in ",?!"
            and text[first : first + 1] not in ("—", "–", "-")  # '— “...!” —': a parenthesis, not a report
        )
        opening = _opening_clause(sdoc, after_frame, blocked) if open_end and after_frame is not None else None
        if (
            opening is not None
            and (colon_lead or not ends_sentence)
            and text[mark.end - 1] == ","
            and _is_speech_verb(sdoc[opening.cue_token])
        ):
            # 'she posted a message: “...,” she wrote': the cue right after a comma beats a colon before
            attribution = opening
        order = [before_frame, after_frame] if ends_sentence else [after_frame, before_frame]
        for frame in order if attribution is None else []:
            if frame is None or frame[1] <= frame[0]:
                continue
            if frame is after_frame and ends_sentence and len(_tokens_in(sdoc, *frame)) > 10:
                continue  # a whole new sentence after a finished quote: not its attribution
            attribution = _frame_attribution(sdoc, frame[0], frame[1], blocked, prefer_end=frame is before_frame)
            if attribution is None and frame is after_frame:
                attribution = opening
            if attribution is not None:
                break
        out.append(
            Extracted(
                mark.start,
                mark.end,
                "direct",
                cue=attribution.cue if attribution else None,
                speaker=attribution.speaker if attribution else None,
                speaker_head=attribution.head if attribution else None,
                group=mark.group,
            )
        )
    shared = _share_attribution(text, out, marks, paras)
    return _context_attribution(text, sdoc, shared, marks, sents, paras, blocked)


def _context_attribution(
    text: str,
    sdoc: Any,
    quotes: list[Extracted],
    marks: list[MarkedSpan],
    sents: list[CharSpan],
    paras: list[CharSpan],
    blocked: list[CharSpan],
) -> list[Extracted]:
    """A quote that opens a sentence with no cue of its own takes the cue of the sentence just before
    it ("Lavrov told reporters on Monday: ..." / "Lavrov spoke in Sochi. He said ..." then the quote),
    when that sentence holds no quote of its own."""
    result = list(quotes)
    for i, q in enumerate(result):
        if q.group < 0 or q.cue is not None:
            continue
        opening = marks[i].open_mark[0]
        last = _last_char_before(text, opening, 0)
        if last < 0 or text[last] not in ".:!?":
            continue
        prev = _containing(sents, last)
        if prev is None or _inside(last, blocked) or _overlapping(blocked, prev[0], prev[1]):
            continue
        para_q = _containing(paras, opening)
        para_p = _containing(paras, last)
        if para_q != para_p and (para_p is None or text[para_p[1] : opening].strip()):
            continue
        attribution = _frame_attribution(sdoc, prev[0], prev[1], blocked, prefer_end=True)
        if attribution is None or attribution.speaker is None:
            continue
        result[i] = replace(
            q, cue=attribution.cue, speaker=attribution.speaker, speaker_head=attribution.head, inherited=True
        )
        # the rest of the same quotation follows this attribution
        for j in range(i + 1, len(result)):
            if result[j].group == q.group and result[j].cue is None:
                result[j] = replace(
                    result[j],
                    cue=attribution.cue,
                    speaker=attribution.speaker,
                    speaker_head=attribution.head,
                    inherited=True,
                )
    return result


def _share_attribution(
    text: str, quotes: list[Extracted], marks: list[MarkedSpan], paras: list[CharSpan]
) -> list[Extracted]:
    """Give unattributed parts of a quotation the attribution of another part.

    Parts of a multi-paragraph quote share the attribution any of them has. A split quote
    ("...," X said. "...") is one quotation: a later part in the same paragraph with no cue of its own
    takes the cue and speaker of the part before it, and so does a quote that opens the next paragraph
    right after a paragraph that ended in an attributed quote (it continues that quotation).
    """
    result = list(quotes)
    by_group: dict[int, Extracted] = {}
    for q in result:
        if q.cue is not None and q.group >= 0:
            by_group.setdefault(q.group, q)
    for i, q in enumerate(result):
        if q.cue is None and q.group in by_group:
            src = by_group[q.group]
            result[i] = replace(q, cue=src.cue, speaker=src.speaker, speaker_head=src.speaker_head, inherited=True)
    # merge groups that share a cue (the cue between the two parts of a split quote)
    first_group: dict[CharSpan, int] = {}
    for i, q in enumerate(result):
        if q.cue is not None and q.group >= 0:
            group = first_group.setdefault(q.cue, q.group)
            result[i] = replace(q, group=group)
    last = -1  # the previous statement (quoted phrases inside clauses are skipped)
    for i in range(len(result)):
        q = result[i]
        if q.group < 0:
            continue
        p, last = last, i
        if p < 0 or q.cue is not None or result[p].cue is None:
            continue
        prev = result[p]
        prev_close = marks[p].close_mark
        prev_end = prev_close[1] if prev_close is not None else marks[p].end
        para_i = _containing(paras, marks[i].open_mark[0])
        para_p = _containing(paras, marks[p].open_mark[0])
        same_para = para_i == para_p
        next_para = (
            para_i is not None
            and para_p is not None
            and not same_para
            and text[para_p[1] : para_i[0]].strip() == ""
            and text[para_i[0] : marks[i].open_mark[0]].strip() == ""
            and len(text[prev_end : para_p[1]].split()) <= 40
        )
        if same_para or next_para:
            result[i] = replace(
                q,
                cue=prev.cue,
                speaker=prev.speaker,
                speaker_head=prev.speaker_head,
                group=prev.group,
                inherited=True,
            )
    return result


# ---------------------------------------------------------------------------------------------------
# Indirect speech


def _can_speak(subj: Any | None) -> bool:
    """A subject that can say or characterise something: a name, a pronoun, or a speaker noun."""
    if subj is None:
        return False
    if subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return subj.lemma_.lower() in SPEAKER_NOUNS


def _clause_span(tokens: Sequence[Any]) -> CharSpan | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].is_punct and toks[-1].text not in ')”"’'):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _indirect_quotes(text: str, sdoc: Any, direct: Sequence[Extracted], blocked: Sequence[CharSpan]) -> list[Extracted]:
    sents = _segments(sdoc, text)
    out: list[Extracted] = []
    used_cues = {q.cue for q in direct if q.cue}
    for s_lo, s_hi in sents:
        tokens = _tokens_in(sdoc, s_lo, s_hi)
        if not tokens:
            continue
        for verb in tokens:
            if verb.lemma_.lower() not in INDIRECT_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
                continue
            if _inside(verb.idx, blocked) or (verb.idx, verb.idx + len(verb.text)) in used_cues:
                continue
            if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
                continue  # "a group called the Islamic State": a name, not a report
            lemma = verb.lemma_.lower()
            content = (
                None if lemma in CHARACTERISING_LEMMAS else next((c for c in verb.children if c.dep_ == "ccomp"), None)
            )
            if content is None and lemma in INTENT_LEMMAS:
                content = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
            span: CharSpan | None = None
            if content is None and lemma in OBJECT_CONTENT_LEMMAS:
                objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
                if objects:
                    sub = [t for o in objects for t in o.subtree if s_lo <= t.idx < s_hi]
                    span = _clause_span(sorted(sub, key=lambda t: t.i))
            if content is not None:
                sub = [t for t in content.subtree if s_lo <= t.idx < s_hi]
                span = _clause_span(sub)
            elif (
                verb.dep_ in ("parataxis", "ccomp")
                and verb.i > verb.head.i
                and verb.left_edge.i > 0
                and verb.doc[verb.left_edge.i - 1].text == ","
            ):
                # "X happened, sources said." parsed with the cue hanging off the content
                sub = [t for t in tokens if t.i < verb.left_edge.i - 1]
                span = _clause_span(sub)
            if span is None or len(text[span[0] : span[1]].split()) < 3:
                continue
            if any((b[1] - b[0]) > 0.5 * (span[1] - span[0]) for b in _overlapping(blocked, *span)):
                continue
            subj = _subject(verb, s_lo, s_hi, [span])
            if content is None and not _can_speak(subj):
                continue  # "the crisis called X": only a person or a body characterises something
            mention = _mention(subj, s_lo, s_hi, [span]) if subj is not None else None
            out.append(
                Extracted(
                    span[0],
                    span[1],
                    "indirect",
                    cue=_cue_span(verb, s_lo, s_hi),
                    speaker=mention[0] if mention else None,
                    speaker_head=mention[1] if mention else None,
                )
            )
        acc = _according_to(tokens)
        if acc is not None and not _inside(acc[0].idx, blocked):
            according, obj = acc
            phrase = [t for t in tokens if t.i >= according.i and (t.i <= obj.i or t in set(obj.subtree))]
            p_lo = min(t.i for t in phrase)
            p_hi = max(t.i for t in phrase)
            before = [t for t in tokens if t.i < p_lo]
            after = [t for t in tokens if t.i > p_hi]
            rest = after if len(after) >= len(before) else before
            span = _clause_span(rest)
            if (
                span is not None
                and len(text[span[0] : span[1]].split()) >= 3
                and not any((b[1] - b[0]) > 0.5 * (span[1] - span[0]) for b in _overlapping(blocked, *span))
            ):
                mention = _mention(obj, s_lo, s_hi, [span])
                to = sdoc[according.i + 1]
                out.append(
                    Extracted(
                        span[0],
                        span[1],
                        "indirect",
                        cue=(according.idx, to.idx + len(to.text)),
                        speaker=mention[0],
                        speaker_head=mention[1],
                    )
                )
    # one content, one attribution: keep the outermost of nested indirect contents with the same cue
    out.sort(key=lambda q: (q.start, -q.end))
    kept: list[Extracted] = []
    seen: set[tuple[int, CharSpan | None]] = set()
    for q in out:
        if (q.start, q.cue) in seen:
            continue
        seen.add((q.start, q.cue))
        kept.append(q)
    return kept


# ---------------------------------------------------------------------------------------------------
# Entry points


def extract_quotes(text: str, sdoc: Any, indirect: bool = True) -> list[Extracted]:
    """Direct and (optionally) indirect quotes of ``text`` parsed as ``sdoc``, in text order.

    Never raises on odd text: malformed quote marks only mean fewer direct quotes. Quoted fragments
    inside a clause are not quotes of their own; they stay inside the indirect quote around them.
    """
    if not text.strip() or sdoc is None or len(sdoc) == 0:
        return []
    marks = scan_quote_marks(text)
    direct = _direct_quotes(text, sdoc, marks)
    # a short quoted phrase counts when it is attributed ("“No,” he said") or part of a longer
    # quotation ("“Judge,” he said, “I have never ...”"); an unattributed one is more often a title
    groups = Counter(q.group for q in direct if q.group >= 0 and len(q.text(text).split()) >= 2)
    keep = [
        q.group >= 0 and len(q.text(text).split()) >= (4 if q.cue is None else 2 if groups[q.group] == 0 else 1)
        for q in direct
    ]
    statements = [q for q, k in zip(direct, keep, strict=True) if k]
    blocked = sorted(
        (m.open_mark[0], m.close_mark[1] if m.close_mark else m.end) for m, k in zip(marks, keep, strict=True) if k
    )
    found = list(statements)
    if indirect:
        found.extend(_indirect_quotes(text, sdoc, statements, blocked))
    found.sort(key=lambda q: (q.start, q.end))
    return found


def quotes_from_text(text: str, nlp: Any, indirect: bool = True) -> list[Extracted]:
    """Plain text in, quotes out: parse with ``nlp`` (a loaded spaCy pipeline) and extract."""
    return extract_quotes(text, nlp(text), indirect=indirect)


def is_pronoun(words: str) -> bool:
    """True for speaker mentions that need coreference ("he", "they", "this official" is not)."""
    return words.strip().lower() in COREFERENT_SPEAKER_WORDS
