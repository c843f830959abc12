"""Features of one coded event for the event model (eventwire.events.model): sparse, string-keyed, cheap.

Why these features: the event model decides whether a rule's output is a real event of its type, and must
generalise to outlets it was not trained on. So most features describe how the rule fired and what the parse
and the actors around it look like (rule family, PLOVER type and mode, aux flags, whether each side is coded
and of which sector and kind, the trigger's part of speech, dependency label and governing verb, title,
quote, sentence position, competing events), and few describe particular words. Lexical features (the
trigger lemma, the rule's verb class) are one group, ``LEXICAL_PREFIXES``, that training can leave out
(``tools/train_events.py --no-lexical``) to measure what they add under cross-validation.

``FEATURES_VERSION`` names this set: a model file records it and refuses to score with another version.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.document import NON_FACT_AUX, Document, Event, EventActor

FEATURES_VERSION = "ef-1"
Features = dict[str, float]

# groups of feature names whose values are words of the text or of a dictionary (see the module docstring)
LEXICAL_PREFIXES: tuple[str, ...] = ("lemma=", "cls=", "head_lemma=")
_RULE = re.compile(r"^(?P<family>[a-z_]+)\.(?P<name>[A-Za-z_]+?)(?:\.(?P<n>\d+))?(?P<rest>[#+].*)?$")
# fallbacks when the caller has no coder word classes (the coder's classes come from data/core.ewp)
_REPORT = frozenset({"say", "tell", "report", "add", "state", "announce", "claim", "confirm", "according"})
_OPINION = frozenset({"believe", "think", "expect", "fear", "hope", "allege", "seem", "appear", "suspect"})
_MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must"})


@dataclass
class DocContext:
    """What every event of one Document shares, computed once per Document (sentence starts, title end,
    events per sentence and per trigger, actor kinds)."""

    sent_starts: list[int]
    title_end: int
    per_sentence: Counter[int]
    per_sentence_type: Counter[tuple[int, str]]
    per_trigger: Counter[int]
    kinds: dict[str, str] = field(default_factory=dict)
    report: frozenset[str] = _REPORT
    opinion: frozenset[str] = _OPINION


def doc_context(doc: Document, events: Sequence[Event], words: Any = None) -> DocContext:
    """The per-Document part of the features; ``words`` is the coder's WordClasses (reporting and opinion
    verbs), or None for a small built-in list."""
    sp = doc.spacy
    starts = [s.start_char for s in sp.sents] if sp is not None else [0]
    title_end = doc.article.title_end
    per_sentence: Counter[int] = Counter(e.evidence.start for e in events)
    per_type: Counter[tuple[int, str]] = Counter((e.evidence.start, e.type) for e in events)
    per_trigger: Counter[int] = Counter(e.evidence.trigger.start for e in events if e.evidence.trigger)
    kinds = {a.id: _actor_kind(a.kb_id, a.role, a.sector) for a in doc.actors}
    ctx = DocContext(starts, title_end, per_sentence, per_type, per_trigger, kinds)
    if words is not None:
        ctx.report, ctx.opinion = frozenset(words.report), frozenset(words.opinion)
    return ctx


def _actor_kind(kb_id: str | None, role: str | None, sector: str | None) -> str:
    """person / country / org / other, from how the actor was resolved (the KB's id prefix and role)."""
    prefix = (kb_id or "").split(":", 1)[0]
    if prefix == "country":
        return "country"
    if prefix == "officials" or role:
        return "person"
    if sector:
        return "org"
    return "other"


def _bucket(x: float, edges: Iterable[float]) -> str:
    for i, edge in enumerate(edges):
        if x < edge:
            return str(i)
    return "top"


def _side(f: Features, name: str, side: list[EventActor], ctx: DocContext) -> None:
    """Number of actors on a side; sector, kind (person, country, organisation) and country of the first."""
    f[f"{name}_n={min(len(side), 2)}"] = 1.0
    if not side:
        return
    a = side[0]
    f[f"{name}_sector={a.sector or 'NONE'}"] = 1.0
    f[f"{name}_kind={ctx.kinds.get(a.id or '', 'other')}"] = 1.0
    f[f"{name}_country={'yes' if a.country else 'no'}"] = 1.0


def _trigger_token(doc: Document, event: Event) -> Any:
    sp, trig = doc.spacy, event.evidence.trigger
    if sp is None or trig is None:
        return None
    span = sp.char_span(trig.start, trig.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def event_features(doc: Document, event: Event, ctx: DocContext | None = None, words: Any = None) -> Features:
    """The features of one event of ``doc`` (during the events stage, while ``doc.spacy`` is set).

    Pass ``ctx`` (``doc_context(doc, doc_events)``) when scoring several events of one Document; without it
    the counts of competing events see only this one.
    """
    ctx = ctx or doc_context(doc, [event], words)
    f: Features = {"bias": 1.0}
    # -- the rule: family, verb class, default (bare) pattern or a specific one, control and reverse
    rule = event.rule or ""
    m = _RULE.match(rule)
    family = m.group("family") if m else rule.split(".", 1)[0] or "none"
    f[f"family={family}"] = 1.0
    if m:
        f[f"cls={family}.{m.group('name')}"] = 1.0
        if m.group("n") is not None:
            f["pattern=default" if m.group("n") == "0" else "pattern=specific"] = 1.0
    for suffix in re.findall(r"[#+]([a-z_]+)", rule):
        f[f"suffix={suffix}"] = 1.0
    # -- what it codes
    f[f"type={event.type}"] = 1.0
    f[f"type_family={event.type}|{family}"] = 1.0
    f[f"mode={event.mode or 'none'}"] = 1.0
    if event.cameo:
        f[f"cameo_root={event.cameo[:2]}"] = 1.0
        f["cameo_specific"] = float(len(event.cameo) > 2 and event.cameo[2:] != "0")
    f[f"quad={event.quad_class}"] = 1.0
    aux = set(event.aux)
    for a in aux:
        f[f"aux={a}"] = 1.0
    f["fact"] = float(not (aux & NON_FACT_AUX))
    # -- who: each side present, its sector and kind; same side twice; the event's type without an actor
    _side(f, "actor", event.actor, ctx)
    _side(f, "recip", event.recipient, ctx)
    sides = ("A" if event.actor else "-") + ("R" if event.recipient else "-")
    f[f"sides={sides}"] = 1.0
    f[f"type_sides={event.type}|{sides}"] = 1.0
    if event.actor and event.recipient:
        f["same_country"] = float(bool(event.actor[0].country) and event.actor[0].country == event.recipient[0].country)
    # -- where in the article: title, sentence position, quote
    start = event.evidence.start
    f["in_title"] = float(ctx.title_end > 0 and start < ctx.title_end)
    sent_i = sum(1 for s in ctx.sent_starts if s <= start) - 1
    f[f"sent_pos={_bucket(sent_i, (1, 3, 6, 10))}"] = 1.0
    f["in_quote"] = float(event.quote is not None)
    if event.quote is not None:
        kind = next((q.kind for q in doc.quotes if q.id == event.quote), "direct")
        f[f"quote_kind={kind}"] = 1.0
    # -- competing readings: other events of the sentence, of its type, of its trigger; merged mentions
    n_sent = ctx.per_sentence.get(start, 1)
    f[f"sent_events={_bucket(n_sent, (2, 3, 5))}"] = 1.0
    f["same_type_in_sent"] = float(ctx.per_sentence_type.get((start, event.type), 1) > 1)
    trig = event.evidence.trigger
    f["trigger_shared"] = float(trig is not None and ctx.per_trigger.get(trig.start, 1) > 1)
    f["mentions>1"] = float(len(event.mentions) > 1)
    # -- the rule's own confidence, as it is and in bins
    f["rule_conf"] = float(event.confidence)
    f[f"rule_conf_bin={_bucket(event.confidence, (0.6, 0.7, 0.8, 0.85))}"] = 1.0
    # -- date and place found in the clause
    f[f"date={(event.date.precision if event.date else None) or 'none'}"] = 1.0
    f["place"] = float(event.location is not None)
    # -- the parse around the trigger
    tok = _trigger_token(doc, event)
    if tok is not None:
        _syntax(f, tok, ctx)
    return f


def _syntax(f: Features, tok: Any, ctx: DocContext) -> None:
    """Trigger part of speech, dependency label, determiner, governing verb (reporting, opinion),
    modal and question mark; the trigger lemma (a lexical feature)."""
    f[f"pos={tok.pos_}"] = 1.0
    f[f"dep={tok.dep_}"] = 1.0
    f[f"lemma={tok.lemma_.lower()}"] = 1.0
    f["root"] = float(tok.dep_ == "ROOT")
    if tok.pos_ == "NOUN":
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        det = (dets[0] if dets[0] in ("a", "an", "the", "its", "their") else "poss") if dets else "none"
        f[f"noun_det={det}"] = 1.0
        f["noun_plural"] = float(tok.tag_ == "NNS")
        f["noun_modifier"] = float(tok.dep_ in ("compound", "amod", "nmod"))
    # the verb that governs the trigger's clause (itself for a verb), and what is above it
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head if verb.head.i != verb.i else None
    if head is not None:
        hl = head.lemma_.lower()
        f[f"head_dep={verb.dep_}"] = 1.0
        f[f"head_pos={head.pos_}"] = 1.0
        f[f"head_lemma={hl}"] = 1.0
        f["under_report"] = float(hl in ctx.report)
        f["under_opinion"] = float(hl in ctx.opinion)
    kids = list(verb.children)
    f["modal"] = float(any(c.dep_ == "aux" and c.lemma_.lower() in _MODALS for c in kids))
    f["negated"] = float(any(c.dep_ == "neg" for c in kids))
    f["passive"] = float(any(c.dep_ in ("nsubjpass", "auxpass") for c in kids))
    sent = tok.sent
    f["question"] = float(sent.text.rstrip().endswith("?"))
    f[f"sent_len={_bucket(len(sent), (12, 25, 40))}"] = 1.0
