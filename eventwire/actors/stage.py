"""The actors stage: every actor mention found and resolved to one coded actor (see eventwire.actors.kb).

The KB (package data plus the ``[actors]`` dictionaries) and its resolver are built once per pipeline
through ``resources`` and shared. Roles are resolved on the article's publication date (today if unknown).
Token-level mentions are left in ``doc.scratch["actor_tokens"]`` ({actor id: [(start, end) tokens]}) for
later stages that work on the parse.
"""

from __future__ import annotations

from eventwire.document import Actor, Document
from eventwire.actors.kb import ActorResolver, kb_from_config
from eventwire.registry import stages
from eventwire.stage import Stage


@stages.register("actors")
class ActorsStage(Stage):
    name = "actors"
    requires = ("article", "spacy")
    assigns = ("actors",)

    @property
    def resolver(self) -> ActorResolver:
        return self.resources.get("actor_resolver", lambda: ActorResolver(
            self.resources.get("actor_kb", lambda: kb_from_config(self.config))))

    def __call__(self, doc: Document) -> None:
        if doc.spacy is None:
            return
        found = self.resolver.resolve(doc.spacy, doc.article.published)
        actors: list[Actor] = []
        tokens: dict[str, list[tuple[int, int]]] = {}
        for a in found:
            if not a.spans:
                continue
            actor_id = f"a{len(actors) + 1}"
            actors.append(Actor(
                id=actor_id, name=a.name, country=a.country, sector=a.sector, code=a.code, kb_id=a.kb_id,
                role=a.role, former=a.former, mentions=[doc.span(s, e) for s, e in a.spans],
            ))
            spans = (doc.spacy.char_span(s, e, alignment_mode="expand") for s, e in a.spans)
            tokens[actor_id] = [(sp.start, sp.end) for sp in spans if sp is not None]
        doc.actors = actors
        doc.scratch["actor_tokens"] = tokens
