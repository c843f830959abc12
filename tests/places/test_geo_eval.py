"""The geo evaluator on a slice of LGL: reads the gold format and scores above a floor."""

from __future__ import annotations

from pathlib import Path

from eventwire.eval.geo import evaluate_geo, read_gold


def test_read_gold_offsets_match_phrases(shared_data: Path) -> None:
    arts = read_gold(shared_data / "geoparsing" / "TR-News.xml")
    tops = [(a.text, t) for a in arts for t in a.toponyms]
    assert len(tops) > 1000
    assert all(text[t.start : t.end] == t.phrase for text, t in tops)


def test_lgl_slice_resolution_given_gold_spans(shared_data: Path) -> None:
    m = evaluate_geo(shared_data / "geoparsing" / "lgl.xml", {"limit": 60, "mode": "gold"})
    assert m["articles"] == 60 and m["gold_spans_toponyms"] > 300
    assert m["gold_spans_acc161"] > 0.65
    assert m["gold_spans_exact"] > 0.55


def test_end_to_end_slice(shared_data: Path) -> None:
    m = evaluate_geo(shared_data / "geoparsing" / "TR-News.xml", {"limit": 8, "mode": "e2e"})
    assert m["e2e_precision"] > 0.7 and m["e2e_recall"] > 0.4
    assert m["e2e_matched_acc161"] > 0.6
