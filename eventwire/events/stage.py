"""The events stage: PLOVER/CAMEO events from the parse, the actors, times, places and quotes."""

from __future__ import annotations

from eventwire.config import Config
from eventwire.document import Document
from eventwire.events.coder import EventCoder
from eventwire.events.ontology import load_ontology
from eventwire.events.patterns import load_patterns
from eventwire.registry import stages
from eventwire.stage import Resource, Resources, Stage


def make_coder(config: Config) -> EventCoder:
    """A coder with the ``[events]`` pattern files and options (the coder takes the section as a dict)."""
    settings = config.events
    patterns = load_patterns(tuple(settings.patterns), settings.builtin)
    return EventCoder(settings.model_dump(), patterns, load_ontology())


EVENT_CODER: Resource[EventCoder] = Resource("events.coder", lambda r: make_coder(r.config))


def build_coder(config: Config, resources: Resources) -> EventCoder:
    """The pipeline's shared coder; a config whose ``[events]`` differs from the pipeline's gets its own."""
    if config is not resources.config and config.events != resources.config.events:
        return make_coder(config)
    return resources.get(EVENT_CODER)


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
