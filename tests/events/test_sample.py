"""The sample article through the full pipeline: the issue's done-when list, event by event."""

from __future__ import annotations

from typing import Any

import pytest


def _has(actors: list[Any], *names: str) -> bool:
    text = " | ".join(f"{a.name} {a.code}" for a in actors).lower()
    return all(n.lower() in text for n in names)


def _events(doc: Any, etype: str, actor: tuple[str, ...], recipient: tuple[str, ...], fact: bool = True) -> list[Any]:
    return [
        e for e in doc.events
        if e.type == etype and _has(e.actor, *actor) and _has(e.recipient, *recipient) and (e.is_fact or not fact)
    ]


@pytest.mark.parametrize(
    "what, etype, actor, recipient",
    [
        ("meeting in Sochi", "CONSULT", ("Putin", "Lavrov"), ("Moualem",)),
        ("meeting in Istanbul", "CONSULT", ("Bogdanov",), ("Coalition",)),
        ("al-Khatib's visit", "CONSULT", ("Khatib",), ("Russia",)),
        ("Russia's support for Assad's government", "SUPPORT", ("RUS",), ("SYRGOV",)),
        ("the West's support for the National Coalition", "SUPPORT", ("West",), ("Coalition",)),
        ("Lavrov's criticism of the US", "ACCUSE", ("Lavrov",), ("USA",)),
        ("the US refusal to cooperate with the Syrian government", "REJECT", ("USA",), ("SYRGOV",)),
        ("the Syrian army's airstrikes", "ASSAULT", ("SYRMIL",), ()),
        ("the US-led coalition's airstrikes", "ASSAULT", ("coalition",), ()),
    ],
)
def test_done_when_events(sample_doc, what, etype, actor, recipient) -> None:  # type: ignore[no-untyped-def]
    assert _events(sample_doc, etype, actor, recipient), what


def test_places_and_dates_of_the_meetings(sample_doc) -> None:  # type: ignore[no-untyped-def]
    sochi = _events(sample_doc, "CONSULT", ("Putin",), ("Moualem",))[0]
    assert sochi.location and sochi.location.name == "Sochi"
    assert sochi.date and sochi.date.value == "2014-11-26"
    istanbul = _events(sample_doc, "CONSULT", ("Bogdanov",), ("Coalition",))[0]
    assert istanbul.location and istanbul.location.name == "Istanbul"
    assert istanbul.date and istanbul.date.precision != "published"  # "six weeks ago"
    raqqa = [e for e in _events(sample_doc, "ASSAULT", ("SYRMIL",), ()) if e.location]
    assert raqqa and "Raqq" in raqqa[0].location.name


def test_nothing_coded_as_fact_from_negated_or_hypothetical_statements(sample_doc) -> None:  # type: ignore[no-untyped-def]
    text = sample_doc.article.text
    for phrase in ("has not invited", "does not cooperate", "may benefit", "cannot destroy"):
        at = text.index(phrase)
        lo, hi = at, at + len(phrase)
        near = [e for e in sample_doc.events if lo <= e.evidence.trigger.start < hi]
        assert near, f"the event of {phrase!r} is kept for analysts"
        assert not [e for e in near if e.is_fact], phrase


def test_every_event_is_traceable_and_not_exploded(sample_doc) -> None:  # type: ignore[no-untyped-def]
    text = sample_doc.article.text
    per_sentence: dict[int, int] = {}
    for e in sample_doc.events:
        t = e.evidence.trigger
        assert text[t.start : t.end] == t.text and e.evidence.start <= t.start < e.evidence.end
        assert e.rule and e.cameo and e.quad_class in (1, 2, 3, 4) and e.goldstein is not None
        assert e.evidence in e.mentions
        per_sentence[e.evidence.start] = per_sentence.get(e.evidence.start, 0) + 1
    assert max(per_sentence.values()) <= 6
    assert len({e.id for e in sample_doc.events}) == len(sample_doc.events)
