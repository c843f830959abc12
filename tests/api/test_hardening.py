"""Issue 20: the API holds up against hostile names, odd numbers, big bodies and slow work.

Every test talks to a real uvicorn server on 127.0.0.1 over the corpus database.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import gzip
import io
import os
import shutil
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import httpx
import pyarrow.parquet as pq
import pytest

from eventwire import Pipeline, load_config
from eventwire.api import create_app
from eventwire.api.guard import normalise_hosts
from eventwire.api.queries import Queries
from eventwire.api.workers import ApiError
from eventwire.document import Document

from .server import LiveServer

T = TypeVar("T")

SHORT = "Russia and Syria\nRussian Foreign Minister Sergei Lavrov met Syrian officials in Moscow on Monday."


def _is_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape: exactly {"error": {"code", "message"}}, with this status and code."""
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    err: dict[str, Any] = body["error"]
    return err


@pytest.fixture(scope="module")
def pool_server(corpus: tuple[Path, list[Document]]) -> Iterator[str]:
    """Extraction in worker processes (clean + nlp only, quick to load), a 1.5 s timeout and no queue."""
    cfg = load_config(overrides={
        "api.extract_timeout": 1.5, "api.max_waiting": 0, "pipeline.stages": ["clean", "nlp"],
        "api.extract_workers": 1, "api.extract_standby": 1,
    })
    with LiveServer(create_app(corpus[0], config=cfg)) as live:
        yield live.url


