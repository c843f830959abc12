"""The quotes stage: Quote objects with offsets into the text and speakers resolved to actors."""

from __future__ import annotations

from typing import Any

from eventwire.document import Actor, Document, Span
from eventwire.quotes.extract import extract_quotes
from eventwire.quotes.stage import build_quotes


def _doc(nlp: Any, text: str, actors: dict[str, tuple[str, list[str]]]) -> Document:
    """A parsed document whose actors are the given names, with every mention of their words."""
    doc = Document(id="t")
    doc.article.text = text
    doc.spacy = nlp(text)
    for actor_id, (name, surface_forms) in actors.items():
        mentions = []
        for form in surface_forms:
            start = text.find(form)
            while start >= 0:
                mentions.append(Span(text=form, start=start, end=start + len(form)))
                start = text.find(form, start + 1)
        doc.actors.append(Actor(id=actor_id, name=name, mentions=sorted(mentions, key=lambda m: m.start)))
    return doc


def _check_offsets(doc: Document) -> None:
    text = doc.article.text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        for span in (q.cue, q.speaker_mention):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_sample_lavrov_quote(sample_doc: Document) -> None:
    """Both parts of the two-part quote in the sample: direct, "said", Lavrov by his full title."""
    _check_offsets(sample_doc)
    parts = [q for q in sample_doc.quotes if q.kind == "direct"]
    assert len(parts) == 2
    assert parts[0].text.startswith("Russia has been working hard")
    assert parts[1].text.startswith("We have also communicated")
    assert parts[1].text.endswith("good results.")
    lavrov = [a for a in sample_doc.actors if "Lavrov" in a.name]
    for part in parts:
        assert part.cue is not None and part.cue.text == "said"
        assert part.speaker_mention is not None
        assert part.speaker_mention.text == "Russian Foreign Minister Sergey Lavrov"
        assert lavrov and part.speaker == lavrov[0].id
        assert part.speaker_name == lavrov[0].name


def test_speaker_is_the_actor_named_by_the_head_word(nlp: Any) -> None:
    text = '"We are ready to talk," Russian Foreign Minister Sergey Lavrov said in Moscow.'
    doc = _doc(nlp, text, {"a1": ("Russia", ["Russian"]), "a2": ("Sergey Lavrov", ["Sergey Lavrov"])})
    doc.quotes = build_quotes(doc, extract_quotes(text, doc.spacy))
    _check_offsets(doc)
    [q] = doc.quotes
    assert q.speaker == "a2" and q.speaker_name == "Sergey Lavrov"


def test_pronoun_and_title_speakers_follow_the_last_person(nlp: Any) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan met Iraqi officials in Ankara on Tuesday. "
        '"We will not allow a terror corridor on our border," he said. '
        "The Turkish government has sent troops to the border. "
        '"Our patience has limits," the president told reporters.'
    )
    doc = _doc(
        nlp,
        text,
        {
            "a1": ("Recep Tayyip Erdogan", ["Recep Tayyip Erdogan"]),
            "a2": ("Turkey", ["Turkish government"]),
        },
    )
    doc.quotes = build_quotes(doc, extract_quotes(text, doc.spacy))
    _check_offsets(doc)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.speaker_mention.text for q in direct if q.speaker_mention] == ["he", "the president"]
    assert [q.speaker for q in direct] == ["a1", "a1"]


def test_unresolved_speaker_keeps_its_words(nlp: Any) -> None:
    text = '"The shelling did not stop all night," a local doctor said.'
    doc = _doc(nlp, text, {})
    doc.quotes = build_quotes(doc, extract_quotes(text, doc.spacy))
    [q] = doc.quotes
    assert q.speaker is None
    assert q.speaker_name == "a local doctor"
    assert [x.id for x in doc.quotes] == ["q1"]
