"""A pure-Python temporal tagger and normaliser (TimeML TIMEX3 values), anchored on a publication date.

Why rules: news time expressions are a small, regular language, and rules are fast, offline, explainable
and easy to fix. The tagger works on plain text (so it can be fuzzed and evaluated cheaply); the stage
adds nothing but ids.

How it works: a set of compiled patterns proposes candidate spans; overlapping candidates are resolved
longest-first; the survivors are normalised in reading order against the anchor (the publication date)
and, for expressions such as "a year earlier" or "two days later", against the reference time (the last
specific date mentioned). Year choice for dates without a year, and day choice for bare weekdays, follow
the tense of the clause around the expression and lean to the past, as news does:

- past-tense clause: the latest occurrence on or before the anchor;
- future-tense clause ("will", "next", "plans to", "is scheduled"...): the first occurrence on or after it;
- no tense cue: the past occurrence, unless the date falls within a short forward window
  (FORWARD_DAYS for day dates, the current/next month for bare months) of the anchor.

Without an anchor, relative expressions stay underspecified (XXXX-11-26, XXXX-WXX-2) and carry no interval.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["TimexMatch", "tag", "FORWARD_DAYS"]

FORWARD_DAYS = 10
"""A day date with no year and no tense cue is read as upcoming only if within this many days ahead."""


TenseHint = Callable[[int, int], str]
"""(start, end) -> "past", "past!" (certainly past), "future" or "" (no opinion)."""


@dataclass(frozen=True)
class TimexMatch:
    """One time expression: its span, TIMEX3 type and value, and the calendar interval it denotes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: str | None = None
    latest: str | None = None


# --------------------------------------------------------------------------------------------- lexicon

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # Monday=0

_UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H", "day": "D",
    "night": "D", "week": "W", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "season": "SEASON", "weekend": "WE",
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "summer": "SU", "winter": "WI",
    "spring": "SP", "fall": "FA", "autumn": "FA",
}

_SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dozen": 12, "couple": 2, "half": 0.5,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_VAGUE = {"few", "several", "some", "many", "a few", "a number of", "numerous", "recent", "coming"}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# ------------------------------------------------------------------------------------ regex fragments

_MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ABBR_UP = (r"(?-i:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY"
                  r"|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?")
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_ABBR_UP})"
_WEEKDAY = (r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)")
_WEEKDAY_ABBR = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"
_WORD_NUM_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]" + _WORD_NUM_UNIT + r")?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _WORD_NUM_UNIT
    + r"|a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+half|an?|half\s+an?)"
)
_VAGUE_NUM = r"(?:a\s+few|few|several|some|many|a\s+number\s+of|numerous)"
_NUM = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|{_WORD_NUM}(?:\s+and\s+a\s+half)?|{_VAGUE_NUM})"
_NUM_RANGE = rf"(?:{_NUM}(?:\s*(?:to|or|-)\s*{_NUM})?)"
_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?"
         r"|years?|decades?|century|centuries|weekends?)")
_UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|weekend)"
_APPROX = (r"(?:(?:nearly|almost|about|around|roughly|approximately|some|only|just|barely|more\s+than|less\s+than"
           r"|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
           r"|the\s+better\s+part\s+of|upwards\s+of|another|an\s+additional|a\s+further)\s+)")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_PART = r"(?:morning|afternoon|evening|night)"
_TZ = r"(?:\s*\(?(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time)\)?)"
_SPOKEN_YEAR = (
    r"(?:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]" + _WORD_NUM_UNIT
    + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:" + _WORD_NUM_UNIT + r"|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]" + _WORD_NUM_UNIT + r")?))?)"
)
_REL = r"(?:last|this|next|past|previous|coming|following|current|this\s+past|this\s+coming)"
_EDGE = (r"(?:early|late|mid|mid-|earlier|later|the\s+(?:end|beginning|start|middle|close|rest|remainder"
         r"|first\s+half|second\s+half|latter\s+part|early\s+part|turn)\s+of(?:\s+the)?)")
_HOLIDAY = (r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter"
            r"(?:\s+Sunday)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine'?s\s+Day"
            r"|Election\s+Day|Veterans\s+Day|Boxing\s+Day|May\s+Day|Good\s+Friday)")


def _p(pattern: str) -> re.Pattern[str]:
    """Case-insensitive, and never starting inside a word ("Tanzania Friday" holds no "a Friday")."""
    return re.compile(r"(?<![\w])(?:" + pattern + ")", re.I)


