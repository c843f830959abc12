"""Precision of the event rules, per rule family, on the real-news dev gold and the PETRARCH suites.

    python -m tools.rule_precision [--rebuild] [--cache FILE] [--petr] [--top N] [--json FILE] [--errors FILE]

Why: the coder's errors come in families (an imported CAMEO verb block, a core noun, the paired
``#reverse`` copy, a control rewrite such as ``+intent``); a family that is mostly wrong is constrained or
removed as a whole, and this table says which. The articles are parsed once (every stage before
``events``) and cached, so that a change to the patterns or the coder is measured in seconds; the cache
must be rebuilt (``--rebuild``) when an earlier stage changes. Figures for the whole dev set and for the
tune/check split (eventwire/eval/realnews.py) are printed first; error reading belongs to tune only.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.config import load_config
from eventwire.document import Document
from eventwire.eval.realnews import Labelled, load_gold, score, split_packets
from eventwire.pipeline import Pipeline, new_document
from eventwire.records import RawRecord

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_GOLD = SHARED / "realnews" / "dev"
PETR_SUITES = {
    "petr202": SHARED / "universalpetrarch" / "PETR_Validate_records_2_02.xml",
    "petrunit": SHARED / "petrarch2" / "PETR.UnitTest.records.xml",
}
SUFFIX_RE = re.compile(r"([+#][a-z]+)")


def family(rule: str | None) -> str:
    """``cameo.PHYSICAL_CONFLICT.17+intent#reverse`` -> ``cameo.PHYSICAL_CONFLICT``; core rules keep their id."""
    base = SUFFIX_RE.split(rule or "?")[0]
    parts = base.split(".")
    return ".".join(parts[:-1]) if len(parts) > 2 and parts[-1].isdigit() else base


def modifiers(rule: str | None) -> list[str]:
    """The rewrites a later step appended to the rule id (``+intent``, ``#reverse``, ``+negated`` ...)."""
    return SUFFIX_RE.findall(rule or "")


def parse_articles(gold: list[dict[str, Any]]) -> list[Document]:
    """Every stage before events, on every article (the events stage is run separately, per measurement)."""
    config = load_config()
    names = [n for n in config.pipeline.stages if n != "events"]
    pipeline = Pipeline(config, stages=names)
    docs: list[Document] = []
    for g in gold:
        rec = RawRecord(text=g["text"], id=g.get("id") or None, title=g.get("title") or None,
                        published=g.get("published") or None, url=g.get("url") or None, outlet=g.get("outlet") or None)
        doc = new_document(rec)
        for stage in pipeline.stages:
            stage(doc)
        docs.append(doc)
    return docs


def load_docs(gold: list[dict[str, Any]], cache: Path, rebuild: bool) -> list[Document]:
    if cache.is_file() and not rebuild:
        with cache.open("rb") as fh:
            docs: list[Document] = pickle.load(fh)
        if [d.id for d in docs] == [g["id"] for g in gold]:
            return docs
    docs = parse_articles(gold)
    with cache.open("wb") as fh:
        pickle.dump(docs, fh)
    return docs


def code_events(docs: Iterable[Document], rules_only: bool = False) -> dict[str, Document]:
    """The events stage as the default pipeline builds it, on the cached parses; ``rules_only``: the coder's
    events before the event model's confidence and threshold (what the rules themselves do)."""
    from eventwire.events.stage import EventsStage
    from eventwire.stage import Resources

    config = load_config()
    stage = EventsStage(config, Resources(config))
    if rules_only:
        stage.model = None
    out: dict[str, Document] = {}
    for doc in docs:
        stage(doc)
        out[doc.id] = doc
    return out


