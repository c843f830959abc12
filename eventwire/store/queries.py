"""Queries over the store as library functions returning plain data (the CLI and REST API call these).

Every value reaches SQL as a bound parameter; only constant SQL fragments are concatenated. The filters
are those of eventwire.store.filters. By default only facts are returned: events whose aux holds
negation, hypothetical or future need ``all=True``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from eventwire.errors import ErrorCode, EventwireError
from eventwire.store.filters import FILTERS, FOLD_SQL, check_name, event_filters, name_words
from eventwire.store.periods import PERIODS, period_sql

INTERVALS = PERIODS
__all__ = ["EVENT_COLUMNS", "FILTERS", "INTERVALS", "actors", "article", "articles", "count_events", "counts",
           "dyad_totals", "dyads", "event", "event_filters", "events", "network",
           "network_summary"]

EVENT_COLUMNS = (
    "event_id", "type", "mode", "cameo", "quad_class", "goldstein", "plover_score",
    "actor_code", "actor_name", "actor_country", "actor_sector", "actor_key",
    "recipient_code", "recipient_name", "recipient_country", "recipient_sector", "recipient_key",
    "date", "date_value", "date_precision", "place_name", "place_country", "lat", "lon", "geonameid",
    "place_kind", "aux", "is_fact", "contexts", "mention_count", "article_count", "source_count",
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


def events(con: duckdb.DuckDBPyConnection, limit: int | None = 1000, offset: int = 0,
           **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events, oldest first, each with its mention count (``count_events`` gives the total)."""
    where, params = event_filters(**filters)
    sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM events e{where} "
           "ORDER BY date NULLS LAST, first_seen NULLS LAST, event_id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con, sql, params)


