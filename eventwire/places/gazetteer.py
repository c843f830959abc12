"""The offline gazetteer: GeoNames places (cities, countries, regions, seas) by any of their names.

Why SQLite: the index holds ~700k name keys; as Python dicts that would cost more memory than the
spaCy model. The package ships a compact gzip TSV (eventwire/places/data/gazetteer.tsv.gz); on first
use it is turned into an indexed SQLite file in a cache folder (a few seconds, once), and later runs
just open that file (milliseconds, almost no memory). Lookups are indexed key queries.

Names are compared by a key: ASCII (anyascii), lower case, no dots or apostrophes, hyphens as spaces,
without a leading "the". Arabic particles (al-, ar-, as-, el- ...) are also stripped in a second,
weaker key, so "Raqqa" finds Ar Raqqah and "al-Raqqa" finds it too.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from eventwire.errors import ErrorCode, EventwireError
from eventwire.places.lexicon import ADMIN_LEVEL_WORDS, EXTRA_DEMONYMS, PLACE_NAME_PARTICLES

DATA_DIR = Path(__file__).resolve().parent / "data"
TSV_NAME = "gazetteer.tsv.gz"

# How a key matched an entry: its own name, one of its alternate names, or a particle-stripped form.
MATCH_NAME, MATCH_ALT, MATCH_STRIPPED = 0, 1, 2
# A region named like a city that holds this share of the region's town population is the city's region.
EPONYMOUS_SHARE = 0.1

_PARTICLE = re.compile(r"\b(?:" + "|".join(PLACE_NAME_PARTICLES) + r")\s+(?=\w)")
_NONWORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
# A region's name followed by a word of its administrative level ("Aleppo province", "Orange County").
ADMIN_SUFFIX = re.compile(r"\s+(?:" + "|".join(ADMIN_LEVEL_WORDS) + r")$", re.IGNORECASE)
# The index stores keys made by ``normalise``: bump this when it changes (as when Unidecode gave way to
# anyascii), so a cached index of the same data but older keys is rebuilt rather than silently missed.
KEY_VERSION = "anyascii-1"


def normalise(name: str) -> str:
    """The comparison key of a place name (see module docstring)."""
    s = anyascii(name).lower().replace("&", " and ")
    s = s.replace(".", "").replace("'", "").replace("`", "")
    s = _NONWORD.sub(" ", s)
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def strip_particles(key: str) -> str:
    """The weaker key without Arabic definite particles ("ar raqqah" -> "raqqah")."""
    return _SPACE.sub(" ", _PARTICLE.sub("", key)).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record. ``geonameid`` is None for curated regions and derived admin areas."""

    id: int
    kind: str
    name: str
    country2: str
    admin1: str
    lat: float
    lon: float
    population: int
    match: int = MATCH_NAME

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def country(self) -> str | None:
        """ISO 3166 alpha-3, or None for seas and regions that span countries."""
        return alpha3(self.country2) if self.country2 else None


@functools.lru_cache(maxsize=1)
def _alpha3_table() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo: user-assigned code, as GeoNames uses it
    return table


def alpha3(cc2: str) -> str | None:
    return _alpha3_table().get(cc2)


def alpha2(cc3: str) -> str | None:
    inv = {v: k for k, v in _alpha3_table().items()}
    return inv.get(cc3)


def cache_dir() -> Path:
    """Where the built index lives: $EVENTWIRE_CACHE, else ~/.cache/eventwire, else the temp folder."""
    env = os.environ.get("EVENTWIRE_CACHE")
    candidates = [Path(env)] if env else []
    candidates += [Path.home() / ".cache" / "eventwire", Path(tempfile.gettempdir()) / f"eventwire-{os.getuid()}"]
    for path in candidates:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path
    raise EventwireError(ErrorCode.STORE_ERROR, f"no writable cache folder for the gazetteer index: {candidates}")


def _data_path(name: str) -> Path:
    return DATA_DIR / name


def build_index(tsv: Path, target: Path) -> None:
    """Turn the shipped TSV into an indexed SQLite file, atomically (parallel builders are safe)."""
    fd, tmp_name = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(fd)
    con = sqlite3.connect(tmp_name)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute(
            "CREATE TABLE entry (id INTEGER PRIMARY KEY, kind TEXT, name TEXT, cc TEXT, admin1 TEXT,"
            " lat REAL, lon REAL, pop INTEGER)"
        )
        con.execute("CREATE TABLE name (key TEXT, id INTEGER, how INTEGER)")
        entries: list[tuple[object, ...]] = []
        keys: dict[tuple[str, int], int] = {}
        with gzip.open(tsv, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                gid, kind, name, cc, a1, lat, lon, pop, alts = line.rstrip("\n").split("\t")
                eid = int(gid)
                entries.append((eid, kind, name, cc, a1, float(lat), float(lon), int(pop)))
                own = normalise(name)
                variants = [(own, MATCH_NAME)] + [(normalise(a), MATCH_ALT) for a in alts.split("|") if a]
                for key, how in variants:
                    if key and keys.get((key, eid), 9) > how:
                        keys[(key, eid)] = how
                    stripped = strip_particles(key)
                    if stripped and stripped != key and keys.get((stripped, eid), 9) > MATCH_STRIPPED:
                        keys[(stripped, eid)] = MATCH_STRIPPED
        con.executemany("INSERT OR REPLACE INTO entry VALUES (?,?,?,?,?,?,?,?)", entries)
        con.executemany("INSERT INTO name VALUES (?,?,?)", ((k, i, h) for (k, i), h in keys.items()))
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX entry_kind ON entry(kind)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp_name, target)


