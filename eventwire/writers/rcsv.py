"""R-friendly CSV writer (format ``rcsv``): one event a row, one value a cell, and a codebook file.

Why a second CSV: R's ``read.csv`` and readr's ``read_csv`` guess each column's type from its cells. Here
every column has one type: snake_case names, ISO dates (Date), TRUE/FALSE (logical), NA for a missing
value (never an empty string), whole numbers without decimals (integer), lists as ';'-joined text and the
auxiliary modes as one logical column each, so ``read.csv(f)`` or ``read_csv(f)`` gives the types of the
codebook without a col_types argument. UTF-8, comma-separated, a header, "\\n" line ends, double quotes
around any cell that needs them.

The codebook (``NAME.codebook.csv`` beside ``NAME.csv``, written when the output is a file; also
``CODEBOOK`` here) lists every column with its R type and what it holds, in the same CSV conventions.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from eventwire.registry import writers
from eventwire.writers.tabular import AUX_MODES, EventRowWriter, aux_flags, date_end, event_day, quad_of

NA = "NA"

Getter = Callable[[dict[str, Any]], Any]


def _get(key: str) -> Getter:
    return lambda row: row.get(key)


def _anchor(row: dict[str, Any]) -> dt.date | None:
    """The day whose year and month the event is counted in: a week's Thursday (ISO 8601), else its date."""
    date = row.get("date")
    if not isinstance(date, dt.date):
        return None
    return date + dt.timedelta(days=3) if row.get("date_precision") == "week" else date


def _month(row: dict[str, Any]) -> int | None:
    day = _anchor(row)
    return day.month if day is not None and row.get("date_precision") != "year" else None


def _year(row: dict[str, Any]) -> int | None:
    day = _anchor(row)
    return day.year if day is not None else None


