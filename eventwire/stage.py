"""The Stage contract: what a stage needs, what it assigns, and how the pipeline calls it.

Attribute names used in ``requires``/``assigns``: "raw" (the reader's text), "article" (cleaned text and
metadata), "spacy" (the parsed spaCy Doc), "actors", "times", "places", "quotes", "events".
The pipeline checks at build time that every requirement is assigned by an earlier stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, TypeVar

from eventwire.config import Config
from eventwire.document import Document

R = TypeVar("R")


class Resources:
    """Heavy shared objects (spaCy model, knowledge base, gazetteer), built lazily once per pipeline.

    Stages ask for them by name with a factory, so two stages that need the actor KB share one copy and
    nothing is loaded that no stage uses.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}

    def get(self, name: str, factory: Callable[[], R]) -> R:
        if name not in self._cache:
            self._cache[name] = factory()
        return self._cache[name]  # type: ignore[no-any-return]

    def loaded(self) -> list[str]:
        return sorted(self._cache)


class Stage:
    """Base class: subclasses set ``name``, ``requires``, ``assigns`` and implement ``__call__``."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: Config, resources: Resources) -> None:
        self.config = config
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        """Enrich ``doc`` in place. Raise ``EventwireError`` for a clear, coded failure."""
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process a batch; stages with a faster batched path (the nlp stage) override this."""
        for doc in docs:
            self(doc)
            yield doc