# Candidate patterns: (rule name, compiled regex). Each rule name has a normaliser below.
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_ORDINAL_ALPHA = "|".join(k for k in _ORDINALS if k.isalpha() and k != "last")
_DECADE_WORDS = r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_WEEKDAY_PREFIX = r"(?:(?:(?:" + _WEEKDAY + r"|" + _WEEKDAY_ABBR + r"),?\s+))?"
_NUM_FILLER = r"more|additional|full|straight|consecutive|long|whole|calendar|business|trading|working"
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _p(
        r"(?<![\d/.-])(" + _YEAR4 + r")-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T(\d\d):(\d\d)(?::\d\d)?)?(?![\d-])")),
    ("iso_month", _p(r"(?<![\d/.-])(" + _YEAR4 + r")-(0[1-9]|1[0-2])(?![\d-])")),
    ("slash", _p(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("mdy", _p(
        _WEEKDAY_PREFIX + r"(?:the\s+)?(" + _MONTH + r")\s+(" + _DAYNUM
        + r")(?!\d|:\d)(?:,?\s+(" + _YEAR4 + r"|'\d\d)(?!\d))?")),
    ("dmy", _p(
        _WEEKDAY_PREFIX + r"(?:the\s+)?(" + _DAYNUM + r")\s+(?:of\s+)?("
        + _MONTH + r")(?:,?\s+(" + _YEAR4 + r")(?!\d))?")),
    ("month_spoken_day", _p(r"(" + _MONTH_FULL + r")\s+(" + _ORDINAL_WORDS + r")\b")),
    ("month_year", _p(
        r"(?:(?:" + _EDGE + r")\s*)?(" + _MONTH + r"),?\s+(?:of\s+)?(" + _YEAR4 + r"|" + _SPOKEN_YEAR + r")(?![\d])")),
    ("month_rel_year", _p(r"(?:(?:" + _EDGE + r")\s*)?(" + _MONTH + r")\s+(?:of\s+)?(last|this|next)\s+year")),
    ("month", _p(
        r"(?:(?:" + _EDGE + r")\s*)?(?:(" + _REL + r")\s+)?(" + _MONTH_FULL + r"|" + _MONTH_ABBR_UP + r")(?![\w'-])")),
    ("half", _p(
        r"(?:the\s+)?(first|second|last|latter)\s+half\s+(?:of\s+)?"
        r"(?:(?:the\s+)?(?:(" + _YEAR4 + r")|(this|last|next)\s+year|the\s+year|(?:the\s+)?'(\d)0s))")),
    ("year", _p(
        r"(?<![\d$£€#.,/-])(?:(?:the\s+)?(?:(?:" + _EDGE + r")\s*)?)?"
        r"(?:(?:fiscal|calendar|financial|model)[\s-]+(?:year\s+)?)?"
        r"(?:(" + _YEAR4 + r")|(" + _SPOKEN_YEAR + r"))(?:-(\d\d|" + _YEAR4 + r"))?"
        r"(?![\d,.]\d|%|\s*percent|[-\w]|\s+(?:years|months|days|hours|people|miles))")),
    ("decade", _p(
        r"(?:the\s+)?(?:(?:" + _EDGE + r")\s*)?(?:(1[5-9]|20)(\d)0'?s|'(\d)0s|(" + _DECADE_WORDS + r"))(?![\w'])")),
    ("century", _p(
        r"(?:the\s+)?(?:(?:" + _EDGE + r")\s*)?(\d{1,2}(?:st|nd|rd|th)|" + _ORDINAL_ALPHA + r")[\s-]century")),
    ("quarter", _p(
        r"(?:(?:the|its|a|this\s+year's|last\s+year's|next\s+year's"
        r"|(?:the\s+)?(?:year[\s-]earlier|year[\s-]ago|comparable|corresponding|same)|the\s+(?:" + _YEAR4 + r"))\s+)*"
        r"(?:(?:fiscal|calendar)[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?!s)"
        r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(" + _YEAR4 + r")|(this|last|next)\s+year))?"
        r"(?:\s+a\s+year\s+(?:ago|earlier))?")),
    ("rel_unit", _p(
        r"(?:(" + _EDGE + r")\s*)?(?:the\s+)?(" + _REL + r"|same|latest|current|year[\s-]earlier|year[\s-]ago)"
        r"\s+(?:fiscal\s+)?(" + _UNIT_SG + r"|" + _SEASON + r")(?![\w-])")),
    ("season", _p(
        r"(?:(?:the|" + _EDGE + r")\s+)?(" + _SEASON + r")(?:\s+of)?\s+(" + _YEAR4 + r"|" + _SPOKEN_YEAR + r")(?!\d)")),
    ("bare_season", _p(
        r"\b(?:in|during|by|until|since|through)\s+"
        r"(?P<span>(?:the\s+(?:early\s+|late\s+)?)?(summer|winter|autumn|spring))(?![\w-])")),
    ("the_unit", _p(
        r"\b(?:the|that|this)\s+(?:(?:fiscal|full|whole|entire|same)\s+)?"
        r"(year|quarter|week|month|day|weekend|time|period)(?![\w'-])")),
    ("edge_rel", _p(
        r"(early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
        r"|the\s+rest\s+of|the\s+remainder\s+of)\s+(?:(?:in|of)\s+)?(this|last|next|the|that)\s+"
        r"(week|month|year|quarter|decade|century)(?![\w-])")),
    ("day_rel", _p(
        r"(?:(early|late|earlier|mid-?|the\s+day\s+before|the\s+day\s+after|the\s+night\s+before)[\s-]+)?"
        r"(yesterday|today|tomorrow|tonight|overnight)(?:\s+(morning|afternoon|evening|night))?(?![\w]|'[a-rt-z])")),
    ("this_part", _p(
        r"(?:(early|late|earlier|later)\s+)?(this|last|tomorrow|yesterday|the|that)\s+"
        r"(morning|afternoon|evening|night)(?![\w'-])")),
    ("weekday", _p(
        r"(?:(last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|early|late|on)\s+)?"
        r"(" + _WEEKDAY + r")(?:\s+(morning|afternoon|evening|night))?"
        r"(?:,?\s+(?:the\s+)?(" + _DAYNUM + r")(?!\d|[:,.]\d))?(?![\w]|'[a-rt-z])")),
    ("ago", _p(
        r"(?:" + _APPROX + r")?(" + _NUM_RANGE + r")[\s-]+(" + _UNIT + r")"
        r"\s+(ago|earlier|later|from\s+now|hence|back|previously)(?![\w'])")),
    ("vague_ago", _p(r"(?:(?:some|many|" + _APPROX + r")\s*)?(" + _UNIT + r")\s+(ago|earlier|later|back)(?![\w'])")),
    ("time", _p(
        r"(?:(?:at|around|about|by|until|after|before)\s+)?(?<![\d.:])(\d{1,2})(?:[:.](\d\d))?"
        r"\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)" + _TZ + r"?"
        r"(?:,?\s+(?:on\s+)?(?:(" + _WEEKDAY + r")|(today|yesterday|tomorrow|tonight)|(" + _MONTH + r")\s+("
        + _DAYNUM + r")))?"
        r"|(?:at\s+)?(\d{1,2}):(\d\d)(?:\s+(?:GMT|UTC))(?!\d)")),
    ("noon", _p(
        r"(?:(?:around|about|at|by|until|before|after)\s+)?(noon|midday|midnight)"
        r"(?:,?\s+(?:on\s+)?(?:(" + _WEEKDAY + r")|(today|yesterday|tomorrow)))?(?![\w'])")),
    ("part_weekday", _p(
        r"(?:(early|late|mid-?)[\s-]?)?(morning|afternoon|evening|night)\s+(?:on\s+)?(" + _WEEKDAY + r")(?![\w'])")),
    ("duration", _p(
        r"(?:(?:the|a|an)\s+)?"
        r"(?:(past|last|next|first|coming|previous|following|final|initial|latest|remaining|same|recent)\s+)?"
        r"(?:" + _APPROX + r")?(" + _NUM_RANGE + r")(?:[\s-]+(?:" + _NUM_FILLER + r"))?[\s-]+(" + _UNIT
        + r")(\s+and\s+a\s+half)?"
        r"(?:\s+or\s+(?:so|more|less|longer|two))?(?![\w'-]|-(?:old|long))")),
    ("duration_adj", _p(
        r"(?<![\w-])(\d+|" + _WORD_NUM + r")-(second|minute|hour|day|night|week|month|year|decade|century)(?![\w-])")),
    ("vague_duration", _p(
        r"(?:(the\s+)?(past|last|next|coming|recent|following|previous|many|several|few|some)\s+)(" + _UNIT
        + r")(?:\s+(?:and|or)\s+(?:" + _UNIT + r"))?(?![\w'-])")),
    ("for_unit", _p(r"\bfor\s+(?P<span>(years|months|weeks|days|decades|hours|centuries|generations))(?![\w'-])")),
    ("set", _p(
        r"(?:(every|each|per|a|an)\s+(?:(other|single)\s+)?(" + _UNIT_SG + r"|" + _WEEKDAY + r"|" + _MONTH_FULL + r"|"
        + _SEASON + r")|(daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|biannually"
        r"|semiannually|every\s+day|everyday))(?![\w'-])")),
    ("times_per", _p(r"\b(?:once|twice|times)\s+(?P<span>(?:a|an|per|each|every)\s+(" + _UNIT_SG + r"))(?![\w'-])")),
    ("ref", _p(
        r"(?<![\w-])(now|right\s+now|just\s+now|currently|current|at\s+present|the\s+present(?:\s+(?:time|day))?"
        r"|presently|nowadays|these\s+days|at\s+the\s+moment|for\s+the\s+time\s+being|so\s+far"
        r"|recently|lately|the\s+past|formerly|once\s+upon\s+a\s+time|earlier|more\s+recently|until\s+recently"
        r"|some\s+time\s+ago|long\s+ago|a\s+while\s+ago|a\s+while|some\s+time"
        r"|the\s+future|the\s+near\s+(?:term|future)|the\s+(?:short|long|medium)\s+term|as\s+soon\s+as\s+possible"
        r"|in\s+the\s+coming\s+(?:days|weeks|months|years)|coming\s+(?:days|weeks|months|years|quarters)"
        r"|the\s+(?:days|weeks|months|years)\s+ahead|later)(?![\w'-])")),
    ("holiday", _p(r"(?:(last|next|this)\s+)?(" + _HOLIDAY + r")(?:,?\s+(" + _YEAR4 + r"))?(?![\w'])")),
    ("period", _p(
        r"(?:the\s+)?(latest|year[\s-]earlier|year[\s-]ago|comparable|corresponding|same|" + _YEAR4
        + r")\s+period(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?(?![\w-])")),
    ("year_adj", _p(r"year[\s-](earlier|ago)(?![\w-])")),
    ("year_end", _p(r"(?:(?:around|at|by|before|until)\s+)?(?:the\s+)?(year[\s-]end|year'?s\s+end)(?![\w-])")),
    ("week_of", _p(r"the\s+week\s+of\s+(" + _MONTH + r")\s+(" + _DAYNUM + r")(?:,?\s+(" + _YEAR4 + r"))?")),
]

_RULE_ORDER = {name: i for i, (name, _) in enumerate(_RULES)}

