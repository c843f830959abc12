"""The shipped ontology: PLOVER types and scores, CAMEO codes with Goldstein, quad class and PLOVER mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.ontology import PLOVER_TYPES, build_ontology, load_ontology, quad_class


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


def test_negation_map_from_the_suite_coding_ontology(shared_data: Path, tmp_path: Path) -> None:
    from eventwire.errors import EventwireError
    from eventwire.events.ontology import NegationMap

    pico = NegationMap.from_file(shared_data / "universalpetrarch" / "PETR_Validate_Internal_Coding_Ontology_1_01.txt")
    assert pico.negate("110") == "050"  # not disapprove: diplomatic cooperation
    assert pico.negate("170") == "057"
    assert pico.negate("060") == "121"  # not cooperate materially: reject material cooperation
    assert pico.negate("010") == "011"  # not say: decline comment
    assert pico.negate("190") is None and pico.negate("050") is None and pico.negate("999") is None
    bad = tmp_path / "bad.txt"
    bad.write_text("110:0x1007f\nnonsense line\n", encoding="utf-8")
    with pytest.raises(EventwireError, match="E402"):
        NegationMap.from_file(bad)


def test_the_manual_wins_over_the_draft_mapping() -> None:
    """CAMEO2PLOVER-2021 is a draft; where it contradicts the PLOVER manual, the manual's reading is shipped."""
    onto = load_ontology()
    resign = onto.cameo("0831")
    assert resign and resign.plover_type == "RETREAT" and resign.plover_mode == "resign"
    sanctions = onto.cameo("163")
    assert sanctions and sanctions.plover_type == "SANCTION" and sanctions.plover_mode == "discontinue"
    assert onto.cameo("116").plover_type == "SANCTION"  # type: ignore[union-attr]  # found guilty: convict
    assert onto.cameo("195").plover_mode == "aerial"  # type: ignore[union-attr]
    # every mode shipped is one the manual defines for the code's type
    for code in onto.codes():
        info = onto.cameo(code)
        assert info is not None
        if info.plover_mode is not None:
            assert info.plover_type and info.plover_mode in onto.types[info.plover_type]["modes"], code
    assert "vandalize" in onto.types["PROTEST"]["modes"]  # from the modes table, not in the scores table
