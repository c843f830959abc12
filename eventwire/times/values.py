"""Time values and calendar arithmetic: the calendar unit a date expression names (Point), the value it
normalises to (Val), month/unit shifts, durations and holidays.

Why apart from the rules: these are plain date computations with no text in them; rules.py reads words and
calls them, and each can be tested on dates alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from eventwire.times.lexicon import part_code


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clipped to the month's length; OverflowError outside years 1-9999."""
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move ``d`` by ``n`` units (D, W, M, Q, Y, DE, CE, FN, WE)."""
    if unit in ("D", "TMO", "TAF", "TEV", "TNI"):
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "FN":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "H":
        return add_months(d, 6 * n)
    if unit in ("Y", "SU", "WI", "SP", "FA", "SEASON"):
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    return d


def month_end(year: int, month: int) -> dt.date:
    """The last day of the month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month (winter: December before)


@dataclass(frozen=True)
class Point:
    """A calendar unit: granularity + a date inside it (+ a time-of-day suffix for TIME values)."""

    gran: str  # CE DE Y H Q SEASON M W WE D T
    date: dt.date
    extra: str = ""  # season code, half number, or a time suffix such as "T09:00" or "TMO"

    def value(self) -> str:
        d = self.date
        if self.gran == "CE":
            return f"{d.year // 100:02d}"
        if self.gran == "DE":
            return f"{d.year // 10:03d}"
        if self.gran == "Y":
            return f"{d.year:04d}"
        if self.gran == "H":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if self.gran == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "SEASON":
            return f"{d.year:04d}-{self.extra}"
        if self.gran == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran in ("W", "WE"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if self.gran == "WE" else "")
        if self.gran == "T":
            return d.isoformat() + self.extra
        return d.isoformat()

    def interval(self) -> tuple[dt.date, dt.date]:
        d = self.date
        if self.gran == "CE":
            c = d.year // 100 * 100
            return dt.date(max(c, 1), 1, 1), dt.date(c + 99, 12, 31)
        if self.gran == "DE":
            c = d.year // 10 * 10
            return dt.date(max(c, 1), 1, 1), dt.date(c + 9, 12, 31)
        if self.gran == "Y":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.gran == "H":
            first = 1 if d.month <= 6 else 7
            return dt.date(d.year, first, 1), month_end(d.year, first + 5)
        if self.gran == "Q":
            first = (d.month - 1) // 3 * 3 + 1
            return dt.date(d.year, first, 1), month_end(d.year, first + 2)
        if self.gran == "SEASON":
            start_month = SEASON_START.get(self.extra, 1)
            if self.extra == "WI":
                return dt.date(d.year - 1, 12, 1) if d.year > 1 else dt.date(1, 1, 1), month_end(d.year, 2)
            return dt.date(d.year, start_month, 1), month_end(d.year, start_month + 2)
        if self.gran == "M":
            return dt.date(d.year, d.month, 1), month_end(d.year, d.month)
        if self.gran == "W":
            monday = d - dt.timedelta(days=d.weekday())
            return monday, monday + dt.timedelta(days=6)
        if self.gran == "WE":
            saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
            return saturday, saturday + dt.timedelta(days=1)
        return d, d


@dataclass(frozen=True)
class Val:
    """A normalised expression before it becomes a TimexMatch."""

    type: str
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    point: Point | None = None  # set for specific calendar values (they can become the reference time)

    @staticmethod
    def of(point: Point, type_: str = "DATE") -> Val:
        lo, hi = point.interval()
        return Val(type_, point.value(), lo, hi, point)


def bare(value: str, type_: str = "DATE") -> Val:
    """A value with no interval: underspecified (XXXX-11-26) or a reference word (PAST_REF)."""
    return Val(type_, value)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None for an impossible one (February 30)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def point_for(unit: str, d: dt.date) -> Point:
    """The calendar unit of kind ``unit`` (a TIMEX3 unit code) that holds ``d``."""
    if unit in ("SU", "WI", "SP", "FA"):
        year = d.year + 1 if unit == "WI" and d.month == 12 else d.year
        return Point("SEASON", dt.date(year, SEASON_START[unit] if unit != "WI" else 1, 1), unit)
    gran = {"D": "D", "W": "W", "WE": "WE", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "FN": "W",
            "H": "H"}.get(unit, "D")
    return Point(gran, d)


def season_shift(anchor: dt.date, code: str, rel: str) -> Point:
    """last/this/next SEASON: the latest season wholly before the anchor, the current one, or the next one."""
    cur = point_for(code, anchor)
    lo, hi = cur.interval()
    if rel in ("last", "past", "previous", "this past"):
        year = cur.date.year if hi < anchor else cur.date.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = cur.date.year if lo > anchor else cur.date.year + 1
    else:
        year = cur.date.year
    return Point("SEASON", dt.date(year, cur.date.month, 1), code)


def day_or_part(d: dt.date, part: str | None) -> Val:
    """The day, or a TIME value for a part of it ("morning" -> 2014-11-26TMO)."""
    code = part_code(part)
    if code:
        return Val.of(Point("T", d, code), "TIME")
    return Val.of(Point("D", d))


def duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT5H, P6W, PXD for vague amounts; fractional amounts go to the next smaller unit when exact."""
    if unit == "DE":
        unit, n = "Y", (n * 10 if n is not None else None)
    elif unit == "CE":
        unit, n = "Y", (n * 100 if n is not None else None)
    elif unit == "FN":
        unit, n = "W", (n * 2 if n is not None else None)
    elif unit == "Q":
        unit = "Q"
    elif unit == "WE":
        unit = "WE"
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
    rest = ""
    if n is not None and n != int(n) and unit in smaller:
        sub, factor = smaller[unit]
        extra = (n - int(n)) * factor
        if extra == int(extra):
            rest = f"{int(extra)}{'M' if sub == 'MIN' else sub}"
            n = float(int(n))
            if n == 0:
                return duration_value(extra, sub)
    amount = "X" if n is None else str(int(n)) if n == int(n) else str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}{rest}"
    if rest and unit in ("D",):
        return f"P{amount}DT{rest}"
    return f"P{amount}{unit}{rest}"


def specificity(val: Val) -> int:
    """How precise a value is (restatements keep the more precise one)."""
    if val.point is None:
        return 0
    ranks = {"CE": 1, "DE": 2, "Y": 3, "H": 4, "Q": 5, "SEASON": 5, "M": 6, "W": 7, "WE": 7, "D": 8, "T": 9}
    return ranks[val.point.gran]


def easter(year: int) -> dt.date:
    """Anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * mm + 114) // 31
    day = (h + ll - 7 * mm + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of the month (Monday=0); n < 0 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named holiday (US calendar for the movable ones) in ``year``; None if unknown."""
    n = re.sub(r"\s+", " ", name.lower().replace("'", ""))
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new years": (1, 1),
             "new years day": (1, 1), "new years eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
             "valentines day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "may day": (5, 1)}
    if n in fixed:
        return dt.date(year, *fixed[n])
    if n.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if n.startswith("easter"):
        return easter(year)
    if n == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if n == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if n == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if n == "election day":
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return None
