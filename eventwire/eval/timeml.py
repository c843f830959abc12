"""`eventwire eval timeml DIR`: score the temporal tagger against TimeML gold (TimeBank, AQUAINT, TempEval-3).

Scoring follows TempEval-3: the document creation time (functionInDocument="CREATION_TIME") is the anchor
and is not scored; strict match = identical span, relaxed match = overlapping spans (one-to-one); value
F1 counts relaxed matches whose normalised value is right, over the system and gold counts.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators
from eventwire.times.tagger import TenseHint, TimexMatch, tag

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimemlDoc:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def _parse_date(value: str) -> dt.date | None:
    """The DCT value as a date (values such as 1998-01-08T12:00 keep their date part)."""
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_timeml(path: Path) -> TimemlDoc:
    """Plain text of the <TEXT> element with the offsets of every TIMEX3 in it, and the DCT."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct: dt.date | None = None
    m = _DCT.search(raw)
    if m:
        attrs = dict(_ATTR.findall(m.group(0)))
        dct = _parse_date(attrs.get("value", ""))
    body = _TEXT.search(raw)
    if body is None:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: no <TEXT> element")
    content = body.group(1)
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for tm in _TAG.finditer(content):
        chunk = html.unescape(content[pos : tm.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm.end()
        closing, name = tm.group(1), tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tm.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            text = "".join(out)[start:length]
            timexes.append(GoldTimex(start, length, text, attrs.get("type", "DATE"), attrs.get("value", "")))
    chunk = html.unescape(content[pos:])
    out.append(chunk)
    return TimemlDoc(path.stem, "".join(out), dct, sorted(timexes, key=lambda t: (t.start, t.end)))


def _overlap_pairs(gold: list[GoldTimex], system: list[TimexMatch]) -> list[tuple[GoldTimex, TimexMatch]]:
    """One-to-one relaxed alignment: each gold span takes the first unused system span that overlaps it."""
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, TimexMatch]] = []
    for g in gold:
        best: int | None = None
        best_overlap = 0
        for i, s in enumerate(system):
            if i in used:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


_WEEK = re.compile(r"-W(\d)(?!\d)")


def _canonical(value: str) -> str:
    """Spellings of one value made equal: case, and week numbers written without their leading zero
    (the gold has both 2000-W7 and 2000-W07; ISO 8601 writes W07)."""
    return _WEEK.sub(r"-W0\1", value.strip().upper())


def _same_value(gold: str, system: str) -> bool:
    return _canonical(gold) == _canonical(system)


def score(docs: list[TimemlDoc], errors: int = 0, hints: list[TenseHint | None] | None = None) -> dict[str, Any]:
    """TempEval-3 style span, value and type figures over a list of gold documents."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    confusions: Counter[str] = Counter()
    started = time.perf_counter()
    chars = 0
    for i, doc in enumerate(docs):
        system = tag(doc.text, doc.dct, hints[i] if hints else None)
        chars += len(doc.text)
        n_gold += len(doc.timexes)
        n_sys += len(system)
        spans = {(s.start, s.end) for s in system}
        strict += sum(1 for g in doc.timexes if (g.start, g.end) in spans)
        for g, s in _overlap_pairs(doc.timexes, system):
            relaxed += 1
            if _same_value(g.value, s.value):
                value_ok += 1
            elif errors:
                confusions[f"{g.text!r} gold={g.value} sys={s.value} ({s.text!r}, dct={doc.dct})"] += 1
            if g.type == s.type:
                type_ok += 1
    elapsed = time.perf_counter() - started

    def prf(hit: int) -> tuple[float, float, float]:
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        return p, r, _f1(p, r)

    sp, sr, sf = prf(strict)
    rp, rr, rf = prf(relaxed)
    vp, vr, vf = prf(value_ok)
    metrics: dict[str, Any] = {
        "documents": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict_precision": round(sp, 4),
        "strict_recall": round(sr, 4),
        "strict_f1": round(sf, 4),
        "relaxed_precision": round(rp, 4),
        "relaxed_recall": round(rr, 4),
        "relaxed_f1": round(rf, 4),
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "value_precision": round(vp, 4),
        "value_recall": round(vr, 4),
        "value_f1": round(vf, 4),
        "chars_per_second": round(chars / elapsed) if elapsed else 0,
    }
    if errors:
        metrics["value_errors"] = [k for k, _ in confusions.most_common(errors)]
    return metrics


def load_corpus(path: Path, limit: int | None = None) -> list[TimemlDoc]:
    """Every .tml file under ``path`` (or the one file), sorted by path so slices are reproducible."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(path.rglob("*.tml"))
    else:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: no such file or folder")
    if not files:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: no .tml files")
    if limit is not None:
        files = files[:limit]
    return [read_timeml(f) for f in files]


@evaluators.register("timeml")
def evaluate_timeml(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Score `eventwire.times.tagger.tag` on TimeML files anchored on each document's creation time."""
    docs = load_corpus(Path(path), options.get("limit"))
    return score(docs, int(options.get("errors") or 0))


@evaluators.register("timeml-parsed")
def evaluate_timeml_parsed(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """As "timeml", with the tense of each expression's governing verb read from the spaCy parse, as the
    times stage does by default. Parsing dominates the run time (about a minute and a half for TBAQ)."""
    from eventwire.config import load_config
    from eventwire.text.nlp import load_model
    from eventwire.times.stage import parse_tense

    docs = load_corpus(Path(path), options.get("limit"))
    config = load_config()
    nlp = load_model(config.pipeline.model, ["ner"])
    started = time.perf_counter()
    hints: list[TenseHint | None] = [parse_tense(sdoc) for sdoc in nlp.pipe((d.text for d in docs), batch_size=16)]
    parse_seconds = time.perf_counter() - started
    metrics = score(docs, int(options.get("errors") or 0), hints)
    metrics["parse_seconds"] = round(parse_seconds, 1)
    return metrics
