"""Issue 22: exports stream from DuckDB (batch by batch, range by range) with the same output as one sorted
query; DuckDB's memory is capped for an export and given back; --since exports what was stored or updated
since a day; dyads page and count in SQL. Behaviour only: the timings are bench/scale.py's."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import EventwireError
from eventwire.store import Store, open_store
from eventwire.store import export as export_module
from eventwire.store.db import bounded_memory
from eventwire.store.export import ROW_FORMATS, batch_extras, event_rows_sql, export
from eventwire.store.filters import event_filters
from eventwire.writers import get_writer
from eventwire.writers.tabular import EventRowWriter
from store.factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Walid al-Moualem in Sochi. John Kerry accused Sergei Lavrov. "
        "Sergei Lavrov praised Walid al-Moualem in Moscow. John Kerry did not meet Walid al-Moualem. "
        "The US military launched airstrikes on Islamic State in Raqqa.")


def _events(day: str | None) -> list[Ev]:
    return [
        Ev("CONSULT", "RUSGOV", "SYRGOV", day, "met", "Sochi", cameo="042"),
        Ev("ACCUSE", "USAGOV", "RUSGOV", day, "accused", None, quad_class=3, cameo="112"),
        Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014" if day else None, "praised", "Moscow", cameo="051"),
        Ev("CONSULT", "USAGOV", "SYRGOV", day, "did not meet", None, aux=["negation"]),
        Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-11" if day else None, "airstrikes", "Raqqa", quad_class=4,
           goldstein=-10.0, cameo="195"),
    ]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """Articles written one by one (so first_seen differs), several on one day, some undated."""
    days = ["2014-11-26", "2014-11-26", "2014-11-26", "2014-11-27", None, None, "2014-12-01"]
    with open_store(":memory:") as s:
        for i, day in enumerate(days):
            s.write([make_doc(f"d{i}", TEXT + f" Report {i}.", _events(day), published="2014-11-28")])
        yield s


def _one_query_rows(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """The rows as one sorted query gives them (how exports were made before they streamed by range)."""
    where, params = event_filters(**filters)
    table = store.con.sql(event_rows_sql(where), params=params).to_arrow_table()
    rows: list[dict[str, Any]] = []
    for batch in table.to_batches():
        extras = batch_extras(store.con.cursor(), batch, with_places=True)
        rows += [{**r, **extras.get(r["first_article_id"], {"mentions_by_actor": {}})} for r in batch.to_pylist()]
    return rows


@pytest.mark.parametrize("fmt", ROW_FORMATS)
def test_an_export_reaches_its_writer_in_batches_with_the_output_of_one_query(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    reference = tmp_path / f"reference.{fmt}"
    with reference.open("w", encoding="utf-8", newline="") as fh:
        writer = get_writer(fmt, fh, facts=False, path=reference)
        assert isinstance(writer, EventRowWriter)
        writer.write_rows(_one_query_rows(store, all=True))
        writer.close()

    calls: list[int] = []
    original = EventRowWriter.write_rows

    def spy(self: EventRowWriter, rows: Any) -> None:
        rows = list(rows)
        calls.append(len(rows))
        original(self, rows)

    monkeypatch.setattr(EventRowWriter, "write_rows", spy)
    monkeypatch.setattr(export_module, "BATCH_ROWS", 2)
    monkeypatch.setattr(export_module, "CHUNK_ROWS", 3)
    streamed = tmp_path / f"streamed.{fmt}"
    result = export(store.con, fmt, streamed, all=True)
    n = store.count_events(all=True)
    assert sum(calls) == n and len(calls) > n // 3 and max(calls) <= 2  # many small batches, every event once
    assert result["files"][str(streamed)] == n
    assert streamed.read_bytes() == reference.read_bytes()


def test_ranges_keep_the_store_order_and_cut_a_crowded_day(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "BATCH_ROWS", 2)
    where, params = event_filters(all=True)
    ranges = export_module.sort_ranges(store.con, where, params, chunk_rows=3)
    assert len(ranges) > 3 and any("first_seen" in cond for cond, _ in ranges)  # a day of 9 events is cut
    streamed = [i for b in export_module.event_batches(store.con, all=True) for i in b.column("event_id").to_pylist()]
    assert streamed == [r["event_id"] for r in store.events(limit=None, all=True)]


def test_geojson_streams_by_range_with_the_same_output(store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    whole = export(store.con, "geojson", tmp_path / "whole.geojson", all=True)
    monkeypatch.setattr(export_module, "BATCH_ROWS", 1)
    monkeypatch.setattr(export_module, "CHUNK_ROWS", 2)
    parts = export(store.con, "geojson", tmp_path / "parts.geojson", all=True)
    assert list(whole["files"].values()) == list(parts["files"].values())
    assert (tmp_path / "whole.geojson").read_bytes() == (tmp_path / "parts.geojson").read_bytes()


def test_an_export_caps_duckdb_memory_and_gives_the_setting_back(store: Store, tmp_path: Path) -> None:
    def limit() -> str:
        return str(store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])

    before = limit()
    seen: list[str] = []
    with bounded_memory(store.con, "100MB"):
        seen.append(limit())
    assert seen[0] != before and "MiB" in seen[0] and limit() == before
    export(store.con, "csv", tmp_path / "x.csv")
    assert limit() == before
    with pytest.raises(EventwireError):
        export(store.con, "csv", tmp_path / "y.csv", memory_limit="lots; DROP TABLE events")


def test_since_exports_only_what_was_stored_or_updated_since_that_day(tmp_path: Path) -> None:
    with open_store(":memory:") as s:
        s.write([make_doc("old", TEXT, _events("2014-11-26"))])
        s.write([make_doc("new", TEXT + " Later.", _events("2014-12-02"))])
        s.con.execute("UPDATE events SET last_seen = TIMESTAMP '2020-01-01 10:00:00' "
                      "WHERE first_article_id = 'old'")
        everything = s.count_events()
        new = int(s.con.execute("SELECT count(*) FROM events WHERE is_fact AND first_article_id = 'new'")
                  .fetchall()[0][0])  # the events the new article reported first (the rest: updated in 2020)
        assert 0 < new < everything
        since = export(s.con, "csv", tmp_path / "since.csv", since="2021-01-01")["files"]
        assert list(since.values()) == [new]
        today = dt.date.today() + dt.timedelta(days=2)
        assert list(export(s.con, "csv", tmp_path / "none.csv", since=today)["files"].values()) == [0]
        assert s.count_events(since="2019-12-31") == everything


def test_cli_export_since_refuses_a_malformed_day(tmp_path: Path) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["export", "--db", "x.duckdb", "--since", "2014-13-01", "-o", "x.csv"])
    finally:
        os.chdir(old)
    assert result.exit_code != 0 and "E112" in result.output and "--since" in result.output


def test_dyads_page_and_count_in_sql(store: Store) -> None:
    every = store.dyads("month", all=True)
    page = store.dyads("month", limit=2, offset=1, all=True)
    assert page == every[1:3]
    totals = store.dyad_totals("month", all=True)
    assert totals["rows"] == len(every)
    assert totals["unplaced"] == sum(r["events"] for r in every if r["period"] is None) > 0
    placed = store.dyads("month", placed=True, all=True)
    assert placed and all(r["period"] is not None for r in placed)


def test_the_same_queries_run_on_parquet_tables(store: Store, tmp_path: Path) -> None:
    """A folder of Parquet tables (a parquet export here; `eventwire spark` writes one folder per table) is
    queried with the store's own SQL: dyads, panels and exports give what the store gives."""
    from eventwire.store import queries
    from eventwire.store.db import parquet_views
    from eventwire.store.panel import panel_reader

    export(store.con, "parquet", tmp_path / "tables", all=True)
    spark_like = tmp_path / "spark"
    (spark_like / "events").mkdir(parents=True)
    (tmp_path / "tables" / "events.parquet").rename(spark_like / "events" / "part-00000.parquet")
    for name in (tmp_path / "tables").iterdir():
        name.rename(spark_like / name.name)
    con = parquet_views(spark_like)
    assert queries.dyads(con, "month", all=True) == store.dyads("month", all=True)
    assert panel_reader(con, "dyad-month").read_all().equals(panel_reader(store.con, "dyad-month").read_all())
    export(con, "gdelt", tmp_path / "from-parquet.tsv", all=True)
    export(store.con, "gdelt", tmp_path / "from-store.tsv", all=True)
    assert (tmp_path / "from-parquet.tsv").read_bytes() == (tmp_path / "from-store.tsv").read_bytes()


