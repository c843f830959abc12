"""Suite "html": word-level F1 of article-body extraction against the article-extraction-benchmark.

The gold folder holds ground-truth.json ({id: {"articleBody", "url"}}) and html/<id>.html.gz. Precision and
recall count words as a multiset (a word found twice where gold has it once counts once), per page; the
figures are means over pages, as the benchmark reports them. Pages where extraction fails score 0.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.html import decode_html, extract_html
from eventwire.registry import evaluators

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = words(predicted), words(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@evaluators.register("html")
def evaluate_html(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    root = Path(path)
    truth_path = root / "ground-truth.json" if root.is_dir() else root
    if not truth_path.is_file():
        raise EventwireError(ErrorCode.UNREADABLE, f"{truth_path}: no ground-truth.json")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = sorted(truth.items())
    if options.get("limit"):
        pages = pages[: int(options["limit"])]
    scores: list[tuple[float, float, float]] = []
    failures = 0
    start = time.perf_counter()
    for page_id, gold in pages:
        html_path = truth_path.parent / "html" / f"{page_id}.html.gz"
        html = decode_html(gzip.decompress(html_path.read_bytes()), str(html_path))
        try:
            found = extract_html(html, gold.get("url"))
            predicted = found["text"] or ""
        except EventwireError:
            failures += 1
            predicted = ""
        scores.append(prf(predicted, gold.get("articleBody", "")))
    n = len(scores)
    seconds = time.perf_counter() - start
    return {
        "pages": n,
        "precision": sum(s[0] for s in scores) / n if n else 0.0,
        "recall": sum(s[1] for s in scores) / n if n else 0.0,
        "f1": sum(s[2] for s in scores) / n if n else 0.0,
        "failures": failures,
        "pages_per_second": n / seconds if seconds else 0.0,
    }
