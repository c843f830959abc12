"""`eventwire eval quotes DIR`: quote attribution scored against PolNeAR (brat standoff Source/Cue/Content).

Why these measures: PolNeAR marks every attribution (direct and indirect) with a content span, a cue
and a source. We score content spans exactly and by overlap (both over the letters and digits of the
spans, so that quote marks, punctuation and spaces at the edges do not count as errors), and for each matched
content whether our speaker mention overlaps the gold source: that is the speaker accuracy of the
rule-based tracker anchor (0.865). Direct quotes (gold content inside quote marks) are scored apart.

DIR is the PolNeAR folder (its dev/ split is used), a split folder with text/ and attributions/, or
the folder's parent of those. One annotation file per text is used (the first annotator in name order).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.quotes.extract import Extracted, extract_quotes
from eventwire.registry import evaluators

_DQ = '"“”„‟«»＂'


@dataclass
class Attribution:
    """Content, cue and source as lists of (start, end) character spans (brat allows discontinuous)."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False


def _spans(field_text: str) -> list[tuple[int, int]]:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of a brat .ann file (relations ``E`` tying Content, Cue and Source)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if not cols or not cols[0]:
            continue
        if cols[0].startswith("T") and len(cols) >= 2:
            kind, _, offsets = cols[1].partition(" ")
            try:
                spans[cols[0]] = _spans(offsets)
            except ValueError:
                continue
            del kind
        elif cols[0].startswith("E") and len(cols) >= 2:
            roles = dict(part.split(":", 1) for part in cols[1].split() if ":" in part)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), [])
        if not content:
            continue
        out.append(
            Attribution(
                content=content,
                cue=spans.get(roles.get("Cue", ""), []),
                source=spans.get(roles.get("Source", ""), []),
            )
        )
    return out


