"""Where a document stands in time: the anchor (publication date), the reference time (the last specific date
mentioned) and the tense around an expression, and the choices made from them: which year a month or day
without one falls in, which date a bare weekday names, which quarter an earnings story reports.

Year choice for dates without a year, and day choice for bare weekdays, follow the tense of the clause
around the expression and lean to the past, as news does:

- past-tense clause: the latest occurrence on or before the anchor;
- future-tense clause ("will", "next", "plans to", "is scheduled"...): the first occurrence on or after it;
- no tense cue: the past occurrence, unless the date falls within a short forward window
  (FORWARD_DAYS for day dates, the current/next month for bare months) of the anchor.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable

from eventwire.times.values import Point, shift

FORWARD_DAYS = 10
"""A day date with no year and no tense cue is read as upcoming only if within this many days ahead."""


TenseHint = Callable[[int, int], str]
"""(start, end) -> "past", "past!" (certainly past), "future" or "" (no opinion)."""

# Tense cue words in the sentence around an expression; the nearest one decides (Context.tense).
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


class Context:
    """Per-document state: the anchor, the text (for tense cues) and the reference time."""

    def __init__(self, text: str, anchor: dt.date | None, tense_hint: TenseHint | None = None) -> None:
        self.text = text
        self.anchor = anchor
        self.tense_hint = tense_hint
        self.ref: Point | None = None  # last specific date mentioned (for "a year earlier", "two days later")
        self.last_quarter: Point | None = None  # the last quarter named (earnings news reports one quarter)
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


def choose_year(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
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


def weekday_date(ctx: Context, weekday: int, mod: str, start: int, end: int) -> dt.date | None:
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


def weekend(ctx: Context, start: int, end: int) -> dt.date:
    """'the weekend': the one just past (or under way), unless the clause is about the future."""
    a = ctx.anchor
    assert a is not None
    if a.weekday() >= 5 or ctx.tense(start, end) == "future":
        return a
    return a - dt.timedelta(weeks=1)


def quarter_year_default(ctx: Context, q: int, start: int, end: int) -> int | None:
    """A quarter without a year: the latest such quarter that has begun (earnings news reports past quarters)."""
    a = ctx.anchor
    if a is None:
        return None
    current_q = (a.month - 1) // 3 + 1
    if q <= current_q:
        return a.year
    return a.year + 1 if ctx.tense(start, end) == "future" else a.year - 1


def reported_quarter(ctx: Context) -> Point | None:
    """The quarter an earnings story is about: the last one named, else the last one completed."""
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    if ctx.anchor is None:
        return None
    return Point("Q", shift(ctx.anchor, "Q", -1))


def ref_for_relative(ctx: Context, how: str) -> dt.date | None:
    """What "three days ago/later" counts from: "ago", "from now" from the anchor, "later", "earlier" from the
    reference time."""
    if how in ("ago", "back", "from now", "hence", "previously", "since"):
        return ctx.anchor
    return ctx.base()
