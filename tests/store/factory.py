"""Documents with hand-written events, for store and writer tests that must not depend on the extraction stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.document import (
    Actor,
    Article,
    Document,
    Event,
    EventActor,
    EventDate,
    EventLocation,
    Evidence,
    Place,
    Span,
)

# key -> (canonical name, country, sector, code); the key is the code unless the party has none.
PARTIES: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "RUSGOV": ("Sergei Lavrov", "RUS", "GOV", "RUSGOV"),
    "SYRGOV": ("Walid al-Moualem", "SYR", "GOV", "SYRGOV"),
    "USAGOV": ("John Kerry", "USA", "GOV", "USAGOV"),
    "USAMIL": ("US military", "USA", "MIL", "USAMIL"),
    "IMGSYRREB": ("Islamic State", "SYR", "REB", "IMGSYRREB"),
    "BLRGOV": ("Alexander Lukashenko", "BLR", "GOV", "BLRGOV"),
    "CYPGOV": ("Nicos Anastasiades", "CYP", "GOV", "CYPGOV"),
    "GBRLEG": ("Lloyd Russell-Moyle", "GBR", "LEG", "GBRLEG"),
    # an actor whose country field holds a code that is not a country (seen in real stores)
    "IMGMUSISI": ("Islamic State group", "IMGMUSISI", "IMG", "IMGMUSISI"),
    # an actor the knowledge base could not code
    "jack": ("Jack Letts", None, None, None),
}
# name -> (GeoNames id, country, lat, lon, kind, the words the text uses for it)
PLACES: dict[str, tuple[int, str, float, float, str, str]] = {
    "Sochi": (491422, "RUS", 43.6, 39.73, "city", "Sochi"),
    "Moscow": (524901, "RUS", 55.75, 37.62, "city", "Moscow"),
    "Raqqa": (172955, "SYR", 35.95, 39.01, "city", "Raqqa"),
    "Ar Raqqah": (172955, "SYR", 35.95, 39.01, "city", "Raqqa"),
    "Hanoi": (1581130, "VNM", 21.0245, 105.84117, "city", "Hanoi"),
    "Syria": (163843, "SYR", 35.0, 38.0, "country", "Syria"),
    "Idlib": (169388, "SYR", 35.75, 36.75, "admin1", "Idlib province"),
}


@dataclass
class Ev:
    """One event to write into an article: the trigger word must occur in the article text.

    ``actor`` and ``recipient`` are party keys, several joined with '+' ("RUSGOV+SYRGOV"); ``date`` a
    TIMEX3 value (2014-11-26, 2014-11, 2014-W48, 2014) whose precision is derived.
    """

    type: str
    actor: str
    recipient: str
    date: str | None
    trigger: str
    place: str | None = None
    aux: list[str] = field(default_factory=list)
    mode: str | None = None
    quad_class: int = 1
    goldstein: float = 1.0
    cameo: str | None = "040"
    contexts: list[str] = field(default_factory=list)


def precision_of(value: str) -> str:
    if len(value) == 10:
        return "day"
    if "-W" in value:
        return "week"
    if len(value) == 7:
        return "month"
    return "year"


def _spans(doc: Document, words: str, skip: list[Span] | None = None) -> list[Span]:
    """Every occurrence of ``words`` in the text, except inside the spans in ``skip``."""
    text, out, i = doc.article.text, [], 0
    while (i := text.find(words, i)) >= 0:
        if not any(s.start <= i < s.end for s in skip or []):
            out.append(doc.span(i, i + len(words)))
        i += len(words)
    return out


def make_doc(doc_id: str, text: str, events: list[Ev], published: str = "2014-11-27",
             outlet: str | None = "VOV", url: str | None = None, no_url: bool = False) -> Document:
    """A Document whose actors, places and events point at real offsets of ``text``.

    An actor is mentioned wherever its full name occurs and wherever its surname occurs alone; a place
    wherever the words the text uses for it occur.
    """
    doc = Document(id=doc_id, article=Article(title=text.split(".")[0], text=text, published=published,
                                              outlet=outlet, url=None if no_url else url or f"https://example.org/{doc_id}"))
    doc.article.lead = text.split("\n")[0]
    keys = sorted({k for e in events for k in (*e.actor.split("+"), *e.recipient.split("+")) if k})
    for i, key in enumerate(keys):
        name, country, sector, code = PARTIES[key]
        full = _spans(doc, name)
        surname = name.split()[-1]
        alone = _spans(doc, surname, full) if surname != name else []
        mentions = sorted(full + alone, key=lambda s: s.start)
        doc.actors.append(Actor(id=f"a{i}", name=name, country=country, sector=sector, code=code, mentions=mentions))
    for name in sorted({e.place for e in events if e.place}):
        gid, country, lat, lon, kind, words = PLACES[name]
        doc.places.append(Place(id=f"p{name}", name=name, country=country, lat=lat, lon=lon, geonameid=gid, kind=kind,
                                mentions=_spans(doc, words)))
    by_key = dict(zip(keys, doc.actors, strict=True))
    for i, e in enumerate(events):
        t0 = text.index(e.trigger)
        s0 = max(text.rfind(".", 0, t0), text.rfind("\n", 0, t0)) + 1
        s1 = text.find(".", t0)
        s1 = len(text) if s1 < 0 else s1 + 1
        while text[s0] == " ":
            s0 += 1
        loc = None
        if e.place:
            gid, country, lat, lon, _, _ = PLACES[e.place]
            loc = EventLocation(name=e.place, country=country, lat=lat, lon=lon, geonameid=gid)

        def party(key: str) -> EventActor:
            a = by_key[key]
            return EventActor(id=a.id, name=a.name, country=a.country, sector=a.sector, code=a.code)

        doc.events.append(Event(
            id=f"e{i}", type=e.type, mode=e.mode, cameo=e.cameo, quad_class=e.quad_class, goldstein=e.goldstein,
            contexts=e.contexts,
            actor=[party(k) for k in e.actor.split("+") if k],
            recipient=[party(k) for k in e.recipient.split("+") if k],
            date=EventDate(value=e.date, precision=precision_of(e.date), text=None) if e.date else None,
            location=loc, aux=e.aux,  # type: ignore[arg-type]
            evidence=Evidence(sentence=text[s0:s1], start=s0, end=s1, trigger=doc.span(t0, t0 + len(e.trigger))),
            confidence=0.9, rule="test",
        ))
    return doc
