"""When and where an event happened, and the TIMEX3 helpers that go with it.

The date: a time expression of the act's own clause, else of a clause governing it, else (for a headline's
act) of the body sentence that tells it again, else the article's reference (publication) date; a TIMEX3
token is never a date. The place: the location argument of its clause, else a place setting its
sentence's scene, else the city where the body tells a headline's act again, else the dateline for a lead
event, else the article's scene. ``date.source`` and ``location.source`` say which step decided."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from anyascii import anyascii

from eventwire.document import Document, EventDate, EventLocation, Place, Time
from eventwire.events.candidate import Candidate
from eventwire.events.lexicon import (
    ACT_PREPS,
    MEETING_NOUNS,
    OFFSET_MARKS,
    OFFSET_UNITS,
    SETTING_PREPS,
    VAGUE_COUNT,
)
from eventwire.events.slots import ActorIndex
from eventwire.events.syntax import PASS_SUBJ_DEPS, SUBJ_DEPS
from eventwire.places.lexicon import FACILITY_WORDS
from eventwire.places.resolve import resident_noun_after
from eventwire.times.lexicon import SMALL_NUMBERS

# at equal preposition and distance, the most precise place names the event's place
PLACE_KIND_RANK = {"city": 0, "admin1": 1, "admin2": 1, "country": 2}  # anything else: 2


# TIMEX3 tokens (TimeML's underspecified values): never an event's date. The present is the reference date;
# the past and the future are known only as such, so the date is left empty.
TIMEX_TOKENS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# clause edges that start another act's clause below the event's own ("X, who said on Monday...")
SUB_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "conj", "parataxis", "csubj", "pcomp"})
# reported content: the time of the saying is not the time of the act reported
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
COORD_DEPS = frozenset({"conj"})
CLAUSE, SENTENCE = 0, 1
# the markers of a clause that happens at the time of the clause it hangs from ("killed when they pulled
# over the parolee on Saturday")
SAME_TIME_MARKS = frozenset({"when", "as", "while"})
# the dependencies by which an event noun is its verb's own argument
NOUN_ARGS = frozenset({"nsubj", "nsubjpass", "dobj"})


def date_of(doc: Document, cand: Candidate, sent: Any) -> EventDate:
    """The date of the act: a time expression of its own clause first (one the trigger or its verb governs,
    or one the clause describes, "2003, when Turkey refused"), else one of a clause that governs it ("On
    Friday, an official said militants had surrendered"), else the article's reference date. A time that
    modifies another act ("March's attack", "the talks set for tomorrow", a coordinated "and was charged
    the following day") does not date this one. ``date.source`` says which of the three it was."""
    shifted = _offset_date(doc, cand.trigger, cand.clause, sent)
    if shifted is not None:
        return shifted  # "a week after 44 people were killed": a week before the clause it hangs from
    best = _sentence_time(doc, cand.trigger, cand.clause, sent)
    if best is not None:
        return timex_date(doc, best[1], "clause" if best[0] == CLAUSE else "sentence")
    restated = _restated(doc, cand.trigger, sent)
    if restated is not None:
        return timex_date(doc, restated, "restated")  # a headline's act, dated where the story tells it
    return published_date(doc)


def _offset_date(doc: Document, trigger: Any, verb: Any, sent: Any) -> EventDate | None:
    """The date of an act told as a span before or after another ("It comes a week after 44 people were
    killed", "began an incursion a day after intense aerial bombardment", "just weeks after Trump said"):
    the date of the clause it hangs from (its own time, else the article's), shifted by the span. None when
    the act is not told so, or the span is not one of days, weeks, months or years."""
    if verb.dep_ == "advcl":
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in OFFSET_MARKS), None)
        main = verb.head
    elif trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in OFFSET_MARKS:
        mark = trigger.head
        main = mark.head
    else:
        return None
    if mark is None or main.pos_ not in ("VERB", "AUX"):
        return None
    span = next((c for holder in (mark, verb) for c in holder.children
                 if c.dep_ == "npadvmod" and c.lemma_.lower() in OFFSET_UNITS), None)
    if span is None:
        return None
    kind, per = OFFSET_UNITS[span.lemma_.lower()]
    number = next((c for c in span.children if c.dep_ in ("nummod", "det")), None)
    count = _count(number.lower_) if number is not None else None
    vague = count is None
    if vague and kind == "D" and per < 7:
        return None  # "days after X": within the month at most; the clause's own date says as much
    found = _sentence_time(doc, main, main, sent)
    base = timex_date(doc, found[1], "clause") if found is not None else published_date(doc)
    start = period_start(base.value or "")
    if start is None:
        return None
    n = OFFSET_MARKS[mark.lower_] * (VAGUE_COUNT if vague else count or 0)
    if kind == "D":
        day = start + timedelta(days=n * per)
    else:
        day = _month_start(start, n * (12 if kind == "Y" else 1))
    level = {"D": "day", "M": "month", "Y": "year"}[kind]
    if vague or base.precision not in ("day", "time", "published"):
        level = "year" if kind == "Y" or base.precision == "year" else "month"
    value = day.isoformat()[: {"day": 10, "month": 7, "year": 4}[level]]
    lo, hi = sorted((span.left_edge.i, mark.i))
    text = span.doc[lo : hi + 1].text
    return EventDate.model_construct(value=value, precision=level, text=text, source="clause")