#: (column, R type, description, value of a normalised event row) in file order.
SPEC: tuple[tuple[str, str, str, Getter], ...] = (
    ("event_id", "character", "eventwire event id (one per event; in extract output one per event mention)",
     _get("event_id")),
    ("article_id", "character", "id of the (first) article reporting the event", _get("article_id")),
    ("date", "Date", "first day the event's date covers (2014 -> 2014-01-01); NA when undated", _get("date")),
    ("date_end", "Date", "last day the event's date covers (2014 -> 2014-12-31)", date_end),
    ("date_precision", "character", "day, week, month, year, time, published (dated by the article) or other",
     _get("date_precision")),
    ("date_value", "character", "the date as TIMEX3 (2014-11-26, 2014-11, 2014-W48, 2014)", _get("date_value")),
    ("year", "integer", "year the event is counted in (of date; of its Thursday for a week, as the panels)", _year),
    ("month", "integer", "month the event is counted in; NA when the date is only a year", _month),
    ("published", "Date", "publication date of the (first) article", _get("published")),
    ("type", "character", "PLOVER event type (CONSULT, ASSAULT ...)", _get("type")),
    ("mode", "character", "PLOVER mode, or eventwire's for the type", _get("mode")),
    ("contexts", "character", "contexts, ';'-joined", lambda r: ";".join(r.get("contexts") or []) or None),
    ("cameo", "character", "CAMEO event code (text: keeps the leading zero of 042)", _get("cameo")),
    ("root_code", "character", "CAMEO root code (first two digits)", lambda r: (r.get("cameo") or "")[:2] or None),
    ("quad_class", "integer", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
     quad_of),
    ("goldstein", "double", "Goldstein score of the CAMEO code (-10 to 10)", _get("goldstein")),
    ("plover_score", "double", "PLOVER conflict-cooperation score of type and mode (-10 to 10)",
     _get("plover_score")),
    ("actor_code", "character", "CAMEO-style code of the first actor (RUSGOV); NA when uncoded",
     _get("actor_code")),
    ("actor_name", "character", "canonical name of the first actor", _get("actor_name")),
    ("actor_country", "character", "ISO 3166 alpha-3 country of the first actor", _get("actor_country")),
    ("actor_sector", "character", "sector of the first actor (GOV, MIL ...)", _get("actor_sector")),
    ("actor_codes", "character", "every actor's code (or upper-cased name), ';'-joined", _get("actor_key")),
    ("recipient_code", "character", "code of the first recipient", _get("recipient_code")),
    ("recipient_name", "character", "canonical name of the first recipient", _get("recipient_name")),
    ("recipient_country", "character", "ISO 3166 alpha-3 country of the first recipient",
     _get("recipient_country")),
    ("recipient_sector", "character", "sector of the first recipient", _get("recipient_sector")),
    ("recipient_codes", "character", "every recipient's code (or upper-cased name), ';'-joined",
     _get("recipient_key")),
    ("place_name", "character", "where the event happened (GeoNames name)", _get("place_name")),
    ("place_country", "character", "ISO 3166 alpha-3 country of the place", _get("place_country")),
    ("place_kind", "character", "city, admin1, admin2, country, region, sea or continent (a country's point "
     "is its centroid)", _get("place_kind")),
    ("lat", "double", "latitude of the place", _get("lat")),
    ("lon", "double", "longitude of the place", _get("lon")),
    ("geonameid", "integer", "GeoNames id of the place", _get("geonameid")),
    ("is_fact", "logical", "TRUE when no negation, hypothetical or future mode applies", _get("is_fact")),
    *((mode, "logical", f"TRUE when the event is reported with the {mode} auxiliary mode",
       (lambda m: lambda r: aux_flags(r)[m])(mode)) for mode in AUX_MODES),
    ("mention_count", "integer", "mentions of the event across articles", _get("mention_count")),
    ("article_count", "integer", "articles reporting the event", _get("article_count")),
    ("source_count", "integer", "distinct outlets reporting the event", _get("source_count")),
    ("confidence", "double", "calibrated confidence of the event (0 to 1)", _get("confidence")),
    ("outlet", "character", "outlet of the (first) article", _get("outlet")),
    ("url", "character", "URL of the (first) article", _get("url")),
    ("day_source", "character", "event (its own date), published or added: where an event day for "
     "day-only formats comes from", lambda r: event_day(r)[1]),
    ("trigger", "character", "the word(s) that express the event", _get("trigger_text")),
    ("sentence", "character", "the evidence sentence", _get("sentence")),
)
COLUMNS: tuple[str, ...] = tuple(s[0] for s in SPEC)
CODEBOOK: tuple[tuple[str, str, str], ...] = tuple((s[0], s[1], s[2]) for s in SPEC)


def codebook_path(path: Path) -> Path:
    """events.csv -> events.codebook.csv (beside the data)."""
    return path.with_name(f"{path.stem}.codebook.csv")


def r_cell(value: Any, rtype: str) -> str:
    """One cell as R reads it: NA, TRUE/FALSE, integers without decimals, dates in ISO."""
    if value is None or value == "" or value == []:
        return NA
    if rtype == "logical":
        return "TRUE" if value else "FALSE"
    if rtype == "integer":
        return str(int(value))
    if rtype == "double":
        return repr(float(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def write_codebook(fh: IO[str]) -> None:
    out = csv.writer(fh, lineterminator="\n")
    out.writerow(("variable", "type", "description"))
    out.writerows(CODEBOOK)


@writers.register("rcsv")
class RCsvWriter(EventRowWriter):
    """Header first (even with no events), then one row per event; the codebook beside a file output."""

    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        super().__init__(fh, facts, path)
        self.out = csv.writer(fh, lineterminator="\n")
        self.out.writerow(COLUMNS)
        if path is not None:
            with codebook_path(path).open("w", encoding="utf-8", newline="") as book:
                write_codebook(book)

    def write_row(self, row: dict[str, Any]) -> None:
        self.out.writerow([r_cell(get(row), rtype) for _, rtype, _, get in SPEC])
