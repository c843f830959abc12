"""The quotes stage: direct and indirect quotes, each with its cue, speaker mention and coded speaker.

The extraction itself is the pure function ``eventwire.quotes.extract.extract_quotes``; this stage turns its
character spans into ``Quote`` objects and resolves the speaker mention to an actor of the document:
the actor whose mention overlaps the speaker's words, or, for "he" and "the minister", the actor the
actors stage linked by coreference, falling back to the most recent compatible actor or speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.actors.stage import ACTOR_KB
from eventwire.document import Actor, Document, Quote
from eventwire.quotes.extract import Extracted, extract_quotes
from eventwire.quotes.lexicon import GROUP_SPEAKER_PRONOUNS, ONE_PERSON_SPEAKER_PRONOUNS, REFERRING_DETERMINERS
from eventwire.registry import stages
from eventwire.stage import Stage

CharSpan = tuple[int, int]


def _overlap(a: CharSpan, b: CharSpan) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


KindOf = Callable[[str], "str | None"]


def _person_actors(doc: Document, kind_of: KindOf | None = None) -> set[str]:
    """Actors that are people: by their knowledge-base kind when there is one, otherwise when a spaCy
    PERSON entity ends where one of their mentions ends ("Foreign Minister Sergei Lavrov", not
    "Syrian President Assad's regime")."""
    people: set[str] = set()
    ends = {e.end_char for e in doc.spacy.ents if e.label_ == "PERSON"} if doc.spacy is not None else set()
    for actor in doc.actors:
        kind = kind_of(actor.kb_id) if (kind_of is not None and actor.kb_id) else None
        if kind is not None:
            if kind == "person":
                people.add(actor.id)
        elif any(m.end in ends for m in actor.mentions):
            people.add(actor.id)
    return people


class _Resolver:
    """Speaker mention -> actor, with the document's actors and the speakers seen so far."""

    def __init__(self, doc: Document, kind_of: KindOf | None = None) -> None:
        self.doc = doc
        self.people = _person_actors(doc, kind_of)
        self.mentions: list[tuple[CharSpan, Actor]] = sorted(
            (((m.start, m.end), a) for a in doc.actors for m in a.mentions), key=lambda item: item[0]
        )
        self.speakers: list[tuple[int, Actor]] = []  # (position, actor) of resolved speakers

    def _head_words(self, q: Extracted) -> tuple[str, str, str]:
        """(head lower, head POS, first word lower) of the speaker mention."""
        assert q.speaker is not None
        sdoc = self.doc.spacy
        text = self.doc.article.text
        head_span = q.speaker_head or q.speaker
        head = sdoc.char_span(head_span[0], head_span[1], alignment_mode="expand") if sdoc is not None else None
        pos = head[-1].pos_ if head is not None and len(head) else ""
        words = text[q.speaker[0] : q.speaker[1]].split()
        return text[head_span[0] : head_span[1]].lower(), pos, (words[0].lower() if words else "")

    def resolve(self, q: Extracted) -> Actor | None:
        speaker = q.speaker
        if speaker is None:
            return None
        head_span = q.speaker_head or speaker
        # the actor must be named by the head word: "Some Western analysts" are not the West
        direct = [(span, a) for span, a in self.mentions if _overlap(span, head_span) > 0]
        if direct:
            # the actor named by the head word wins ("Russian Foreign Minister Sergey Lavrov" -> Lavrov,
            # not Russia); then the widest overlap; then people before organisations
            best = max(
                direct,
                key=lambda item: (
                    _overlap(item[0], head_span) > 0,
                    _overlap(item[0], speaker),
                    item[1].id in self.people,
                ),
            )
            return best[1]
        head, pos, first = self._head_words(q)
        if head in ONE_PERSON_SPEAKER_PRONOUNS or (
            pos == "NOUN" and first in REFERRING_DETERMINERS and not head.endswith("s")
        ):
            return self._antecedent(speaker[0], person=True)
        if head in GROUP_SPEAKER_PRONOUNS:
            return self._antecedent(speaker[0], person=False)
        return None

    def _is_subject(self, span: CharSpan) -> bool:
        sdoc = self.doc.spacy
        words = sdoc.char_span(span[0], span[1], alignment_mode="expand") if sdoc is not None else None
        return words is not None and len(words) > 0 and words.root.dep_ in ("nsubj", "nsubjpass")

    def _antecedent(self, position: int, person: bool) -> Actor | None:
        """The compatible actor a pronoun or title refers back to: the most recent one named as a subject
        in this or the previous sentence ("The US government knows ..., but it insists ..."), else the
        most recent one mentioned, else the last speaker."""
        earlier = [(span, a) for span, a in self.mentions if span[1] <= position and (a.id in self.people) == person]
        sdoc = self.doc.spacy
        window_start = 0
        if sdoc is not None and len(sdoc):
            here = sdoc.char_span(position, position + 1, alignment_mode="expand")
            if here is not None and len(here):
                sent = here[0].sent
                window_start = sdoc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        for span, actor in reversed(earlier):
            if span[0] >= window_start and self._is_subject(span):
                return actor
        for _span, actor in reversed(earlier):
            return actor
        for _, actor in reversed(self.speakers):
            if (actor.id in self.people) == person:
                return actor
        return None

    def seen(self, position: int, actor: Actor) -> None:
        self.speakers.append((position, actor))


def build_quotes(doc: Document, found: list[Extracted], kind_of: KindOf | None = None) -> list[Quote]:
    """Quote objects for the document from extracted spans, speakers resolved to actors.

    ``kind_of`` maps an actor's kb_id to its kind ("person", "country", ...), when a KB is at hand.
    """
    resolver = _Resolver(doc, kind_of)
    text = doc.article.text
    quotes: list[Quote] = []
    for index, q in enumerate(sorted(found, key=lambda q: (q.start, q.end)), start=1):
        actor = resolver.resolve(q)
        mention = doc.span(*q.speaker) if q.speaker else None
        if actor is not None:
            resolver.seen(q.start, actor)
            name: str | None = actor.name
        elif mention is not None and mention.text.lower() not in ONE_PERSON_SPEAKER_PRONOUNS | GROUP_SPEAKER_PRONOUNS:
            name = mention.text
        else:
            name = None
        quotes.append(
            Quote(
                id=f"q{index}",
                speaker=actor.id if actor else None,
                speaker_name=name,
                speaker_mention=mention,
                cue=doc.span(*q.cue) if q.cue else None,
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                kind=q.kind,
            )
        )
    return quotes


@stages.register("quotes")
class QuotesStage(Stage):
    name = "quotes"
    requires = ("article", "spacy", "actors")
    assigns = ("quotes",)

    def __call__(self, doc: Document) -> None:
        found = extract_quotes(doc.article.text, doc.spacy, indirect=self.config.quotes.indirect)
        doc.quotes = build_quotes(doc, found, self._kind_of())

    def _kind_of(self) -> KindOf | None:
        """Actor kinds from the actor knowledge base the actors stage already loaded (shared resource)."""
        if ACTOR_KB not in self.resources:
            return None
        kb = self.resources.get(ACTOR_KB)

        def kind_of(kb_id: str) -> str | None:
            entry = kb.by_id(kb_id)
            return getattr(entry, "kind", None) if entry is not None else None

        return kind_of
