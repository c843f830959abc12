"""The TimeML evaluator on a slice of TimeBank: the reader's offsets and a floor on the scores."""

from __future__ import annotations

from pathlib import Path

from eventwire.eval.timeml import evaluate_timeml, load_corpus


def test_reader_offsets_match_the_annotated_text(shared_data: Path) -> None:
    docs = load_corpus(shared_data / "temporal" / "tbaq-cleaned", limit=20)
    assert len(docs) == 20
    for doc in docs:
        assert doc.dct is not None
        for g in doc.timexes:
            assert doc.text[g.start : g.end] == g.text
            assert g.value


def test_scores_on_a_slice(shared_data: Path) -> None:
    metrics = evaluate_timeml(shared_data / "temporal" / "tbaq-cleaned" / "AQUAINT", {"limit": 25})
    assert metrics["documents"] == 25
    assert metrics["gold"] > 100
    # floors well under the full-corpus figures (docs/evaluation.md), to catch regressions, not noise
    assert metrics["relaxed_f1"] >= 0.85
    assert metrics["value_f1"] >= 0.65
