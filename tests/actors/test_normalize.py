"""Name variants: transliteration-tolerant, but never merging different given names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.actors.normalize import name_key, same_person, same_token
from eventwire.eval.names import evaluate_names


@pytest.mark.parametrize("a,b", [
    ("Sergei Lavrov", "Sergey Lavrov"), ("Mualem", "Walid al-Moualem"), ("Muammar Gaddafi", "Moammar Qaddafi"),
    ("Moaz Alkhatib", "Moaz al-Khatib"), ("Mr. Assad", "Bashar al-Assad"), ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Mohammed Morsi", "Mohamed Mursi"),
])
def test_variants_are_the_same_person(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize("a,b", [
    ("Hafez al-Assad", "Bashar al-Assad"), ("Vladimir Putin", "Vladimir Poroshenko"), ("Ali Khamenei", "Ali Larijani"),
    ("Mikhail Bogdanov", "Mikhail Gorbachev"),
])
def test_different_people_are_not_merged(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_keys_drop_particles_and_articles() -> None:
    assert name_key("al-Assad") == name_key("Assad") == "assad"
    assert name_key("the United Nations") == "united nations"
    assert same_token("Qassem", "Kacem") and not same_token("Zakaria", "Zimmerman")


def test_names_eval_slice_beats_the_single_rule_baseline(shared_data: Path, tmp_path: Path) -> None:
    data = json.loads((shared_data / "names" / "variant_pairs_derived.json").read_text(encoding="utf-8"))
    small = {lang: {"pos": block["pos"][::20], "neg": block["neg"][::20]} for lang, block in data.items()}
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps(small), encoding="utf-8")
    metrics = evaluate_names(path, {})
    assert metrics["overall_f1"] >= 0.85
    for lang in small:
        assert metrics[f"{lang}_f1"] > metrics[f"{lang}_baseline_f1"]
