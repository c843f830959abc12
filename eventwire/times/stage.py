"""The times stage: every time expression in the article, normalised against its publication date.

The tagger (eventwire.times.tagger) works on plain text; this stage anchors it on ``article.published`` and turns
its matches into ``Time`` records. Without a publication date, relative expressions ("yesterday", "last
Tuesday") stay underspecified (XXXX-XX-XX style values, no interval) rather than being dated wrongly.

With ``times.tense_from_parse`` (default on) the stage also tells the tagger the tense of the verb that
governs each expression, read from the spaCy parse the nlp stage made: it settles whether "December 3"
or "Monday" lies ahead or behind better than cue words alone (docs/evaluation.md, "Times").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.document import Document, Time
from eventwire.registry import stages
from eventwire.stage import Stage
from eventwire.times.tagger import TenseHint, tag

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_PLANNING = frozenset({"plan", "expect", "schedule", "intend", "hope", "aim", "set", "want", "seek"})


def anchor_of(doc: Document) -> dt.date | None:
    """The publication date as a date; readers validate it, so an unparseable value means 'no anchor'."""
    published = doc.article.published
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def parse_tense(sdoc: Any) -> TenseHint:
    """A tense hint from a spaCy Doc: the tense of the verb governing a character span.

    Climbs from the span's root to the nearest verb; "will/would" auxiliaries and to-infinitives under
    verbs of planning ("plans to visit on Monday") are future, a past-tense verb or auxiliary is past.
    """

    def hint(start: int, end: int) -> str:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return ""
        tok = span.root
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
                break
            if tok.head is tok:
                return ""
            tok = tok.head
        else:
            return ""
        if tok.pos_ not in ("VERB", "AUX"):
            return ""
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX or ("to" in aux and tok.head.lemma_ in _PLANNING):
            return "future"
        if tok.tag_ == "VBD" or aux & _PAST_AUX or (tok.tag_ == "VBN" and aux & {"has", "have"}):
            return "past"
        return ""

    return hint


@stages.register("times")
class TimesStage(Stage):
    name = "times"
    requires = ("article", "spacy")
    assigns = ("times",)

    def __call__(self, doc: Document) -> None:
        text = doc.article.text
        use_parse = self.config.times.tense_from_parse
        hint = parse_tense(doc.spacy) if use_parse and doc.spacy is not None else None
        doc.times = [
            Time(
                id=f"t{i}", text=m.text, start=m.start, end=m.end, timex=m.value, type=m.type,  # type: ignore[arg-type]
                earliest=m.earliest, latest=m.latest,
            )
            for i, m in enumerate(tag(text, anchor_of(doc), hint), start=1)
        ]
