r"""The cleaner's whole-line rules: one row per rule, first match wins.

``Cleaner`` (``clean.py``) first cuts inline debris from a line (images, HTML tags, bracketed photo credits),
then asks the rows of ``LINE_RULES`` in order whether the rest of the line is debris. The first row that
matches removes the whole line: the line is recorded in ``article.removed`` as it came, with the row's
``reason``, and a row with ``outlet=True`` also names the story's outlet. A line that no row matches is
kept (after its dateline prefix and end marker, if any, are cut).

To add a rule, add a row (see docs/extending.md, "Adding a cleaning rule"): a ``name``, the ``reason``
recorded (reuse one of ``REASONS`` when it fits), an ``example`` line it removes, a ``pattern`` and, when
the pattern alone is too eager, ``max_words``, ``where`` or ``when``. tests/text/test_clean_rules.py checks
that every row removes its example with its reason. Word lists belong in ``lexicon.py``.

Rules are conservative on purpose (see ``clean.py``): a pattern that could be content needs a shape that
content does not have, which is what ``max_words``, ``where`` and ``when`` give it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from eventwire.text.lexicon import (
    BYLINE_OPENERS,
    CONTRIBUTED_TO,
    CREDIT_TOKENS,
    CREDITED_WORK,
    LINK_HEADINGS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    PHOTO_AGENCIES,
    SOCIAL_NETWORKS,
    SOURCE_CUES,
    STAFF_ROLES,
    alternation,
)

# Reasons recorded in ``article.removed`` by the whole-line rules (the cleaner also records "image remnant",
# "html tag", "html script or style", "layout debris" and "end marker" for what it cuts inside a line).
CAPTION = "photo caption or credit"
BYLINE = "byline or credit"
BOILERPLATE = "boilerplate"
SOURCE_LINE = "source line"
DATELINE = "dateline"
REASONS = (CAPTION, BYLINE, BOILERPLATE, SOURCE_LINE, DATELINE)

# A line "at the edge" of the story is one of its first SOURCE_HEAD or last SOURCE_TAIL lines; a line "at
# the head" comes while fewer than DATELINE_HEAD lines have been kept (and is not the last line).
SOURCE_HEAD, SOURCE_TAIL = 2, 4
DATELINE_HEAD = 3
CAPTION_MAX_WORDS = 30
CAPTION_STRONG_MAX_WORDS = 60
BOILERPLATE_MAX_WORDS = 20

Where = Literal["anywhere", "head", "edge", "last"]


@dataclass(frozen=True)
class LineView:
    """What a whole-line rule sees of one line."""

    text: str  # the line after inline debris (images, tags, bracketed photo credits) was cut
    raw: str  # the line as it came (normalised)
    words: int  # words in ``text``
    edge: bool  # one of the first SOURCE_HEAD or last SOURCE_TAIL lines of the story
    head: bool  # fewer than DATELINE_HEAD lines kept so far, and not the last line
    last: bool  # the story's last line
    speech: bool  # ``text`` ends like a quoted sentence ('."', '?”'): never a caption
    inline_credit: bool  # a bracketed photo credit was cut from the line


@dataclass(frozen=True)
class LineRule:
    """One whole-line cleaning rule: the line is removed, with ``reason``, when every condition holds."""

    name: str  # unique, snake_case; counted in ``Cleaner.rule_hits``
    reason: str  # recorded in ``article.removed`` (one of REASONS, or a new one)
    example: str  # a line the rule removes (checked by tests/text/test_clean_rules.py)
    pattern: re.Pattern[str] | None = None  # None: ``when`` alone decides
    search: bool = False  # find the pattern anywhere in the line (re.search), not at its start (re.match)
    on_raw: bool = False  # test the line as it came, before inline debris was cut
    max_words: int | None = None  # only lines of at most this many words
    where: Where = "anywhere"  # only lines at the story's "head", "edge" or "last" line (see LineView)
    when: Callable[[LineView], bool] | None = None  # any further condition
    outlet: bool = False  # the line names the outlet: the match's "outlet" group, else the whole match

    def match(self, line: LineView) -> re.Match[str] | bool | None:
        """Truthy when the rule removes ``line``: the pattern's match, or True for a rule with no pattern."""
        if self.where == "head" and not line.head:
            return None
        if self.where == "edge" and not line.edge:
            return None
        if self.where == "last" and not line.last:
            return None
        if self.max_words is not None and line.words > self.max_words:
            return None
        if self.when is not None and not self.when(line):
            return None
        if self.pattern is None:
            return True
        subject = line.raw if self.on_raw else line.text
        return self.pattern.search(subject) if self.search else self.pattern.match(subject)


