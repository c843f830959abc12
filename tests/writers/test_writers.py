"""csv, gdelt and plover writers (extract) and every export format, loaded back by pandas, DuckDB, networkx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pytest
from store.factory import Ev, make_doc

from eventwire.store import Store, open_store
from eventwire.store.export import export
from eventwire.writers import get_writer
from eventwire.writers.csv import COLUMNS as CSV_COLUMNS
from eventwire.writers.gdelt import COLUMNS as GDELT_COLUMNS

TEXT_A = ("Sergei Lavrov met Walid al-Moualem in Sochi. John Kerry accused Sergei Lavrov of\tarming Damascus. "
          "The US military launched airstrikes on Islamic State in Raqqa.")
TEXT_B = "Walid al-Moualem held talks with Sergei Lavrov in Sochi, the ministry said."


def _docs() -> list:
    return [
        make_doc("a", TEXT_A, [
            Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi", cameo="040"),
            Ev("ACCUSE", "USAGOV", "RUSGOV", "2014-11-26", "accused", None, quad_class=3, goldstein=-2.0, cameo="112"),
            Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-11-25", "airstrikes", "Raqqa", quad_class=4, goldstein=-10.0,
               cameo="195", mode="aerial", aux=["hypothetical"]),
        ]),
        make_doc("b", TEXT_B, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-27", "held talks", "Sochi", cameo="040")],
                 outlet="TASS"),
    ]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        s.write(_docs())
        yield s


def test_extract_writers_give_one_row_per_event_mention() -> None:
    doc = _docs()[0]
    out = io.StringIO()
    w = get_writer("csv", out)
    w.write(doc)
    w.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["type"], r["actor_code"], r["recipient_code"], r["place"]) for r in rows] == [
        ("CONSULT", "RUSGOV", "SYRGOV", "Sochi"), ("ACCUSE", "USAGOV", "RUSGOV", ""),
        ("ASSAULT", "USAMIL", "IMGSYRREB", "Raqqa"),
    ]
    assert rows[2]["aux"] == "hypothetical" and rows[2]["mode"] == "aerial"
    assert rows[0]["evidence"] == "Sergei Lavrov met Walid al-Moualem in Sochi."

    out = io.StringIO()
    w = get_writer("gdelt", out)
    w.write(doc)
    w.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    first = lines[0].split("\t")
    assert first[1] == "20141126" and first[5] == "RUSGOV" and first[15] == "SYRGOV" and first[26] == "040"
    assert first[53] == "RS"  # ActionGeo_CountryCode is FIPS 10-4 (Russia), as in GDELT

    out = io.StringIO()
    w = get_writer("plover", out)
    w.write(doc)
    w.close()
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["event"] for r in recs] == [["CONSULT"], ["ACCUSE"], ["ASSAULT"]]
    assert recs[0]["actor"][0]["code"] == "RUSGOV" and recs[0]["date"] == "2014-11-26"
    assert recs[2]["event_scale"] == -9.5 and recs[2]["eventwire_aux"] == ["hypothetical"]


def test_csv_export_loads_in_pandas_and_duckdb(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export(store.con, "csv", path)
    df = pd.read_csv(path)
    assert len(df) == 3  # the two Sochi reports are one event
    assert list(df.columns) == list(CSV_COLUMNS)
    merged = df[df["type"] == "CONSULT"].iloc[0]
    assert merged["mention_count"] == 2 and merged["place"] == "Sochi"
    assert duckdb.sql("SELECT count(*) FROM read_csv_auto(?)", params=[str(path)]).fetchall()[0][0] == 3
    facts = tmp_path / "facts.csv"
    export(store.con, "csv", facts, all=False)
    assert len(pd.read_csv(facts)) == 2


def test_gdelt_export_has_61_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.gdelt.tsv"
    export(store.con, "gdelt", path)
    df = pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str, quoting=csv.QUOTE_NONE)
    assert df.shape == (3, 61)
    consult = df[df["EventCode"] == "040"].iloc[0]
    assert consult["NumMentions"] == "2" and consult["NumArticles"] == "2" and consult["NumSources"] == "2"
    assert consult["ActionGeo_FullName"] == "Sochi" and consult["ActionGeo_Type"] == "4"
    assert consult["EventRootCode"] == "04" and consult["Actor1Type1Code"] == "GOV"


def test_plover_export_is_json_lines(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export(store.con, "plover", path)
    df = pd.read_json(path, lines=True)
    assert len(df) == 3 and set(df["quad_code"]) == {1, 3, 4}


def test_parquet_export_keeps_the_schema(store: Store, tmp_path: Path) -> None:
    from eventwire.store.schema import TABLES

    result = export(store.con, "parquet", tmp_path / "pq")
    assert len(result["files"]) == len(TABLES)
    con = duckdb.connect()
    n = con.execute(
        "SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "pq" / "event_mentions.parquet")]
    ).fetchall()
    assert n[0][0] == 4
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert list(events.columns) == TABLES["events"].names and len(events) == 3
    import pyarrow.parquet as pq

    assert pq.read_schema(tmp_path / "pq" / "articles.parquet").remove_metadata() == TABLES["articles"]


def test_graphml_export_is_the_actor_network(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "net.graphml"
    export(store.con, "graphml", path)
    g = nx.read_graphml(path)
    assert set(g.nodes) == {"RUSGOV", "SYRGOV", "USAGOV"}  # the hypothetical strike is not in the graph
    assert g.nodes["RUSGOV"]["name"] == "Sergei Lavrov"
    consult = [d for _, _, d in g.edges("RUSGOV", data=True) if d.get("type") == "CONSULT"]
    assert len(consult) == 1 and consult[0]["weight"] == 1 and consult[0]["mentions"] == 2


def test_geojson_export_has_points_for_placed_events(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    export(store.con, "geojson", path)
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    coords = sorted(tuple(f["geometry"]["coordinates"]) for f in data["features"])
    assert coords == [(37.62, 55.75)] or coords == sorted([(39.73, 43.6), (39.01, 35.95)])
