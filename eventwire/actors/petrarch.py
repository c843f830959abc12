"""Parsers for PETRARCH/TABARI dictionaries: ``.actors`` files and agents files.

Actors format (TABARI/PETRARCH): a name line ``SERGEY_LAVROV_  # comment`` optionally with codes on the
same line ``[RUSGOV]``, then ``+SYNONYM`` lines and indented code lines with optional date restrictions
``[RUSGOV >20040309]``, ``[HOB <950601]``, ``[HOBGOV 19950601 - 19990815]``. Words are joined by ``_``
(or spaces); a trailing ``_`` marks the end of a word. HTML-style ``<!-- -->`` blocks and ``#`` comments
are ignored. Compound codes ``[FRO/BIL/SAM]`` keep their first code. ``[---]`` is the null code.

Agents format: ``FOREIGN_MINISTER [~GOVFRM]`` (``~X`` appends X to the actor code, ``X~`` prefixes it),
optional plurals in ``{...}``, and substitution sets ``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ErrorCode, EventwireError

log = logging.getLogger(__name__)

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_DATE_ONE = re.compile(r"^([<>])\s*(\d{6}|\d{8})$")


@dataclass
class CodeSpan:
    """One code, valid from ``start`` to ``end`` (ISO dates, inclusive; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class ActorRecord:
    """One actor entry. ``stems`` holds the phrases written without a closing ``_``: PETRARCH lets their
    last word match as a prefix (``ISRAEL`` matches "Israelis")."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comment: str = ""
    stems: list[str] = field(default_factory=list)


@dataclass
class AgentRecord:
    """An agent noun phrase and the code it adds: ``suffix`` (``~GOV``) or ``prefix`` (``NGO~``)."""

    phrase: str
    code: str
    prefix: bool = False
    plurals: list[str] = field(default_factory=list)
    stem: bool = False


def iso_date(raw: str) -> str:
    """TABARI dates are YYMMDD (years < 30 are 20xx) or YYYYMMDD."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = ("20" if yy < 30 else "19") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def phrase_text(raw: str) -> str:
    """``RUSSIAN_FOREIGN_MINISTER_SERGEY_LAVROV_`` -> ``russian foreign minister sergey lavrov``."""
    return " ".join(raw.replace("_", " ").split()).lower()


def _is_stem(raw: str) -> bool:
    """A phrase without a closing underscore whose last word is long enough to act as a stem."""
    raw = raw.strip()
    last = raw.replace("_", " ").split()[-1] if raw.replace("_", " ").split() else ""
    return bool(raw) and not raw.endswith("_") and len(last) >= 4 and last.isalpha()


def parse_code_block(block: str, where: str) -> CodeSpan | None:
    """``RUSGOV >20040309`` -> CodeSpan. Returns None for an empty block ``[]``."""
    parts = block.strip().split(None, 1)
    if not parts:
        return None
    code = parts[0].upper()  # "FRO/BIL/SAM": a group coded as its members, kept whole as PETRARCH does
    rest = parts[1].strip() if len(parts) > 1 else ""
    span = CodeSpan(code)
    if not rest:
        return span
    m = _DATE_RANGE.match(rest)
    if m:
        span.start, span.end = iso_date(m.group(1)), iso_date(m.group(2))
        return span
    m = _DATE_ONE.match(rest)
    if m:
        if m.group(1) == ">":
            span.start = iso_date(m.group(2))
        else:
            span.end = iso_date(m.group(2))
        return span
    if re.match(r"^[<>]?\s*[\d\s-]+$", rest):
        # A mistyped date in a real dictionary (e.g. a 7-digit date): keep the code, undated, and say so.
        log.warning("%s: unreadable date restriction %r; code kept without dates", where, block)
        return span
    raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: bad date restriction {block!r}")


def _strip_markup(text: str) -> str:
    """Remove ``<!-- ... -->`` blocks (also the malformed ``<! -- ... -->``) and ``<!-- TAG -->`` lines."""
    return re.sub(r"<!\s*--.*?-->", "", text, flags=re.S)


def parse_actors(text: str, source: str = "<actors>") -> list[ActorRecord]:
    """Parse a PETRARCH/TABARI actors dictionary into records (codes in file order: first match wins)."""
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for lineno, raw_line in enumerate(_strip_markup(text).splitlines(), 1):
        where = f"{source}:{lineno}"
        line, _, comment = raw_line.partition("#")
        if not line.strip():
            continue
        if line.strip().startswith("<"):
            continue  # stray markup
        blocks = _CODE_BLOCK.findall(line)
        head = _CODE_BLOCK.sub(" ", line).strip()
        if raw_line[:1] in " \t" and not head:
            if current is None:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: code line before any actor")
        elif head.startswith("+"):
            if current is None:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: synonym before any actor")
            current.synonyms.append(phrase_text(head[1:]))
            if _is_stem(head[1:]):
                current.stems.append(current.synonyms[-1])
        elif head.startswith("&"):
            continue  # TABARI compound-actor markers: the members are listed as their own entries
        elif head:
            current = ActorRecord(phrase_text(head), comment=comment.strip())
            if _is_stem(head):
                current.stems.append(current.name)
            records.append(current)
        for block in blocks:
            if current is None:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: code before any actor")
            span = parse_code_block(block, where)
            if span is not None:
                current.codes.append(span)
    return [r for r in records if r.name]


def parse_agents(text: str, source: str = "<agents>") -> list[AgentRecord]:
    """Parse a PETRARCH agents dictionary, expanding ``!SET!`` substitutions and ``{plurals}``."""
    subs: dict[str, list[str]] = {}
    out: list[AgentRecord] = []
    for lineno, raw_line in enumerate(_strip_markup(text).splitlines(), 1):
        where = f"{source}:{lineno}"
        line = raw_line.partition("#")[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not blocks:
            continue  # a phrase with no code is a continuation PETRARCH ignores too
        code = blocks[0].strip().replace(" ", "").upper()
        phrase_part = _CODE_BLOCK.sub(" ", line)
        plurals: list[str] = []
        pm = re.search(r"\{([^}]*)\}", phrase_part)
        if pm:
            plurals = [phrase_text(p) for p in pm.group(1).split(",") if p.strip()]
            phrase_part = phrase_part[: pm.start()] + phrase_part[pm.end():]
        phrase = phrase_part.strip()
        if not phrase or "~" not in code:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{where}: bad agent line {raw_line!r}")
        prefix = code.endswith("~")
        code = code.strip("~")
        for expanded in _expand(phrase, subs):
            out.append(AgentRecord(phrase_text(expanded), code, prefix, plurals, _is_stem(expanded)))
    return out


def _expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", phrase)
    if not m:
        return [phrase]
    words = subs.get(m.group(0))
    if not words:
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"undefined substitution set {m.group(0)}")
    out: list[str] = []
    for w in words:
        out.extend(_expand(phrase[: m.start()] + w + phrase[m.end():], subs))
    return out


def _read_dictionary(path: str | Path) -> str:
    """A dictionary file's text; an unreadable file is a coded error naming it."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}: {exc}") from exc


def read_actors(path: str | Path) -> list[ActorRecord]:
    return parse_actors(_read_dictionary(path), str(path))


def read_agents(path: str | Path) -> list[AgentRecord]:
    return parse_agents(_read_dictionary(path), str(path))
