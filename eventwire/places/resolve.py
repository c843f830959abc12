"""The places stage: find place mentions and resolve them to GeoNames places, offline.

Mentions come from spaCy's GPE/LOC/FAC entities plus gazetteer matches of capitalised spans the NER
missed. Each mention is resolved by ``PlaceResolver``: candidates from the gazetteer, scored by a prior
(population, feature kind, how the name matched) plus the document's context (countries and first-level
regions named in it, nationality adjectives, "Town, State" patterns), in two passes so that confident
places inform the ambiguous ones. The resolver works on plain offsets too, which is how the geo
evaluation scores it with gold toponym spans.

Not places: nationality adjectives ("Russian"), a country named as an actor ("Russia said") unless it
appears in a locative context ("in/to/from Syria", "Turkey-based", "Syria's territory"), and capitals
used as actors ("Moscow said").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.places.gazetteer import (
    ADMIN_SUFFIX,
    DATA_DIR,
    MATCH_NAME,
    Entry,
    Gazetteer,
    haversine_km,
    normalise,
    prior_score,
)
from eventwire.places.lexicon import (
    CALENDAR_WORDS,
    DIRECTION_ADJ,
    FACILITY_WORDS,
    GENERIC_WORDS,
    GEO_NOUNS,
    INSTITUTION_WORDS,
    MOTION_VERBS,
    OWNER_FACILITY_WORDS,
    PLACE_PREPOSITIONS,
    RESIDENT_NOUNS,
)

ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
# entity labels of times and quantities: the small English model gives them to some city names
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
KIND_OUT = {"capital": "city"}
# Kinds placed by proximity to the document's other local places; the decay distance of that pull.
LOCAL_KINDS = frozenset({"city", "capital", "admin2"})
PROXIMITY_KM = 150.0
_DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


# Context votes: a country code or a (country, admin1) pair -> weight.
Votes = dict[Any, float]


def _minus(total: Votes, own: Votes) -> Votes:
    """The context a mention sees: everything the document says, less what the mention itself says."""
    out = {k: v - own.get(k, 0.0) for k, v in total.items()}
    return {k: v for k, v in out.items() if v > 1e-9}


@dataclass
class Mention:
    """A stretch of text that may name a place, with what the syntax says about how it is used."""

    start: int
    end: int
    text: str
    label: str = "GPE"
    locative: bool = True
    actor_like: bool = False


@dataclass
class Resolution:
    mention: Mention
    entry: Entry | None
    score: float = 0.0
    margin: float = 0.0
    candidates: list[Entry] = field(default_factory=list)


# The document-context weights set by hand before tools/train_geo.py fitted them; used when no file ships.
DEFAULT_WEIGHTS = {"context_weight": 2.5, "region_weight": 2.5, "proximity_weight": 2.5}
WEIGHTS_PATH = DATA_DIR / "resolver_weights.json"


def load_weights() -> dict[str, float]:
    """The fitted context weights (data/resolver_weights.json), else the hand-set defaults."""
    if not WEIGHTS_PATH.is_file():
        return dict(DEFAULT_WEIGHTS)
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    return {k: float(data.get(k, v)) for k, v in DEFAULT_WEIGHTS.items()}


class PlaceResolver:
    """Candidate generation and context scoring over the gazetteer (stateless between documents)."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        context_weight: float | None = None,
        region_weight: float | None = None,
        proximity_weight: float | None = None,
    ) -> None:
        """Weights not given come from data/resolver_weights.json (fitted by tools/train_geo.py)."""
        fitted = load_weights()
        self.gaz = gazetteer
        self.facilities = load_facilities(gazetteer)
        self.context_weight = fitted["context_weight"] if context_weight is None else context_weight
        self.region_weight = fitted["region_weight"] if region_weight is None else region_weight
        self.proximity_weight = fitted["proximity_weight"] if proximity_weight is None else proximity_weight

    # -- candidates ----------------------------------------------------------------------------------
    def candidates(self, surface: str) -> list[Entry]:
        text = re.sub(r"(?:'s|’s|')$", "", surface.strip())
        listed = self.listed_facility(text)
        if listed is not None:
            return [listed]  # "Heathrow" is London's airport, not Heathrow, Florida
        cands = self.gaz.candidates(text)
        if normalise(text) in GENERIC_WORDS:  # "the West", "the South": political, not a province
            return [e for e in cands if e.kind in ("region", "sea", "continent")]
        if cands:
            return cands  # the gazetteer's own "Union Square", before any rule that reads a part of the name
        city = self.facility_city(text)
        if city:
            return city
        cc = self.gaz.demonym(text)
        if cc:  # gold toponym spans may be adjectives ("Turkish" -> Turkey); find_mentions never passes them
            country = self.gaz.country(cc)
            return [country] if country else []
        short = ADMIN_SUFFIX.sub("", text)
        if short != text:  # "Aleppo province", "Rapides County": the region itself
            return [e for e in self.gaz.candidates(short, keep_admin=True) if e.kind in ("admin1", "admin2")]
        part = _DIRECTION_PREFIX.sub("", text)
        if part != text and part:  # "Northeast Georgia", "North Texas", "East Oxford": the place itself
            return [e for e in self.gaz.candidates(part) if e.match == MATCH_NAME]  # by its own name only
        return []

    def listed_facility(self, text: str) -> Entry | None:
        """The city of a listed facility (data/facilities.tsv), named with or without its facility word
        ("Heathrow", "Heathrow airport", "Evin prison", "Ataturk International Airport")."""
        key = normalise(text)
        return self.facilities.get(key) or self.facilities.get(_ANY_FACILITY_WORD.sub("", key))

    def facility_city(self, text: str) -> list[Entry]:
        """"X airport/air base/prison..." whose X is a city by its own name ("Baghdad airport" -> Baghdad);
        not the owner words ("the US embassy" is not in Us, France; "Trafalgar Square" not in Spain)."""
        key = normalise(text)
        short = FACILITY_SUFFIX.sub("", key)
        if short == key or not short:
            return []
        return [e for e in self.gaz.candidates(short) if e.kind in ("city", "capital") and e.match == MATCH_NAME]

    def demonym_countries(self, text: str) -> Votes:
        """Countries the text's nationality adjectives point to ("Syrian" -> SY)."""
        votes: Votes = defaultdict(float)
        for m in _DEMONYM_WORD.finditer(text):
            for word in (m.group(0), m.group(0).split()[0]):
                cc = self.gaz.demonym(word)
                if cc:
                    votes[cc] += 1
                    break
        return votes

    # -- scoring -------------------------------------------------------------------------------------
    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Resolution]:
        """Resolve every mention; mentions with no candidate get ``entry=None``."""
        cands = [self.candidates(m.text) for m in mentions]
        demonyms = self.demonym_countries(text)
        pins = self._pins(text, mentions, cands)
        # Pass 1: context from unambiguous names and nationality adjectives.
        cc_votes: Votes = defaultdict(float, {k: 0.5 * v for k, v in demonyms.items()})
        a1_votes: Votes = defaultdict(float)
        for cs in cands:
            if len(cs) == 1 or (cs and all(c.kind in ("country", "admin1") for c in cs) and len(cs) <= 2):
                for c in cs:
                    if c.country2:
                        cc_votes[c.country2] += 1.0 / len(cs)
                    if c.kind in ("admin1", "admin2"):
                        a1_votes[(c.country2, c.admin1)] += 1.0 / len(cs)
        first = [self._best(cs, cc_votes, a1_votes, pin, []) for cs, pin in zip(cands, pins, strict=True)]
        # Pass 2: context from every other resolved name (confident ones weigh more).
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            by_key[normalise(m.text)].append(i)
        totals_cc: Votes = defaultdict(float, {k: 0.5 * v for k, v in demonyms.items()})
        totals_a1: Votes = defaultdict(float)
        own_cc: dict[str, Votes] = {}
        own_a1: dict[str, Votes] = {}
        for key, idx in by_key.items():
            occ: Votes = defaultdict(float)
            oa1: Votes = defaultdict(float)
            for i in idx:
                entry, _, margin = first[i]
                if entry is None:
                    continue
                w = 1.0 if margin > 2 else 0.5
                if entry.country2:
                    occ[entry.country2] += w
                if entry.admin1 and entry.kind not in ("country", "continent", "sea", "region"):
                    oa1[(entry.country2, entry.admin1)] += w
            own_cc[key], own_a1[key] = occ, oa1
            for k, v in occ.items():
                totals_cc[k] += v
            for k, v in oa1.items():
                totals_a1[k] += v
        # Anchors for proximity: confidently placed towns and counties ("Columbus" near "Phenix City").
        anchors: list[tuple[str, float, float]] = []
        for i, m in enumerate(mentions):
            entry, _, margin = first[i]
            if entry is not None and entry.kind in LOCAL_KINDS and margin > 1.0:
                anchors.append((normalise(m.text), entry.lat, entry.lon))
        out: list[Resolution] = []
        for i, m in enumerate(mentions):
            key = normalise(m.text)
            cc_ctx = _minus(totals_cc, own_cc[key])
            a1_ctx = _minus(totals_a1, own_a1[key])
            near = [(lat, lon) for k, lat, lon in anchors if k != key]
            entry, score, margin = self._best(cands[i], cc_ctx, a1_ctx, pins[i], near)
            out.append(Resolution(m, entry, score, margin, cands[i]))
        return out

    def _pins(self, text: str, mentions: Sequence[Mention], cands: list[list[Entry]]) -> list[dict[str, Any]]:
        """'Alexandria, Louisiana' / 'Gaza City, Gaza': the name after the comma constrains the first."""
        pins: list[dict[str, Any]] = [{} for _ in mentions]
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        for a, b in pairwise(order):
            between = text[mentions[a].end : mentions[b].start]
            if not re.fullmatch(r"\s*,\s*", between) and not re.fullmatch(r"\s*\(\s*", between):
                continue
            for c in cands[b]:
                if c.kind in ("admin1", "admin2") and c.match == 0:
                    pins[a].setdefault("a1", set()).add((c.country2, c.admin1))
                    pins[a].setdefault("cc", set()).add(c.country2)
                elif c.kind == "country":
                    pins[a].setdefault("cc", set()).add(c.country2)
        return pins

    def _best(
        self,
        cands: list[Entry],
        cc_votes: Votes,
        a1_votes: Votes,
        pin: dict[str, Any],
        near: list[tuple[float, float]],
    ) -> tuple[Entry | None, float, float]:
        if not cands:
            return None, 0.0, 0.0
        top_cc = max(cc_votes.values(), default=0.0)
        scored: list[tuple[float, Entry]] = []
        for e in cands:
            s = prior_score(e)
            if top_cc > 0 and e.country2 and cc_votes.get(e.country2, 0) > 0:
                s += self.context_weight * math.sqrt(cc_votes[e.country2] / top_cc)
            if e.kind not in ("country", "continent", "sea", "region") and a1_votes.get((e.country2, e.admin1), 0) > 0:
                s += self.region_weight
            if near and e.kind in LOCAL_KINDS:
                d = min(haversine_km(e.lat, e.lon, lat, lon) for lat, lon in near)
                s += self.proximity_weight * math.exp(-d / PROXIMITY_KM)
            if pin:
                if (e.country2, e.admin1) in pin.get("a1", ()):
                    s += 6.0
                elif e.country2 in pin.get("cc", ()):
                    s += 4.0
            scored.append((s, e))
        scored.sort(key=lambda t: (-t[0], t[1].id))
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
        return scored[0][1], scored[0][0], margin


