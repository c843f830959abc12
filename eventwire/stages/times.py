"""The times stage: every time expression in the article, normalised against its publication date.

The tagger (eventwire.timex) works on plain text; this stage anchors it on ``article.published`` and turns
its matches into ``Time`` records. Without a publication date, relative expressions ("yesterday", "last
Tuesday") stay underspecified (XXXX-XX-XX style values, no interval) rather than being dated wrongly.
"""

from __future__ import annotations

import datetime as dt

from ..document import Document, Time
from ..registry import stages
from ..timex import tag
from .base import Stage


def anchor_of(doc: Document) -> dt.date | None:
    """The publication date as a date; readers validate it, so an unparseable value means 'no anchor'."""
    published = doc.article.published
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@stages.register("times")
class TimesStage(Stage):
    name = "times"
    requires = ("article", "spacy")
    assigns = ("times",)

    def __call__(self, doc: Document) -> None:
        text = doc.article.text
        doc.times = [
            Time(
                id=f"t{i}", text=m.text, start=m.start, end=m.end, timex=m.value, type=m.type,  # type: ignore[arg-type]
                earliest=m.earliest, latest=m.latest,
            )
            for i, m in enumerate(tag(text, anchor_of(doc)), start=1)
        ]
