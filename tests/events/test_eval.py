"""The petr and quad evaluators on small slices (the full runs are in docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path

from eventwire.document import Event, EventActor, Evidence, Span
from eventwire.eval.petr import codings, evaluate_petr, read_records
from eventwire.eval.quad import read_quad, scores


def test_petr_reader_honours_suite_config(shared_data: Path) -> None:
    records, env = read_records(shared_data / "universalpetrarch" / "PETR_Validate_records_2_02.xml")
    assert len(records) >= 270 and env["Actorfile"] == "PETR_Validate_actors_2_02.txt"
    first = next(r for r in records if r.id == "DEMO-01")
    assert first.date == "1995-01-01" and first.expected == [("050", "ARN", "GON")] and first.require_dyad
    assert "Arnor is about to restore" in first.text and "<" not in first.text
    assert any(not r.require_dyad for r in records)  # <Config option="require_dyad" value="false">
    assert sum(1 for r in records if r.skip) >= 11  # evaluate="false" and error records
    # the categories counted as tests, and the coding ontology for negated verbs
    assert {"DEMO", "SYNSET"} <= set(env["Include"].split()) and "PARSING" not in env["Include"].split()
    assert any(r.category == "PARSING" for r in records)
    assert env["PICOfile"] == "PETR_Validate_Internal_Coding_Ontology_1_01.txt"


def test_codings_expand_compound_actors() -> None:
    span = Span(text="met", start=0, end=3)
    ev = Event(
        id="e1", type="CONSULT", cameo="040", actor=[EventActor(code="ARN"), EventActor(code="ROH")],
        recipient=[EventActor(code="GON")], evidence=Evidence(sentence="x", start=0, end=3, trigger=span),
    )
    assert codings(ev, True) == [("040", "ARN", "GON"), ("040", "ROH", "GON")]
    ev.recipient = []
    assert codings(ev, True) == [] and codings(ev, False) == [("040", "ARN", "---"), ("040", "ROH", "---")]
    # a group code: whole for UniversalPetrarch, one coding per member for PETRARCH-1 suites
    ev.actor, ev.recipient = [EventActor(code="FRO/BIL")], [EventActor(code="GON")]
    assert codings(ev, True) == [("040", "FRO/BIL", "GON")]
    assert codings(ev, True, split_groups=True) == [("040", "FRO", "GON"), ("040", "BIL", "GON")]


def test_petr_2_02_beats_universal_petrarch(shared_data: Path) -> None:
    """The done-when of the events issues, on the whole suite (a few seconds). UniversalPetrarch finds 85.6%
    of the expected events with 14.75 extra events per 100 records, by the suite's convention (tense not
    read, current events only: the ``*_suite`` figures). Counted the way the product presents events
    (facts only: future acts are not facts, historical ones are), recall is lower, because the suite
    codes scheduled acts ("will meet") as the act: measured 0.718, docs/evaluation.md."""
    m = evaluate_petr(shared_data / "universalpetrarch" / "PETR_Validate_records_2_02.xml", {"by_rule": True})
    assert m["records"] == 245 and m["expected"] == 305  # the <Include> categories, evaluate="true"
    assert m["recall"] >= 0.70
    assert m["recall_suite"] > 0.856 and m["extra_per_100_suite"] < 14.75  # measured 0.859 / 13.88
    assert sum(r["right"] for r in m["by_rule"].values()) == m["correct"]


def test_quad_reader_and_scores(tmp_path: Path) -> None:
    f = tmp_path / "q.tsv"
    f.write_text("Arnor attacked Gondor.\t4\nArnor praised Gondor.\t1\n", encoding="utf-8")
    assert read_quad(f) == [("Arnor attacked Gondor.", 4), ("Arnor praised Gondor.", 1)]
    s = scores([(4, 4), (1, 0), (0, 0)])
    assert s["accuracy"] == round(2 / 3, 4) and s["f1_4"] == 1.0 and s["f1_1"] == 0.0


def test_petr_unit_tests_beat_petrarch2_and_a_report_yields_to_what_it_reports(shared_data: Path) -> None:
    """PETRARCH2 on its own unit tests: precision 0.55, recall 0.36. The suite's verb file codes a bare
    "SAID" as 023; "X is about to restore ties with Y, a senior official said" is the restoration only (the
    reported event is the news): when generic officials became actors, that reading added 77 extra codings
    until the bare reading of a reporting verb was made to yield like a 01x statement (merge._reports_other).
    Measured: recall 0.693, 22.3 extra per 100 records, precision 0.80 (suite convention)."""
    m = evaluate_petr(shared_data / "petrarch2" / "PETR.UnitTest.records.xml", {"by_rule": True})
    assert m["recall_suite"] > 0.65 and m["precision_suite"] > 0.75
    said = m["by_rule"].get("PETR.Validate.verbs.SAID.0", {"extra": 0})
    assert said["extra"] <= 5, said