_FUTURE_CUE = re.compile(
    r"(?:\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|scheduled|expected\s+to|is\s+to|are\s+to|is\s+due|are\s+due|"
    r"set\s+to|intends?\s+to|would|next|upcoming|hopes?\s+to|aims?\s+to|to\s+be\s+held|expects?\s+to|expected|slated|"
    r"from\s+now|tomorrow|payable|expires?|effective|deadline)\b|'ll\b)", re.I)
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|didn't|wasn't|weren't|said|told|ago|last|earlier|announced|reported|met|took|came|went|held|made|"
    r"began|gave|saw|fell|rose|won|lost|killed|died|left|got|sent|signed|agreed|attacked|visited|arrived|closed|ended|"
    r"\w{3,}ed)\b", re.I)
# A preposition right before the expression settles the tense: "by February", "until Tuesday", "since May".
_FUTURE_PREP = re.compile(
    r"\b(?:by|until|till|as\s+(?:soon|early)\s+as)\s+(?:(?:the\s+)?(?:end|middle|beginning|start)\s+of\s+)?"
    r"(?:(?:early|late|mid)-?\s*)?$", re.I)
_PAST_PREP = re.compile(r"\b(?:since|ago)\s+(?:(?:early|late|mid)-?\s*)?$", re.I)
_ADJACENT_VERB = re.compile(
    r"\b(?P<verb>was|were|had|did|met|took|came|went|held|began|died|left|fell|rose|won|lost|said|told|broke|fled|"
    r"struck|shot|sent|gave|made|saw|spoke|wrote|fought|hit|led|ran|bought|sold|paid|built|caught|drew|\w{3,}ed)"
    r"(?:\s+(?:out|up|down|off|back|away|over))?\s+(?:(?:on|in|at|during|since|early|late|last)\s+)?$", re.I)
# Participles that point ahead: "expected in December", "scheduled for January 12", "postponed until Tuesday".
_FUTURE_PARTICIPLE = re.compile(
    r"^(?:expected|scheduled|rescheduled|planned|slated|set|due|extended|postponed|delayed|deferred|moved|adjourned|"
    r"timed|proposed|targeted|earmarked)$", re.I)
_NOT_PAST_BEFORE = re.compile(r"\b(?:be|will|would|shall|to|being)\s+$", re.I)
_SENT_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


# ------------------------------------------------------------------------------------- calendar helpers

def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move ``d`` by ``n`` units (D, W, M, Q, Y, DE, CE, FN, WE)."""
    if unit in ("D", "TMO", "TAF", "TEV", "TNI"):
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "FN":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "M":
        return _add_months(d, n)
    if unit == "Q":
        return _add_months(d, 3 * n)
    if unit == "H":
        return _add_months(d, 6 * n)
    if unit in ("Y", "SU", "WI", "SP", "FA", "SEASON"):
        return _add_months(d, 12 * n)
    if unit == "DE":
        return _add_months(d, 120 * n)
    if unit == "CE":
        return _add_months(d, 1200 * n)
    return d


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class _Point:
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
            return dt.date(d.year, first, 1), _month_end(d.year, first + 5)
        if self.gran == "Q":
            first = (d.month - 1) // 3 * 3 + 1
            return dt.date(d.year, first, 1), _month_end(d.year, first + 2)
        if self.gran == "SEASON":
            start_month = _SEASON_START.get(self.extra, 1)
            if self.extra == "WI":
                return dt.date(d.year - 1, 12, 1) if d.year > 1 else dt.date(1, 1, 1), _month_end(d.year, 2)
            return dt.date(d.year, start_month, 1), _month_end(d.year, start_month + 2)
        if self.gran == "M":
            return dt.date(d.year, d.month, 1), _month_end(d.year, d.month)
        if self.gran == "W":
            monday = d - dt.timedelta(days=d.weekday())
            return monday, monday + dt.timedelta(days=6)
        if self.gran == "WE":
            saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
            return saturday, saturday + dt.timedelta(days=1)
        return d, d


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class _Val:
    """A normalised expression before it becomes a TimexMatch."""

    type: str
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    point: _Point | None = None  # set for specific calendar values (they can become the reference time)

    @staticmethod
    def of(point: _Point, type_: str = "DATE") -> _Val:
        lo, hi = point.interval()
        return _Val(type_, point.value(), lo, hi, point)


# ------------------------------------------------------------------------------------- number parsing

def _num(text: str) -> float | None:
    """A number written in digits or words; None for vague quantities ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if not t:
        return None
    for sep in (" to ", " or ", " and ", "-"):
        # a range: "two to three", "12 to 18": TimeML keeps the upper bound rarely; take the first number
        if sep in t and not re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+", t) \
                and "a half" not in t:
            parts = t.split(sep)
            if all(parts):
                first = _num(parts[0])
                if first is not None:
                    return first
    t = re.sub(r"^(a couple of|couple of|a couple)$", "couple", t)
    t = re.sub(r"^half an?$", "half", t)
    if t in ("a few", "few", "several", "some", "many", "a number of", "numerous"):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", t.replace(",", ""))
    if m:
        return float(m.group(1)) + (0.5 if t.endswith("1/2") else 0.0)
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    t = t.replace("a dozen", "dozen")
    total = 0.0
    for word in re.split(r"[\s-]+", t):
        if word in _SMALL:
            total += _SMALL[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "a":
            total += 1
        else:
            return None
    return total + (0.5 if half else 0.0)


def _spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'the year two thousand' -> 2000."""
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).replace("the year ", "").strip()
    if t.startswith("nineteen "):
        rest = t[len("nineteen "):]
        if rest == "hundred":
            return 1900
        n = _num(rest)
        return 1900 + int(n) if n is not None and 10 <= n < 100 else None
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        if not rest:
            return 2000
        n = _num(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


def _unit_code(word: str) -> str:
    w = word.lower().rstrip(".")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and w not in ("s",):
        w = w[:-1]
    return _UNITS.get(w, "")


def _duration_value(n: float | None, unit: str) -> str:
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
                return _duration_value(extra, sub)
    amount = "X" if n is None else str(int(n)) if n == int(n) else str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}{rest}"
    if rest and unit in ("D",):
        return f"P{amount}DT{rest}"
    return f"P{amount}{unit}{rest}"


# ------------------------------------------------------------------------------------- the normaliser

class _Context:
    """Per-document state: the anchor, the text (for tense cues) and the reference time."""

    def __init__(self, text: str, anchor: dt.date | None, tense_hint: TenseHint | None = None) -> None:
        self.text = text
        self.anchor = anchor
        self.tense_hint = tense_hint
        self.ref: _Point | None = None  # last specific date mentioned (for "a year earlier", "two days later")
        self.last_quarter: _Point | None = None  # the last quarter named (earnings news reports one quarter)
        self.breaks = [m.end() for m in _SENT_BREAK.finditer(text)]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence-ish stretch holding [start, end): between the nearest breaks either side."""
        i = bisect.bisect_right(self.breaks, start)
        lo = self.breaks[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.breaks, end)
        hi = self.breaks[j] if j < len(self.breaks) else len(self.text)
        return lo, hi

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or '' from the nearest tense cue in the sentence around [start, end)."""
        lo, hi = self.sentence(start, end)
        before = self.text[max(lo, start - 40): start]
        if _FUTURE_PREP.search(before):
            return "future"
        if _PAST_PREP.search(before) or self.text.startswith("'s", end):
            return "past"
        adjacent = _ADJACENT_VERB.search(before)
        if adjacent:
            if _FUTURE_PARTICIPLE.match(adjacent.group("verb")):
                return "future"
            if not _NOT_PAST_BEFORE.search(before, 0, adjacent.start()):
                return "past!"  # "met on December 15": the verb governing the date is in the past tense
        if self.tense_hint is not None:
            hinted = self.tense_hint(start, end)
            if hinted:
                return hinted
        lo, hi = max(lo, start - 120), min(hi, end + 50)
        best: tuple[int, str] | None = None
        for kind, pattern in (("future", _FUTURE_CUE), ("past", _PAST_CUE)):
            for m in pattern.finditer(self.text, lo, hi):
                if start <= m.start() < end:
                    continue
                if kind == "past" and _NOT_PAST_BEFORE.search(self.text, max(0, m.start() - 12), m.start()):
                    continue  # "will be held", "to be signed": a participle, not a past tense
                dist = start - m.end() if m.end() <= start else m.start() - end
                # cues before the expression weigh more: "met on Monday" vs "Monday, he will..."
                dist = dist if m.end() <= start else dist * 3
                if best is None or dist < best[0]:
                    best = (dist, kind)
        return best[1] if best else ""

    def base(self) -> dt.date | None:
        """The date relative expressions count from: the reference time, else the anchor."""
        if self.ref is not None:
            return self.ref.date
        return self.anchor


def _x(value: str, type_: str = "DATE") -> _Val:
    return _Val(type_, value)


def _choose_year(ctx: _Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """Year for a month (and day) given without one, by tense, leaning to the past (see module doc)."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    tense = ctx.tense(start, end)
    y = anchor.year

    def candidate(year: int) -> dt.date:
        if day is None:
            return dt.date(year, month, 1)
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))

    # the nearest occurrence, with the distance against the tense (or, with no cue, ahead) weighted up
    against_tense, ahead_no_cue = 4.0, 2.0
    offset = 3.0 if day is None else 120.0  # a date against the tense must also be much nearer
    best: tuple[float, int] | None = None
    for year in (y - 1, y, y + 1):
        if day is None:
            dist = float((year - anchor.year) * 12 + month - anchor.month)
        else:
            dist = float((candidate(year) - anchor).days)
        if dist == 0:
            return year
        if tense == "future":
            cost = dist if dist > 0 else -dist * against_tense + offset
        elif tense == "past":
            cost = -dist if dist < 0 else dist * against_tense + offset
        elif tense == "past!":
            cost = -dist if dist < 0 else dist * 1000.0
        else:
            cost = -dist if dist < 0 else dist * ahead_no_cue
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else y


