"""A pure-Python temporal tagger and normaliser (TimeML TIMEX3 values), anchored on a publication date.

Why rules: news time expressions are a small, regular language, and rules are fast, offline, explainable
and easy to fix. The tagger works on plain text (so it can be fuzzed and evaluated cheaply); the stage
adds nothing but ids.

How it works: the rules (rules.py) propose candidate spans; overlapping candidates are resolved
longest-first; the survivors are normalised in reading order against the anchor (the publication date)
and, for expressions such as "a year earlier" or "two days later", against the reference time (the last
specific date mentioned). Year choice for dates without a year, and day choice for bare weekdays, follow
the tense of the clause around the expression and lean to the past, as news does (context.py).

Without an anchor, relative expressions stay underspecified (XXXX-11-26, XXXX-WXX-2) and carry no interval.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from eventwire.times.context import FORWARD_DAYS, Context, TenseHint
from eventwire.times.rulebook import Rule
from eventwire.times.rules import RULES
from eventwire.times.values import Val, specificity

__all__ = ["TimexMatch", "TenseHint", "tag", "FORWARD_DAYS"]


@dataclass(frozen=True)
class TimexMatch:
    """One time expression: its span, TIMEX3 type and value, and the calendar interval it denotes.

    ``rule`` names the rule that produced it (for tests and debugging; not part of the Document output,
    and ignored when matches are compared).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: str | None = None
    latest: str | None = None
    rule: str = field(default="", compare=False)


# Words TimeML leaves outside the span: leading prepositions the patterns may include.
_LEAD_TRIM = re.compile(r"^(?:(?:at(?!\s+(?:least|most))|around|about|by|until|after|before|on)\s+)", re.I)

# Determiners TimeML leaves out before dates and hyphenated adjectives: "the Oct. 23 accord", "a two-year term".
_DET_TRIM = re.compile(
    r"(?i:the|a|an|its|their)\s+(?=(?:\d{1,4}(?:-\d{2,4})?(?:,?\s+\d{4})?(?:[\s,.;)]|$)(?!\s*(?:first|second|third|fourth|quarter|period))"
    r"|[A-Z][a-z]{2,3}\.?\s+\d|[A-Z][a-z]+\s+\d|[\w.]+-(?:quarter|year|month|week|day|hour|minute|second|decade)\b))")

_RESTATE = re.compile(r"\s*[(\[]\s*", re.S)
_RESTATE_CLOSE = re.compile(r"\s*[)\]]")

# Rules whose values become the reference time (Rule.sets_reference) do not when the match is a shift
# such as "a year earlier" or "that day".
_SHIFT_WORDS = re.compile(
    r"year[\s-](?:earlier|ago)|a\s+year\s+(?:ago|earlier)|comparable|corresponding|latest|same|previous|following"
    r"|\bthat\b", re.I)


@dataclass
class _Cand:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Cand]:
    """Every match of every rule whose gate occurs in the text (each distinct gate is searched once)."""
    out: list[_Cand] = []
    low = text.lower()
    gate_hit: dict[str, bool] = {}
    for rule in RULES:
        hit = gate_hit.get(rule.gate)
        if hit is None:
            hit = gate_hit[rule.gate] = rule.gate_re.search(low) is not None
        if not hit:
            continue
        pattern = rule.pattern
        has_span = "span" in pattern.groupindex
        for m in pattern.finditer(text):
            start, end = m.span("span") if has_span else m.span()
            if end > start and m.group(0).strip():
                out.append(_Cand(start, end, rule, m))
    return out


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Non-overlapping candidates, longest first (ties: the rule declared first, then earlier start).

    Taken characters are marked in a byte array, so the check costs the span's length, not the number of
    spans already chosen (a text full of month names must not take quadratic time).
    """
    chosen: list[_Cand] = []
    taken = bytearray(length)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rule.rank, c.start)):
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


def _as_match(text: str, start: int, end: int, val: Val, rule: str) -> TimexMatch:
    return TimexMatch(
        start=start, end=end, text=text[start:end], type=val.type, value=val.value,
        earliest=val.earliest.isoformat() if val.earliest else None,
        latest=val.latest.isoformat() if val.latest else None,
        rule=rule,
    )


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
    ctx = Context(text, anchor, tense_hint)
    resolved: list[tuple[int, int, Val, str]] = []
    for cand in _select(_candidates(text), len(text)):
        try:
            val = cand.rule.normalise(cand.match, ctx)
        except (ValueError, OverflowError, KeyError, IndexError):
            val = None
        if val is None:
            continue
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        # restatement: "yesterday (November 26)" is one expression with the more precise value
        if resolved:
            p_start, p_end, p_val, p_rule = resolved[-1]
            gap = text[p_end:start]
            close = _RESTATE_CLOSE.match(text, end)
            if _RESTATE.fullmatch(gap) and close is not None:
                best, best_rule = (val, cand.rule.name) if specificity(val) >= specificity(p_val) else (p_val, p_rule)
                resolved[-1] = (p_start, close.end(), best, best_rule)
                if best.point is not None:
                    ctx.ref = best.point
                continue
        resolved.append((start, end, val, cand.rule.name))
        if val.point is not None and val.type in ("DATE", "TIME") and cand.rule.sets_reference \
                and not _SHIFT_WORDS.search(cand.match.group(0)):
            ctx.ref = val.point
            if val.point.gran == "Q":
                ctx.last_quarter = val.point
    return [_as_match(text, s, e, v, r) for s, e, v, r in resolved]
