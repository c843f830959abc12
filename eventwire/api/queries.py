"""Read-only queries the API needs over the DuckDB store, shaped as JSON the page can render directly.

Why a short-lived read-only connection per call: the server must never hold the write lock that
``eventwire ingest`` needs, and DuckDB connections are not meant to be shared across threads. Every
value from a request reaches SQL only as a bound parameter; the only SQL text chosen from input is
picked from constant tables (e.g. the dyad period), never interpolated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ErrorCode, EventwireError


@dataclass(frozen=True)
class EventFilters:
    """The filters of `eventwire events`, as the API receives them."""

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    type: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    outlet: str | None = None
    article: str | None = None
    include_all: bool = False


def _party_clause(prefix: str) -> str:
    # actor_key holds every party's code (or upper-cased name), ";"-joined.
    return (
        f"(contains(lower(coalesce(e.{prefix}_key, '')), lower(?)) "
        f"OR contains(lower(coalesce(e.{prefix}_name, '')), lower(?)) "
        f"OR contains(lower(coalesce(e.{prefix}s_json, '')), lower(?)))"
    )


def where_clause(f: EventFilters) -> tuple[str, list[Any]]:
    """SQL WHERE text (constant fragments only) and its bound parameters, for the ``events e`` table."""
    parts: list[str] = []
    params: list[Any] = []
    if not f.include_all:
        parts.append("e.is_fact")
    if f.actor:
        parts.append(_party_clause("actor"))
        params += [f.actor] * 3
    if f.recipient:
        parts.append(_party_clause("recipient"))
        params += [f.recipient] * 3
    if f.country:
        parts.append("(upper(?) IN (e.actor_country, e.recipient_country, e.place_country))")
        params.append(f.country)
    if f.type:
        parts.append("upper(e.type) = upper(?)")
        params.append(f.type)
    if f.quad_class is not None:
        parts.append("e.quad_class = ?")
        params.append(f.quad_class)
    if f.since:
        parts.append("e.date >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        parts.append("e.date <= CAST(? AS DATE)")
        params.append(f.until)
    if f.place:
        parts.append("contains(lower(coalesce(e.place_name, '')), lower(?))")
        params.append(f.place)
    if f.outlet:
        parts.append(
            "EXISTS (SELECT 1 FROM event_mentions o WHERE o.event_id = e.event_id "
            "AND contains(lower(coalesce(o.outlet, '')), lower(?)))"
        )
        params.append(f.outlet)
    if f.article:
        parts.append("EXISTS (SELECT 1 FROM event_mentions a WHERE a.event_id = e.event_id AND a.article_id = ?)")
        params.append(f.article)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


_PERIOD_SQL = {
    "day": "strftime(e.date, '%Y-%m-%d')",
    "week": "strftime(date_trunc('week', e.date), '%Y-%m-%d')",
    "month": "strftime(e.date, '%Y-%m')",
}

_EVENT_COLUMNS = """
    e.event_id, e.type, e.mode, e.contexts, e.cameo, e.quad_class, e.goldstein, e.plover_score,
    e.actors_json, e.recipients_json, e.actor_key, e.recipient_key,
    e.date_value, e.date_precision, e.place_name, e.place_country, e.lat, e.lon, e.geonameid,
    e.aux, e.is_fact, e.mention_count, e.article_count, e.confidence,
    m.article_id, m.sentence, m.sentence_start, m.sentence_end, m.trigger_text, m.trigger_start, m.trigger_end,
    m.date_text, m.quote_id, m.rule, m.outlet, CAST(m.published AS VARCHAR) AS published, m.local_event_id
