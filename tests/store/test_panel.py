"""Panels (eventwire.store.panel) and the pandas entry points (eventwire.read_events, eventwire.read_panel).

A panel is zero-filled (every unit in every period of the span), counts per quad class with the Goldstein
sum and mean, and is precision-aware: a year-only event counts in its year and in no month, never January.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import eventwire
from eventwire.errors import EventwireError
from eventwire.events.ontology import PLOVER_TYPES
from eventwire.store import open_store
from eventwire.store.panel import QUADS, panel_coverage, panel_rows
from eventwire.store.schema import EVENTS

from .factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Walid al-Moualem in Sochi. John Kerry accused Sergei Lavrov. "
        "The US military bombed Islamic State in Raqqa. Sergei Lavrov visited Walid al-Moualem. "
        "Sergei Lavrov and Walid al-Moualem praised John Kerry. Jack Letts criticised John Kerry. "
        "John Kerry did not meet Sergei Lavrov. Sergei Lavrov thanked John Kerry.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "panel.duckdb"
    doc = make_doc("p", TEXT, [
        Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-01-15", "met", "Sochi", goldstein=1.0),
        Ev("ACCUSE", "USAGOV", "RUSGOV", "2014", "accused", None, quad_class=3, goldstein=-2.0, cameo="112"),
        Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-03", "bombed", "Raqqa", quad_class=4, goldstein=-10.0,
           cameo="195"),
        # the week of Monday 29 December 2014: its Thursday is 1 January 2015
        Ev("CONSULT", "RUSGOV", "SYRGOV", "2015-W01", "visited", None, goldstein=1.9, cameo="042"),
        Ev("SUPPORT", "RUSGOV+SYRGOV", "USAGOV", "2014-03-10", "praised", None, goldstein=3.0, cameo="051"),
        Ev("ACCUSE", "jack", "USAGOV", "2014-03-11", "criticised", None, quad_class=3, goldstein=-2.0, cameo="111"),
        Ev("CONSULT", "USAGOV", "RUSGOV", "2014-03-12", "meet", None, aux=["negation"]),
        Ev("SUPPORT", "RUSGOV", "USAGOV", None, "thanked", None, goldstein=3.0, cameo="051"),
    ])
    with open_store(path) as store:
        store.write([doc])
    return path


def _by(rows: list[dict], *keys: str) -> dict[tuple, dict]:
    return {tuple(r[k] for k in keys): r for r in rows}


def test_country_year_counts_a_year_only_event_in_its_year(db: Path) -> None:
    with open_store(db, read_only=True) as s:
        rows = list(panel_rows(s.con, "country-year"))
    by = _by(rows, "country", "year")
    assert set(by) == {(c, y) for c in ("RUS", "SYR", "USA") for y in (2014, 2015)}  # zero-filled
    usa = by[("USA", 2014)]  # accused (year-only), bombed (March): the negated meeting is no fact
    assert (usa["events"], usa["verbal_conflict"], usa["material_conflict"]) == (2, 1, 1)
    assert usa["goldstein_sum"] == -12.0 and usa["goldstein_mean"] == -6.0
    rus = by[("RUS", 2014)]  # met, praised (Lavrov is its second actor); the undated thanks in no year
    assert (rus["events"], rus["verbal_cooperation"]) == (2, 2)
    assert by[("RUS", 2015)]["events"] == 1  # the week whose Thursday is in 2015
    assert by[("USA", 2015)] == {**by[("USA", 2015)], "events": 0, "goldstein_sum": 0.0, "goldstein_mean": None}
    for r in rows:
        assert r["events"] >= sum(r[q] for q in QUADS.values())


def test_country_month_never_puts_a_year_in_january(db: Path) -> None:
    with open_store(db, read_only=True) as s:
        rows = list(panel_rows(s.con, "country-month"))
        coverage = panel_coverage(s.con, "country-month")
    by = _by(rows, "country", "year", "month")
    months = sorted({(y, m) for _, y, m in by})
    assert months[0] == (2014, 1) and months[-1] == (2015, 1) and len(months) == 13
    assert len(rows) == 3 * 13
    assert by[("USA", 2014, 1)]["events"] == 0  # the year-only accusation is not a January event
    assert by[("USA", 2014, 3)]["events"] == 1 and by[("RUS", 2014, 1)]["events"] == 1
    assert by[("RUS", 2015, 1)]["events"] == 1 and by[("RUS", 2014, 12)]["events"] == 0  # week of 1 January 2015
    assert coverage == {"counted": 4, "undated": 1, "too_coarse": 1, "no_country": 1}


def test_dyad_month_pairs_countries_and_leaves_uncoded_actors_out(db: Path) -> None:
    with open_store(db, read_only=True) as s:
        rows = list(panel_rows(s.con, "dyad-month", by_type=True))
        only_rus = list(panel_rows(s.con, "dyad-month", actor_country="RUS"))
        every = list(panel_rows(s.con, "dyad-month", all=True))
    pairs = {(r["actor_country"], r["recipient_country"]) for r in rows}
    # USA-RUS is only the year-only accusation (in no month) and the negated meeting (no fact)
    assert pairs == {("RUS", "SYR"), ("RUS", "USA"), ("SYR", "USA"), ("USA", "SYR")}
    by = _by(rows, "actor_country", "recipient_country", "year", "month")
    assert by[("RUS", "USA", 2014, 3)]["support"] == 1 and by[("SYR", "USA", 2014, 3)]["events"] == 1
    assert by[("USA", "SYR", 2014, 3)]["assault"] == 1 and by[("USA", "SYR", 2014, 3)]["material_conflict"] == 1
    assert {t.lower() for t in PLOVER_TYPES} <= set(rows[0])
    assert {r["actor_country"] for r in only_rus} == {"RUS"}
    assert sum(r["events"] for r in every) == sum(r["events"] for r in rows) + 1  # the negated meeting


def test_read_events_gives_typed_columns_and_the_same_filters(db: Path) -> None:
    facts = eventwire.read_events(db)
    every = eventwire.read_events(db, facts=False)
    assert list(facts.columns) == EVENTS.names and facts["is_fact"].all()
    assert len(every) == len(facts) + 1 and not every["is_fact"].all()
    assert pd.api.types.is_bool_dtype(facts["is_fact"]) and pd.api.types.is_integer_dtype(facts["quad_class"])
    assert pd.api.types.is_float_dtype(facts["goldstein"])
    assert isinstance(facts["date"].dropna().iloc[0], dt.date)  # DATE columns arrive as dates
    assert all(len(aux) == 0 for aux in facts["aux"]) and list(every.loc[~every["is_fact"], "aux"].iloc[0]) == [
        "negation"]
    rus = eventwire.read_events(db, actor_country="RUS", columns=["event_id", "type", "actor_country"])
    assert list(rus.columns) == ["event_id", "type", "actor_country"] and set(rus["type"]) == {"CONSULT", "SUPPORT"}
    with pytest.raises(EventwireError, match="no such column"):
        eventwire.read_events(db, columns=["nope"])
    panel = eventwire.read_panel(db, by="country-month")
    assert len(panel) == 3 * 13 and panel["events"].sum() == 5
    assert pd.api.types.is_integer_dtype(panel["events"]) and panel["goldstein_mean"].isna().any()
