"""Every pattern of the core grammar (data/core.ewp) has example sentences, and fires on each of them.

A pattern "fires" when the coder emits an event with its rule id (a null pattern: when it is the pattern
the matcher picks for a word of the sentence). The coder runs on core.ewp alone (``events.builtin`` off), so
an example tests its own pattern, not which imported CAMEO pattern happens to be more specific. The actors
are the bracketed words of the example (see ``eventwire.events.patterns.parse_example``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from eventwire import Pipeline, load_config
from eventwire.document import Actor, Article, Document
from eventwire.events.coder import EventCoder
from eventwire.events.match import match_trigger
from eventwire.events.patterns import Pattern, iter_patterns, load_patterns, parse_example
from eventwire.events.stage import build_coder

CORE = load_patterns((), builtin=False)
PATTERNS = sorted((p for p in iter_patterns(CORE) if p.source == "core.ewp"), key=lambda p: p.id)


@pytest.fixture(scope="module")
def core_coder() -> EventCoder:
    cfg = load_config(overrides={"events.builtin": False})
    return build_coder(cfg, Pipeline(cfg, stages=["clean"]).resources)


def _doc(nlp: Any, example: str) -> Document:
    text, spans = parse_example(example)
    doc = Document(id="example", article=Article(text=text, published="2014-11-27"))
    doc.spacy = nlp(text)
    actors: dict[str, Actor] = {}
    for start, end in spans:
        name = text[start:end]
        code = re.sub(r"\W", "", name).upper()[:6]
        # the bracketed actors are states (a country, no sector), as political as the grammar assumes
        actor = actors.setdefault(name, Actor(id=f"a{len(actors) + 1}", name=name, code=code, country=code[:3]))
        actor.mentions.append(doc.span(start, end))
    doc.actors = list(actors.values())
    return doc


def test_core_grammar_is_small_enough_to_exemplify() -> None:
    assert 50 < len(PATTERNS) <= 150  # beyond that, examples for every pattern stop being practical


def test_every_core_pattern_has_an_example() -> None:
    assert not [p.id for p in PATTERNS if not CORE.examples.get(p.id)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_core_pattern_fires_on_its_examples(pattern: Pattern, nlp: Any, core_coder: EventCoder) -> None:
    for example in CORE.examples.get(pattern.id, []):
        doc = _doc(nlp, example)
        if pattern.null:
            picked = [match_trigger(core_coder.p, pattern.pos, tok) for tok in doc.spacy]
            assert any(hit is not None and hit[0].id == pattern.id for hit in picked), example
            continue
        rules = [re.split(r"[+#]", ev.rule)[0] for ev in core_coder.code(doc)]
        assert pattern.id in rules, f"{example!r} -> {rules}"
