"""A clock time with its day, on sentences from real news (the realnews dev articles)."""

from __future__ import annotations

import datetime as dt

from eventwire.times.tagger import tag


def test_clock_weekday_and_date_take_the_date_named() -> None:
    # published 2017-07-23: "Friday, February 3" is February 3rd, not the Friday before publication
    found = tag("The victim was stabbed by Taleh Habibzade who called the police after the attack in Seaton "
                "Street, Edmonton, at 3.20pm, on Friday, February 3,", dt.date(2017, 7, 23))
    assert [(m.text, m.value) for m in found] == [("3.20pm, on Friday, February 3", "2017-02-03T15:20")]


def test_clock_in_gmt_is_tagged() -> None:
    found = tag("The blast happened at 09:30 GMT, officials said.", dt.date(2017, 7, 23))
    assert [(m.text, m.value) for m in found] == [("09:30 GMT", "2017-07-23T09:30")]


def test_a_clock_time_with_its_day_is_the_reference_for_the_next_day() -> None:
    found = tag("The victim was stabbed at 3.20pm, on Friday, February 3. Habibzade was arrested at the scene "
                "and was charged the following day.", dt.date(2017, 7, 23))
    assert [(m.text, m.value) for m in found][-1] == ("the following day", "2017-02-04")
