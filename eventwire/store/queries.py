"""Queries over the store as library functions returning plain data (the CLI and REST API call these).

Every value reaches SQL as a bound parameter; only constant SQL fragments are concatenated.
By default only facts are returned: events whose aux holds negation, hypothetical or future need ``all=True``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from eventwire.errors import ErrorCode, EventwireError

INTERVALS = ("day", "week", "month", "year")

EVENT_COLUMNS = (
    "event_id", "type", "mode", "cameo", "quad_class", "goldstein", "plover_score",
    "actor_code", "actor_name", "actor_country", "actor_sector", "actor_key",
    "recipient_code", "recipient_name", "recipient_country", "recipient_sector", "recipient_key",
    "date", "date_value", "date_precision", "place_name", "place_country", "lat", "lon", "geonameid",
    "aux", "is_fact", "contexts", "mention_count", "article_count", "source_count",
    "first_article_id", "sentence", "trigger_text", "confidence", "source_url",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        table = con.sql(sql, params=params).to_arrow_table()
    except duckdb.Error as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
    return [{k: _jsonable(v) for k, v in row.items()} for row in table.to_pylist()]


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"{name}: {value!r} is not YYYY-MM-DD") from exc


def _contains(value: str) -> str:
    """An ILIKE pattern for "contains ``value``", with the user's % and _ taken literally (use ESCAPE '\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _party(prefix: str, value: str) -> tuple[str, list[Any]]:
    """Match a party by code (exact, any party of a multi-actor event) or by name (substring)."""
    sql = (
        f"(upper({prefix}_code) = upper(?) OR list_contains(string_split({prefix}_key, ';'), upper(?))"
        f" OR {prefix}_name ILIKE ? ESCAPE '\\' OR {prefix}s_json ILIKE ? ESCAPE '\\')"
    )
    like = _contains(value)
    return sql, [value, value, like, like]