@pytest.fixture(scope="module")
def historical_db(corpus: tuple[Path, list[Document]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus whose first event in export order is marked historical, as the coder marks "in 1945"."""
    return _altered_copy(corpus[0], tmp_path_factory, "historical",
                         "UPDATE events SET aux = list_append(coalesce(aux, []), 'historical') WHERE event_id = "
                         "(SELECT event_id FROM events ORDER BY date NULLS LAST, first_seen, event_id LIMIT 1)")


def _altered_copy(db: Path, tmp_path_factory: pytest.TempPathFactory, name: str, sql: str) -> Path:
    """A copy of a database file with one SQL statement applied to it."""
    path = tmp_path_factory.mktemp(name) / "corpus.duckdb"
    shutil.copy(db, path)
    con = duckdb.connect(str(path))
    try:
        con.execute(sql)
    finally:
        con.close()
    return path


def _wait_for_workers(url: str, n: int = 2) -> None:
    """Until ``n`` workers have loaded (a test that killed one leaves its replacement loading)."""
    deadline = time.monotonic() + 120
    with httpx.Client(base_url=url, timeout=30) as c:
        while c.get("/api/health").json()["idle_workers"] < n:
            assert time.monotonic() < deadline, "the workers did not load"
            time.sleep(0.2)


# -- Host and Origin ---------------------------------------------------------------------------------------
def test_only_loopback_host_names_are_answered(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    with httpx.Client(base_url=server, timeout=30) as c:
        for path in ["/api/events", "/", "/api/health"]:
            err = _is_error(c.get(path, headers={"Host": "attacker.example"}), 403, "E508")
            assert "attacker.example" in err["message"] and "api.allowed_hosts" in err["message"]
        _is_error(c.get("/api/events", headers={"Host": f"attacker.example:{port}"}), 403, "E508")
        _is_error(c.get("/api/events", headers={"Origin": "http://attacker.example"}), 403, "E508")
        for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "LOCALHOST"]:
            assert c.get("/api/events?limit=1", headers={"Host": host}).status_code == 200, host
        same = c.post("/api/extract", json={"text": " "}, headers={"Origin": server})
        assert same.status_code == 422  # the page's own origin passes the guard (and the text is empty)


def test_allowed_hosts_come_from_the_typed_config(corpus: tuple[Path, list[Document]], tmp_path: Path) -> None:
    cfg = load_config(overrides={"api.allowed_hosts": ["events.lan"]})
    with LiveServer(create_app(corpus[0], config=cfg)) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert c.get("/api/health", headers={"Host": "events.lan:80"}).status_code == 200
        _is_error(c.get("/api/health"), 403, "E508")  # 127.0.0.1 is no longer on the list
    bad = tmp_path / "eventwire.toml"
    bad.write_text('[api]\nallowed_host = ["x"]\n', encoding="utf-8")
    with pytest.raises(Exception, match="E401.*allowed_host.*did you mean 'api.allowed_hosts'"):
        load_config(bad)


def test_a_star_pattern_allows_subdomains_only(corpus: tuple[Path, list[Document]]) -> None:
    """'*.lan' is a suffix pattern: it never turns into the allow-anything '*' (DNS rebinding stays blocked)."""
    assert normalise_hosts(["*.lan", "Events.LAN:8000", "*"]) == {"*.lan", "events.lan", "*"}
    assert "*" not in normalise_hosts(["*.lan"])
    cfg = load_config(overrides={"api.allowed_hosts": ["*.lan"]})
    with LiveServer(create_app(corpus[0], config=cfg)) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        for host in ["events.lan", "a.b.lan:8000", "EVENTS.LAN"]:
            assert c.get("/api/health", headers={"Host": host}).status_code == 200, host
        for host in ["lan", "evil.example", "badlan", "events.lan.evil.example", "127.0.0.1"]:
            _is_error(c.get("/api/health", headers={"Host": host}), 403, "E508")
        _is_error(c.get("/api/health", headers={"Host": "events.lan", "Origin": "http://evil.example"}), 403, "E508")


# -- one error shape, bounded numbers, dates ------------------------------------------------------------
def test_every_error_has_one_shape(client: httpx.Client) -> None:
    _is_error(client.get("/api/no-such-route"), 404, "E507")
    _is_error(client.get("/no-such-page"), 404, "E507")
    _is_error(client.get("/api/events/no-such-event"), 404, "E507")
    _is_error(client.get("/api/articles/no-such-article"), 404, "E507")
    _is_error(client.get("/api/extract"), 405, "E502")
    _is_error(client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}),
              422, "E502")
    _is_error(client.post("/api/extract", content=b"", headers={"content-type": "application/json"}), 422, "E502")
    _is_error(client.post("/api/extract", json={"title": "no text"}), 422, "E502")
    _is_error(client.get("/api/events", params={"quad_class": 9}), 422, "E502")
    _is_error(client.get("/api/events", params={"actor_country": "Russia"}), 422, "E502")
    _is_error(client.get("/api/events", params={"sort": "date; DROP TABLE events"}), 422, "E502")
    _is_error(client.get("/api/events", params={"cursor": "garbage!"}), 422, "E502")
    err = _is_error(client.get("/api/events", params={"type": "consult,ASSUALT"}), 422, "E502")
    assert err["message"].startswith("type: 'ASSUALT' is not a PLOVER type")
    assert "cameo=" in _is_error(client.get("/api/dyads", params={"type": "042"}), 422, "E502")["message"]
    assert client.get("/api/events", params={"type": "consult"}).status_code == 200


def test_integers_are_bounded_and_never_reach_sql(client: httpx.Client) -> None:
    for params in [{"offset": "9223372036854775808"}, {"offset": 10**7}, {"offset": -1}, {"limit": 10**20},
                   {"limit": "1e3"}]:
        err = _is_error(client.get("/api/events", params=params), 422, "E502")
        assert "SELECT" not in err["message"] and "LIMIT" not in err["message"], err
        assert next(iter(params)) in err["message"]
    _is_error(client.get("/api/articles", params={"offset": "9223372036854775808"}), 422, "E502")
    _is_error(client.get("/api/network", params={"limit": "9223372036854775808"}), 422, "E502")
    assert client.get("/api/events", params={"offset": 1_000_000}).json()["events"] == []


def test_impossible_dates_are_refused_with_the_parameters_own_name(client: httpx.Client) -> None:
    err = _is_error(client.get("/api/events", params={"from": "2014-02-30"}), 422, "E112")
    assert err["message"].startswith("from: '2014-02-30'")
    err = _is_error(client.get("/api/dyads", params={"to": "2014-13-01"}), 422, "E112")
    assert err["message"].startswith("to: ")
    err = _is_error(client.post("/api/extract", json={"text": SHORT, "published": "2014-02-30"}), 422, "E112")
    assert err["message"].startswith("published: ")
    assert client.get("/api/events", params={"from": "2014-02-28"}).status_code == 200


def test_a_body_over_the_limit_gets_413_before_the_parser(client: httpx.Client) -> None:
    limit = load_config().api.max_body_bytes
    assert limit < 1_000_000, "the body limit must stay below spaCy's 1,000,000-character parser limit"
    for size in [limit + 10, 1_970_000]:
        r = client.post("/api/extract", json={"text": "a" * size})
        err = _is_error(r, 413, "E104")
        assert str(limit) in err["message"]


def test_a_token_in_the_url_is_refused_even_without_a_token_set(client: httpx.Client) -> None:
    err = _is_error(client.get("/api/events", params={"token": "x"}), 400, "E509")
    assert "Authorization" in err["message"]
    for path in ["/", "/static/app.js", "/no-such-page"]:  # every path, not only /api
        _is_error(client.get(path, params={"token": "x"}), 400, "E509")
    _is_error(client.get("/?token="), 400, "E509")
    assert 'get("token")' not in client.get("/static/app.js").text  # the page reads no token from its URL


def test_responses_are_gzipped(client: httpx.Client) -> None:
    r = client.get("/api/events", params={"limit": 200, "all": "true"}, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    raw = client.get("/static/app.js", headers={"Accept-Encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip"
    assert gzip.compress(b"x")  # httpx decodes it: the JSON above parsed
    assert r.json()["events"]


# -- structured filters, detail, facets, cursors --------------------------------------------------------
def test_actor_matches_codes_and_whole_names_never_inside_the_json(client: httpx.Client) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    for value in ["a", "US", "name", "code"]:
        page = client.get("/api/events", params={"actor": value, "limit": 1000}).json()
        for ev in page["events"]:
            hit = [p for p in ev["actor"] if (p.get("code") or "") == value.upper()
                   or f" {value.lower()} " in f" {(p.get('name') or '').lower().replace('-', ' ')} "]
            assert hit, (value, ev["actor"])
        assert page["total"] < everything["total"] or everything["total"] == 0


def test_event_detail_has_every_mention_and_its_source(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    r = client.get(f"/api/events/{first['id']}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["id"] == first["id"] and detail["evidence"] == first["evidence"]
    assert detail["mentions"] and all(m["article_id"] and m["sentence"] for m in detail["mentions"])
    assert "url" in detail and "url" in detail["mentions"][0]


def test_facets_count_what_each_choice_would_give(client: httpx.Client) -> None:
    facets = client.get("/api/facets").json()["facets"]
    assert set(facets) >= {"type", "country", "sector", "code", "quad_class", "outlet"}
    for row in facets["type"][:5]:
        total = client.get("/api/events", params={"type": row["value"], "limit": 1}).json()["total"]
        assert total == row["count"], row
    for row in facets["code"][:3]:
        total = client.get("/api/events", params={"code": row["value"], "limit": 1}).json()["total"]
        assert total == row["count"], row
    # a chosen type leaves the type picklist whole (its own filter is left out) but narrows the others
    chosen = facets["type"][0]["value"]
    narrowed = client.get("/api/facets", params={"type": chosen}).json()["facets"]
    assert narrowed["type"] == facets["type"]
    assert sum(r["count"] for r in narrowed["quad_class"]) == facets["type"][0]["count"]


def test_newest_first_and_cursor_paging_walk_every_event_once(client: httpx.Client) -> None:
    full = client.get("/api/events", params={"all": "true", "limit": 1000}).json()
    assert full["sort"] == "-date"
    dates = [e["date"]["value"] for e in full["events"]]
    firsts = [_first_day(v) for v in dates if _first_day(v) is not None]
    assert firsts == sorted(firsts, reverse=True), "newest first"
    for sort in ["-date", "date", "type", "-goldstein", "actor"]:
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"all": "true", "limit": 3, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = client.get("/api/events", params=params).json()
            seen += [e["id"] for e in page["events"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        one = [e["id"] for e in client.get("/api/events", params={"all": "true", "limit": 1000, "sort": sort})
               .json()["events"]]
        assert seen == one, sort
    with_other_sort = client.get("/api/events", params={"limit": 1, "sort": "date"}).json()["next_cursor"]
    err = _is_error(client.get("/api/events", params={"cursor": with_other_sort, "sort": "-date"}), 422, "E502")
    assert err["message"].startswith("cursor:")


def _first_day(value: str | None) -> dt.date | None:
    """The first day a stored date value covers, as the store sorts it (None for undated events)."""
    if not value or not value[:4].isdigit():
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1,
                       int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1)
    except ValueError:
        return None


# -- workers: reads never wait, a timed-out extraction is stopped, a full queue says when to retry ----------
def test_reads_are_served_while_an_extraction_runs(pool_server: str) -> None:
    long_text = "Russia and Syria\n" + "Russian officials met Syrian officials in Moscow on Monday. " * 10_000
    result: dict[str, Any] = {}

    def extract() -> None:
        with httpx.Client(base_url=pool_server, timeout=60) as c:
            result["r"] = c.post("/api/extract", json={"text": long_text})

    _wait_for_workers(pool_server)
    worker = threading.Thread(target=extract)
    worker.start()
    time.sleep(0.3)
    with httpx.Client(base_url=pool_server, timeout=30) as c:
        took = []
        for _ in range(5):
            t0 = time.monotonic()
            assert c.get("/api/events", params={"limit": 50}).status_code == 200
            took.append(time.monotonic() - t0)
        busy = c.post("/api/extract", json={"text": SHORT})  # the one worker is taken and no queue is allowed
        _is_error(busy, 503, "E505")
        assert int(busy.headers["retry-after"]) >= 1
    worker.join()
    assert max(took) < 1.0, took
    assert result["r"].status_code == 504


def test_a_timed_out_extraction_frees_its_worker_within_a_second(pool_server: str) -> None:
    long_text = "Russia and Syria\n" + "Russian officials met Syrian officials in Moscow on Monday. " * 10_000
    _wait_for_workers(pool_server)
    with httpx.Client(base_url=pool_server, timeout=60) as c:
        before = set(c.get("/api/health").json()["workers"])
        t0 = time.monotonic()
        r = c.post("/api/extract", json={"text": long_text})
        _is_error(r, 504, "E506")
        assert 1.4 < time.monotonic() - t0 < 3.0
        t1 = time.monotonic()
        after = set(c.get("/api/health").json()["workers"])
        killed = before - after
        assert len(killed) == 1 and len(after) == 2  # one killed, one replacement started
        pid = killed.pop()
        while _alive(pid):
            assert time.monotonic() - t1 < 1.0, "the killed worker is still running"
            time.sleep(0.02)
        # the warm standby takes the next request at once (a fresh worker needs seconds to load its models)
        t2 = time.monotonic()
        ok = c.post("/api/extract", json={"text": SHORT})
        assert ok.status_code == 200, ok.text
        assert time.monotonic() - t2 < 2.0


def _in_own_loop(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run(main())`` in a thread of its own (a browser test's Playwright may hold this thread's loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(main())).result()


def test_a_timed_out_read_keeps_its_place_until_its_thread_is_done(corpus: tuple[Path, list[Document]]) -> None:
    """One read thread, room for one waiting read, a 0.2 s timeout, over the real corpus file."""
    q = Queries(corpus[0], connections=1, waiting=1, timeout=0.2)
    release = threading.Event()
    ran: list[str] = []

    def slow() -> int:  # the first statement takes as long as the test says, then a second one follows
        ran.append("first")
        release.wait(10)
        ran.append(str(q._rows("SELECT count(*) AS n FROM events", [])[0]["n"]))
        return 1

    async def main() -> None:
        with pytest.raises(ApiError) as first:
            await q.run(slow)
        assert first.value.status == 504
        # the client gave up but the thread still works on it: it still counts against the bound
        assert q.pending == 1
        with pytest.raises(ApiError) as full:
            await q.run(lambda: ran.append("refused"))
        assert full.value.status == 503 and full.value.code.value == "E505"
        q.waiting = 2
        with pytest.raises(ApiError) as queued:  # queued behind the slow read until it times out
            await q.run(lambda: ran.append("queued"))
        assert queued.value.status == 504
        assert q.pending == 1  # the queued read was cancelled, not left to run later
        release.set()
        for _ in range(200):
            if q.pending == 0:
                break
            await asyncio.sleep(0.02)
        assert q.pending == 0
        assert ran == ["first"], "a timed-out read ran its next statement, or a cancelled one ran"
        assert await q.run(lambda: q._rows("SELECT 1 AS n", [])[0]["n"]) == 1  # the thread is free again

    try:
        _in_own_loop(main)
    finally:
        release.set()
        q.close()


def test_a_timed_out_extraction_keeps_its_place_until_its_thread_is_done(
    corpus: tuple[Path, list[Document]],
) -> None:
    """A caller's pipeline runs in a thread that cannot be stopped: its work counts until it really ends."""
    cfg = load_config(overrides={"api.extract_timeout": 0.05, "api.max_waiting": 0,
                                 "pipeline.stages": ["clean", "nlp"]})
    light = Pipeline(cfg)  # its own pipeline: the extraction that goes on in the background shares nothing
    text = "Russia and Syria\n" + "Russian officials met Syrian officials in Moscow on Monday. " * 400
    with LiveServer(create_app(corpus[0], config=cfg, pipeline=light)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as c:
        _is_error(c.post("/api/extract", json={"text": text}), 504, "E506")
        # the timed-out extraction still runs: the one place (no queue) is taken, so the next is refused
        busy = c.post("/api/extract", json={"text": SHORT})
        _is_error(busy, 503, "E505")
        assert c.get("/api/health").json()["idle_workers"] == 0
        deadline = time.monotonic() + 60
        while c.get("/api/health").json()["idle_workers"] == 0:
            assert time.monotonic() < deadline, "the extraction thread never finished"
            time.sleep(0.05)


def test_workers_that_cannot_start_are_the_servers_fault(corpus: tuple[Path, list[Document]]) -> None:
    """No worker can load its model: every extraction is 503 with the worker's code (not 422, the client's)."""
    cfg = load_config(overrides={
        "api.extract_timeout": 2, "pipeline.stages": ["clean", "nlp"], "pipeline.model": "no_such_model_here",
        "api.extract_workers": 1, "api.extract_standby": 1,
    })
    with LiveServer(create_app(corpus[0], config=cfg)) as live, httpx.Client(base_url=live.url, timeout=60) as c:
        deadline = time.monotonic() + 120
        while (r := c.post("/api/extract", json={"text": SHORT})).status_code == 504:  # the workers still load
            assert time.monotonic() < deadline, "the workers neither started nor failed"
        err = _is_error(r, 503, "E304")
        assert "could start" in err["message"] and "no_such_model_here" in err["message"]
        assert _is_error(c.post("/api/extract", json={"text": SHORT}), 503, "E304") == err
        assert c.get("/api/events", params={"limit": 1}).status_code == 200  # reads go on


def _alive(pid: int) -> bool:
    """True while the process runs (a zombie waiting to be reaped has stopped using the CPU)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ", 1)[1][:1] != "Z"


def test_places_count_every_placed_event_and_csv_holds_the_filter(client: httpx.Client) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()["events"]
    placed = [e for e in everything if e["location"] and e["location"]["lat"] is not None]
    places = client.get("/api/places").json()
    assert places["placed_events"] == len(placed) == sum(p["count"] for p in places["places"])
    csv_text = client.get("/api/events.csv").text
    assert client.get("/api/events.csv").headers["content-type"].startswith("text/csv")
    lines = csv_text.splitlines()
    assert lines[0].startswith("event_id,") and len(lines) == len(everything) + 1
    kept = client.get("/api/events", params={"historical": "false", "limit": 1000, "all": "true"}).json()
    assert all("historical" not in e["aux"] for e in kept["events"])
    _is_error(client.get("/api/events.csv", params={"from": "2014-02-30"}), 422, "E112")
    table = pq.read_table(io.BytesIO(client.get("/api/events.parquet").content))
    assert table.num_rows == len(everything) and table.column_names == lines[0].split(",")
    assert "eventwire-events.parquet" in client.get("/api/events.parquet").headers["content-disposition"]
    unknown = _is_error(client.get("/api/events.xml"), 422, "E502")
    assert "csv" in unknown["message"] and "parquet" in unknown["message"]


def test_exports_leave_out_historical_events_in_sql(historical_db: Path, pipeline: Pipeline) -> None:
    """historical=false is part of the export's SQL, so a limit counts only the rows the filter keeps."""
    with LiveServer(create_app(historical_db, pipeline=pipeline)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as c:
        everything = c.get("/api/events", params={"all": "true", "limit": 1000}).json()
        kept = c.get("/api/events", params={"all": "true", "historical": "false", "limit": 1000}).json()
        assert kept["total"] == everything["total"] - 1 >= 1
        one = list(csv.DictReader(io.StringIO(
            c.get("/api/events.csv", params={"all": "true", "historical": "false", "limit": 1}).text)))
        assert len(one) == 1 and "historical" not in one[0]["aux"]  # the first row was historical: skipped in SQL
        rows = list(csv.DictReader(io.StringIO(
            c.get("/api/events.csv", params={"all": "true", "historical": "false"}).text)))
        assert sorted(r["event_id"] for r in rows) == sorted(e["id"] for e in kept["events"])
        # dyads and network take it too: the historical event's pair counts one event fewer
        dyads = c.get("/api/dyads", params={"all": "true", "by": "year"}).json()["dyads"]
        fewer = c.get("/api/dyads", params={"all": "true", "by": "year", "historical": "false"}).json()["dyads"]
        assert sum(d["count"] for d in fewer) == sum(d["count"] for d in dyads) - 1
        net = c.get("/api/network", params={"all": "true"}).json()
        net_fewer = c.get("/api/network", params={"all": "true", "historical": "false"}).json()
        assert sum(n["count"] for n in net_fewer["nodes"]) < sum(n["count"] for n in net["nodes"])


def test_event_files_have_a_fixed_schema_even_with_no_rows(client: httpx.Client) -> None:
    """The CSV's header and the Parquet's columns and types come from the store, not from the rows."""
    header = client.get("/api/events.csv").text.splitlines()[0].split(",")
    full = pq.read_table(io.BytesIO(client.get("/api/events.parquet").content))
    assert full.column_names == header
    assert str(full.schema.field("date").type) == "date32[day]"
    assert str(full.schema.field("aux").type).startswith("list<")
    none = {"name": "zzyzx", "all": "true"}  # a word in no name: no rows
    assert client.get("/api/events", params=none).json()["total"] == 0
    assert client.get("/api/events.csv", params=none).text.splitlines() == [",".join(header)]
    empty = pq.read_table(io.BytesIO(client.get("/api/events.parquet", params=none).content))
    assert empty.num_rows == 0 and empty.schema.equals(full.schema)


def test_places_say_how_many_places_a_limit_left_out(client: httpx.Client) -> None:
    every = client.get("/api/places", params={"all": "true"}).json()
    n = len(every["places"])
    assert every["left_out"] == 0 and n >= 3, "the corpus should place events in at least three places"
    for limit in [1, 2]:
        page = client.get("/api/places", params={"all": "true", "limit": limit}).json()
        assert len(page["places"]) == limit and page["left_out"] == n - limit, page
        assert page["places"] == every["places"][:limit]
        assert page["placed_events"] == every["placed_events"]


@pytest.fixture(scope="module")
def damaged_db(corpus: tuple[Path, list[Document]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus whose events hold actors that are not JSON (a file damaged outside eventwire)."""
    return _altered_copy(corpus[0], tmp_path_factory, "damaged", "UPDATE events SET actors_json = '[{not json'")


def test_an_unexpected_error_is_500_with_the_security_headers(damaged_db: Path, pipeline: Pipeline) -> None:
    """The catch-all handler answers from outside GuardMiddleware: it must send CSP and nosniff itself."""
    with LiveServer(create_app(damaged_db, pipeline=pipeline)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as c:
        r = c.get("/api/events", params={"all": "true"})
        err = _is_error(r, 500, "E510")
        assert "server log" in err["message"] and "json" not in err["message"].lower()
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer"


def test_the_app_can_be_served_again_after_a_shutdown(corpus: tuple[Path, list[Document]]) -> None:
    """Two servers one after the other on one app: the second has its read threads and extraction workers."""
    cfg = load_config(overrides={"pipeline.stages": ["clean", "nlp"], "api.extract_workers": 1,
                                 "api.extract_standby": 0})
    app = create_app(corpus[0], config=cfg)
    seen: list[set[int]] = []
    for _ in range(2):
        with LiveServer(app) as live:
            assert httpx.get(f"{live.url}/api/events", params={"limit": 1}, timeout=30).status_code == 200
            workers = httpx.get(f"{live.url}/api/health", timeout=30).json()["workers"]
            assert len(workers) == 1
            seen.append(set(workers))
            _wait_for_workers(live.url, 1)
            r = httpx.post(f"{live.url}/api/extract", json={"text": SHORT}, timeout=60)
            assert r.status_code == 200, r.text
    assert not seen[0] & seen[1], "the second server started workers of its own"


def test_dyads_and_network_take_the_event_filters(client: httpx.Client) -> None:
    """The same filters as /api/events (place, outlet, party, sector, article ...), not a hand-kept subset."""
    place = client.get("/api/places", params={"all": "true"}).json()["places"][0]["name"]
    events = client.get("/api/events", params={"all": "true", "place": place, "limit": 1000}).json()["events"]
    nodes = {n["id"] for n in client.get("/api/network", params={"all": "true", "place": place}).json()["nodes"]}
    ends = {p.get("code") or (p.get("name") or "").upper() for e in events for p in e["actor"][:1] + e["recipient"][:1]}
    assert nodes == ends - {""}, (place, nodes, ends)
    nothing = {"all": "true", "outlet": "no such outlet zzyzx"}
    assert client.get("/api/network", params=nothing).json()["nodes"] == []
    assert client.get("/api/dyads", params={**nothing, "by": "year"}).json()["total"] == 0
    for params in [{"place": "no such place zzyzx"}, {"article": "no-such-article"}, {"party": "zzyzx"}]:
        assert client.get("/api/dyads", params={"all": "true", "by": "year", **params}).json()["total"] == 0, params
        assert client.get("/api/network", params={"all": "true", **params}).json()["nodes"] == [], params
    _is_error(client.get("/api/network", params={"sector": "' OR 1=1"}), 422, "E502")
