"""The Pipeline contract: stage order is checked at build time, set-up errors stop the run."""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any

import pytest

from eventwire import ErrorCode, EventwireError, Pipeline, RawRecord, Reject, load_config


def test_stage_order_is_checked_when_built() -> None:
    with pytest.raises(EventwireError) as err:
        Pipeline(load_config(), stages=["clean", "events"])
    assert err.value.code is ErrorCode.PIPELINE_INVALID
    assert "events" in str(err.value) and "spacy" in str(err.value)


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(EventwireError) as err:
        Pipeline(load_config(), stages=["clean", "nosuchstage"])
    assert err.value.code is ErrorCode.UNKNOWN_STAGE and "actors" in str(err.value)


def test_missing_model_stops_the_run_instead_of_rejecting_every_article() -> None:
    pipeline = Pipeline(load_config(overrides={"pipeline.model": "no_such_model_xyz"}))
    with pytest.raises(EventwireError) as err:
        list(pipeline.pipe([RawRecord(text="Putin met Lavrov in Moscow.", id="a")]))
    assert err.value.code is ErrorCode.MODEL_NOT_FOUND


def test_missing_model_exits_2_with_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", "-", "--model", "no_such_model_xyz"],
        input="Putin met Lavrov in Moscow.", capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "E304" in proc.stderr and "Traceback" not in proc.stderr


def test_errors_survive_pickling_between_processes() -> None:
    err = pickle.loads(pickle.dumps(EventwireError(ErrorCode.TOO_LARGE, "big.txt")))
    assert err.code is ErrorCode.TOO_LARGE and err.detail == "big.txt" and "E104" in str(err)


def test_one_bad_article_never_stops_the_batch(pipeline: Pipeline) -> None:
    records = [
        RawRecord(text="Russian President Vladimir Putin met Syrian officials in Sochi.", id="good-1",
                  published="2014-11-27"),
        RawRecord(text="   ", id="empty"),
        RawRecord(text="Turkey's president visited Baghdad on Monday.", id="good-2", published="not a date"),
        RawRecord(text="Iraqi forces shelled Islamic State positions near Mosul.", id="good-3"),
    ]
    results = list(pipeline.pipe(records))
    assert [r.id for r in results] == ["good-1", "empty", "good-2", "good-3"]
    rejects = {r.id: r for r in results if isinstance(r, Reject)}
    assert set(rejects) == {"empty", "good-2"}
    assert rejects["empty"].code == "E106" and rejects["good-2"].code == "E112"


def test_title_line_and_blank_lines_end_sentences_but_wrapped_lines_do_not(nlp: Any) -> None:
    text = ("Russia calls for end to Syria crisis to focus on fighting IS\n"
            "Russian Foreign Minister pledged to support the government on\n"
            "Monday in Moscow.\n\nLavrov met Moualem in Sochi")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "Russia calls for end to Syria crisis to focus on fighting IS"  # the title alone
    assert any("support the government on\nMonday in Moscow." in s for s in sents)  # a wrapped line joins
    assert sents[-1] == "Lavrov met Moualem in Sochi"  # a blank line is a break


def test_named_resources_are_shared_and_names_unique() -> None:
    """One copy per pipeline per Resource; two different Resources under one name are refused."""
    from eventwire.stage import Resource, Resources

    built: list[int] = []
    counter = Resource("test.counter", lambda r: built.append(1) or len(built))
    resources = Resources(load_config())
    assert counter not in resources
    assert resources.get(counter) == resources.get(counter) == 1 and built == [1]
    assert counter in resources and "test.counter" in resources.loaded()
    with pytest.raises(EventwireError) as info:
        resources.get(Resource("test.counter", lambda r: 2))
    assert info.value.code is ErrorCode.PIPELINE_INVALID
    assert Resources(load_config()).get(counter) == 2  # another pipeline, another copy


def test_provenance_is_typed_kept_across_processes_and_never_serialised() -> None:
    """The reader's raw text, hash, source and notes travel with the Document but not in its JSON."""
    from eventwire.document import Document
    from eventwire.pipeline import new_document

    record = RawRecord(
        text="Talks resume\nRussia and Syria met.", id="p1", source="in/p1.txt", notes=["decoded as cp1252"]
    )
    doc = new_document(record)
    prov = doc.provenance
    assert (prov.raw, prov.source, prov.notes) == (record.text, "in/p1.txt", ["decoded as cp1252"])
    assert prov.content_hash == record.content_hash()
    assert "provenance" not in doc.to_dict() and "in/p1.txt" not in doc.to_json()
    assert pickle.loads(pickle.dumps(doc)).provenance == prov  # worker processes send Documents back pickled
    assert Document.from_dict(doc.to_dict()).provenance.source is None


def test_one_content_hash_for_records_and_documents() -> None:
    """A Document without provenance (read back from JSON) hashes like the record it came from."""
    from eventwire.document import Article, Document, content_hash
    from eventwire.rows import content_hash_of

    record = RawRecord(text="Russia and Syria met.", title="Talks resume")
    doc = Document(id="h", article=Article(title="Talks resume", text="Russia and Syria met."))
    assert content_hash_of(doc) == record.content_hash() == content_hash("Talks resume", "Russia and Syria met.")
    assert RawRecord(text="x").content_hash() == content_hash(None, "x") == content_hash("", "x")
