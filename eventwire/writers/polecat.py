"""POLECAT-style writer: the 40 tab-separated columns of the POLECAT weekly files, with a header, then
eventwire's own columns.

POLECAT (the PLOVER-coded successor of ICEWS) is read by column name, so the 40 columns keep its names and
order. Several parties or values in one cell are joined with ';'. Mapping:
  Event ID <- the eventwire event id    Event Date <- YYYY-MM-DD (the first day the date covers; an event
      without a date of its own takes its article's publication date)
  Event Type <- PLOVER type   Event Mode <- the mode when PLOVER defines it for the type
  Intensity <- the PLOVER conflict-cooperation score   Quad Code <- 1-4   Contexts <- PLOVER contexts
  Actor Name <- canonical names    Actor Country <- ISO alpha-3 codes    Actor COW <- blank
  Primary Actor Sector <- the first party's sector     Actor Sectors <- every party's sector
  Actor Title <- blank    Actor Name Raw <- the words the article uses for each party
  Wikipedia Actor ID <- blank (eventwire's knowledge base is not Wikidata)
  Recipient ... <- the same for the recipients
  Placename <- the resolved place    City / District / Province / Country <- by its kind (Country: ISO alpha-3)
  Latitude / Longitude / GeoNames ID    Raw Placename <- the words the article uses for it
  Feature Type <- its GeoNames feature code (PPL, ADM1, PCLI ...)
  Source <- the outlet    Publication Date <- the article's    Story People / Story Organizations /
      Story Locations <- blank    Language <- the article's    Version <- "eventwire VERSION"
Extra columns after them: Is Fact, Aux Modes (';'-joined), Date Value, Date Precision, CAMEO Code,
Goldstein, Article ID, URL. Facts only unless asked.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import IO, Any

from eventwire.registry import writers
from eventwire.rows import plover_contexts, plover_modes
from eventwire.writers.tabular import EventRowWriter, event_day, parties, place_text, quad_of, raw_text, text
from eventwire.writers.vocab import place_kind

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "Is Fact", "Aux Modes", "Date Value", "Date Precision", "CAMEO Code", "Goldstein", "Article ID", "URL",
)
COLUMNS = POLECAT_COLUMNS + EXTRA_COLUMNS
#: pandas dtypes of every column as POLECAT users read them (nullable Int64 where a value may be missing).
DTYPES: dict[str, str] = {
    c: "Int64" if c in ("Quad Code", "GeoNames ID") else
    "float64" if c in ("Intensity", "Latitude", "Longitude", "Goldstein") else "str"
    for c in COLUMNS
}


def _version() -> str:
    try:
        return f"eventwire {metadata.version('eventwire')}"
    except metadata.PackageNotFoundError:
        return "eventwire"


def _joined(values: list[Any]) -> str | None:
    kept = [str(v) for v in values if v]
    return ";".join(kept) if kept else None


def _side(row: dict[str, Any], side: str) -> list[Any]:
    ps = parties(row, side)
    return [
        _joined([p.get("name") for p in ps]), _joined([p.get("country") for p in ps]), None,
        ps[0].get("sector") if ps else None, _joined([p.get("sector") for p in ps]), None,
        _joined([raw_text(row, p) for p in ps]), None,
    ]


def _place(row: dict[str, Any], *kinds: str) -> str | None:
    return row.get("place_name") if (row.get("place_kind") or "").lower() in kinds else None


def polecat_cells(row: dict[str, Any], version: str) -> list[str]:
    day, source = event_day(row)
    mode = (row.get("mode") or "").lower()
    known = plover_contexts()
    feature = place_kind(row.get("place_kind")) if row.get("place_name") else None
    values: list[Any] = [
        row["event_id"], day, row.get("type"), mode if mode in plover_modes(row.get("type")) else None,
        row.get("plover_score"), quad_of(row), _joined([c for c in row.get("contexts") or [] if c in known]),
        *_side(row, "actor"), *_side(row, "recipient"),
        row.get("place_name"), _place(row, "city", "capital", "town", "village"), _place(row, "admin2", "district"),
        _place(row, "admin1", "state", "province"), row.get("place_country") if row.get("place_name") else None,
        row.get("lat"), row.get("lon"), row.get("geonameid"), place_text(row), feature[1] if feature else None,
        row.get("outlet"), row.get("published"), None, None, None, row.get("language"), version,
        row.get("is_fact"), row.get("aux"), row.get("date_value"),
        row.get("date_precision") if source == "event" else source, row.get("cameo"), row.get("goldstein"),
        row.get("article_id"), row.get("url"),
    ]
    return [text(v).replace("\t", " ").replace("\n", " ") for v in values]


@writers.register("polecat")
class PolecatWriter(EventRowWriter):
    """Header first (even with no events), then one tab-separated row per event."""

    needs_places = True

    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        super().__init__(fh, facts, path)
        self.version = _version()
        fh.write("\t".join(COLUMNS) + "\n")

    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write("\t".join(polecat_cells(row, self.version)) + "\n")
