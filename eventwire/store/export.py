"""Exports from the store: parquet (the tables), csv / gdelt / plover (one row per event), graphml, geojson.

Events are streamed from DuckDB in Arrow batches, so an export never holds the whole database in memory
(graphml aggregates first, so it holds only the actor graph). Exports include negated and hypothetical
events by default (their ``aux`` says so); pass filters as for ``queries.events`` to narrow them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import ErrorCode, EventwireError
from eventwire.store.queries import _jsonable, event_filters, network
from eventwire.store.schema import TABLES

FORMATS = ("parquet", "csv", "gdelt", "plover", "graphml", "geojson")
BATCH_ROWS = 10_000


def event_rows(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every events row matching the filters, oldest first, streamed."""
    filters.setdefault("all", True)
    where, params = event_filters(**filters)
    reader = con.sql(f"SELECT * FROM events e{where} ORDER BY date NULLS LAST, first_seen, event_id",
                     params=params).to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        yield from batch.to_pylist()


def export(con: duckdb.DuckDBPyConnection, fmt: str, output: str | Path, **filters: Any) -> dict[str, Any]:
    """Write the export; returns what was written (paths and row counts)."""
    out = Path(output)
    if fmt not in FORMATS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        if fmt == "parquet":
            return _parquet(con, out)
        if fmt in ("csv", "gdelt", "plover"):
            return _tabular(con, fmt, out, filters)
        if fmt == "graphml":
            return _graphml(con, out, filters)
        return _geojson(con, out, filters)
    except duckdb.Error as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
    except OSError as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, f"{out}: {exc}") from exc


def _parquet(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, Any]:
    """A directory with one Parquet file per table; a path ending in .parquet gets the events table only."""
    import pyarrow.parquet as pq

    targets = {"events": out} if out.suffix == ".parquet" else {t: out / f"{t}.parquet" for t in TABLES}
    written: dict[str, int] = {}
    for table, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        # ``table`` is one of the constant schema names.
        reader = con.sql(f"SELECT * FROM {table}").to_arrow_reader(BATCH_ROWS)
        n = 0
        with pq.ParquetWriter(path, TABLES[table]) as writer:
            for batch in reader:
                writer.write_batch(batch.cast(TABLES[table]) if batch.schema != TABLES[table] else batch)
                n += batch.num_rows
        written[str(path)] = n
    return {"format": "parquet", "files": written}


def _tabular(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, filters: dict[str, Any]) -> dict[str, Any]:
    from eventwire.writers import get_writer

    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = get_writer(fmt, fh)
        for row in event_rows(con, **filters):
            writer.write_rows([row])  # type: ignore[attr-defined]
            n += 1
        writer.close()
    return {"format": fmt, "files": {str(out): n}}


def _graphml(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any]) -> dict[str, Any]:
    """The actor network: a directed multigraph with one weighted edge per (actor, recipient, event type)."""
    import networkx as nx

    filters.setdefault("all", False)
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
    "recipient_code", "recipient_name", "date", "date_precision", "place_name", "place_country", "geonameid",
    "aux", "mention_count", "first_article_id", "sentence", "trigger_text",
)


def _geojson(con: duckdb.DuckDBPyConnection, out: Path, filters: dict[str, Any]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates (Point, [lon, lat] as GeoJSON requires)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for row in event_rows(con, **filters):
            if row.get("lat") is None or row.get("lon") is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": {k: _jsonable(row.get(k)) for k in GEO_PROPERTIES},
            }
            fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return {"format": "geojson", "files": {str(out): n}}
