"""Exports from the store: parquet (the tables), one row per event (csv, rcsv, gdelt, plover, icews,
polecat), the actor graph (graphml) and the events on a map (geojson).

Facts only by default, as everywhere: negated, hypothetical and future events need ``all=True``; every
other filter of ``store.filters`` narrows an export the same way. Events are streamed from DuckDB in
Arrow record batches (``BATCH_ROWS``), so an export holds one batch in memory, never the database: the
query joins what the formats need beyond the events table (the first mention's sentence offsets and
publication date, the article's language and title, each party's mentions, and for the formats that
name the place as written, the article's places), and the writer turns each row into its format.
docs/formats.md describes every format column by column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import ErrorCode, EventwireError
from eventwire.store.filters import event_filters
from eventwire.store.queries import _jsonable, network
from eventwire.store.schema import TABLES

FORMATS = ("parquet", "csv", "rcsv", "gdelt", "plover", "icews", "polecat", "graphml", "geojson")
ROW_FORMATS = ("csv", "rcsv", "gdelt", "plover", "icews", "polecat")
BATCH_ROWS = 10_000

Progress = Callable[[int], None]

_PARTY_IDS = (
    "list_concat(json_extract_string(e.actors_json, '$[*].id'), json_extract_string(e.recipients_json, '$[*].id'))"
)


def event_rows_sql(where: str, with_places: bool = False) -> str:
    """The export query over ``events e`` filtered by ``where`` (constant SQL from ``event_filters``)."""
    places = (
        "CASE WHEN e.place_name IS NOT NULL THEN json_extract_string(a.document, '$.places') END"
        if with_places else "CAST(NULL AS VARCHAR)"
    )
    return (
        "SELECT e.*, m.sentence_start, m.sentence_end, m.trigger_start, m.trigger_end, m.published, m.outlet, "
        "m.date_text, a.language, a.title, "
        "(SELECT list({'actor_id': x.actor_id, 'text': x.text, 'start': x.char_start, 'end': x.char_end} "
        "ORDER BY x.char_start) FROM mentions x WHERE x.article_id = e.first_article_id "
        f"AND list_contains({_PARTY_IDS}, x.actor_id)) AS party_mentions, "
        f"{places} AS places_json "
        f"FROM (SELECT * FROM events e{where}) e "
        "LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id "
        "LEFT JOIN articles a ON a.article_id = e.first_article_id "
        "ORDER BY e.date NULLS LAST, e.first_seen, e.event_id"
    )


def event_batches(con: duckdb.DuckDBPyConnection, with_places: bool = False, **filters: Any) -> Iterator[Any]:
    """Arrow record batches of the export query (facts only unless ``all=True``), oldest first."""
    where, params = event_filters(**filters)
    reader = con.sql(event_rows_sql(where, with_places), params=params).to_arrow_reader(BATCH_ROWS)
    yield from reader


def event_rows(con: duckdb.DuckDBPyConnection, with_places: bool = False,
               **filters: Any) -> Iterator[dict[str, Any]]:
    """Every events row matching the filters (facts only unless ``all=True``), oldest first, streamed."""
    for batch in event_batches(con, with_places, **filters):
        yield from batch.to_pylist()


def export(con: duckdb.DuckDBPyConnection, fmt: str, output: str | Path, progress: Progress | None = None,
           **filters: Any) -> dict[str, Any]:
    """Write the export; returns what was written (paths and row counts). Facts only unless ``all=True``."""
    out = Path(output)
    if fmt not in FORMATS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
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


def _parquet(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any],
             progress: Progress | None) -> dict[str, Any]:
    """A directory with one Parquet file per table; a path ending in .parquet gets the events table only.

    The events, their mentions and evidence are those the filters select (facts only unless ``all``); the
    per-article tables (articles, actors, mentions, places, times, quotes) are written whole.
    """
    import pyarrow.parquet as pq

    where, params = event_filters(**filters)
    targets = {"events": out} if out.suffix == ".parquet" else {t: out / f"{t}.parquet" for t in TABLES}
    written: dict[str, int] = {}
    for table, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        # ``table`` is one of the constant schema names, ``where`` constant SQL with bound parameters.
        if table in _EVENT_TABLES:
            sql = _EVENT_TABLES[table].format(where=where)
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
        for batch in event_batches(con, writer.needs_places, **filters):
            writer.write_rows(batch.to_pylist())
            if progress:
                progress(batch.num_rows)
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
    """The actor network: a directed multigraph with one weighted edge per (actor, recipient, event type).

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
    sql = (f"SELECT * FROM events e{where} AND lat IS NOT NULL AND lon IS NOT NULL" if where
           else "SELECT * FROM events e WHERE lat IS NOT NULL AND lon IS NOT NULL")
    reader = con.sql(sql + " ORDER BY date NULLS LAST, first_seen, event_id", params=params).to_arrow_reader(BATCH_ROWS)
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
