"""The event model: a calibrated probability that a rule-coded event is a real event of its type.

Why a model: the rule coder's own confidence does not separate right from wrong on real news (AUC below 0.5
on the realnews dev gold), so a logistic regression trained on that gold (``make train``,
tools/train_events.py; figures in docs/event-model.md) scores each event from its features
(eventwire.events.features) and the events stage keeps those at or above a threshold.

Why plain Python: the weights are a JSON dict (data/event_model.json), so the runtime needs no scikit-learn
and scoring one event is a sparse dot product over a few dozen features. The file is read once per pipeline,
as the named resource ``EVENT_MODEL``; a model is immutable.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.document import NON_FACT_AUX, Document, Event
from eventwire.errors import ErrorCode, EventwireError
from eventwire.events.features import FEATURES_VERSION, Features, doc_context, event_features
from eventwire.stage import Resource

DATA_PACKAGE = "eventwire.events.data"
MODEL_FILE = "event_model.json"
FORMAT = "eventwire.event_model/1"


@dataclass(frozen=True)
class EventModel:
    """A logistic regression over sparse features, with the threshold chosen for it at training."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = MODEL_FILE) -> EventModel:
        """A model from its JSON form; a file of another format or feature version is refused (E4xx), since
        its weights would silently mean other features."""
        if data.get("format") != FORMAT or data.get("kind") != "logistic":
            raise EventwireError(ErrorCode.CONFIG_INVALID, f"{source}: not an {FORMAT} logistic model")
        if data.get("features_version") != FEATURES_VERSION:
            raise EventwireError(
                ErrorCode.CONFIG_INVALID,
                f"{source}: trained on features {data.get('features_version')!r}, the code computes "
                f"{FEATURES_VERSION!r}: retrain with `make train`",
            )
        meta = {k: v for k, v in data.items() if k not in ("weights", "intercept", "threshold")}
        return cls(float(data["intercept"]), MappingProxyType({str(k): float(v) for k, v in data["weights"].items()}),
                   float(data["threshold"]), MappingProxyType(meta))

    @classmethod
    def from_file(cls, path: Path) -> EventModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")), str(path))

    @classmethod
    def builtin(cls) -> EventModel:
        """The model shipped in the package (eventwire/events/data/event_model.json)."""
        text = resources.files(DATA_PACKAGE).joinpath(MODEL_FILE).read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))

    def probability(self, features: Features) -> float:
        """P(the event is a real event of its type), from its features (names the model does not know
        weigh nothing)."""
        w = self.weights
        z = self.intercept + sum(w.get(k, 0.0) * v for k, v in features.items())
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def score_events(self, doc: Document, events: Sequence[Event], words: Any = None) -> list[float]:
        """The probability of each event of ``doc`` (while ``doc.spacy`` is set); ``words`` is the coder's
        WordClasses, as at training."""
        ctx = doc_context(doc, events, words)
        return [self.probability(event_features(doc, e, ctx, words)) for e in events]

    def apply(self, doc: Document, events: Sequence[Event], threshold: float | None = None,
              words: Any = None) -> list[Event]:
        """Every event with its ``confidence`` set to its probability (3 places), less the facts below
        ``threshold`` (the model's own when None).

        Why non-facts (negated, hypothetical, future) are scored but never dropped: they are kept for analysts
        and left out of every default view anyway, and the threshold was chosen on the figures of facts."""
        cut = self.threshold if threshold is None else threshold
        kept = []
        for e, p in zip(events, self.score_events(doc, events, words), strict=True):
            e.confidence = round(p, 3)
            if p >= cut or NON_FACT_AUX & set(e.aux):
                kept.append(e)
        return kept


def _build(_resources: Any) -> EventModel:
    return EventModel.builtin()


# The shipped model, loaded on first use and shared by every events stage of a pipeline.
EVENT_MODEL: Resource[EventModel] = Resource("events.model", _build)
