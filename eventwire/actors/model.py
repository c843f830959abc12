"""The in-memory actor knowledge base: entries with date-ranged roles, and the name/agent indexes.

Why this shape: the stage matches text against ~100k name keys per article, so the indexes are plain
dicts of normalised token strings (built from a precompiled gz JSON file in well under a second), not a
spaCy PhraseMatcher (which would tokenise every pattern at start-up). Date-aware resolution follows
PETRARCH: the first dated code whose range holds the date wins, then the undated default; after the last
range ends the person keeps the last code, marked ``former``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.normalize import (
    fold,
    name_key,
    person_parts,
    same_person,
    skeleton,
    strip_glued_particle,
    token_similarity,
)

# CAMEO region and bloc codes that stand in the country slot of an actor code.
REGIONS: frozenset[str] = frozenset(
    "WST EUR MEA AFR ASA SAM NAM WAF EAF SAF CAF NAF SAS SEA CAS BLK BAL CRB LAM NMR SCN EEU WEU PGS MDT "
    "CAU BFR CFR MAG EIN SAH ATH".split()
)
# Codes in the first slot that are organisation types, not countries.
ORG_TYPES: frozenset[str] = frozenset("IGO NGO IMG MNC NGM INT UIS IRC".split())
# CAMEO role codes: in the first slot of a code they name a sector, never a country ("GOV" alone is a
# government of no stated country). The Document's country field holds none of these, nor a region.
ROLE_CODES: frozenset[str] = frozenset(
    "GOV MIL REB OPP PTY COP JUD LEG SPY MED EDU BUS CRM CVL HLH HRI INS LAB REF REL UAF ELI AGR ENV RAD MOD "
    "PPL DEV".split()
)
# Kinds that are people (pronouns can refer to them).
PERSON = "person"


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    start: str | None = None
    end: str | None = None
    title: str | None = None

    def holds_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an entry is on a date: its code split into country and sector, the role title, and whether
    the role had ended by then."""

    code: str | None
    country: str | None
    sector: str | None
    title: str | None
    former: bool
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class Entry:
    idx: int
    kb_id: str
    name: str
    kind: str
    roles: tuple[Role, ...]
    source: str
    priority: int = 0
    keys: list[str] = field(default_factory=list)

    def resolve(self, date: str | None) -> Resolution:
        """The entry's code on ``date`` (ISO), PETRARCH rules plus ``former`` for ended roles."""
        day = date or _dt.date.today().isoformat()
        role: Role | None = next((r for r in self.roles if r.dated and r.holds_on(day)), None)
        former = False
        if role is None:
            role = next((r for r in self.roles if not r.dated), None)
        if role is None:
            ended = [r for r in self.roles if r.end is not None and r.end < day]
            if ended:
                role, former = max(ended, key=lambda r: r.end or ""), True
            elif self.roles:
                role = min(self.roles, key=lambda r: r.start or "")
        if role is None or role.code in ("---", ""):  # "+++" is a dictionary's own code: PETRARCH emits it
            return Resolution(None, None, None, role.title if role else None, former)
        country, sector = split_code(role.code)
        return Resolution(role.code, country, sector, role.title, former, role.start, role.end)


def split_code(code: str) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, 'IGO'); 'SYR' -> ('SYR', None); 'FRO/BIL' -> ('FRO', None);
    '+++' -> (None, None)."""
    code = code.upper().split("/")[0]
    head, rest = code[:3], code[3:]
    if not head.isalpha():
        return None, None  # a dictionary's placeholder code such as "+++" names no country or sector
    if head in ORG_TYPES:
        return None, head
    # Anything else in the first slot is a country or country-like code (CAMEO also uses ones such as
    # the fictional HOB of the PETRARCH suite, or historical ones such as USR).
    return head, (rest[:3] or None)


def is_country(code: str | None) -> bool:
    """Can ``code`` stand in the Document's country field? Not a role, organisation type or region code."""
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and code not in ROLE_CODES \
        and code not in ORG_TYPES and code not in REGIONS


