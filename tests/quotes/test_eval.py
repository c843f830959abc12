"""The PolNeAR evaluator: brat parsing, span scoring, and a floor on a small slice of the dev split."""

from __future__ import annotations

from pathlib import Path

from eventwire.eval.quotes import Attribution, _Tally, evaluate_quotes, is_direct, parse_ann, score

ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 20;25 30\tsomething else
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 40 50\tno source
T6\tCue 51 55\twrote
T7\tAttribution 51 55\twrote
E2\tAttribution-no-source:T7 Content:T5 Cue:T6
"""


def test_parse_ann_reads_discontinuous_spans_and_missing_sources() -> None:
    first, second = parse_ann(ANN)
    assert first.content == [(11, 20), (25, 30)]
    assert first.source == [(0, 5)] and first.cue == [(6, 10)]
    assert second.source == [] and second.cue == [(51, 55)]


def test_direct_means_inside_quote_marks() -> None:
    text = "\u201cWe will win,\u201d he said that we will win."
    assert is_direct(text, [(0, 14)])
    assert not is_direct(text, [(24, 40)])


def test_scoring_ignores_marks_and_end_punctuation_for_exact_matches() -> None:
    text = "\u201cWe will win,\u201d Smith said. Jones said that taxes will rise."
    gold = [
        Attribution(content=[(0, 14)], source=[(15, 20)]),
        Attribution(content=[(38, 60)], source=[(28, 33)]),
    ]
    pred = [Attribution(content=[(1, 12)], source=[(15, 20)]), Attribution(content=[(43, 60)], source=[(0, 3)])]
    tally = _Tally()
    score(text, gold, pred, tally)
    metrics = tally.metrics()
    assert metrics["exact_f1"] == 0.5  # the first matches exactly, the second only overlaps
    assert metrics["overlap_f1"] == 1.0
    assert metrics["speaker_accuracy"] == 0.5


def test_dev_slice_floor(shared_data: Path) -> None:
    metrics = evaluate_quotes(shared_data / "quotes", {"limit": 4})
    assert metrics["documents"] == 4
    assert metrics["direct_overlap_f1"] >= 0.6
    assert metrics["direct_speaker_accuracy"] >= 0.7
    assert metrics["all_overlap_f1"] >= 0.4


def test_speaker_errors_lists_only_the_wrong_speakers() -> None:
    from eventwire.eval.quotes import speaker_errors

    text = "\u201cWe will win,\u201d Smith said. \u201cNo,\u201d Jones said."
    gold = [
        Attribution(content=[(0, 14)], source=[(15, 20)]),
        Attribution(content=[(27, 32)], source=[(33, 38)]),
    ]
    pred = [
        Attribution(content=[(1, 12)], source=[(15, 20)]),
        Attribution(content=[(28, 30)], cue=[(21, 25)], source=[(15, 20)]),
    ]
    [error] = speaker_errors("doc", text, list(zip(gold, pred, strict=True)))
    assert error["gold_source"] == "Jones" and error["predicted_source"] == "Smith"
    assert error["predicted_cue"] == "said" and error["start"] == 27
