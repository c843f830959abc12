"""Every output format, loaded back the way its users load it: GDELT 2.0 by pandas with the official column
names and dtypes, PLOVER JSON against the manual's "Data Fields" chapter, the ICEWS and POLECAT layouts by
column name, the R-friendly CSV with the types of its codebook, Parquet by DuckDB and pandas, GraphML by
networkx, GeoJSON as JSON. Facts only unless asked, everywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import networkx as nx
import pandas as pd
import pytest
from store.factory import PLACES, Ev, make_doc

from eventwire.document import NON_FACT_AUX, Document
from eventwire.rows import plover_contexts, plover_modes
from eventwire.store import Store, open_store
from eventwire.store.export import FORMATS, export
from eventwire.writers import gdelt, get_writer, icews, polecat, rcsv
from eventwire.writers.csv import COLUMNS as CSV_COLUMNS

# One paragraph, no breaks (as most feeds give it): the title, then seven sentences.
TEXT_A = (
    "Lavrov meets Moualem in Sochi. Sergei Lavrov met Walid al-Moualem in Sochi on Wednesday. "
    "John Kerry accused Lavrov of arming Damascus. "
    "The US military launched airstrikes on Islamic State in Raqqa. "
    "Kerry did not meet al-Moualem. "
    "Sergei Lavrov and Alexander Lukashenko flew to Hanoi for talks. "
    "Jack Letts criticised Islamic State group fighters. "
    "Lavrov will visit Moscow. "
    "Russia may bomb Raqqa."
)
TEXT_B = "Walid al-Moualem held talks with Sergei Lavrov in Sochi, the ministry said."
TEXT_C = "Lavrov praised Walid al-Moualem. The report gave no link."
TITLE_END = TEXT_A.index(".") + 1

FACTS = {  # trigger -> what each fact must come out as
    "met": "CONSULT", "accused": "ACCUSE", "airstrikes": "ASSAULT", "flew": "CONSULT", "criticised": "ACCUSE",
    "praised": "SUPPORT",
}
NON_FACTS = {"did not meet": ["negation"], "will visit": ["future"], "bomb": ["hypothetical"]}


def _docs() -> list[Document]:
    return [
        make_doc("a", TEXT_A, [
            Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi", mode="visit", cameo="042",
               goldstein=1.9),
            Ev("ACCUSE", "USAGOV", "RUSGOV", "2014", "accused", None, quad_class=3, goldstein=-2.0, cameo="112",
               mode="allege"),
            Ev("ASSAULT", "USAMIL", "IMGSYRREB", "2014-11", "airstrikes", "Ar Raqqah", quad_class=4, goldstein=-10.0,
               cameo="195", mode="aerial", contexts=["military"]),
            Ev("CONSULT", "USAGOV", "SYRGOV", "2014-11-25", "did not meet", None, aux=["negation"]),
            Ev("CONSULT", "RUSGOV+BLRGOV", "", "2014-W48", "flew", "Hanoi", cameo="040"),
            Ev("ACCUSE", "jack", "IMGMUSISI", None, "criticised", None, quad_class=3, goldstein=-2.0, cameo="111",
               mode="intent", contexts=["military", "humanitarian"]),
            Ev("CONSULT", "RUSGOV", "", "2014-11-28", "will visit", "Moscow", aux=["future"]),
            Ev("ASSAULT", "RUSGOV", "IMGSYRREB", None, "bomb", "Raqqa", quad_class=4, goldstein=-10.0, cameo="195",
               aux=["hypothetical"]),
        ], url="https://example.org/a"),
        make_doc("b", TEXT_B, [
            Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-27", "held talks", "Sochi", mode="visit", cameo="042",
               goldstein=1.9),
        ], outlet="TASS"),
        make_doc("c", TEXT_C, [Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014-11-20", "praised", None, cameo="051")],
                 published="2014-11-21", no_url=True),
    ]


TEXTS = {"a": TEXT_A, "b": TEXT_B, "c": TEXT_C}


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        s.write(_docs())
        yield s


def _facts(store: Store) -> pd.DataFrame:
    return store.con.sql("SELECT * FROM events").df()


def _write(fmt: str, doc: Document, path: Path | None = None, facts: bool = True) -> tuple[str, Any]:
    out = io.StringIO()
    w = get_writer(fmt, out, facts=facts, path=path)
    w.write(doc)
    w.close()
    return out.getvalue(), w


# -- the facts rule -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "graphml"])
def test_no_negated_hypothetical_or_future_event_in_a_default_export(store: Store, tmp_path: Path, fmt: str) -> None:
    name = "" if fmt == "parquet" else f".{fmt}"  # parquet: a folder of tables
    default = export(store.con, fmt, tmp_path / f"facts{name}")
    every = export(store.con, fmt, tmp_path / f"all{name}", all=True)
    if fmt == "parquet":
        events = pd.read_parquet(tmp_path / "facts" / "events.parquet")
        assert events["is_fact"].all() and len(events) == len(FACTS)
        mentions = pd.read_parquet(tmp_path / "facts" / "event_mentions.parquet")
        assert mentions["is_fact"].all() and set(mentions["event_id"]) == set(events["event_id"])
        assert len(pd.read_parquet(tmp_path / "all" / "events.parquet")) == len(FACTS) + len(NON_FACTS)
        return
    data = (tmp_path / f"facts{name}").read_text(encoding="utf-8")
    for trigger in NON_FACTS:
        assert f'"{trigger}"' not in data and f"\t{trigger}\t" not in data and f",{trigger}," not in data
    n_default = next(iter(default["files"].values()))
    n_all = next(iter(every["files"].values()))
    if fmt == "geojson":  # only placed events are points: Sochi, Raqqa, Hanoi; with --all Moscow and Raqqa too
        assert (n_default, n_all) == (3, 5)
    else:
        assert (n_default, n_all) == (len(FACTS), len(FACTS) + len(NON_FACTS))


def test_extract_writers_keep_facts_unless_asked() -> None:
    doc = _docs()[0]
    for fmt in ("csv", "rcsv", "gdelt", "plover", "icews", "polecat"):
        _, facts = _write(fmt, doc)
        _, every = _write(fmt, doc, facts=False)
        assert (facts.written, facts.left_out) == (5, 3), fmt
        assert (every.written, every.left_out) == (8, 0), fmt


# -- GDELT 2.0 ------------------------------------------------------------------------------------------------
def _read_gdelt(path: Path) -> pd.DataFrame:
    """As GDELT users load an event file: no header, the official names, integer and float columns typed."""
    return pd.read_csv(path, sep="\t", header=None, names=list(gdelt.COLUMNS), dtype=gdelt.DTYPES,
                       quoting=csv.QUOTE_NONE)


def test_gdelt_export_loads_with_the_official_names_and_dtypes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.gdelt.tsv"
    export(store.con, "gdelt", path)
    df = _read_gdelt(path)
    assert df.shape == (len(FACTS), 61)
    for column, dtype in gdelt.DTYPES.items():
        assert str(df[column].dtype) == dtype, column
    assert df["SQLDATE"].notna().all() and (df["SQLDATE"] > 19000101).all()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    by_code = {(r["EventCode"], r["Actor1Name"]): r for _, r in df.iterrows()}

    visit = by_code[("042", "Sergei Lavrov")]  # two reports of one meeting
    assert visit["SQLDATE"] == 20141126 and visit["MonthYear"] == 201411 and visit["Year"] == 2014
    assert visit["FractionDate"] == round(2014 + 330 / 365, 4) == 2014.9041
    assert "\t2014.9041\t" in next(line for line in lines if f"\t{visit['GLOBALEVENTID']}\t" in f"\t{line}")
    assert (visit["NumMentions"], visit["NumArticles"], visit["NumSources"]) == (2, 2, 2)
    assert visit["ActionGeo_FullName"] == "Sochi" and visit["ActionGeo_Type"] == 4
    assert visit["ActionGeo_CountryCode"] == "RS"  # FIPS 10-4, as GDELT
    assert visit["EventRootCode"] == "04" and visit["EventBaseCode"] == "042" and visit["Actor1Type1Code"] == "GOV"

    hanoi = by_code[("040", "Sergei Lavrov")]
    assert hanoi["ActionGeo_Long"] == 105.84117 and hanoi["ActionGeo_Lat"] == 21.0245  # never cut to 3 decimals

    # the uncoded actor keeps its name and no code; a recipient whose "country" is a code has no country
    letts = df[df["Actor1Name"] == "Jack Letts"].iloc[0]
    assert pd.isna(letts["Actor1Code"]) and pd.isna(letts["Actor2CountryCode"]) and letts["Actor2Code"] == "IMGMUSISI"
    for side in ("Actor1CountryCode", "Actor2CountryCode"):
        assert df[side].dropna().map(lambda c: bool(re.fullmatch(r"[A-Z]{3}", c))).all()
        assert set(df[side].dropna()) <= {"RUS", "SYR", "USA", "BLR"}
    # undated: the article's publication day, never blank
    assert letts["SQLDATE"] == 20141127

    # IsRootEvent: the title and the lead (two sentences of a paragraph without breaks), not everything
    roots = dict(zip(df["Actor1Name"] + "/" + df["EventCode"], df["IsRootEvent"], strict=True))
    assert roots["Sergei Lavrov/042"] == 1 and roots["John Kerry/112"] == 1
    assert roots["US military/195"] == 0 and roots["Jack Letts/111"] == 0 and roots["Sergei Lavrov/040"] == 0

    # SOURCEURL holds URLs only: blank for the article without one
    assert df["SOURCEURL"].dropna().str.startswith("https://").all()
    praised = df[df["EventCode"] == "051"].iloc[0]
    assert pd.isna(praised["SOURCEURL"])
    assert df["DATEADDED"].between(20000101000000, 29991231235959).all()


def test_gdelt_companion_file_gives_precision_and_facts(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    result = export(store.con, "gdelt", path, all=True)
    side = pd.read_csv(gdelt.sidecar_path(path), sep="\t", dtype={"GLOBALEVENTID": "int64"})
    assert str(gdelt.sidecar_path(path)) in result["files"] and list(side.columns) == list(gdelt.SIDECAR_COLUMNS)
    main = _read_gdelt(path)
    assert list(side["GLOBALEVENTID"]) == list(main["GLOBALEVENTID"])
    accused = side.merge(main, on="GLOBALEVENTID")
    year_only = accused[accused["EventCode"] == "112"].iloc[0]
    assert year_only["SQLDATE"] == 20140101  # GDELT needs a day; the companion says it is the whole year
    assert (year_only["date_value"], year_only["date_precision"]) == ("2014", "year")
    assert year_only["date_end"] == "2014-12-31"
    undated = accused[accused["Actor1Name"] == "Jack Letts"].iloc[0]
    assert undated["date_source"] == "published"
    assert set(accused.loc[~accused["is_fact"], "EventCode"]) == {"040", "195"}
    assert accused["negation"].sum() == 1 and accused["future"].sum() == 1 and accused["hypothetical"].sum() == 1


# -- PLOVER JSON ----------------------------------------------------------------------------------------------
MANUAL_FIELDS = {  # the PLOVER JSON table of the manual's Data Fields chapter
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
}
LOCATION_FIELDS = {
    "extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district", "province", "country",
    "country_code", "feature_class", "feature_code", "resolution",
}
CITE_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
               "codebook", "version"}


def _plover(store: Store, tmp_path: Path, **kw: Any) -> list[dict[str, Any]]:
    path = tmp_path / "events.jsonl"
    export(store.con, "plover", path, **kw)
    frame = pd.read_json(path, lines=True)  # JSON Lines, as the manual suggests
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(frame) == len(records)
    return records


def test_plover_export_follows_the_manuals_data_fields(store: Store, tmp_path: Path) -> None:
    records = _plover(store, tmp_path)
    assert len(records) == len(FACTS)
    for r in records:
        own = {k for k in r if not k.startswith("eventwire_")}
        assert own <= MANUAL_FIELDS, own - MANUAL_FIELDS
        assert {"id", "date", "actor", "event"} <= own  # the manual's required fields
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"] or "2014-01-01")
        assert all(m in plover_modes(r["event"][0]) for m in r["mode"])
        assert set(r["context"]) <= plover_contexts() | {"negation", "hypothetical", "future", "historical"}
        assert set(r["cite_info"]) <= CITE_FIELDS
        if r["event_loc"] is not None:
            assert set(r["event_loc"]) == LOCATION_FIELDS
        start, end = r["text_info"]["start"], r["text_info"]["end"]
        article = TEXTS[r["cite_info"]["citation"]]
        assert article[start:end] == r["text"]
    by_trigger = {r["event_text"][0]: r for r in records}

    accused = by_trigger["accused"]  # "John Kerry accused Lavrov of arming Damascus."
    assert accused["recipient"][0]["raw_text"] == "Lavrov"
    assert accused["recipient"][0]["entity_name"] == "Sergei Lavrov"
    assert accused["recipient"][0]["country_name"] == "Russian Federation"
    assert accused["recipient"][0]["country_code"] == "RUS" and accused["recipient"][0]["sector_code"] == "GOV"
    assert (accused["date"], accused["enddate"]) == ("2014-01-01", "2014-12-31")  # a year, not 1 January
    assert accused["eventwire_date"] == {"value": "2014", "precision": "year", "published": "2014-11-27"}

    strike = by_trigger["airstrikes"]
    assert strike["event_loc"]["extracted_place"] == "Raqqa" and strike["event_loc"]["resolved_place"] == "Ar Raqqah"
    assert strike["event_loc"]["feature_class"] == "P" and strike["event_loc"]["resolution"] == 4
    assert strike["event_loc"]["country"] == "Syria" and strike["event_loc"]["country_code"] == "SYR"
    assert strike["mode"] == ["aerial"] and strike["context"] == ["military"]

    criticised = by_trigger["criticised"]  # a mode and a context PLOVER does not have are kept apart
    assert criticised["mode"] == [] and criticised["eventwire_mode"] == "intent"
    assert criticised["context"] == ["military"] and criticised["eventwire_contexts"] == ["humanitarian"]
    assert criticised["date"] is None and criticised["actor"][0]["code"] is None

    flew = by_trigger["flew"]
    assert [a["entity_name"] for a in flew["actor"]] == ["Sergei Lavrov", "Alexander Lukashenko"]
    assert flew["recipient"] == [] and flew["enddate"] == "2014-11-30"  # the week of Monday 24 November

    every = _plover(store, tmp_path, all=True)
    negated = next(r for r in every if r["event_text"] == ["did not meet"])
    assert "negation" in negated["context"] and negated["eventwire_is_fact"] is False


def test_plover_from_a_document_names_the_text_as_written() -> None:
    out, _ = _write("plover", _docs()[0])
    records = {r["event_text"][0]: r for r in map(json.loads, out.splitlines())}
    assert records["accused"]["recipient"][0]["raw_text"] == "Lavrov"
    assert records["airstrikes"]["event_loc"]["extracted_place"] == "Raqqa"
    assert records["met"]["text_info"] == {"start": TITLE_END + 1, "end": TEXT_A.index("Wednesday.") + 10}


# -- ICEWS and POLECAT layouts --------------------------------------------------------------------------------
def test_icews_layout_loads_by_column_name(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tab"
    export(store.con, "icews", path)
    df = pd.read_csv(path, sep="\t", dtype=icews.DTYPES, keep_default_na=False, na_values=[""])
    assert list(df.columns)[:20] == list(icews.ICEWS_COLUMNS) and len(df) == len(FACTS)
    for column, dtype in icews.DTYPES.items():
        assert str(df[column].dtype) == dtype, column
    dates = pd.to_datetime(df["Event Date"], format="%Y-%m-%d")
    assert dates.notna().all()
    visit = df[df["CAMEO Code"] == "042"].iloc[0]
    assert (visit["Source Name"], visit["Source Country"], visit["Source Sectors"]) == (
        "Sergei Lavrov", "Russian Federation", "Government")
    assert visit["Event Text"] == "Make a visit" and visit["Intensity"] == 1.9 and visit["City"] == "Sochi"
    assert visit["Country"] == "Russian Federation" and visit["Publisher"] == "VOV"
    accused = df[df["CAMEO Code"] == "112"].iloc[0]
    assert accused["Event Date"] == "2014-01-01" and accused["Date Precision"] == "year"
    assert set(df["Is Fact"]) == {"True"}
    letts = df[df["Source Name"] == "Jack Letts"].iloc[0]
    assert pd.isna(letts["Target Country"]) and letts["Date Precision"] == "published"


def test_polecat_layout_loads_by_column_name(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "polecat.tsv"
    export(store.con, "polecat", path)
    df = pd.read_csv(path, sep="\t", dtype=polecat.DTYPES, keep_default_na=False, na_values=[""])
    assert list(df.columns)[:40] == list(polecat.POLECAT_COLUMNS) and len(df) == len(FACTS)
    for column, dtype in polecat.DTYPES.items():
        assert str(df[column].dtype) == dtype, column
    flew = df[df["Event Type"].eq("CONSULT") & df["Placename"].eq("Hanoi")].iloc[0]
    assert flew["Actor Name"] == "Sergei Lavrov;Alexander Lukashenko" and flew["Actor Country"] == "RUS;BLR"
    assert flew["Feature Type"] == "PPL" and flew["Longitude"] == 105.84117 and flew["GeoNames ID"] == 1581130
    strike = df[df["Event Type"] == "ASSAULT"].iloc[0]
    assert (strike["Raw Placename"], strike["Placename"], strike["Event Mode"]) == ("Raqqa", "Ar Raqqah", "aerial")
    assert strike["Intensity"] == -9.5 and strike["Quad Code"] == 4 and strike["Contexts"] == "military"
    accused = df[df["Event Type"].eq("ACCUSE") & df["Actor Name"].eq("John Kerry")].iloc[0]
    assert accused["Recipient Name Raw"] == "Lavrov" and accused["Recipient Name"] == "Sergei Lavrov"
    letts = df[df["Actor Name"] == "Jack Letts"].iloc[0]
    assert pd.isna(letts["Event Mode"]) and letts["Contexts"] == "military"  # "intent", "humanitarian" are not PLOVER


# -- the R-friendly CSV ---------------------------------------------------------------------------------------
R_TYPES = {"VARCHAR": "character", "BIGINT": "integer", "INTEGER": "integer", "DOUBLE": "double",
           "BOOLEAN": "logical", "DATE": "Date"}


def test_r_csv_types_match_its_codebook(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    result = export(store.con, "rcsv", path)
    book = pd.read_csv(rcsv.codebook_path(path), keep_default_na=False)
    assert str(rcsv.codebook_path(path)) in result["files"]
    assert list(book["variable"]) == list(rcsv.COLUMNS) and set(book["type"]) <= set(R_TYPES.values())
    assert book["description"].str.len().gt(5).all()
    # read as R reads it: type guessing, "NA" for missing (DuckDB's sniffer, as readr's, guesses each column)
    rel = duckdb.sql(f"SELECT * FROM read_csv('{path}', nullstr='NA', header=true)")
    inferred = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
    frame = rel.df()
    for variable, rtype in zip(book["variable"], book["type"], strict=True):
        if frame[variable].notna().any():
            assert R_TYPES[inferred[variable]] == rtype, (variable, inferred[variable], rtype)
    text = path.read_text(encoding="utf-8")
    assert ",," not in text and "True" not in text and ",TRUE," in text
    rows = {r["trigger"]: r for r in csv.DictReader(io.StringIO(text))}
    year = rows["accused"]
    assert (year["date"], year["date_end"], year["date_precision"], year["year"], year["month"]) == (
        "2014-01-01", "2014-12-31", "year", "2014", "NA")
    week = rows["flew"]  # the week of 24-30 November 2014 is counted in November
    assert (week["date"], week["date_end"], week["month"]) == ("2014-11-24", "2014-11-30", "11")
    assert rows["met"]["cameo"] == "042" and rows["met"]["is_fact"] == "TRUE" and rows["met"]["negation"] == "FALSE"


# -- csv, Parquet, GraphML, GeoJSON ---------------------------------------------------------------------------
def test_extract_csv_gives_one_row_per_event_mention() -> None:
    out, _ = _write("csv", _docs()[0], facts=False)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["trigger"] for r in rows] == [
        "met", "accused", "airstrikes", "did not meet", "flew", "criticised", "will visit", "bomb"]
    assert rows[3]["aux"] == "negation" and rows[3]["is_fact"] == "False" and rows[0]["is_fact"] == "True"
    assert rows[1]["date"] == "2014-01-01" and rows[1]["date_precision"] == "year" and rows[1]["date_value"] == "2014"
    assert rows[0]["evidence"] == "Sergei Lavrov met Walid al-Moualem in Sochi on Wednesday."
    assert rows[4]["lon"] == "105.84117"


def test_csv_export_loads_in_pandas_and_duckdb(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export(store.con, "csv", path)
    df = pd.read_csv(path)
    assert len(df) == len(FACTS)  # the two Sochi reports are one event
    assert list(df.columns) == list(CSV_COLUMNS) and df["is_fact"].all()
    merged = df[df["cameo"] == 42].iloc[0]
    assert merged["mention_count"] == 2 and merged["place"] == "Sochi"
    assert duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{path}')").fetchall()[0][0] == len(FACTS)


def test_parquet_export_keeps_the_schema(store: Store, tmp_path: Path) -> None:
    from eventwire.store.schema import TABLES

    result = export(store.con, "parquet", tmp_path / "pq", all=True)
    assert len(result["files"]) == len(TABLES)
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'pq' / 'event_mentions.parquet'}')").fetchall()
    assert n[0][0] == 10
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert list(events.columns) == TABLES["events"].names and len(events) == 9
    import pyarrow.parquet as pq

    assert pq.read_schema(tmp_path / "pq" / "articles.parquet").remove_metadata() == TABLES["articles"]


def test_graphml_export_is_the_actor_network(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "net.graphml"
    export(store.con, "graphml", path)
    g = nx.read_graphml(path)
    assert "USAMIL" in g.nodes and "Jack Letts" in g.nodes
    assert not any(n.isupper() and " " in n for n in g.nodes)  # no "JACK LETTS" posing as a code
    assert g.nodes["Jack Letts"]["coded"] is False and "code" not in g.nodes["Jack Letts"]
    assert g.nodes["RUSGOV"]["name"] == "Sergei Lavrov" and g.nodes["RUSGOV"]["coded"] is True
    visits = [d for _, _, d in g.edges("RUSGOV", data=True) if d.get("type") == "CONSULT"]
    assert len(visits) == 1 and visits[0]["weight"] == 1 and visits[0]["mentions"] == 2
    assert not [1 for _, t, d in g.edges("USAGOV", data=True) if t == "SYRGOV"]  # the negated meeting is no edge


def test_geojson_points_say_what_kind_of_place_they_are(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    export(store.con, "geojson", path)
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    by_place = {f["properties"]["place_name"]: f for f in data["features"]}
    assert set(by_place) == {"Sochi", "Ar Raqqah", "Hanoi"}
    for name, feature in by_place.items():
        gid, _, lat, lon, kind, _ = PLACES[name]
        assert feature["geometry"]["coordinates"] == [lon, lat]
        assert feature["properties"]["place_kind"] == kind and feature["properties"]["is_fact"] is True


def test_is_root_is_the_title_and_the_lead_only() -> None:
    doc = _docs()[0]
    from eventwire.rows import event_mention_rows

    roots = {r["trigger_text"]: r["is_root"] for r in event_mention_rows(doc)}
    assert roots["met"] and roots["accused"]
    assert not any(roots[t] for t in ("airstrikes", "did not meet", "flew", "criticised", "will visit", "bomb"))
    assert NON_FACT_AUX == {"negation", "hypothetical", "future"}
    assert dt.date(2014, 11, 24).isocalendar()[1] == 48  # the week the fixture's 2014-W48 names