def _month_start(day: date, months: int) -> date:
    """The first day of the month ``months`` calendar months from ``day``'s."""
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _count(word: str) -> int | None:
    """A span's count as written ("a", "two", "21"), None if it is no number ("the", "just")."""
    if word.isdigit():
        return int(word)
    value = SMALL_NUMBERS.get(word)
    return int(value) if value is not None and value >= 1 else None


def _sentence_time(doc: Document, trigger: Any, verb: Any, sent: Any) -> tuple[int, Time] | None:
    """The time of the sentence that dates the act at trigger/verb, with its level; None if none does."""
    best: tuple[tuple[int, int], Time] | None = None
    for t in doc.times:
        if t.start < sent.start_char or t.end > sent.end_char or not t.timex or t.type not in ("DATE", "TIME"):
            continue
        level = _time_level(doc, trigger, verb, t)
        if level is None:
            continue
        key = (level, min(abs(t.start - trigger.idx), abs(t.end - trigger.idx)))
        if best is None or key < best[0]:
            best = (key, t)
    return (best[0][0], best[1]) if best is not None else None


def _restated(doc: Document, trigger: Any, sent: Any) -> Time | None:
    """For an act of the title: the time of its own clause where the body first tells it again (the same
    word, "attack" ... "The attack occurred around 9 p.m. Sunday"), within the first sentences."""
    for tok, other in _restatements(doc, trigger, sent):
        found = _sentence_time(doc, tok, _verb_of(tok), other)
        if found is not None and found[0] == CLAUSE:
            return found[1]
    return None


def _restatements(doc: Document, trigger: Any, sent: Any) -> Iterator[tuple[Any, Any]]:
    """(token, sentence) where the body's first sentences tell a title's act again: the act's own word, or
    an event noun it is told through ("killed in a knife attack", "jailed after a vicious assault")."""
    title_end = doc.article.title_end
    if not title_end or sent.start_char >= title_end:
        return
    lemmas = {trigger.lemma_.lower()} | {
        obj.lemma_.lower() for obj in trigger.subtree
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.head.lower_ in ACT_PREPS}
    seen = 0
    for other in doc.spacy.sents:
        if other.start_char <= sent.start_char:
            continue
        seen += 1
        if seen > RESTATE_SENTENCES:
            break
        for tok in other:
            if tok.lemma_.lower() in lemmas and tok.pos_ in ("NOUN", "VERB"):
                yield tok, other


# how far into the body a headline's act is looked for
RESTATE_SENTENCES = 5


