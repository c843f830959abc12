"""The events stage: PLOVER/CAMEO events from the parse, the actors, times, places and quotes."""

from __future__ import annotations

from eventwire.config import Config
from eventwire.document import Document
from eventwire.events.coder import EventCoder
from eventwire.events.ontology import load_ontology
from eventwire.events.patterns import load_patterns
from eventwire.registry import stages
from eventwire.stage import Resources, Stage


def build_coder(config: Config, resources: Resources) -> EventCoder:
    settings = config.events
    extra = tuple(settings.patterns)
    builtin = settings.builtin

    def make() -> EventCoder:
        # The coder takes the [events] section as a plain dict (events/coder.py is being split elsewhere).
        return EventCoder(settings.model_dump(), load_patterns(extra, builtin), load_ontology())

    pico = settings.negation_ontology
    return resources.get(f"events.coder:{builtin}:{'|'.join(extra)}:{pico}", make)


@stages.register("events")
class EventsStage(Stage):
    name = "events"
    requires = ("article", "spacy", "actors", "times", "places", "quotes")
    assigns = ("events",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.coder = build_coder(config, resources)

    def __call__(self, doc: Document) -> None:
        doc.events = self.coder.code(doc)
