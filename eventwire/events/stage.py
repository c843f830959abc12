"""The events stage: PLOVER/CAMEO events from the parse, the actors, times, places and quotes."""

from __future__ import annotations

from eventwire.config import Config
from eventwire.document import Document
from eventwire.events.coder import EventCoder
from eventwire.events.model import EVENT_MODEL, EventModel
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
        # The event model (docs/event-model.md) gives each event a calibrated confidence and drops the facts
        # below ``events.min_confidence``, or below the model's own threshold when that is 0. It was trained on
        # PLOVER coding of news, so CAMEO statement coding (``statements``, the PETRARCH suites) and
        # ``events.model = false`` leave the rules' own confidence, filtered by ``min_confidence`` alone.
        use_model = config.events.model and not config.events.statements
        self.model: EventModel | None = resources.get(EVENT_MODEL) if use_model else None
        self.min_confidence = config.events.min_confidence

    def __call__(self, doc: Document) -> None:
        events = self.coder.code(doc)
        if self.model is not None:
            events = self.model.apply(doc, events, self.min_confidence or None, self.coder.words)
        elif self.min_confidence:
            events = [e for e in events if e.confidence >= self.min_confidence]
        doc.events = events
