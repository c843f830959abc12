"""The times stage on the sample article (through the default pipeline) and on short extracts."""

from __future__ import annotations

from typing import Any

from eventwire import Pipeline


def _times(doc: Any) -> dict[str, Any]:
    return {t.text: t for t in doc.times}


def test_sample_article_times(sample_doc: Any) -> None:
    text = sample_doc.article.text
    for t in sample_doc.times:
        assert text[t.start : t.end] == t.text
    times = _times(sample_doc)
    restated = [t for t in sample_doc.times if t.text == "yesterday (November 26)"]
    assert len(restated) == 2 and all(t.timex == "2014-11-26" for t in restated)
    six = times["six weeks ago"]
    assert six.timex == "2014-W42" and six.earliest <= "2014-10-16" <= six.latest
    assert times["earlier this month"].timex == "2014-11"
    assert [t.id for t in sample_doc.times] == [f"t{i}" for i in range(1, len(sample_doc.times) + 1)]


def test_stage_without_publication_date_leaves_relative_times_open(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Rebels seized the town yesterday. The siege of 12 May 2011 lasted three weeks.")
    times = _times(doc)
    assert times["yesterday"].timex == "XXXX-XX-XX" and times["yesterday"].earliest is None
    assert times["12 May 2011"].timex == "2011-05-12"
    assert times["three weeks"].type == "DURATION" and times["three weeks"].timex == "P3W"


def test_stage_uses_the_publication_date(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Rebels seized the town last Tuesday, officials said.", published="2014-11-27")
    assert [(t.text, t.timex) for t in doc.times] == [("last Tuesday", "2014-11-25")]


def test_parse_tense_hint_reads_the_governing_verb(nlp: Any) -> None:
    import datetime as dt

    from eventwire.times.stage import parse_tense
    from eventwire.times.tagger import tag

    text = "Rebels said the envoy arrived on Monday. They hope he will return on Monday."
    hint = parse_tense(nlp(text))
    first = text.index("Monday")
    second = text.index("Monday", first + 1)
    assert hint(first, first + 6) == "past"
    assert hint(second, second + 6) == "future"
    found = tag(text, dt.date(2014, 11, 27), hint)
    assert [m.value for m in found] == ["2014-11-24", "2014-12-01"]
