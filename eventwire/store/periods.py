"""Which period an event falls in, by the precision of its date: one rule for dyads, panels and exports.

Why: the store keeps the first day a date covers (``date``: 2014 -> 2014-01-01, 2014-W48 -> its Monday) and
its precision. Truncating that day to a finer period than the date knows put a year-only event in the week
of 1 January and in January. Here an event is placed in a period only when its date is at least that
precise: a day in any period, a week in its week, month (the month of its Thursday, as ISO 8601 gives a week
to the year of its Thursday) and year, a month in its month and year, a year only in its year. An event
placed in no period gets NULL.
"""

from __future__ import annotations

from eventwire.errors import ErrorCode, EventwireError

PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
# Precisions that name one day: a day, a time, or the publication date the event was dated by.
DAY_PRECISIONS: tuple[str, ...] = ("day", "time", "published")


def period_sql(period: str, date: str = "date", precision: str = "date_precision", value: str = "date_value") -> str:
    """A SQL expression (DATE or NULL): the first day of the ``period`` the event falls in.

    ``date``, ``precision`` and ``value`` are column expressions (constants of the caller, never input). A
    value that names a day and more ("2018-12-19TAF", an afternoon) is a day.
    """
    if period not in PERIODS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"period {period!r}; use one of {', '.join(PERIODS)}")
    day_like = ", ".join(f"'{p}'" for p in DAY_PRECISIONS)
    names_day = f"regexp_matches({value}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}')"
    is_day = f"({precision} IS NULL OR {precision} IN ({day_like}) OR {names_day})"
    if period == "day":
        return f"CASE WHEN {is_day} THEN {date} END"
    if period == "week":
        return f"CASE WHEN {is_day} OR {precision} = 'week' THEN CAST(date_trunc('week', {date}) AS DATE) END"
    cases = [f"WHEN {is_day} OR {precision} IN ('month', 'year') THEN CAST(date_trunc('{period}', {date}) AS DATE)",
             f"WHEN {precision} = 'week' THEN CAST(date_trunc('{period}', {date} + 3) AS DATE)"]
    if period == "month":
        cases[0] = f"WHEN {is_day} OR {precision} = 'month' THEN CAST(date_trunc('month', {date}) AS DATE)"
    return "CASE " + " ".join(cases) + " END"
