"""Read-only queries the API needs over the DuckDB store, shaped as JSON the page can render directly.

Why a pool of read-only connections that closes itself when idle: opening the file costs about 0.1 s, too
much per request, but a server that held it open for good would lock out ``eventwire ingest`` for as long
as it runs. So the database is opened on demand, each read runs in a thread of its own on a connection of
the pool (``api.read_connections`` of them side by side, see ``ReadPool``), and every connection is closed
after ``idle_close`` seconds without a query.

The filters, dyads, actors and articles are the store's own queries (eventwire.store.queries), so the
API and the CLI agree; this module adds what the page needs on top (a total for paging, the evidence
offsets of each event, edges by quad class). Every value from a request reaches SQL only as a bound
parameter.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb
import pyarrow as pa

from eventwire.api.workers import ApiError, ThreadWork, busy, timed_out
from eventwire.errors import ErrorCode, EventwireError
from eventwire.store import queries as store_queries

T = TypeVar("T")


@dataclass(frozen=True)
class EventFilters:
    """The filters of `eventwire events` (same names and meaning: they go to ``store.queries.event_filters``)."""

    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    code: str | None = None
    name: str | None = None
    country: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    sector: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    type: str | None = None
    cameo: str | None = None
    root_code: str | None = None
    quad_class: int | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    all: bool = False
    historical: bool = True  # False: leave out events the coder marked historical (aux), e.g. year-only "1945"

    def without(self, *names: str) -> EventFilters:
        """These filters with ``names`` cleared (a facet's counts leave out its own filter)."""
        cleared: dict[str, Any] = {n: None for n in names}
        return replace(self, **cleared)

    def where(self) -> tuple[str, list[Any]]:
        """The store's WHERE clause (constant SQL) and bound parameters, for ``events e``."""
        return store_queries.event_filters(**self.as_kwargs())

    def as_kwargs(self) -> dict[str, Any]:
        """The store's filters (``historical`` only when off: the store's default keeps those events)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "") and not (k == "historical" and v)}


_PERIOD_LABEL = {"day": 10, "week": 10, "month": 7, "year": 4}

# The events table has the first mention's id; the mention carries the evidence offsets and the article.
# They are read in two steps (a page of events, then the first mention of each of those events, found through
# the index on event_mentions.event_id): a join read the whole mentions table, sentences and all, for every page.
_EVENT_COLUMNS = """
    e.event_id, e.type, e.mode, e.contexts, e.cameo, e.quad_class, e.goldstein, e.plover_score,
    e.actors_json, e.recipients_json, e.actor_key, e.recipient_key,
    e.date_value, e.date_precision, e.place_name, e.place_country, e.lat, e.lon, e.geonameid, e.place_kind,
    e.aux, e.is_fact, e.mention_count, e.article_count, e.confidence, e.first_mention_id
"""
_MENTION_COLUMNS = """
    m.mention_id, m.article_id, m.sentence, m.sentence_start, m.sentence_end, m.trigger_text, m.trigger_start,
    m.trigger_end, m.date_text, m.quote_id, m.rule, m.outlet, CAST(m.published AS VARCHAR) AS published,
    m.local_event_id, m.url
"""
_MENTION_FIELDS = ("article_id", "sentence", "sentence_start", "sentence_end", "trigger_text", "trigger_start",
                   "trigger_end", "date_text", "quote_id", "rule", "outlet", "published", "local_event_id", "url")


# Sortable columns of GET /api/events: name -> (events column, its SQL type for the cursor's value).
SORTS: dict[str, tuple[str, str]] = {
    "date": ("date", "DATE"), "type": ("type", "VARCHAR"), "cameo": ("cameo", "VARCHAR"),
    "goldstein": ("goldstein", "DOUBLE"), "confidence": ("confidence", "DOUBLE"),
    "mentions": ("mention_count", "BIGINT"), "actor": ("actor_name", "VARCHAR"),
    "recipient": ("recipient_name", "VARCHAR"), "place": ("place_name", "VARCHAR"),
}
SORT_CHOICES = tuple(sorted([*SORTS, *(f"-{k}" for k in SORTS)]))
DEFAULT_SORT = "-date"  # newest first: what an analyst opens the page to see

_PARTIES = ("list_concat(json_extract_string(actors_json, '$[*].{f}'), "
            "json_extract_string(recipients_json, '$[*].{f}'))")
_UNNESTED = ("SELECT v AS value, count(DISTINCT event_id) AS n FROM (SELECT event_id, unnest("
             + _PARTIES + ") AS v FROM events e{{where}}) WHERE v IS NOT NULL "
             "GROUP BY 1 ORDER BY n DESC, value LIMIT ?")
# Facet -> (SQL with {where} and a LIMIT ?, the filters it leaves out). Parties' lists are unnested so a
# multi-party event counts once for each of its values, as the structured filters match any party.
FACETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "type": ("SELECT type AS value, count(*) AS n FROM events e{where} GROUP BY 1 HAVING value IS NOT NULL "
             "ORDER BY n DESC, value LIMIT ?", ("type",)),
    "quad_class": ("SELECT CAST(quad_class AS VARCHAR) AS value, count(*) AS n FROM events e{where} GROUP BY 1 "
                   "HAVING value IS NOT NULL ORDER BY value LIMIT ?", ("quad_class",)),
    "country": (_UNNESTED.format(f="country"), ("country", "actor_country", "recipient_country")),
    "sector": (_UNNESTED.format(f="sector"), ("sector", "actor_sector", "recipient_sector")),
    "code": ("SELECT c AS value, mode(nm) AS label, count(DISTINCT event_id) AS n FROM (SELECT event_id, unnest("
             + _PARTIES.format(f="code") + ") AS c, unnest(" + _PARTIES.format(f="name") + ") AS nm "
             "FROM events e{where}) WHERE c IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT ?",
             ("code", "actor", "recipient", "party")),
    "outlet": ("SELECT m.outlet AS value, count(DISTINCT f.event_id) AS n "
               "FROM (SELECT event_id FROM events e{where}) f "
               "JOIN event_mentions m ON m.event_id = f.event_id WHERE m.outlet IS NOT NULL "
               "GROUP BY 1 ORDER BY n DESC, value LIMIT ?", ("outlet",)),
}


def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    """An opaque cursor: where the page ended (sort, its key value or null, the last event id)."""
    value = None if key is None else (key.isoformat() if hasattr(key, "isoformat") else key)
    raw = json.dumps({"s": sort, "n": key is None, "v": value, "i": event_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[bool, Any, str]:
    """(key is null, key value, last event id) of a cursor made for ``sort``; else 422 naming ``cursor``."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("i"), str):
            raise ValueError(cursor)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(422, ErrorCode.REQUEST_INVALID, "cursor: not a cursor this server gave out") from None
    if data.get("s") != sort:
        raise ApiError(422, ErrorCode.REQUEST_INVALID,
                       f"cursor: it was made for sort={data.get('s')!r}; send the same sort as the first page")
    return bool(data.get("n")), data.get("v"), data["i"]


class ReadPool:
    """A pool of read-only DuckDB connections (cursors of one read-only database), opened on demand.

    Why a pool: one shared connection under a lock made every read wait for the one before it, and for
    any slow query; DuckDB runs queries of separate cursors side by side (releasing the GIL), so
    ``size`` reads run at once in their own threads and never wait behind extraction, which runs in
    other processes. Why it closes when idle: a server holding the file open for good would lock out
    ``eventwire ingest``; after ``idle_close`` seconds without a query every connection is closed.
    """

    def __init__(self, path: Path, size: int, idle_close: float = 5.0) -> None:
        self.path = path
        self.size = size
        self.idle_close = idle_close
        self._lock = threading.Lock()
        self._root: duckdb.DuckDBPyConnection | None = None
        self._free: list[duckdb.DuckDBPyConnection] = []
        self._in_use = 0
        self._last_used = 0.0
        self._timer: threading.Timer | None = None
        self.generation = 0  # odd while open, even while closed

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.is_file():
            raise EventwireError(ErrorCode.STORE_ERROR, f"no database at {self.path}; run `eventwire ingest` first")
        try:
            return duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise EventwireError(
                ErrorCode.STORE_ERROR, f"cannot open {self.path} (is an ingest running?): {exc}"
            ) from exc

    def acquire(self) -> tuple[duckdb.DuckDBPyConnection, int]:
        """A connection of its own for one query (the caller's thread is one of at most ``size``), and the
        generation of the open database it reads (a new one each time the file is opened again)."""
        with self._lock:
            if self._root is None:
                self._root = self._open()
                self.generation += 1
            con = self._free.pop() if self._free else self._root.cursor()
            self._in_use += 1
            self._last_used = time.monotonic()
            if self._timer is None:
                self._schedule(self.idle_close)
            return con, self.generation

    def release(self, con: duckdb.DuckDBPyConnection) -> None:
        with self._lock:
            self._in_use -= 1
            self._last_used = time.monotonic()
            if self._root is None:
                con.close()  # the pool was closed meanwhile
            else:
                self._free.append(con)

    def _close_if_idle(self) -> None:
        with self._lock:
            self._timer = None
            if self._root is None:
                return
            left = self.idle_close - (time.monotonic() - self._last_used)
            if left > 0 or self._in_use:
                self._schedule(max(left, 0.5))
                return
            self._close_all()

    def _schedule(self, delay: float) -> None:
        # Not a daemon: a daemon thread closing DuckDB while the interpreter shuts down can abort the
        # process; at exit this waits at most ``idle_close`` seconds, and the app's shutdown closes first.
        self._timer = threading.Timer(delay, self._close_if_idle)
        self._timer.daemon = False
        self._timer.start()

    def _close_all(self) -> None:
        for con in self._free:
            con.close()
        self._free = []
        if self._root is not None:
            self._root.close()
            self._root = None
            self.generation += 1

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._close_all()


CACHE_ENTRIES = 64


class ResultCache:
    """The results of recent reads, each valid only for the generation of the open database it came from."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()

    def get(self, key: Hashable, generation: int) -> Any | None:
        entry = self.entries.get(key)
        if entry is None or entry[0] != generation or generation % 2 == 0:
            return None
        self.entries.move_to_end(key)
        return entry[1]

    def put(self, key: Hashable, value: Any, generation: int) -> None:
        self.entries[key] = (generation, value)
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


class _Job:
    """One read in its thread: the connection it is using (while it uses one) and whether it was stopped."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None

    def attach(self, con: duckdb.DuckDBPyConnection | None) -> None:
        with self._lock:
            self._con = con

    def stop(self) -> None:
        """No further statement runs, and the one running now is interrupted (never another read's: the
        connection is detached, under the lock, before it goes back to the pool)."""
        self.stopped.set()
        with self._lock:
            if self._con is not None:
                self._con.interrupt()


class Queries:
    """The API's view of one DuckDB file: every method runs in a thread of its own on a pooled connection.

    ``run`` is the async entry point: it bounds how many reads may wait (503 with Retry-After beyond
    ``waiting``) and how long one may take (``timeout``: the query is interrupted and the client gets 504).
    """

    def __init__(self, path: Path, connections: int = 4, waiting: int = 256, timeout: float = 30.0,
                 idle_close: float = 5.0) -> None:
        self.path = path
        self.pool = ReadPool(path, connections, idle_close)
        self.connections = connections
        self._executor: ThreadPoolExecutor | None = None  # made on first use, again after ``close``
        self.waiting = waiting
        self.timeout = timeout
        self.work = ThreadWork()  # reads accepted and not yet finished in their thread (abandoned ones included)
        self._local = threading.local()  # the pooled connection of the current read thread
        self.cache = ResultCache(CACHE_ENTRIES)
        self._counts: dict[tuple[EventFilters, int | None], int] = {}
        self._counts_lock = threading.Lock()
        self.inflight: dict[Hashable, asyncio.Future[tuple[Any, int]]] = {}

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The read threads (one per pooled connection), started again after ``close``."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self.connections, thread_name_prefix="eventwire-read")
        return self._executor

    def close(self) -> None:
        """Stop the read threads and close the database; a later read starts them and opens it again."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self.inflight.clear()
        self.pool.close()

    async def run(self, fn: Callable[[], T], key: Hashable | None = None) -> T:
        """Run a read (a method of this class, called without arguments) off the event loop, bounded.

        With a ``key`` (the method and its arguments), identical reads share one computation while it
        runs, and its result is kept while the connections stay open. Why that is never stale: while this
        server holds the file open read-only no one can write to it (DuckDB locks the file), and the cache
        is dropped whenever the pool closes (after ``idle_close`` seconds without queries).
        """
        if key is None:
            value, _ = await self._bounded(fn)
            return value
        hit = self.cache.get(key, self.pool.generation)
        if hit is not None:
            return cast(T, hit)
        shared = self.inflight.get(key)
        if shared is None:
            shared = asyncio.ensure_future(self._bounded(fn))
            self.inflight[key] = shared
            shared.add_done_callback(lambda done: self._finished(key, done))
        value, _ = await asyncio.shield(shared)
        return cast(T, value)

    def _finished(self, key: Hashable, done: asyncio.Future[tuple[Any, int]]) -> None:
        self.inflight.pop(key, None)
        if not done.cancelled() and done.exception() is None:
            value, generation = done.result()
            self.cache.put(key, value, generation)

    async def _bounded(self, fn: Callable[[], T]) -> tuple[T, int]:
        """Run ``fn`` in a read thread; 503 when ``waiting`` reads are unfinished, 504 after ``timeout``.

        A read counts as pending until its thread is done with it, not until its client stops waiting, so
        abandoned work still holds its place in the bound. On timeout the read is stopped: one still queued
        never starts, a running statement is interrupted, and a read of several statements runs no more.
        """
        job = _Job()
        work, future = self.work.submit(self.executor, self.waiting, lambda: busy("query", 1), self._in_thread, fn, job)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            work.cancel()  # still queued: it never runs
            job.stop()  # running: stop the statement itself, and every statement after it
            raise timed_out("query", self.timeout) from None

    @property
    def pending(self) -> int:
        """Reads accepted and not yet finished in their thread."""
        return self.work.pending

    def _in_thread(self, fn: Callable[[], T], job: _Job) -> tuple[T, int]:
        con, generation = self.pool.acquire()
        job.attach(con)
        self._local.con = con
        self._local.generation = generation
        self._local.stopped = job.stopped
        try:
            return fn(), generation
        finally:
            job.attach(None)
            self._local.con = None
            self._local.stopped = None
            self.pool.release(con)

    def _call(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn`` on this thread's pooled connection (inside ``run``), or on one borrowed for the call."""
        con: duckdb.DuckDBPyConnection | None = getattr(self._local, "con", None)
        stopped: threading.Event | None = getattr(self._local, "stopped", None)
        if stopped is not None and stopped.is_set():  # the read timed out: run none of its next statements
            raise timed_out("query", self.timeout)
        borrowed = con is None
        if con is None:
            con, _ = self.pool.acquire()
        try:
            return fn(con)
        except duckdb.Error as exc:
            raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
        finally:
            if borrowed:
                self.pool.release(con)

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        def run(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
            cur = con.execute(sql, params)
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

        return self._call(run)

    # -- events ------------------------------------------------------------------------------------
    def events(self, filters: EventFilters, limit: int, offset: int, sort: str = DEFAULT_SORT,
               cursor: str | None = None) -> tuple[int, list[dict[str, Any]], str | None]:
        """A page of deduplicated events (the store's filters) with evidence offsets, the total, and the
        cursor of the next page (None on the last one).

        ``sort`` is a column of ``SORTS``, ``-`` first for descending; undated (or unvalued) events come
        last either way, ties by event id. ``cursor`` continues after the last row of a previous page
        (keyset paging: stable while events are added, and as fast deep in the list as at its start).
        """
        where, params = filters.where()
        descending = sort.startswith("-")
        column, sql_type = SORTS[sort.lstrip("-")]
        key = f"e.{column}"
        after, after_params = "", []
        if cursor is not None:
            is_null, value, last_id = decode_cursor(cursor, sort)
            op = "<" if descending else ">"
            if is_null:
                after = f" WHERE {key} IS NULL AND e.event_id > ?"
                after_params = [last_id]
            else:
                after = (f" WHERE ({key} IS NOT NULL AND ({key} {op} CAST(? AS {sql_type}) OR "
                         f"({key} = CAST(? AS {sql_type}) AND e.event_id > ?))) OR {key} IS NULL")
                after_params = [value, value, last_id]
        total = self._count(filters, where, params)
        direction = "DESC" if descending else "ASC"
        order = f"ORDER BY {key} {direction} NULLS LAST, e.event_id"
        rows = self._rows(
            f"SELECT {_EVENT_COLUMNS}, {key} AS sort_key FROM (SELECT * FROM events e{where}) e{after} "
            f"{order} LIMIT ? OFFSET ?",
            params + after_params + [limit + 1, offset],
        )
        more = len(rows) > limit
        rows = self._with_first_mentions(rows[:limit])
        next_cursor = encode_cursor(sort, rows[-1]["sort_key"], rows[-1]["event_id"]) if more and rows else None
        return int(total), [_event_json(r) for r in rows], next_cursor

    def _with_first_mentions(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Each event row with the evidence fields of its first mention (None where it has none)."""
        if not rows:
            return rows
        ids = [r["event_id"] for r in rows]
        firsts = [r["first_mention_id"] for r in rows]
        # only each event's first mention leaves DuckDB (the event_id index narrows the scan; a popular
        # event can have hundreds of mentions, each with its sentence)
        found = {m["mention_id"]: m for m in self._rows(
            f"SELECT {_MENTION_COLUMNS} FROM event_mentions m WHERE m.event_id IN ({', '.join('?' for _ in ids)}) "
            f"AND m.mention_id IN ({', '.join('?' for _ in firsts)})", ids + firsts)}
        empty = dict.fromkeys(_MENTION_FIELDS)
        return [{**r, **{k: found.get(r["first_mention_id"], empty)[k] for k in _MENTION_FIELDS}} for r in rows]

    def _count(self, filters: EventFilters, where: str, params: list[Any]) -> int:
        """How many events match, remembered per filter while the database stays open (every page of one
        filter asks the same question)."""
        key = (filters, getattr(self._local, "generation", None))
        with self._counts_lock:
            known = self._counts.get(key)
        if known is not None and key[1] is not None:
            return known
        total = int(self._rows(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"])
        with self._counts_lock:
            if len(self._counts) >= CACHE_ENTRIES * 4:
                self._counts.clear()
            self._counts[key] = total
        return total

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event in the list's shape, plus every mention of it (article, evidence, URL) from the store."""
        rows = self._with_first_mentions(
            self._rows(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.event_id = ?", [event_id]))
        if not rows:
            return None
        stored = self._call(lambda con: store_queries.event(con, event_id)) or {}
        result = _event_json(rows[0])
        result["mentions"] = stored.get("mentions", [])
        return result

    def facets(self, filters: EventFilters, limit: int) -> dict[str, list[dict[str, Any]]]:
        """Counts of events per value of each picklist field, under the filters except that field's own.

        Why not under all filters: a picklist that showed only the chosen value could never switch to
        another; leaving out its own filter shows what choosing another value would give.
        """
        out: dict[str, list[dict[str, Any]]] = {}
        for facet, (sql, own) in FACETS.items():
            kept = filters.without(*own)
            where, params = kept.where()
            rows = self._rows(sql.format(where=where), params + [limit])
            out[facet] = [{"value": r["value"], "label": r.get("label") or r["value"], "count": int(r["n"])}
                          for r in rows]
        return out

    def dyads(self, filters: EventFilters, period: str, limit: int) -> tuple[int, list[dict[str, Any]]]:
        """The store's dyad counts of pairs placed in a period (an event dated less precisely than the period is
        in none), with the period as YYYY-MM-DD, YYYY-MM or YYYY, and how many rows there are before ``limit``
        (both paged and counted in DuckDB by the store: ``dyads(placed=True)``, ``dyad_totals``).

        ``source``/``target`` are the page's node keys, as in ``network``: the code, or the upper-cased name of
        a party without one; ``source_code``/``target_code`` only ever hold codes (None for an uncoded party).
        """
        kwargs = filters.as_kwargs()
        rows = self._call(lambda con: store_queries.dyads(con, period, limit=limit, placed=True, **kwargs))
        total = self._call(lambda con: store_queries.dyad_totals(con, period, placed=True, **kwargs))["rows"]
        out = []
        for r in rows:
            source = r["actor"] or (r["actor_name"] or "").upper()
            target = r["recipient"] or (r["recipient_name"] or "").upper()
            out.append({
                "period": str(r["period"])[: _PERIOD_LABEL[period]], "source": source, "target": target,
                "source_code": r["actor"], "target_code": r["recipient"],
                "source_name": r["actor_name"], "target_name": r["recipient_name"], "count": r["events"],
                "mentions": r["mentions"], "goldstein": r["goldstein_sum"], "plover_score": r["plover_sum"],
                "cooperative": r["cooperative"], "conflictual": r["conflictual"],
            })
        return int(total), out

    def network(self, filters: EventFilters, limit: int) -> dict[str, Any]:
        """The store's network summary: the ``limit`` most active actors (code, or upper-cased name) and the
        edges between them counted by quad class, all computed in DuckDB (``store.queries.network_summary``)."""
        kwargs = filters.as_kwargs()
        result: dict[str, Any] = self._call(lambda con: store_queries.network_summary(con, limit, **kwargs))
        return result

    def places(self, filters: EventFilters, limit: int) -> dict[str, Any]:
        """Every placed event counted by place (so the map shows all of them, not one page), most first."""
        where, params = filters.where()
        rows = self._rows(
            "SELECT place_name AS name, place_country AS country, lat, lon, geonameid, any_value(place_kind) AS kind, "
            "count(*) AS n, count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative, "
            "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual, count(*) OVER () AS all_places "
            f"FROM (SELECT * FROM events e{where}) e WHERE lat IS NOT NULL AND lon IS NOT NULL "
            "GROUP BY place_name, place_country, lat, lon, geonameid ORDER BY n DESC, name LIMIT ?",
            params + [limit],
        )
        placed = self._rows(f"SELECT count(*) AS n FROM (SELECT * FROM events e{where}) e WHERE lat IS NOT NULL",
                            params)[0]["n"]
        every = int(rows[0]["all_places"]) if rows else 0  # places before the limit (the window counts groups)
        return {"placed_events": int(placed), "left_out": max(0, every - len(rows)),
                "places": [{**{k: v for k, v in r.items() if k not in ("n", "all_places")}, "count": int(r["n"])}
                           for r in rows]}

    def export_table(self, filters: EventFilters, limit: int) -> pa.Table:
        """The store's flat event rows (the columns and order of `eventwire events`) for a download of the
        current filter, ``historical`` included: every filter is in the SQL, as for the table (``where``),
        so the limit counts only rows the filter keeps.

        As an Arrow table typed by the store's own columns (DATE, lists, numbers), so a file written from it
        has the same columns and types whatever the rows hold, none at all included.
        """
        where, params = filters.where()
        sql = (f"SELECT {', '.join(store_queries.EVENT_COLUMNS)} FROM events e{where} "
               "ORDER BY date NULLS LAST, first_seen, event_id LIMIT ?")
        return self._call(lambda con: con.sql(sql, params=params + [limit]).to_arrow_table())

    # -- actors and articles -----------------------------------------------------------------------
    def actors(self, q: str | None, limit: int, all: bool = False) -> list[dict[str, Any]]:  # noqa: A002
        return self._call(lambda con: store_queries.actors(con, q, limit, all=all))

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._call(lambda con: store_queries.article(con, article_id))

    def articles(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        total = self._rows("SELECT count(*) AS n FROM articles", [])[0]["n"]
        rows = self._call(lambda con: store_queries.articles(con, limit, offset))
        return int(total), rows


def _event_json(r: dict[str, Any]) -> dict[str, Any]:
    """One stored event in the Document's event shape, plus where it came from and how often it was reported."""
    location = None
    if r["place_name"]:
        location = {
            "name": r["place_name"], "country": r["place_country"], "lat": r["lat"], "lon": r["lon"],
            "geonameid": r["geonameid"], "kind": r["place_kind"],
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
        "url": r["url"],
        "mention_count": r["mention_count"],
        "article_count": r["article_count"],
    }
