"""Shared fixtures: the spaCy model and a default pipeline are loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire import Pipeline, load_config

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_PATH = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"
SAMPLE_PUBLISHED = "2014-11-27"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, beside the checkout (as CI lays it out)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.fail(f"reference data missing: {path} (CI lays ../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(load_config())


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline) -> Any:
    from eventwire.text.stage import NLP

    return pipeline.resources.get(NLP)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(pipeline: Pipeline, sample_text: str):  # type: ignore[no-untyped-def]
    """The sample article through the full default pipeline (computed once)."""
    return pipeline.extract(sample_text, published=SAMPLE_PUBLISHED, id="vov-sample")
