"""The DuckDB store: batched, transactional, idempotent writes of Documents, and the query entry point.

Why this shape: every batch is written through Arrow tables (one INSERT per table, not row by row) inside
one transaction, so a killed ingest leaves whole batches only and a re-run skips what is stored (by
content hash) with no loss and no duplicates. Cross-article deduplication runs inside the same
transaction, so events and their mentions never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.config import package_defaults
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.rows import content_hash_of, document_rows
from eventwire.store import queries
from eventwire.store.dedup import Cluster, aggregate_events, assign_events
from eventwire.store.schema import ARTICLE_TABLES, SCHEMA_VERSION, TABLES, ddl, to_arrow


@dataclass
class WriteStats:
    """What one write did: articles stored or skipped as already present, mentions and events."""

    articles: int = 0
    skipped: int = 0
    mentions: int = 0
    new_events: int = 0
    merged_mentions: int = 0
    renamed: list[str] = field(default_factory=list)

    def add(self, other: WriteStats) -> None:
        self.articles += other.articles
        self.skipped += other.skipped
        self.mentions += other.mentions
        self.new_events += other.new_events
        self.merged_mentions += other.merged_mentions
        self.renamed.extend(other.renamed)


class Store:
    """One DuckDB database file (or ":memory:"). Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False, dedup_days: int | None = None) -> None:
        """``path`` and ``dedup_days`` default to ``store.db`` and ``store.dedup_days`` of defaults.toml."""
        defaults = package_defaults().store
        self.path = str(path if path is not None else defaults.db)
        self.dedup_days = dedup_days if dedup_days is not None else defaults.dedup_days
        try:
            if not read_only and self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise EventwireError(ErrorCode.STORE_ERROR, f"{self.path}: {exc}") from exc
        if not read_only:
            self.init_schema()
        else:
            self._check_version()

    # -- lifecycle ---------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _exec(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement to completion (DuckDB refuses new work while a result is unread)."""
        return self.con.execute(sql, params or []).fetchall()

    def init_schema(self) -> None:
        self._exec("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for table in TABLES:
            self._exec(ddl(table))
        self._exec("CREATE UNIQUE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)")
        self._exec("CREATE UNIQUE INDEX IF NOT EXISTS articles_id ON articles (article_id)")
        self._exec("CREATE INDEX IF NOT EXISTS mentions_event ON event_mentions (event_id)")
        self._exec("CREATE INDEX IF NOT EXISTS events_key ON events (dedup_key)")
        self._exec("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self._check_version()

    def _check_version(self) -> None:
        rows = self._exec("SELECT value FROM meta WHERE key = 'schema_version'")
        row = rows[0] if rows else None
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise EventwireError(
                ErrorCode.STORE_ERROR, f"{self.path}: schema version {found}, this eventwire needs {SCHEMA_VERSION}"
            )

    # -- writing -----------------------------------------------------------------------------------
    def known_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes are stored already (one query through an Arrow table)."""
        if not hashes:
            return set()
        self.con.register("_ew_hashes", pa.table({"h": pa.array(hashes, pa.string())}))
        try:
            rows = self._exec("SELECT content_hash FROM articles WHERE content_hash IN (SELECT h FROM _ew_hashes)")
        finally:
            self.con.unregister("_ew_hashes")
        return {r[0] for r in rows}

    def write(self, docs: list[Document]) -> WriteStats:
        """Store a batch of Documents in one transaction; articles already stored are skipped."""
        stats = WriteStats()
        try:
            self._exec("BEGIN TRANSACTION")
            try:
                self._write(docs, stats)
            except BaseException:
                self._exec("ROLLBACK")
                raise
            self._exec("COMMIT")
        except duckdb.Error as exc:
            raise EventwireError(ErrorCode.STORE_ERROR, f"{self.path}: {exc}") from exc
        return stats

    def _write(self, docs: list[Document], stats: WriteStats) -> None:
        hashes = [content_hash_of(d) for d in docs]
        known = self.known_hashes(hashes)
        fresh: list[tuple[Document, str]] = []
        for doc, h in zip(docs, hashes, strict=True):
            if h in known:
                stats.skipped += 1
                continue
            known.add(h)
            fresh.append((doc, h))
        if not fresh:
            return
        taken = self._existing_ids([d.id for d, _ in fresh])
        when = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in ARTICLE_TABLES}
        for doc, h in fresh:
            aid = doc.id
            if aid in taken:
                aid = f"{doc.id}-{h[:8]}"
                stats.renamed.append(aid)
            taken.add(aid)
            for table, rows in document_rows(doc, aid, h, when).items():
                tables[table].extend(rows)
        mentions = tables["event_mentions"]
        existing = self._clusters({m["dedup_key"] for m in mentions})
        existing_ids = {c.event_id for c in existing}
        touched = assign_events(mentions, existing, self.dedup_days)
        old_touched = [e for e in touched if e in existing_ids]
        stats.articles = len(fresh)
        stats.mentions = len(mentions)
        stats.new_events = len(touched) - len(old_touched)
        stats.merged_mentions = len(mentions) - stats.new_events
        for table, rows in tables.items():
            self._insert(table, rows)
        if touched:
            all_mentions = self._mentions_of(touched)
            self._delete_events(old_touched)
            self._insert("events", aggregate_events(all_mentions))

    def _existing_ids(self, ids: list[str]) -> set[str]:
        self.con.register("_ew_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:
            rows = self._exec("SELECT article_id FROM articles WHERE article_id IN (SELECT id FROM _ew_ids)")
        finally:
            self.con.unregister("_ew_ids")
        return {r[0] for r in rows}

    def _clusters(self, keys: set[str]) -> list[Cluster]:
        if not keys:
            return []
        self.con.register("_ew_keys", pa.table({"k": pa.array(sorted(keys), pa.string())}))
        try:
            table = self.con.sql(
                "SELECT event_id, dedup_key, date, date_value, date_precision, geonameid, place_name "
                "FROM events WHERE dedup_key IN (SELECT k FROM _ew_keys) ORDER BY first_seen, event_id"
            ).to_arrow_table()
        finally:
            self.con.unregister("_ew_keys")
        return [Cluster.from_row(r) for r in table.to_pylist()]

    def _mentions_of(self, event_ids: list[str]) -> list[dict[str, Any]]:
        self.con.register("_ew_events", pa.table({"e": pa.array(event_ids, pa.string())}))
        try:
            return self.con.sql(
                "SELECT * FROM event_mentions WHERE event_id IN (SELECT e FROM _ew_events)"
            ).to_arrow_table().to_pylist()
        finally:
            self.con.unregister("_ew_events")

    def _delete_events(self, event_ids: list[str]) -> None:
        if not event_ids:
            return
        self.con.register("_ew_events", pa.table({"e": pa.array(event_ids, pa.string())}))
        try:
            self._exec("DELETE FROM events WHERE event_id IN (SELECT e FROM _ew_events)")
        finally:
            self.con.unregister("_ew_events")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """One INSERT of a whole Arrow table (``table`` is one of the constant schema names)."""
        if not rows:
            return
        if table not in TABLES:
            raise EventwireError(ErrorCode.STORE_ERROR, f"unknown table {table!r}")
        self.con.register("_ew_rows", to_arrow(table, rows))
        try:
            self._exec(f"INSERT INTO {table} BY NAME SELECT * FROM _ew_rows")
        finally:
            self.con.unregister("_ew_rows")

    # -- reading -----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return queries.counts(self.con)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.events(self.con, **filters)

    def count_events(self, **filters: Any) -> int:
        return queries.count_events(self.con, **filters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return queries.event(self.con, event_id)

    def dyads(self, interval: str = "day", limit: int | None = None, offset: int = 0,
              **filters: Any) -> list[dict[str, Any]]:
        return queries.dyads(self.con, interval, limit, offset, **filters)

    def dyad_totals(self, interval: str = "day", **filters: Any) -> dict[str, int]:
        return queries.dyad_totals(self.con, interval, **filters)

    def actors(self, q: str | None = None, limit: int | None = 100, all: bool = False) -> list[dict[str, Any]]:  # noqa: A002
        return queries.actors(self.con, q, limit, all=all)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.article(self.con, article_id)

    def network(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        return queries.network(self.con, **filters)


MEMORY_LIMIT = "192MB"
"""DuckDB's memory for one export or panel: sorts, joins and aggregates beyond it spill to disk."""


# DuckDB's memory_limit is a setting of the database (every connection and cursor to it shares it), so the
# users of bounded_memory are counted per database: database -> (its limit before the first user, the users
# inside now with the limit each asked for, in order of entry).
_MEMORY_LOCK = threading.Lock()
_MEMORY_USERS: dict[str, tuple[str | None, list[tuple[object, str]]]] = {}


def _database_of(con: duckdb.DuckDBPyConnection) -> str:
    """The database file a connection is on (every in-memory database counts as one, ":memory:")."""
    rows = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    path = rows[0][0] if rows else None
    return str(Path(path).resolve()) if path else ":memory:"


def _own_memory_limit(con: duckdb.DuckDBPyConnection) -> str | None:
    """The database's memory_limit as it is: None for DuckDB's default (given back by RESET, exactly), else
    the value as DuckDB shows it. Why: a shown value is rounded ("18.8 GiB"), and setting it back lowered
    the default a little at every export."""
    def shown() -> str:
        return str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])

    value = shown()
    con.execute("RESET memory_limit")
    if shown() == value:
        return None
    _set_memory_limit(con, value)
    return value


