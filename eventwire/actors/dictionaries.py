"""Reading and writing actor dictionaries: the compiled package KB, PETRARCH files, the project format.

The project's own format is JSON Lines (``.jsonl``) or TOML (``.toml``), one actor per line/table::

    {"name": "Moaz al-Khatib", "aliases": ["Moaz Alkhatib"], "kind": "person",
     "roles": [{"code": "SYROPP", "start": "2012-11-11", "end": "2013-04-21", "title": "opposition leader"}]}
    {"name": "Islamic State", "aliases": ["IS", "ISIS", "Daesh"], "kind": "group", "code": "IMGMOSISI"}
    {"agent": "opposition leader", "code": "OPP"}

``code`` is an undated default; ``roles`` hold date-ranged codes (ISO dates, inclusive, open if missing).
In TOML, use ``[[actor]]`` and ``[[agent]]`` tables with the same fields. Optional ``id`` names the entry
(default ``<source>:<slug of name>``); other fields are ignored, so a file may carry its own notes.

``kind`` is person, group, org, country, bloc, region, capital, coalition, party or legislature (the
shipped KB's kinds). What a role is lies in its code and title, as the shipped data writes them: an office
is <ISO3>GOV titled by the office; a candidacy <ISO3>PTY titled "... candidate"; a president-elect
<ISO3>GOV titled "President-elect"; a leader of the opposition <ISO3>OPP; and the time before a person's
first known role, the country code alone titled "before taking office (...)". After the last role ends,
a lookup reports that role with ``former`` true.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.actors.lexicon import LOWERCASE_NAME_WORDS
from eventwire.actors.model import Agent, KnowledgeBase, Role
from eventwire.actors.normalize import name_key
from eventwire.actors.petrarch import read_actors, read_agents
from eventwire.errors import ErrorCode, EventwireError

FORMAT_VERSION = 1
PACKAGE_KB = "kb.json.gz"
PACKAGE_CITIES = "cities.tsv.gz"
PRIORITY_USER = 30
PRIORITY_SUPPLEMENT = 20
PRIORITY_PHOENIX = 10


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text, drop_particles=False)).strip("-") or "x"


def display_name(phrase: str) -> str:
    """'bashar al assad' -> 'Bashar al Assad' (PETRARCH names are upper case)."""
    words = phrase.replace("_", " ").split()
    return " ".join(w if not w.isalpha() else (w if w in LOWERCASE_NAME_WORDS and i else w.capitalize())
                    for i, w in enumerate(w.lower() for w in words))


# -- the compiled package KB ----------------------------------------------------------------------
def dump_kb(kb: KnowledgeBase, path: Path) -> None:
    """Write the compact form the stage loads at start-up (normalised keys, no re-parsing).

    Entries that own no key any more (absorbed into another entry) are dropped and the rest renumbered.
    """
    owned: dict[int, list[str]] = {}
    for key, idxs in kb.keys.items():
        for i in idxs:
            owned.setdefault(i, []).append(key)
    for idxs in kb.stems.values():
        for i in idxs:
            owned.setdefault(i, [])
    keep = [e for e in kb.entries if e.idx in owned]
    renum = {e.idx: n for n, e in enumerate(keep)}
    entries = [
        [e.kb_id, e.name, e.kind, [[r.code, r.start, r.end, r.title] for r in e.roles], e.source, e.priority]
        for e in keep
    ]
    stems = {k: [renum[i] for i in v if i in renum] for k, v in kb.stems.items()}
    agents = {"exact": {k: [a.phrase, a.code, a.prefix] for k, a in kb.agents.items()},
              "stems": {k: [a.phrase, a.code, a.prefix] for k, a in kb.agent_stems.items()}}
    keys = {k: [renum[i] for i in v if i in renum] for k, v in kb.keys.items()}
    data = {"format": FORMAT_VERSION, "entries": entries, "keys": keys, "stems": stems, "agents": agents,
            "key_prefixes": sorted(kb.key_prefixes), "max_tokens": kb.max_tokens}
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # byte-identical rebuilds


def load_compiled(fh_text: str) -> KnowledgeBase:
    data = json.loads(fh_text)
    if data.get("format") != FORMAT_VERSION:
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"compiled KB format {data.get('format')}")
    kb = KnowledgeBase()
    kb.load_raw(data["entries"], data["keys"], data["stems"], data["key_prefixes"], data["max_tokens"])
    kb.agents = {k: Agent(*v) for k, v in data["agents"]["exact"].items()}
    kb.agent_stems = {k: Agent(*v) for k, v in data["agents"]["stems"].items()}
    return kb


def load_package_kb() -> KnowledgeBase:
    """The shipped KB (Phoenix dictionaries + project supplement + countries), from package data."""
    ref = resources.files("eventwire.actors").joinpath("data", PACKAGE_KB)
    with ref.open("rb") as raw:
        kb = load_compiled(gzip.decompress(raw.read()).decode("utf-8"))
    kb.cities_loader = load_package_cities
    return kb


def load_package_cities() -> dict[str, str]:
    """City name key -> ISO3 of the shipped city table (cities.tsv.gz: names of one country only), read on
    first use: only a police or court named by a city ("Winnipeg police") needs it."""
    ref = resources.files("eventwire.actors").joinpath("data", PACKAGE_CITIES)
    with ref.open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


# -- user dictionaries ----------------------------------------------------------------------------
def project_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a project-format dictionary (``.jsonl`` or ``.toml``: see the module docstring)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}: {exc}") from exc
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}: {exc}") from exc
        yield from data.get("actor", [])
        yield from ({**a, "agent": a.get("agent") or a.get("phrase")} for a in data.get("agent", []))
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}:{n}: {exc}") from exc
        if not isinstance(rec, dict):
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}:{n}: not an object")
        yield rec


def is_project_format(path: Path) -> bool:
    return path.suffix in (".jsonl", ".json", ".toml")


def add_project_records(kb: KnowledgeBase, records: Iterable[dict[str, Any]], source: str, priority: int,
                        override: bool = True) -> int:
    """Add project-format records; returns how many actors were added."""
    n = 0
    for rec in records:
        if "agent" in rec:
            if not rec.get("code"):
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{source}: agent without code: {rec}")
            kb.add_agent(str(rec["agent"]), str(rec["code"]).strip("~"), bool(rec.get("prefix", False)),
                         rec.get("plurals", []))
            continue
        name = rec.get("name")
        if not name:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{source}: actor without name: {rec}")
        roles = [Role(r["code"], r.get("start"), r.get("end"), r.get("title")) for r in rec.get("roles", [])]
        if rec.get("code"):
            roles.append(Role(str(rec["code"]), None, None, rec.get("title")))
        if not roles:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{source}: actor {name!r} has no code or roles")
        aliases = [name, *rec.get("aliases", [])]
        kb_id = rec.get("id") or f"{source}:{slug(name)}"
        entry = kb.add_entry(kb_id, name, rec.get("kind", "org"), roles, aliases, source, priority)
        if override:
            kb.override_keys(list(entry.keys), entry)
        n += 1
    return n


def add_petrarch_actors(kb: KnowledgeBase, path: Path, source: str, priority: int, person_hint: bool = False) -> int:
    """Add a PETRARCH/TABARI actors file. ``person_hint``: CountryInfo-generated names are people."""
    n = 0
    for rec in read_actors(path):
        roles = [Role(c.code, c.start, c.end) for c in rec.codes]
        if not roles:
            continue
        is_person = person_hint and "countryinfo" in rec.comment.lower()
        kind = "person" if is_person else ("country" if all(len(r.code) == 3 and not r.start and not r.end
                                                           for r in roles) else "org")
        kb_id = f"{source}:{slug(rec.name)}"
        if kb.by_id(kb_id) is not None:
            kb_id = f"{kb_id}-{len(kb.entries)}"
        kb.add_entry(kb_id, display_name(rec.name), kind, roles, [rec.name, *rec.synonyms], source, priority,
                     stems=rec.stems)
        n += 1
    return n


def add_petrarch_agents(kb: KnowledgeBase, path: Path) -> int:
    recs = read_agents(path)
    for a in recs:
        kb.add_agent(a.phrase, a.code, a.prefix, a.plurals, a.stem)
    return len(recs)


def add_dictionary(kb: KnowledgeBase, path: str | Path, priority: int = PRIORITY_USER) -> int:
    p = Path(path)
    if not p.is_file():
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"dictionary not found: {p}")
    if is_project_format(p):
        return add_project_records(kb, project_records(p), f"user:{p.stem}", priority)
    return add_petrarch_actors(kb, p, f"user:{p.stem}", priority)


def add_agents_file(kb: KnowledgeBase, path: str | Path) -> int:
    p = Path(path)
    if not p.is_file():
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"agents file not found: {p}")
    if is_project_format(p):
        return add_project_records(kb, project_records(p), f"user:{p.stem}", PRIORITY_USER)
    return add_petrarch_agents(kb, p)
