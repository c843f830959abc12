"""The shipped ontology: PLOVER types and scores, CAMEO codes with Goldstein, quad class and PLOVER mapping."""

from __future__ import annotations

from pathlib import Path

from eventwire.ontology import PLOVER_TYPES, build_ontology, load_ontology, quad_class


def test_plover_types_modes_contexts() -> None:
    onto = load_ontology()
    assert set(onto.types) == set(PLOVER_TYPES) and len(onto.types) == 16
    assert onto.plover_score("ASSAULT", "aerial") == -9.5
    assert onto.plover_score("CONSULT", "visit") == 4
    assert onto.plover_score("AID") == 10
    assert {"military", "economic", "diplomatic", "terrorism"} <= set(onto.contexts)
    assert onto.aux_modes == ("negation", "hypothetical", "future", "historical")


def test_cameo_codes_map_to_plover_with_goldstein_and_quad() -> None:
    onto = load_ontology()
    strike = onto.cameo("195")
    assert strike and strike.plover_type == "ASSAULT" and strike.goldstein == -10.0 and strike.quad_class == 4
    visit = onto.cameo("042")
    assert visit and visit.plover_type == "CONSULT" and visit.plover_mode == "visit" and visit.quad_class == 1
    reject = onto.cameo("1212")  # four-digit code inherits Goldstein from its parent
    assert reject and reject.plover_type == "REJECT" and reject.goldstein == onto.cameo("121").goldstein  # type: ignore[union-attr]
    assert onto.cameo("020").plover_type == "REQUEST"  # type: ignore[union-attr]
    assert onto.cameo("010").plover_type is None  # type: ignore[union-attr]  # statements: no PLOVER type
    assert onto.cameo("xyz") is None
    assert [quad_class(c) for c in ("040", "061", "112", "190")] == [1, 2, 3, 4]


def test_every_plover_type_is_reachable_from_cameo() -> None:
    onto = load_ontology()
    reached = {onto.cameo(c).plover_type for c in onto.codes()}  # type: ignore[union-attr]
    assert set(PLOVER_TYPES) <= reached


def test_build_matches_shipped_data(shared_data: Path) -> None:
    built = build_ontology(shared_data / "plover")
    assert built["cameo"] == load_ontology().data["cameo"]
    assert "CC BY-SA" in built["notice"]
