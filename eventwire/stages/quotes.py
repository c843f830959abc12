"""The quotes stage (placeholder until its issue lands: assigns nothing yet)."""

from __future__ import annotations

from ..document import Document
from ..registry import stages
from .base import Stage


@stages.register("quotes")
class QuotesStage(Stage):
    name = "quotes"
    requires = ("article", "spacy", "actors")
    assigns = ("quotes",)

    def __call__(self, doc: Document) -> None:
        return None
