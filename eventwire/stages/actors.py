"""The actors stage (placeholder until its issue lands: assigns nothing yet)."""

from __future__ import annotations

from ..document import Document
from ..registry import stages
from .base import Stage


@stages.register("actors")
class ActorsStage(Stage):
    name = "actors"
    requires = ("article", "spacy")
    assigns = ("actors",)

    def __call__(self, doc: Document) -> None:
        return None