def _weekday_date(ctx: _Context, weekday: int, mod: str, start: int, end: int) -> dt.date | None:
    """The date of a weekday name: last/next/this modifiers, else by tense, leaning to the past."""
    base = ctx.anchor
    if base is None:
        return None
    mod = re.sub(r"\s+", " ", mod.lower())
    back = (base.weekday() - weekday) % 7
    fwd = (weekday - base.weekday()) % 7
    if mod in ("last", "this past", "the previous"):
        return base - dt.timedelta(days=back or 7)
    if mod in ("next", "this coming", "the following", "the next"):
        return base + dt.timedelta(days=fwd or 7)
    tense = ctx.tense(start, end)
    if tense == "future":
        return base + dt.timedelta(days=fwd)
    if mod == "this" and not tense.startswith("past"):
        return base + dt.timedelta(days=fwd)
    return base - dt.timedelta(days=back)


def _weekend(ctx: _Context, start: int, end: int) -> dt.date:
    """'the weekend': the one just past (or under way), unless the clause is about the future."""
    a = ctx.anchor
    assert a is not None
    if a.weekday() >= 5 or ctx.tense(start, end) == "future":
        return a
    return a - dt.timedelta(weeks=1)


def _part_code(word: str | None) -> str:
    return {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
            "overnight": "TNI"}.get((word or "").lower(), "")


def _day_or_part(d: dt.date, part: str | None) -> _Val:
    code = _part_code(part)
    if code:
        return _Val.of(_Point("T", d, code), "TIME")
    return _Val.of(_Point("D", d))


def _month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return _MONTHS.get(w, _MONTHS.get(w[:3], 0))


def _day_num(word: str) -> int:
    return int(re.sub(r"\D", "", word) or 0)


def _year_of(text: str) -> int | None:
    if text.startswith("'"):
        n = int(text[1:])
        return 1900 + n if n >= 30 else 2000 + n
    if text.isdigit():
        return int(text)
    return _spoken_year(text)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _n_iso(m: re.Match[str], ctx: _Context) -> _Val | None:
    d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return None
    if m.group(4):
        return _Val.of(_Point("T", d, f"T{m.group(4)}:{m.group(5)}"), "TIME")
    return _Val.of(_Point("D", d))


def _n_iso_month(m: re.Match[str], ctx: _Context) -> _Val | None:
    return _Val.of(_Point("M", dt.date(int(m.group(1)), int(m.group(2)), 1)))


def _n_slash(m: re.Match[str], ctx: _Context) -> _Val | None:
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 30 else 2000 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    d = _safe_date(year, month, day)
    return _Val.of(_Point("D", d)) if d else None


def _month_day(ctx: _Context, month: int, day: int, year_text: str | None, start: int, end: int) -> _Val | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _year_of(year_text) if year_text else _choose_year(ctx, month, day, start, end)
    if year is None:
        return _x(f"XXXX-{month:02d}-{day:02d}")
    d = _safe_date(year, month, day)
    return _Val.of(_Point("D", d)) if d else None


def _n_mdy(m: re.Match[str], ctx: _Context) -> _Val | None:
    return _month_day(ctx, _month_num(m.group(1)), _day_num(m.group(2)), m.group(3), m.start(), m.end())


def _n_dmy(m: re.Match[str], ctx: _Context) -> _Val | None:
    return _month_day(ctx, _month_num(m.group(2)), _day_num(m.group(1)), m.group(3), m.start(), m.end())


def _n_month_spoken_day(m: re.Match[str], ctx: _Context) -> _Val | None:
    day = _ORDINALS.get(m.group(2).lower(), 0)
    if day <= 0:
        return None
    return _month_day(ctx, _month_num(m.group(1)), day, None, m.start(), m.end())


def _n_month_year(m: re.Match[str], ctx: _Context) -> _Val | None:
    year = _year_of(m.group(2))
    month = _month_num(m.group(1))
    if year is None or not 1 <= month <= 12:
        return None
    return _Val.of(_Point("M", dt.date(year, month, 1)))


def _n_month_rel_year(m: re.Match[str], ctx: _Context) -> _Val | None:
    month = _month_num(m.group(1))
    if not 1 <= month <= 12:
        return None
    if ctx.anchor is None:
        return _x(f"XXXX-{month:02d}")
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    return _Val.of(_Point("M", dt.date(year, month, 1)))


_BARE_MONTH_OK = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|of|to|and|or|last|next|this|early|late|mid|end"
    r"|beginning|start|middle|on|between|past|coming|for)\s+|mid-)$", re.I)


