"""The words of time expressions: month, weekday, unit, number and ordinal tables, the regex fragments built
from them, and the readers that turn those words back into numbers.

Why one module: a pattern in rules.py and the normaliser reading its match must agree on the same words;
keeping the word lists and the fragments side by side is what keeps them in step.
"""

from __future__ import annotations

import calendar
import re

# ---------------------------------------------------------------------------------------------- tables

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # Monday=0

UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H", "day": "D",
    "night": "D", "week": "W", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "season": "SEASON", "weekend": "WE",
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "summer": "SU", "winter": "WI",
    "spring": "SP", "fall": "FA", "autumn": "FA",
}

SMALL_NUMBERS: dict[str, float] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dozen": 12, "couple": 2, "half": 0.5,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# --------------------------------------------------------------------------------------- regex fragments

MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_ABBR_UP = (r"(?-i:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY"
                 r"|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?")
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|{MONTH_ABBR_UP})"
WEEKDAY = (r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
           r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)")
WEEKDAY_ABBR = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"
WORD_NUM_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]" + WORD_NUM_UNIT + r")?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + WORD_NUM_UNIT
    + r"|a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+half|an?|half\s+an?)"
)
VAGUE_NUM = r"(?:a\s+few|few|several|some|many|a\s+number\s+of|numerous)"
NUM = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|{WORD_NUM}(?:\s+and\s+a\s+half)?|{VAGUE_NUM})"
NUM_RANGE = rf"(?:{NUM}(?:\s*(?:to|or|-)\s*{NUM})?)"
UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?"
        r"|years?|decades?|century|centuries|weekends?)")
UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|weekend)"
APPROX = (r"(?:(?:nearly|almost|about|around|roughly|approximately|some|only|just|barely|more\s+than|less\s+than"
          r"|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
          r"|the\s+better\s+part\s+of|upwards\s+of|another|an\s+additional|a\s+further)\s+)")
SEASON = r"(?:spring|summer|fall|autumn|winter)"
TZ = r"(?:\s*\(?(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time)\)?)"
SPOKEN_YEAR = (
    r"(?:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]" + WORD_NUM_UNIT
    + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:" + WORD_NUM_UNIT + r"|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]" + WORD_NUM_UNIT + r")?))?)"
)
REL = r"(?:last|this|next|past|previous|coming|following|current|this\s+past|this\s+coming)"
EDGE = (r"(?:early|late|mid|mid-|earlier|later|the\s+(?:end|beginning|start|middle|close|rest|remainder"
        r"|first\s+half|second\s+half|latter\s+part|early\s+part|turn)\s+of(?:\s+the)?)")
HOLIDAY = (r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter"
           r"(?:\s+Sunday)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine'?s\s+Day"
           r"|Election\s+Day|Veterans\s+Day|Boxing\s+Day|May\s+Day|Good\s+Friday)")
# Fragments built from the tables above.
ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
ORDINAL_ALPHA = "|".join(k for k in ORDINALS if k.isalpha() and k != "last")
DECADE_WORDS = r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
WEEKDAY_PREFIX = r"(?:(?:(?:" + WEEKDAY + r"|" + WEEKDAY_ABBR + r"),?\s+))?"
NUM_FILLER = r"more|additional|full|straight|consecutive|long|whole|calendar|business|trading|working"

# Gate fragments (see rulebook.Rule): words every match of a rule must contain. A rule whose gate is absent from
# the text is skipped, which spares most rules on most texts (patterns with optional prefixes are the costly part).
# Written in lower case: gates run on the lower-cased text.
G_UNIT = r"sec|min|hour|hr|day|night|week|fortnight|month|quarter|year|decade|centur"
G_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
G_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tue|wed\.|thu|fri\.|sat\.|sun\."
G_SEASON = r"spring|summer|fall|autumn|winter"


# ----------------------------------------------------------------------------------------------- readers

def read_number(text: str) -> float | None:
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
                first = read_number(parts[0])
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
        if word in SMALL_NUMBERS:
            total += SMALL_NUMBERS[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "a":
            total += 1
        else:
            return None
    return total + (0.5 if half else 0.0)


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'the year two thousand' -> 2000."""
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).replace("the year ", "").strip()
    if t.startswith("nineteen "):
        rest = t[len("nineteen "):]
        if rest == "hundred":
            return 1900
        n = read_number(rest)
        return 1900 + int(n) if n is not None and 10 <= n < 100 else None
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        if not rest:
            return 2000
        n = read_number(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


def unit_code(word: str) -> str:
    """The TIMEX3 unit code of a unit word ("weeks" -> "W", "summer" -> "SU"); "" if it is not one."""
    w = word.lower().rstrip(".")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and w not in ("s",):
        w = w[:-1]
    return UNITS.get(w, "")


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9); 0 if it is not one."""
    w = word.lower().rstrip(".")
    return MONTHS.get(w, MONTHS.get(w[:3], 0))


def day_number(word: str) -> int:
    """The number in a day word ("23rd" -> 23)."""
    return int(re.sub(r"\D", "", word) or 0)


def year_of(text: str) -> int | None:
    """A year written as digits, '98 (1930-2029) or words."""
    if text.startswith("'"):
        n = int(text[1:])
        return 1900 + n if n >= 30 else 2000 + n
    if text.isdigit():
        return int(text)
    return spoken_year(text)


def part_code(word: str | None) -> str:
    """The TIMEX3 code of a part of the day ("morning" -> "TMO"); "" for anything else."""
    return {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
            "overnight": "TNI"}.get((word or "").lower(), "")
