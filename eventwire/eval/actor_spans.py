"""Suite "actor-spans": does the actors stage find the source and target actor spans of event sentences?

Gold: ConfliBERT's cameo_ner__train.txt (CoNLL-style, one token a line, blank line between sentences, BIO
tags S = source actor, T = target actor, R = reciprocal). Each sentence is rebuilt from its tokens and run
through the default pipeline up to the actors stage. A gold span counts as found when an actor mention
overlaps it (``overlap_*``) or has the same extent after dropping determiners (``exact_*``). Precision is
over actor mentions that fall in sentences with gold spans: a mention overlapping no S/T/R span is a false
positive (the gold marks only the event's participants, so precision is a lower bound).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators

_DETS = ("the ", "a ", "an ", "this ", "that ", "these ", "those ")


def read_conll(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences as (text, [(start, end, tag)]) with the spans' character offsets in the rebuilt text."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: {exc}") from exc
    out: list[tuple[str, list[tuple[int, int, str]]]] = []
    words: list[tuple[str, str]] = []

    def flush() -> None:
        if not words:
            return
        text = ""
        spans: list[tuple[int, int, str]] = []
        cur: list[int] | None = None
        for w, tag in words:
            glued = w in (",", ".", ";", ":", "'s", "?", "!", ")", "%", "n't", "'") or text.endswith(("(", "$"))
            if text and not glued:
                text += " "
            start = len(text)
            text += w
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):  # type: ignore[comparison-overlap]
                if cur is not None:
                    spans.append((cur[0], cur[1], cur[2]))  # type: ignore[arg-type]
                cur = [start, len(text), tag[2:]]  # type: ignore[list-item]
            elif tag.startswith("I-") and cur is not None:
                cur[1] = len(text)
            else:
                if cur is not None:
                    spans.append((cur[0], cur[1], cur[2]))  # type: ignore[arg-type]
                cur = None
        if cur is not None:
            spans.append((cur[0], cur[1], cur[2]))  # type: ignore[arg-type]
        out.append((text, spans))
        words.clear()

    for line in lines:
        parts = line.split()
        if not parts:
            flush()
            continue
        words.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    flush()
    return out


def _strip_det(text: str, start: int) -> tuple[str, int]:
    low = text.lower()
    for d in _DETS:
        if low.startswith(d):
            return text[len(d):], start + len(d)
    return text, start


@evaluators.register("actor-spans")
def evaluate_actor_spans(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    from eventwire.actors.stage import ActorsStage
    from eventwire.config import load_config
    from eventwire.document import Article, Document
    from eventwire.stage import Resources
    from eventwire.text.nlp import shared_model

    sents = read_conll(path)
    if options.get("limit"):
        sents = sents[: int(options["limit"])]
    config = load_config()
    resources = Resources(config)
    nlp = shared_model(resources)
    stage = ActorsStage(config, resources)
    gold_n = found_overlap = found_exact = 0
    pred_n = pred_ok = 0
    by_tag: dict[str, list[int]] = {}
    for n, (text, spans) in enumerate(sents):
        if not spans:
            continue
        # The sentence is already clean text: parse and resolve it directly so gold offsets stay valid.
        doc = Document(id=f"s{n}", article=Article(text=text))
        doc.spacy = nlp(text)
        stage(doc)
        mentions = [(m.start, m.end, m.text) for a in doc.actors for m in a.mentions]
        for s, e, tag in spans:
            gold_n += 1
            hit = any(ms < e and s < me for ms, me, _ in mentions)
            gtext, gs = _strip_det(text[s:e], s)
            exact = any(_strip_det(mt, ms)[1] == gs and me == e for ms, me, mt in mentions)
            found_overlap += hit
            found_exact += exact
            t = by_tag.setdefault(tag, [0, 0])
            t[0] += 1
            t[1] += hit
        for ms, me, _ in mentions:
            pred_n += 1
            pred_ok += any(ms < e and s < me for s, e, _ in spans)
    rec_o = found_overlap / gold_n if gold_n else 0.0
    rec_e = found_exact / gold_n if gold_n else 0.0
    prec = pred_ok / pred_n if pred_n else 0.0
    f1 = 2 * prec * rec_o / (prec + rec_o) if prec + rec_o else 0.0
    return {
        "sentences": sum(1 for _, s in sents if s), "gold_spans": gold_n, "mentions": pred_n,
        "overlap_recall": round(rec_o, 4), "exact_recall": round(rec_e, 4),
        "overlap_precision": round(prec, 4), "overlap_f1": round(f1, 4),
        "recall_by_tag": {k: round(v[1] / v[0], 4) for k, v in sorted(by_tag.items()) if v[0]},
    }