def _set_memory_limit(con: duckdb.DuckDBPyConnection, value: str | None) -> None:
    if value is None:
        con.execute("RESET memory_limit")
    else:  # a checked size, or a value as DuckDB showed it
        con.execute(f"SET memory_limit = '{value.replace(chr(39), '')}'")


@contextmanager
def bounded_memory(con: duckdb.DuckDBPyConnection, limit: str = MEMORY_LIMIT) -> Iterator[None]:
    """Run work that reads the whole store (an export, a panel) with DuckDB's memory capped at ``limit``;
    what does not fit spills to DuckDB's temporary folder (``temp_directory``: by default DATABASE.tmp
    beside the file, removed when the connection closes).

    Why: uncapped, DuckDB may take most of the machine's memory for one large query (2.1 GB to export 2M
    events); capped, the process stays flat however large the store.

    The cap is DuckDB's ``memory_limit``, a setting of the whole database, not of ``con``: while any user
    is inside, every connection to the same database (a REST API's pool included) runs under it too. Users
    that overlap, in any order and from any thread, are counted per database under a lock: the limit in
    force is that of the latest user still inside, and the database's previous limit comes back only when
    the last one leaves (all in-memory databases of the process count as one here: the last to leave gets
    the limit the first had). DuckDB's own
    progress bar, a setting of the connection, is off on ``con`` meanwhile (the caller shows its own) and
    restored when this user leaves.
    """
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit):
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"memory limit {limit!r}; give a size such as 192MB")
    database = _database_of(con)
    me = (object(), limit)
    with _MEMORY_LOCK:
        if database not in _MEMORY_USERS:
            _MEMORY_USERS[database] = (_own_memory_limit(con), [])
        _MEMORY_USERS[database][1].append(me)
        try:
            _set_memory_limit(con, limit)
        except BaseException:
            _leave(con, database, me)
            raise
    progress: Any = None
    try:
        progress = con.execute("SELECT current_setting('enable_progress_bar')").fetchall()[0][0]
        con.execute("SET enable_progress_bar = false")
        yield
    finally:
        try:
            if progress is not None:
                con.execute(f"SET enable_progress_bar = {'true' if progress else 'false'}")
        finally:
            with _MEMORY_LOCK:
                _leave(con, database, me)