# -- mention finding with spaCy ---------------------------------------------------------------------------
def _text(doc: Any) -> str:
    """The Doc's text, built once (spaCy rebuilds ``doc.text`` from its tokens on every access)."""
    cached = doc.user_data.get("eventwire_text")
    if cached is None:
        cached = doc.user_data["eventwire_text"] = doc.text
    return str(cached)


def _is_locative(span: Any) -> bool:
    """Is this name used as a place (in/to/from X, X-based, X's territory) rather than as an actor?"""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in DIRECTION_ADJ or doc[i].lower_ == "the"):
        i -= 1
    after = _text(doc)[span.end_char : span.end_char + 24].lower()
    if re.match(r"^\s*-\s*based\b", after):
        return True
    m = re.match(r"^(?:'s|’s)\s+(\w+)", after)
    if m and m.group(1) in GEO_NOUNS:
        return True
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return False  # "an end to Syria crisis": the preposition governs the noun, not the name
    if i >= 0:
        prev = doc[i].lower_
        if prev in PLACE_PREPOSITIONS:
            return True
        if prev == "of" and i >= 1 and doc[i - 1].lower_ in GEO_NOUNS:
            return True
        if prev == "," and i >= 1 and doc[i - 1].ent_type_ in ENTITY_LABELS:
            return True  # an address: "Geneva, Switzerland"
        if doc[i].lemma_.lower() in MOTION_VERBS and root.dep_ == "dobj":
            return True  # "troops entered northern Syria"
    # Coordination: "in Iraq as well as Syria", "in Iraq and Syria".
    head = root
    for _ in range(4):
        if head.dep_ != "conj" or head.head is head:
            break
        head = head.head
    if head is not root and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return True
    return False


