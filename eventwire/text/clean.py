"""The clean stage: turn a raw article into clean text plus metadata, recording every removal.

Wire copy and machine-translated stories carry debris that confuses parsers and coders: image remnants,
photo captions and credits, end markers ("/.", "(END)", "-- ENDS --"), bylines and credits, datelines
("MOSCOW, Nov 26 (Reuters) -", "BEIRUT (AP) —", "MOSCOW, November 26. /TASS/."), boilerplate ("Read more:")
and source lines ("According to VOV.VN", "Source: Xinhua", "-- Reuters"). The cleaner removes them by
general rules about the shape and position of a line (not per outlet), keeps what it removed in
``article.removed`` with a reason, and records the outlet named by a source line (preferred) or a
dateline. Plain text gets a detected title and lead.

Where things are: the rules that remove a whole line are the rows of ``rules.LINE_RULES`` (one row per
rule: name, pattern or predicate, reason, example line); the words their patterns look for are in
``lexicon.py``. This module normalises the text, cuts inline debris (images, HTML tags, bracketed photo
credits), applies the rows, then cuts a leading dateline and a trailing end marker from the lines kept.

Rules are conservative on purpose: losing a real sentence is worse than keeping a credit line, so a
pattern that could be content ("According to officials, ...", "a photo of the pilot was released") needs
a shape that content does not have (a short line, a position at the edge of the story, a credit token).
Every removal's text is a substring of the normalised input (see ``normalise_text``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from eventwire.document import Removal
from eventwire.text.lexicon import (
    HTML_TAGS,
    LEAD_DOMAIN_ENDINGS,
    MONTHS,
    OUTLET_DOMAIN_ENDINGS,
    WEEKDAY_STEMS,
    alternation,
)
from eventwire.text.rules import (
    CAPTION,
    CAPTION_MAX_WORDS,
    DATELINE,
    DATELINE_HEAD,
    LINE_RULES,
    PHOTO,
    SOURCE_HEAD,
    SOURCE_TAIL,
    LineRule,
    LineView,
    outlet_rules,
)

# --- normalisation -----------------------------------------------------------------------------------
# Characters that are invisible or layout-only: drop, or map to a plain space / newline.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"), None)
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\u2002\u2003\u2004\u2005\u2006\u2008\u205f"), " "
)
_BREAKS = dict.fromkeys(map(ord, "\u2028\u2029\x85\x0b\x0c"), "\n")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "»", "。", "！", "？")


def _unescape(m: re.Match[str]) -> str:
    value = html.unescape(m.group(0))
    # An entity for a control or invalid character is debris, not text.
    return "" if len(value) == 1 and (unicodedata.category(value) in ("Cc", "Cs", "Co", "Cn")) else value


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (fixed-width plain text) back into paragraphs.

    Wrapped text shows many lines of nearly the same length that stop mid-sentence; blank lines then
    separate the paragraphs. Without unwrapping, every wrapped line would look like a paragraph (and the
    first would look like a title).
    """
    long = [len(x) for x in lines if len(x) >= 40]
    if len(long) < 4:
        return lines
    width, _ = Counter(min(n, 200) // 5 * 5 for n in long).most_common(1)[0]
    near = sum(1 for n in long if width - 15 <= n <= width + 5)
    stops_mid = sum(1 for x in lines if len(x) >= 40 and not x.endswith(_SENTENCE_END))
    if near < 0.6 * len(long) or stops_mid < 0.5 * len(long) or "" not in lines:
        return lines
    out: list[str] = []
    joinable = False
    for line in lines:
        if line and joinable and out and out[-1]:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joinable = bool(line) and len(line) >= width - 25
    return out


def normalise_text(raw: str) -> str:
    """Unicode NFC, HTML entities decoded, invisible characters out, odd spaces to plain spaces,
    hard-wrapped lines joined, no blank runs."""
    text = unicodedata.normalize("NFC", raw)
    if "&" in text:
        text = _ENTITY.sub(_unescape, text)
        text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = _CONTROL.sub("", text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    lines = _unwrap(lines)
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


# --- patterns ----------------------------------------------------------------------------------------
# The whole-line rules (captions, bylines, boilerplate, source lines, a dateline alone) are rows of
# ``rules.LINE_RULES``; their word lists are in ``lexicon.py``. Here: what is cut from inside a line, and
# the dateline and end-marker shapes cut from its start and end.
_HTML_TAGS = alternation(HTML_TAGS)
# Inline debris, removed from inside a line; one alternation so every match is a substring of the line.
_INLINE = re.compile(
    r"(?P<image>\[!\[[^\]\n]*\]\([^)\n]*\)\]\([^)\n]*\)"  # linked markdown image
    r"|!\[[^\]\n]*\]\([^)\n]*\)"  # markdown image
    r"|!\[[^\]\n]*\]\[[^\]\n]*\]"  # reference-style markdown image
    r"|<img\b[^<>\n]*>)"  # HTML image
    r"|(?P<caption><figcaption\b[^<>\n]*>.*?</figcaption\s*>)"
    r"|(?P<script><(?P<st>script|style)\b[^<>\n]*>.*?</(?P=st)\s*>)"
    rf"|(?P<tag></?(?:{_HTML_TAGS})\b[^<>\n]*>|<!--.*?-->)"
    rf"|(?P<credit>\(\s*{PHOTO}\s*(?:credit|courtesy)?\s*(?:[:/]|by\b)[^()\n]{{0,60}}\)|\(\s*{PHOTO}\s*\))",
    re.I,
)
_INLINE_REASONS = {
    "image": "image remnant",
    "caption": CAPTION,
    "script": "html script or style",
    "tag": "html tag",
    "credit": CAPTION,
}
_ONLY_PUNCT = re.compile(r"^[\s|*_#=~\-–—•·.:;,/\\<>+]*$")

_MONTHS = rf"(?i:{alternation(MONTHS)})\.?"
_DAY = rf"(?i:{alternation(WEEKDAY_STEMS)})day"
_PLACE = r"[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ ]{1,30}?)?"
_DATE = rf"(?:\s*,\s*(?:{_DAY}\s*,?\s*)?(?:{_MONTHS}\s*\d{{1,2}}|\d{{1,2}}\s+{_MONTHS})(?:\s*,?\s*\d{{4}})?)"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}){_DATE}?\s*\.?\s*"
    r"(?:\((?P<agency>[A-Z][\w.&/ -]{1,25})\)|/(?P<agency2>[A-Za-z][\w.&-]{1,20})/)"
    r"\s*(?:[-–—]{1,2}|\.)\s*"
)
_AGENCY_LEAD = re.compile(r"^\((?P<agency>[A-Z][\w.&/ -]{1,25})\)\s*[-–—]{1,2}\s*")
_DOMAIN_LEAD = re.compile(rf"^(?P<agency>[A-Z][\w-]*\.(?:{alternation(LEAD_DOMAIN_ENDINGS)}))\s*[-–—:]{{1,2}}\s+")
_DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{2,30}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?)\s*[-–—]{1,2}\s+(?=\S)"
)
_DATELINE_MIXED = re.compile(r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+[-–—]{1,2}\s+(?=[A-Z\"“])")
_DATELINE_MIN_WORDS = 6

_END_MARKER = re.compile(
    r"(?:(?<=\S)|^)\s*(?P<marker>/\.|\((?i:end|ends)\)|\[(?i:end)\]|-{1,2}\s*(?i:ends?)\s*-{1,2}|—\s*(?i:ends?)\s*—"
    r"|#{3}|\*{3}|(?<![\w-])(?i:enditem)|/(?i:end)/)\s*(?:</?\w+[^<>\n]*>\s*)*$"
)

_DOMAIN_SUFFIX = re.compile(rf"\.(?:{alternation(OUTLET_DOMAIN_ENDINGS)})$", re.I)
_AGENCIES_SUFFIX = re.compile(r"\s+(?:and|&|with)\s+(?:news\s+)?(?:agencies|wires|wire\s+services)$", re.I)
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 20
_INNER_SENTENCE = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")


# UTF-8 bytes read as Windows-1252 ("Ã©" for "é", "â€™" for "’"): a lead byte shown as Â-ô, then one to
# three continuation bytes shown as their cp1252 characters.
_CP1252_CONT = (
    "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019"
    "\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\x81\x8d\x8f\x90\x9d"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 that was decoded as Windows-1252 somewhere upstream; (text, number of repairs).

    Each suspicious run is re-encoded as cp1252 and decoded as UTF-8; a run that does not round-trip
    (real "Ã" in Portuguese text, say) is left alone.
    """
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        try:
            fixed = m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
        count += 1
        return fixed

    return _MOJIBAKE.sub(fix, text), count


def outlet_name(raw: str) -> str:
    """'VOV.VN' -> 'VOV'; 'Reuters.' -> 'Reuters'; 'the Associated Press' -> 'Associated Press';
    'Al Jazeera and agencies' -> 'Al Jazeera'."""
    name = raw.strip().strip(".").strip()
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
    name = _AGENCIES_SUFFIX.sub("", name)
    name = _DOMAIN_SUFFIX.sub("", name)
    return name.strip()


# --- line bookkeeping ----------------------------------------------------------------------------------
@dataclass
class _Line:
    """A line being cleaned: the current view and where each of its characters was in the original line,
    so every removal is recorded as original text."""

    orig: str
    text: str = ""
    pos: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.orig
        self.pos = list(range(len(self.orig)))

    def cut(self, start: int, end: int) -> str:
        """Remove view[start:end]; return the original text it covered."""
        if start >= end:
            return ""
        piece = self.orig[self.pos[start] : self.pos[end - 1] + 1]
        self.text = self.text[:start] + self.text[end:]
        del self.pos[start:end]
        return piece

    def strip(self, chars: str = " |") -> None:
        left = len(self.text) - len(self.text.lstrip(chars))
        self.cut(0, left)
        right = len(self.text.rstrip(chars))
        self.cut(right, len(self.text))


def _words(text: str) -> int:
    return len(text.split())


class Cleaner:
    """Line-level cleaning rules; separate from the stage so readers and tests can call it directly.

    ``rules``: the whole-line rules in order (``rules.LINE_RULES``, then a row for each of
    ``extra_outlet_patterns``). ``rule_hits``: how many lines each rule (by name) has removed so far, to see
    which rules fire on a corpus.
    """

    def __init__(self, extra_outlet_patterns: list[str] | None = None) -> None:
        extra = outlet_rules(list(extra_outlet_patterns or []))
        self.extra = [rule.pattern for rule in extra if rule.pattern is not None]
        self.rules: tuple[LineRule, ...] = LINE_RULES + extra
        self.rule_hits: Counter[str] = Counter()

    def clean(
        self, raw: str, title: str | None = None
    ) -> tuple[str | None, str | None, str, list[Removal], str | None]:
        """Return (title, lead, body, removals, outlet)."""
        removed: list[Removal] = []
        source_outlet: str | None = None
        dateline_outlet: str | None = None
        lines = [x for x in normalise_text(raw).split("\n") if x]
        kept: list[str] = []
        dated: set[int] = set()  # indexes into kept of lines that opened with a dateline
        for i, line in enumerate(lines):
            edge = i < SOURCE_HEAD or i >= len(lines) - SOURCE_TAIL
            last = i == len(lines) - 1
            text, found, is_source, had_dateline = self._clean_line(line, removed, edge, last, len(kept))
            if found and is_source and source_outlet is None:
                source_outlet = found
            elif found and not is_source and dateline_outlet is None:
                dateline_outlet = found
            if text:
                if had_dateline:
                    dated.add(len(kept))
                kept.append(text)
        if title is None and len(kept) >= 2 and 0 not in dated and self._looks_like_title(kept[0]):
            title = kept.pop(0)
        elif title is not None and kept and normalise_text(title) == kept[0]:
            kept.pop(0)
        lead = kept[0] if kept else None
        clean_title = normalise_text(title) if title else None
        return clean_title or None, lead, "\n".join(kept), removed, source_outlet or dateline_outlet

    def _clean_line(
        self, raw_line: str, removed: list[Removal], edge: bool, last: bool, n_kept: int
    ) -> tuple[str | None, str | None, bool, bool]:
        """Clean one line: (text or None, outlet found, whether the outlet came from a source line,
        whether a dateline was cut)."""
        line = _Line(raw_line)
        pieces: list[Removal] = []
        inline_credit = False
        m: re.Match[str] | None
        # Inline debris first (images, tags, parenthesised photo credits).
        for _ in range(4):  # removing a tag can join debris split by it ("!<b>[x](y)"): repeat
            found = [m for m in _INLINE.finditer(line.text) if self._inline_applies(m, line.text)]
            if not found:
                break
            for hit in reversed(found):
                kind = "script" if hit.lastgroup == "st" else (hit.lastgroup or "tag")
                inline_credit = inline_credit or kind == "credit"
                start, end = hit.start(), hit.end()
                # Take the space before the debris with it when a space or punctuation follows.
                followed = end == len(line.text) or line.text[end] in " ,.;:!?)"
                if start > 0 and line.text[start - 1] == " " and followed:
                    start -= 1
                pieces.append(Removal(text=line.cut(start, end).strip(), reason=_INLINE_REASONS[kind]))
        rest = line.text
        if _ONLY_PUNCT.match(rest):
            removed.extend(reversed(pieces))
            if rest.strip():
                line.strip(" ")
                removed.append(Removal(text=line.cut(0, len(line.text)), reason="layout debris"))
            return None, None, False, False
        m = _END_MARKER.search(rest)
        if m and not rest[: m.start()].strip():
            removed.extend(reversed(pieces))
            # "***" or "###" inside the story is a section break, at its end an end marker.
            removed.append(Removal(text=m.group("marker"), reason="end marker" if edge else "layout debris"))
            return None, None, False, False
        view = LineView(
            text=rest,
            raw=raw_line,
            words=_words(rest),
            edge=edge,
            head=n_kept < DATELINE_HEAD and not last,
            last=last,
            speech=rest.rstrip(" |").endswith(('."', ".”", "?”", '?"', "!”", '!"')),
            inline_credit=inline_credit,
        )
        # Whole-line debris: the first rule that matches removes the line, recorded as it was.
        for rule in self.rules:
            matched = rule.match(view)
            if not matched:
                continue
            self.rule_hits[rule.name] += 1
            removed.append(Removal(text=raw_line, reason=rule.reason))
            if rule.outlet and isinstance(matched, re.Match):
                return None, outlet_name(matched.groupdict().get("outlet") or matched.group(0)), True, False
            return None, None, False, False
        removed.extend(reversed(pieces))
        # End marker at the end of the line.
        for _ in range(4):  # "Syria./." or "(END) ###"
            m = _END_MARKER.search(line.text)
            if not m:
                break
            removed.append(Removal(text=m.group("marker"), reason="end marker"))
            line.cut(m.start(), len(line.text))
            line.strip(" |")
            if line.text and not line.text.endswith(_SENTENCE_END):
                line.text += "."
                line.pos.append(line.pos[-1])
        # Dateline or outlet prefix at the start.
        outlet, is_source, had_dateline = None, False, False
        m = _DATELINE.match(line.text)
        if m and m.end() < len(line.text) and _words(m.group("place")) <= 4:
            agency = m.group("agency") or m.group("agency2")
            outlet = outlet_name(agency) if agency else None
            had_dateline = True
        else:
            m = _AGENCY_LEAD.match(line.text) or _DOMAIN_LEAD.match(line.text)
            if m and m.end() < len(line.text):
                outlet = outlet_name(m.group("agency"))
                is_source = m.re is _DOMAIN_LEAD
                had_dateline = True
            elif n_kept < DATELINE_HEAD:
                m = _DATELINE_CAPS.match(line.text)
                if not (m and _words(m.group("place")) <= 4 and _words(line.text[m.end():]) >= _DATELINE_MIN_WORDS):
                    m = _DATELINE_MIXED.match(line.text)
                    if m and (
                        _words(line.text[m.end():]) < 8 or re.search(r"\s[-–—]{1,2}\s", line.text[m.end():])
                    ):
                        m = None
                had_dateline = m is not None
        if m and had_dateline:
            removed.append(Removal(text=line.cut(0, m.end()).strip(), reason=DATELINE))
        line.strip(" |")
        return (line.text or None), outlet, is_source, had_dateline

    @staticmethod
    def _inline_applies(m: re.Match[str], text: str) -> bool:
        """A parenthesised media note inside a long paragraph is removed only if it names a photo or image."""
        if m.lastgroup != "credit" or _words(text) <= CAPTION_MAX_WORDS:
            return True
        return m.group(0).strip("() ").lower().startswith(("photo", "file", "image", "picture"))

    @staticmethod
    def _looks_like_title(line: str) -> bool:
        """A headline: short, starts with a capital/digit/quote, does not end like a sentence or clause."""
        core = line.rstrip("\"”’'»)] ")
        if not core or len(line) > _TITLE_MAX_CHARS or _words(line) > _TITLE_MAX_WORDS:
            return False
        first = next((c for c in line if c.isalnum()), "")
        if not first or first.islower():
            return False
        if _INNER_SENTENCE.search(line):
            return False
        if core.endswith((".", ",", ";", ":", "。")) and not core.endswith(("...", "…")):
            return False
        if core.endswith(("?", "!")) and _words(line) > 15:
            return False
        return True
