"""The events stage (placeholder until its issue lands: assigns nothing yet)."""

from __future__ import annotations

from ..document import Document
from ..registry import stages
from .base import Stage


@stages.register("events")
class EventsStage(Stage):
    name = "events"
    requires = ("article", "spacy", "actors", "times", "places", "quotes")
    assigns = ("events",)

    def __call__(self, doc: Document) -> None:
        return None