# --- patterns ----------------------------------------------------------------------------------------------
PHOTO = rf"(?:file\s+)?(?:{alternation(MEDIA_WORDS)})"

CAPTION_STRONG = re.compile(
    rf"^\s*(?:(?:image|photo|picture|media|video)\s+(?:copyright|caption|source|credit|courtesy)\b"
    rf"|{PHOTO}\s*(?:credit|courtesy)?\s*[:|]"
    r"|photo\s+taken\s+(?:on|in)\b)",
    re.I,
)
CAPTION_END = re.compile(
    rf"(?:\(\s*{PHOTO}\b[^()\n]{{0,60}}\)"  # ... (photo: FreaBeacon) / (File photo)
    r"|\((?:[A-Z][A-Za-z]+)/[A-Z][\w .'-]{2,40}\)"  # ... (Xinhua/Li Xueren)
    rf"|\b{PHOTO}\s*(?:credit|courtesy)?\s*:\s*[A-Z][\w.&/ -]{{1,40}})"  # ... Photo: AFP
    r"\s*\|?\s*$",
    re.I,
)
CREDIT_TOKEN = re.compile(rf"\b(?:{alternation(CREDIT_TOKENS)})\b", re.I)
CREDIT_CAPS = re.compile(rf"\b(?:{alternation(PHOTO_AGENCIES)})\s*/\s*[A-Z]")

