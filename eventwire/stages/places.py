"""The places stage (placeholder until its issue lands: assigns nothing yet)."""

from __future__ import annotations

from ..document import Document
from ..registry import stages
from .base import Stage


@stages.register("places")
class PlacesStage(Stage):
    name = "places"
    requires = ("article", "spacy")
    assigns = ("places",)

    def __call__(self, doc: Document) -> None:
        return None
