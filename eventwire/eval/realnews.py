"""`eventwire eval realnews DIR`: events against real-news gold packets, by ../shared/eval/score_events.py's protocol.

Each gold packet (one JSON file per article) holds the article, `window` (the annotated sentences, numbered)
and `events` (GUIDELINES.md of the gold folder). Predicted events whose evidence sentence is a window
sentence are matched one-to-one to gold events, most confident first:
- a prediction is a fact unless its aux holds negation, hypothetical or future;
- type match: same window sentence (or one of the gold event's `also` sentences) and the gold type or one
  of its `alternatives`;
- actor match: same country with a compatible sector, or the same name (token overlap); for a symmetric
  gold event, and for CONSULT, source and target may be swapped; a gold side of null accepts any, and a
  side the text leaves implicit accepts an empty one;
- full match: type, source and target all match.

Why a copy of the protocol inside the package: the shared script scores a whole folder through the CLI;
this module scores Documents in-process and labels every predicted event (right type, right record), which
the error analysis and the event model's training (eventwire.events.model, `make train`) need. It must
print the same figures as the script: tests/eval/test_realnews.py checks that on a few articles.

`eventwire eval actors DIR` scores who did it to whom on its own: over the facts whose type was found, the
share with the source right and with the target right (and, when wrong, whether the side was empty).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.document import Document, Event, EventActor
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import evaluators

NON_FACT = frozenset({"negation", "hypothetical", "future"})
STOP = frozenset({"the", "of", "a", "an", "and", "s", "'s", "mr", "mrs", "ms", "dr", "president", "minister",
                  "prime", "foreign", "said", "its", "his", "her", "their", "de", "al", "el", "in", "on", "for",
                  "to"})
PartyNames = list[tuple[str | None, str | None, set[str]]]
Matcher = Callable[[int, int, Event], bool]


def words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP and len(w) > 1}


def overlap(a: str, b: str) -> float:
    """Share of the shorter string's words found in the other."""
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not wa or not wb:
        return 0.0
    short, other = (wa, set(wb)) if len(wa) <= len(wb) else (wb, set(wa))
    return sum(1 for w in short if w in other) / len(short)


def window_index(window: Sequence[dict[str, Any]], sentence: str) -> int | None:
    """The window sentence an evidence sentence is (word overlap >= 0.7), or None."""
    best, best_n = 0.0, None
    for s in window:
        o = overlap(sentence, s["text"])
        if o > best:
            best, best_n = o, s["n"]
    return best_n if best >= 0.7 else None


def party_names(doc: Document, party: Iterable[EventActor]) -> PartyNames:
    by_id = {a.id: a for a in doc.actors}
    text = doc.article.text
    out: PartyNames = []
    for p in party:
        a = by_id.get(p.id) if p.id else None
        names = words(p.name) | words(a.name if a else None)
        for m in a.mentions if a else []:
            names |= words(text[m.start:m.end])
        out.append((p.country, p.sector, names))
    return out


def actor_ok(gold: dict[str, Any] | None, pred: PartyNames) -> bool:
    if not gold:
        return True
    gnames = words(gold.get("text")) | words(gold.get("refers_to")) | words(gold.get("name"))
    gc, gs = gold.get("country"), gold.get("sector")
    if not gnames and not pred:  # the text leaves this side implicit: an empty side is right
        return True
    for country, sector, names in pred:
        if gc and country == gc and (not gs or not sector or sector == gs or gs in (sector or "")):
            return True
        if gnames and names and len(gnames & names) / min(len(gnames), len(names)) >= 0.5:
            return True
    return False


def is_fact(event: Event) -> bool:
    return not (NON_FACT & set(event.aux))


@dataclass
class Labelled:
    """One predicted event in a window sentence, with what the gold says of it."""

    article: str
    n: int
    event: Event
    type_ok: bool = False  # matched one-to-one to a gold fact of its type (facts only)
    full_ok: bool = False  # ... with source and target right too
    duplicate: bool = False  # a second prediction of a gold fact already matched
    type_any: bool = False  # its type is that of some gold event (any status) in its sentence
    gold_status: str | None = None  # status of the gold event its type matches, if any


