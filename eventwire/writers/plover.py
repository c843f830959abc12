"""PLOVER JSON Lines writer: one event a line, with the field names of the PLOVER manual's JSON table.

Fields: id, date, actor, recipient, event, mode, context, event_loc, event_text, quad_code, event_scale
(the PLOVER conflict-cooperation score), text (the evidence sentence), cite_info, coder, coded_date,
plus eventwire's own extras (eventwire_aux, eventwire_mentions, cameo, goldstein).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from eventwire.registry import writers
from eventwire.writers.tabular import EventRowWriter

CODER = "eventwire"


def _entities(row: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    parties = json.loads(row.get(f"{prefix}s_json") or "[]")
    return [
        {"raw_text": p.get("name"), "entity_name": p.get("name"), "code": p.get("code"),
         "country_name": p.get("country"), "sector_code": p.get("sector"), "eventwire_id": p.get("id")}
        for p in parties
    ]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date")
    added = row.get("added")
    record: dict[str, Any] = {
        "id": row["event_id"],
        "date": date.isoformat() if isinstance(date, dt.date) else None,
        "actor": _entities(row, "actor"),
        "recipient": _entities(row, "recipient"),
        "event": [row["type"]],
        "mode": [row["mode"]] if row.get("mode") else [],
        "context": list(row.get("contexts") or []),
        "event_loc": (
            {"name": row.get("place_name"), "country": row.get("place_country"), "lat": row.get("lat"),
             "lon": row.get("lon"), "geonameid": row.get("geonameid"), "feature_class": row.get("place_kind")}
            if row.get("place_name") else None
        ),
        "event_text": [row["trigger_text"]] if row.get("trigger_text") else [],
        "quad_code": row.get("quad_class"),
        "event_scale": row.get("plover_score"),
        "text": row.get("sentence"),
        "cite_info": {"article_id": row.get("article_id"), "url": row.get("url")},
        "coder": CODER,
        "coded_date": (added.date().isoformat() if isinstance(added, dt.datetime) else dt.date.today().isoformat()),
        "cameo": row.get("cameo"),
        "goldstein": row.get("goldstein"),
        "eventwire_aux": list(row.get("aux") or []),
        "eventwire_date": {"value": row.get("date_value"), "precision": row.get("date_precision")},
        "eventwire_mentions": row.get("mention_count"),
    }
    return record


@writers.register("plover")
class PloverWriter(EventRowWriter):
    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
