"""tools/actor_audit.py: the checks that find a code contradicting the text."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from eventwire.actors.kb import package_kb
from eventwire.document import Actor, Document, Span

# tools/ is not a package on the test path: load the script as a module
_SPEC = importlib.util.spec_from_file_location("actor_audit", Path(__file__).parents[2] / "tools" / "actor_audit.py")
assert _SPEC is not None and _SPEC.loader is not None
_AUDIT = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_AUDIT)
audit_actor, country_words = _AUDIT.audit_actor, _AUDIT.country_words


def test_country_words_reads_names_and_demonyms() -> None:
    kb = package_kb()
    assert country_words(kb, ["mexico", "s", "senate"]) == {"MEX"}
    assert country_words(kb, ["turkish", "police"]) == {"TUR"}
    assert country_words(kb, ["the", "senate"]) == set()


def test_a_code_of_another_country_than_the_words_is_a_contradiction(nlp: Any) -> None:
    text = "Mexico's Senate approved the deal."
    doc = Document(id="t", article={"text": text})  # type: ignore[arg-type]
    doc.spacy = nlp(text)
    wrong = Actor(id="a1", name="United States Congress", country="USA", sector="LEG", code="USALEG",
                  kb_id="x:congress", mentions=[Span(text="Senate", start=9, end=15)])
    found = list(audit_actor(package_kb(), doc, wrong))
    assert [f["check"] for f in found] == ["mention_country"] and found[0]["text_says"] == ["MEX"]
    right = wrong.model_copy(update={"country": "MEX", "code": "MEXLEG", "kb_id": None})
    assert list(audit_actor(package_kb(), doc, right)) == []
    role = wrong.model_copy(update={"country": "GOV", "code": "GOV", "kb_id": None})
    assert "country_not_iso" in [f["check"] for f in audit_actor(package_kb(), doc, role)]


def test_a_region_in_the_country_field_is_a_contradiction_and_a_region_code_is_listed(nlp: Any) -> None:
    text = "Western leaders condemned the attack."
    doc = Document(id="t", article={"text": text})  # type: ignore[arg-type]
    doc.spacy = nlp(text)
    actor = Actor(id="a1", name="Government of WST", country=None, sector="GOV", code="WSTGOV",
                  mentions=[Span(text="Western leaders", start=0, end=15)])
    assert [f["check"] for f in audit_actor(package_kb(), doc, actor)] == ["code_region"]
    old = actor.model_copy(update={"country": "WST"})
    assert "country_not_iso" in [f["check"] for f in audit_actor(package_kb(), doc, old)]
