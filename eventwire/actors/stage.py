"""The actors stage: every actor mention found and resolved to one coded actor (see eventwire.actors.kb).

The KB (package data plus the ``[actors]`` dictionaries) and its resolver are built once per pipeline
through ``resources`` and shared. Roles are resolved on the article's publication date (today if unknown).
The Document's country is an ISO 3166 alpha-3 code or null (the contract in DESIGN.md): never a role or
organisation-type code, nor a CAMEO region (WST "the West", MEA "the Middle East" are no country: an analyst
counting by country must not find them there); those stay in the CAMEO-style ``code`` only. Its sector
uses the guidelines' names where CAMEO's differ (PPL -> CVL, UAF -> REB, SPY -> COP).
The KB and the resolver are the named resources ``ACTOR_KB`` and ``ACTOR_RESOLVER`` (the quotes stage reads
actor kinds from ``ACTOR_KB`` when it is loaded).
"""

from __future__ import annotations

from eventwire.actors.kb import ActorResolver, KnowledgeBase, build_kb
from eventwire.actors.lexicon import PLOVER_SECTORS
from eventwire.actors.model import is_country
from eventwire.document import Actor, Document
from eventwire.registry import stages
from eventwire.stage import Resource, Resources, Stage


def _build_kb(resources: Resources) -> KnowledgeBase:
    """The package KB and/or the ``[actors]`` dictionaries and agents files."""
    settings = resources.config.actors
    return build_kb(settings.dictionaries, settings.agents, settings.builtin)


ACTOR_KB: Resource[KnowledgeBase] = Resource("actors.kb", _build_kb)
ACTOR_RESOLVER: Resource[ActorResolver] = Resource("actors.resolver", lambda r: ActorResolver(r.get(ACTOR_KB)))


@stages.register("actors")
class ActorsStage(Stage):
    name = "actors"
    requires = ("article", "spacy")
    assigns = ("actors",)

    @property
    def resolver(self) -> ActorResolver:
        return self.resources.get(ACTOR_RESOLVER)

    def __call__(self, doc: Document) -> None:
        if doc.spacy is None:
            return
        found = self.resolver.resolve(doc.spacy, doc.article.published, doc.article.title_end)
        actors: list[Actor] = []
        for a in found:
            if not a.spans:
                continue
            actor_id = f"a{len(actors) + 1}"
            # never "GOV", "IGO" or a region ("WST") as a country: they stay in the code
            country = a.country if is_country(a.country) else None
            sector = PLOVER_SECTORS.get(a.sector, a.sector) if a.sector else None
            actors.append(Actor(
                id=actor_id, name=a.name, country=country, sector=sector, code=a.code, kb_id=a.kb_id,
                role=a.role, former=a.former, mentions=[doc.span(s, e) for s, e in a.spans],
            ))
        doc.actors = actors
