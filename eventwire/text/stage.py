"""The text stages: clean (raw text -> article), language (refuse what the models cannot read), nlp (spaCy).

Adapters only: the cleaning rules live in ``clean.py``, language detection in ``language.py`` and the
spaCy model loading in ``nlp.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.config import Config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.registry import stages
from eventwire.stage import Resources, Stage
from eventwire.text.clean import Cleaner, normalise_text, repair_mojibake
from eventwire.text.language import MIN_PROB, SHORT_LETTERS, SHORT_MIN_PROB, detect_language
from eventwire.text.nlp import NLP

__all__ = ["NLP", "CleanStage", "LanguageStage", "NlpStage"]


@stages.register("clean")
class CleanStage(Stage):
    """Raw text -> ``article.text`` (title, then body), with title, lead, outlet, removals and notes."""

    name = "clean"
    requires = ("raw",)
    assigns = ("article",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.cleaner = Cleaner(list(config.clean.outlet_patterns))

    def __call__(self, doc: Document) -> None:
        raw = doc.provenance.raw or ""
        art = doc.article
        art.notes = list(doc.provenance.notes)
        if not normalise_text(raw):
            raise EventwireError(ErrorCode.NO_TEXT, "the article text is empty")
        raw, repairs = repair_mojibake(raw)
        if repairs:
            art.notes.append(f"repaired {repairs} mis-decoded character(s) (UTF-8 read as Windows-1252)")
        title, lead, body, removed, outlet = self.cleaner.clean(raw, art.title)
        if not body.strip() and not title:
            raise EventwireError(ErrorCode.EMPTY_AFTER_CLEANING, f"{len(removed)} removals left no text")
        art.title = title
        art.lead = lead
        art.text = f"{title}\n{body}" if title and body else (title or body)
        art.removed = removed
        if outlet and not art.outlet:
            art.outlet = outlet


@stages.register("language")
class LanguageStage(Stage):
    """Sets ``article.language``; rejects (E107) an article in a language not in ``io.languages``."""

    name = "language"
    requires = ("article",)
    assigns = ("language",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.enabled = config.io.detect_language
        self.allowed = [x.lower() for x in config.io.languages]
        self.chars = config.io.detect_chars

    def __call__(self, doc: Document) -> None:
        if not self.enabled:
            return
        guesses = detect_language(doc.article.text, self.chars)
        if not guesses:
            doc.article.notes.append("language not detected (text too short); assumed " + self.allowed[0])
            doc.article.language = self.allowed[0]
            return
        sample = doc.article.text[: self.chars]
        lang, prob = guesses[0]
        allowed_prob = sum(p for code, p in guesses if code.split("-")[0] in self.allowed)
        short = sum(1 for ch in sample if ch.isalpha()) < SHORT_LETTERS
        if allowed_prob >= 1 - MIN_PROB or (short and prob < SHORT_MIN_PROB):
            best_allowed = next((c for c, _ in guesses if c.split("-")[0] in self.allowed), self.allowed[0])
            doc.article.language = best_allowed.split("-")[0]
            return
        doc.article.language = lang
        raise EventwireError(
            ErrorCode.NOT_ENGLISH,
            f"detected language {lang!r} (p={prob:.2f}); "
            f"configured languages: {', '.join(self.allowed)} (io.languages)",
        )


@stages.register("nlp")
class NlpStage(Stage):
    name = "nlp"
    requires = ("article",)
    assigns = ("spacy",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.batch_size = config.pipeline.batch_size

    @property
    def nlp(self) -> Any:
        return self.resources.get(NLP)

    def __call__(self, doc: Document) -> None:
        doc.spacy = self.nlp(doc.article.text)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        batch = list(docs)
        parsed = self.nlp.pipe((d.article.text for d in batch), batch_size=self.batch_size)
        for doc, sdoc in zip(batch, parsed, strict=True):
            doc.spacy = sdoc
            yield doc
