"""The clean stage: turn a raw article into clean text plus metadata, recording every removal.

Wire copy and machine-translated stories carry debris that confuses parsers and coders: image remnants,
photo captions and credits, end markers ("/.", "(END)"), bylines, datelines ("MOSCOW, Nov 26 (Reuters) -"),
and source lines ("According to VOV.VN"). The cleaner removes them by general line- and prefix-level rules
(not per outlet), keeps what it removed in ``article.removed`` with a reason, and records outlets found in
source lines and datelines. Plain text gets a detected title and lead.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import Document, Removal
from ..errors import ErrorCode, EventwireError
from ..registry import stages
from .base import Stage

# Characters that are invisible or layout-only: drop or map to a plain space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\u2002\u2003"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_IMAGE_MD = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_IMAGE_HTML = re.compile(r"<img\b[^>\n]*>", re.I)
_HTML_TAG = re.compile(r"</?(?:figure|figcaption|caption|p|div|span|br|a)\b[^>\n]*>", re.I)
_ONLY_PUNCT = re.compile(r"^[\s|*_#=~\-–—•·.:/\\]*$")

_PHOTO_WORDS = r"(?:photo|photos|photograph|image|picture|pic|file photo|video|illustration|graphic)"
_CREDIT = re.compile(
    rf"\(\s*{_PHOTO_WORDS}\s*(?:credit)?\s*[:/]?[^)]*\)"  # (photo: FreaBeacon)
    rf"|^\s*{_PHOTO_WORDS}\s*(?:credit)?\s*:"  # Photo: Reuters
    r"|\b(?:getty images|afp photo|ap photo|reuters/|epa[-/]efe|shutterstock|image copyright|photo credit)\b",
    re.I,
)
_CAPTION_LINE_MAX_WORDS = 30

_END_MARKER = re.compile(
    r"\s*(?:/\.|\(end\)|-\s*ends?\s*-|—\s*ends?\s*—|#{3}|\[end\]|-{2,}\s*end\s*-{2,}|\*{3})\s*$", re.I
)
_SOURCE_LINE = re.compile(
    r"^\s*[\(\[]?\s*(?:according\s+to|source|sources|nguồn|theo|reported\s+by|originally\s+published\s+(?:by|in|on|at))"
    r"\s*[:\-–—]?\s*(?P<outlet>[A-Z][\w.&' -]{1,60}?)\s*[\)\]]?\s*[./]?\s*$",
    re.I,
)
_TRAILING_SOURCE = re.compile(r"^\s*[-–—]{1,2}\s*(?P<outlet>[A-Z][\w.&' ]{1,40})\s*$")
_BYLINE = re.compile(
    r"^\s*(?:by|written\s+by|reporting\s+by|posted\s+by|story\s+by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4})*\s*(?:[,|/-]\s*[\w .'-]{0,40})?$"
)
_REPORTING_CREDIT = re.compile(
    r"^\s*\(?\s*(?:reporting|additional reporting|writing|editing|compiled|translated)\s+by\b.{0,200}\)?\s*$", re.I
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z.'\- ]{{1,40}}?(?:,\s*[A-Z][A-Za-z.' ]{{1,30}})?)"
    rf"(?:\s*,\s*{_MONTHS}\s*\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w.&/ -]{1,25})\)|/(?P<agency2>[A-Za-z][\w.&]{1,15})/)"
    r"\s*[-–—:]{1,2}\s*",
    re.I,
)
_DATELINE_CAPS = re.compile(r"^(?P<place>[A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?)\s*[-–—]{1,2}\s+(?=[A-Z])")
_DOMAIN_SUFFIX = re.compile(r"\.(?:vn|com|net|org|co\.uk|co|ru|cn|info|news)$", re.I)
_TITLE_MAX_CHARS = 200


def normalise_text(raw: str) -> str:
    """Unicode NFC, invisible characters out, odd spaces to plain spaces, one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def outlet_name(raw: str) -> str:
    """'VOV.VN' -> 'VOV'; 'Reuters.' -> 'Reuters'; 'the Associated Press' -> 'Associated Press'."""
    name = raw.strip().strip(".").strip()
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
    name = _DOMAIN_SUFFIX.sub("", name)
    return name.strip()


