"""The time normaliser and the quote extractor on arbitrary text: no exception, every span inside the
text, and each match's text equal to the slice it names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quotes.extract import quotes_from_text, scan_quote_marks
from eventwire.times import tagger

from .strategies import mixed_text, news_like, scaled

TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=scaled(150))
@given(text=mixed_text, anchor=anchors)
def test_timex_tag(text: str, anchor: dt.date | None) -> None:
    matches = tagger.tag(text, anchor)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.type in TIMEX_TYPES and m.value
    spans = sorted((m.start, m.end) for m in matches)
    # consecutive pairs: spans[1:] is one shorter, so zip stops at the last pair by design
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "overlapping time expressions"


def _inside(span: tuple[int, int] | None, n: int) -> bool:
    return span is None or 0 <= span[0] <= span[1] <= n


@settings(max_examples=scaled(150))
@given(text=mixed_text)
def test_quote_mark_scanner(text: str) -> None:
    for m in scan_quote_marks(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert _inside(m.open_mark, len(text)) and _inside(m.close_mark, len(text))


@settings(max_examples=scaled(40))
@given(text=news_like(max_tokens=80))
def test_quote_extractor(nlp: Any, text: str) -> None:
    for q in quotes_from_text(text, nlp):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text(text) == text[q.start : q.end] and q.text(text).strip()
        for span in (q.cue, q.speaker, q.speaker_head):
            assert _inside(span, len(text))
        assert q.kind in ("direct", "indirect")
