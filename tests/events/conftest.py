"""Fixtures for the events tests: code a text written for the purpose, with actors set by hand.

Why by hand: these tests pin the coder's syntactic mechanisms (slots, control, modality), so the actors
are given exactly, independent of the actors stage; the sample test runs the full pipeline instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from eventwire import Pipeline
from eventwire.document import Actor, Article, Document, Place, Quote, Time
from eventwire.events.coder import EventCoder
from eventwire.events.stage import build_coder


@pytest.fixture(scope="session")
def coder(pipeline: Pipeline) -> EventCoder:
    return build_coder(pipeline.config, pipeline.resources)


SECTOR_ONLY = frozenset({"GOV", "MIL", "COP", "CVL", "REB", "OPP", "JUD", "LEG", "IGO", "BUS", "MED", "CRM"})


def make_doc(
    nlp: Any,
    text: str,
    actors: dict[str, str],
    published: str | None = "2014-11-27",
    times: list[tuple[str, str]] = (),  # type: ignore[assignment]
    places: list[tuple[str, str]] = (),  # type: ignore[assignment]
    quotes: list[str] = (),  # type: ignore[assignment]
) -> Document:
    """A parsed Document whose actors are the given phrases -> codes (every occurrence is a mention)."""
    doc = Document(id="t", article=Article(text=text, published=published))
    doc.spacy = nlp(text)
    by_code: dict[str, Actor] = {}
    taken: list[tuple[int, int]] = []
    for phrase in sorted(actors, key=len, reverse=True):
        code = actors[phrase]
        for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            # a code's first three letters are its country (the invented actors are states or their organs),
            # unless the code is a sector alone ("regional leaders": GOV)
            country = None if code[:3] in SECTOR_ONLY else code[:3]
            actor = by_code.setdefault(code, Actor(id=f"a{len(by_code) + 1}", name=code, code=code, country=country))
            actor.mentions.append(doc.span(m.start(), m.end()))
    doc.actors = list(by_code.values())
    for n, (phrase, timex) in enumerate(times):
        i = text.index(phrase)
        doc.times.append(Time(id=f"t{n}", text=phrase, start=i, end=i + len(phrase), timex=timex))
    for n, (phrase, kind) in enumerate(places):
        i = text.index(phrase)
        doc.places.append(Place(id=f"p{n}", name=phrase, kind=kind, mentions=[doc.span(i, i + len(phrase))]))
    for n, phrase in enumerate(quotes):
        i = text.index(phrase)
        doc.quotes.append(Quote(id=f"q{n}", text=phrase, start=i, end=i + len(phrase)))
    return doc


@pytest.fixture(scope="session")
def code(nlp: Any, coder: EventCoder) -> Callable[..., list[Any]]:
    """code(text, {phrase: CODE}, **extras) -> the coded events."""

    def run(text: str, actors: dict[str, str], **kw: Any) -> list[Any]:
        doc = make_doc(nlp, text, actors, **kw)
        return coder.code(doc)

    return run


def find(events: list[Any], etype: str, actor: str | None = None, recipient: str | None = None) -> list[Any]:
    """Events of a type, optionally with the given actor/recipient code among their actors."""
    out = []
    for ev in events:
        if ev.type != etype:
            continue
        if actor is not None and actor not in [a.code for a in ev.actor]:
            continue
        if recipient is not None and recipient not in [a.code for a in ev.recipient]:
            continue
        out.append(ev)
    return out
