"""The DuckDB store: idempotent, transactional batches, stable schema, queries with filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.document import Document, Quote, Time
from eventwire.errors import EventwireError
from eventwire.store import TABLES, Store, document_rows, open_store
from eventwire.store.schema import ARTICLE_TABLES

from .factory import Ev, make_doc

SYRIA = ("Russia's Sergei Lavrov met Walid al-Moualem in Sochi and pledged support. "
         "Separately, John Kerry accused Sergei Lavrov of arming Damascus.")
RAQQA = ("The US military carried out airstrikes on Islamic State in Raqqa on Tuesday. "
         "Walid al-Moualem said Syria had not been informed, and John Kerry did not meet him.")


def _docs() -> list[Document]:
    return [
        make_doc("syria-1", SYRIA, [
            Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi", quad_class=1, goldstein=4.0),
            Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014-11-26", "pledged", None, quad_class=1, goldstein=3.0),
            Ev("ACCUSE", "USAGOV", "RUSGOV", "2014-11-27", "accused", None, quad_class=3, goldstein=-2.0, cameo="112"),
        ], outlet="VOV"),
        make_doc("raqqa-1", RAQQA, [
            Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-11-25", "airstrikes", "Raqqa", quad_class=4, goldstein=-10.0,
               cameo="195", mode="aerial"),
            Ev("CONSULT", "USAGOV", "SYRGOV", "2014-11-25", "meet", None, aux=["negation"]),
        ], published="2014-11-26", outlet="Reuters"),
    ]


def test_rows_match_the_arrow_schemas() -> None:
    """document_rows is what Spark calls: every table's rows have exactly the schema's columns."""
    doc = _docs()[0]
    i = SYRIA.index("Sochi")
    doc.times.append(Time(id="t0", text="Sochi", start=i, end=i + 5, timex="2014-11-26"))
    doc.quotes.append(Quote(id="q0", speaker="a0", text="pledged support", start=i, end=i + 5, kind="indirect"))
    rows = document_rows(doc)
    assert set(rows) == set(ARTICLE_TABLES)
    for table, table_rows in rows.items():
        assert table_rows, table
        assert set(table_rows[0]) == set(TABLES[table].names), table


def test_writing_twice_keeps_the_same_counts(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    with open_store(db) as store:
        first = store.write(_docs())
        counts = store.counts()
    with open_store(db) as store:
        again = store.write(_docs() + _docs())
        assert store.counts() == counts
    assert first.articles == 2 and again.articles == 0 and again.skipped == 4
    assert counts["articles"] == 2 and counts["events"] == 5 and counts["event_mentions"] == 5
    assert counts["actors"] == 7 and counts["places"] == 2


def test_a_failed_batch_leaves_nothing_and_a_rerun_completes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One transaction per batch: a crash while writing events rolls back the batch's articles too."""
    db = tmp_path / "ew.duckdb"
    docs = _docs()
    with open_store(db) as store:
        store.write(docs[:1])
        before = store.counts()
        original = store._insert

        def crash_on_events(table: str, rows: list) -> None:
            if table == "events":
                raise RuntimeError("killed")
            original(table, rows)

        monkeypatch.setattr(store, "_insert", crash_on_events)
        with pytest.raises(RuntimeError):
            store.write(docs[1:])
        assert store.counts() == before
        monkeypatch.setattr(store, "_insert", original)
        store.write(docs)  # resume with the whole input: nothing lost, nothing doubled
        after = store.counts()
    assert after["articles"] == 2 and after["event_mentions"] == 5 and after["events"] == 5


def test_same_id_different_article_is_kept_under_a_new_id() -> None:
    with open_store(":memory:") as store:
        store.write([make_doc("story", SYRIA, [])])
        stats = store.write([make_doc("story", RAQQA, [])])
        assert stats.articles == 1 and stats.renamed and stats.renamed[0].startswith("story-")
        assert store.article(stats.renamed[0])["article"]["text"] == RAQQA
        assert store.article("story")["article"]["text"] == SYRIA


def test_article_returns_the_document_json() -> None:
    doc = _docs()[0]
    with open_store(":memory:") as store:
        store.write([doc])
        stored = store.article("syria-1")
    assert Document.from_dict(stored).model_dump() == doc.model_dump()
    assert store_missing_is_none()


def store_missing_is_none() -> bool:
    with open_store(":memory:") as store:
        return store.article("nope") is None


