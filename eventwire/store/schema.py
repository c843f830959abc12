"""The store's tables as Arrow schemas: one definition for DuckDB (DDL is generated from it) and Parquet.

Why Arrow first: the DuckDB store and the Spark job must write the same tables. Both build rows with
``eventwire.rows.document_rows`` and type them with these schemas, so a Parquet file from Spark
and a table exported from DuckDB have identical columns and types. Bump SCHEMA_VERSION on any change.

Offsets (``*_start``/``*_end``) are character offsets into ``articles.text`` (the cleaned text).
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1

_s = pa.string()
_i32 = pa.int32()
_i64 = pa.int64()
_f64 = pa.float64()
_date = pa.date32()
_ts = pa.timestamp("us")
_bool = pa.bool_()
_strs = pa.list_(pa.string())


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, typ) for name, typ in fields])


ARTICLES = _schema(
    ("article_id", _s), ("content_hash", _s), ("title", _s), ("lead", _s), ("published", _date),
    ("outlet", _s), ("url", _s), ("language", _s), ("text", _s), ("source", _s),
    ("n_actors", _i32), ("n_events", _i32), ("document", _s), ("ingested_at", _ts),
)

ACTORS = _schema(
    ("article_id", _s), ("actor_id", _s), ("name", _s), ("country", _s), ("sector", _s), ("code", _s),
    ("kb_id", _s), ("role", _s), ("former", _bool), ("n_mentions", _i32),
)

# Every mention of an actor in the text (GDELT keeps only the event's; analysts want the actor's too).
MENTIONS = _schema(
    ("article_id", _s), ("actor_id", _s), ("text", _s), ("char_start", _i32), ("char_end", _i32),
)

PLACES = _schema(
    ("article_id", _s), ("place_id", _s), ("name", _s), ("country", _s), ("lat", _f64), ("lon", _f64),
    ("geonameid", _i64), ("kind", _s), ("n_mentions", _i32),
)

TIMES = _schema(
    ("article_id", _s), ("time_id", _s), ("text", _s), ("char_start", _i32), ("char_end", _i32),
    ("timex", _s), ("type", _s), ("earliest", _s), ("latest", _s),
)

QUOTES = _schema(
    ("article_id", _s), ("quote_id", _s), ("speaker", _s), ("speaker_name", _s), ("speaker_text", _s),
    ("cue_text", _s), ("text", _s), ("char_start", _i32), ("char_end", _i32), ("kind", _s),
)

# Columns an event and its mentions share: what was done, by whom, to whom, when and where.
_EVENT_CORE: tuple[tuple[str, pa.DataType], ...] = (
    ("dedup_key", _s), ("type", _s), ("mode", _s), ("contexts", _strs), ("cameo", _s), ("quad_class", _i32),
    ("goldstein", _f64), ("plover_score", _f64),
    ("actor_id", _s), ("actor_code", _s), ("actor_name", _s), ("actor_country", _s), ("actor_sector", _s),
    ("actor_key", _s), ("actors_json", _s),
    ("recipient_id", _s), ("recipient_code", _s), ("recipient_name", _s), ("recipient_country", _s),
    ("recipient_sector", _s), ("recipient_key", _s), ("recipients_json", _s),
    ("date", _date), ("date_value", _s), ("date_precision", _s),
    ("place_name", _s), ("place_country", _s), ("lat", _f64), ("lon", _f64), ("geonameid", _i64), ("place_kind", _s),
    ("aux", _strs), ("is_fact", _bool),
)

# One row per event as one article reports it (GDELT's "mentions"); event_id links it to its event.
EVENT_MENTIONS = _schema(
    ("mention_id", _s), ("event_id", _s), ("article_id", _s), ("local_event_id", _s), *_EVENT_CORE,
    ("date_text", _s), ("quote_id", _s),
    ("sentence", _s), ("sentence_start", _i32), ("sentence_end", _i32),
    ("trigger_text", _s), ("trigger_start", _i32), ("trigger_end", _i32),
    ("confidence", _f64), ("rule", _s), ("is_root", _bool),
    ("published", _date), ("outlet", _s), ("url", _s), ("ingested_at", _ts),
)

# Every evidence span of a mention: ordinal 0 is the mention's own evidence, then any merged within the article.
EVIDENCE = _schema(
    ("mention_id", _s), ("article_id", _s), ("ordinal", _i32), ("sentence", _s), ("sentence_start", _i32),
    ("sentence_end", _i32), ("trigger_text", _s), ("trigger_start", _i32), ("trigger_end", _i32),
)

# One row per distinct event across articles, with how often and where it was reported.
EVENTS = _schema(
    ("event_id", _s), *_EVENT_CORE,
    ("mention_count", _i32), ("article_count", _i32), ("source_count", _i32),
    ("first_mention_id", _s), ("first_article_id", _s), ("sentence", _s), ("trigger_text", _s),
    ("confidence", _f64), ("is_root", _bool), ("first_seen", _ts), ("last_seen", _ts), ("source_url", _s),
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "actors": ACTORS,
    "mentions": MENTIONS,
    "places": PLACES,
    "times": TIMES,
    "quotes": QUOTES,
    "event_mentions": EVENT_MENTIONS,
    "evidence": EVIDENCE,
    "events": EVENTS,
}

# Tables filled per article by document_rows; "events" is built from event_mentions by deduplication.
ARTICLE_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t != "events")

_DUCK_TYPES: dict[pa.DataType, str] = {
    _s: "VARCHAR", _i32: "INTEGER", _i64: "BIGINT", _f64: "DOUBLE", _date: "DATE", _ts: "TIMESTAMP",
    _bool: "BOOLEAN", _strs: "VARCHAR[]",
}


def ddl(table: str) -> str:
    """CREATE TABLE for one table (identifiers come from the constant schemas above, never from input)."""
    cols = ", ".join(f'"{f.name}" {_DUCK_TYPES[f.type]}' for f in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


def empty_table(table: str) -> pa.Table:
    return TABLES[table].empty_table()


def to_arrow(table: str, rows: list[dict[str, object]]) -> pa.Table:
    """Rows (dicts) typed by the table's schema; a missing key is null, an unknown key is an error."""
    schema = TABLES[table]
    names = set(schema.names)
    for row in rows[:1]:
        extra = set(row) - names
        if extra:
            raise KeyError(f"{table}: unknown columns {sorted(extra)}")
    return pa.Table.from_pylist(rows, schema=schema)
