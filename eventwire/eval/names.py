"""Suite "names": same-person decisions on spelling-variant pairs and hard negatives.

The gold file (variant_pairs_derived.json) holds, per script/language, positive pairs (two English
spellings of one name) and hard negatives (similar-looking different names). We score
``kb.normalize.same_token`` as a binary classifier: precision, recall and F1, per language and overall,
next to the best single string rule as the baseline (Jaro-Winkler on folded text with the threshold that
is best on the same data, so the baseline is optimistic).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rapidfuzz.distance import JaroWinkler

from eventwire.actors.normalize import fold, same_token
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _score(pos: list[list[str]], neg: list[list[str]], decide: Any) -> tuple[int, int, int]:
    tp = sum(1 for a, b in pos if decide(a, b))
    fp = sum(1 for a, b in neg if decide(a, b))
    return tp, fp, len(pos) - tp


def _best_single_rule(pos: list[list[str]], neg: list[list[str]]) -> dict[str, float]:
    """The best Jaro-Winkler threshold on this very data (an optimistic single-rule baseline)."""
    ps = [JaroWinkler.similarity(fold(a), fold(b)) for a, b in pos]
    ns = [JaroWinkler.similarity(fold(a), fold(b)) for a, b in neg]
    best = {"f1": 0.0}
    for step in range(50, 100):
        t = step / 100
        tp = sum(1 for x in ps if x >= t)
        fp = sum(1 for x in ns if x >= t)
        scores = _prf(tp, fp, len(ps) - tp)
        if scores["f1"] > best["f1"]:
            best = {**scores, "threshold": t}
    return best


@evaluators.register("names")
def evaluate_names(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: {exc}") from exc
    limit = options.get("limit")
    metrics: dict[str, Any] = {}
    totals = [0, 0, 0]
    per: dict[str, Any] = {}
    for lang, block in sorted(data.items()):
        pos, neg = block.get("pos", []), block.get("neg", [])
        if limit:
            pos, neg = pos[:limit], neg[:limit]
        tp, fp, fn = _score(pos, neg, same_token)
        base = _best_single_rule(pos, neg)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        scores = _prf(tp, fp, fn)
        for k, v in scores.items():
            metrics[f"{lang}_{k}"] = v
        metrics[f"{lang}_baseline_f1"] = base["f1"]
        per[lang] = {"pairs_pos": len(pos), "pairs_neg": len(neg), **scores, "baseline": base}
    overall = _prf(*totals)
    metrics.update({f"overall_{k}": v for k, v in overall.items()})
    metrics["by_language"] = per
    return metrics
