"""The times stage (placeholder until its issue lands: assigns nothing yet)."""

from __future__ import annotations

from ..document import Document
from ..registry import stages
from .base import Stage


@stages.register("times")
class TimesStage(Stage):
    name = "times"
    requires = ("article", "spacy")
    assigns = ("times",)

    def __call__(self, doc: Document) -> None:
        return None
