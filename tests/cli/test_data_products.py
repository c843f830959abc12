"""The data-product commands as a researcher runs them (issue 18): facts by default with --all, structured
filters, notes of what a limit or a panel left out, panels, exports with their companion files, and the
one-line summary of `extract`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from store.factory import Ev, make_doc
from typer.testing import CliRunner, Result

from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"
TEXT = ("Sergei Lavrov met Alexander Lukashenko in Moscow. Nicos Anastasiades criticised Sergei Lavrov. "
        "Lloyd Russell-Moyle accused John Kerry. John Kerry did not meet Sergei Lavrov. "
        "Sergei Lavrov praised Walid al-Moualem. Sergei Lavrov thanked Walid al-Moualem.")


def invoke(args: list[str], cwd: Path) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, args)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("cli") / "news.duckdb"
    doc = make_doc("d", TEXT, [
        Ev("CONSULT", "RUSGOV", "BLRGOV", "2014", "met", "Moscow", cameo="042"),
        Ev("ACCUSE", "CYPGOV", "RUSGOV", "2014-11-26", "criticised", None, quad_class=3, cameo="111"),
        Ev("ACCUSE", "GBRLEG", "USAGOV", "2014-11-26", "accused", None, quad_class=3, cameo="112"),
        Ev("CONSULT", "USAGOV", "RUSGOV", "2014-11-26", "did not meet", None, aux=["negation"]),
        Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014-11-27", "praised", None, cameo="051"),
        Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014-11-28", "thanked", None, cameo="051"),
    ])
    with open_store(path) as store:
        store.write([doc])
    return path


def test_events_actor_country_returns_only_that_country(db: Path, tmp_path: Path) -> None:
    result = invoke(["events", "--db", str(db), "--actor-country", "RUS", "--format", "json", "--all"], tmp_path)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["actor_country"] for r in rows} == {"RUS"} and len(rows) == 3
    assert all("is_fact" in r and "aux" in r and "date_precision" in r for r in rows)
    old_way = json.loads(invoke(["events", "--db", str(db), "--actor", "RUS", "--format", "json"], tmp_path).stdout)
    assert old_way == []  # not Belarus, Cyprus or Russell-Moyle: RUS is a code, not a part of a name


def test_a_limit_says_how_many_it_left_out(db: Path, tmp_path: Path) -> None:
    result = invoke(["events", "--db", str(db), "--limit", "2", "--format", "json"], tmp_path)
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2
    assert "2 of 5 events shown; 3 more left out by --limit" in result.stderr
    result = invoke(["actors", "RUS*", "--db", str(db), "--limit", "1", "--format", "json"], tmp_path)
    assert [a["code"] for a in json.loads(result.stdout)] == ["RUSGOV"]
    names = invoke(["actors", "RUS", "--db", str(db), "--format", "json"], tmp_path)
    assert json.loads(names.stdout) == []  # not "Lloyd Russell-Moyle"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--actor-country", "Russia"], ["--actor-country", "'Russia'"]),
        (["--code", "RUS GOV"], ["--code"]),
        (["--cameo", "19x"], ["--cameo"]),
        (["--root-code", "33"], ["--root-code"]),
        (["--sector", "GOVT"], ["--sector"]),
        (["--recipient-country", "1"], ["--recipient-country"]),
    ],
)
def test_malformed_structured_filters_are_refused_at_the_edge(db: Path, tmp_path: Path, args: list[str],
                                                              words: list[str]) -> None:
    for command in (["events"], ["dyads"], ["export", "-o", "x.csv"], ["panel"]):
        result = invoke([*command, "--db", str(db), *args], tmp_path)
        assert result.exit_code == 2, result.output
        line = next(line for line in result.output.splitlines() if "[E403]" in line)
        assert all(w in line for w in words), line
    assert not (tmp_path / "x.csv").exists()


def test_export_keeps_facts_unless_all(db: Path, tmp_path: Path) -> None:
    facts = invoke(["export", "--db", str(db), "--format", "gdelt", "-o", "facts.tsv"], tmp_path)
    assert facts.exit_code == 0, facts.output
    assert "facts only" in facts.stderr and "eventwire.tsv" in facts.stderr
    every = invoke(["export", "--db", str(db), "--format", "gdelt", "--all", "-o", "all.tsv"], tmp_path)
    n_facts = len((tmp_path / "facts.tsv").read_text().splitlines())
    n_all = len((tmp_path / "all.tsv").read_text().splitlines())
    assert (n_facts, n_all) == (5, 6) and every.exit_code == 0
    side = pd.read_csv(tmp_path / "all.eventwire.tsv", sep="\t")
    assert side["is_fact"].sum() == 5 and side["negation"].sum() == 1
    assert set(side.loc[side["date_precision"] == "year", "date_end"]) == {"2014-12-31"}
    legacy = invoke(["export", "--db", str(db), "--format", "csv", "--facts", "-o", "legacy.csv"], tmp_path)
    assert legacy.exit_code == 0 and len(pd.read_csv(tmp_path / "legacy.csv")) == 5
    rus = invoke(["export", "--db", str(db), "--format", "rcsv", "--actor-country", "RUS", "-o", "rus.csv"], tmp_path)
    assert rus.exit_code == 0 and (tmp_path / "rus.codebook.csv").exists()
    frame = pd.read_csv(tmp_path / "rus.csv", na_values=["NA"], keep_default_na=False)
    assert set(frame["actor_country"]) == {"RUS"} and frame["is_fact"].all()


def test_panel_command_streams_a_zero_filled_panel(db: Path, tmp_path: Path) -> None:
    result = invoke(["panel", "--db", str(db), "--by", "country-month", "-o", "panel.csv"], tmp_path)
    assert result.exit_code == 0, result.output
    panel = pd.read_csv(tmp_path / "panel.csv")
    assert list(panel.columns[:4]) == ["country", "year", "month", "events"]
    assert set(panel["country"]) == {"RUS", "CYP", "GBR"} and len(panel) == 3  # November 2014 only
    rus = panel[panel["country"] == "RUS"].iloc[0]
    assert rus["events"] == 2 and rus["verbal_cooperation"] == 2  # the year-only meeting is in no month
    assert "1 dated less precisely than a month" in result.stderr
    years = invoke(["panel", "--db", str(db), "--by", "country-year", "--by-type", "--format", "json"], tmp_path)
    rows = [json.loads(line) for line in years.stdout.splitlines()]
    assert {(r["country"], r["year"], r["events"], r["consult"]) for r in rows if r["country"] == "RUS"} == {
        ("RUS", 2014, 3, 1)}
    dyads = invoke(["panel", "--db", str(db), "--by", "dyad-month", "--format", "parquet", "-o", "d.parquet"],
                   tmp_path)
    assert dyads.exit_code == 0, dyads.output
    frame = pd.read_parquet(tmp_path / "d.parquet")
    assert {("RUS", "SYR"), ("CYP", "RUS"), ("GBR", "USA")} == set(zip(frame["actor_country"],
                                                                        frame["recipient_country"], strict=True))
    refused = invoke(["panel", "--db", str(db), "--format", "parquet"], tmp_path)
    assert refused.exit_code == 2 and "[E403]" in refused.output
    bad = invoke(["panel", "--db", str(db), "--by", "country-week"], tmp_path)
    assert bad.exit_code == 2 and "dyad-month" in bad.output


def test_dyads_say_what_no_period_holds(db: Path, tmp_path: Path) -> None:
    result = invoke(["dyads", "--db", str(db), "--by", "week", "--format", "json"], tmp_path)
    rows = json.loads(result.stdout)
    met = next(r for r in rows if r["actor"] == "RUSGOV" and r["recipient"] == "BLRGOV")
    assert met["period"] is None  # a year-only date is in no week, not the week of 1 January
    assert "have no date as precise as a week" in result.stderr


@pytest.mark.parametrize("command", ["panel", "export", "events", "dyads", "actors", "extract"])
def test_help_is_plain_and_has_examples(command: str, tmp_path: Path) -> None:
    result = invoke([command, "--help"], tmp_path)
    assert result.exit_code == 0
    for python_ish in ("<str>", "<int>", "{", "}"):
        assert python_ish not in result.output
    assert "Example" in result.output


def test_extract_ends_with_a_summary_and_keeps_facts_in_event_formats(tmp_path: Path) -> None:
    result = invoke(["extract", str(SAMPLE), "--published", "2014-11-27", "-f", "gdelt", "-o", "s.tsv"], tmp_path)
    assert result.exit_code == 0, result.output
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 extracted, 0 rejected; ") and "facts" in summary and "s.tsv" in summary
    side = pd.read_csv(tmp_path / "s.eventwire.tsv", sep="\t")
    assert side["is_fact"].all() and len(side) == len((tmp_path / "s.tsv").read_text().splitlines())
    every = invoke(["extract", str(SAMPLE), "--published", "2014-11-27", "-f", "plover", "--all", "-o", "s.jsonl"],
                   tmp_path)
    records = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert len(records) > len(side) and not all(r["eventwire_is_fact"] for r in records)
    assert "not facts left out" not in every.stderr.splitlines()[-1]
