"""The tagger on plain text written for the purpose: spans, TIMEX3 values and intervals against an anchor."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.times.tagger import TimexMatch, tag

ANCHOR = dt.date(2014, 11, 27)  # a Thursday


def only(text: str, anchor: dt.date | None = ANCHOR) -> TimexMatch:
    found = tag(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The talks ended on November 26, 2014 in Vienna.", "November 26, 2014", "2014-11-26"),
        ("The talks ended on Nov. 26, 2014 in Vienna.", "Nov. 26, 2014", "2014-11-26"),
        ("The talks ended on 26 November 2014 in Vienna.", "26 November 2014", "2014-11-26"),
        ("The talks ended on 2014-11-26 in Vienna.", "2014-11-26", "2014-11-26"),
        ("The talks ended on 11/26/2014 in Vienna.", "11/26/2014", "2014-11-26"),
        ("The talks ended on 26/11/2014 in Vienna.", "26/11/2014", "2014-11-26"),
        ("The treaty was signed in March 2011.", "March 2011", "2011-03"),
        ("The party was founded in 1998 by exiles.", "1998", "1998"),
        ("Unrest grew in the 1990s.", "the 1990s", "199"),
        ("Troops left on Sunday, Nov. 23.", "Sunday, Nov. 23", "2014-11-23"),
    ],
)
def test_explicit_dates(text: str, expression: str, value: str) -> None:
    m = only(text)
    assert m.text == expression
    assert text[m.start : m.end] == m.text
    assert m.value == value
    assert m.type == "DATE"


def test_day_without_year_leans_to_the_recent_past() -> None:
    assert only("The minister arrived on November 26.").value == "2014-11-26"
    # two months ahead would be news about the future; with a past-tense verb it is last year's date
    assert only("The minister arrived on January 20.").value == "2014-01-20"
    assert only("Officials met on December 15 to discuss the plan.").value == "2013-12-15"
    # a past-tense verb governing the date rules out the near future; a forward-looking participle does not
    assert only("The report came out December 3.").value == "2013-12-03"
    assert only("The vote was postponed until December 3.").value == "2014-12-03"
    assert only("A decision is expected in December.").value == "2014-12"


def test_day_without_year_goes_forward_with_future_tense() -> None:
    assert only("The minister will arrive on December 3.").value == "2014-12-03"
    assert only("The vote is scheduled for January 12.").value == "2015-01-12"
    # a date just gone stays in the past even in a future sentence far from the cue
    assert only("By November 20 the deadline had passed.").value == "2014-11-20"


def test_bare_month_is_resolved_by_tense() -> None:
    assert only("Elections were held in March.").value == "2014-03"
    assert only("Elections will be held in March.").value == "2015-03"


@pytest.mark.parametrize(
    ("text", "expression", "value", "earliest", "latest"),
    [
        ("Rebels attacked the town yesterday.", "yesterday", "2014-11-26", "2014-11-26", "2014-11-26"),
        ("Rebels are attacking the town today.", "today", "2014-11-27", "2014-11-27", "2014-11-27"),
        ("Rebels will attack the town tomorrow.", "tomorrow", "2014-11-28", "2014-11-28", "2014-11-28"),
        ("Rebels attacked the town last Tuesday.", "last Tuesday", "2014-11-25", "2014-11-25", "2014-11-25"),
        ("Rebels attacked the town on Monday.", "Monday", "2014-11-24", "2014-11-24", "2014-11-24"),
        ("Rebels will attack the town on Monday.", "Monday", "2014-12-01", "2014-12-01", "2014-12-01"),
        ("Rebels attacked the town six weeks ago.", "six weeks ago", "2014-W42", "2014-10-13", "2014-10-19"),
        ("Rebels attacked the town two days ago.", "two days ago", "2014-11-25", "2014-11-25", "2014-11-25"),
        ("Rebels attacked the town three months ago.", "three months ago", "2014-08", "2014-08-01", "2014-08-31"),
        ("Rebels attacked the town earlier this month.", "earlier this month", "2014-11", "2014-11-01", "2014-11-30"),
        ("Talks resume next week.", "next week", "2014-W49", "2014-12-01", "2014-12-07"),
        ("Talks failed last week.", "last week", "2014-W47", "2014-11-17", "2014-11-23"),
        ("Growth slowed this year.", "this year", "2014", "2014-01-01", "2014-12-31"),
        ("Growth slowed last year.", "last year", "2013", "2013-01-01", "2013-12-31"),
        ("Growth will recover next month.", "next month", "2014-12", "2014-12-01", "2014-12-31"),
        ("Growth slowed in the third quarter.", "the third quarter", "2014-Q3", "2014-07-01", "2014-09-30"),
        ("Fighting resumed last summer.", "last summer", "2014-SU", "2014-06-01", "2014-08-31"),
        ("Fighting resumed on Christmas Day, 2013.", "Christmas Day, 2013", "2013-12-25", "2013-12-25", "2013-12-25"),
    ],
)
def test_relative_expressions(text: str, expression: str, value: str, earliest: str, latest: str) -> None:
    m = only(text)
    assert (m.text, m.value, m.earliest, m.latest) == (expression, value, earliest, latest)


def test_later_and_earlier_count_from_the_reference_time() -> None:
    found = tag("The ceasefire began on March 3, 2012. Two days later it collapsed.", ANCHOR)
    assert [m.value for m in found] == ["2012-03-03", "2012-03-05"]
    found = tag("Profit rose in the third quarter. A year earlier it had fallen.", dt.date(1989, 10, 26))
    assert [m.value for m in found] == ["1989-Q3", "1988-Q3"]


def test_next_and_previous_day_are_dates_from_the_reference_time() -> None:
    found = tag("They met on March 3, 2012. The following day he resigned.", ANCHOR)
    assert [(m.text, m.value) for m in found] == [("March 3, 2012", "2012-03-03"), ("The following day", "2012-03-04")]
    assert only("The previous day he had resigned.").value == "2014-11-26"


def test_a_year_is_not_an_amount() -> None:
    found = tag("The war began in 2011 and two years later it spread.", ANCHOR)
    assert [(m.text, m.value) for m in found] == [("2011", "2011"), ("two years later", "2013")]
    assert only("The first half of 2014 was calm.").value == "2014-H1"
    assert only("The 2011-2013 crisis ended.").text == "2011-2013"


def test_restatement_is_one_expression() -> None:
    text = "Russian leaders yesterday (November 26) reaffirmed their support."
    m = only(text)
    assert m.text == "yesterday (November 26)"
    assert m.value == "2014-11-26"
    # the explicit date wins when the two disagree: it is the more specific statement
    assert only("They met on Monday (November 17).").value == "2014-11-17"


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("He ruled for three years.", "three years", "DURATION", "P3Y"),
        ("The siege lasted six weeks.", "six weeks", "DURATION", "P6W"),
        ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("Prices fell over the past two months.", "the past two months", "DURATION", "P2M"),
        ("The panel meets every week.", "every week", "SET", "P1W"),
        ("The panel meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("Patrols are run daily.", "daily", "SET", "P1D"),
        ("The troops are now in the city.", "now", "DATE", "PRESENT_REF"),
        ("The group has recently grown.", "recently", "DATE", "PAST_REF"),
        ("The shelling began at 3 p.m. yesterday.", "3 p.m. yesterday", "TIME", "2014-11-26T15:00"),
        ("Leaders spoke this morning.", "this morning", "TIME", "2014-11-27TMO"),
    ],
)
def test_durations_sets_and_others(text: str, expression: str, type_: str, value: str) -> None:
    m = only(text)
    assert (m.text, m.type, m.value) == (expression, type_, value)


def test_no_anchor_leaves_relative_expressions_underspecified() -> None:
    found = {m.text: m for m in tag("They met yesterday and again last Tuesday, on November 26.", None)}
    assert found["yesterday"].value == "XXXX-XX-XX"
    assert found["yesterday"].earliest is None
    assert found["last Tuesday"].value == "XXXX-WXX-2"
    assert found["November 26"].value == "XXXX-11-26"
    # explicit dates need no anchor
    assert only("The accord of June 4, 1998 held.", None).value == "1998-06-04"


@pytest.mark.parametrize(
    "text",
    [
        "The minister may visit Moscow.",  # the modal, not the month
        "Protesters will march on the capital.",
        "The resolution passed with 2014 votes.",
        "He paid $1998 for the car.",
        "Inflation reached 1999% in Zimbabwe.",
        "June Carter sang.",
    ],
)
def test_non_temporal_words_are_not_tagged(text: str) -> None:
    assert tag(text, ANCHOR) == []


def test_determiners_and_signals_stay_outside_the_span() -> None:
    assert only("It signed the Oct. 23 accord.").text == "Oct. 23"
    assert only("It posted a third-quarter loss.").text == "third-quarter"
    assert only("He left for three years.").text == "three years"
    assert only("It happened in the past.").text == "the past"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_never_raises_and_offsets_hold(text: str, anchor: dt.date | None) -> None:
    for m in tag(text, anchor):
        assert text[m.start : m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["yesterday", "last", "Tuesday", "November", "26", ",", "2014", "ago", "six",
                              "weeks", "(", ")", "the", "year", "earlier", "9999", "0001", "a.m.", "every",
                              "next", "century", "31", "February", "Q4", "fourth", "quarter", " ", "'s"]),
             max_size=25),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_extreme_anchors_and_temporal_word_salad(words: list[str], anchor: dt.date | None) -> None:
    text = " ".join(words)
    for m in tag(text, anchor):
        assert text[m.start : m.end] == m.text


def test_many_candidates_stay_linear() -> None:
    """A text dense with month and weekday names must not make overlap resolution quadratic."""
    import time

    text = "May June Monday, " * 3000
    started = time.perf_counter()
    found = tag(text, ANCHOR)
    assert time.perf_counter() - started < 8.0
    assert all(text[m.start : m.end] == m.text for m in found)
