"""PLOVER JSON Lines writer: one event a line, in the fields of the PLOVER manual's "Data Fields" chapter.

Fields (manual names): id, date and enddate (the first and last day the event's date covers, so a
year-only date is 2014-01-01 to 2014-12-31), actor and recipient (lists of entities: raw_text as the
article wrote it, entity_name the canonical name, country_name, country_code, sector_code, code),
event, mode and context (only values the manual defines: the modes of the event's type and the general
contexts; auxiliary modes go into context, as the manual says), event_loc (the location object:
extracted_place, resolved_place, geonameid, lat, lon, city/district/province, country, country_code,
feature_class, feature_code, resolution), event_text (the trigger), quad_code, event_scale (the PLOVER
conflict-cooperation score), text (the evidence sentence), text_info (the sentence's character offsets
in the article text), cite_info (corpus, citation, url, title, language, publication, coder), coder,
coded_date. eventwire's own fields start with ``eventwire_``: the CAMEO code and Goldstein score, whether
the event is a fact and its aux modes, the date as found, any mode or context outside PLOVER, the number
of mentions.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from eventwire.registry import writers
from eventwire.rows import plover_contexts, plover_modes
from eventwire.writers.tabular import EventRowWriter, date_end, parties, place_text, raw_text
from eventwire.writers.vocab import country_name, place_kind

CODER = "eventwire"
AUX_CONTEXTS = ("negation", "hypothetical", "future", "historical")


def entity(row: dict[str, Any], party: dict[str, Any]) -> dict[str, Any]:
    """One actor or recipient as the manual's entity object (its example block and its table)."""
    return {
        "raw_text": raw_text(row, party),
        "entity_name": party.get("name"),
        "country_name": country_name(party.get("country")),
        "country_code": party.get("country"),
        "sector_code": party.get("sector"),
        "code": party.get("code"),
        "eventwire_id": party.get("id"),
    }


def event_loc(row: dict[str, Any]) -> dict[str, Any] | None:
    """The manual's location object (the fields Mordecai3 returns, from GeoNames)."""
    name = row.get("place_name")
    if not name:
        return None
    kind = (row.get("place_kind") or "").lower()
    feature = place_kind(kind)
    return {
        "extracted_place": place_text(row),
        "resolved_place": name,
        "geonameid": row.get("geonameid"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "city": name if kind in ("city", "capital", "town", "village") else None,
        "district": name if kind in ("admin2", "district") else None,
        "province": name if kind in ("admin1", "state", "province") else None,
        "country": country_name(row.get("place_country")),
        "country_code": row.get("place_country"),
        "feature_class": feature[0] if feature else None,
        "feature_code": feature[1] if feature else None,
        "resolution": feature[2] if feature else None,
    }


def _mode(row: dict[str, Any]) -> tuple[list[str], str | None]:
    """The mode if the manual defines it for the type (as a list), and the one that it does not, if any."""
    mode = (row.get("mode") or "").strip()
    if not mode:
        return [], None
    folded = mode.lower().replace("_", "-").replace(" ", "-")
    if folded in plover_modes(row.get("type")):
        return [folded], None
    return [], mode


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date")
    end = date_end(row)
    added = row.get("added")
    mode, other_mode = _mode(row)
    known = plover_contexts()
    contexts = list(row.get("contexts") or [])
    aux = list(row.get("aux") or [])
    start, stop = row.get("sentence_start"), row.get("sentence_end")
    published = row.get("published")
    record: dict[str, Any] = {
        "id": row["event_id"],
        "date": date.isoformat() if isinstance(date, dt.date) else None,
        "enddate": end.isoformat() if end is not None and end != date else None,
        "actor": [entity(row, p) for p in parties(row, "actor")],
        "recipient": [entity(row, p) for p in parties(row, "recipient")],
        "event": [row["type"]],
        "mode": mode,
        "context": [c for c in contexts if c in known] + [a for a in AUX_CONTEXTS if a in aux],
        "event_loc": event_loc(row),
        "event_text": [row["trigger_text"]] if row.get("trigger_text") else [],
        "quad_code": row.get("quad_class"),
        "event_scale": row.get("plover_score"),
        "text": row.get("sentence"),
        "text_info": {"start": start, "end": stop} if start is not None and stop is not None else None,
        "cite_info": {
            "corpus": "eventwire", "citation": row.get("article_id"), "url": row.get("url"),
            "title": row.get("title"), "language": row.get("language"), "publication": row.get("outlet"),
            "coder": CODER,
        },
        "coder": CODER,
        "coded_date": (added.date().isoformat() if isinstance(added, dt.datetime) else dt.date.today().isoformat()),
        "eventwire_cameo": row.get("cameo"),
        "eventwire_goldstein": row.get("goldstein"),
        "eventwire_is_fact": bool(row.get("is_fact")),
        "eventwire_aux": aux,
        "eventwire_date": {"value": row.get("date_value"), "precision": row.get("date_precision"),
                           "published": published.isoformat() if isinstance(published, dt.date) else None},
        "eventwire_mode": other_mode,
        "eventwire_contexts": [c for c in contexts if c not in known],
        "eventwire_mentions": row.get("mention_count"),
    }
    return record


@writers.register("plover")
class PloverWriter(EventRowWriter):
    needs_places = True

    def write_row(self, row: dict[str, Any]) -> None:
        self.fh.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