def _n_month(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = m.group(2)
    month = _month_num(word)
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
        return _x(f"XXXX-{month:02d}")
    a = ctx.anchor
    if rel in ("last", "past", "previous", "this past"):
        # "last February" said in March means a year back: the month just gone is "last month"
        year = a.year if month < a.month - 1 else a.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = a.year if month > a.month else a.year + 1
    elif rel in ("this", "current"):
        year = a.year
    else:
        chosen = _choose_year(ctx, month, None, m.start(), m.end())
        if chosen is None:
            return _x(f"XXXX-{month:02d}")
        year = chosen
    return _Val.of(_Point("M", dt.date(year, month, 1)))


_QUANTITY_NOUN = re.compile(
    r"\s*(?:people|troops|soldiers|men|women|children|dollars|euros|units|shares|cars|jobs|km|kilometers|miles|meters"
    r"|tons|feet|acres|votes|cases|deaths|barrels)\b")


def _n_year(m: re.Match[str], ctx: _Context) -> _Val | None:
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
        spoken = _spoken_year(m.group(2))
        if spoken is None:
            return None
        year = spoken
    if not 1 <= year <= 9999:
        return None
    return _Val.of(_Point("Y", dt.date(year, 1, 1)))


def _n_decade(m: re.Match[str], ctx: _Context) -> _Val | None:
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
    return _Val.of(_Point("DE", dt.date(year, 1, 1)))


def _n_century(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = m.group(1).lower()
    n = _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= n <= 30:
        return None
    return _Val.of(_Point("CE", dt.date(max((n - 1) * 100, 1), 1, 1)))


def _quarter_year_default(ctx: _Context, q: int, start: int, end: int) -> int | None:
    """A quarter without a year: the latest such quarter that has begun (earnings news reports past quarters)."""
    a = ctx.anchor
    if a is None:
        return None
    current_q = (a.month - 1) // 3 + 1
    if q <= current_q:
        return a.year
    return a.year + 1 if ctx.tense(start, end) == "future" else a.year - 1


_YEAR_BACK = re.compile(r"year[\s-](?:earlier|ago)|a year (?:ago|earlier)|comparable|corresponding")


def _n_quarter(m: re.Match[str], ctx: _Context) -> _Val | None:
    q = _ORDINALS.get(m.group(1).lower(), 0)
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
            year = _quarter_year_default(ctx, q, m.start(), m.end())
            if year is not None and _YEAR_BACK.search(whole):
                year -= 1
    if year is None:
        return _x(f"XXXX-Q{q}")
    return _Val.of(_Point("Q", dt.date(year, (q - 1) * 3 + 1, 1)))


def _n_half(m: re.Match[str], ctx: _Context) -> _Val | None:
    which = m.group(1).lower()
    h = 1 if which == "first" else 2
    if m.group(2):
        year = int(m.group(2))
    elif m.group(3) and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(3).lower()]
    elif m.group(4):
        return _x(f"19{m.group(4)}{'X'}")
    elif ctx.anchor is not None:
        year = ctx.anchor.year
    else:
        return _x(f"XXXX-H{h}")
    return _Val.of(_Point("H", dt.date(year, 1 if h == 1 else 7, 1)))


def _point_for(unit: str, d: dt.date) -> _Point:
    if unit in ("SU", "WI", "SP", "FA"):
        year = d.year + 1 if unit == "WI" and d.month == 12 else d.year
        return _Point("SEASON", dt.date(year, _SEASON_START[unit] if unit != "WI" else 1, 1), unit)
    gran = {"D": "D", "W": "W", "WE": "WE", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "FN": "W",
            "H": "H"}.get(unit, "D")
    return _Point(gran, d)


def _season_shift(anchor: dt.date, code: str, rel: str) -> _Point:
    """last/this/next SEASON: the latest season wholly before the anchor, the current one, or the next one."""
    cur = _point_for(code, anchor)
    lo, hi = cur.interval()
    if rel in ("last", "past", "previous", "this past"):
        year = cur.date.year if hi < anchor else cur.date.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = cur.date.year if lo > anchor else cur.date.year + 1
    else:
        year = cur.date.year
    return _Point("SEASON", dt.date(year, cur.date.month, 1), code)


def _n_rel_unit(m: re.Match[str], ctx: _Context) -> _Val | None:
    edge = (m.group(1) or "").lower()
    rel = re.sub(r"[\s-]+", " ", m.group(2).lower())
    unit = _unit_code(m.group(3))
    whole = m.group(0).lower()
    if not unit or unit in ("S", "MIN", "H", "TMO", "TAF", "TEV"):
        return None
    if unit == "SEASON":
        return None
    if unit == "D" and rel in ("next", "following", "previous"):
        # "the next day", "the previous day": a day counted from the reference time
        base = ctx.base()
        if base is None:
            return _x("XXXX-XX-XX")
        return _Val.of(_Point("D", base + dt.timedelta(days=-1 if rel == "previous" else 1)))
    # "the past year", "the last decade", "the next month" read as durations in TimeML
    durative = ("past", "last", "next", "coming") if ctx.ref is not None else (
        "past", "last", "next", "coming", "previous", "following")
    if whole.startswith("the ") and rel in durative and not edge:
        if unit in ("SU", "WI", "SP", "FA"):
            return None
        return _Val("DURATION", _duration_value(1, unit))
    if rel == "past" and not edge:
        return _Val("DURATION", _duration_value(1, unit)) if unit not in ("SU", "WI", "SP", "FA") else None
    a = ctx.anchor
    if rel in ("same",):
        if ctx.ref is None:
            return None
        return _Val.of(_point_for(unit, ctx.ref.date))
    if rel in ("year earlier", "year ago"):
        if a is None:
            return _x("XXXX")
        if unit == "Q":
            base = ctx.last_quarter.date if ctx.last_quarter is not None else _shift(a, "Q", -1)
        else:
            base = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == unit[:1] else a
        return _Val.of(_point_for(unit, _shift(base, "Y", -1)))
    if a is None:
        return _x({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}.get(unit, "XXXX"))
    if unit in ("SU", "WI", "SP", "FA"):
        return _Val.of(_season_shift(a, unit, rel))
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
            "this coming": 1}.get(rel, 0)
    base = a
    if rel in ("previous", "following") and ctx.ref is not None:
        base = ctx.ref.date
    if rel in ("latest", "this") and unit == "Q" and ctx.last_quarter is not None:
        return _Val.of(ctx.last_quarter)
    if rel == "latest" and unit == "Q":
        return _Val.of(_Point("Q", _shift(a, "Q", -1)))
    if unit == "WE" and step == 0:
        return _Val.of(_Point("WE", _weekend(ctx, m.start(), m.end())))
    return _Val.of(_point_for(unit, _shift(base, unit, step)))


def _n_season(m: re.Match[str], ctx: _Context) -> _Val | None:
    code = _UNITS[m.group(1).lower()]
    year = _year_of(m.group(2))
    if year is None:
        return None
    return _Val.of(_Point("SEASON", dt.date(year, _SEASON_START[code] if code != "WI" else 1, 1), code))


def _n_bare_season(m: re.Match[str], ctx: _Context) -> _Val | None:
    code = _UNITS[m.group(1).lower()]
    if ctx.anchor is None:
        return _x(f"XXXX-{code}")
    tense = ctx.tense(m.start(), m.end())
    rel = "next" if tense == "future" else "last" if tense.startswith("past") else "this"
    point = _season_shift(ctx.anchor, code, rel)
    cur = _point_for(code, ctx.anchor)
    if rel == "last" and cur.interval()[0] <= ctx.anchor:
        point = cur
    return _Val.of(point)


def _n_the_unit(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = m.group(1).lower()
    whole = m.group(0).lower()
    if word in ("time", "period"):
        if not whole.startswith("that"):
            return None
        return _Val.of(ctx.ref) if ctx.ref is not None else None
    unit = _unit_code(word)
    a = ctx.anchor
    if whole.startswith("that") or " same " in whole:
        if ctx.ref is None:
            return None
        return _Val.of(_point_for(unit, ctx.ref.date))
    if word == "day":
        return None  # "the day" is too often "the day of the attack"
    if unit == "Y" and re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end(): m.end() + 10]):
        return _Val("DURATION", "P1Y")  # "the year ended March 31": a fiscal year, not a calendar one
    if a is None:
        return _x("XXXX")
    if unit == "Q":
        if ctx.last_quarter is not None:
            return _Val.of(ctx.last_quarter)
        return _Val.of(_Point("Q", _shift(a, "Q", -1)))
    if unit == "Y":
        if ctx.ref is not None and ctx.ref.gran in ("Y", "Q", "M", "D", "H") and abs(ctx.ref.date.year - a.year) <= 1:
            return _Val.of(_Point("Y", ctx.ref.date))
        return _Val.of(_Point("Y", a))
    if unit == "WE":
        return _Val.of(_Point("WE", _weekend(ctx, m.start(), m.end())))
    if unit in ("W", "M"):
        return _Val.of(_point_for(unit, a))
    return None


