"""`eventwire eval petr FILE`: PETRARCH validation records (TABARI/PETRARCH/UniversalPetrarch suites).

Why a tolerant reader: the suites are "XML" with comments that real XML parsers reject, so records are
read with regular expressions. We use each record's sentence text (never the shipped parses, so the
score measures our parser too), its date as the publication date, the suite's <Config> options in
document order (require_dyad), and the suite's own actor, agent and verb dictionaries (from its
<Environment>, or --dictionaries), with the built-in actor knowledge base switched off. From the
<Environment> we also take <Include> (only those record categories are tests) and <PICOfile> (how a
negated verb is coded: "did not clash" is 050, not a dropped 190).

Events are counted the way the product presents them: every event the product shows as a fact
(``Event.is_fact``: not negated, hypothetical or future, DESIGN.md) is a coding, historical ones ("five
years after X") included. The suites follow PETRARCH's convention instead: tense is not read, so a
scheduled act ("X will meet Y on Monday") is coded as the act, and only current events count; the same run
is also scored that way, historical events left out and future ones in: the ``*_suite`` figures.
Scoring follows the UniversalPetrarch harness: an expected coding (event code, source, target) is found
when the coder emits the same triple; every emitted triple that matches nothing is an "extra". ``by_rule``
adds, per rule, how many of its codings were right and how many extra (tools/rule_precision.py reads it).
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import load_config
from eventwire.document import Event
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators

_ITEM_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>|<Config\b([^>]*)>", re.S)
_ATTR_RE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING_RE = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_ENV_RE = re.compile(r"<(Verbfile|Actorfile|Agentfile|PICOfile|Include)>\s*([^<]+?)\s*</\1>")


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR_RE.finditer(raw)}


@dataclass
class Record:
    id: str
    date: str | None
    text: str
    expected: list[tuple[str, str, str]]
    no_events: bool
    require_dyad: bool
    category: str = ""
    skip: bool = False
    got: list[tuple[str, str, str]] = field(default_factory=list)  # the product's facts
    got_current: list[tuple[str, str, str]] = field(default_factory=list)  # ... without historical ones
    rules: dict[tuple[str, str, str], str] = field(default_factory=dict)  # triple -> the first rule coding it



def _date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def _code(raw: str | None) -> str:
    value = (raw or "").strip().strip('"').strip("'")
    return value or "---"


def read_records(path: Path) -> tuple[list[Record], dict[str, str]]:
    """Records in order, each with the suite options in force when it appears, and the suite's files."""
    text = path.read_text(encoding="utf-8", errors="replace")
    env = {m.group(1): m.group(2) for m in _ENV_RE.finditer(text)}
    records: list[Record] = []
    require_dyad = True
    body = _COMMENT_RE.sub("", text)
    for m in _ITEM_RE.finditer(body):
        if m.group(3) is not None:
            opt = _attrs(m.group(3))
            if opt.get("option") == "require_dyad":
                require_dyad = opt.get("value", "true").lower() != "false"
            continue
        attrs = _attrs(m.group(1))
        inner = m.group(2)
        tm = _TEXT_RE.search(inner)
        if tm is None:
            continue
        expected: list[tuple[str, str, str]] = []
        no_events = False
        skip = attrs.get("evaluate", "true").lower() == "false"
        for cm in _CODING_RE.finditer(inner):
            ca = _attrs(cm.group(1))
            if "noevents" in ca or "noevents" in cm.group(1):
                no_events = True
            elif "error" in ca:
                skip = True
            elif "eventcode" in ca:
                expected.append((ca["eventcode"].strip(), _code(ca.get("sourcecode")), _code(ca.get("targetcode"))))
        sentence = html.unescape(" ".join(tm.group(1).split()))
        records.append(
            Record(attrs.get("id", f"r{len(records)}"), _date(attrs.get("date")), sentence, expected, no_events,
                   require_dyad, attrs.get("category", ""), skip)
        )
    return records, env


def codings(event: Event, require_dyad: bool, split_groups: bool = False) -> list[tuple[str, str, str]]:
    """PETRARCH-style triples of an event: one per actor x recipient of a compound event. With
    ``split_groups`` a group code such as FRO/BIL/SAM counts as each of its members (PETRARCH-1's
    convention; UniversalPetrarch writes the group code whole)."""

    def codes(actors: list[Any]) -> list[str]:
        out = [a.code for a in actors if a.code]
        return [c for code in out for c in code.split("/") if c] if split_groups else out

    sources = codes(event.actor) or (["---"] if not require_dyad else [])
    targets = codes(event.recipient) or (["---"] if not require_dyad else [])
    return [(event.cameo or "", s, t) for s in sources for t in targets if not (s == "---" and t == "---")]


