"""Fixtures for the actors tests: a short pipeline (clean -> nlp -> actors) sharing the session's model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire import Pipeline, load_config
from eventwire.document import Document
from eventwire.text.nlp import NLP


@pytest.fixture(scope="session")
def actors_pipeline(nlp: Any) -> Pipeline:
    """Only the stages the actors stage needs, so these tests do not wait for events, quotes, places."""
    p = Pipeline(load_config(), stages=["clean", "nlp", "actors"])
    p.resources.provide(NLP, nlp)
    return p


@pytest.fixture(scope="session")
def run(actors_pipeline: Pipeline) -> Callable[..., Document]:
    def _run(text: str, published: str | None = "2014-11-27", **meta: str) -> Document:
        return actors_pipeline.extract(text, published=published, **meta)

    return _run
