"""Pairing quote marks: straight and curly marks, multi-paragraph quotes, and malformed text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quotes.extract import scan_quote_marks


def texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in scan_quote_marks(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "we will win" and she said \u201cno you will not\u201d today.'
    assert texts(text) == ["we will win", "no you will not"]


def test_guillemets_and_low_marks() -> None:
    assert texts("Er sagte \u201eja bitte\u201c und \u00abnein danke\u00bb.") == ["ja bitte", "nein danke"]


def test_multi_paragraph_quote_shares_a_group() -> None:
    text = '"The first paragraph of the quote.\n"The second paragraph.\n"The end of it," he said.'
    found = scan_quote_marks(text)
    assert [text[m.start : m.end] for m in found] == [
        "The first paragraph of the quote.",
        "The second paragraph.",
        "The end of it,",
    ]
    assert len({m.group for m in found}) == 1
    assert found[0].close_mark is None and found[-1].close_mark is not None


def test_unclosed_quote_is_dropped_but_later_quotes_survive() -> None:
    text = 'He said "this never closes.\nThen she said "this one does" clearly.'
    assert texts(text) == ["this one does"]


def test_paragraph_that_does_not_continue_ends_a_dangling_quote() -> None:
    text = '"An opening with no end.\nA plain paragraph.\n"A real quote," he said.'
    assert texts(text) == ["A real quote,"]


def test_odd_number_of_marks() -> None:
    text = 'A "b" c "d e f'
    assert texts(text) == ["b"]


def test_nested_double_marks_stay_inside_the_outer_quote() -> None:
    text = "\u201cHe told me \u201cgo away\u201d and left,\u201d she said."
    assert texts(text) == ["He told me \u201cgo away\u201d and left,"]


def test_nested_single_marks_are_part_of_the_quote() -> None:
    text = "\"They said 'never' to us,\" he added."
    assert texts(text) == ["They said 'never' to us,"]


def test_marks_only_and_empty_quotes() -> None:
    for text in ['"', '""', '" "', "\u201d\u201c", '"""""', "", '\n\n"\n"']:
        assert texts(text) == []


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"\u201c\u201d\u201e\u00ab\u00bb'`")), max_size=80))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    found = scan_quote_marks(text)
    for m in found:
        assert 0 <= m.open_mark[0] < m.open_mark[1] <= m.start < m.end <= len(text)
        if m.close_mark is not None:
            assert m.end <= m.close_mark[0]
    # outermost quotes never overlap one another
    for a, b in pairwise(found):
        assert a.end <= b.start