class Gazetteer:
    """Place lookup by name; one instance per pipeline (share it via ``resources.get(GAZETTEER)``)."""

    def __init__(self, index_path: Path | None = None) -> None:
        tsv = _data_path(TSV_NAME)
        if not tsv.is_file():
            raise EventwireError(ErrorCode.MODEL_NOT_FOUND, f"gazetteer data missing: {tsv}")
        if index_path is None:
            lexicons = (PLACE_NAME_PARTICLES, sorted(ADMIN_LEVEL_WORDS), sorted(EXTRA_DEMONYMS.items()))
            key_rules = repr((KEY_VERSION, lexicons))
            digest = hashlib.sha1(tsv.read_bytes() + key_rules.encode()).hexdigest()[:16]
            index_path = cache_dir() / f"gazetteer-{digest}.sqlite"
        if not index_path.is_file():
            build_index(tsv, index_path)
            for old in index_path.parent.glob("gazetteer-*.sqlite"):
                if old != index_path:  # an index of an earlier data version
                    old.unlink(missing_ok=True)
        self.path = index_path
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        dem = json.loads(_data_path("demonyms.json").read_text(encoding="utf-8"))
        dem.update(EXTRA_DEMONYMS)
        self.demonyms: dict[str, str] = {normalise(k): v for k, v in dem.items()}
        for k, v in list(self.demonyms.items()):
            self.demonyms.setdefault(k + "s", v)  # "Syrians", "Russians"
        self._countries: dict[str, Entry] = {}
        for row in self._query("SELECT * FROM entry WHERE kind = 'country'", ()):
            e = self._entry(row, MATCH_NAME)
            self._countries[e.country2] = e

    # -- storage -----------------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        """One read-only connection per process (a forked worker must not reuse its parent's)."""
        if self._con is None or self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        return self._conn().execute(sql, args).fetchall()

    @staticmethod
    def _entry(row: tuple[object, ...], how: int) -> Entry:
        eid, kind, name, cc, a1, lat, lon, pop = row[:8]
        return Entry(
            int(eid), str(kind), str(name), str(cc), str(a1), float(lat), float(lon), int(pop), how  # type: ignore[call-overload,arg-type]
        )

    # -- lookups -------------------------------------------------------------------------------------
    def candidates(self, name: str, keep_admin: bool = False) -> list[Entry]:
        """Every entry a name can refer to, each with how it matched (own name, alternate, stripped).

        A region named after its city ("Aleppo", "Kiev", "Istanbul" provinces) is left out unless
        ``keep_admin``: news that says "Aleppo" means the city.
        """
        key = normalise(name)
        if not key:
            return []
        found = self.candidates_by_key(key)
        if keep_admin:
            return list(found)
        biggest: dict[str, int] = {}
        for e in found:
            if e.kind in ("city", "capital") and e.match < MATCH_STRIPPED:
                biggest[e.country2] = max(biggest.get(e.country2, 0), e.population)
        return [
            e for e in found
            if not (e.kind == "admin1" and biggest.get(e.country2, -1) >= EPONYMOUS_SHARE * e.population)
        ]

    # The cache holds the instance: fine for the one shared gazetteer (``default_gazetteer``) a process keeps.
    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def candidates_by_key(self, key: str) -> tuple[Entry, ...]:
        keys = [key]
        stripped = strip_particles(key)
        if stripped != key:
            keys.append(stripped)
        best: dict[int, Entry] = {}
        for i, k in enumerate(keys):
            rows = self._query(
                "SELECT e.id, e.kind, e.name, e.cc, e.admin1, e.lat, e.lon, e.pop, n.how FROM name n"
                " JOIN entry e ON e.id = n.id WHERE n.key = ?",
                (k,),
            )
            for row in rows:
                eid, how = int(row[0]), max(int(row[8]), MATCH_STRIPPED if i else 0)  # type: ignore[call-overload]
                if eid not in best or best[eid].match > how:
                    best[eid] = self._entry(row, how)
        return tuple(best.values())

    def country(self, code: str) -> Entry | None:
        """The country record for an ISO alpha-2 or alpha-3 code."""
        cc2 = code if len(code) == 2 else (alpha2(code) or "")
        return self._countries.get(cc2)

    def demonym(self, word: str) -> str | None:
        """The alpha-2 code a nationality adjective points to ("" for a supranational one), else None."""
        return self.demonyms.get(normalise(word))

    def lookup(self, name: str, country: str | None = None) -> Entry | None:
        """The most likely place for a bare name, optionally within a country (alpha-2 or alpha-3)."""
        cands = self.candidates(name)
        if country:
            cc2 = country if len(country) == 2 else (alpha2(country) or "")
            cands = [c for c in cands if c.country2 == cc2]
        if not cands:
            return None
        return max(cands, key=prior_score)


KIND_PRIOR: dict[str, float] = {
    "country": 3.0, "continent": 3.0, "sea": 4.0, "region": 4.0, "capital": 1.0, "admin1": 0.5,
    "admin2": -0.5, "city": 0.0,
}
MATCH_PENALTY: dict[int, float] = {MATCH_NAME: 0.0, MATCH_ALT: 1.5, MATCH_STRIPPED: 2.0}


def prior_score(e: Entry) -> float:
    """Context-free plausibility: bigger places and higher-level features are named more often."""
    pop = e.population if e.population > 0 else 1000
    return math.log10(pop + 10) + KIND_PRIOR.get(e.kind, 0.0) - MATCH_PENALTY[e.match]


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (immutable data, safe to share)."""
    return Gazetteer()


def lookup(name: str, country: str | None = None) -> Entry | None:
    """Library call for other stages and the web map: the best place for ``name`` (None if unknown)."""
    return default_gazetteer().lookup(name, country)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, for evaluation (accuracy within 161 km) and proximity scoring."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))
