"""Dyads and the network group parties alike (store.queries.node_key: the code, else the name upper-cased)
and name them deterministically, so pages of dyads neither repeat nor skip rows and the GraphML export and
the REST API's network have the same nodes. Real DuckDB file, real rows (copies made in SQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from eventwire.store import Store, open_store
from eventwire.store.export import export
from eventwire.store.queries import dyad_totals, dyads, dyads_page, network, network_summary
from store.factory import Ev, make_doc

TEXT = ("Sergei Lavrov met Walid al-Moualem in Sochi. Jack Letts criticised John Kerry. "
        "John Kerry accused Jack Letts.")
COPIES = 6


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Each event six times on one day. Copies 1-5 of the meeting name RUSGOV "Anatoly Antonov" (the first
    row keeps "Sergei Lavrov"); copies 4 and 5 write the uncoded Jack Letts as "jack letts"."""
    path = tmp_path_factory.mktemp("keys") / "keys.duckdb"
    with open_store(path) as s:
        s.write([make_doc("d", TEXT, [
            Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi"),
            Ev("ACCUSE", "jack", "USAGOV", "2014-11-26", "criticised", None, quad_class=3, cameo="111"),
            Ev("ACCUSE", "USAGOV", "jack", "2014-11-26", "accused", None, quad_class=3, cameo="112"),
        ])])
        s.con.execute(
            "INSERT INTO events SELECT e.* REPLACE (event_id || '-r' || i AS event_id, "
            "CASE WHEN actor_code = 'RUSGOV' THEN 'Anatoly Antonov' "
            "WHEN i >= 4 AND actor_code IS NULL THEN 'jack letts' ELSE actor_name END AS actor_name, "
            "CASE WHEN i >= 4 AND recipient_code IS NULL THEN 'jack letts' ELSE recipient_name END AS recipient_name"
            ") FROM events e, range(1, ?) AS r(i)", [COPIES])
        yield s


def test_dyad_names_are_the_smallest_and_pages_cover_every_row_once(store: Store) -> None:
    every = dyads(store.con, "month")
    russia = [r for r in every if r["actor"] == "RUSGOV"]
    assert [r["actor_name"] for r in russia] == ["Anatoly Antonov"] and russia[0]["events"] == COPIES
    pages = [row for k in range(len(every) + 1) for row in dyads(store.con, "month", limit=1, offset=k)]
    assert pages == every


def test_uncoded_names_differing_in_case_are_one_dyad_party(store: Store) -> None:
    jack = [r for r in dyads(store.con, "month") if r["actor"] is None]
    assert len(jack) == 1 and jack[0]["events"] == COPIES and jack[0]["actor_name"] == "Jack Letts"


def test_graphml_and_the_api_network_have_the_same_nodes(store: Store, tmp_path: Path) -> None:
    graph = network(store.con)
    names = {n["id"]: n for n in graph["nodes"]}
    assert set(names) == {"RUSGOV", "SYRGOV", "USAGOV", "Jack Letts"}  # not "jack letts" as a second node
    assert names["Jack Letts"]["coded"] is False and names["Jack Letts"]["events"] == 2 * COPIES
    assert names["RUSGOV"]["name"] == "Anatoly Antonov"  # 5 of 6 rows: the most common name
    weights = {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}
    assert weights[("Jack Letts", "USAGOV")] == COPIES and weights[("USAGOV", "Jack Letts")] == COPIES

    export(store.con, "graphml", tmp_path / "net.graphml")
    g = nx.read_graphml(tmp_path / "net.graphml")
    assert set(g.nodes) == set(names) and g.nodes["Jack Letts"]["name"] == "Jack Letts"

    summary = network_summary(store.con, 10)
    nodes = {n["id"]: n for n in summary["nodes"]}
    assert set(nodes) == {"RUSGOV", "SYRGOV", "USAGOV", "JACK LETTS"}  # the API's key: the same four parties
    assert nodes["JACK LETTS"]["count"] == 2 * COPIES and nodes["JACK LETTS"]["name"] == "Jack Letts"
    assert nodes["RUSGOV"]["name"] == "Anatoly Antonov"


@pytest.mark.parametrize(("limit", "offset"), [(None, 0), (1, 0), (2, 1), (2, 50)])
def test_one_dyad_query_gives_the_page_and_the_totals(store: Store, limit: int | None, offset: int) -> None:
    rows, totals = dyads_page(store.con, "week", limit=limit, offset=offset, all=True)
    assert rows == dyads(store.con, "week", limit=limit, offset=offset, all=True)
    assert totals == dyad_totals(store.con, "week", all=True)
