"""`eventwire eval quad FILE`: the quad class of each sentence's strongest event against a label.

The ConfliBERT CAMEO quad-class set (tab-separated "sentence<TAB>label", label 0 = no event, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict). The strongest event is the
one with the largest absolute Goldstein score among the sentence's events (facts and non-facts alike:
the label says what the sentence is about); no event predicts 0.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.config import load_config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators


def read_quad(path: Path) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not row[0].strip():
                continue
            if len(row) < 2 or not row[-1].strip().isdigit():
                raise EventwireError(ErrorCode.BAD_JSON, f"{path}:{n}: expected 'sentence<TAB>label'")
            rows.append(("\t".join(row[:-1]).strip(), int(row[-1])))
    return rows


def strongest_quad(doc: Document) -> int:
    """Quad class of the event with the largest |Goldstein|, 0 when there is none."""
    best = None
    for ev in doc.events:
        if ev.quad_class is None:
            continue
        key = (abs(ev.goldstein or 0.0), ev.confidence)
        if best is None or key > best[0]:
            best = (key, ev.quad_class)
    return best[1] if best else 0


def scores(pairs: list[tuple[int, int]], labels: range = range(5)) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class F1 over (gold, predicted) pairs."""
    per: dict[str, float] = {}
    f1s: list[float] = []
    for c in labels:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[f"f1_{c}"] = round(f1, 4)
        f1s.append(f1)
    acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {"accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4), **per}


@evaluators.register("quad")
def evaluate_quad(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    from eventwire.pipeline import Pipeline

    rows = read_quad(Path(path))
    if options.get("limit"):
        rows = rows[: int(options["limit"])]
    pipeline = Pipeline(load_config(overrides={"io.detect_language": False}))
    pairs: list[tuple[int, int]] = []
    started = time.perf_counter()
    rejected = 0
    for n, (text, label) in enumerate(rows):
        try:
            doc = pipeline.extract(text, id=f"quad-{n}")
        except EventwireError:
            rejected += 1
            pairs.append((label, 0))
            continue
        pairs.append((label, strongest_quad(doc)))
    elapsed = time.perf_counter() - started
    majority = Counter(g for g, _ in pairs).most_common(1)[0][1] / len(pairs) if pairs else 0.0
    return {
        "sentences": len(pairs),
        **scores(pairs),
        "majority_baseline": round(majority, 4),
        "predicted": dict(sorted(Counter(p for _, p in pairs).items())),
        "sentences_per_s": round(len(pairs) / elapsed, 1) if elapsed else 0.0,
        "rejected": rejected,
    }
