"""ICEWS-style writer: the 20 tab-separated columns of the ICEWS Coded Event Data files, with a header,
then eventwire's own columns.

ICEWS users read these files by column name (pandas ``read_csv(sep="\\t")``, R ``read_tsv``), so the 20
columns keep ICEWS's names, order and meaning:
  Event ID <- a 63-bit integer from the event id      Event Date <- YYYY-MM-DD (see below)
  Source Name / Source Sectors / Source Country <- the first actor's name, its sector in words
      (Government, Military ...), its country's name (countries only)
  Event Text <- CAMEO's name of the code ("Make a visit")   CAMEO Code <- the code   Intensity <- Goldstein
  Target Name / Target Sectors / Target Country <- the same for the first recipient
  Story ID <- a 63-bit integer from the article id     Sentence Number <- blank (eventwire identifies the
      sentence by its offsets, in the extra columns)     Publisher <- the outlet
  City / District / Province / Country <- the event's place by its kind (Country: the country's name)
  Latitude / Longitude <- its coordinates
Extra columns after them: PLOVER Type, PLOVER Mode, Quad Class, Date Value, Date Precision (Event Date is
the first day the date covers, so a year-only event reads 2014-01-01 with precision "year"), Is Fact, Aux
Modes (';'-joined), Event Key (the eventwire event id), Article ID, Sentence Start, Sentence End, Source
Code, Target Code. An event without a date of its own takes its article's publication date (Date
Precision "published"), as ICEWS does. Facts only unless asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from eventwire.registry import writers
from eventwire.rows import cameo_name
from eventwire.writers.tabular import EventRowWriter, event_day, quad_of, text
from eventwire.writers.vocab import country_name, iso_country, numeric_id, sector_name

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "PLOVER Type", "PLOVER Mode", "Quad Class", "Date Value", "Date Precision", "Is Fact", "Aux Modes",
    "Event Key", "Article ID", "Sentence Start", "Sentence End", "Source Code", "Target Code",
)
COLUMNS = ICEWS_COLUMNS + EXTRA_COLUMNS
#: pandas dtypes of every column as ICEWS users read them.
DTYPES: dict[str, str] = {
    c: "int64" if c in ("Event ID", "Story ID", "Quad Class") else
    "float64" if c in ("Intensity", "Latitude", "Longitude") else
    "Int64" if c in ("Sentence Number", "Sentence Start", "Sentence End") else "str"
    for c in COLUMNS
}


def _place(row: dict[str, Any], *kinds: str) -> str | None:
    return row.get("place_name") if (row.get("place_kind") or "").lower() in kinds else None


def icews_cells(row: dict[str, Any]) -> list[str]:
    day, source = event_day(row)
    values: list[Any] = [
        numeric_id(row["event_id"]), day,
        row.get("actor_name"), sector_name(row.get("actor_sector")),
        country_name(iso_country(row.get("actor_country"))),
        cameo_name(row.get("cameo")), row.get("cameo"), row.get("goldstein"),
        row.get("recipient_name"), sector_name(row.get("recipient_sector")),
        country_name(iso_country(row.get("recipient_country"))),
        numeric_id(row.get("article_id") or ""), None, row.get("outlet"),
        _place(row, "city", "capital", "town", "village"), _place(row, "admin2", "district"),
        _place(row, "admin1", "state", "province"),
        country_name(iso_country(row.get("place_country"))) if row.get("place_name") else None,
        row.get("lat"), row.get("lon"),
        row.get("type"), row.get("mode"), quad_of(row), row.get("date_value"),
        row.get("date_precision") if source == "event" else source, row.get("is_fact"), row.get("aux"),
        row["event_id"], row.get("article_id"), row.get("sentence_start"), row.get("sentence_end"),
        row.get("actor_code"), row.get("recipient_code"),
    ]
    return [text(v).replace("\t", " ").replace("\n", " ") for v in values]


@writers.register("icews")
class IcewsWriter(EventRowWriter):
    """Header first (even with no events), then one tab-separated row per event."""

    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        super().__init__(fh, facts, path)
        fh.write("\t".join(COLUMNS) + "\n")

    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write("\t".join(icews_cells(row)) + "\n")