def compose_code(country: str | None, agent: Agent | None, prefix: str = "") -> tuple[str | None, str | None,
                                                                                      str | None]:
    """(code, country, sector) of a country plus a sector noun: ("TUR", police) -> TURCOP; (None, police) ->
    COP with no country, never "COP" read as a country; a sector noun with no sector of its own (``critics``)
    leaves the code at the country's, or None."""
    if agent is None or not agent.code:
        return (country, country, None) if country else (None, None, None)
    if country is None:
        return prefix + agent.code, None, agent.sector
    code = prefix + (agent.code + country if agent.prefix else country + agent.code)
    c, sec = split_code(code)
    return code, c, sec


_COUNTRY_CODES: dict[str, frozenset[str]] = {}


def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (pycountry, read once)."""
    if "iso" not in _COUNTRY_CODES:
        import pycountry

        _COUNTRY_CODES["iso"] = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "KSV"}
    return _COUNTRY_CODES["iso"]


@dataclass(frozen=True, slots=True)
class Agent:
    """A sector noun or title: ``code`` is appended to (or, if ``prefix``, put before) an actor's code."""

    phrase: str
    code: str
    prefix: bool = False

    @property
    def sector(self) -> str:
        return self.code[:3]


def plural_forms(phrase: str) -> list[str]:
    """English plurals of a phrase's last word (PETRARCH pluralises agents the same way)."""
    words = phrase.split()
    if not words:
        return []
    last = words[-1]
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif re.search(r"(s|x|ch|sh)$", last):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [" ".join(words[:-1] + [f]) for f in forms]


class _LazyEntries(list):  # type: ignore[type-arg]
    """A list of entries built from the compiled rows on first access (start-up loads 27k rows cheaply)."""

    def __init__(self, rows: list[list[Any]], keys: dict[str, list[int]]) -> None:
        super().__init__([None] * len(rows))
        self._rows = rows
        self._index = keys
        self._keys_of: dict[int, list[str]] | None = None

    def keys_of_all(self) -> None:
        """Invert the key index once, so entries know their names (needed only by fuzzy matching)."""
        if self._keys_of is None:
            inv: dict[int, list[str]] = {}
            for k, idxs in self._index.items():
                for i in idxs:
                    inv.setdefault(i, []).append(k)
            self._keys_of = inv
            for i in range(len(self)):
                e = list.__getitem__(self, i)
                if e is not None:
                    e.keys[:] = inv.get(i, [])

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        e = super().__getitem__(i)
        if e is None:
            kb_id, name, kind, roles, source, priority = self._rows[i]
            idx = i if i >= 0 else len(self) + i
            e = Entry(idx, kb_id, name, kind, tuple(Role(*r) for r in roles), source, priority,
                      list(self._keys_of.get(idx, ())) if self._keys_of is not None else [])
            super().__setitem__(i, e)
        return e

    def __iter__(self) -> Any:
        for i in range(len(self)):
            yield self[i]