def count_events(con: duckdb.DuckDBPyConnection, **filters: Any) -> int:
    """How many events match the filters (so a caller can say how many rows a limit left out)."""
    where, params = event_filters(**filters)
    return int(_rows(con, f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"])


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


def _dyads_sql(interval: str, where: str, placed: bool) -> str:
    if interval not in INTERVALS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"interval {interval!r}; use one of {', '.join(INTERVALS)}")
    return (
        f"SELECT {period_sql(interval)} AS period, "
        "actor_code AS actor, any_value(actor_name) AS actor_name, "
        "recipient_code AS recipient, any_value(recipient_name) AS recipient_name, "
        "count(*) AS events, CAST(sum(mention_count) AS BIGINT) AS mentions, "
        "round(sum(goldstein), 3) AS goldstein_sum, round(sum(plover_score), 3) AS plover_sum, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual "
        f"FROM events e{where} "
        "GROUP BY period, actor_code, CASE WHEN actor_code IS NULL THEN actor_name END, "
        "recipient_code, CASE WHEN recipient_code IS NULL THEN recipient_name END"
        + (" HAVING period IS NOT NULL AND coalesce(actor, actor_name, '') <> '' "
           "AND coalesce(recipient, recipient_name, '') <> ''" if placed else "")
    )


_DYAD_ORDER = (" ORDER BY period NULLS LAST, events DESC, actor NULLS LAST, actor_name, recipient NULLS LAST, "
               "recipient_name")


def dyads(con: duckdb.DuckDBPyConnection, interval: str = "day", limit: int | None = None, offset: int = 0,
          placed: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Dyad counts per period: events, mentions and the sums of Goldstein and PLOVER scores.

    ``actor``/``recipient`` are codes; a party without one keeps its name in ``actor_name`` and no code
    (it is never made into a code). ``period`` is the first day of the period the event falls in by the
    precision of its date (store.periods): NULL for an undated event and for one dated less precisely than
    ``interval`` (a year-only event is in no week and no month). ``placed`` keeps only rows with a period
    and both sides (what a chart draws). ``limit``/``offset`` page in SQL, so a caller that shows a page
    never holds every row; ``dyad_totals`` says how many there are.
    """
    where, params = event_filters(**filters)
    sql = _dyads_sql(interval, where, placed) + _DYAD_ORDER
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con, sql, params)


def dyad_totals(con: duckdb.DuckDBPyConnection, interval: str = "day", placed: bool = False,
                **filters: Any) -> dict[str, int]:
    """How many dyad rows ``dyads`` gives without a limit, and how many events are in rows without a period
    (undated, or dated less precisely than ``interval``)."""
    where, params = event_filters(**filters)
    row = _rows(con, "SELECT count(*) AS n, coalesce(sum(events) FILTER (WHERE period IS NULL), 0) AS unplaced "
                f"FROM ({_dyads_sql(interval, where, placed)})", params)[0]
    return {"rows": int(row["n"]), "unplaced": int(row["unplaced"])}


def actors(con: duckdb.DuckDBPyConnection, q: str | None = None, limit: int | None = 100,
           all: bool = False, offset: int = 0) -> list[dict[str, Any]]:  # noqa: A002 - mirrors the --all flag
    """Actors across articles, one row per identity (code and canonical name: Lavrov and Bogdanov are both
    RUSGOV but two people), with article, mention and event counts (of facts unless ``all``).

    ``q`` is a code (exact, or a prefix ending in *: ``RUS*``), a knowledge-base id, or whole words of a
    name ("Lavrov"): "RUS" finds the actors coded RUS, never "Lloyd Russell-Moyle". Each row carries
    ``total``, the number of actors matching before ``limit`` and ``offset``.
    """
    params: list[Any] = []
    where = ""
    if q:
        value = q.strip()
        parts = ["kb_id = ?"]
        params.append(value)
        code = value.upper()
        if code.endswith("*") and len(code) > 1:
            parts.append("starts_with(code, ?)")
            params.append(code[:-1])
        else:
            parts.append("code = ?")
            params.append(code)
        if name_words(value) and not value.endswith("*"):
            parts.append(f"{FOLD_SQL.format(x='name')} LIKE ?")
            params.append(f"% {check_name(value, 'q')} %")
        where = " WHERE (" + " OR ".join(parts) + ")"
    facts = "" if all else " WHERE is_fact"
    sql = (
        "WITH a AS (SELECT coalesce(code, '') AS ckey, name, any_value(code) AS code, mode(country) AS country, "
        "mode(sector) AS sector, any_value(kb_id) AS kb_id, count(DISTINCT article_id) AS articles, "
        f"CAST(sum(n_mentions) AS BIGINT) AS mentions FROM actors{where} GROUP BY ckey, name), "
        "s AS (SELECT coalesce(actor_code, '') AS ckey, actor_name AS name, count(*) AS n "
        f"FROM events{facts} GROUP BY ALL), "
        "r AS (SELECT coalesce(recipient_code, '') AS ckey, recipient_name AS name, count(*) AS n "
        f"FROM events{facts} GROUP BY ALL) "
        "SELECT a.code, a.name, a.country, a.sector, a.kb_id, a.articles, a.mentions, "
        "coalesce(s.n, 0) AS events_as_actor, coalesce(r.n, 0) AS events_as_recipient, count(*) OVER () AS total "
        "FROM a LEFT JOIN s USING (ckey, name) LEFT JOIN r USING (ckey, name) "
        "ORDER BY a.articles DESC, a.mentions DESC, a.name"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
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


# A party's node in the network: its code, else its name as written (an uncoded actor never becomes a code).
_NODE = "coalesce({p}_code, {p}_name)"


def network(con: duckdb.DuckDBPyConnection, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """The actor graph: nodes are actors (their code, or their name when they have none; ``coded`` says
    which), edges actor -> recipient per type."""
    where, params = event_filters(**filters)
    base = f"SELECT * FROM events e{where}"
    src, dst = _NODE.format(p="actor"), _NODE.format(p="recipient")
    edges = _rows(
        con,
        f"SELECT {src} AS source, {dst} AS target, "
        "type, count(*) AS weight, CAST(sum(mention_count) AS BIGINT) AS mentions, "
        "round(sum(goldstein), 3) AS goldstein_sum, "
        f"round(sum(plover_score), 3) AS plover_sum FROM ({base}) "
        f"WHERE {src} IS NOT NULL AND {dst} IS NOT NULL "
        "GROUP BY ALL ORDER BY source, target, type",
        params,
    )
    nodes = _rows(
        con,
        f"WITH p AS (SELECT {src} AS id, actor_code AS code, actor_name AS name, "
        "actor_country AS country, "
        f"actor_sector AS sector FROM ({base}) UNION ALL "
        f"SELECT {dst}, recipient_code, recipient_name, recipient_country, recipient_sector "
        f"FROM ({base})) SELECT id, any_value(code) AS code, mode(name) AS name, mode(country) AS country, "
        "mode(sector) AS sector, count(code) > 0 AS coded, "
        "count(*) AS events FROM p WHERE id IS NOT NULL GROUP BY id ORDER BY events DESC, id",
        params + params,
    )
    return {"nodes": nodes, "edges": edges}


# The page's node key: the code, or the upper-cased name of a party without one (the REST API's network).
_KEY = "coalesce({p}_code, upper({p}_name))"


def network_summary(con: duckdb.DuckDBPyConnection, limit: int = 200, **filters: Any) -> dict[str, Any]:
    """The actor network as a chart draws it, all in DuckDB: the ``limit`` most active nodes (``id`` and
    ``label`` the code, or the upper-cased name of an uncoded party; ``name``, ``country``, ``count`` of
    events as actor or recipient) and the edges between them (actor -> recipient, not to itself) with their
    ``count`` and a count per quad class (``quad``: {"1": n, ..., "0": no quad class}).

    Why in SQL: the store may hold millions of events; only the chosen nodes and their edges leave DuckDB.
    """
    where, params = event_filters(**filters)
    src, dst = _KEY.format(p="actor"), _KEY.format(p="recipient")
    base = (f"WITH e AS (SELECT {src} AS source, {dst} AS target, quad_class, actor_name, recipient_name, "
            f"actor_country, recipient_country FROM events e{where}), ")
    ends = ("ends AS (SELECT source AS id, actor_name AS name, actor_country AS country FROM e WHERE source <> '' "
            "UNION ALL SELECT target, recipient_name, recipient_country FROM e WHERE target <> ''), "
            "top AS (SELECT id, id AS label, any_value(name) AS name, any_value(country) AS country, "
            "count(*) AS count FROM ends GROUP BY id ORDER BY count DESC, id LIMIT ?) ")
    nodes = _rows(con, base + ends + "SELECT * FROM top ORDER BY count DESC, id", params + [int(limit)])
    edges = _rows(
        con,
        base + ends + ", q AS (SELECT source, target, CAST(coalesce(quad_class, 0) AS VARCHAR) AS quad, "
        "count(*) AS n FROM e WHERE source IN (SELECT id FROM top) AND target IN (SELECT id FROM top) "
        "AND source <> target GROUP BY ALL) "
        "SELECT source, target, CAST(sum(n) AS BIGINT) AS count, list(quad ORDER BY quad) AS quads, "
        "list(n ORDER BY quad) AS ns FROM q GROUP BY source, target ORDER BY count DESC, source, target",
        params + [int(limit)],
    )
    for edge in edges:
        edge["quad"] = {str(k): int(v) for k, v in zip(edge.pop("quads"), edge.pop("ns"), strict=True)}
    return {"nodes": nodes, "edges": edges}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    from eventwire.store.schema import TABLES

    # Table names are the constant schema keys, never user input.
    return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in TABLES}
