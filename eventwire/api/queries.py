"""Read-only queries the API needs over the DuckDB store, shaped as JSON the page can render directly.

Why a read-only connection that closes itself when idle: opening one costs about 0.1 s, too much per
request, but a server that held the file open for good would lock out ``eventwire ingest`` for as long as
it runs. So the connection is opened on demand, used under a lock (one query at a time), and closed after
``idle_close`` seconds without a query.

The filters, dyads, actors and articles are the store's own queries (eventwire.store.queries), so the
API and the CLI agree; this module adds what the page needs on top (a total for paging, the evidence
offsets of each event, edges by quad class). Every value from a request reaches SQL only as a bound
parameter.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

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

    def where(self) -> tuple[str, list[Any]]:
        """The store's WHERE clause (constant SQL) and bound parameters, for ``events e``."""
        return store_queries.event_filters(**{k: v for k, v in asdict(self).items() if v not in (None, "")})

    def as_kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


_PERIOD_LABEL = {"day": 10, "week": 10, "month": 7, "year": 4}

# The events table has the first mention's id; the mention carries the evidence offsets and the article.
_EVENT_COLUMNS = """
    e.event_id, e.type, e.mode, e.contexts, e.cameo, e.quad_class, e.goldstein, e.plover_score,
    e.actors_json, e.recipients_json, e.actor_key, e.recipient_key,
    e.date_value, e.date_precision, e.place_name, e.place_country, e.lat, e.lon, e.geonameid, e.place_kind,
    e.aux, e.is_fact, e.mention_count, e.article_count, e.confidence,
    m.article_id, m.sentence, m.sentence_start, m.sentence_end, m.trigger_text, m.trigger_start, m.trigger_end,
    m.date_text, m.quote_id, m.rule, m.outlet, CAST(m.published AS VARCHAR) AS published, m.local_event_id
"""


class Queries:
    """The API's view of one DuckDB file."""

    def __init__(self, path: Path, idle_close: float = 5.0) -> None:
        self.path = path
        self.idle_close = idle_close
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._last_used = 0.0
        self._timer: threading.Timer | None = None

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if not self.path.is_file():
            raise EventwireError(ErrorCode.STORE_ERROR, f"no database at {self.path}; run `eventwire ingest` first")
        try:
            return duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise EventwireError(
                ErrorCode.STORE_ERROR, f"cannot open {self.path} (is an ingest running?): {exc}"
            ) from exc

    def _close_if_idle(self) -> None:
        with self._lock:
            self._timer = None
            if self._con is None:
                return
            left = self.idle_close - (time.monotonic() - self._last_used)
            if left > 0:
                self._schedule(left)
                return
            self._con.close()
            self._con = None

    def _schedule(self, delay: float) -> None:
        # Not a daemon: a daemon thread closing DuckDB while the interpreter shuts down can abort the
        # process; at exit this waits at most ``idle_close`` seconds, and the app's shutdown closes first.
        self._timer = threading.Timer(delay, self._close_if_idle)
        self._timer.daemon = False
        self._timer.start()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._con is not None:
                self._con.close()
                self._con = None

    def _call(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn`` on the shared connection, opening it if needed and (re)arming the idle close."""
        with self._lock:
            if self._con is None:
                self._con = self._connect()
            self._last_used = time.monotonic()
            if self._timer is None:
                self._schedule(self.idle_close)
            try:
                return fn(self._con)
            except duckdb.Error as exc:
                raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        def run(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
            cur = con.execute(sql, params)
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

        return self._call(run)

    # -- events ------------------------------------------------------------------------------------
    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """A page of deduplicated events (the store's filters and order) with evidence offsets, and the total."""
        where, params = filters.where()
        total = self._rows(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"]
        rows = self._rows(
            # filter first (the store's WHERE names columns unqualified), then join the first mention
            f"SELECT {_EVENT_COLUMNS} FROM (SELECT * FROM events e{where}) e "
            "LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id "
            "ORDER BY e.date NULLS LAST, e.first_seen, e.event_id LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
        return int(total), [_event_json(r) for r in rows]

    def dyads(self, filters: EventFilters, period: str, limit: int) -> tuple[int, list[dict[str, Any]]]:
        """The store's dyad counts of pairs placed in a period (an event dated less precisely than the period is
        in none), with the period as YYYY-MM-DD, YYYY-MM or YYYY, and how many rows there are before ``limit``.

        ``source``/``target`` are the page's node keys, as in ``network``: the code, or the upper-cased name of
        a party without one; ``source_code``/``target_code`` only ever hold codes (None for an uncoded party).
        """
        rows = self._call(lambda con: store_queries.dyads(con, period, **filters.as_kwargs()))
        out = []
        for r in rows:
            source = r["actor"] or (r["actor_name"] or "").upper()
            target = r["recipient"] or (r["recipient_name"] or "").upper()
            if not (r["period"] and source and target):
                continue
            out.append({
                "period": str(r["period"])[: _PERIOD_LABEL[period]], "source": source, "target": target,
                "source_code": r["actor"], "target_code": r["recipient"],
                "source_name": r["actor_name"], "target_name": r["recipient_name"], "count": r["events"],
                "mentions": r["mentions"], "goldstein": r["goldstein_sum"], "plover_score": r["plover_sum"],
                "cooperative": r["cooperative"], "conflictual": r["conflictual"],
            })
        return len(out), out[:limit]

    def network(self, filters: EventFilters, limit: int) -> dict[str, Any]:
        """Nodes are actors (code, or name), sized by events; edges actor->recipient, counted by quad class.

        The store's network() groups edges by PLOVER type; the page colours edges by quad class, so this
        groups by that instead (same filters, same actor keys as the store's dyads).
        """
        where, params = filters.where()
        rows = self._rows(
            "SELECT coalesce(e.actor_code, upper(e.actor_name)) AS source, "
            "coalesce(e.recipient_code, upper(e.recipient_name)) AS target, e.quad_class, count(*) AS n, "
            "any_value(e.actor_name) AS source_name, any_value(e.recipient_name) AS target_name, "
            "any_value(e.actor_country) AS source_country, any_value(e.recipient_country) AS target_country "
            f"FROM events e{where} GROUP BY ALL",
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
                    key,
                    {"id": key, "label": key, "name": r[f"{side}_name"], "country": r[f"{side}_country"], "count": 0},
                )
                node["count"] += int(r["n"])
                ends.append(key)
            if r["source"] and r["target"] and r["source"] != r["target"]:
                edge = edges.setdefault(
                    (r["source"], r["target"]), {"source": r["source"], "target": r["target"], "count": 0, "quad": {}}
                )
                edge["count"] += int(r["n"])
                q = str(r["quad_class"] or 0)
                edge["quad"][q] = edge["quad"].get(q, 0) + int(r["n"])
        top = sorted(nodes.values(), key=lambda n: (-n["count"], n["id"]))[:limit]
        keep = {n["id"] for n in top}
        kept_edges = [e for e in edges.values() if e["source"] in keep and e["target"] in keep]
        return {"nodes": top, "edges": kept_edges}

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
        "mention_count": r["mention_count"],
        "article_count": r["article_count"],
    }