class KnowledgeBase:
    """Entries plus the indexes the matcher needs. Build with ``add_entry``/``add_agent`` then use."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.keys: dict[str, list[int]] = {}
        self.stems: dict[str, list[int]] = {}
        self.agents: dict[str, Agent] = {}
        self.agent_stems: dict[str, Agent] = {}
        self.key_prefixes: set[str] = set()
        self.max_tokens = 1
        self._surnames: dict[str, list[int]] | None = None
        self._by_id: dict[str, Entry] | None = None
        self._row_ids: dict[str, int] | None = None
        # city name key -> ISO3, read on first use (the package KB sets the loader; user-only KBs have none)
        self.cities_loader: Callable[[], dict[str, str]] | None = None
        self._cities: dict[str, str] | None = None

    # -- building ---------------------------------------------------------------------------------
    def load_raw(self, rows: list[list[Any]], keys: dict[str, list[int]], stems: dict[str, list[int]],
                 key_prefixes: list[str], max_tokens: int) -> None:
        """Adopt a compiled KB's tables as they are (no per-key work at start-up)."""
        self.entries = _LazyEntries(rows, keys)
        self.keys = keys
        self.stems = stems
        self.key_prefixes = set(key_prefixes)
        self.max_tokens = max_tokens

    def add_entry(
        self,
        kb_id: str,
        name: str,
        kind: str,
        roles: Iterable[Role],
        aliases: Iterable[str],
        source: str,
        priority: int = 0,
        stems: Iterable[str] = (),
        keys_are_normalised: bool = False,
    ) -> Entry:
        entry = Entry(len(self.entries), kb_id, name, kind, tuple(roles), source, priority)
        self.entries.append(entry)
        self._surnames = None
        if self._by_id is not None:
            self._by_id.setdefault(kb_id, entry)
        for alias in aliases:
            key = alias if keys_are_normalised else name_key(alias)
            self._index(self.keys, key, entry)
        for alias in stems:
            key = alias if keys_are_normalised else name_key(alias)
            self._index(self.stems, key, entry)
        return entry

    def _index(self, table: dict[str, list[int]], key: str, entry: Entry) -> None:
        if not key:
            return
        bucket = table.setdefault(key, [])
        if entry.idx in bucket:
            return
        if key not in entry.keys:
            entry.keys.append(key)
        bucket.append(entry.idx)
        if len(bucket) > 1:
            bucket.sort(key=lambda i: -self.entries[i].priority)
        self._note_key(key)

    def _note_key(self, key: str) -> None:
        toks = key.split()
        self.max_tokens = max(self.max_tokens, len(toks))
        for n in range(1, len(toks)):
            self.key_prefixes.add(" ".join(toks[:n]))

    def add_agent(self, phrase: str, code: str, prefix: bool = False, plurals: Iterable[str] = (),
                  stem: bool = False) -> None:
        key = fold(phrase)
        if not key:
            return
        agent = Agent(key, code, prefix)
        forms = [key] + [fold(p) for p in plurals] + ([] if stem else plural_forms(key))
        for form in forms:
            (self.agent_stems if stem else self.agents)[form] = agent
            self._note_key(form)

    def override_keys(self, keys: Iterable[str], winner: Entry) -> None:
        """Make ``winner`` the only entry for these keys (a supplement or user entry corrects a dictionary)."""
        for key in keys:
            if key in self.keys and self.keys[key] != [winner.idx]:
                self.keys[key] = [winner.idx]

    # -- lookup -----------------------------------------------------------------------------------
    def city_country(self, key: str) -> str | None:
        """The country of a city name (folded key) that only one country's cities bear, else None."""
        if self._cities is None:
            self._cities = self.cities_loader() if self.cities_loader is not None else {}
        return self._cities.get(key)

    def keys_of(self, entry: Entry) -> list[str]:
        if isinstance(self.entries, _LazyEntries):
            self.entries.keys_of_all()
        return entry.keys

    def person_names(self) -> list[str]:
        """Canonical names of the person entries, read from the compiled rows without building entries."""
        entries = self.entries
        rows = entries._rows if isinstance(entries, _LazyEntries) else []
        names = [r[1] for r in rows if r[2] == PERSON]
        tail = range(len(rows), len(entries))
        return names + [entries[i].name for i in tail if entries[i].kind == PERSON]

    def by_id(self, kb_id: str) -> Entry | None:
        if self._by_id is None:
            if isinstance(self.entries, _LazyEntries):
                if self._row_ids is None:
                    self._row_ids = {row[0]: i for i, row in enumerate(self.entries._rows)}
                i = self._row_ids.get(kb_id)
                if i is not None:
                    return self.entries[i]
                rows = len(self.entries._rows)
                return next((e for e in self.entries[rows:] if e.kb_id == kb_id), None)
            self._by_id = {e.kb_id: e for e in self.entries}
        return self._by_id.get(kb_id)

    def exact(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.keys.get(key, ())]

    def stem_match(self, key: str) -> list[Entry]:
        """Entries whose stem phrase (last word a prefix) matches ``key``."""
        toks = key.split()
        if not toks:
            return []
        head, last = toks[:-1], toks[-1]
        for cut in range(len(last) - 1, max(3, len(last) - 6), -1):
            cand = " ".join(head + [last[:cut]])
            if cand in self.stems:
                return [self.entries[i] for i in self.stems[cand]]
        return []

    def agent(self, key: str) -> Agent | None:
        found = self.agents.get(key) or self.agent_stems.get(key)
        if found is not None:
            return found
        toks = key.split()
        if not toks:
            return None
        head, last = toks[:-1], toks[-1]
        for cut in range(len(last) - 1, max(3, len(last) - 6), -1):
            cand = " ".join(head + [last[:cut]])
            if cand in self.agent_stems:
                return self.agent_stems[cand]
        return None

    def is_key_prefix(self, key: str) -> bool:
        return key in self.key_prefixes

    @property
    def surnames(self) -> dict[str, list[int]]:
        """Person entries by the skeleton of their surname, for transliteration-tolerant lookup."""
        if self._surnames is None:
            if isinstance(self.entries, _LazyEntries):
                self.entries.keys_of_all()
            index: dict[str, list[int]] = {}
            for e in self.entries:
                if e.kind != PERSON:
                    continue
                seen: set[str] = set()
                for key in e.keys:
                    parts = person_parts(key)
                    if len(parts) < 2:
                        continue
                    sk = skeleton(parts[-1])
                    if sk and sk not in seen:
                        seen.add(sk)
                        index.setdefault(sk, []).append(e.idx)
            self._surnames = index
        return self._surnames

    def fuzzy_person(self, name: str) -> list[Entry]:
        """Persons whose some name is a spelling variant of ``name`` (given names must not conflict)."""
        parts = person_parts(name)
        if not parts:
            return []
        cands: list[int] = []
        for last in {parts[-1], strip_glued_particle(parts[-1])}:
            cands.extend(self.surnames.get(skeleton(last), ()))
        scored: list[tuple[float, int, Entry]] = []
        for i in dict.fromkeys(cands):
            e = self.entries[i]
            best = 0.0
            for k in e.keys:
                kp = person_parts(k)
                if len(kp) < 2 or not same_person(name, k):
                    continue
                sim = token_similarity(strip_glued_particle(parts[-1]), kp[-1])
                if len(parts) == 1 and sim < 0.85:
                    continue  # a bare surname must be a close variant ("Mualem" ~ "Moualem")
                best = max(best, sim)
            if best:
                scored.append((best, e.priority, e))
        scored.sort(key=lambda t: (-t[0], -t[1]))
        return [e for _, _, e in scored]

    def lookup(self, name: str, date: str | None = None) -> list[dict[str, Any]]:
        """What the KB knows of ``name`` on ``date``: exact key, stem and spelling-variant matches."""
        key = name_key(name)
        found = self.exact(key) or self.stem_match(key)
        how = "exact"
        if not found and self.agent(fold(name)) is None and any(w[:1].isupper() for w in name.split()):
            found, how = self.fuzzy_person(name)[:5], "variant"
        results: list[dict[str, Any]] = []
        for e in found:
            r = e.resolve(date)
            results.append(
                {
                    "kb_id": e.kb_id, "name": e.name, "kind": e.kind, "source": e.source, "match": how,
                    "code": r.code, "country": r.country, "sector": r.sector, "role": r.title,
                    "former": r.former, "valid_from": r.start, "valid_to": r.end, "date": date,
                    "roles": [
                        {"code": ro.code, "start": ro.start, "end": ro.end, "title": ro.title} for ro in e.roles
                    ],
                }
            )
        agent = self.agent(fold(name))
        if agent is not None and not results:
            results.append({"kb_id": None, "name": name, "kind": "agent", "source": "agents", "match": "agent",
                            "code": agent.code, "country": None, "sector": agent.sector, "role": agent.phrase,
                            "former": False, "date": date, "roles": []})
        return results
