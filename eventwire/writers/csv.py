"""CSV writer: one row per event, the columns an analyst loads into pandas or a spreadsheet first.

The first sixteen columns are the original layout; later columns qualify the row: whether it is a fact,
how precise its date is (``date`` is the first day the date covers: a year-only 2014 is 2014-01-01 with
``date_precision`` year), and what kind of place it is. Lists (aux, contexts) are joined with ';'. The
R-friendly variant with one value per cell and a codebook is the rcsv format.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

from eventwire.registry import writers
from eventwire.writers.tabular import EventRowWriter, text

COLUMNS: tuple[str, ...] = (
    "article_id", "type", "mode", "cameo", "quad_class", "goldstein", "actor_code", "actor_name",
    "recipient_code", "recipient_name", "date", "place", "lat", "lon", "aux", "evidence",
    # beyond the minimum: what links and qualifies the row
    "event_id", "trigger", "actor_country", "recipient_country", "place_country", "date_precision",
    "plover_score", "mention_count", "confidence", "is_fact", "date_value", "place_kind", "contexts",
)


def csv_cells(row: dict[str, Any]) -> list[str]:
    values = {
        **row, "place": row.get("place_name"), "evidence": row.get("sentence"), "trigger": row.get("trigger_text")
    }
    return [text(values.get(c)) for c in COLUMNS]


@writers.register("csv")
class CsvWriter(EventRowWriter):
    """Header first (even with no events, so an empty result still loads), then one row per event."""

    def __init__(self, fh: IO[str], facts: bool = True, path: Path | None = None) -> None:
        super().__init__(fh, facts, path)
        self.out = csv.writer(fh, lineterminator="\n")
        self.out.writerow(COLUMNS)

    def write_row(self, row: dict[str, Any]) -> None:
        self.out.writerow(csv_cells(row))
