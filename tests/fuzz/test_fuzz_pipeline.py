"""The whole default pipeline on random and news-like text.

Properties: every result is a Document or a Reject whose code is documented (never E301, the code for an
unexpected exception inside a stage); every offset of every actor, place, time, quote and event span lies
within article.text, and text[start:end] equals the span's text.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.document import Document, Span
from eventwire.errors import ErrorCode
from eventwire.records import RawRecord, Reject

from .strategies import mixed_text, news_like, scaled

DOCUMENTED = {c.value for c in ErrorCode} - {ErrorCode.STAGE_FAILED.value}


def check_span(text: str, start: int, end: int, value: str, what: str) -> None:
    assert 0 <= start <= end <= len(text), f"{what}: [{start}:{end}] outside a text of {len(text)}"
    assert text[start:end] == value, f"{what}: {text[start:end]!r} != {value!r}"


def check_document(doc: Document) -> None:
    text = doc.article.text
    assert text.strip()
    if doc.article.title:
        assert text.startswith(doc.article.title)
    for a in doc.actors:
        for m in a.mentions:
            check_span(text, m.start, m.end, m.text, f"actor {a.id}")
    for p in doc.places:
        for m in p.mentions:
            check_span(text, m.start, m.end, m.text, f"place {p.id}")
    for t in doc.times:
        check_span(text, t.start, t.end, t.text, f"time {t.id}")
    for q in doc.quotes:
        check_span(text, q.start, q.end, q.text, f"quote {q.id}")
        for s in (q.cue, q.speaker_mention):
            if isinstance(s, Span):
                check_span(text, s.start, s.end, s.text, f"quote {q.id} span")
        assert q.speaker is None or doc.actor_by_id(q.speaker) is not None
    for e in doc.events:
        for ev in [e.evidence, *e.mentions]:
            check_span(text, ev.start, ev.end, ev.sentence, f"event {e.id} evidence")
            check_span(text, ev.trigger.start, ev.trigger.end, ev.trigger.text, f"event {e.id} trigger")
        assert e.quote is None or any(q.id == e.quote for q in doc.quotes)
    Document.model_validate(doc.to_dict())  # round-trips through the JSON contract


@settings(max_examples=scaled(40))
@given(texts=st.lists(st.one_of(news_like(), mixed_text), min_size=1, max_size=4))
def test_pipeline_on_random_text(pipeline: Any, texts: list[str]) -> None:
    records = [RawRecord(text=t, id=f"f{i}", published="2014-11-27") for i, t in enumerate(texts)]
    results = list(pipeline.pipe(records))
    assert len(results) == len(records), "an article went missing"
    for record, result in zip(records, results, strict=True):
        if isinstance(result, Reject):
            assert result.code in DOCUMENTED, f"undocumented failure: {result.reason}"
            assert result.id == record.id
        else:
            assert isinstance(result, Document) and result.id == record.id
            check_document(result)
