"""Fixtures for the quotes tests: a helper that runs the extractor on a text with the shared model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.quotes.extract import Extracted, quotes_from_text


@pytest.fixture(scope="session")
def quotes(nlp: Any) -> Callable[..., list[Extracted]]:
    def run(text: str, indirect: bool = True) -> list[Extracted]:
        found = quotes_from_text(text, nlp, indirect=indirect)
        for q in found:  # every span lies inside the text, in order
            assert 0 <= q.start < q.end <= len(text)
            for span in (q.cue, q.speaker, q.speaker_head):
                assert span is None or 0 <= span[0] < span[1] <= len(text)
        return found

    return run


def words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


Run = Callable[..., list[Extracted]]


def direct(found: list[Extracted]) -> list[Extracted]:
    """The direct quotes among what the extractor found."""
    return [q for q in found if q.kind == "direct"]