def _is_actor_like(span: Any) -> bool:
    """A name that is the subject of a verb or a possessor ("Moscow said", "Russia's move")."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    after = _text(span.doc)[span.end_char : span.end_char + 3]
    return after.startswith("'s") or after.startswith("’s")


def find_mentions(sdoc: Any, gaz: Gazetteer, resolver: PlaceResolver, geoparsing: bool = False) -> list[Mention]:
    """NER place entities, plus capitalised spans the NER missed that the gazetteer knows well.

    ``geoparsing`` follows the annotation convention of geoparsing corpora (LGL, TR-News): nationality
    adjectives count as mentions of their country and place names inside organisation names
    ("Texas Department of Transportation") count too. The stage leaves it off: neither is where
    something happened.
    """
    mentions: list[Mention] = []
    taken = [False] * len(sdoc)
    person_words: set[str] = set()
    for ent in sdoc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            person_words.update(t.lower_ for t in ent if t.is_alpha)
    place_keys = {normalise(e.text) for e in sdoc.ents if e.label_ in ENTITY_LABELS}
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            for t in ent:
                # a capitalised word the NER read as a time or number ("Police in Winnipeg" as a DATE) stays
                # open to the gazetteer scan below, unless it is a calendar word
                taken[t.i] = not (ent.label_ in NUMERIC_LABELS and t.is_title and t.is_alpha and
                                  t.lower_ not in CALENDAR_WORDS)
            if ent.label_ in ("PERSON", "ORG") and (len(ent) <= 4 or (geoparsing and ent.label_ == "ORG")):
                _misread_place(ent, resolver, mentions, geoparsing, normalise(ent.text) in place_keys)
            if geoparsing and ent.label_ == "NORP" and gaz.demonym(ent.text):
                mentions.append(Mention(ent.start_char, ent.end_char, ent.text, "NORP", False, False))
            continue
        stripped = _strip_det(ent)
        if stripped is None:
            continue
        start, end, text = stripped
        if gaz.demonym(text) is not None:
            if geoparsing and gaz.demonym(text):
                mentions.append(Mention(start, end, text, "NORP", False, False))
            continue
        for t in ent:
            taken[t.i] = True
        if len(ent) > 1 and not resolver.candidates(text):
            inner = _place_within(ent, resolver)
            if inner is not None:  # "Mount Pleasant Civic Center", "Newark Live Bait", "Battle of Richmond"
                # (the corpora count a hamlet there too; the stage wants where something happened)
                label = "GAZ" if geoparsing else PART_LABEL
                mentions.append(Mention(inner.start_char, inner.end_char, inner.text, label, _is_locative(ent), False))
                continue
        mentions.append(Mention(start, end, text, ent.label_, _is_locative(ent), _is_actor_like(ent)))
    # A dateline ("ANKARA (Reuters) -", "SOCHI, Russia —"): the city the story was filed from.
    dl = _DATELINE_CITY.match(_text(sdoc))
    if dl and not any(m.start == dl.start(1) for m in mentions):
        cands = resolver.candidates(dl.group(1))
        if any(c.kind in ("city", "capital") and c.population >= 50_000 for c in cands):
            mentions.append(Mention(dl.start(1), dl.end(1), dl.group(1), "GAZ", True, False))
            for t in sdoc.char_span(dl.start(1), dl.end(1), alignment_mode="expand") or []:
                taken[t.i] = True
    # A US legislator's party and state ("Clyburn, D-S.C.", "R-Texas"): the corpora count the state.
    if geoparsing:
        for pm in _PARTY_STATE.finditer(_text(sdoc)):
            if any(m.start < pm.end(1) and pm.start(1) < m.end for m in mentions):
                continue
            if any(c.kind == "admin1" and c.country2 == "US" for c in resolver.candidates(pm.group(1))):
                mentions.append(Mention(pm.start(1), pm.end(1), pm.group(1), "GAZ", False, False))
                for t in sdoc.char_span(pm.start(1), pm.end(1), alignment_mode="expand") or []:
                    taken[t.i] = True
    # A town heading its institutions ("Huntsville Fire Chief", "Ozark police", "Mount Pleasant City Council"):
    # the corpora count the town, whatever entity the NER made of the phrase.
    if geoparsing:
        _institution_towns(sdoc, resolver, mentions, taken)
    # Capitalised runs outside any entity.
    i = 0
    n = len(sdoc)
    while i < n:
        if taken[i] or not _cap(sdoc[i]):
            i += 1
            continue
        j = i
        while j < n and not taken[j] and (
            _cap(sdoc[j]) or (sdoc[j].lower_ in ("of", "-") and j + 1 < n and _cap(sdoc[j + 1]))
        ):
            j += 1
        found = False
        for length in range(min(4, j - i), 0, -1):
            for s in range(i, j - length + 1):
                span = sdoc[s : s + length]
                if span[0].lower_ in ("of", "-") or span[-1].lower_ in ("of", "-"):
                    continue
                if gaz.demonym(span.text) is not None:
                    continue
                cands = resolver.candidates(span.text)
                if _strong(cands, sentence_start=span[0].is_sent_start) or _of_residents(span, cands):
                    mentions.append(
                        Mention(
                            span.start_char, span.end_char, span.text, "GAZ", _is_locative(span), _is_actor_like(span)
                        )
                    )
                    found = True
                    break
            if found:
                break
        i = j if j > i else i + 1
    mentions.sort(key=lambda m: m.start)
    # "Mualem" tagged GPE while "Walid al-Moualem" is a PERSON: a surname, unless it names a major place.
    major = ("country", "admin1", "continent", "sea", "region")
    return [
        m for m in mentions
        if normalise(m.text) not in person_words or m.locative or m.label == "INST"
        or any(c.kind in major for c in resolver.candidates(m.text))
    ]


def _words_pattern(words: Iterable[str]) -> str:
    """An alternation of phrases, longest first, spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# A facility word at the end of a name key ("baghdad airport", "incirlik air base"); with the owner words too