def event_filters(
    actor: str | None = None,
    recipient: str | None = None,
    party: str | None = None,
    country: str | None = None,
    type: str | list[str] | None = None,  # noqa: A002 - the PLOVER field is called type
    quad_class: int | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    place: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    all: bool = False,  # noqa: A002 - mirrors the --all flag
    alias: str = "e",
) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters for the events table (aliased ``alias``)."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        sql, p = _party("actor", actor)
        clauses.append(sql)
        params += p
    if recipient:
        sql, p = _party("recipient", recipient)
        clauses.append(sql)
        params += p
    if party:
        a_sql, a_p = _party("actor", party)
        r_sql, r_p = _party("recipient", party)
        clauses.append(f"({a_sql} OR {r_sql})")
        params += a_p + r_p
    if country:
        clauses.append(
            "(upper(actor_country) = upper(?) OR upper(recipient_country) = upper(?) "
            "OR upper(place_country) = upper(?))"
        )
        params += [country] * 3
    if type:
        given = [type] if isinstance(type, str) else type
        types = [t.strip().upper() for t in given for t in t.split(",") if t.strip()]
        clauses.append("list_contains(?, upper(type))")
        params.append(types)
    if quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(int(quad_class))
    if (d := _date(start, "start")) is not None:
        clauses.append("date >= ?")
        params.append(d)
    if (d := _date(end, "end")) is not None:
        clauses.append("date <= ?")
        params.append(d)
    if place:
        clauses.append("(place_name ILIKE ? ESCAPE '\\' OR CAST(geonameid AS VARCHAR) = ?)")
        params += [_contains(place), place]
    if outlet:
        clauses.append(
            f"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = {alias}.event_id "
            "AND m.outlet ILIKE ? ESCAPE '\\')"
        )
        params.append(_contains(outlet))
    if article_id:
        clauses.append(
            f"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = {alias}.event_id AND m.article_id = ?)"
        )
        params.append(article_id)
    if not all:
        clauses.append("is_fact")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(con: duckdb.DuckDBPyConnection, limit: int | None = 1000, offset: int = 0,
           **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events, oldest first, each with its mention count."""
    where, params = event_filters(**filters)
    sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events e{where} ORDER BY date NULLS LAST, first_seen, event_id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con, sql, params)


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with every mention and its evidence spans (None if there is no such event)."""
    rows = _rows(con, f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    result = rows[0]
    result["mentions"] = _rows(
        con,
        "SELECT m.mention_id, m.article_id, m.local_event_id, m.date_value, m.date_text, m.place_name, m.aux, "
        "m.outlet, m.url, m.published, m.sentence, m.sentence_start, m.sentence_end, m.trigger_text, "
        "m.trigger_start, m.trigger_end, m.quote_id, m.confidence, m.rule FROM event_mentions m "
        "WHERE m.event_id = ? ORDER BY m.ingested_at, m.mention_id",
        [event_id],
    )
    evidence = _rows(
        con,
        "SELECT v.* FROM evidence v JOIN event_mentions m USING (mention_id) WHERE m.event_id = ? "
        "ORDER BY v.mention_id, v.ordinal",
        [event_id],
    )
    for mention in result["mentions"]:
        mention["evidence"] = [v for v in evidence if v["mention_id"] == mention["mention_id"]]
    return result


def dyads(con: duckdb.DuckDBPyConnection, interval: str = "day", **filters: Any) -> list[dict[str, Any]]:
    """Dyad counts per period: events, mentions and the sums of Goldstein and PLOVER scores."""
    if interval not in INTERVALS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"interval {interval!r}; use one of {', '.join(INTERVALS)}")
    where, params = event_filters(**filters)
    sql = (
        "SELECT CAST(date_trunc(?, date) AS DATE) AS period, "
        "coalesce(actor_code, upper(actor_name)) AS actor, any_value(actor_name) AS actor_name, "
        "coalesce(recipient_code, upper(recipient_name)) AS recipient, any_value(recipient_name) AS recipient_name, "
        "count(*) AS events, CAST(sum(mention_count) AS BIGINT) AS mentions, "
        "round(sum(goldstein), 3) AS goldstein_sum, round(sum(plover_score), 3) AS plover_sum, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual "
        f"FROM events e{where} GROUP BY ALL ORDER BY period NULLS LAST, events DESC, actor, recipient"
    )
    return _rows(con, sql, [interval, *params])


def actors(con: duckdb.DuckDBPyConnection, q: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Actors across articles, one row per identity (code and canonical name: Lavrov and Bogdanov are both
    RUSGOV but two people), with article, mention and event counts."""
    params: list[Any] = []
    where = ""
    if q:
        where = " WHERE (name ILIKE ? ESCAPE '\\' OR code ILIKE ? ESCAPE '\\' OR kb_id = ?)"
        params += [_contains(q), _contains(q)[1:], q]
    sql = (
        "WITH a AS (SELECT coalesce(code, '') AS ckey, name, any_value(code) AS code, mode(country) AS country, "
        "mode(sector) AS sector, any_value(kb_id) AS kb_id, count(DISTINCT article_id) AS articles, "
        f"CAST(sum(n_mentions) AS BIGINT) AS mentions FROM actors{where} GROUP BY ckey, name), "
        "s AS (SELECT coalesce(actor_code, '') AS ckey, actor_name AS name, count(*) AS n FROM events GROUP BY ALL), "
        "r AS (SELECT coalesce(recipient_code, '') AS ckey, recipient_name AS name, count(*) AS n "
        "FROM events GROUP BY ALL) "
        "SELECT a.code, a.name, a.country, a.sector, a.kb_id, a.articles, a.mentions, "
        "coalesce(s.n, 0) AS events_as_actor, coalesce(r.n, 0) AS events_as_recipient "
        "FROM a LEFT JOIN s USING (ckey, name) LEFT JOIN r USING (ckey, name) "
        "ORDER BY a.articles DESC, a.mentions DESC, a.name"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _rows(con, sql, params)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The stored Document JSON of an article, by id or content hash (None if not stored)."""
    rows = con.execute(
        "SELECT document FROM articles WHERE article_id = ? OR content_hash = ? LIMIT 1", [article_id, article_id]
    ).fetchall()
    return json.loads(rows[0][0]) if rows else None


def articles(con: duckdb.DuckDBPyConnection, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    sql = ("SELECT article_id, title, published, outlet, url, n_actors, n_events, ingested_at FROM articles "
           "ORDER BY published NULLS LAST, article_id")
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con, sql, params)


def network(con: duckdb.DuckDBPyConnection, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """The actor graph: nodes are actors (code, or name without one), edges actor -> recipient per type."""
    where, params = event_filters(**filters)
    base = f"SELECT * FROM events e{where}"
    edges = _rows(
        con,
        "SELECT coalesce(actor_code, upper(actor_name)) AS source, "
        "coalesce(recipient_code, upper(recipient_name)) AS target, "
        "type, count(*) AS weight, CAST(sum(mention_count) AS BIGINT) AS mentions, "
        "round(sum(goldstein), 3) AS goldstein_sum, "
        f"round(sum(plover_score), 3) AS plover_sum FROM ({base}) "
        "WHERE coalesce(actor_code, actor_name) IS NOT NULL AND coalesce(recipient_code, recipient_name) IS NOT NULL "
        "GROUP BY ALL ORDER BY source, target, type",
        params,
    )
    nodes = _rows(
        con,
        "WITH p AS (SELECT coalesce(actor_code, upper(actor_name)) AS id, actor_name AS name, "
        "actor_country AS country, "
        f"actor_sector AS sector FROM ({base}) UNION ALL "
        "SELECT coalesce(recipient_code, upper(recipient_name)), recipient_name, recipient_country, recipient_sector "
        f"FROM ({base})) SELECT id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector, "
        "count(*) AS events FROM p WHERE id IS NOT NULL GROUP BY id ORDER BY events DESC, id",
        params + params,
    )
    return {"nodes": nodes, "edges": edges}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    from eventwire.store.schema import TABLES

    # Table names are the constant schema keys, never user input.
    return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in TABLES}
