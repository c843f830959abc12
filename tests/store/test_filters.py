"""Structured filters apart from name search: a country, a code, a sector or a CAMEO code matches only that
field, of every party; names match as whole words. `--actor-country RUS` returns only RUS."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.errors import EventwireError
from eventwire.store import Store, open_store
from eventwire.store.filters import FILTERS, check_filters, name_words

from .factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Alexander Lukashenko in Moscow. Nicos Anastasiades criticised Sergei Lavrov. "
        "Lloyd Russell-Moyle accused John Kerry. Sergei Lavrov and Walid al-Moualem praised John Kerry. "
        "The US military attacked Islamic State. Sergei Lavrov did not threaten Walid al-Moualem. "
        "Jack Letts rejected Nicos Anastasiades.")


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    doc = make_doc("f", TEXT, [
        Ev("CONSULT", "RUSGOV", "BLRGOV", "2014-11-26", "met", "Moscow", cameo="042"),
        Ev("ACCUSE", "CYPGOV", "RUSGOV", "2014-11-26", "criticised", None, quad_class=3, cameo="111"),
        Ev("ACCUSE", "GBRLEG", "USAGOV", "2014-11-26", "accused", None, quad_class=3, cameo="112"),
        Ev("SUPPORT", "SYRGOV+RUSGOV", "USAGOV", "2014-11-26", "praised", None, cameo="051"),
        Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-11-25", "attacked", None, quad_class=4, cameo="190"),
        Ev("THREATEN", "RUSGOV", "SYRGOV", "2014-11-26", "threaten", None, quad_class=3, cameo="130",
           aux=["negation"]),
        Ev("REJECT", "jack", "CYPGOV", "2014-11-26", "rejected", None, quad_class=3, cameo="120"),
    ])
    with open_store(":memory:") as s:
        s.write([doc])
        yield s


def _triggers(store: Store, **filters: object) -> set[str]:
    return {e["trigger_text"] for e in store.events(**filters)}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # only Russian actors: not Belarus, Cyprus, nor a name that contains "rus"
        ({"actor_country": "RUS"}, {"met", "praised"}),
        ({"actor_country": "rus"}, {"met", "praised"}),  # codes are upper-cased
        ({"recipient_country": "RUS"}, {"criticised"}),
        ({"actor_country": "RUS", "all": True}, {"met", "praised", "threaten"}),
        ({"country": "RUS"}, {"met", "criticised", "praised"}),  # actor, recipient or place
        # --actor RUS is the code RUS or the word "rus" in a name: neither Belarus nor Russell-Moyle
        ({"actor": "RUS"}, set()),
        ({"actor": "RUS*"}, {"met", "praised"}),  # a prefix, on every party (Lavrov is the second actor)
        ({"code": "RUSGOV"}, {"met", "criticised", "praised"}),
        ({"code": "USA*"}, {"accused", "praised", "attacked"}),
        ({"code": "BLR"}, set()),  # exact unless it ends in *
        ({"name": "Lavrov"}, {"met", "criticised", "praised"}),
        ({"name": "sergei lavrov"}, {"met", "criticised", "praised"}),
        ({"name": "rus"}, set()),  # whole words: not "Russell-Moyle"
        ({"name": "Russell"}, {"accused"}),
        ({"name": "al-Moualem"}, {"praised"}),
        ({"name": "Jack Letts"}, {"rejected"}),
        ({"sector": "LEG"}, {"accused"}),
        ({"actor_sector": "MIL"}, {"attacked"}),
        ({"recipient_sector": "GOV", "actor_country": "RUS"}, {"met", "praised"}),
        ({"cameo": "042"}, {"met"}),
        ({"cameo": "11*"}, {"criticised", "accused"}),
        ({"root_code": "19"}, {"attacked"}),
        ({"root_code": 5}, {"praised"}),
        ({"type": "ACCUSE", "actor_country": "CYP"}, {"criticised"}),
    ],
)
def test_structured_filters_match_only_their_field(store: Store, filters: dict, expected: set[str]) -> None:
    assert _triggers(store, **filters) == expected
    assert store.count_events(**filters) == len(expected)


def test_actor_country_rus_returns_only_rus(store: Store) -> None:
    rows = store.events(actor_country="RUS", all=True)
    assert rows
    import json

    for row in store.con.execute(
        "SELECT actors_json FROM events WHERE event_id IN (SELECT unnest(?))", [[r["event_id"] for r in rows]]
    ).fetchall():
        assert "RUS" in {p["country"] for p in json.loads(row[0])}
    assert not {"BLR", "CYP", "GBR"} & {r["actor_country"] for r in rows}


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        ({"actor_country": "Russia"}, ["actor_country", "three-letter"]),
        ({"country": "R"}, ["country"]),
        ({"code": "RUS GOV"}, ["code"]),
        ({"code": "*"}, ["code"]),
        ({"sector": "GOVT"}, ["sector"]),
        ({"cameo": "4"}, ["cameo"]),
        ({"cameo": "04x"}, ["cameo"]),
        ({"root_code": "21"}, ["root_code", "01 to 20"]),
        ({"name": "--"}, ["name"]),
        ({"quad_class": 7}, ["quad_class"]),
        ({"colour": "red"}, ["unknown filter"]),
    ],
)
def test_malformed_filter_values_are_coded_errors(store: Store, filters: dict, words: list[str]) -> None:
    with pytest.raises(EventwireError, match="E502") as err:
        store.events(**filters)
    for word in words:
        assert word in str(err.value)


def test_filter_names_and_folding() -> None:
    assert set(FILTERS) >= {"actor_country", "recipient_country", "sector", "code", "cameo", "root_code", "name"}
    assert name_words("Walid al-Moualem") == "walid al moualem"
    assert check_filters(code="rus*", cameo="04*", root_code="4")["code"] == "RUS*"
    assert check_filters(root_code="4")["root_code"] == "04"
    assert check_filters(type="consult, agree")["type"] == ["CONSULT", "AGREE"]
    assert check_filters()["all"] is False


def test_dyads_by_week_leave_a_year_only_date_in_no_week() -> None:
    doc = make_doc("w", "Sergei Lavrov met Walid al-Moualem. John Kerry accused Sergei Lavrov. "
                   "Jack Letts criticised John Kerry.", [
                       Ev("CONSULT", "RUSGOV", "SYRGOV", "2014", "met", None),
                       Ev("ACCUSE", "USAGOV", "RUSGOV", "2014-11-26", "accused", None, quad_class=3),
                       Ev("ACCUSE", "jack", "USAGOV", "2014-11", "criticised", None, quad_class=3),
                   ])
    with open_store(":memory:") as s:
        s.write([doc])
        weeks = {(r["actor"], r["actor_name"]): r["period"] for r in s.dyads("week")}
        months = {(r["actor"], r["actor_name"]): r["period"] for r in s.dyads("month")}
        years = {(r["actor"], r["actor_name"]): r["period"] for r in s.dyads("year")}
    assert weeks[("RUSGOV", "Sergei Lavrov")] is None  # not the week of 1 January
    assert months[("RUSGOV", "Sergei Lavrov")] is None and years[("RUSGOV", "Sergei Lavrov")] == "2014-01-01"
    assert weeks[("USAGOV", "John Kerry")] == "2014-11-24" and months[("USAGOV", "John Kerry")] == "2014-11-01"
    # the uncoded actor keeps its name and no code: "JACK LETTS" is never a code
    assert (None, "Jack Letts") in weeks and weeks[(None, "Jack Letts")] is None
    assert months[(None, "Jack Letts")] == "2014-11-01"
    assert not any(actor == "JACK LETTS" for actor, _ in weeks)