# (listed facilities only: "tahrir square", "us embassy").
FACILITY_SUFFIX = re.compile(rf"\s+(?:{_words_pattern(FACILITY_WORDS)})$")
_ANY_FACILITY_WORD = re.compile(rf"\s+(?:{_words_pattern(FACILITY_WORDS + OWNER_FACILITY_WORDS)})$")


def load_facilities(gaz: Gazetteer) -> dict[str, Entry]:
    """data/facilities.tsv: facility name key (with and without its facility word) -> the gazetteer entry of
    its city (lines whose city the gazetteer lacks are skipped)."""
    out: dict[str, Entry] = {}
    path = DATA_DIR / "facilities.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID,
                                 f"{path}:{n}: want name<TAB>city<TAB>country, got {line!r}")
        name, city, cc = fields
        found = [e for e in gaz.candidates(city) if e.country2 == cc and e.kind in ("city", "capital")]
        if found:
            entry = max(found, key=lambda e: e.population)
            key = normalise(name)
            out[key] = entry
            out.setdefault(_ANY_FACILITY_WORD.sub("", key), entry)  # "Ataturk airport" -> also "Ataturk"
    return out


# A compass word and a space or hyphen before a name ("Northeast Georgia", "North West Bicester", "Southern
# California"; not "Lowerdale").
_COMPASS = ("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper",
            "lower", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern")
_DIRECTION_PREFIX = re.compile(
    rf"^(?i:{'|'.join(_COMPASS)})[\s-]+(?:(?:east|west|East|West)(?:ern)?[\s-]+)?")


# Party and state after a US legislator's name: "D-S.C.", "R-Texas", "I-Vt." (the state is group 1).
_PARTY_STATE = re.compile(
    r"(?<![\w-])[DRI]-((?:[A-Z][a-z]*\.){1,2}(?:[A-Z][a-z]*\.?)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,;)\s])")


# The city of a dateline that opens the text ("ANKARA (Reuters) -", "SOCHI, Russia —"): an upper-case name
# of up to three words, then an optional ", Region" and a bracket or a dash. Not the datelines of
# ``eventwire.text.clean``, which the clean stage cuts with their date and agency: this one only finds the
# city, in whatever text it is given (the geo evaluation's raw texts, a dateline the cleaner kept).
_DATELINE_CITY = re.compile(
    r"^\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=\s*(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?\s*)?(?:\(|—|–|-))"
)
_PIN_AFTER = re.compile(r"^\s*,\s*((?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*)?)")


def _misread_place(
    ent: Any, resolver: PlaceResolver, mentions: list[Mention], geoparsing: bool, named_elsewhere: bool
) -> None:
    """A PERSON/ORG entity that is really a place: "Alexandria, La.", "in Raqqa", "Ohio" (a state), or a
    name the NER tags as a place elsewhere in the same article."""
    stripped = _strip_det(ent)
    if stripped is None:
        return
    start, end, text = stripped
    cands = resolver.candidates(text)
    loc = _is_locative(ent)
    pin = _PIN_AFTER.match(_text(ent.doc)[ent.end_char : ent.end_char + 30])
    pinned = bool(pin) and any(
        c.kind in ("admin1", "country") for c in resolver.candidates(pin.group(1).rstrip(".") if pin else "")
    )
    major = any(c.match == 0 and (c.kind == "country" or (c.kind == "admin1" and c.country2 == "US")) for c in cands)
    if cands and (pinned or major or named_elsewhere or (loc and _strong(cands, sentence_start=False))
                  or _of_residents(ent, cands)):
        mentions.append(Mention(start, end, text, "GAZ", loc, _is_actor_like(ent)))
        return
    if geoparsing and ent.label_ == "ORG" and len(ent) - (ent[0].lower_ == "the") > 1:
        # "Ohio State Highway Patrol", "University of Rochester", "Community Foundation of Boone County"
        part = _place_within(ent, resolver, _region_or_strong)
        if part is not None:
            mentions.append(Mention(part.start_char, part.end_char, part.text, "GAZ", False, False))


def _region_or_strong(cands: list[Entry]) -> bool:
    """A region by its own name, or a gazetteer match strong enough without the NER's support."""
    return any(c.match == 0 and c.kind in ("country", "admin1", "admin2") for c in cands) or _strong(cands, False)


def _strip_det(span: Any) -> tuple[int, int, str] | None:
    """Drop a leading "the" and a trailing possessive so the mention is the name itself."""
    toks = list(span)
    while toks and toks[0].lower_ in ("the",):
        toks = toks[1:]
    while toks and toks[-1].lower_ in ("'s", "’s", "'"):
        toks = toks[:-1]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end, _text(span.doc)[start:end]


def _cap(tok: Any) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop


def _place_within(ent: Any, resolver: PlaceResolver, accept: Callable[[list[Entry]], bool] | None = None) -> Any:
    """The place a longer place-like name is built on: its head ("Mount Pleasant Civic Center") or what
    follows its "of" ("Battle of Richmond"), a span whose candidates ``accept`` takes (default: a populated
    place or region by its own name); None if neither is one."""
    ok = accept or _own_place
    body = ent[1:] if ent[0].lower_ == "the" else ent
    for n in range(min(3, len(body) - 1), 0, -1):
        head = body[:n]
        if ok(resolver.candidates(head.text)):
            return head
    of = next((t.i for t in body if t.lower_ == "of"), None)
    if of is not None and of + 1 < body.end:
        tail = ent.doc[of + 1 : body.end]
        if ok(resolver.candidates(tail.text)):
            return tail
    return None


def _own_place(cands: list[Entry]) -> bool:
    return any(c.match == 0 and c.kind in OWN_PLACE_KINDS for c in cands)


OWN_PLACE_KINDS = frozenset({"city", "capital", "admin1", "admin2", "country"})


def _institution_towns(sdoc: Any, resolver: PlaceResolver, mentions: list[Mention], taken: list[bool]) -> None:
    """Add the town of "<Town> Police/Fire/City Council/Sheriff..." phrases not yet a mention (geoparsing)."""
    n = len(sdoc)
    for k in range(1, n):
        if sdoc[k].lower_ not in INSTITUTION_WORDS:
            continue
        for length in (3, 2, 1):
            s0 = k - length
            if s0 < 0 or not all(t.text[:1].isupper() for t in sdoc[s0:k]):
                continue
            span = sdoc[s0:k]
            if any(m.start < span.end_char and span.start_char < m.end for m in mentions):
                break
            cands = resolver.candidates(span.text)
            if any(c.match == 0 and c.kind in ("city", "capital", "admin1", "admin2") for c in cands):
                mentions.append(Mention(span.start_char, span.end_char, span.text, "INST", False, False))
                for t in span:
                    taken[t.i] = True
                break


def resident_noun_after(span: Any) -> bool:
    """Whether a name is followed by a word for people from it ("a DeKalb man", "Harlem residents")."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in RESIDENT_NOUNS


def _of_residents(span: Any, cands: list[Entry]) -> bool:
    """A town named as where people are from: "a DeKalb man", "Alexandria woman charged", "Harlem
    residents" (the name by its own gazetteer name, a populated place or a county)."""
    return resident_noun_after(span) and any(c.match == 0 and c.kind in ("city", "capital", "admin2") for c in cands)


def _strong(cands: list[Entry], sentence_start: bool) -> bool:
    """Is a gazetteer-only match safe enough to add without the NER's support?"""
    for c in cands:
        if c.match != 0 and c.kind not in ("country",):
            continue
        if c.kind in ("country", "sea", "region", "continent"):
            return True
        if sentence_start:
            continue
        if c.kind == "admin1" and c.match == 0 and c.population >= 1_000_000:
            return True
        if c.kind in ("city", "capital") and c.population >= 100_000:
            return True
    return False


# The label of a place read inside a longer name the NER gave ("Mount Pleasant Civic Center"), outside
# geoparsing mode: there a town below min_population is no place, whatever supports it (``plausible``)
PART_LABEL = "PART"
# Below this population a town needs support from the document (another place in its country).
UNSUPPORTED_TOWN_POPULATION = 20_000


def plausible(
    resolved: Iterable[Resolution], min_population: int = 1000, keep_actor_uses: bool = True
) -> list[Resolution]:
    """Keep what may be called a place: resolved, not an actor (unless asked), not a lone tiny town."""
    resolved = [r for r in resolved if r.entry is not None]
    by_country: Counter[str] = Counter()
    for r in resolved:
        assert r.entry is not None
        if r.entry.country2:
            by_country[(r.entry.country2)] += 1
    seen_keys: dict[str, set[int]] = defaultdict(set)
    for r in resolved:
        assert r.entry is not None
        seen_keys[r.entry.country2].add(r.entry.id)
    kept: list[Resolution] = []
    for r in resolved:
        e, m = r.entry, r.mention
        assert e is not None
        if not keep_actor_uses:
            if e.kind == "country" and not m.locative:
                continue
            if e.kind == "capital" and m.actor_like and not m.locative:
                continue
        supported = len(seen_keys[e.country2] - {e.id}) > 0
        if e.kind == "admin2" and ADMIN_SUFFIX.search(m.text):
            supported = True  # "Walker County", "Caddo Parish": named as a region, a place even alone
        if e.kind in ("city", "admin2") and m.label == PART_LABEL and e.population < min_population:
            continue  # a hamlet read out of a longer name ("the White Helmets": White, Georgia, pop. 724)
        if e.kind in ("city", "admin2") and not supported:
            if e.population < max(min_population, UNSUPPORTED_TOWN_POPULATION):
                continue
        kept.append(r)
    return kept


# -- public entry points ----------------------------------------------------------------------------------
def resolve_spans(
    resolver: PlaceResolver, text: str, spans: Iterable[tuple[int, int]], label: str = "GOLD"
) -> list[Resolution]:
    """Resolve known toponym spans of ``text`` (resolution only: no mention finding, no filtering).

    For callers that already know where the place names are, such as the geo evaluation with gold spans.
    Each ``(start, end)`` character span becomes a locative mention; the result has one ``Resolution``
    per span, in the same order, with ``entry=None`` when the gazetteer has no candidate for it.
    """
    mentions = [Mention(start, end, text[start:end], label) for start, end in spans]
    return resolver.resolve(text, mentions)


def geoparse(
    resolver: PlaceResolver,
    text: str,
    sdoc: Any,
    geoparsing: bool = True,
    min_population: int = 1000,
    keep_actor_uses: bool = True,
) -> list[Resolution]:
    """Find the place mentions of ``text`` parsed as ``sdoc``, resolve them, keep the plausible ones.

    The whole of toponym finding and resolution in one call, for callers outside the places stage (the geo
    evaluation). The defaults follow geoparsing corpora: nationality adjectives and place names inside
    organisation names count (``geoparsing``, see ``find_mentions``), and so do countries named as actors
    (``keep_actor_uses``, see ``plausible``). The places stage itself turns both off.
    """
    mentions = find_mentions(sdoc, resolver.gaz, resolver, geoparsing=geoparsing)
    return plausible(resolver.resolve(text, mentions), min_population, keep_actor_uses)