def _n_edge_rel(m: re.Match[str], ctx: _Context) -> _Val | None:
    rel = m.group(2).lower()
    unit = _unit_code(m.group(3))
    a = ctx.anchor
    if rel in ("the", "that"):
        if rel == "that" or unit not in ("Y", "M", "W"):
            if ctx.ref is None:
                return None
            return _Val.of(_point_for(unit, ctx.ref.date))
        rel = "this"
    if a is None:
        return _x({"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit, "XXXX"))
    step = {"last": -1, "this": 0, "next": 1}[rel]
    return _Val.of(_point_for(unit, _shift(a, unit, step)))


def _n_day_rel(m: re.Match[str], ctx: _Context) -> _Val | None:
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
            return _x("XXXX-XX-XXTNI", "TIME")
        return _Val.of(_Point("T", a - dt.timedelta(days=1), "TNI"), "TIME")
    if a is None:
        return _x("XXXX-XX-XX" + _part_code(part), "TIME" if part else "DATE")
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
    return _day_or_part(d, part)


def _n_this_part(m: re.Match[str], ctx: _Context) -> _Val | None:
    rel = m.group(2).lower()
    part = m.group(3).lower()
    a = ctx.anchor
    if rel in ("the", "that"):
        if ctx.ref is None or ctx.ref.gran not in ("D", "T") or part == "night":
            return None
        return _day_or_part(ctx.ref.date, part)
    if a is None:
        return _x("XXXX-XX-XX" + _part_code(part), "TIME")
    d = a
    if rel in ("yesterday",) or (rel == "last" and part == "night"):
        d = a - dt.timedelta(days=1)
    elif rel == "last":
        return None
    elif rel == "tomorrow":
        d = a + dt.timedelta(days=1)
    return _day_or_part(d, part)


def _n_weekday(m: re.Match[str], ctx: _Context) -> _Val | None:
    mod = (m.group(1) or "").lower()
    wd = _WEEKDAYS[m.group(2).lower()]
    day = m.group(4)
    if mod == "on":
        mod = ""
    if ctx.anchor is None:
        return _x(f"XXXX-WXX-{wd + 1}")
    d = _weekday_date(ctx, wd, re.sub(r"^(early|late|earlier|later)$", "", mod), m.start(), m.end())
    if d is None:
        return None
    if day:
        # "Friday, the 13th": the nearest date with that day number and weekday
        n = _day_num(day)
        if d.day != n:
            for delta in range(-35, 36, 7):
                cand = d + dt.timedelta(days=delta)
                if cand.day == n:
                    d = cand
                    break
    # "Friday night" is dated to the Friday: TimeBank mostly annotates the day, and events need the day
    return _Val.of(_Point("D", d))


def _ref_for_relative(ctx: _Context, how: str) -> dt.date | None:
    if how in ("ago", "back", "from now", "hence", "previously", "since"):
        return ctx.anchor
    return ctx.base()


def _n_ago(m: re.Match[str], ctx: _Context) -> _Val | None:
    n = _num(m.group(1))
    unit = _unit_code(m.group(2))
    how = re.sub(r"\s+", " ", m.group(3).lower())
    if not unit or unit in ("SEASON",):
        return None
    if how == "since":
        return _Val("DURATION", _duration_value(n, unit))
    sign = 1 if how in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        return _x("FUTURE_REF" if sign > 0 else "PAST_REF")
    base = _ref_for_relative(ctx, how)
    if base is None:
        return _x("FUTURE_REF" if sign > 0 else "PAST_REF")
    k = int(n)
    if unit in ("S", "MIN", "H"):
        return _Val.of(_Point("D", base), "DATE") if k < 24 and unit == "H" else _Val.of(_Point("D", base))
    if unit in ("TMO", "TAF", "TEV"):
        return None
    # earnings news: "a year ago/earlier" of a quarter is that quarter a year back
    if unit == "Y" and ctx.ref is not None and ctx.ref.gran == "Q" and how in ("ago", "earlier", "before"):
        return _Val.of(_Point("Q", _shift(ctx.ref.date, "Y", -k)))
    try:
        d = _shift(base, unit, sign * k)
    except (OverflowError, ValueError):
        return None
    return _Val.of(_point_for(unit, d))


def _n_vague_ago(m: re.Match[str], ctx: _Context) -> _Val | None:
    how = m.group(2).lower()
    if m.group(0).lower().split()[0] in ("the",):
        return None
    return _x("FUTURE_REF" if how == "later" else "PAST_REF")


def _n_time(m: re.Match[str], ctx: _Context) -> _Val | None:
    if m.group(9):
        hour, minute = int(m.group(9)), int(m.group(10))
    else:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        marker = m.group(3).lower()
        if marker.startswith("p") and hour < 12:
            hour += 12
        elif marker.startswith("a") and hour == 12:
            hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    d = ctx.anchor
    if m.group(4) and ctx.anchor is not None:
        d = _weekday_date(ctx, _WEEKDAYS[m.group(4).lower()], "", m.start(), m.end())
    elif m.group(5) and ctx.anchor is not None:
        word = m.group(5).lower()
        d = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    elif m.group(6) and ctx.anchor is not None:
        v = _month_day(ctx, _month_num(m.group(6)), _day_num(m.group(7)), None, m.start(), m.end())
        if v is None or v.point is None:
            return None
        d = v.point.date
    elif ctx.ref is not None and ctx.ref.gran in ("D", "T"):
        d = ctx.ref.date
    clock = f"T{hour:02d}:{minute:02d}"
    if d is None:
        return _x("XXXX-XX-XX" + clock, "TIME")
    return _Val("TIME", d.isoformat() + clock, d, d)


def _n_noon(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = m.group(1).lower()
    clock = "T24:00" if word == "midnight" else "T12:00"
    d = ctx.anchor
    if m.group(2) and d is not None:
        d = _weekday_date(ctx, _WEEKDAYS[m.group(2).lower()], "", m.start(), m.end())
    elif m.group(3) and d is not None:
        d = d + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group(3).lower(), 0))
    elif ctx.ref is not None and ctx.ref.gran in ("D", "T"):
        d = ctx.ref.date
    if d is None:
        return _x("XXXX-XX-XX" + clock, "TIME")
    return _Val("TIME", d.isoformat() + clock, d, d)


def _n_part_weekday(m: re.Match[str], ctx: _Context) -> _Val | None:
    d = _weekday_date(ctx, _WEEKDAYS[m.group(3).lower()], "", m.start(), m.end())
    if d is None:
        return _x(f"XXXX-WXX-{_WEEKDAYS[m.group(3).lower()] + 1}{_part_code(m.group(2))}", "TIME")
    return _day_or_part(d, m.group(2))


def _n_duration(m: re.Match[str], ctx: _Context) -> _Val | None:
    n = _num(m.group(2))
    unit = _unit_code(m.group(3))
    if not unit or unit in ("SEASON", "TMO", "TAF", "TEV"):
        return None
    if m.group(4) and n is not None:
        n += 0.5
    if unit == "WE" and n is not None:
        unit, n = "D", n * 2  # "two weekends": four days
    amount = m.group(2).strip()
    if n is not None and amount[:1].isdigit() and (n > 10000 or re.fullmatch(r"1[6-9]\d\d|20\d\d", amount)):
        return None  # "the 1988 quarter" names a year, it is not 1,988 quarters
    value = _duration_value(n, unit)
    return _Val("DURATION", value)


def _n_duration_adj(m: re.Match[str], ctx: _Context) -> _Val | None:
    n = _num(m.group(1))
    unit = _unit_code(m.group(2))
    if not unit or n is None:
        return None
    return _Val("DURATION", _duration_value(n, unit))


def _n_vague_duration(m: re.Match[str], ctx: _Context) -> _Val | None:
    qual = m.group(2).lower()
    unit = _unit_code(m.group(3))
    if not unit or unit in ("SEASON", "TMO", "TAF", "TEV", "WE"):
        return None
    if not m.group(3).lower().endswith("s"):
        return None  # singular: "the past year" etc. are handled by rel_unit
    if qual in ("coming", "next") and m.group(1):
        return _x("FUTURE_REF")
    if qual == "coming":
        return _x("FUTURE_REF")
    return _Val("DURATION", _duration_value(None, unit))


def _n_for_unit(m: re.Match[str], ctx: _Context) -> _Val | None:
    unit = _unit_code(m.group(1))
    if not unit:
        return None
    return _Val("DURATION", _duration_value(None, unit))


_RATE_BEFORE = re.compile(r"(\d|percent|%|dollars?|cents?|once|twice|times|euros?|pounds?|barrels|tons|rate|\bper)\s*$")


def _n_set(m: re.Match[str], ctx: _Context) -> _Val | None:
    if m.group(4):
        word = re.sub(r"\s+", " ", m.group(4).lower())
        if word not in ("every day", "daily") and re.match(r"\s+[a-z]", ctx.text[m.end(): m.end() + 2]):
            return None
        value = {"daily": "P1D", "every day": "P1D", "everyday": "P1D", "weekly": "P1W", "monthly": "P1M",
                 "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
                 "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}[word]
        return _Val("SET", value)
    det = m.group(1).lower()
    other = (m.group(2) or "").lower()
    what = m.group(3)
    if det in ("a", "an"):
        before = ctx.text[max(0, m.start() - 25): m.start()].lower()
        if not _RATE_BEFORE.search(before):
            return None  # "a year" is a set only as a rate: "$5 a year", "twice a week"
    if what.lower() in _WEEKDAYS:
        return _Val("SET", f"XXXX-WXX-{_WEEKDAYS[what.lower()] + 1}")
    if what.lower() in _MONTHS and what[0].isupper():
        return _Val("SET", f"XXXX-{_MONTHS[what.lower()]:02d}")
    unit = _unit_code(what)
    if unit in ("SU", "WI", "SP", "FA"):
        return _Val("SET", f"XXXX-{unit}")
    if not unit or unit in ("TMO", "TAF", "TEV", "SEASON"):
        return None
    return _Val("SET", _duration_value(2 if other == "other" else 1, unit))


def _n_times_per(m: re.Match[str], ctx: _Context) -> _Val | None:
    unit = _unit_code(m.group(1))
    if not unit:
        return None
    return _Val("SET", _duration_value(1, unit))


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


def _n_ref(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = re.sub(r"\s+", " ", m.group(1).lower())
    if word.startswith("today"):
        if ctx.anchor is None:
            return _x("PRESENT_REF")
        return _Val.of(_Point("D", ctx.anchor))
    if word in ("so far", "earlier", "later", "some time"):
        return None  # too often not temporal at the expression level
    if word.startswith(("in the coming", "coming ", "the ")) and word.endswith(
            ("days", "weeks", "months", "years", "quarters", "ahead")):
        return _x("FUTURE_REF")
    value = _REF_VALUES.get(word)
    if value is None:
        return None
    if value == "PXX":
        return _Val("DURATION", value)
    a = ctx.anchor
    if value == "PRESENT_REF":
        return _Val("DATE", value, a, a)
    if value == "PAST_REF":
        return _Val("DATE", value, None, a)
    return _Val("DATE", value, a, None)


def _easter(year: int) -> dt.date:
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


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, year: int) -> dt.date | None:
    n = re.sub(r"\s+", " ", name.lower().replace("'", ""))
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new years": (1, 1),
             "new years day": (1, 1), "new years eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
             "valentines day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "may day": (5, 1)}
    if n in fixed:
        return dt.date(year, *fixed[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if n.startswith("easter"):
        return _easter(year)
    if n == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    if n == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if n == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return None


def _n_holiday(m: re.Match[str], ctx: _Context) -> _Val | None:
    rel = (m.group(1) or "").lower()
    name = m.group(2)
    if m.group(3):
        d = _holiday(name, int(m.group(3)))
        return _Val.of(_Point("D", d)) if d else None
    a = ctx.anchor
    if a is None:
        return _x("XXXX-XX-XX")
    this = _holiday(name, a.year)
    if this is None:
        return None
    if rel == "last":
        d = this if this < a else _holiday(name, a.year - 1)
    elif rel == "next":
        d = this if this > a else _holiday(name, a.year + 1)
    elif rel == "this":
        d = this
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "future":
            d = this if this >= a else _holiday(name, a.year + 1)
        else:
            d = this if this <= a or (this - a).days <= FORWARD_DAYS else _holiday(name, a.year - 1)
    return _Val.of(_Point("D", d)) if d else None


def _n_week_of(m: re.Match[str], ctx: _Context) -> _Val | None:
    v = _month_day(ctx, _month_num(m.group(1)), _day_num(m.group(2)), m.group(3), m.start(), m.end())
    if v is None or v.point is None:
        return None
    return _Val.of(_Point("W", v.point.date))


def _reported_quarter(ctx: _Context) -> _Point | None:
    """The quarter an earnings story is about: the last one named, else the last one completed."""
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    if ctx.anchor is None:
        return None
    return _Point("Q", _shift(ctx.anchor, "Q", -1))


def _n_period(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = re.sub(r"[\s-]+", " ", m.group(1).lower())
    q = _reported_quarter(ctx)
    if q is None:
        return _x("XXXX-QX")
    if word.isdigit():
        return _Val.of(_Point("Q", dt.date(int(word), q.date.month, 1)))
    if word == "latest":
        return _Val.of(q)
    if word == "same" and "year" not in m.group(0).lower():
        return None
    return _Val.of(_Point("Q", _shift(q.date, "Y", -1)))


def _n_year_adj(m: re.Match[str], ctx: _Context) -> _Val | None:
    q = _reported_quarter(ctx)
    if q is None:
        return _x("XXXX")
    if ctx.last_quarter is None:
        return _Val.of(_Point("Y", _shift(q.date, "Y", -1)))
    return _Val.of(_Point("Q", _shift(q.date, "Y", -1)))


def _n_year_end(m: re.Match[str], ctx: _Context) -> _Val | None:
    if ctx.anchor is None:
        return _x("XXXX")
    return _Val.of(_Point("Y", ctx.anchor))


_NORMALISERS: dict[str, Callable[[re.Match[str], _Context], _Val | None]] = {
    "iso": _n_iso, "iso_month": _n_iso_month, "slash": _n_slash, "mdy": _n_mdy, "dmy": _n_dmy,
    "month_spoken_day": _n_month_spoken_day, "month_year": _n_month_year, "month_rel_year": _n_month_rel_year,
    "month": _n_month, "year": _n_year, "decade": _n_decade, "century": _n_century, "quarter": _n_quarter,
    "half": _n_half, "rel_unit": _n_rel_unit, "season": _n_season, "bare_season": _n_bare_season,
    "the_unit": _n_the_unit, "edge_rel": _n_edge_rel, "day_rel": _n_day_rel, "this_part": _n_this_part,
    "weekday": _n_weekday, "ago": _n_ago, "vague_ago": _n_vague_ago, "time": _n_time, "noon": _n_noon,
    "part_weekday": _n_part_weekday, "duration": _n_duration, "duration_adj": _n_duration_adj,
    "vague_duration": _n_vague_duration, "for_unit": _n_for_unit, "set": _n_set, "times_per": _n_times_per,
    "ref": _n_ref, "holiday": _n_holiday, "week_of": _n_week_of, "period": _n_period, "year_adj": _n_year_adj,
    "year_end": _n_year_end,
}

# Words TimeML leaves outside the span: leading prepositions the patterns may include.
_LEAD_TRIM = re.compile(r"^(?:(?:at(?!\s+(?:least|most))|around|about|by|until|after|before|on)\s+)", re.I)

# Determiners TimeML leaves out before dates and hyphenated adjectives: "the Oct. 23 accord", "a two-year term".
_DET_TRIM = re.compile(
    r"(?i:the|a|an|its|their)\s+(?=(?:\d{1,4}(?:-\d{2,4})?(?:,?\s+\d{4})?(?:[\s,.;)]|$)(?!\s*(?:first|second|third|fourth|quarter|period))"
    r"|[A-Z][a-z]{2,3}\.?\s+\d|[A-Z][a-z]+\s+\d|[\w.]+-(?:quarter|year|month|week|day|hour|minute|second|decade)\b))")

_RESTATE = re.compile(r"\s*[(\[]\s*", re.S)
_RESTATE_CLOSE = re.compile(r"\s*[)\]]")


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    match: re.Match[str]


# Gates: words every match of a rule must contain. A rule whose gate is absent from the text is skipped,
# which spares most rules on most texts (rule patterns with optional prefixes are the costly part).
_G_UNIT = r"sec|min|hour|hr|day|night|week|fortnight|month|quarter|year|decade|centur"
_G_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_G_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tue|wed\.|thu|fri\.|sat\.|sun\."
_G_SEASON = r"spring|summer|fall|autumn|winter"
_GATES: dict[str, str] = {
    "iso": r"\d-\d", "iso_month": r"\d-\d", "slash": r"\d/\d",
    "mdy": _G_MONTH, "dmy": _G_MONTH, "month_spoken_day": _G_MONTH, "month_year": _G_MONTH,
    "month_rel_year": _G_MONTH, "month": _G_MONTH, "week_of": r"week\s+of",
    "year": r"1[6-9]\d\d|2[01]\d\d|nineteen|thousand",
    "decade": r"0'?s|ties", "century": r"century", "quarter": r"quarter", "half": r"half",
    "rel_unit": _G_UNIT + "|" + _G_SEASON, "season": _G_SEASON, "bare_season": _G_SEASON,
    "the_unit": r"year|quarter|week|month|day|time|period", "edge_rel": _G_UNIT,
    "day_rel": r"yesterday|today|tomorrow|tonight|overnight", "this_part": r"morning|afternoon|evening|night",
    "weekday": _G_WEEKDAY, "part_weekday": _G_WEEKDAY,
    "ago": r"ago|earlier|later|from\s+now|hence|back|previously", "vague_ago": r"ago|earlier|later|back",
    "time": r"\d\s*[ap]\.?\s?m|o'clock|\d:\d\d", "noon": r"noon|midday|midnight",
    "duration": _G_UNIT, "duration_adj": _G_UNIT, "vague_duration": _G_UNIT, "for_unit": _G_UNIT + r"|generation",
    "times_per": _G_UNIT,
    "set": _G_UNIT + "|" + _G_MONTH + "|" + _G_WEEKDAY + "|" + _G_SEASON
    + r"|daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|biannually|semiannually|everyday",
    "ref": r"now|current|present|days|moment|time\s+being|recent|lately|past|formerly|once\s+upon|ago|while|future"
    r"|term|possible|coming|ahead",
    "period": r"period", "year_adj": r"year.(?:earlier|ago)", "year_end": r"year.?.?.end",
    "holiday": r"christmas|new\s+year|thanksgiving|easter|independence|labor|memorial|halloween|valentine|election"
    r"|veterans|boxing|may\s+day|good\s+friday",
}
_GATE_RE: dict[str, re.Pattern[str]] = {name: re.compile(g, re.I) for name, g in _GATES.items()}
# The gates run on the lower-cased text without re.I, each distinct gate once per text: about five times
# faster than 39 case-insensitive searches (the gates are written in lower case; re.I stays on any
# gate that is not, so a gate never misses).
_GATE_FAST: dict[str, re.Pattern[str]] = {
    g: re.compile(g, re.I if re.search(r"(?<!\\)[A-Z]", g) else 0) for g in set(_GATES.values())
}


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    low = text.lower()
    gate_hit: dict[str, bool] = {}
    for name, pattern in _RULES:
        gate = _GATES[name]
        hit = gate_hit.get(gate)
        if hit is None:
            hit = gate_hit[gate] = _GATE_FAST[gate].search(low) is not None
        if not hit:
            continue
        has_span = "span" in pattern.groupindex
        for m in pattern.finditer(text):
            start, end = m.span("span") if has_span else m.span()
            if end > start and m.group(0).strip():
                out.append(_Cand(start, end, name, m))
    return out


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Non-overlapping candidates, longest first (ties: earlier rule in _RULES, then earlier start).

    Taken characters are marked in a byte array, so the check costs the span's length, not the number of
    spans already chosen (a text full of month names must not take quadratic time).
    """
    chosen: list[_Cand] = []
    taken = bytearray(length)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), _RULE_ORDER[c.rule], c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding whitespace and punctuation and leading prepositions from a span."""
    seg = text[start:end]
    lead = _LEAD_TRIM.match(seg)
    if lead and lead.end() < len(seg):
        start += lead.end()
    det = _DET_TRIM.match(text, start, end)
    if det and det.end() < end:
        start = det.end()
    while start < end and not text[start].isalnum() and text[start] not in "'":
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _as_match(text: str, start: int, end: int, val: _Val) -> TimexMatch:
    return TimexMatch(
        start=start, end=end, text=text[start:end], type=val.type, value=val.value,
        earliest=val.earliest.isoformat() if val.earliest else None,
        latest=val.latest.isoformat() if val.latest else None,
    )


def _specificity(val: _Val) -> int:
    """How precise a value is (restatements keep the more precise one)."""
    if val.point is None:
        return 0
    ranks = {"CE": 1, "DE": 2, "Y": 3, "H": 4, "Q": 5, "SEASON": 5, "M": 6, "W": 7, "WE": 7, "D": 8, "T": 9}
    return ranks[val.point.gran]


# Rules whose values become the reference time; shifts such as "a year earlier" or "that day" do not.
_SETS_REFERENCE = frozenset({
    "iso", "slash", "mdy", "dmy", "month_spoken_day", "month_year", "month_rel_year", "month", "year", "quarter",
    "half", "season", "day_rel", "weekday", "holiday", "week_of", "rel_unit", "time", "noon", "part_weekday",
    "edge_rel",
})
_SHIFT_WORDS = re.compile(
    r"year[\s-](?:earlier|ago)|a\s+year\s+(?:ago|earlier)|comparable|corresponding|latest|same|previous|following"
    r"|\bthat\b", re.I)


def tag(text: str, anchor: dt.date | None = None, tense_hint: TenseHint | None = None) -> list[TimexMatch]:
    """Find and normalise the time expressions in ``text`` relative to ``anchor`` (the publication date).

    ``tense_hint(start, end)`` may give the tense of the clause governing a span ("past", "past!",
    "future" or "" for no opinion), e.g. from a dependency parse; without it, cue words around the span
    decide. Never raises on odd input: anything that cannot be normalised is skipped. Offsets satisfy
    ``text[m.start:m.end] == m.text``.
    """
    if not isinstance(text, str) or not text:
        return []
    if anchor is not None and not isinstance(anchor, dt.date):
        anchor = None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Context(text, anchor, tense_hint)
    resolved: list[tuple[int, int, _Val]] = []
    for cand in _select(_candidates(text), len(text)):
        try:
            val = _NORMALISERS[cand.rule](cand.match, ctx)
        except (ValueError, OverflowError, KeyError, IndexError):
            val = None
        if val is None:
            continue
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        # restatement: "yesterday (November 26)" is one expression with the more precise value
        if resolved:
            p_start, p_end, p_val = resolved[-1]
            gap = text[p_end:start]
            close = _RESTATE_CLOSE.match(text, end)
            if _RESTATE.fullmatch(gap) and close is not None:
                best = val if _specificity(val) >= _specificity(p_val) else p_val
                resolved[-1] = (p_start, close.end(), best)
                if best.point is not None:
                    ctx.ref = best.point
                continue
        resolved.append((start, end, val))
        if val.point is not None and val.type in ("DATE", "TIME") and cand.rule in _SETS_REFERENCE \
                and not _SHIFT_WORDS.search(cand.match.group(0)):
            ctx.ref = val.point
            if val.point.gran == "Q":
                ctx.last_quarter = val.point
    return [_as_match(text, s, e, v) for s, e, v in resolved]
