"""The typed Document that every stage enriches, and its JSON contract ("eventwire.document/1").

Why pydantic: one set of classes gives validation, JSON (de)serialisation and the committed JSON Schema
(docs/schema/document.schema.json), so the contract in DESIGN.md cannot drift from the code.
Offsets are character offsets into ``article.text``, the cleaned text (title first, then the body).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_ID = "eventwire.document/1"

AuxMode = Literal["negation", "hypothetical", "future", "historical"]
# DESIGN.md: an event is a fact when its aux holds none of these (historical events are facts).
NON_FACT_AUX: frozenset[str] = frozenset({"negation", "hypothetical", "future"})
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A stretch of ``article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Removal(_Model):
    """Something the cleaner took out of the raw text, and why (nothing disappears silently)."""

    text: str
    reason: str


class Article(_Model):
    title: str | None = None
    lead: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or null")
    outlet: str | None = None
    url: str | None = None
    language: str | None = "en"
    text: str = ""
    removed: list[Removal] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        description="what was done to the input besides removals, e.g. re-decoding a non-UTF-8 file",
    )

    @property
    def title_end(self) -> int:
        """Where the title ends in the text: its length when the text opens with it (as the text stage
        writes it), else 0 (a Document built without a title line has no headline sentences)."""
        return len(self.title) if self.title and self.text.startswith(self.title) else 0


class Actor(_Model):
    id: str
    name: str = Field(description="canonical name")
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 or a bloc code")
    sector: str | None = Field(default=None, description="PLOVER/CAMEO sector: GOV, MIL, OPP, REB, IGO ...")
    code: str | None = Field(default=None, description="CAMEO-style code, e.g. RUSGOV")
    kb_id: str | None = None
    role: str | None = None
    former: bool = False
    mentions: list[Span] = Field(default_factory=list)


class Place(_Model):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = Field(default=None, description="city, admin1, country, sea, region ...")
    mentions: list[Span] = Field(default_factory=list)


class Time(_Model):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    timex: str | None = Field(default=None, description="TimeML TIMEX3 value")
    type: TimeType = "DATE"
    earliest: str | None = None
    latest: str | None = None


class Quote(_Model):
    id: str
    speaker: str | None = Field(default=None, description="actor id")
    speaker_name: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind = "direct"


class EventActor(_Model):
    id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


class EventDate(_Model):
    value: str | None = None
    precision: str | None = Field(default=None, description="day, week, month, year or published")
    text: str | None = None
    source: str | None = Field(
        default=None, description="what dated it: clause, sentence, restated (the story retells the act) or article"
    )


class EventLocation(_Model):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    source: str | None = Field(
        default=None, description="what placed it: clause, sentence, restated, dateline or article"
    )


class Evidence(_Model):
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    trigger: Span


class Event(_Model):
    id: str
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: list[EventActor] = Field(default_factory=list)
    recipient: list[EventActor] = Field(default_factory=list)
    date: EventDate | None = None
    location: EventLocation | None = None
    aux: list[AuxMode] = Field(default_factory=list)
    quote: str | None = None
    evidence: Evidence
    mentions: list[Evidence] = Field(default_factory=list, description="every evidence span merged into this event")
    confidence: float = 1.0
    rule: str | None = None

    @property
    def is_fact(self) -> bool:
        """Negated, hypothetical and future events are kept for analysts but are not facts."""
        return not (NON_FACT_AUX & set(self.aux))


def content_hash(title: str | None, text: str) -> str:
    """The one hash of what makes an article itself (title and text): ingest is idempotent on it.

    Why here: readers hash the raw record (``RawRecord.content_hash``) and the store hashes a Document that
    arrives without one (``rows.content_hash_of``); both must be this function, or a re-ingest duplicates.
    """
    h = hashlib.sha256()
    for part in (title or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class Provenance:
    """Where a Document came from: what the reader read, before any stage ran. Never serialised.

    Why typed fields, not a scratch dict: the clean stage reads ``raw`` and ``notes``, rejects name the
    ``source``, and the store keys articles on ``content_hash``; a misspelt key would silently read None.
    """

    raw: str | None = None  # the reader's text, which the clean stage turns into ``article.text``
    content_hash: str | None = None  # the raw record's hash (RawRecord.content_hash): ingest is idempotent on it
    source: str | None = None  # the file, URL or "file:line" the record was read from
    notes: list[str] = field(default_factory=list)  # what the reader did (e.g. re-decoding); copied to article.notes


class Document(_Model):
    """One article and everything eventwire found in it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    id: str
    article: Article = Field(default_factory=Article)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    # Working state, never serialised: the parse (dropped before a Document leaves the pipeline) and the
    # provenance (kept: the store and the rejects need it after the pipeline).
    _spacy: Any = PrivateAttr(default=None)
    _provenance: Provenance = PrivateAttr(default_factory=Provenance)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def spacy(self) -> Any:
        """The spaCy ``Doc`` of ``article.text`` (set by the nlp stage)."""
        return self._spacy

    @spacy.setter
    def spacy(self, value: Any) -> None:
        self._spacy = value

    @property
    def provenance(self) -> Provenance:
        """Where this Document came from (set by the pipeline from the RawRecord; empty when loaded from JSON)."""
        return self._provenance

    @provenance.setter
    def provenance(self, value: Provenance) -> None:
        self._provenance = value

    def span(self, start: int, end: int) -> Span:
        """A Span over the cleaned text, so that ``text`` always equals ``article.text[start:end]``."""
        return Span(text=self.article.text[start:end], start=start, end=end)

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls.model_validate(data)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the Document, as committed at docs/schema/document.schema.json."""
    schema = Document.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["title"] = "eventwire Document"
    return schema
