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
           "dyad_totals", "dyads", "dyads_page", "event", "event_filters", "events", "network",
           "network_summary", "node_key"]

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


def node_key(side: str) -> str:
    """SQL: the node of one side (``actor`` or ``recipient``) of an events row in the network and the dyads:
    its code, else its name upper-cased ("Putin" and "putin" are one party), NULL when it has neither.

    Why one expression: the REST API's network (``network_summary``), its dyads (which key a row by the code
    or the upper-cased name), the GraphML export (``network``) and ``dyads`` must group parties alike.
    ``side`` is one of the two constant names, never input.
    """
    if side not in ("actor", "recipient"):
        raise ValueError(side)
    return f"coalesce(nullif({side}_code, ''), nullif(upper({side}_name), ''))"


def _dyads_sql(interval: str, where: str, placed: bool) -> str:
    if interval not in INTERVALS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"interval {interval!r}; use one of {', '.join(INTERVALS)}")
    # min(), not any_value(): DuckDB's any_value depends on which thread saw a row first, so names flickered
    # between runs and the ORDER BY on them paged rows twice or never.
    return (
        f"SELECT {period_sql(interval)} AS period, "
        "actor_code AS actor, min(actor_name) AS actor_name, "
        "recipient_code AS recipient, min(recipient_name) AS recipient_name, "
        "count(*) AS events, CAST(sum(mention_count) AS BIGINT) AS mentions, "
        "round(sum(goldstein), 3) AS goldstein_sum, round(sum(plover_score), 3) AS plover_sum, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual "
        f"FROM events e{where} "
        f"GROUP BY period, actor_code, {node_key('actor')}, recipient_code, {node_key('recipient')}"
        + (" HAVING period IS NOT NULL AND coalesce(actor, actor_name, '') <> '' "
           "AND coalesce(recipient, recipient_name, '') <> ''" if placed else "")
    )


# A total order: a row's group (period, code and node key of each side) is determined by its period, codes
# and min() names (a coded side's key is its code; an uncoded side's key is its name upper-cased), so no two
# rows tie and LIMIT/OFFSET pages neither repeat nor skip a row.
_DYAD_ORDER = (" ORDER BY period NULLS LAST, events DESC, actor NULLS LAST, actor_name NULLS LAST, "
               "recipient NULLS LAST, recipient_name NULLS LAST")


