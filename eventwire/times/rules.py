"""The date rules: one declaration per rule, in priority order.

Each rule is a normaliser function under a ``@rule(...)`` decorator that declares the rest of it: its name,
the pattern that proposes candidate spans (compiled case-insensitive, never starting inside a word; a group
named ``span`` narrows the span kept), the gate (a regex, in lower case, that every match contains: the
cheap prefilter that lets the pattern run only on texts that can match), whether its value becomes the
reference time for later relative expressions, and examples it must win on (checked by
tests/times/test_rules.py). The normaliser gets the match and the document Context and returns a Val, or
None when the match is not a time expression after all.

Order matters: when two candidates of the same length overlap, the rule declared first wins. A new rule goes
where its priority needs to be (docs/extending.md).
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.times.context import (
    FORWARD_DAYS,
    Context,
    choose_year,
    quarter_year_default,
    ref_for_relative,
    reported_quarter,
    weekday_date,
    weekend,
)
from eventwire.times.lexicon import (
    APPROX,
    DAYNUM,
    DECADE_WORDS,
    EDGE,
    G_MONTH,
    G_SEASON,
    G_UNIT,
    G_WEEKDAY,
    HOLIDAY,
    MONTH,
    MONTH_ABBR_UP,
    MONTH_FULL,
    MONTHS,
    NUM_FILLER,
    NUM_RANGE,
    ORDINAL_ALPHA,
    ORDINAL_WORDS,
    ORDINALS,
    REL,
    SEASON,
    SPOKEN_YEAR,
    TZ,
    UNIT,
    UNIT_SG,
    UNITS,
    WEEKDAY,
    WEEKDAY_PREFIX,
    WEEKDAYS,
    WORD_NUM,
    YEAR4,
    day_number,
    month_number,
    part_code,
    read_number,
    spoken_year,
    unit_code,
    year_of,
)
from eventwire.times.rulebook import RuleBook
from eventwire.times.values import (
    SEASON_START,
    Point,
    Val,
    bare,
    day_or_part,
    duration_value,
    holiday_date,
    point_for,
    safe_date,
    season_shift,
    shift,
)

RULES = RuleBook()
"""Every rule, in priority order."""
rule = RULES.rule


@rule(
    "iso",
    pattern=r"(?<![\d/.-])(" + YEAR4 + r")-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T(\d\d):(\d\d)(?::\d\d)?)?(?![\d-])",
    gate=r"\d-\d",
    sets_reference=True,
    examples=["2014-11-26", "2014-11-26T09:30"],
)
def _n_iso(m: re.Match[str], ctx: Context) -> Val | None:
    d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return None
    if m.group(4):
        return Val.of(Point("T", d, f"T{m.group(4)}:{m.group(5)}"), "TIME")
    return Val.of(Point("D", d))


@rule(
    "iso_month",
    pattern=r"(?<![\d/.-])(" + YEAR4 + r")-(0[1-9]|1[0-2])(?![\d-])",
    gate=r"\d-\d",
    examples=["2014-11"],
)
def _n_iso_month(m: re.Match[str], ctx: Context) -> Val | None:
    return Val.of(Point("M", dt.date(int(m.group(1)), int(m.group(2)), 1)))


@rule(
    "slash",
    pattern=r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])",
    gate=r"\d/\d",
    sets_reference=True,
    examples=["11/26/2014", "26/11/14"],
)
def _n_slash(m: re.Match[str], ctx: Context) -> Val | None:
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 30 else 2000 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    d = safe_date(year, month, day)
    return Val.of(Point("D", d)) if d else None


def _month_day(ctx: Context, month: int, day: int, year_text: str | None, start: int, end: int) -> Val | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = year_of(year_text) if year_text else choose_year(ctx, month, day, start, end)
    if year is None:
        return bare(f"XXXX-{month:02d}-{day:02d}")
    d = safe_date(year, month, day)
    return Val.of(Point("D", d)) if d else None


@rule(
    "mdy",
    pattern=(
        WEEKDAY_PREFIX + r"(?:the\s+)?(" + MONTH + r")\s+(" + DAYNUM
        + r")(?!\d|:\d)(?:,?\s+(" + YEAR4 + r"|'\d\d)(?!\d))?"
    ),
    gate=G_MONTH,
    sets_reference=True,
    examples=["November 26, 2014", "Nov. 26", "Sunday, Nov. 23"],
)
def _n_mdy(m: re.Match[str], ctx: Context) -> Val | None:
    return _month_day(ctx, month_number(m.group(1)), day_number(m.group(2)), m.group(3), m.start(), m.end())


@rule(
    "dmy",
    pattern=(
        WEEKDAY_PREFIX + r"(?:the\s+)?(" + DAYNUM + r")\s+(?:of\s+)?("
        + MONTH + r")(?:,?\s+(" + YEAR4 + r")(?!\d))?"
    ),
    gate=G_MONTH,
    sets_reference=True,
    examples=["26 November 2014", "the 3rd of March"],
)
def _n_dmy(m: re.Match[str], ctx: Context) -> Val | None:
    return _month_day(ctx, month_number(m.group(2)), day_number(m.group(1)), m.group(3), m.start(), m.end())


@rule(
    "month_spoken_day",
    pattern=r"(" + MONTH_FULL + r")\s+(" + ORDINAL_WORDS + r")\b",
    gate=G_MONTH,
    sets_reference=True,
    examples=["March first"],
)
def _n_month_spoken_day(m: re.Match[str], ctx: Context) -> Val | None:
    day = ORDINALS.get(m.group(2).lower(), 0)
    if day <= 0:
        return None
    return _month_day(ctx, month_number(m.group(1)), day, None, m.start(), m.end())


@rule(
    "month_year",
    pattern=r"(?:(?:" + EDGE + r")\s*)?(" + MONTH + r"),?\s+(?:of\s+)?(" + YEAR4 + r"|" + SPOKEN_YEAR + r")(?![\d])",
    gate=G_MONTH,
    sets_reference=True,
    examples=["March 2011", "early May of 1998"],
)
def _n_month_year(m: re.Match[str], ctx: Context) -> Val | None:
    year = year_of(m.group(2))
    month = month_number(m.group(1))
    if year is None or not 1 <= month <= 12:
        return None
    return Val.of(Point("M", dt.date(year, month, 1)))


@rule(
    "month_rel_year",
    pattern=r"(?:(?:" + EDGE + r")\s*)?(" + MONTH + r")\s+(?:of\s+)?(last|this|next)\s+year",
    gate=G_MONTH,
    sets_reference=True,
    examples=["March of last year", "June next year"],
)
def _n_month_rel_year(m: re.Match[str], ctx: Context) -> Val | None:
    month = month_number(m.group(1))
    if not 1 <= month <= 12:
        return None
    if ctx.anchor is None:
        return bare(f"XXXX-{month:02d}")
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    return Val.of(Point("M", dt.date(year, month, 1)))


_BARE_MONTH_OK = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|of|to|and|or|last|next|this|early|late|mid|end"
    r"|beginning|start|middle|on|between|past|coming|for)\s+|mid-)$", re.I)


@rule(
    "month",
    pattern=r"(?:(?:" + EDGE + r")\s*)?(?:(" + REL + r")\s+)?(" + MONTH_FULL + r"|" + MONTH_ABBR_UP + r")(?![\w'-])",
    gate=G_MONTH,
    sets_reference=True,
    examples=["in March", "last February"],
)
def _n_month(m: re.Match[str], ctx: Context) -> Val | None:
    word = m.group(2)
    month = month_number(word)
    if not 1 <= month <= 12:
        return None
    rel = (m.group(1) or "").lower()
    prefix = m.group(0)[: m.start(2) - m.start()]
    if not prefix.strip():
        before = ctx.text[max(0, m.start() - 30): m.start()]
        # "May" and "March" are also a verb and a noun: need a preposition or a date-ish neighbour
        if word in ("May", "March", "MAY", "MARCH") and not _BARE_MONTH_OK.search(before):
            return None
        after = ctx.text[m.end(): m.end() + 3]
        if word.isupper() and not _BARE_MONTH_OK.search(before):
            return None
        if after.startswith(" ") and after[1:2].isupper() and not _BARE_MONTH_OK.search(before):
            return None  # "June Carter", "August Wilson": a first name
    if ctx.anchor is None:
        return bare(f"XXXX-{month:02d}")
    a = ctx.anchor
    if rel in ("last", "past", "previous", "this past"):
        # "last February" said in March means a year back: the month just gone is "last month"
        year = a.year if month < a.month - 1 else a.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = a.year if month > a.month else a.year + 1
    elif rel in ("this", "current"):
        year = a.year
    else:
        chosen = choose_year(ctx, month, None, m.start(), m.end())
        if chosen is None:
            return bare(f"XXXX-{month:02d}")
        year = chosen
    return Val.of(Point("M", dt.date(year, month, 1)))


@rule(
    "half",
    pattern=(
        r"(?:the\s+)?(first|second|last|latter)\s+half\s+(?:of\s+)?"
        r"(?:(?:the\s+)?(?:(" + YEAR4 + r")|(this|last|next)\s+year|the\s+year|(?:the\s+)?'(\d)0s))"
    ),
    gate=r"half",
    sets_reference=True,
    examples=["the first half of 2014", "the second half of next year"],
)
def _n_half(m: re.Match[str], ctx: Context) -> Val | None:
    which = m.group(1).lower()
    h = 1 if which == "first" else 2
    if m.group(2):
        year = int(m.group(2))
    elif m.group(3) and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(3).lower()]
    elif m.group(4):
        return bare(f"19{m.group(4)}{'X'}")
    elif ctx.anchor is not None:
        year = ctx.anchor.year
    else:
        return bare(f"XXXX-H{h}")
    return Val.of(Point("H", dt.date(year, 1 if h == 1 else 7, 1)))


_QUANTITY_NOUN = re.compile(
    r"\s*(?:people|troops|soldiers|men|women|children|dollars|euros|units|shares|cars|jobs|km|kilometers|miles|meters"
    r"|tons|feet|acres|votes|cases|deaths|barrels)\b")


@rule(
    "year",
    pattern=(
        r"(?<![\d$£€#.,/-])(?:(?:the\s+)?(?:(?:" + EDGE + r")\s*)?)?"
        r"(?:(?:fiscal|calendar|financial|model)[\s-]+(?:year\s+)?)?"
        r"(?:(" + YEAR4 + r")|(" + SPOKEN_YEAR + r"))(?:-(\d\d|" + YEAR4 + r"))?"
        r"(?![\d,.]\d|%|\s*percent|[-\w]|\s+(?:years|months|days|hours|people|miles))"
    ),
    gate=r"1[6-9]\d\d|2[01]\d\d|nineteen|thousand",
    sets_reference=True,
    examples=["in 1998", "fiscal 1999"],
)
def _n_year(m: re.Match[str], ctx: Context) -> Val | None:
    if m.group(1):
        year = int(m.group(1))  # "1998-99" is dated by its first year
        # a bare 4-digit number far in the future is a quantity, not a year
        if ctx.anchor is not None and year > ctx.anchor.year + 30:
            return None
        if ctx.anchor is None and year > 2100:
            return None
        before = ctx.text[max(0, m.start() - 12): m.start()].lower()
        after = ctx.text[m.end(): m.end() + 12].lower()
        if re.search(r"(\bno\.|\bnumber|\broom|\bflight|\broute|\bpage|\bresolution|\bp\.)\s*$", before):
            return None
        if _QUANTITY_NOUN.match(after):
            return None
    else:
        spoken = spoken_year(m.group(2))
        if spoken is None:
            return None
        year = spoken
    if not 1 <= year <= 9999:
        return None
    return Val.of(Point("Y", dt.date(year, 1, 1)))


@rule(
    "decade",
    pattern=r"(?:the\s+)?(?:(?:" + EDGE + r")\s*)?(?:(1[5-9]|20)(\d)0'?s|'(\d)0s|(" + DECADE_WORDS + r"))(?![\w'])",
    gate=r"0'?s|ties",
    examples=["the 1990s", "the late eighties"],
)
def _n_decade(m: re.Match[str], ctx: Context) -> Val | None:
    if m.group(1):
        year = int(m.group(1) + m.group(2) + "0")
    elif m.group(3):
        year = 1900 + int(m.group(3)) * 10
    else:
        words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
        if not m.group(0).lower().startswith("the"):
            return None
        year = 1900 + words[m.group(4).lower()] * 10
    return Val.of(Point("DE", dt.date(year, 1, 1)))


@rule(
    "century",
    pattern=r"(?:the\s+)?(?:(?:" + EDGE + r")\s*)?(\d{1,2}(?:st|nd|rd|th)|" + ORDINAL_ALPHA + r")[\s-]century",
    gate=r"century",
    examples=["the 21st century", "the nineteenth century"],
)
def _n_century(m: re.Match[str], ctx: Context) -> Val | None:
    word = m.group(1).lower()
    n = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= n <= 30:
        return None
    return Val.of(Point("CE", dt.date(max((n - 1) * 100, 1), 1, 1)))


_YEAR_BACK = re.compile(r"year[\s-](?:earlier|ago)|a year (?:ago|earlier)|comparable|corresponding")


@rule(
    "quarter",
    pattern=(
        r"(?:(?:the|its|a|this\s+year's|last\s+year's|next\s+year's"
        r"|(?:the\s+)?(?:year[\s-]earlier|year[\s-]ago|comparable|corresponding|same)|the\s+(?:" + YEAR4 + r"))\s+)*"
        r"(?:(?:fiscal|calendar)[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?!s)"
        r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(" + YEAR4 + r")|(this|last|next)\s+year))?"
        r"(?:\s+a\s+year\s+(?:ago|earlier))?"
    ),
    gate=r"quarter",
    sets_reference=True,
    examples=["the third quarter", "the fourth quarter of 2013"],
)
def _n_quarter(m: re.Match[str], ctx: Context) -> Val | None:
    q = ORDINALS.get(m.group(1).lower(), 0)
    if not 1 <= q <= 4:
        return None
    whole = m.group(0).lower()
    year: int | None
    if m.group(2):
        year = int(m.group(2))
    else:
        prefix_year = re.search(r"the\s+(\d{4})\s", whole)
        rel = m.group(3) or (re.match(r"(this|last|next) year's", whole) or [None, None])[1]
        if prefix_year:
            year = int(prefix_year.group(1))
        elif rel and ctx.anchor is not None:
            year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
        else:
            year = quarter_year_default(ctx, q, m.start(), m.end())
            if year is not None and _YEAR_BACK.search(whole):
                year -= 1
    if year is None:
        return bare(f"XXXX-Q{q}")
    return Val.of(Point("Q", dt.date(year, (q - 1) * 3 + 1, 1)))


@rule(
    "rel_unit",
    pattern=(
        r"(?:(" + EDGE + r")\s*)?(?:the\s+)?(" + REL + r"|same|latest|current|year[\s-]earlier|year[\s-]ago)"
        r"\s+(?:fiscal\s+)?(" + UNIT_SG + r"|" + SEASON + r")(?![\w-])"
    ),
    gate=G_UNIT + "|" + G_SEASON,
    sets_reference=True,
    examples=["last week", "next year", "this summer"],
)
def _n_rel_unit(m: re.Match[str], ctx: Context) -> Val | None:
    edge = (m.group(1) or "").lower()
    rel = re.sub(r"[\s-]+", " ", m.group(2).lower())
    unit = unit_code(m.group(3))
    whole = m.group(0).lower()
    if not unit or unit in ("S", "MIN", "H", "TMO", "TAF", "TEV"):
        return None
    if unit == "SEASON":
        return None
    if unit == "D" and rel in ("next", "following", "previous"):
        # "the next day", "the previous day": a day counted from the reference time
        base = ctx.base()
        if base is None:
            return bare("XXXX-XX-XX")
        return Val.of(Point("D", base + dt.timedelta(days=-1 if rel == "previous" else 1)))
    # "the past year", "the last decade", "the next month" read as durations in TimeML
    durative = ("past", "last", "next", "coming") if ctx.ref is not None else (
        "past", "last", "next", "coming", "previous", "following")
    if whole.startswith("the ") and rel in durative and not edge:
        if unit in ("SU", "WI", "SP", "FA"):
            return None
        return Val("DURATION", duration_value(1, unit))
    if rel == "past" and not edge:
        return Val("DURATION", duration_value(1, unit)) if unit not in ("SU", "WI", "SP", "FA") else None
    a = ctx.anchor
    if rel in ("same",):
        if ctx.ref is None:
            return None
        return Val.of(point_for(unit, ctx.ref.date))
    if rel in ("year earlier", "year ago"):
        if a is None:
            return bare("XXXX")
        if unit == "Q":
            base = ctx.last_quarter.date if ctx.last_quarter is not None else shift(a, "Q", -1)
        else:
            base = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == unit[:1] else a
        return Val.of(point_for(unit, shift(base, "Y", -1)))
    if a is None:
        return bare({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}.get(unit, "XXXX"))
    if unit in ("SU", "WI", "SP", "FA"):
        return Val.of(season_shift(a, unit, rel))
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
            "this coming": 1}.get(rel, 0)
    base = a
    if rel in ("previous", "following") and ctx.ref is not None:
        base = ctx.ref.date
    if rel in ("latest", "this") and unit == "Q" and ctx.last_quarter is not None:
        return Val.of(ctx.last_quarter)
    if rel == "latest" and unit == "Q":
        return Val.of(Point("Q", shift(a, "Q", -1)))
    if unit == "WE" and step == 0:
        return Val.of(Point("WE", weekend(ctx, m.start(), m.end())))
    return Val.of(point_for(unit, shift(base, unit, step)))


@rule(
    "season",
    pattern=r"(?:(?:the|" + EDGE + r")\s+)?(" + SEASON + r")(?:\s+of)?\s+(" + YEAR4 + r"|" + SPOKEN_YEAR + r")(?!\d)",
    gate=G_SEASON,
    sets_reference=True,
    examples=["summer 2013", "the spring of 1998"],
)
def _n_season(m: re.Match[str], ctx: Context) -> Val | None:
    code = UNITS[m.group(1).lower()]
    year = year_of(m.group(2))
    if year is None:
        return None
    return Val.of(Point("SEASON", dt.date(year, SEASON_START[code] if code != "WI" else 1, 1), code))


# Known gap, kept for identical output: group 1 is the ``span`` group, so "in the summer" looks up "the summer"
# in UNITS, raises KeyError and gives nothing; "in summer" works.
@rule(
    "bare_season",
    pattern=(
        r"\b(?:in|during|by|until|since|through)\s+"
        r"(?P<span>(?:the\s+(?:early\s+|late\s+)?)?(summer|winter|autumn|spring))(?![\w-])"
    ),
    gate=G_SEASON,
    examples=["in summer"],
)
def _n_bare_season(m: re.Match[str], ctx: Context) -> Val | None:
    code = UNITS[m.group(1).lower()]
    if ctx.anchor is None:
        return bare(f"XXXX-{code}")
    tense = ctx.tense(m.start(), m.end())
    rel = "next" if tense == "future" else "last" if tense.startswith("past") else "this"
    point = season_shift(ctx.anchor, code, rel)
    cur = point_for(code, ctx.anchor)
    if rel == "last" and cur.interval()[0] <= ctx.anchor:
        point = cur
    return Val.of(point)


@rule(
    "the_unit",
    pattern=(
        r"\b(?:the|that|this)\s+(?:(?:fiscal|full|whole|entire|same)\s+)?"
        r"(year|quarter|week|month|day|weekend|time|period)(?![\w'-])"
    ),
    gate=r"year|quarter|week|month|day|time|period",
    examples=["the year", "the weekend"],
)
def _n_the_unit(m: re.Match[str], ctx: Context) -> Val | None:
    word = m.group(1).lower()
    whole = m.group(0).lower()
    if word in ("time", "period"):
        if not whole.startswith("that"):
            return None
        return Val.of(ctx.ref) if ctx.ref is not None else None
    unit = unit_code(word)
    a = ctx.anchor
    if whole.startswith("that") or " same " in whole:
        if ctx.ref is None:
            return None
        return Val.of(point_for(unit, ctx.ref.date))
    if word == "day":
        return None  # "the day" is too often "the day of the attack"
    if unit == "Y" and re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end(): m.end() + 10]):
        return Val("DURATION", "P1Y")  # "the year ended March 31": a fiscal year, not a calendar one
    if a is None:
        return bare("XXXX")
    if unit == "Q":
        if ctx.last_quarter is not None:
            return Val.of(ctx.last_quarter)
        return Val.of(Point("Q", shift(a, "Q", -1)))
    if unit == "Y":
        if ctx.ref is not None and ctx.ref.gran in ("Y", "Q", "M", "D", "H") and abs(ctx.ref.date.year - a.year) <= 1:
            return Val.of(Point("Y", ctx.ref.date))
        return Val.of(Point("Y", a))
    if unit == "WE":
        return Val.of(Point("WE", weekend(ctx, m.start(), m.end())))
    if unit in ("W", "M"):
        return Val.of(point_for(unit, a))
    return None


@rule(
    "edge_rel",
    pattern=(
        r"(early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
        r"|the\s+rest\s+of|the\s+remainder\s+of)\s+(?:(?:in|of)\s+)?(this|last|next|the|that)\s+"
        r"(week|month|year|quarter|decade|century)(?![\w-])"
    ),
    gate=G_UNIT,
    sets_reference=True,
    examples=["the end of the year", "late in the month"],
)
def _n_edge_rel(m: re.Match[str], ctx: Context) -> Val | None:
    rel = m.group(2).lower()
    unit = unit_code(m.group(3))
    a = ctx.anchor
    if rel in ("the", "that"):
        if rel == "that" or unit not in ("Y", "M", "W"):
            if ctx.ref is None:
                return None
            return Val.of(point_for(unit, ctx.ref.date))
        rel = "this"
    if a is None:
        return bare({"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit, "XXXX"))
    step = {"last": -1, "this": 0, "next": 1}[rel]
    return Val.of(point_for(unit, shift(a, unit, step)))


@rule(
    "day_rel",
    pattern=(
        r"(?:(early|late|earlier|mid-?|the\s+day\s+before|the\s+day\s+after|the\s+night\s+before)[\s-]+)?"
        r"(yesterday|today|tomorrow|tonight|overnight)(?:\s+(morning|afternoon|evening|night))?(?![\w]|'[a-rt-z])"
    ),
    gate=r"yesterday|today|tomorrow|tonight|overnight",
    sets_reference=True,
    examples=["yesterday", "tomorrow morning"],
)
def _n_day_rel(m: re.Match[str], ctx: Context) -> Val | None:
    word = m.group(2).lower()
    mod = (m.group(1) or "").lower()
    a = ctx.anchor
    part = m.group(3)
    if word == "tonight":
        part = "night"
    elif word == "overnight":
        if m.group(0).lower() != "overnight":
            return None
        if a is None:
            return bare("XXXX-XX-XXTNI", "TIME")
        return Val.of(Point("T", a - dt.timedelta(days=1), "TNI"), "TIME")
    if a is None:
        return bare("XXXX-XX-XX" + part_code(part), "TIME" if part else "DATE")
    if word == "today":
        # "today" in "today's world" is generic, but TimeML still anchors it on the DCT
        d = a
    else:
        d = a + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}[word])
    if "day before" in mod or "night before" in mod:
        d -= dt.timedelta(days=1)
    elif "day after" in mod:
        d += dt.timedelta(days=1)
    if mod.startswith("mid") and not part:
        part = "afternoon"
    return day_or_part(d, part)


@rule(
    "this_part",
    pattern=(
        r"(?:(early|late|earlier|later)\s+)?(this|last|tomorrow|yesterday|the|that)\s+"
        r"(morning|afternoon|evening|night)(?![\w'-])"
    ),
    gate=r"morning|afternoon|evening|night",
    examples=["this morning", "late this afternoon"],
)
def _n_this_part(m: re.Match[str], ctx: Context) -> Val | None:
    rel = m.group(2).lower()
    part = m.group(3).lower()
    a = ctx.anchor
    if rel in ("the", "that"):
        if ctx.ref is None or ctx.ref.gran not in ("D", "T") or part == "night":
            return None
        return day_or_part(ctx.ref.date, part)
    if a is None:
        return bare("XXXX-XX-XX" + part_code(part), "TIME")
    d = a
    if rel in ("yesterday",) or (rel == "last" and part == "night"):
        d = a - dt.timedelta(days=1)
    elif rel == "last":
        return None
    elif rel == "tomorrow":
        d = a + dt.timedelta(days=1)
    return day_or_part(d, part)


@rule(
    "weekday",
    pattern=(
        r"(?:(last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|early|late|on)\s+)?"
        r"(" + WEEKDAY + r")(?:\s+(morning|afternoon|evening|night))?"
        r"(?:,?\s+(?:the\s+)?(" + DAYNUM + r")(?!\d|[:,.]\d))?(?![\w]|'[a-rt-z])"
    ),
    gate=G_WEEKDAY,
    sets_reference=True,
    examples=["on Tuesday", "last Friday"],
)
def _n_weekday(m: re.Match[str], ctx: Context) -> Val | None:
    mod = (m.group(1) or "").lower()
    wd = WEEKDAYS[m.group(2).lower()]
    day = m.group(4)
    if mod == "on":
        mod = ""
    if ctx.anchor is None:
        return bare(f"XXXX-WXX-{wd + 1}")
    d = weekday_date(ctx, wd, re.sub(r"^(early|late|earlier|later)$", "", mod), m.start(), m.end())
    if d is None:
        return None
    if day:
        # "Friday, the 13th": the nearest date with that day number and weekday
        n = day_number(day)
        if d.day != n:
            for delta in range(-35, 36, 7):
                cand = d + dt.timedelta(days=delta)
                if cand.day == n:
                    d = cand
                    break
    # "Friday night" is dated to the Friday: TimeBank mostly annotates the day, and events need the day
    return Val.of(Point("D", d))


@rule(
    "ago",
    pattern=(
        r"(?:" + APPROX + r")?(" + NUM_RANGE + r")[\s-]+(" + UNIT + r")"
        r"\s+(ago|earlier|later|from\s+now|hence|back|previously)(?![\w'])"
    ),
    gate=r"ago|earlier|later|from\s+now|hence|back|previously",
    examples=["three years ago", "two days later"],
)
def _n_ago(m: re.Match[str], ctx: Context) -> Val | None:
    n = read_number(m.group(1))
    unit = unit_code(m.group(2))
    how = re.sub(r"\s+", " ", m.group(3).lower())
    if not unit or unit in ("SEASON",):
        return None
    if how == "since":
        return Val("DURATION", duration_value(n, unit))
    sign = 1 if how in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        return bare("FUTURE_REF" if sign > 0 else "PAST_REF")
    base = ref_for_relative(ctx, how)
    if base is None:
        return bare("FUTURE_REF" if sign > 0 else "PAST_REF")
    k = int(n)
    if unit in ("S", "MIN", "H"):
        return Val.of(Point("D", base), "DATE") if k < 24 and unit == "H" else Val.of(Point("D", base))
    if unit in ("TMO", "TAF", "TEV"):
        return None
    # earnings news: "a year ago/earlier" of a quarter is that quarter a year back
    if unit == "Y" and ctx.ref is not None and ctx.ref.gran == "Q" and how in ("ago", "earlier", "before"):
        return Val.of(Point("Q", shift(ctx.ref.date, "Y", -k)))
    try:
        d = shift(base, unit, sign * k)
    except (OverflowError, ValueError):
        return None
    return Val.of(point_for(unit, d))


@rule(
    "vague_ago",
    pattern=r"(?:(?:some|many|" + APPROX + r")\s*)?(" + UNIT + r")\s+(ago|earlier|later|back)(?![\w'])",
    gate=r"ago|earlier|later|back",
    examples=["years ago", "months earlier"],
)
def _n_vague_ago(m: re.Match[str], ctx: Context) -> Val | None:
    how = m.group(2).lower()
    if m.group(0).lower().split()[0] in ("the",):
        return None
    return bare("FUTURE_REF" if how == "later" else "PAST_REF")


@rule(
    "time",
    pattern=(
        r"(?:(?:at|around|about|by|until|after|before)\s+)?(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?"
        r"\s*(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)" + TZ + r"?"
        r"(?:,?\s+(?:on\s+)?(?:(?P<wd>" + WEEKDAY + r")(?:,?\s+(?P<wmon>" + MONTH + r")\s+(?P<wday>" + DAYNUM
        + r")\b)?|(?P<rel>today|yesterday|tomorrow|tonight)|(?P<mon>" + MONTH + r")\s+(?P<day>" + DAYNUM + r")))?"
        r"|(?:at\s+)?(?P<h2>\d{1,2}):(?P<mi2>\d\d)(?:\s+(?:GMT|UTC))(?!\d)"
    ),
    gate=r"\d\s*[ap]\.?\s?m|o'clock|\d:\d\d",
    sets_reference=True,
    examples=["at 9:30 a.m.", "10 p.m. EST", "at 3.20pm, on Friday, February 3", "at 09:30 GMT"],
)
def _n_time(m: re.Match[str], ctx: Context) -> Val | None:
    if m.group("h2"):
        hour, minute = int(m.group("h2")), int(m.group("mi2"))
    else:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        marker = m.group("ap").lower()
        if marker.startswith("p") and hour < 12:
            hour += 12
        elif marker.startswith("a") and hour == 12:
            hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    d = ctx.anchor
    # "on Friday, February 3": the date named outright decides, not the weekday nearest the anchor
    month, day = (m.group("wmon"), m.group("wday")) if m.group("wmon") else (m.group("mon"), m.group("day"))
    if m.group("wd") and not month and ctx.anchor is not None:
        d = weekday_date(ctx, WEEKDAYS[m.group("wd").lower()], "", m.start(), m.end())
    elif m.group("rel") and ctx.anchor is not None:
        word = m.group("rel").lower()
        d = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    elif month and ctx.anchor is not None:
        v = _month_day(ctx, month_number(month), day_number(day), None, m.start(), m.end())
        if v is None or v.point is None:
            return None
        d = v.point.date
    elif ctx.ref is not None and ctx.ref.gran in ("D", "T"):
        d = ctx.ref.date
    clock = f"T{hour:02d}:{minute:02d}"
    if d is None:
        return bare("XXXX-XX-XX" + clock, "TIME")
    # a time that names its day sets that day as the reference ("at 3.20pm on Friday, February 3 ... was
    # charged the following day"); a bare clock time does not
    own_day = bool(m.group("wd") or m.group("rel") or month)
    return Val("TIME", d.isoformat() + clock, d, d, Point("T", d, clock) if own_day else None)


@rule(
    "noon",
    pattern=(
        r"(?:(?:around|about|at|by|until|before|after)\s+)?(noon|midday|midnight)"
        r"(?:,?\s+(?:on\s+)?(?:(" + WEEKDAY + r")|(today|yesterday|tomorrow)))?(?![\w'])"
    ),
    gate=r"noon|midday|midnight",
    sets_reference=True,
    examples=["at noon", "midnight Tuesday"],
)
def _n_noon(m: re.Match[str], ctx: Context) -> Val | None:
    word = m.group(1).lower()
    clock = "T24:00" if word == "midnight" else "T12:00"
    d = ctx.anchor
    if m.group(2) and d is not None:
        d = weekday_date(ctx, WEEKDAYS[m.group(2).lower()], "", m.start(), m.end())
    elif m.group(3) and d is not None:
        d = d + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group(3).lower(), 0))
    elif ctx.ref is not None and ctx.ref.gran in ("D", "T"):
        d = ctx.ref.date
    if d is None:
        return bare("XXXX-XX-XX" + clock, "TIME")
    return Val("TIME", d.isoformat() + clock, d, d)


@rule(
    "part_weekday",
    pattern=r"(?:(early|late|mid-?)[\s-]?)?(morning|afternoon|evening|night)\s+(?:on\s+)?(" + WEEKDAY + r")(?![\w'])",
    gate=G_WEEKDAY,
    sets_reference=True,
    examples=["early morning Friday"],
)
def _n_part_weekday(m: re.Match[str], ctx: Context) -> Val | None:
    d = weekday_date(ctx, WEEKDAYS[m.group(3).lower()], "", m.start(), m.end())
    if d is None:
        return bare(f"XXXX-WXX-{WEEKDAYS[m.group(3).lower()] + 1}{part_code(m.group(2))}", "TIME")
    return day_or_part(d, m.group(2))


@rule(
    "duration",
    pattern=(
        r"(?:(?:the|a|an)\s+)?"
        r"(?:(past|last|next|first|coming|previous|following|final|initial|latest|remaining|same|recent)\s+)?"
        r"(?:" + APPROX + r")?(" + NUM_RANGE + r")(?:[\s-]+(?:" + NUM_FILLER + r"))?[\s-]+(" + UNIT
        + r")(\s+and\s+a\s+half)?"
        r"(?:\s+or\s+(?:so|more|less|longer|two))?(?![\w'-]|-(?:old|long))"
    ),
    gate=G_UNIT,
    examples=["three years", "the past two weeks"],
)
def _n_duration(m: re.Match[str], ctx: Context) -> Val | None:
    n = read_number(m.group(2))
    unit = unit_code(m.group(3))
    if not unit or unit in ("SEASON", "TMO", "TAF", "TEV"):
        return None
    if m.group(4) and n is not None:
        n += 0.5
    if unit == "WE" and n is not None:
        unit, n = "D", n * 2  # "two weekends": four days
    amount = m.group(2).strip()
    if n is not None and amount[:1].isdigit() and (n > 10000 or re.fullmatch(r"1[6-9]\d\d|20\d\d", amount)):
        return None  # "the 1988 quarter" names a year, it is not 1,988 quarters
    value = duration_value(n, unit)
    return Val("DURATION", value)


# Never wins at present: "duration" matches the same spans ("two-year") and is declared first
# (tests/times/test_rules.py, SHADOWED).
@rule(
    "duration_adj",
    pattern=r"(?<![\w-])(\d+|" + WORD_NUM + r")-(second|minute|hour|day|night|week|month|year|decade|century)(?![\w-])",
    gate=G_UNIT,
    examples=["a two-year term"],
)
def _n_duration_adj(m: re.Match[str], ctx: Context) -> Val | None:
    n = read_number(m.group(1))
    unit = unit_code(m.group(2))
    if not unit or n is None:
        return None
    return Val("DURATION", duration_value(n, unit))


@rule(
    "vague_duration",
    pattern=(
        r"(?:(the\s+)?(past|last|next|coming|recent|following|previous|many|several|few|some)\s+)(" + UNIT
        + r")(?:\s+(?:and|or)\s+(?:" + UNIT + r"))?(?![\w'-])"
    ),
    gate=G_UNIT,
    examples=["recent years", "the past months"],
)
def _n_vague_duration(m: re.Match[str], ctx: Context) -> Val | None:
    qual = m.group(2).lower()
    unit = unit_code(m.group(3))
    if not unit or unit in ("SEASON", "TMO", "TAF", "TEV", "WE"):
        return None
    if not m.group(3).lower().endswith("s"):
        return None  # singular: "the past year" etc. are handled by rel_unit
    if qual in ("coming", "next") and m.group(1):
        return bare("FUTURE_REF")
    if qual == "coming":
        return bare("FUTURE_REF")
    return Val("DURATION", duration_value(None, unit))


@rule(
    "for_unit",
    pattern=r"\bfor\s+(?P<span>(years|months|weeks|days|decades|hours|centuries|generations))(?![\w'-])",
    gate=G_UNIT + r"|generation",
    examples=["for years"],
)
def _n_for_unit(m: re.Match[str], ctx: Context) -> Val | None:
    unit = unit_code(m.group(1))
    if not unit:
        return None
    return Val("DURATION", duration_value(None, unit))


_RATE_BEFORE = re.compile(r"(\d|percent|%|dollars?|cents?|once|twice|times|euros?|pounds?|barrels|tons|rate|\bper)\s*$")


@rule(
    "set",
    pattern=(
        r"(?:(every|each|per|a|an)\s+(?:(other|single)\s+)?(" + UNIT_SG + r"|" + WEEKDAY + r"|" + MONTH_FULL + r"|"
        + SEASON + r")|(daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|biannually"
        r"|semiannually|every\s+day|everyday))(?![\w'-])"
    ),
    gate=(
        G_UNIT + "|" + G_MONTH + "|" + G_WEEKDAY + "|" + G_SEASON
        + r"|daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|biannually|semiannually|everyday"
    ),
    examples=["every week", "daily"],
)
def _n_set(m: re.Match[str], ctx: Context) -> Val | None:
    if m.group(4):
        word = re.sub(r"\s+", " ", m.group(4).lower())
        if word not in ("every day", "daily") and re.match(r"\s+[a-z]", ctx.text[m.end(): m.end() + 2]):
            return None
        value = {"daily": "P1D", "every day": "P1D", "everyday": "P1D", "weekly": "P1W", "monthly": "P1M",
                 "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
                 "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}[word]
        return Val("SET", value)
    det = m.group(1).lower()
    other = (m.group(2) or "").lower()
    what = m.group(3)
    if det in ("a", "an"):
        before = ctx.text[max(0, m.start() - 25): m.start()].lower()
        if not _RATE_BEFORE.search(before):
            return None  # "a year" is a set only as a rate: "$5 a year", "twice a week"
    if what.lower() in WEEKDAYS:
        return Val("SET", f"XXXX-WXX-{WEEKDAYS[what.lower()] + 1}")
    if what.lower() in MONTHS and what[0].isupper():
        return Val("SET", f"XXXX-{MONTHS[what.lower()]:02d}")
    unit = unit_code(what)
    if unit in ("SU", "WI", "SP", "FA"):
        return Val("SET", f"XXXX-{unit}")
    if not unit or unit in ("TMO", "TAF", "TEV", "SEASON"):
        return None
    return Val("SET", duration_value(2 if other == "other" else 1, unit))


# Never wins at present: "duration" and "set" match the same span ("a week") and are declared first; and group 1
# is the ``span`` group, so the normaliser would return None anyway (tests/times/test_rules.py, SHADOWED).
@rule(
    "times_per",
    pattern=r"\b(?:once|twice|times)\s+(?P<span>(?:a|an|per|each|every)\s+(" + UNIT_SG + r"))(?![\w'-])",
    gate=G_UNIT,
    examples=["twice a week"],
)
def _n_times_per(m: re.Match[str], ctx: Context) -> Val | None:
    unit = unit_code(m.group(1))
    if not unit:
        return None
    return Val("SET", duration_value(1, unit))


_REF_VALUES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present time": "PRESENT_REF", "the present day": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "for the time being": "PRESENT_REF", "so far": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "in the past": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF", "once upon a time": "PAST_REF",
    "earlier": "PAST_REF", "more recently": "PAST_REF", "until recently": "PAST_REF", "some time ago": "PAST_REF",
    "long ago": "PAST_REF", "a while ago": "PAST_REF", "a while": "PXX", "some time": "PXX",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the medium term": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "eventually": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "later": "FUTURE_REF",
}


@rule(
    "ref",
    pattern=(
        r"(?<![\w-])(now|right\s+now|just\s+now|currently|current|at\s+present|the\s+present(?:\s+(?:time|day))?"
        r"|presently|nowadays|these\s+days|at\s+the\s+moment|for\s+the\s+time\s+being|so\s+far"
        r"|recently|lately|the\s+past|formerly|once\s+upon\s+a\s+time|earlier|more\s+recently|until\s+recently"
        r"|some\s+time\s+ago|long\s+ago|a\s+while\s+ago|a\s+while|some\s+time"
        r"|the\s+future|the\s+near\s+(?:term|future)|the\s+(?:short|long|medium)\s+term|as\s+soon\s+as\s+possible"
        r"|in\s+the\s+coming\s+(?:days|weeks|months|years)|coming\s+(?:days|weeks|months|years|quarters)"
        r"|the\s+(?:days|weeks|months|years)\s+ahead|later)(?![\w'-])"
    ),
    gate=(
        r"now|current|present|days|moment|time\s+being|recent|lately|past|formerly|once\s+upon|ago|while|future"
        r"|term|possible|coming|ahead"
    ),
    examples=["now", "recently", "the near future"],
)
def _n_ref(m: re.Match[str], ctx: Context) -> Val | None:
    word = re.sub(r"\s+", " ", m.group(1).lower())
    if word.startswith("today"):
        if ctx.anchor is None:
            return bare("PRESENT_REF")
        return Val.of(Point("D", ctx.anchor))
    if word in ("so far", "earlier", "later", "some time"):
        return None  # too often not temporal at the expression level
    if word.startswith(("in the coming", "coming ", "the ")) and word.endswith(
            ("days", "weeks", "months", "years", "quarters", "ahead")):
        return bare("FUTURE_REF")
    value = _REF_VALUES.get(word)
    if value is None:
        return None
    if value == "PXX":
        return Val("DURATION", value)
    a = ctx.anchor
    if value == "PRESENT_REF":
        return Val("DATE", value, a, a)
    if value == "PAST_REF":
        return Val("DATE", value, None, a)
    return Val("DATE", value, a, None)


@rule(
    "holiday",
    pattern=r"(?:(last|next|this)\s+)?(" + HOLIDAY + r")(?:,?\s+(" + YEAR4 + r"))?(?![\w'])",
    gate=(
        r"christmas|new\s+year|thanksgiving|easter|independence|labor|memorial|halloween|valentine|election"
        r"|veterans|boxing|may\s+day|good\s+friday"
    ),
    sets_reference=True,
    examples=["Christmas", "last Thanksgiving"],
)
def _n_holiday(m: re.Match[str], ctx: Context) -> Val | None:
    rel = (m.group(1) or "").lower()
    name = m.group(2)
    if m.group(3):
        d = holiday_date(name, int(m.group(3)))
        return Val.of(Point("D", d)) if d else None
    a = ctx.anchor
    if a is None:
        return bare("XXXX-XX-XX")
    this = holiday_date(name, a.year)
    if this is None:
        return None
    if rel == "last":
        d = this if this < a else holiday_date(name, a.year - 1)
    elif rel == "next":
        d = this if this > a else holiday_date(name, a.year + 1)
    elif rel == "this":
        d = this
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "future":
            d = this if this >= a else holiday_date(name, a.year + 1)
        else:
            d = this if this <= a or (this - a).days <= FORWARD_DAYS else holiday_date(name, a.year - 1)
    return Val.of(Point("D", d)) if d else None


@rule(
    "period",
    pattern=(
        r"(?:the\s+)?(latest|year[\s-]earlier|year[\s-]ago|comparable|corresponding|same|" + YEAR4
        + r")\s+period(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?(?![\w-])"
    ),
    gate=r"period",
    examples=["the year-earlier period", "the latest period"],
)
def _n_period(m: re.Match[str], ctx: Context) -> Val | None:
    word = re.sub(r"[\s-]+", " ", m.group(1).lower())
    q = reported_quarter(ctx)
    if q is None:
        return bare("XXXX-QX")
    if word.isdigit():
        return Val.of(Point("Q", dt.date(int(word), q.date.month, 1)))
    if word == "latest":
        return Val.of(q)
    if word == "same" and "year" not in m.group(0).lower():
        return None
    return Val.of(Point("Q", shift(q.date, "Y", -1)))


@rule(
    "year_adj",
    pattern=r"year[\s-](earlier|ago)(?![\w-])",
    gate=r"year.(?:earlier|ago)",
    examples=["year-earlier"],
)
def _n_year_adj(m: re.Match[str], ctx: Context) -> Val | None:
    q = reported_quarter(ctx)
    if q is None:
        return bare("XXXX")
    if ctx.last_quarter is None:
        return Val.of(Point("Y", shift(q.date, "Y", -1)))
    return Val.of(Point("Q", shift(q.date, "Y", -1)))


@rule(
    "year_end",
    pattern=r"(?:(?:around|at|by|before|until)\s+)?(?:the\s+)?(year[\s-]end|year'?s\s+end)(?![\w-])",
    gate=r"year.?.?.end",
    examples=["year-end", "by the year's end"],
)
def _n_year_end(m: re.Match[str], ctx: Context) -> Val | None:
    if ctx.anchor is None:
        return bare("XXXX")
    return Val.of(Point("Y", ctx.anchor))


@rule(
    "week_of",
    pattern=r"the\s+week\s+of\s+(" + MONTH + r")\s+(" + DAYNUM + r")(?:,?\s+(" + YEAR4 + r"))?",
    gate=r"week\s+of",
    sets_reference=True,
    examples=["the week of March 3"],
)
def _n_week_of(m: re.Match[str], ctx: Context) -> Val | None:
    v = _month_day(ctx, month_number(m.group(1)), day_number(m.group(2)), m.group(3), m.start(), m.end())
    if v is None or v.point is None:
        return None
    return Val.of(Point("W", v.point.date))