def _chars(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The positions of the letters and digits inside the spans.

    Spaces, quote marks and punctuation are left out, so that "marks in or out", a final full stop, or
    a gold span cut in two at a sentence boundary do not count as different contents.
    """
    return frozenset(i for start, end in spans for i in range(start, min(end, len(text))) if text[i].isalnum())


def is_direct(text: str, spans: list[tuple[int, int]]) -> bool:
    """Gold content that is a direct quote: it opens with a double quote mark and closes with one."""
    if not spans:
        return False
    start, end = spans[0][0], spans[-1][1]
    body = text[start:end].strip()
    return len(body) > 2 and body[0] in _DQ and body.rstrip(".,;:!?)")[-1:] in _DQ


def predicted_attributions(text: str, found: list[Extracted]) -> list[Attribution]:
    """One attribution per quotation: the parts of a split or multi-paragraph quote are merged."""
    groups: dict[tuple[Any, ...], Attribution] = {}
    for q in found:
        key: tuple[Any, ...] = ("d", q.group, q.cue) if q.kind == "direct" else ("i", q.start, q.end)
        att = groups.get(key)
        if att is None:
            groups[key] = Attribution(
                content=[(q.start, q.end)],
                cue=[q.cue] if q.cue else [],
                source=[q.speaker] if q.speaker else [],
                direct=q.kind == "direct",
            )
        else:
            att.content.append((q.start, q.end))
    return list(groups.values())


@dataclass
class _Tally:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_total: int = 0
    speaker_right: int = 0

    def metrics(self) -> dict[str, float | int]:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        ep, er, ef = f1(self.exact)
        op, orr, of = f1(self.overlap)
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "exact_precision": round(ep, 4),
            "exact_recall": round(er, 4),
            "exact_f1": round(ef, 4),
            "overlap_precision": round(op, 4),
            "overlap_recall": round(orr, 4),
            "overlap_f1": round(of, 4),
            "speaker_scored": self.speaker_total,
            "speaker_accuracy": round(self.speaker_right / self.speaker_total, 4) if self.speaker_total else 0.0,
        }


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(min(x[1], y[1]) > max(x[0], y[0]) for x in a for y in b)


def score(
    text: str, gold: list[Attribution], pred: list[Attribution], tally: _Tally
) -> list[tuple[Attribution, Attribution]]:
    """Add one document to ``tally``; returns the overlap-matched (gold, predicted) pairs."""
    tally.gold += len(gold)
    tally.pred += len(pred)
    gchars = [_chars(text, g.content) for g in gold]
    pchars = [_chars(text, p.content) for p in pred]
    tally.exact += sum(1 for gc in gchars if gc and gc in pchars)
    pairs = []
    for i, gc in enumerate(gchars):
        for j, pc in enumerate(pchars):
            inter = len(gc & pc)
            if inter:
                pairs.append((inter / len(gc | pc), i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched.append((gold[i], pred[j]))
    tally.overlap += len(matched)
    for g, p in matched:
        if g.source:
            tally.speaker_total += 1
            tally.speaker_right += int(_overlaps(g.source, p.source))
    return matched


def speaker_errors(name: str, text: str, matched: list[tuple[Attribution, Attribution]]) -> list[dict[str, Any]]:
    """The matched pairs whose speaker is wrong, as records to read: where the rules go wrong and how.

    For error analysis only: the scores do not use it.
    """

    def words(spans: list[tuple[int, int]]) -> str:
        return " | ".join(text[a:b] for a, b in spans)

    out = []
    for g, p in matched:
        if g.source and not _overlaps(g.source, p.source):
            start, end = g.content[0][0], g.content[-1][1]
            out.append(
                {
                    "document": name,
                    "start": start,
                    "gold_source": words(g.source),
                    "predicted_source": words(p.source),
                    "predicted_cue": words(p.cue),
                    "context": text[max(0, start - 300) : min(len(text), end + 100)],
                }
            )
    return out


def _split_dir(path: Path) -> Path:
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return path
    if (path / "dev" / "text").is_dir():
        return path / "dev"
    raise EventwireError(ErrorCode.UNREADABLE, f"{path}: expected a PolNeAR folder with dev/ or text/ + attributions/")


def load_gold(folder: Path, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) for each text with an annotation file, in name order."""
    split = _split_dir(folder)
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(stem, ann)
    out = []
    for txt in sorted((split / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(anns[txt.stem].read_text(encoding="utf-8"))
        for g in gold:
            g.direct = is_direct(text, g.content)
        out.append((txt.stem, text, gold))
        if limit is not None and len(out) >= limit:
            break
    return out


@evaluators.register("quotes")
def evaluate_quotes(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Content F1 (exact, overlap) and speaker accuracy, for direct quotes and for all attributions.

    ``options["errors"]``, a file path: also write there the direct quotes whose speaker is wrong.
    """
    from eventwire.config import load_config
    from eventwire.text.nlp import load_model

    limit = options.get("limit")
    docs = load_gold(Path(path), int(limit) if limit else None)
    nlp = load_model(load_config().pipeline.model)  # the product's parser, sentence rules included
    every, direct = _Tally(), _Tally()
    errors: list[dict[str, Any]] = []
    started = time.perf_counter()
    for (name, text, gold), sdoc in zip(docs, nlp.pipe(d[1] for d in docs), strict=True):
        pred = predicted_attributions(text, extract_quotes(text, sdoc))
        score(text, gold, pred, every)
        matched = score(text, [g for g in gold if g.direct], [p for p in pred if p.direct], direct)
        if options.get("errors"):
            errors.extend(speaker_errors(name, text, matched))
    elapsed = time.perf_counter() - started
    if options.get("errors"):
        # the direct quotes with a wrong speaker, one JSON record a line (for analysis; not a score)
        with open(options["errors"], "w", encoding="utf-8") as out:
            out.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    result: dict[str, Any] = {"documents": len(docs)}
    for prefix, tally in (("direct", direct), ("all", every)):
        for key, value in tally.metrics().items():
            result[f"{prefix}_{key}"] = value
    result["seconds"] = round(elapsed, 2)
    return result
