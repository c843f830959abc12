"""Fixtures for the places tests: a clean -> nlp -> places pipeline, built once per session."""

from __future__ import annotations

import pytest

from eventwire import Pipeline, load_config
from eventwire.places.gazetteer import Gazetteer, default_gazetteer
from eventwire.places.resolve import PlaceResolver


@pytest.fixture(scope="session")
def places_pipeline() -> Pipeline:
    return Pipeline(load_config(), stages=["clean", "nlp", "places"])


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)
