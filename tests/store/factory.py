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
)

PARTIES = {
    "RUSGOV": ("Sergei Lavrov", "RUS", "GOV"),
    "SYRGOV": ("Walid al-Moualem", "SYR", "GOV"),
    "USAGOV": ("John Kerry", "USA", "GOV"),
    "USAMIL": ("US military", "USA", "MIL"),
    "IMGSYRREB": ("Islamic State", "SYR", "REB"),
}
PLACES = {
    "Sochi": (491422, "RUS", 43.6, 39.73, "city"),
    "Moscow": (524901, "RUS", 55.75, 37.62, "city"),
    "Raqqa": (172955, "SYR", 35.95, 39.01, "city"),
}


@dataclass
class Ev:
    """One event to write into an article: the trigger word must occur in the article text."""

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


def make_doc(doc_id: str, text: str, events: list[Ev], published: str = "2014-11-27",
             outlet: str | None = "VOV", url: str | None = None) -> Document:
    """A Document whose actors, places and events point at real offsets of ``text``."""
    doc = Document(id=doc_id, article=Article(title=text.split(".")[0], text=text, published=published,
                                              outlet=outlet, url=url or f"https://example.org/{doc_id}"))
    doc.article.lead = text.split("\n")[0]
    codes = sorted({c for e in events for c in (e.actor, e.recipient)})
    for i, code in enumerate(codes):
        name, country, sector = PARTIES[code]
        mentions = [doc.span(text.index(name), text.index(name) + len(name))] if name in text else []
        doc.actors.append(Actor(id=f"a{i}", name=name, country=country, sector=sector, code=code, mentions=mentions))
    for name in sorted({e.place for e in events if e.place}):
        gid, country, lat, lon, kind = PLACES[name]
        doc.places.append(Place(id=f"p{name}", name=name, country=country, lat=lat, lon=lon, geonameid=gid, kind=kind))
    by_code = {a.code: a for a in doc.actors}
    for i, e in enumerate(events):
        t0 = text.index(e.trigger)
        s0 = text.rfind(".", 0, t0) + 1
        s1 = text.find(".", t0)
        s1 = len(text) if s1 < 0 else s1 + 1
        while text[s0] == " ":
            s0 += 1
        loc = None
        if e.place:
            gid, country, lat, lon, _ = PLACES[e.place]
            loc = EventLocation(name=e.place, country=country, lat=lat, lon=lon, geonameid=gid)

        def party(code: str) -> EventActor:
            a = by_code[code]
            return EventActor(id=a.id, name=a.name, country=a.country, sector=a.sector, code=a.code)

        doc.events.append(Event(
            id=f"e{i}", type=e.type, mode=e.mode, cameo=e.cameo, quad_class=e.quad_class, goldstein=e.goldstein,
            actor=[party(e.actor)], recipient=[party(e.recipient)],
            date=EventDate(value=e.date, precision="day" if e.date else None, text=None) if e.date else None,
            location=loc, aux=e.aux,  # type: ignore[arg-type]
            evidence=Evidence(sentence=text[s0:s1], start=s0, end=s1, trigger=doc.span(t0, t0 + len(e.trigger))),
            confidence=0.9, rule="test",
        ))
    return doc