def test_network_summary_keeps_the_most_active_nodes_and_their_edges(store: Store) -> None:
    from eventwire.store.queries import network_summary

    full = network_summary(store.con, 1000, all=True)
    top = network_summary(store.con, 2, all=True)
    counts = [n["count"] for n in full["nodes"]]
    assert counts == sorted(counts, reverse=True) and sum(counts) > 0
    assert [n["id"] for n in top["nodes"]] == [n["id"] for n in full["nodes"][:2]]
    kept = {n["id"] for n in top["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept and e["source"] != e["target"] for e in top["edges"])
    assert all(sum(e["quad"].values()) == e["count"] for e in full["edges"])
    assert any(e["quad"].get("4") for e in full["edges"])  # the airstrikes: material conflict


def test_cli_dyads_table_shows_a_page_and_says_what_it_left_out(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with open_store(db) as s:
        for i, day in enumerate(["2014-11-26", "2014-12-01", None]):
            s.write([make_doc(f"d{i}", TEXT + f" Report {i}.", _events(day))])
        every = len(s.dyads("month"))
    runner = CliRunner()
    table = runner.invoke(app, ["dyads", "--db", str(db), "--by", "month", "--limit", "1"])
    assert table.exit_code == 0, table.output
    assert f"1 of {every} dyad rows shown" in table.output and "no date as precise as a month" in table.output
    as_csv = runner.invoke(app, ["dyads", "--db", str(db), "--by", "month", "-f", "csv"])
    assert as_csv.exit_code == 0 and len(as_csv.stdout.strip().splitlines()) == every + 1  # csv: every row
