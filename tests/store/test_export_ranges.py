"""An export cut into ranges (store.export.sort_ranges) writes every selected event exactly once and in the
export's order, whatever the events' first_seen: NULL for some (an event with no mention time), or one
instant for all (a Spark run stamps every row with the same ingested_at). Real DuckDB files, real rows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store, open_store
from eventwire.store import export as export_module
from eventwire.store.export import event_batches, export
from eventwire.store.filters import event_filters
from store.factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Walid al-Moualem in Sochi. John Kerry accused Sergei Lavrov. "
        "The US military launched airstrikes on Islamic State in Raqqa.")
DAY = "2014-11-26"
COPIES = 10  # 3 events a copy: 30 events on DAY and 30 undated ones


def _events(day: str | None) -> list[Ev]:
    return [
        Ev("CONSULT", "RUSGOV", "SYRGOV", day, "met", "Sochi", cameo="042"),
        Ev("ACCUSE", "USAGOV", "RUSGOV", day, "accused", None, quad_class=3, cameo="112"),
        Ev("ASSAULT", "USAMIL", "IMGSYRREB", day, "airstrikes", "Raqqa", quad_class=4, goldstein=-10.0,
           cameo="195"),
    ]


def _crowded_store(path: Path) -> Store:
    """30 events on one day and 30 undated: one article of each, its events copied in SQL (as bench/scale.py
    grows a store) with first_seen one second apart."""
    store = open_store(path)
    store.write([make_doc("dated", TEXT, _events(DAY))])
    store.write([make_doc("undated", TEXT + " Later.", _events(None))])
    store.con.execute(
        "INSERT INTO events SELECT e.* REPLACE (event_id || '-r' || i AS event_id, "
        "first_seen + to_seconds(i) AS first_seen) FROM events e, range(1, ?) AS r(i)", [COPIES])
    return store


@pytest.fixture
def nulls(tmp_path: Path) -> Iterator[Store]:
    """Three events of the day and three undated ones have no first_seen."""
    with _crowded_store(tmp_path / "nulls.duckdb") as store:
        for dated in ("IS NOT NULL", "IS NULL"):
            store.con.execute(
                f"UPDATE events SET first_seen = NULL WHERE event_id IN (SELECT event_id FROM events "
                f"WHERE date {dated} ORDER BY event_id LIMIT 3)")
        yield store


@pytest.fixture
def one_instant(tmp_path: Path) -> Iterator[Store]:
    """Every event has the same first_seen, as in the output of one Spark run."""
    with _crowded_store(tmp_path / "spark.duckdb") as store:
        store.con.execute("UPDATE events SET first_seen = TIMESTAMP '2024-05-01 12:00:00'")
        yield store


def _streamed_ids(store: Store) -> list[str]:
    return [i for batch in event_batches(store.con, all=True) for i in batch.column("event_id").to_pylist()]


def _check_every_event_once_in_order(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [r["event_id"] for r in store.events(limit=None, all=True)]
    assert len(expected) == 2 * 3 * COPIES
    monkeypatch.setattr(export_module, "CHUNK_ROWS", 4)
    monkeypatch.setattr(export_module, "BATCH_ROWS", 3)
    where, params = event_filters(all=True)
    ranges = export_module.sort_ranges(store.con, where, params)
    assert len(ranges) >= 2 * -(-3 * COPIES // 4)  # both crowded groups are cut into ranges of 4 at most
    for cond, extra in ranges:
        narrowed = f"{where} AND {cond}" if where else f" WHERE {cond}"
        held = store.con.execute(f"SELECT count(*) FROM events e{narrowed}", params + extra).fetchall()
        assert held[0][0] <= 4, cond
    assert _streamed_ids(store) == expected
    out = tmp_path / "events.csv"
    result = export(store.con, "csv", out, all=True)
    assert result["files"][str(out)] == len(expected)
    with out.open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(expected)


def test_events_without_first_seen_are_exported_once_and_last(nulls: Store, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _check_every_event_once_in_order(nulls, tmp_path, monkeypatch)


def test_a_day_of_events_stored_at_one_instant_is_still_cut(one_instant: Store, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _check_every_event_once_in_order(one_instant, tmp_path, monkeypatch)
