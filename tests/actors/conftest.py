"""Fixtures for the actors tests: run the default pipeline on a text and find actors by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.document import Actor, Document


@pytest.fixture(scope="session")
def run(pipeline: Any) -> Callable[..., Document]:
    def _run(text: str, published: str | None = "2014-11-27") -> Document:
        return pipeline.extract(text, published=published)

    return _run


def actor_named(doc: Document, fragment: str) -> Actor:
    """The one actor whose canonical name contains ``fragment`` (fails if none or several)."""
    found = [a for a in doc.actors if fragment.lower() in a.name.lower()]
    assert len(found) == 1, f"{fragment!r}: {[(a.name, a.code) for a in doc.actors]}"
    return found[0]


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]