def _verb_of(tok: Any) -> Any:
    """The verb whose clause holds a token (the token itself if it is one); within eight steps up, else the
    highest token reached (a verbless headline's root)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def timex_date(doc: Document, t: Time, source: str) -> EventDate:
    """An event date from a time expression: its value and precision, a TIMEX3 token never shown as a date
    (PRESENT_REF is the reference date; "a few weeks ago" counts back to a month, ``_vague_ago``; other
    PAST_REF and FUTURE_REF leave the value empty)."""
    value = t.timex or ""
    if value in TIMEX_TOKENS:
        if value == "PRESENT_REF" and doc.article.published:
            pub = doc.article.published
            return EventDate.model_construct(value=pub, precision=precision(pub), text=t.text, source=source)
        vague = _vague_ago(doc, t) if value == "PAST_REF" else None
        if vague is not None:
            return EventDate.model_construct(value=vague[0], precision=vague[1], text=t.text, source=source)
        return EventDate.model_construct(value=None, precision=None, text=t.text, source=source)
    return EventDate.model_construct(value=value, precision=precision(value), text=t.text, source=source)


def _vague_ago(doc: Document, t: Time) -> tuple[str, str] | None:
    """"A few weeks ago", "months ago" (TimeML's PAST_REF): as many units back from publication as a span
    with no number counts (VAGUE_COUNT), at the precision such a span says: a month. None for other past
    references ("recently", "years ago") or with no publication date."""
    m = VAGUE_AGO.search(t.text)
    start = period_start(doc.article.published or "")
    if m is None or start is None:
        return None
    kind, per = OFFSET_UNITS[m.group(1).lower().rstrip("s")]
    if kind == "D":
        day = start - timedelta(days=VAGUE_COUNT * per)
    else:
        day = _month_start(start, -VAGUE_COUNT)
    return day.isoformat()[:7], "month"


# "a few weeks ago", "several months ago", "days ago": a span with no number, counted back from publication
# ("years ago" says no year: it stays undated, as the coders leave it)
VAGUE_AGO = re.compile(r"\b(days|weeks|months)\s+ago\b", re.I)


def _time_level(doc: Document, trigger: Any, verb: Any, t: Time) -> int | None:
    """CLAUSE if the time dates the event's own clause, SENTENCE if it dates a clause above it, None if it
    belongs to another act."""
    return _level(doc, trigger, verb, t.start, t.end)


def _level(doc: Document, trigger: Any, verb: Any, start: int, end: int, nouns: bool = True) -> int | None:
    """Where the words at start:end attach for the event: CLAUSE (its own clause, or a clause of the same
    time below it), SENTENCE (a clause that governs it, not a saying), None (another act's words). With
    ``nouns``, words that modify another noun
    belong to that noun's act ("March's attack"); a place in a noun ("the resort of Sochi") still counts."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    inside = {tok.i for tok in span}
    if trigger.i in inside or verb.i in inside:
        return None
    # the clause describes the time: "2003, when Turkey refused", "in November, when talks began"
    if verb.dep_ in ("relcl", "advcl", "acl") and verb.head.i in inside:
        return CLAUSE
    # what the time hangs from: the trigger, a verb, or another noun (an act of its own: "March's attack")
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i == trigger.i:
            return CLAUSE
        if tok.pos_ in ("VERB", "AUX"):
            break
        if nouns and tok.pos_ == "NOUN" and not _event_path(tok, trigger) and not _setting(tok):
            return None
        if tok.pos_ == "NOUN" and _setting(tok) and tok.head.head.pos_ not in ("VERB", "AUX"):
            while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
                tok = tok.head  # "at a summit in September" hung on a noun: the setting of the verb above
            break
    gov = tok
    if gov.i == verb.i or (trigger.pos_ == "NOUN" and trigger.head.i == gov.i and trigger.dep_ in NOUN_ARGS):
        return CLAUSE  # an event noun dated by the verb it is an argument of: "as the airstrikes got under
        # way early on Saturday"
    if gov.is_ancestor(verb):
        if _crosses(verb, gov, REPORTED_DEPS):
            # "sources said yesterday that he has sent messages": when it was said, not done (measured: dating
            # reported acts by their saying was right in 1 of 4 changed realnews events, the gold leaves the
            # others undated)
            return None
        if _crosses(verb, gov, COORD_DEPS, subject=True):
            return None  # "A met B on Monday, and C criticized D": another statement's time
        return SENTENCE if _crosses(verb, gov) else CLAUSE
    if verb.is_ancestor(gov) and not _crosses(gov, verb):
        return CLAUSE  # "is to make a visit ... on Monday": an xcomp chain is one clause
    if verb.is_ancestor(gov) and _same_time_clause(gov, verb):
        return CLAUSE  # "were gunned down when they pulled over the parolee on Saturday"
    return None


def _same_time_clause(low: Any, high: Any) -> bool:
    """Whether the only clause between ``low`` and its ancestor ``high`` is one of the same time ("when",
    "as", "while"), which its time dates too."""
    crossed = []
    cur = low
    while cur.i != high.i and cur.head.i != cur.i:
        if cur.dep_ in SUB_CLAUSE_DEPS:
            crossed.append(cur)
        cur = cur.head
    return len(crossed) == 1 and crossed[0].dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in SAME_TIME_MARKS for c in crossed[0].children)


def _event_path(noun: Any, trigger: Any) -> bool:
    """Whether ``noun`` is on the trigger's own noun phrase ("the talks in Geneva" hanging from "talks")."""
    return noun.i == trigger.i or noun.is_ancestor(trigger)


def _setting(noun: Any) -> bool:
    """Whether a noun is the setting of a verb's act ("said at a meeting on Monday"), not an act of its own;
    "at" a meeting is one wherever the parser hangs it ("warned Mr Putin of serious consequences at a summit
    in September": on "consequences")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in SETTING_PREPS:
        return False
    return prep.head.pos_ in ("VERB", "AUX") or (prep.lower_ == "at" and noun.lemma_.lower() in MEETING_NOUNS)


def _crosses(low: Any, high: Any, deps: frozenset[str] = SUB_CLAUSE_DEPS, subject: bool = False) -> bool:
    """Whether the path up from ``low`` to its ancestor ``high`` enters another clause (advcl, relcl, ...);
    with ``subject``, only a clause with a subject of its own counts."""
    cur = low
    while cur.i != high.i and cur.head.i != cur.i:
        if cur.dep_ in deps and (not subject or any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in cur.children)):
            return True
        cur = cur.head
    return False


def place_of(index: ActorIndex, cand: Candidate) -> EventLocation | None:
    """Where the act happened: a place naming the meeting it is about ("the Sochi talks"), else the location
    argument of its clause ("in/at/near/outside + place", a city first), else a city its sentence sets the
    scene with; a country there is narrowed to the city where the body tells a headline's act again; else
    the dateline for an event of the lead, else the article's scene (its main city, or country).
    ``location.source`` says which it was."""
    doc = index.doc
    c_lo, c_hi = cand.bounds()
    actor_starts = {m.start for a in cand.actors for m in a.mentions}
    sent = cand.trigger.sent
    best: tuple[tuple[int, int, int, int], Place, str] | None = None
    if "place_mentions" not in index.memo:
        index.memo["place_mentions"] = _place_mentions(index)
    for start, end, place, via in index.memo["place_mentions"]:
        if start in actor_starts or not (sent.start_char <= start and end <= sent.end_char):
            continue
        if _origin(doc, start, end):
            continue  # "an Edmonton man jailed": where he is from, not where it happened
        inside = 0 if (c_lo <= start and end <= c_hi) else 1
        if inside and via:
            continue  # outside the clause, only a scene-setting place ("in Syria, rebels shelled ...")
        kind_rank = PLACE_KIND_RANK.get(place.kind or "", 2)
        key = (inside, via, kind_rank, abs(start - cand.trigger.idx))
        if best is None or key < best[0]:
            best = (key, place, doc.article.text[start:end])
    named = _named_by_trigger(doc, cand.trigger)
    if named is not None:
        return location(named[0], "clause", named[1])  # "the Sochi talks", "the Geneva conference"
    if best is not None and best[1].kind not in BROAD_KINDS:
        return location(best[1], "clause" if best[0][0] == 0 else "sentence", best[2])
    told = _restated_place(doc, cand, best[1] if best is not None else None)
    if told is not None:
        return location(told[0], "restated", told[1])  # "knife attack in China" ... "a store in Shenzhen"
    if best is not None:
        return location(best[1], "clause" if best[0][0] == 0 else "sentence", best[2])
    if "focus" not in index.memo:
        index.memo["focus"] = article_focus(doc)
    focus: Focus = index.memo["focus"]
    if focus.dateline is not None and sent.start_char <= focus.lead_end:
        return location(focus.dateline, "dateline")
    scene = focus.city or focus.country
    return location(scene, "article") if scene is not None else None


def _restated_place(doc: Document, cand: Candidate, broad: Place | None) -> tuple[Place, str] | None:
    """For an act of the title placed at most in a country: the city where the body tells it again, in that
    country (a place of the restating clause, its own preposition's object)."""
    for tok, other in _restatements(doc, cand.trigger, cand.trigger.sent):
        verb = _verb_of(tok)
        for p in doc.places:
            if p.kind not in CITY_KINDS or (broad is not None and p.country != broad.country):
                continue
            for m in p.mentions:
                if other.start_char <= m.start < other.end_char and not _origin(doc, m.start, m.end) and \
                        _level(doc, tok, verb, m.start, m.end, nouns=False) == CLAUSE:
                    return p, m.text
    return None


def _place_mentions(index: ActorIndex) -> list[tuple[int, int, Place, int]]:
    """The index's place mentions (via 0: the object of a place preposition), plus the places that name a
    facility ("at Heathrow airport", "from Incirlik air base"), which the index leaves out as modifiers."""
    out = list(index.places)
    doc, seen = index.doc, {(s, e) for s, e, _, _ in index.places}
    for p in doc.places:
        for m in p.mentions:
            if (m.start, m.end) in seen:
                continue
            span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ != "compound" or span.root.head.lower_ not in FACILITY_NOUNS:
                continue
            head = span.root.head
            via = 0 if head.dep_ == "pobj" and head.head.lower_ in index.words.place_prep else 1
            out.append((m.start, m.end, p, via))
    return out


# head nouns of a facility named by its place ("Heathrow airport", "Baghdad airport", "Incirlik air base"); not
# the owner words ("the US embassy" is not in the US)
FACILITY_NOUNS = frozenset(w.split()[-1] for w in FACILITY_WORDS)


def _origin(doc: Document, start: int, end: int) -> bool:
    """Whether a place mention names where people are from ("a DeKalb man", "Edmonton woman")."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    return span is not None and resident_noun_after(span)


def _named_by_trigger(doc: Document, trigger: Any) -> tuple[Place, str] | None:
    """A place that names the setting of the event noun, or of the meeting the act is about, as its
    modifier: "the Sochi talks", "the Geneva summit", "are sponsoring the Sochi talks"."""
    nouns = {trigger.i} if trigger.pos_ in ("NOUN", "PROPN") else set()
    nouns |= {c.i for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MEETING_NOUNS}
    if not nouns:
        return None
    for p in doc.places:
        for m in p.mentions:
            if trigger.sent.start_char <= m.start < trigger.sent.end_char:
                span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in ("compound", "nmod") and span.root.head.i in nouns:
                    return p, m.text
    return None


class Focus:
    """The article's scene: the dateline's place, its main city and its main country (None if unclear)."""

    def __init__(self, dateline: Place | None, city: Place | None, country: Place | None, lead_end: int) -> None:
        self.dateline, self.city, self.country, self.lead_end = dateline, city, country, lead_end


def article_focus(doc: Document) -> Focus:
    """Where the story is set: the dateline ("ISLAMABAD, Pakistan —"), the city named most (the title and
    the lead count double), and the country named most, counting the countries of its cities. A city ties
    broken by first mention; a city outside the main country is not the scene."""
    sp = doc.spacy
    sents = list(sp.sents) if sp is not None else []
    lead_end = sents[min(2, len(sents) - 1)].end_char if sents else 0
    dateline: Place | None = None
    city_w: dict[str, float] = {}
    country_w: dict[str, float] = {}
    first: dict[str, int] = {}
    by_id = {p.id: p for p in doc.places}
    for p in doc.places:
        for m in p.mentions:
            w = 2.0 if m.start < lead_end else 1.0
            first[p.id] = min(first.get(p.id, m.start), m.start)
            if p.kind in CITY_KINDS:
                city_w[p.id] = city_w.get(p.id, 0.0) + w
                if dateline is None and m.text.isupper() and len(m.text) > 2 and _opens_paragraph(doc, m.start):
                    dateline = p
            if p.country:
                country_w[p.country] = country_w.get(p.country, 0.0) + w
    country: Place | None = None
    total = sum(city_w.values())
    if country_w:
        top = max(country_w, key=lambda c: country_w[c])
        country = next((p for p in doc.places if p.kind == "country" and p.country == top), None)
        city_w = {k: v for k, v in city_w.items() if by_id[k].country == top}
        total = country_w[top]
    city: Place | None = None
    if city_w:
        best = max(city_w, key=lambda k: (city_w[k], -first[k]))
        if city_w[best] >= CITY_SHARE * total:
            city = by_id[best]  # the story is set in that city, not just somewhere in its country
    return Focus(dateline, city, country, lead_end)


CITY_KINDS = frozenset({"city", "admin2"})  # Place.kind (a capital is a "city" there)
BROAD_KINDS = frozenset({"country", "admin1"})
# the share of its country's mentions a city needs to be the article's scene rather than the country
CITY_SHARE = 0.3


def _opens_paragraph(doc: Document, start: int) -> bool:
    """Whether a mention starts the text, a line or a sentence: where a dateline stands."""
    text = doc.article.text
    before = text[max(0, start - 2):start]
    return start == 0 or "\n" in before or before.endswith(". ")


def location(p: Place, source: str, text: str | None = None) -> EventLocation:
    """The event's location: the place as the text names it where the act is told (``text``: "Heathrow",
    with London's coordinates and geonameid), else as the article names it most ("Raqqa", "Afrin", not the
    gazetteer's "Ar Raqqah", "‘Afrīn"); in ASCII, capitals of a dateline undone."""
    name = _fold(text) if text else surface_name(p)
    return EventLocation.model_construct(name=name or p.name, country=p.country, lat=p.lat, lon=p.lon,
                                         geonameid=p.geonameid, source=source)


def surface_name(p: Place) -> str:
    """The most frequent written form of a place in its article (ties: the first), folded to ASCII."""
    counts: dict[str, int] = {}
    for m in p.mentions:
        form = _fold(m.text)
        if form:
            counts[form] = counts.get(form, 0) + 1
    return max(counts, key=lambda f: counts[f]) if counts else (_fold(p.name) or p.name)


def _fold(text: str) -> str:
    """A written place name as a location name: no leading "the", a dateline's capitals undone, ASCII."""
    form = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if form.isupper() and len(form) > 3:
        form = form.title()
    return anyascii(form).strip("'`\" ")


def published_date(doc: Document) -> EventDate:
    """The article's reference date, for an act its sentence does not date."""
    published = doc.article.published
    return EventDate.model_construct(value=published, precision="published" if published else None, text=None,
                                     source="article" if published else None)


def parse_date(value: str | None) -> date | None:
    """The day of an ISO date or date-time string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def period_start(timex: str) -> date | None:
    """First day of a TIMEX3 date value (day, month or year precision)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", timex)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def period_end(timex: str) -> date | None:
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


def precision(timex: str) -> str:
    """The precision of a TIMEX3 value: time, day, week, month, year or other."""
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