_NAME = rf"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{alternation(NAME_PARTICLES)}))*"
BYLINE_LINE = re.compile(
    rf"^\s*(?i:{alternation(BYLINE_OPENERS)})\s+{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"\s*(?:[,|/—–-]\s*[\w .'’-]{0,40})?$"
)
CREDIT_LINE = re.compile(rf"^\s*\*?\s*\(?\s*(?:{alternation(CREDITED_WORK)})\s+by\b.{{0,300}}$", re.I)
CONTRIBUTED = re.compile(rf"\bcontributed\b.{{0,40}}\b(?:{alternation(CONTRIBUTED_TO)})\s*[.)]?$", re.I)
STAFF_LINE = re.compile(rf"^\s*(?:{alternation(STAFF_ROLES)})\s*:\s*[A-Z][\w.'’ ,&-]{{1,80}}$", re.I)
STAFF_BYLINE = re.compile(r"^\s*(?:staff|wire|news)\s+(?:reports?|writers?|services?)\s*$", re.I)
EMAILS = re.compile(r"^\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,;/]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*\s*$")
BOILERPLATE_LINE = re.compile(
    rf"^\s*(?:(?:{alternation(LINK_HEADINGS)})\s*[:|>—–-]"
    rf"|click\s+here\b|follow\s+(?:us|[\w' ]{{2,30}})\s+on\s+(?:{alternation(SOCIAL_NETWORKS)})\b"
    r"|share\s+this\b|(?:subscribe\s+to|sign\s+up\s+for)\s+(?:our|the)\b.{0,40}\b(?:newsletter|alerts|updates)\b"
    r"|media\s+playback\s+is\s+(?:unsupported|not\s+supported)"
    r"|advertisement$|skip\s+advert)",
    re.I,
)
TRANSLATION_NOTE = re.compile(
    r"^\s*[\(\[]?\s*(?:this\s+(?:article|story|text|report)\s+(?:was|has\s+been|is)\s+(?:machine[- ]|automatically\s+)?"
    r"translated|machine[- ]translated|(?:automatic|machine)\s+translation\b|translated\s+(?:from|by)\b)",
    re.I,
)
SOURCE = re.compile(
    rf"^\s*[\(\[]?\s*(?i:{alternation(SOURCE_CUES)})"
    r"\s*[:\-–—]?\s*(?P<outlet>[A-Z][\w.&'’ -]{1,60}?)\s*[\)\]]?\s*[./]?\s*$"
)
TRAILING_SOURCE = re.compile(r"^\s*[-–—]{1,2}\s*(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s*\.?\s*$")
BARE_AGENCY = re.compile(r"^\s*(?P<outlet>[A-Z]{2,8}(?:[-/][A-Z]{2,8})?(?:\.[A-Za-z]{2,4})?)\s*\.?\s*$")
DATELINE_ALONE = re.compile(r"^[A-Z][A-Z.'’\- ]{2,30}(?:,\s*[A-Z][A-Z.'’ ]{1,30})?$")


def _not_speech(line: LineView) -> bool:
    return not line.speech


# --- the table ---------------------------------------------------------------------------------------------
LINE_RULES: tuple[LineRule, ...] = (
    # A place name alone on a line near the top: the dateline of the story below it.
    LineRule("dateline_alone", DATELINE, "DAMASCUS", DATELINE_ALONE, where="head",
             when=lambda line: line.words == 1 or "," in line.text),
    # Photo captions and credits (never a line that ends like a quoted sentence).
    LineRule("caption_heading", CAPTION, "Image caption Syrian soldiers patrol the old city of Homs",
             CAPTION_STRONG, max_words=CAPTION_STRONG_MAX_WORDS, when=_not_speech),
    LineRule("caption_credit_end", CAPTION, "Rescue workers search the rubble in Gaza City (Xinhua/Wissam Nassar)",
             CAPTION_END, search=True, on_raw=True, max_words=CAPTION_MAX_WORDS, when=_not_speech),
    LineRule("credit_token", CAPTION, "Smoke rises over the city on Tuesday. Getty Images",
             CREDIT_TOKEN, search=True, max_words=CAPTION_MAX_WORDS, when=_not_speech),
    LineRule("agency_photo_credit", CAPTION, "Syrian army soldiers in Homs REUTERS/Omar Sanadiki",
             CREDIT_CAPS, search=True, max_words=CAPTION_MAX_WORDS, when=_not_speech),
    LineRule("inline_photo_credit", CAPTION, "Protesters march in central Cairo (photo by Ahmed Ali) on Friday",
             max_words=CAPTION_MAX_WORDS, when=lambda line: line.inline_credit and not line.speech),
    # Bylines, credits and staff lines.
    LineRule("byline", BYLINE, "By John Smith and Jane Doe", BYLINE_LINE, max_words=16),
    LineRule("credit_line", BYLINE, "Reporting by Tom Perry; Editing by Alison Williams", CREDIT_LINE, max_words=60),
    LineRule("contributed", BYLINE, "Maria Tsvetkova in Moscow contributed to this report.", CONTRIBUTED,
             search=True, max_words=25),
    LineRule("staff_line", BYLINE, "Editor: Nguyen Van Anh", STAFF_LINE, max_words=10),
    LineRule("emails", BYLINE, "newsdesk@example.com, editor@example.com", EMAILS),
    LineRule("staff_byline", BYLINE, "Staff Reports", STAFF_BYLINE),
    # Links, sharing prompts, translation notes.
    LineRule("boilerplate", BOILERPLATE, "Read more: Russia says Syria talks to resume in Geneva",
             BOILERPLATE_LINE, max_words=BOILERPLATE_MAX_WORDS),
    LineRule("translation_note", BOILERPLATE, "This article was machine translated from Vietnamese.",
             TRANSLATION_NOTE, max_words=BOILERPLATE_MAX_WORDS),
    # Lines that name the outlet, at the edges of the story.
    LineRule("source_line", SOURCE_LINE, "Source: Xinhua", SOURCE, max_words=8, where="edge", outlet=True),
    LineRule("trailing_source", SOURCE_LINE, "-- Reuters", TRAILING_SOURCE, max_words=5, where="edge",
             outlet=True),
    LineRule("bare_agency", SOURCE_LINE, "AFP", BARE_AGENCY, max_words=1, where="last", outlet=True),
)


def outlet_rules(patterns: list[str]) -> tuple[LineRule, ...]:
    """Rows for the configured ``clean.outlet_patterns``: a line where the pattern is found anywhere names
    the outlet (its "outlet" group, else the whole match) and is removed as a source line."""
    return tuple(
        LineRule(f"outlet_pattern_{n}", SOURCE_LINE, "", re.compile(p, re.I), search=True, outlet=True)
        for n, p in enumerate(patterns, start=1)
    )