class Cleaner:
    """Line-level cleaning rules; separate from the stage so readers and tests can call it directly."""

    def __init__(self, extra_outlet_patterns: list[str] | None = None) -> None:
        self.extra = [re.compile(p, re.I) for p in (extra_outlet_patterns or [])]

    def clean(self, raw: str, title: str | None = None) -> tuple[str | None, str | None, str, list[Removal], str | None]:
        """Return (title, lead, body, removals, outlet)."""
        removed: list[Removal] = []
        outlet: str | None = None
        text = normalise_text(raw)
        kept: list[str] = []
        for line in text.split("\n"):
            line, found = self._clean_line(line, removed)
            if found and outlet is None:
                outlet = found
            if line is not None:
                kept.append(line)
        # Collapse blank runs left behind by removals.
        paragraphs = [p for p in kept if p.strip()]
        if title is None and len(paragraphs) >= 2 and self._looks_like_title(paragraphs[0]):
            title = paragraphs.pop(0)
        elif title is not None and paragraphs and normalise_text(title) == paragraphs[0]:
            paragraphs.pop(0)
        lead = paragraphs[0] if paragraphs else None
        return (normalise_text(title) if title else None), lead, "\n".join(paragraphs), removed, outlet

    def _clean_line(self, line: str, removed: list[Removal]) -> tuple[str | None, str | None]:
        outlet: str | None = None
        if not line:
            return line, None
        for pattern, reason in ((_IMAGE_MD, "image remnant"), (_IMAGE_HTML, "image remnant"), (_HTML_TAG, "html tag")):
            for m in list(pattern.finditer(line)):
                removed.append(Removal(text=m.group(0), reason=reason))
            line = pattern.sub("", line)
        if _ONLY_PUNCT.match(line):
            if line.strip():
                removed.append(Removal(text=line, reason="layout debris"))
            return None, None
        words = len(line.split())
        if _CREDIT.search(line) and words <= _CAPTION_LINE_MAX_WORDS and not line.rstrip(" |").endswith(('."', ".”")):
            removed.append(Removal(text=line, reason="photo caption or credit"))
            return None, None
        if _BYLINE.match(line) or _REPORTING_CREDIT.match(line):
            removed.append(Removal(text=line, reason="byline or credit"))
            return None, None
        m = _SOURCE_LINE.match(line)
        if m and words <= 8:
            removed.append(Removal(text=line, reason="source line"))
            return None, outlet_name(m.group("outlet"))
        m = _TRAILING_SOURCE.match(line)
        if m and words <= 5:
            removed.append(Removal(text=line, reason="source line"))
            return None, outlet_name(m.group("outlet"))
        for pattern in self.extra:
            m = pattern.search(line)
            if m:
                removed.append(Removal(text=line, reason="source line"))
                return None, outlet_name(m.groupdict().get("outlet") or m.group(0))
        m = _END_MARKER.search(line)
        if m:
            removed.append(Removal(text=m.group(0).strip(), reason="end marker"))
            line = line[: m.start()].rstrip()
            if line and not line.endswith((".", "!", "?", '"', "”", "’", "'", ")")):
                line += "."
        m = _DATELINE.match(line)
        if m and m.end() < len(line):
            removed.append(Removal(text=m.group(0).strip(), reason="dateline"))
            agency = m.group("agency") or m.group("agency2")
            outlet = outlet_name(agency) if agency else None
            line = line[m.end():]
        else:
            m = _DATELINE_CAPS.match(line)
            if m and len(m.group("place").split()) <= 4:
                removed.append(Removal(text=m.group(0).strip(), reason="dateline"))
                line = line[m.end():]
        line = line.strip(" |")
        return (line or None), outlet

    @staticmethod
    def _looks_like_title(line: str) -> bool:
        return len(line) <= _TITLE_MAX_CHARS and not line.endswith((".", ",", ";", ":")) or (
            len(line.split()) <= 12 and not line.endswith(".")
        )


@stages.register("clean")
class CleanStage(Stage):
    """Raw text -> ``article.text`` (title, then body), with title, lead, outlet and removals."""

    name = "clean"
    requires = ("raw",)
    assigns = ("article",)

    def __init__(self, config, resources) -> None:  # type: ignore[no-untyped-def]
        super().__init__(config, resources)
        self.cleaner = Cleaner(list(self.settings.get("outlet_patterns", [])))

    def __call__(self, doc: Document) -> None:
        raw = doc._raw or ""
        if not raw.strip():
            raise EventwireError(ErrorCode.NO_TEXT, "the article text is empty")
        title, lead, body, removed, outlet = self.cleaner.clean(raw, doc.article.title)
        if not body.strip() and not title:
            raise EventwireError(ErrorCode.EMPTY_AFTER_CLEANING, f"{len(removed)} removals left no text")
        art = doc.article
        art.title = title
        art.lead = lead
        art.text = f"{title}\n{body}" if title and body else (title or body)
        art.removed = removed
        if outlet and not art.outlet:
            art.outlet = outlet
