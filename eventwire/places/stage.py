"""The places stage: toponyms in the parse, resolved against the offline gazetteer (logic in ``resolve.py``)."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.config import Config
from eventwire.document import Document, Place
from eventwire.places.gazetteer import Gazetteer, default_gazetteer
from eventwire.places.resolve import KIND_OUT, PlaceResolver, Resolution, find_mentions, plausible
from eventwire.registry import stages
from eventwire.stage import Resource, Resources, Stage

GAZETTEER: Resource[Gazetteer] = Resource("places.gazetteer", lambda r: default_gazetteer())
PLACE_RESOLVER: Resource[PlaceResolver] = Resource("places.resolver", lambda r: PlaceResolver(r.get(GAZETTEER)))


@stages.register("places")
class PlacesStage(Stage):
    """Assigns ``doc.places``: resolved places with their mentions, coordinates and GeoNames ids."""

    name = "places"
    requires = ("article", "spacy")
    assigns = ("places",)

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self.min_population = config.places.min_population
        # Keep a country (or capital) named as an actor as a place mention anyway (geoparsing mode).
        self.keep_actor_uses = config.places.keep_actor_uses

    @property
    def resolver(self) -> PlaceResolver:
        return self.resources.get(PLACE_RESOLVER)

    @property
    def gazetteer(self) -> Gazetteer:
        return self.resources.get(GAZETTEER)

    def __call__(self, doc: Document) -> None:
        sdoc = doc.spacy
        if sdoc is None:
            doc.places = []
            return
        text = doc.article.text
        mentions = find_mentions(sdoc, self.gazetteer, self.resolver)
        resolved = self.resolver.resolve(text, mentions)
        doc.places = self.to_places(doc, resolved)

    def to_places(self, doc: Document, resolved: Iterable[Resolution]) -> list[Place]:
        groups: dict[int, list[Resolution]] = {}
        for r in plausible(resolved, self.min_population, self.keep_actor_uses):
            assert r.entry is not None
            groups.setdefault(r.entry.id, []).append(r)
        places: list[Place] = []
        for n, (_, rs) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].mention.start), start=1):
            e = rs[0].entry
            assert e is not None
            places.append(
                Place(
                    id=f"p{n}",
                    name=e.name,
                    country=e.country,
                    lat=round(e.lat, 5),
                    lon=round(e.lon, 5),
                    geonameid=e.geonameid,
                    kind=KIND_OUT.get(e.kind, e.kind),
                    mentions=[doc.span(r.mention.start, r.mention.end) for r in rs],
                )
            )
        return places
