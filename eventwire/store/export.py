"""Exports from the store: parquet (the tables), one row per event (csv, rcsv, gdelt, plover, icews,
polecat), the actor graph (graphml) and the events on a map (geojson).

Facts only by default, as everywhere: negated, hypothetical and future events need ``all=True``; every
other filter of ``store.filters`` narrows an export the same way (``since`` for incremental exports).

DuckDB's memory is capped for every export (``store.db.bounded_memory``), spilling to disk beyond; what
the Python side holds depends on the format (issue 22: 2.1 GB to export 2M events before):
- The row formats and GeoJSON stream: events are read in the store's order range by range
  (``sort_ranges``: DuckDB sorts one range of days at a time, never the whole store) as Arrow record
  batches of ``BATCH_ROWS``; what a format needs of an event's article (its actors' mentions, its places)
  is looked up once per batch (``batch_extras``) rather than joined into every row. Measured 399-413 MB
  for the process at 10M events (docs/performance.md).
- Parquet reads each table in batches, but pyarrow's ParquetWriter buffers a row group: 527 MB at 10M
  events, not yet flat.
- GraphML is aggregated in SQL, then the whole graph is built in memory (networkx) and written: its size
  follows the number of actors and (actor, recipient, type) edges, not of events.
docs/formats.md describes every format column by column, docs/scaling.md the limits of one file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from eventwire.errors import ErrorCode, EventwireError
from eventwire.store.db import MEMORY_LIMIT, bounded_memory
from eventwire.store.filters import check_filters, event_filters
from eventwire.store.queries import _jsonable, network
from eventwire.store.schema import TABLES

FORMATS = ("parquet", "csv", "rcsv", "gdelt", "plover", "icews", "polecat", "graphml", "geojson")
ROW_FORMATS = ("csv", "rcsv", "gdelt", "plover", "icews", "polecat")
BATCH_ROWS = 5_000
# Events sorted at once by an export (sort_ranges): a range of days, or a part of one day.
CHUNK_ROWS = 50_000

Progress = Callable[[int], None]


ORDER = "ORDER BY e.date NULLS LAST, e.first_seen NULLS LAST, e.event_id"


def event_rows_sql(where: str) -> str:
    """The export query over ``events e`` filtered by ``where`` (constant SQL from ``event_filters``).

    An article's places and actor mentions are the same for all its events, so they are looked up once per
    batch (``batch_extras``) rather than joined into every row: DuckDB sorts what it returns, and every
    byte of a row is held once per event while it does.
    """
    return (
        "SELECT e.*, m.sentence_start, m.sentence_end, m.trigger_start, m.trigger_end, m.published, m.outlet, "
        "m.date_text, a.language, a.title "
        f"FROM (SELECT * FROM events e{where}) e "
        "LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id "
        f"LEFT JOIN articles a ON a.article_id = e.first_article_id {ORDER}"
    )


def sort_ranges(con: duckdb.DuckDBPyConnection, where: str, params: list[Any],
                chunk_rows: int | None = None) -> list[tuple[str, list[Any]]]:
    """Consecutive ranges of the export order (date, first_seen, event_id, NULLs last), each a SQL condition
    on ``e`` with its parameters, holding about ``chunk_rows`` of the selected events.

    Why: DuckDB sorts a whole result before it returns the first row, so one sorted query over the store
    holds (or spills) every event at once; sorted range by range, an export never sorts more than one
    range. Days are grouped until a range is full; a day (or the undated events) with more than
    ``chunk_rows`` events is cut into ranges of ``chunk_rows`` on (first_seen, event_id) (``_split_day``).
    """
    chunk_rows = chunk_rows or CHUNK_ROWS
    days = con.execute(f"SELECT date, count(*) FROM events e{where} GROUP BY date ORDER BY date NULLS LAST",
                       params).fetchall()
    ranges: list[tuple[str, list[Any]]] = []
    first: Any = None
    last: Any = None
    held = 0
    for day, count in days:
        if held and (day is None or held + count > chunk_rows):
            ranges.append(("e.date BETWEEN ? AND ?", [first, last]))
            held = 0
        if day is None or count > chunk_rows:
            ranges.extend(_split_day(con, where, params, day, count, chunk_rows))
            continue
        if not held:
            first = day
        last, held = day, held + count
    if held:
        ranges.append(("e.date BETWEEN ? AND ?", [first, last]))
    return ranges


def _split_day(con: duckdb.DuckDBPyConnection, where: str, params: list[Any], day: Any, count: int,
               chunk_rows: int) -> list[tuple[str, list[Any]]]:
    """The events of one day (or the undated ones, ``day`` None) in ranges of ``chunk_rows`` events, cut on
    (first_seen NULLS LAST, event_id), the rest of the export order.

    Why on the pair: every row of a Spark run has the same first_seen (one ``ingested_at``), so first_seen
    alone cannot cut its crowded days; and first_seen may be NULL (an event whose mentions have no time,
    dedup.aggregate_event), which no ``<`` or ``>=`` on it selects. event_id is unique, so every event is
    in exactly one range, NULLs in the last ones as ``ORDER`` puts them.
    """
    same_day = "e.date IS NULL" if day is None else "e.date = ?"
    day_params = [] if day is None else [day]
    if count <= chunk_rows:
        return [(same_day, day_params)]
    joined = f"{where} AND {same_day}" if where else f" WHERE {same_day}"
    # The first event of every range but the first: only the two sort columns are sorted here.
    cuts = con.execute(
        "SELECT first_seen, event_id FROM (SELECT first_seen, event_id, "
        f"row_number() OVER (ORDER BY first_seen NULLS LAST, event_id) AS n FROM events e{joined}) "
        "WHERE n > 1 AND (n - 1) % ? = 0 ORDER BY n",
        params + day_params + [chunk_rows],
    ).fetchall()
    out: list[tuple[str, list[Any]]] = []
    lower: tuple[Any, Any] | None = None
    for upper in [*cuts, None]:
        conds, args = [same_day], list(day_params)
        if lower is not None:
            cond, extra = _from_key(*lower)
            conds.append(cond)
            args += extra
        if upper is not None:
            cond, extra = _before_key(*upper)
            conds.append(cond)
            args += extra
        out.append((" AND ".join(conds), args))
        lower = upper
    return out


def _before_key(first_seen: Any, event_id: str) -> tuple[str, list[Any]]:
    """Events before (first_seen, event_id) in the order first_seen NULLS LAST, event_id."""
    if first_seen is None:
        return "(e.first_seen IS NOT NULL OR e.event_id < ?)", [event_id]
    return "(e.first_seen < ? OR (e.first_seen = ? AND e.event_id < ?))", [first_seen, first_seen, event_id]


def _from_key(first_seen: Any, event_id: str) -> tuple[str, list[Any]]:
    """Events at or after (first_seen, event_id) in that order: exactly those ``_before_key`` leaves out."""
    if first_seen is None:
        return "(e.first_seen IS NULL AND e.event_id >= ?)", [event_id]
    return ("(e.first_seen IS NULL OR e.first_seen > ? OR (e.first_seen = ? AND e.event_id >= ?))",
            [first_seen, first_seen, event_id])


def ordered_batches(con: duckdb.DuckDBPyConnection, query: Callable[[str], str], where: str,
                    params: list[Any]) -> Iterator[pa.RecordBatch]:
    """Record batches of ``query(where)`` in the export order, range by range (``sort_ranges``).

    ``query`` builds the SQL from a WHERE clause on ``events e`` and must order by ``ORDER``; ``where`` is
    constant SQL whose values are ``params``.
    """
    for cond, extra in sort_ranges(con, where, params):
        narrowed = f"{where} AND {cond}" if where else f" WHERE {cond}"
        yield from con.sql(query(narrowed), params=params + extra).to_arrow_reader(BATCH_ROWS)


def event_batches(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[pa.RecordBatch]:
    """Arrow record batches of the export query (facts only unless ``all=True``), oldest first."""
    where, params = event_filters(**filters)
    yield from ordered_batches(con, event_rows_sql, where, params)


def batch_extras(con: duckdb.DuckDBPyConnection, batch: pa.RecordBatch,
                 with_places: bool = False) -> dict[str, dict[str, Any]]:
    """Per article of one batch: its actors' mentions (actor id -> [(start, end, text)]) and, with
    ``with_places``, its places with their mentions (for the place as written) -- what a format needs
    beyond the events row, fetched once per article per batch.

    ``con`` must be a cursor of its own: the batch's query is still being read on the export's connection.
    """
    ids = pa.table({"id": pc.unique(batch.column("first_article_id"))})
    con.register("_ew_batch_articles", ids)
    try:
        mentions = con.sql(
            "SELECT article_id, actor_id, char_start, char_end, text FROM mentions "
            "WHERE article_id IN (SELECT id FROM _ew_batch_articles) ORDER BY article_id, char_start"
        ).fetchall()
        places = con.sql(
            "SELECT article_id, json_extract_string(document, '$.places') FROM articles "
            "WHERE article_id IN (SELECT id FROM _ew_batch_articles)"
        ).fetchall() if with_places else []
    finally:
        con.unregister("_ew_batch_articles")
    extras: dict[str, dict[str, Any]] = {}
    for article_id, actor_id, start, end, text in mentions:
        by_actor = extras.setdefault(article_id, {"mentions_by_actor": {}})["mentions_by_actor"]
        by_actor.setdefault(actor_id, []).append((int(start), int(end), str(text)))
    for article_id, places_json in places:
        extras.setdefault(article_id, {"mentions_by_actor": {}})["article_places"] = json.loads(places_json or "[]")
    return extras


def _with_extras(batch: pa.RecordBatch, extras: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    empty: dict[str, Any] = {"mentions_by_actor": {}}
    return [{**row, **extras.get(row["first_article_id"], empty)} for row in batch.to_pylist()]


def export(con: duckdb.DuckDBPyConnection, fmt: str, output: str | Path, progress: Progress | None = None,
           memory_limit: str = MEMORY_LIMIT, **filters: Any) -> dict[str, Any]:
    """Write the export; returns what was written (paths and row counts). Facts only unless ``all=True``.

    ``memory_limit`` caps DuckDB's memory for the export (``store.db.bounded_memory``): a size such as "192MB".
    """
    out = Path(output)
    if fmt not in FORMATS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        with bounded_memory(con, memory_limit):
            if fmt == "parquet":
                return _parquet(con, out, filters, progress)
            if fmt in ROW_FORMATS:
                return _rows(con, fmt, out, filters, progress)
            if fmt == "graphml":
                return _graphml(con, out, filters)
            return _geojson(con, out, filters, progress)
    except duckdb.Error as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
    except OSError as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, f"{out}: {exc}") from exc


# Tables whose rows belong to events: an export keeps those of the exported events only.
_EVENT_TABLES = {
    "events": "SELECT * FROM events e{where}",
    "event_mentions": "SELECT * FROM event_mentions WHERE event_id IN (SELECT event_id FROM events e{where})",
    "evidence": "SELECT * FROM evidence WHERE mention_id IN (SELECT mention_id FROM event_mentions "
                "WHERE event_id IN (SELECT event_id FROM events e{where}))",
}


# The articles that report an event of the selection (every article of every selected event).
_SELECTED_ARTICLES = ("SELECT DISTINCT article_id FROM event_mentions "
                      "WHERE event_id IN (SELECT event_id FROM events e{where})")


def _parquet(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any],
             progress: Progress | None) -> dict[str, Any]:
    """A directory with one Parquet file per table; a path ending in .parquet gets the events table only.

    The events, their mentions and evidence are those the filters select (facts only unless ``all``). The
    per-article tables (articles, actors, mentions, places, times, quotes) hold, when a filter or ``since``
    is given, the articles that report a selected event (each article whole); with none, every stored
    article, whether it reports an event or not.
    """
    import pyarrow.parquet as pq

    where, params = event_filters(**filters)
    narrowed = any(k != "all" and v != [] for k, v in check_filters(**filters).items())
    targets = {"events": out} if out.suffix == ".parquet" else {t: out / f"{t}.parquet" for t in TABLES}
    written: dict[str, int] = {}
    for table, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        # ``table`` is one of the constant schema names, ``where`` constant SQL with bound parameters.
        if table in _EVENT_TABLES:
            sql = _EVENT_TABLES[table].format(where=where)
            args = params
        elif narrowed:
            sql = f"SELECT * FROM {table} WHERE article_id IN ({_SELECTED_ARTICLES.format(where=where)})"
            args = params
        else:
            sql, args = f"SELECT * FROM {table}", []
        reader = con.sql(sql, params=args).to_arrow_reader(BATCH_ROWS)
        n = 0
        with pq.ParquetWriter(path, TABLES[table]) as writer:
            for batch in reader:
                writer.write_batch(batch.cast(TABLES[table]) if batch.schema != TABLES[table] else batch)
                n += batch.num_rows
                if progress:
                    progress(batch.num_rows)
        written[str(path)] = n
    return {"format": "parquet", "files": written}


def _rows(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, filters: dict[str, Any],
          progress: Progress | None) -> dict[str, Any]:
    from eventwire.writers import get_writer
    from eventwire.writers.tabular import EventRowWriter

    out.parent.mkdir(parents=True, exist_ok=True)
    facts = not filters.get("all", False)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = get_writer(fmt, fh, facts=facts, path=out)
        assert isinstance(writer, EventRowWriter)
        lookup = con.cursor()
        try:
            for batch in event_batches(con, **filters):
                writer.write_rows(_with_extras(batch, batch_extras(lookup, batch, writer.needs_places)))
                if progress:
                    progress(batch.num_rows)
        finally:
            lookup.close()
        writer.close()
    files = {str(out): writer.written}
    sidecar = _companion(fmt, out)
    if sidecar is not None:
        files[str(sidecar)] = writer.written if fmt == "gdelt" else _codebook_rows()
    return {"format": fmt, "files": files}


def _companion(fmt: str, out: Path) -> Path | None:
    """The companion file a format writes beside its output (GDELT: dates and facts; rcsv: the codebook)."""
    if fmt == "gdelt":
        from eventwire.writers.gdelt import sidecar_path

        return sidecar_path(out)
    if fmt == "rcsv":
        from eventwire.writers.rcsv import codebook_path

        return codebook_path(out)
    return None


def _codebook_rows() -> int:
    from eventwire.writers.rcsv import CODEBOOK

    return len(CODEBOOK)


def _graphml(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any]) -> dict[str, Any]:
    """The actor network: a directed multigraph with one weighted edge per (actor, recipient, event type),
    held whole in memory (networkx) while it is written: not streamed, its size is the graph's.

    A node is an actor's code, or the name of an actor that has none (``coded`` false, no ``code``): an
    uncoded name is never written as a code.
    """
    import networkx as nx

    graph = network(con, **filters)
    g = nx.MultiDiGraph(name="eventwire actor network")
    for node in graph["nodes"]:
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id" and v is not None})
    for edge in graph["edges"]:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target") and v is not None}
        g.add_edge(edge["source"], edge["target"], key=edge["type"], **attrs)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out)
    return {"format": "graphml", "files": {str(out): g.number_of_edges()}, "nodes": g.number_of_nodes()}


GEO_PROPERTIES = (
    "event_id", "type", "mode", "cameo", "quad_class", "goldstein", "plover_score", "actor_code", "actor_name",
    "recipient_code", "recipient_name", "date", "date_value", "date_precision", "place_name", "place_country",
    "place_kind", "geonameid", "is_fact", "aux", "mention_count", "first_article_id", "sentence", "trigger_text",
)


def _geojson(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any],
             progress: Progress | None) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates (Point, [lon, lat] as GeoJSON requires).

    ``place_kind`` says what the point stands for: a city's point is the city, a country's (or a region's,
    a sea's) is its centroid, so a map can draw it as an area rather than as a place of its own.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    where, params = event_filters(**filters)
    placed = "lat IS NOT NULL AND lon IS NOT NULL"
    where = f"{where} AND {placed}" if where else f" WHERE {placed}"
    reader = ordered_batches(con, lambda w: f"SELECT * FROM events e{w} {ORDER}", where, params)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for batch in reader:
            for row in batch.to_pylist():
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                    "properties": {k: _jsonable(row.get(k)) for k in GEO_PROPERTIES},
                }
                fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
                n += 1
            if progress:
                progress(batch.num_rows)
        fh.write("\n]}\n")
    return {"format": "geojson", "files": {str(out): n}}
