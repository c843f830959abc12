"""A Parquet export narrowed by a filter or --since writes the per-article tables (articles, actors,
mentions, places, times, quotes) for the articles of the selected events only; unfiltered, every stored
article. Real DuckDB file, real rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.store import Store, open_store
from eventwire.store.export import export
from eventwire.store.schema import TABLES
from store.factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Walid al-Moualem in Sochi. John Kerry accused Sergei Lavrov. "
        "The US military launched airstrikes on Islamic State in Raqqa.")
PER_ARTICLE = ("articles", "actors", "mentions", "places", "quotes", "times")


def _events(day: str) -> list[Ev]:
    return [
        Ev("CONSULT", "RUSGOV", "SYRGOV", day, "met", "Sochi", cameo="042"),
        Ev("ASSAULT", "USAMIL", "IMGSYRREB", day, "airstrikes", "Raqqa", quad_class=4, goldstein=-10.0,
           cameo="195"),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Two articles reporting events a week apart, and one that reports none."""
    with open_store(tmp_path_factory.mktemp("pq") / "news.duckdb") as s:
        s.write([make_doc("old", TEXT, _events("2014-11-26"))])
        s.write([make_doc("new", TEXT + " Later.", _events("2014-12-03"))])
        s.write([make_doc("quiet", "Sergei Lavrov spoke in Moscow.", [])])
        s.con.execute("UPDATE events SET last_seen = TIMESTAMP '2020-01-01 10:00:00' "
                      "WHERE first_article_id = 'old'")
        yield s


def _article_ids(folder: Path, table: str) -> set[str]:
    rows = duckdb.sql(f"SELECT DISTINCT article_id FROM read_parquet('{folder / f'{table}.parquet'}')").fetchall()
    return {r[0] for r in rows}


def test_an_unfiltered_export_writes_every_article(store: Store, tmp_path: Path) -> None:
    export(store.con, "parquet", tmp_path / "all", all=True)
    assert _article_ids(tmp_path / "all", "articles") == {"old", "new", "quiet"}
    assert _article_ids(tmp_path / "all", "mentions") == {"old", "new"}  # the quiet one names no actor


@pytest.mark.parametrize("narrow", [{"start": "2014-12-01"}, {"since": "2021-01-01"}])
def test_a_filtered_export_writes_the_articles_of_its_events_only(store: Store, tmp_path: Path,
                                                                   narrow: dict[str, str]) -> None:
    result = export(store.con, "parquet", tmp_path / "new", **narrow)
    assert set(result["files"]) == {str(tmp_path / "new" / f"{t}.parquet") for t in TABLES}
    assert _article_ids(tmp_path / "new", "event_mentions") == {"new"}
    for table in PER_ARTICLE:
        assert _article_ids(tmp_path / "new", table) <= {"new"}, table
    assert _article_ids(tmp_path / "new", "articles") == {"new"}
    stored = store.con.execute("SELECT count(*) FROM mentions WHERE article_id = 'new'").fetchall()[0][0]
    assert result["files"][str(tmp_path / "new" / "mentions.parquet")] == stored > 0  # each article whole