"""


class Queries:
    """The API's view of one DuckDB file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if not self.path.is_file():
            raise EventwireError(ErrorCode.STORE_ERROR, f"no database at {self.path}; run `eventwire ingest` first")
        try:
            return duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise EventwireError(ErrorCode.STORE_ERROR, f"cannot open {self.path}: {exc}") from exc

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        con = self._connect()
        try:
            cur = con.execute(sql, params)
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
        finally:
            con.close()

    # -- events ------------------------------------------------------------------------------------
    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        where, params = where_clause(filters)
        total = self._rows(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"]
        rows = self._rows(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id"
            f"{where} ORDER BY e.date NULLS LAST, e.event_id LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
        return int(total), [_event_json(r) for r in rows]

    def dyads(self, filters: EventFilters, period: str, limit: int) -> list[dict[str, Any]]:
        where, params = where_clause(filters)
        extra = "e.date IS NOT NULL AND coalesce(e.actor_key, '') <> '' AND coalesce(e.recipient_key, '') <> ''"
        where = f"{where} AND {extra}" if where else f" WHERE {extra}"
        sql = (
            f"SELECT {_PERIOD_SQL[period]} AS period, e.actor_key AS source, e.recipient_key AS target, "
            "count(*) AS count, sum(e.mention_count) AS mentions, round(sum(coalesce(e.goldstein, 0)), 2) AS goldstein, "
            "round(sum(coalesce(e.plover_score, 0)), 2) AS plover_score "
            f"FROM events e{where} GROUP BY ALL ORDER BY period, count DESC LIMIT ?"
        )
        return self._rows(sql, params + [limit])

    def network(self, filters: EventFilters, limit: int) -> dict[str, Any]:
        """Nodes are actors (by code, or name), sized by events; edges are actor->recipient by quad class."""
        where, params = where_clause(filters)
        rows = self._rows(
            "SELECT e.actor_key AS source, e.recipient_key AS target, e.quad_class, count(*) AS n, "
            "any_value(e.actor_name) AS source_name, any_value(e.recipient_name) AS target_name, "
            "any_value(e.actor_country) AS source_country, any_value(e.recipient_country) AS target_country "
            f"FROM events e{where} GROUP BY e.actor_key, e.recipient_key, e.quad_class",
            params,
        )
        nodes: dict[str, dict[str, Any]] = {}
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            ends = []
            for side in ("source", "target"):
                key = r[side]
                if not key:
                    continue
                node = nodes.setdefault(
                    key, {"id": key, "label": key, "name": r[f"{side}_name"], "country": r[f"{side}_country"], "count": 0}
                )
                node["count"] += int(r["n"])
                ends.append(key)
            if len(ends) == 2 and ends[0] != ends[1]:
                edge = edges.setdefault((ends[0], ends[1]), {"source": ends[0], "target": ends[1], "count": 0, "quad": {}})
                edge["count"] += int(r["n"])
                q = str(r["quad_class"] or 0)
                edge["quad"][q] = edge["quad"].get(q, 0) + int(r["n"])
        top = sorted(nodes.values(), key=lambda n: (-n["count"], n["id"]))[:limit]
        keep = {n["id"] for n in top}
        kept_edges = [e for e in edges.values() if e["source"] in keep and e["target"] in keep]
        return {"nodes": top, "edges": kept_edges}

    # -- actors and articles -----------------------------------------------------------------------
    def actors(self, q: str | None, limit: int) -> list[dict[str, Any]]:
        where = ""
        params: list[Any] = []
        if q:
            where = " WHERE contains(lower(coalesce(name, '')), lower(?)) OR contains(lower(coalesce(code, '')), lower(?))"
            params = [q, q]
        return self._rows(
            "SELECT code, name, country, sector, any_value(kb_id) AS kb_id, count(DISTINCT article_id) AS articles, "
            f"sum(n_mentions) AS mentions FROM actors{where} GROUP BY code, name, country, sector "
            "ORDER BY mentions DESC, name LIMIT ?",
            params + [limit],
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT document FROM articles WHERE article_id = ?", [article_id])
        if not rows:
            return None
        doc: dict[str, Any] = json.loads(rows[0]["document"])
        return doc

    def articles(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        total = self._rows("SELECT count(*) AS n FROM articles", [])[0]["n"]
        rows = self._rows(
            "SELECT article_id, title, CAST(published AS VARCHAR) AS published, outlet, url, n_actors, n_events "
            "FROM articles ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return int(total), rows


def _event_json(r: dict[str, Any]) -> dict[str, Any]:
    """One stored event in the Document's event shape, plus where it came from and how often it was reported."""
    location = None
    if r["place_name"]:
        location = {
            "name": r["place_name"], "country": r["place_country"], "lat": r["lat"], "lon": r["lon"],
            "geonameid": r["geonameid"],
        }
    evidence = None
    if r["sentence"] is not None:
        evidence = {
            "sentence": r["sentence"], "start": r["sentence_start"], "end": r["sentence_end"],
            "trigger": {"text": r["trigger_text"], "start": r["trigger_start"], "end": r["trigger_end"]},
        }
    return {
        "id": r["event_id"],
        "type": r["type"],
        "mode": r["mode"],
        "contexts": list(r["contexts"] or []),
        "cameo": r["cameo"],
        "quad_class": r["quad_class"],
        "goldstein": r["goldstein"],
        "plover_score": r["plover_score"],
        "actor": json.loads(r["actors_json"] or "[]"),
        "recipient": json.loads(r["recipients_json"] or "[]"),
        "date": {"value": r["date_value"], "precision": r["date_precision"], "text": r["date_text"]},
        "location": location,
        "aux": list(r["aux"] or []),
        "quote": r["quote_id"],
        "evidence": evidence,
        "confidence": r["confidence"],
        "rule": r["rule"],
        "article_id": r["article_id"],
        "outlet": r["outlet"],
        "published": r["published"],
        "mention_count": r["mention_count"],
        "article_count": r["article_count"],
    }