def _suite_files(path: Path, env: dict[str, str], extra: list[str]) -> dict[str, list[str]]:
    files: dict[str, list[str]] = {"actors": [], "agents": [], "verbs": [], "pico": []}
    folder = path.parent
    for key, slot in (("Actorfile", "actors"), ("Agentfile", "agents"), ("Verbfile", "verbs"), ("PICOfile", "pico")):
        if key in env and (folder / env[key]).is_file():
            files[slot].append(str(folder / env[key]))
    for item in extra:
        name = Path(item).name.lower()
        slot = "agents" if "agent" in name else ("verbs" if ("verb" in name or "cameo" in name) else "actors")
        if item not in files[slot]:
            files[slot].append(item)
    for slot in ("actors", "verbs"):
        if not files[slot]:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"no {slot} dictionary for {path} (use --dictionaries)")
    return files


@evaluators.register("petr")
def evaluate_petr(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Run the full pipeline on each record's text with the suite's dictionaries; score the codings."""
    from eventwire.pipeline import Pipeline

    records, env = read_records(Path(path))
    limit = options.get("limit")
    files = _suite_files(Path(path), env, list(options.get("dictionaries") or []))
    overrides: dict[str, Any] = {
        "actors.builtin": False,
        "actors.dictionaries": files["actors"],
        "actors.agents": files["agents"],
        "events.patterns": files["verbs"],
        "events.builtin": bool(options.get("builtin_patterns", False)),
        "events.statements": True,
        "events.negation_ontology": files["pico"][0] if files["pico"] else "",
        "events.require_actor": True,
        "pipeline.stages": ["clean", "nlp", "actors", "times", "places", "quotes", "events"],
        "io.detect_language": False,  # fictional names fool language detection
    }
    pipeline = Pipeline(load_config(overrides=overrides))
    # <Include> lists the categories the suite's authors count as tests; the others are kept for history
    include = set(env.get("Include", "").split())
    evaluated = [r for r in records if not r.skip and (not include or r.category in include)]
    if limit:
        evaluated = evaluated[: int(limit)]
    # a suite with a coding ontology is UniversalPetrarch's, which writes group codes whole
    split_groups = "PICOfile" not in env
    started = time.perf_counter()
    facts_only = bool(options.get("facts_only", True))
    rejected = 0
    for rec in evaluated:
        try:
            doc = pipeline.extract(rec.text, published=rec.date, id=rec.id)
        except EventwireError:
            rejected += 1  # scored as coding nothing
            continue
        for ev in doc.events:
            aux = set(ev.aux)
            if facts_only and aux & {"negation", "hypothetical"}:
                continue
            triples = codings(ev, rec.require_dyad, split_groups)
            if ev.is_fact or not facts_only:
                rec.got.extend(triples)
            if "historical" not in aux or not facts_only:  # the suites' convention: future acts in
                rec.got_current.extend(triples)
            for t in triples:
                rec.rules.setdefault(t, ev.rule or "")
    elapsed = time.perf_counter() - started
    metrics = _score(evaluated, "got")
    suite = _score(evaluated, "got_current")
    metrics.update({f"{k}_suite": v for k, v in suite.items() if k in ("correct", "extra", "recall", "extra_per_100",
                                                                        "precision", "f1")})
    metrics["records_per_s"] = round(len(evaluated) / elapsed, 1) if elapsed else 0.0
    metrics["rejected"] = rejected
    if options.get("misses"):
        metrics["misses"] = _misses(evaluated)
    if options.get("by_rule"):
        metrics["by_rule"] = _by_rule(evaluated)
    return metrics


def _score(evaluated: list[Record], attr: str) -> dict[str, Any]:
    """Recall, extras and precision of the codings in ``attr`` (one sentence codes each triple once)."""
    expected = correct = extra = 0
    for rec in evaluated:
        want = Counter(rec.expected)
        got = Counter(dict.fromkeys(getattr(rec, attr), 1))
        correct += sum((want & got).values())
        expected += sum(want.values())
        extra += sum((got - want).values())
    n = len(evaluated)
    recall = correct / expected if expected else 0.0
    precision = correct / (correct + extra) if correct + extra else 0.0
    return {
        "records": n,
        "expected": expected,
        "correct": correct,
        "extra": extra,
        "recall": round(recall, 4),
        "extra_per_100": round(100.0 * extra / n, 2) if n else 0.0,
        "precision": round(precision, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
    }


def _misses(evaluated: list[Record]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rec in evaluated:
        want, got = Counter(rec.expected), Counter(dict.fromkeys(rec.got, 1))
        if (want - got) or (got - want):
            out.append({"id": rec.id, "category": rec.category, "expected": sorted(want), "got": sorted(got),
                        "rules": {" ".join(t): r for t, r in rec.rules.items()}})
    return out


def _by_rule(evaluated: list[Record]) -> dict[str, dict[str, int]]:
    """Per rule: codings that matched an expected one ("right") and codings that matched nothing ("extra")."""
    out: dict[str, dict[str, int]] = {}
    for rec in evaluated:
        want = Counter(rec.expected)
        for t in dict.fromkeys(rec.got):
            row = out.setdefault(rec.rules.get(t, ""), {"right": 0, "extra": 0})
            if want[t] > 0:
                want[t] -= 1
                row["right"] += 1
            else:
                row["extra"] += 1
    return out