def _leave(con: duckdb.DuckDBPyConnection, database: str, me: tuple[object, str]) -> None:
    """One user of ``bounded_memory`` leaves (under ``_MEMORY_LOCK``): the latest remaining user's limit,
    or the database's own when none remains."""
    before, inside = _MEMORY_USERS[database]
    inside[:] = [u for u in inside if u[0] is not me[0]]
    if not inside:
        del _MEMORY_USERS[database]
    _set_memory_limit(con, inside[-1][1] if inside else before)


def parquet_views(folder: str | Path, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection whose tables are views over Parquet files, so every query, panel and export of
    eventwire.store runs on them unchanged (the same SQL as on a store file).

    ``folder`` is the output of `eventwire spark` (``folder/TABLE/*.parquet``, one folder of part files per
    table, partition folders such as ``year=2019/`` included) or of `eventwire export --format parquet`
    (``folder/TABLE.parquet``). Why views: a corpus too large for one file stays in Parquet partitions and
    is read in place, in parallel, without a load step (docs/scaling.md). A table with no files is an empty
    TEMP table with the store's columns (on ``con``, gone when it closes), so a query that joins it still
    runs.
    """
    from eventwire.store.schema import ddl

    root = Path(folder)
    if not root.is_dir():
        raise EventwireError(ErrorCode.STORE_ERROR, f"{folder}: no such folder of Parquet tables")
    con = con or duckdb.connect(":memory:")
    for table in TABLES:  # names are the constant schema keys
        if (root / table).is_dir() and any((root / table).rglob("*.parquet")):
            source = (f"read_parquet('{_quoted(root / table)}/**/*.parquet', hive_partitioning = true, "
                      "union_by_name = true)")
        elif (root / f"{table}.parquet").is_file():
            source = f"read_parquet('{_quoted(root / f'{table}.parquet')}')"
        else:
            con.execute(ddl(table).replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE IF NOT EXISTS"))
            continue
        con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM {source}")
    return con


def _quoted(path: Path) -> str:
    """A path inside a SQL string literal (DuckDB's read_parquet takes no bound parameter in a view)."""
    return str(path).replace("'", "''")


DUCKDB_MAGIC = b"DUCK"
"""Bytes 8-12 of every DuckDB database file."""


def check_database_path(path: str | Path) -> None:
    """Refuse (E503) a path that exists but is no DuckDB database: a folder, a CSV, any other file.

    Why: DuckDB "opens" some other files (a .csv path gives an in-memory database), so an ingest into
    ``--db existing.csv`` reported articles stored and kept none; and writing into someone's file must
    never be tried.
    """
    p = Path(path)
    if str(path) == ":memory:" or not p.exists():
        return
    if p.is_dir():
        raise EventwireError(ErrorCode.NOT_A_DATABASE, f"{path} is a folder; give a database file such as news.duckdb")
    try:
        with p.open("rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, f"{path}: {exc.strerror or exc}") from exc
    if head[8:12] != DUCKDB_MAGIC:
        raise EventwireError(
            ErrorCode.NOT_A_DATABASE,
            f"{path} exists and is not a DuckDB database; give a new file name or a database made by eventwire",
        )


def open_store(path: str | Path | None = None, read_only: bool = False, dedup_days: int | None = None) -> Store:
    """Open (creating if needed) a store; read-only opening requires the file to exist."""
    path = path if path is not None else package_defaults().store.db
    if read_only and str(path) != ":memory:" and not Path(path).exists():
        raise EventwireError(ErrorCode.STORE_ERROR, f"{path}: no such database (run `eventwire ingest` first)")
    check_database_path(path)
    return Store(path, read_only=read_only, dedup_days=dedup_days)