def dyads(con: duckdb.DuckDBPyConnection, interval: str = "day", limit: int | None = None, offset: int = 0,
          placed: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Dyad counts per period: events, mentions and the sums of Goldstein and PLOVER scores.

    ``actor``/``recipient`` are codes; a party without one keeps its name in ``actor_name`` and no code
    (it is never made into a code); uncoded names that differ only in case are one party (``node_key``),
    shown by the first of its spellings in sort order (``min``, so a row is the same on every run).
    ``period`` is the first day of the period the event falls in by the
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


def dyads_page(con: duckdb.DuckDBPyConnection, interval: str = "day", limit: int | None = None, offset: int = 0,
               placed: bool = False, **filters: Any) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """``dyads`` and ``dyad_totals`` from one aggregation (the CLI's): the page, and the totals counted over
    every row by window functions before LIMIT. Only a page past the last row (no row to carry the totals)
    costs a second query."""
    where, params = event_filters(**filters)
    sql = ("SELECT *, count(*) OVER () AS _ew_rows, "
           "sum(CASE WHEN period IS NULL THEN events ELSE 0 END) OVER () AS _ew_unplaced "
           f"FROM ({_dyads_sql(interval, where, placed)}){_DYAD_ORDER}")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    rows = _rows(con, sql, params)
    if not rows:
        return [], dyad_totals(con, interval, placed, **filters)
    totals = {"rows": int(rows[0]["_ew_rows"]), "unplaced": int(rows[0]["_ew_unplaced"] or 0)}
    return [{k: v for k, v in r.items() if not k.startswith("_ew_")} for r in rows], totals


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


def _most_common(source: str, column: str) -> str:
    """SQL: per ``key`` of ``source`` (a CTE), the value of ``column`` most of its rows hold (NULLs aside),
    the smallest of those on a tie, as rows (key, column). Why not mode() or any_value(): which value they
    give on a tie depends on how DuckDB's threads met the rows, so a node's name changed between runs."""
    return (f"SELECT key, {column} FROM (SELECT key, {column}, count(*) AS n FROM {source} "
            f"WHERE {column} IS NOT NULL GROUP BY ALL) "
            f"QUALIFY row_number() OVER (PARTITION BY key ORDER BY n DESC, {column}) = 1")


def _network_nodes(where: str) -> str:
    """The CTEs of ``network``: ``e`` the selected events, ``p`` every party end (``key``: ``node_key``),
    ``nodes`` one row per key with its GraphML id (the code, or the most common spelling of an uncoded
    name: never an upper-cased name posing as a code)."""
    src, dst = node_key("actor"), node_key("recipient")
    return (
        f"WITH e AS (SELECT * FROM events e{where}), "
        f"p AS (SELECT {src} AS key, actor_code AS code, actor_name AS name, actor_country AS country, "
        f"actor_sector AS sector FROM e WHERE {src} IS NOT NULL UNION ALL "
        f"SELECT {dst}, recipient_code, recipient_name, recipient_country, recipient_sector FROM e "
        f"WHERE {dst} IS NOT NULL), "
        "g AS (SELECT key, max(code) AS code, count(code) > 0 AS coded, count(*) AS events FROM p GROUP BY key), "
        f"nm AS ({_most_common('p', 'name')}), ct AS ({_most_common('p', 'country')}), "
        f"sc AS ({_most_common('p', 'sector')}), "
        "nodes AS (SELECT g.key, CASE WHEN g.coded THEN g.key ELSE nm.name END AS id, g.code, nm.name, ct.country, "
        "sc.sector, g.coded, g.events FROM g LEFT JOIN nm USING (key) LEFT JOIN ct USING (key) "
        "LEFT JOIN sc USING (key)) "
    )


def network(con: duckdb.DuckDBPyConnection, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """The actor graph: nodes are actors (their code, or their name when they have none; ``coded`` says
    which), edges actor -> recipient per type.

    Parties are grouped as everywhere (``node_key``: "Putin" and "putin" are one node); an uncoded node's
    id and every node's ``name``, ``country`` and ``sector`` are the values most of its events give (ties:
    the smallest), so the graph is the same on every run.
    """
    where, params = event_filters(**filters)
    ctes = _network_nodes(where)
    src, dst = node_key("actor"), node_key("recipient")
    edges = _rows(
        con,
        ctes + f", x AS (SELECT {src} AS sk, {dst} AS tk, type, count(*) AS weight, "
        "sum(mention_count) AS mentions, sum(goldstein) AS goldstein, sum(plover_score) AS plover FROM e "
        f"WHERE {src} IS NOT NULL AND {dst} IS NOT NULL GROUP BY ALL) "
        "SELECT s.id AS source, t.id AS target, x.type, CAST(sum(x.weight) AS BIGINT) AS weight, "
        "CAST(sum(x.mentions) AS BIGINT) AS mentions, round(sum(x.goldstein), 3) AS goldstein_sum, "
        "round(sum(x.plover), 3) AS plover_sum FROM x JOIN nodes s ON s.key = x.sk JOIN nodes t ON t.key = x.tk "
        "GROUP BY ALL ORDER BY source, target, type",
        params,
    )
    nodes = _rows(con, ctes + "SELECT id, code, name, country, sector, coded, events FROM nodes "
                  "ORDER BY events DESC, id", params)
    return {"nodes": nodes, "edges": edges}


def network_summary(con: duckdb.DuckDBPyConnection, limit: int = 200, **filters: Any) -> dict[str, Any]:
    """The actor network as a chart draws it, all in DuckDB: the ``limit`` most active nodes (``id`` and
    ``label`` the code, or the upper-cased name of an uncoded party: ``node_key``; ``name`` and ``country``
    the values most of its events give, ties to the smallest; ``count`` of events as actor or recipient) and
    the edges between them (actor -> recipient, not to itself) with their ``count`` and a count per quad
    class (``quad``: {"1": n, ..., "0": no quad class}).

    Why in SQL: the store may hold millions of events; only the chosen nodes and their edges leave DuckDB.
    """
    where, params = event_filters(**filters)
    src, dst = node_key("actor"), node_key("recipient")
    base = (f"WITH e AS (SELECT {src} AS source, {dst} AS target, quad_class, actor_name, recipient_name, "
            f"actor_country, recipient_country FROM events e{where}), ")
    ends = ("ends AS (SELECT source AS key, actor_name AS name, actor_country AS country FROM e "
            "WHERE source IS NOT NULL "
            "UNION ALL SELECT target, recipient_name, recipient_country FROM e WHERE target IS NOT NULL), "
            "top AS (SELECT key AS id, count(*) AS count FROM ends GROUP BY key ORDER BY count DESC, id LIMIT ?), "
            "kept AS (SELECT * FROM ends WHERE key IN (SELECT id FROM top)), "
            f"nm AS ({_most_common('kept', 'name')}), ct AS ({_most_common('kept', 'country')}) ")
    nodes = _rows(con, base + ends + "SELECT top.id, top.id AS label, nm.name, ct.country, top.count FROM top "
                  "LEFT JOIN nm ON nm.key = top.id LEFT JOIN ct ON ct.key = top.id ORDER BY count DESC, id",
                  params + [int(limit)])
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