@dataclass
class Scored:
    counts: dict[str, int] = field(default_factory=dict)
    labelled: list[Labelled] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def side_figures(self) -> dict[str, Any]:
        """Source and target accuracy over the facts whose type was found (`eventwire eval actors`)."""
        c = self.counts
        out: dict[str, Any] = {"articles": c["articles"], "type_matched_facts": c["source_n"]}
        for side in ("source", "target"):
            n = c[f"{side}_n"]
            out[f"{side}_accuracy"] = round(c[f"{side}_right"] / n, 3) if n else 0.0
            out[f"{side}_missing"] = round(c[f"{side}_empty"] / n, 3) if n else 0.0
            out[f"{side}_wrong"] = round((n - c[f"{side}_right"] - c[f"{side}_empty"]) / n, 3) if n else 0.0
        return out

    def figures(self) -> dict[str, Any]:
        c = self.counts

        def ratio(a: str, b: str) -> float:
            return round(c[a] / c[b], 3) if c[b] else 0.0

        f: dict[str, Any] = {
            "articles": c["articles"], "gold_facts": c["gold_facts"], "predicted_facts": c["pred_facts"],
            "type_precision": ratio("tp_type", "pred_facts"), "type_recall": ratio("rec_type", "gold_facts"),
            "full_precision": ratio("tp_full", "pred_facts"), "full_recall": ratio("rec_full", "gold_facts"),
            "duplicates": c["dup"], "status_accuracy": ratio("status_right", "status_n"),
            "date_accuracy": ratio("date_right", "date_n"), "place_accuracy": ratio("place_right", "place_n"),
        }
        for k in ("type", "full"):
            p, r = f[f"{k}_precision"], f[f"{k}_recall"]
            f[f"{k}_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
        return f


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """The gold packets of a folder (files with `events` and `window`), sorted by file name."""
    if not folder.is_dir():
        raise EventwireError(ErrorCode.UNREADABLE, f"{folder}: not a folder of gold packets")
    packets = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    packets = [g for g in packets if "events" in g and "window" in g]
    if not packets:
        raise EventwireError(ErrorCode.UNREADABLE, f"{folder}: no gold packets (JSON with window and events)")
    return packets


SPLITS = ("all", "tune", "check")


def split_packets(gold: Sequence[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """A fixed split of the dev packets: every third article (by sorted id) is held out as "check".

    Why: rules are written by reading errors; reading them on "tune" only and reporting "check" beside it
    shows how much of a gain is tuning to the articles read.
    """
    if part not in SPLITS:
        raise EventwireError(ErrorCode.CONFIG_INVALID, f"split {part!r}: expected one of {', '.join(SPLITS)}")
    ordered = sorted(gold, key=lambda g: str(g["id"]))
    if part == "all":
        return ordered
    return [g for i, g in enumerate(ordered) if (i % 3 == 2) == (part == "check")]


def _matchers(gev: Sequence[dict[str, Any]], doc: Document | None) -> tuple[Matcher, Matcher]:
    """The type and full-record match tests of one article's gold events (index i, window sentence n)."""
    sents = [{x["n"], *(x.get("also") or [])} for x in gev]

    def type_ok(i: int, n: int, e: Event) -> bool:
        return n in sents[i] and e.type in {gev[i]["type"], *(gev[i].get("alternatives") or [])}

    def full_ok(i: int, n: int, e: Event) -> bool:
        if doc is None or not type_ok(i, n, e):
            return False
        act, rec = party_names(doc, e.actor), party_names(doc, e.recipient)
        src, tgt = gev[i].get("source"), gev[i].get("target")
        if actor_ok(src, act) and actor_ok(tgt, rec):
            return True
        swappable = bool(gev[i].get("symmetric")) or gev[i]["type"] == "CONSULT"  # visit/host: same meeting
        return swappable and actor_ok(src, rec) and actor_ok(tgt, act)

    return type_ok, full_ok


def score(gold: Sequence[dict[str, Any]], docs: dict[str, Document]) -> Scored:
    """Match each article's predicted events to its gold events (the protocol in the module docstring)."""
    c = dict(articles=len(gold), pred_facts=0, gold_facts=0, tp_type=0, tp_full=0, rec_type=0, rec_full=0,
             dup=0, status_right=0, status_n=0, date_right=0, date_n=0, place_right=0, place_n=0, outside=0,
             source_n=0, source_right=0, source_empty=0, target_n=0, target_right=0, target_empty=0)
    out = Scored(counts=c)
    for g in gold:
        doc = docs.get(g["id"])
        preds: list[tuple[int, Event]] = []
        for e in doc.events if doc else []:
            n = window_index(g["window"], e.evidence.sentence)
            if n is None:
                c["outside"] += 1
                continue
            preds.append((n, e))
        gev = g["events"]
        type_ok, full_ok = _matchers(gev, doc)
        facts_g = [i for i, x in enumerate(gev) if x.get("status", "fact") == "fact"]
        facts_p = [(n, e) for n, e in preds if is_fact(e)]
        facts_p.sort(key=lambda ne: -(ne[1].confidence or 0))
        labels = {id(e): Labelled(g["id"], n, e) for n, e in preds}
        for n, e in preds:
            lab = labels[id(e)]
            hits = [i for i in range(len(gev)) if type_ok(i, n, e)]
            lab.type_any = bool(hits)
            lab.gold_status = gev[hits[0]].get("status", "fact") if hits else None
        c["pred_facts"] += len(facts_p)
        c["gold_facts"] += len(facts_g)
        for level, ok in (("type", type_ok), ("full", full_ok)):
            free = set(facts_g)
            for n, e in facts_p:
                hit = next((i for i in sorted(free) if ok(i, n, e)), None)
                lab = labels[id(e)]
                if hit is not None:
                    free.discard(hit)
                    c[f"tp_{level}"] += 1
                    setattr(lab, f"{level}_ok", True)
                    if level == "full":
                        _date_place(c, g, gev[hit], e)
                    elif doc is not None:
                        _sides(c, gev[hit], doc, e)
                elif level == "full":
                    dup = any(type_ok(i, n, e) for i in facts_g if i not in free)
                    c["dup"] += dup
                    lab.duplicate = dup
                    out.errors.append({
                        "id": g["id"], "kind": "duplicate" if dup else "false_positive", "n": n, "type": e.type,
                        "rule": e.rule, "actor": [p.name for p in e.actor], "recipient": [p.name for p in e.recipient],
                        "trigger": e.evidence.trigger.text if e.evidence.trigger else None,
                        "confidence": e.confidence, "sentence": g["window"][n]["text"]})
            c[f"rec_{level}"] += len(facts_g) - len(free)
            if level == "full":
                for i in sorted(free):
                    out.errors.append({"id": g["id"], "kind": "miss", "n": gev[i]["n"], "gold": gev[i],
                                       "sentence": g["window"][gev[i]["n"]]["text"]})
        for i, x in enumerate(gev):  # is the fact/non-fact call right where the type was found?
            cand = [e for n, e in preds if type_ok(i, n, e)]
            if cand:
                c["status_n"] += 1
                c["status_right"] += is_fact(cand[0]) == (x.get("status", "fact") == "fact")
        out.labelled.extend(labels.values())
    return out


def _sides(c: dict[str, int], gold: dict[str, Any], doc: Document, e: Event) -> None:
    """Source and target of a type-matched fact, each on its own (a symmetric or CONSULT pair may swap)."""
    act, rec = party_names(doc, e.actor), party_names(doc, e.recipient)
    src, tgt = gold.get("source"), gold.get("target")
    src_ok, tgt_ok = actor_ok(src, act), actor_ok(tgt, rec)
    if (not src_ok or not tgt_ok) and (gold.get("symmetric") or gold["type"] == "CONSULT"):
        if actor_ok(src, rec) and actor_ok(tgt, act):
            src_ok = tgt_ok = True
    for side, ok, pred in (("source", src_ok, act), ("target", tgt_ok, rec)):
        c[f"{side}_n"] += 1
        c[f"{side}_right"] += ok
        c[f"{side}_empty"] += (not ok) and not pred


def _date_place(c: dict[str, int], packet: dict[str, Any], gold: dict[str, Any], e: Event) -> None:
    gd, pd = gold.get("date"), (e.date.value if e.date else None) or ""
    c["date_n"] += 1
    c["date_right"] += (pd.startswith(gd) if gd else (not pd or pd.startswith(packet["published"])))
    gp = gold.get("place")
    if gp:
        loc = e.location
        c["place_n"] += 1
        c["place_right"] += bool(loc) and loc is not None and loc.country == gp.get("country") and bool(
            words(loc.name) & words(gp.get("name")) or loc.name == gp.get("country"))


def extract_packets(
    gold: Sequence[dict[str, Any]], config_overrides: dict[str, Any] | None = None
) -> dict[str, Document]:
    """Run the pipeline on the packets' articles, as `eventwire extract` reads a JSON Lines file of them."""
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline
    from eventwire.records import RawRecord, Reject

    pipeline = Pipeline(load_config(overrides=config_overrides or None))
    records = [RawRecord(text=g["text"], id=g.get("id") or None, title=g.get("title") or None,
                         published=g.get("published") or None, url=g.get("url") or None,
                         outlet=g.get("outlet") or None) for g in gold]
    return {d.id: d for d in pipeline.pipe(records) if not isinstance(d, Reject)}


@evaluators.register("actors")
def evaluate_actors(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Who did it to whom, on its own: source and target accuracy of the facts whose type was found.

    A side is right by the real-news protocol (country with a compatible sector, or shared name words; an
    implicit side accepts an empty one); `missing` counts an empty predicted side where the gold names
    one, `wrong` a predicted side that names someone else.
    """
    gold = split_packets(load_gold(Path(path)), str(options.get("split") or "all"))
    if options.get("limit"):
        gold = gold[: int(options["limit"])]
    return score(gold, extract_packets(gold)).side_figures()


@evaluators.register("realnews")
def evaluate_realnews(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Figures as score_events.py prints them.

    Options: ``errors`` (a path) writes misses and false positives as JSON Lines; ``split`` (all, tune,
    check) scores a fixed part of the packets (``split_packets``).
    """
    gold = split_packets(load_gold(Path(path)), str(options.get("split") or "all"))
    if options.get("limit"):
        gold = gold[: int(options["limit"])]
    scored = score(gold, extract_packets(gold))
    if options.get("errors"):
        with Path(options["errors"]).open("w", encoding="utf-8") as fh:
            for err in scored.errors:
                fh.write(json.dumps(err, ensure_ascii=False) + "\n")
    return scored.figures()
