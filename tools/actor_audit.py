"""List every coded actor whose code contradicts the text it was read from.

    python -m tools.actor_audit [--gold DIR] [--json] [--limit N]

Why: a wrong code is worse than none (an analyst counts it as an act of that country), and the real-news
scorer only sees the actors that reach an event. This audit runs the clean -> nlp -> actors stages on the
articles of a gold folder (the dev split by default) and checks every actor that carries a code:

- ``country_not_iso``: the country field is not an ISO 3166 alpha-3 code, current or historic ("GOV",
  "PTY", or a CAMEO region such as WST: DESIGN.md's contract); an actor whose code starts with a region is
  listed apart for review as ``code_region`` ("the West" WST is right, "Western State Hospital" is not);
- ``mention_country``: one of its mentions holds a country word ("Mexico", "Turkish") or is directly
  preceded by one ("Mexico's Senate"), and that country is not the actor's;
- ``country_in_person``: a country actor read from inside a person's name, after a given name the KB knows
  ("Lisa Monaco");
- ``partial_name``: a knowledge-base match (not a country or capital) on only part of a longer name that
  spaCy found ("Organization" in "World Trade Organization" coded as a rebel group).

Each finding is printed with the article, the mention and the code; the totals come last.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.actors.kb import KnowledgeBase, package_kb
from eventwire.actors.model import REGIONS, country_codes
from eventwire.actors.normalize import fold
from eventwire.document import Actor, Document

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "realnews" / "dev"
COUNTRY_KINDS = frozenset({"country"})
# Kinds that may modify a longer name and still be themselves ("UN Charter", "Moscow court").
COUNTRYLIKE_KINDS = frozenset({"country", "capital", "bloc", "region"})
# spaCy labels of names a knowledge-base hit can be a part of ("World Trade Organization").
NAME_LABELS = frozenset({"ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})
# The checks that mean a code contradicts the text's country (the others are listed for review).
CONTRADICTIONS = frozenset({"country_not_iso", "mention_country", "country_in_person"})


def country_words(kb: KnowledgeBase, words: list[str]) -> set[str]:
    """ISO codes of the country names and demonyms among ``words`` (folded tokens), longest match first."""
    found: set[str] = set()
    i = 0
    while i < len(words):
        hit = 0
        for j in range(min(len(words), i + 4), i, -1):
            for e in kb.exact(" ".join(words[i:j])):
                if e.kind in COUNTRY_KINDS:
                    code = e.resolve(None).country
                    if code:
                        found.add(code)
                        hit = j
            if hit:
                break
        i = hit if hit else i + 1
    return found


def _token_span(sdoc: Any, start: int, end: int) -> Any:
    return sdoc.char_span(start, end, alignment_mode="expand")


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    """Given names known to the KB: a country word after one inside a person's name is that name's part
    ("Lisa Monaco"); the recogniser's other "persons" ("Eastern Ghouta", "CNN Turk") are not people."""
    from eventwire.actors.resolve import ActorResolver

    return ActorResolver(kb).given_names


def _historic_codes() -> frozenset[str]:
    """ISO 3166-3 codes of former countries (SUN, YUG): a historical article may code them."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.historic_countries)


def audit_actor(kb: KnowledgeBase, doc: Document, actor: Actor) -> Iterator[dict[str, Any]]:
    """The contradictions of one coded actor (see the module docstring)."""
    iso = country_codes() | _historic_codes()
    given = _given_names(kb)
    sdoc = doc.spacy
    base = {"id": doc.id, "actor": actor.name, "code": actor.code, "country": actor.country, "kb_id": actor.kb_id}
    first = actor.mentions[0].text if actor.mentions else ""
    if actor.country is not None and actor.country not in iso:
        yield {**base, "check": "country_not_iso", "mention": first}
    if actor.code and actor.code[:3] in REGIONS:
        yield {**base, "check": "code_region", "mention": first}
    if sdoc is None:
        return
    for m in actor.mentions:
        span = _token_span(sdoc, m.start, m.end)
        if span is None:
            continue
        words = fold(m.text).split()
        said = country_words(kb, words)
        before = span.start
        if before > 0 and sdoc[before - 1].tag_ == "POS":
            before -= 1
        prev = [fold(t.text) for t in sdoc[max(0, before - 2) : before] if fold(t.text)]
        said_before = country_words(kb, prev[-1:]) or country_words(kb, prev)
        if actor.country and said and actor.country not in said and not actor.kb_id == f"country:{next(iter(said))}":
            yield {**base, "check": "mention_country", "mention": m.text, "text_says": sorted(said)}
        elif actor.country and not said and said_before and actor.country not in said_before and \
                span.start - before <= 1 and (before < span.start or sdoc[before - 1].dep_ in ("amod", "compound")):
            yield {**base, "check": "mention_country", "mention": sdoc[max(0, before - 1) : span.end].text,
                   "text_says": sorted(said_before)}
        if actor.kb_id and actor.kb_id.startswith("country:"):
            for ent in sdoc.ents:
                if ent.label_ == "PERSON" and ent.start <= span.start and span.end <= ent.end and \
                        ent.start < span.start and any(fold(t.text) in given for t in sdoc[ent.start : span.start]):
                    yield {**base, "check": "country_in_person", "mention": ent.text}
        if actor.kb_id and kb_kind(kb, actor.kb_id) not in COUNTRYLIKE_KINDS:
            for ent in sdoc.ents:
                if ent.label_ not in NAME_LABELS:
                    continue
                toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
                if not toks or not (toks[0].i <= span.start and span.end <= toks[-1].i + 1):
                    continue
                extra = [t for t in toks if not span.start <= t.i < span.end]
                if any(t.text[:1].isupper() for t in extra):
                    yield {**base, "check": "partial_name", "mention": m.text, "name": ent.text}


def kb_kind(kb: KnowledgeBase, kb_id: str) -> str | None:
    e = kb.by_id(kb_id)
    return e.kind if e is not None else None


def audit(folder: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Run the actors stages on the gold folder's articles and return every finding."""
    from eventwire import Pipeline, load_config
    from eventwire.eval.realnews import load_gold
    from eventwire.pipeline import new_document
    from eventwire.records import RawRecord

    gold = load_gold(folder)[:limit] if limit else load_gold(folder)
    pipeline = Pipeline(load_config(), stages=["clean", "nlp", "actors"])
    records = [RawRecord(text=g["text"], id=g.get("id") or None, title=g.get("title") or None,
                         published=g.get("published") or None) for g in gold]
    kb = package_kb()
    out: list[dict[str, Any]] = []
    for rec in records:
        doc = new_document(rec)  # stage by stage, so the parse is kept for the checks
        for stage in pipeline.stages:
            stage(doc)
        for actor in doc.actors:
            if actor.code:
                out.extend(audit_actor(kb, doc, actor))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--json", action="store_true", help="one finding per line as JSON, then the totals")
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    found = audit(Path(a.gold), a.limit)
    for f in found:
        if a.json:
            print(json.dumps(f, ensure_ascii=False))
        else:
            extra = f.get("text_says") or f.get("name") or ""
            print(f"{f['id']}\t{f['check']}\t{f['mention']!r}\t{f['actor']} {f['code']}\t{extra}")
    totals = Counter(f["check"] for f in found)
    contradictions = sum(n for check, n in totals.items() if check in CONTRADICTIONS)
    print(json.dumps({"findings": len(found), "contradictions": contradictions, **dict(sorted(totals.items()))}))


if __name__ == "__main__":
    main()
