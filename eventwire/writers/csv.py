"""CSV writer: one row per event, the columns an analyst loads into pandas or a spreadsheet first."""

from __future__ import annotations

import csv
from typing import IO, Any

from eventwire.registry import writers
from eventwire.writers.tabular import EventRowWriter, text

COLUMNS: tuple[str, ...] = (
    "article_id", "type", "mode", "cameo", "quad_class", "goldstein", "actor_code", "actor_name",
    "recipient_code", "recipient_name", "date", "place", "lat", "lon", "aux", "evidence",
    # beyond the minimum: what links and qualifies the row
    "event_id", "trigger", "actor_country", "recipient_country", "place_country", "date_precision",
    "plover_score", "mention_count", "confidence",
)


def csv_cells(row: dict[str, Any]) -> list[str]:
    values = {
        **row, "place": row.get("place_name"), "evidence": row.get("sentence"), "trigger": row.get("trigger_text")
    }
    return [text(values.get(c)) for c in COLUMNS]


@writers.register("csv")
class CsvWriter(EventRowWriter):
    """Header first (even with no events, so an empty result still loads), then one row per event."""

    def __init__(self, fh: IO[str]) -> None:
        super().__init__(fh)
        self.out = csv.writer(fh, lineterminator="\n")
        self.out.writerow(COLUMNS)

    def write_row(self, row: dict[str, Any]) -> None:
        self.out.writerow(csv_cells(row))
