"""`eventwire eval language FILE`: how often the language stage keeps texts known to be in one language.

The false-reject rate on English news is what matters (a wrongly rejected article is silently missing
data), so the suite runs the real ``LanguageStage`` with the default configuration over texts whose
language is known (``--expect``, default "en") and reports how many it keeps, what it detected for the
rest, and the cost per text. FILE is JSON Lines (``text``, optionally ``title``), a TSV whose first
column is the text (ConfliBERT), a CSV with a ``title`` or ``text`` column, a JSON list or mapping of
objects with ``text`` or ``articleBody``, or a folder of such files.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.config import load_config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators
from eventwire.stage import Resources
from eventwire.text.stage import LanguageStage


def read_texts(path: Path) -> Iterator[str]:
    """Texts of one file (or every file of a folder), by suffix."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix in (".jsonl", ".json", ".tsv", ".csv"):
                yield from read_texts(child)
        return
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix == ".jsonl":
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    yield str(obj.get("text") or obj.get("title") or "")
        elif path.suffix == ".tsv":
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row:
                    yield row[0]
        elif path.suffix == ".json":  # a list of objects, or {key: object} (article-extraction-benchmark)
            data = json.load(fh)
            for obj in data.values() if isinstance(data, dict) else data:
                yield str(obj.get("text") or obj.get("articleBody") or obj.get("title") or "")
        elif path.suffix == ".csv":
            for rec in csv.DictReader(fh):
                yield str(rec.get("text") or rec.get("title") or "")
        else:
            raise EventwireError(ErrorCode.BAD_JSON, f"{path}: expected .jsonl, .json, .tsv or .csv")


@evaluators.register("language")
def evaluate(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    expect = str(options.get("expect") or "en")
    limit = options.get("limit")
    config = load_config(None, {"io.languages": [expect]})
    stage = LanguageStage(config, Resources(config))
    kept = rejected = 0
    detected: Counter[str] = Counter()
    examples: list[str] = []
    start = time.perf_counter()
    for n, text in enumerate(read_texts(path)):
        if limit and n >= int(limit):
            break
        if not text.strip():
            continue
        doc = Document(id=str(n))
        doc.article.text = text
        try:
            stage(doc)
            kept += 1
        except EventwireError:
            rejected += 1
            if len(examples) < 5:
                examples.append(text[:100])
        detected[doc.article.language or "?"] += 1
    seconds = time.perf_counter() - start
    total = kept + rejected
    return {
        "texts": total,
        "expected_language": expect,
        "kept": kept,
        "rejected": rejected,
        "false_reject_rate": round(rejected / total, 4) if total else 0.0,
        "detected": dict(detected.most_common()),
        "ms_per_text": round(1000 * seconds / total, 2) if total else 0.0,
        "rejected_examples": examples,
    }