@pytest.fixture(scope="module")
def loaded() -> Iterator[Store]:
    """One store with both articles, shared by the read-only query tests."""
    with open_store(":memory:") as store:
        store.write(_docs())
        yield store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"CONSULT@syria-1", "SUPPORT@syria-1", "ACCUSE@syria-1", "ASSAULT@raqqa-1"}),
        ({"all": True}, {"CONSULT@syria-1", "SUPPORT@syria-1", "ACCUSE@syria-1", "ASSAULT@raqqa-1", "CONSULT@raqqa-1"}),
        ({"actor": "RUSGOV"}, {"CONSULT@syria-1", "SUPPORT@syria-1"}),
        ({"actor": "lavrov"}, {"CONSULT@syria-1", "SUPPORT@syria-1"}),
        ({"recipient": "rusgov"}, {"ACCUSE@syria-1"}),
        ({"party": "Kerry", "all": True}, {"ACCUSE@syria-1", "CONSULT@raqqa-1"}),
        ({"country": "USA"}, {"ACCUSE@syria-1", "ASSAULT@raqqa-1"}),
        ({"type": "consult,assault"}, {"CONSULT@syria-1", "ASSAULT@raqqa-1"}),
        ({"quad_class": 4}, {"ASSAULT@raqqa-1"}),
        ({"start": "2014-11-26", "end": "2014-11-26"}, {"CONSULT@syria-1", "SUPPORT@syria-1"}),
        ({"place": "raqqa"}, {"ASSAULT@raqqa-1"}),
        ({"outlet": "reuters", "all": True}, {"ASSAULT@raqqa-1", "CONSULT@raqqa-1"}),
        # % and _ in a name are literal characters, not wildcards
        ({"actor": "l_vrov"}, set()),
        ({"outlet": "%", "all": True}, set()),
        ({"place": "r_qqa"}, set()),
    ],
)
def test_event_filters(loaded: Store, filters: dict, expected: set[str]) -> None:
    got = {f"{e['type']}@{e['first_article_id']}" for e in loaded.events(**filters)}
    assert got == expected


def test_bad_filter_value_is_a_coded_error(loaded: Store) -> None:
    with pytest.raises(EventwireError, match="E502"):
        loaded.events(start="last tuesday")
    with pytest.raises(EventwireError, match="E502"):
        loaded.dyads("fortnight")


def test_filter_values_are_parameters_not_sql(loaded: Store) -> None:
    assert loaded.events(actor="x' OR 1=1 --") == []
    assert loaded.counts()["events"] == 5


def test_dyads_sum_goldstein_and_plover_scores_by_month(loaded: Store) -> None:
    rows = loaded.dyads("month")
    by_pair = {(r["actor"], r["recipient"]): r for r in rows}
    ru_sy = by_pair[("RUSGOV", "SYRGOV")]
    assert ru_sy["period"] == "2014-11-01"
    assert ru_sy["events"] == 2 and ru_sy["goldstein_sum"] == 7.0
    assert ru_sy["plover_sum"] == 2.5 + 5.0  # CONSULT + SUPPORT in the PLOVER manual's table
    assert by_pair[("USAMIL", "IMGSYRREB")]["plover_sum"] == -9.5  # ASSAULT:Aerial
    assert ("USAGOV", "SYRGOV") not in by_pair  # the negated meeting is not a fact


def test_actors_and_network(loaded: Store) -> None:
    lavrov = loaded.actors("lavrov")
    graph = loaded.network()
    assert [a["code"] for a in lavrov] == ["RUSGOV"]
    assert lavrov[0]["events_as_actor"] == 2 and lavrov[0]["events_as_recipient"] == 1
    edges = {(e["source"], e["target"], e["type"]): e["weight"] for e in graph["edges"]}
    assert edges[("RUSGOV", "SYRGOV", "CONSULT")] == 1 and edges[("USAGOV", "RUSGOV", "ACCUSE")] == 1
    assert {n["id"] for n in graph["nodes"]} == {"RUSGOV", "SYRGOV", "USAGOV", "USAMIL", "IMGSYRREB"}


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="E501"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def _write_then_die(db: str, n_batches_ok: int) -> None:
    """Child process: commit some batches, then SIGKILL itself in the middle of the next transaction."""
    import os
    import signal

    with open_store(db) as store:
        docs = _many_docs()
        for i in range(n_batches_ok):
            store.write(docs[2 * i: 2 * i + 2])
        original = store._insert

        def die_on_events(table: str, rows: list) -> None:
            if table == "events":
                os.kill(os.getpid(), signal.SIGKILL)
            original(table, rows)

        store._insert = die_on_events  # type: ignore[method-assign]
        store.write(docs[2 * n_batches_ok:])


def _many_docs() -> list[Document]:
    out = []
    for i in range(8):
        day = f"2014-11-{2 + 3 * i:02d}"  # 3 days apart: no two reports merge
        out.append(make_doc(f"m{i}", SYRIA + f" Report {i}.", [
            Ev("CONSULT", "RUSGOV", "SYRGOV", day, "met", "Sochi"),
            Ev("ACCUSE", "USAGOV", "RUSGOV", day, "accused", None, quad_class=3),
        ]))
    return out


def test_sigkill_during_a_transaction_loses_only_that_batch(tmp_path: Path) -> None:
    import multiprocessing as mp

    db = str(tmp_path / "killed.duckdb")
    child = mp.get_context("fork").Process(target=_write_then_die, args=(db, 2))
    child.start()
    child.join(120)
    assert child.exitcode == -9  # really killed
    with open_store(db) as store:
        assert store.counts()["articles"] == 4 and store.counts()["event_mentions"] == 8
        stats = store.write(_many_docs())  # the resumed run
        counts = store.counts()
        dupes = store.con.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles").fetchall()[0][0]
    assert stats.skipped == 4 and stats.articles == 4 and dupes == 0
    assert counts["articles"] == 8 and counts["event_mentions"] == 16 and counts["events"] == 16