def family_table(labelled: list[Labelled]) -> dict[str, dict[str, int]]:
    """Per family (and per modifier): predicted facts, right type, right record, duplicates, non-facts."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"facts": 0, "type_ok": 0, "full_ok": 0, "dup": 0,
                                                           "nonfacts": 0, "nonfact_gold_fact": 0})
    for lab in labelled:
        ev = lab.event
        fact = not ({"negation", "hypothetical", "future"} & set(ev.aux))
        for key in [family(ev.rule), *("mod" + m for m in modifiers(ev.rule))]:
            row = rows[key]
            if fact:
                row["facts"] += 1
                row["type_ok"] += lab.type_ok
                row["full_ok"] += lab.full_ok
                row["dup"] += lab.duplicate
            else:
                row["nonfacts"] += 1
                row["nonfact_gold_fact"] += lab.gold_status == "fact"
    return dict(rows)


def petr_table(by_rule: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"right": 0, "extra": 0})
    for rule, counts in by_rule.items():
        for key in [family(rule), *("mod" + m for m in modifiers(rule))]:
            rows[key]["right"] += counts["right"]
            rows[key]["extra"] += counts["extra"]
    return dict(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--cache", default="/tmp/eventwire-realnews-parsed.pkl")
    ap.add_argument("--rebuild", action="store_true", help="parse the articles again (an earlier stage changed)")
    ap.add_argument("--petr", action="store_true", help="also the PETRARCH suites, per rule family")
    ap.add_argument("--top", type=int, default=40, help="families shown, most predicted facts first")
    ap.add_argument("--json", help="write every figure and table here")
    ap.add_argument("--rules-only", action="store_true", help="leave the event model out (the rules' own events)")
    ap.add_argument("--errors", help="write the tune split's misses and false positives here (JSON Lines)")
    a = ap.parse_args()

    gold = split_packets(load_gold(Path(a.gold)), "all")
    docs = code_events(load_docs(gold, Path(a.cache), a.rebuild), a.rules_only)
    report: dict[str, Any] = {}
    for part in ("all", "tune", "check"):
        scored = score(split_packets(gold, part), docs)
        figs = scored.figures()
        report[part] = figs
        print(part.ljust(6), " ".join(f"{k}={figs[k]}" for k in (
            "predicted_facts", "type_precision", "type_recall", "full_precision", "full_recall", "status_accuracy",
            "duplicates")))
        if part == "all":
            table = family_table(scored.labelled)
        if part == "tune" and a.errors:
            # errors are read on the tune split only (the check split stays unread)
            with Path(a.errors).open("w", encoding="utf-8") as fh:
                for err in scored.errors:
                    fh.write(json.dumps(err, ensure_ascii=False) + "\n")
    report["families"] = table
    print(f"\n{'family':42} facts type_ok prec  full  dup | nonfacts (gold fact)")
    for key, row in sorted(table.items(), key=lambda kv: -kv[1]["facts"] - kv[1]["nonfacts"])[: a.top]:
        prec = row["type_ok"] / row["facts"] if row["facts"] else 0.0
        print(f"{key:42} {row['facts']:5} {row['type_ok']:7} {prec:4.2f} {row['full_ok']:5} {row['dup']:4} | "
              f"{row['nonfacts']:4} ({row['nonfact_gold_fact']})")
    if a.petr:
        from eventwire.eval.petr import evaluate_petr

        for name, path in PETR_SUITES.items():
            m = evaluate_petr(path, {"by_rule": True})
            rows = petr_table(m.pop("by_rule"))
            report[name] = {"figures": m, "families": rows}
            print(f"\n{name}: recall={m['recall']} extra_per_100={m['extra_per_100']} precision={m['precision']} "
                  f"| suite convention: recall={m['recall_suite']} extra_per_100={m['extra_per_100_suite']}")
            for key, row in sorted(rows.items(), key=lambda kv: -kv[1]["extra"])[:15]:
                n = row["right"] + row["extra"]
                print(f"  {key:40} {n:4} right={row['right']:4} extra={row['extra']:4} prec={row['right'] / n:4.2f}")
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
