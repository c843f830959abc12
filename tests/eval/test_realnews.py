"""`eval realnews` must score exactly as ../shared/eval/score_events.py does (its protocol, copied in-package)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.eval.realnews import evaluate_actors, evaluate_realnews, load_gold, split_packets


@pytest.fixture(scope="module")
def three_packets(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article from each outlet family: a Guardian story, a TR-News story, an LGL story."""
    folder = tmp_path_factory.mktemp("realnews")
    dev = shared_data / "realnews" / "dev"
    for prefix in ("guardian-", "trnews-", "lgl-"):
        shutil.copy(sorted(dev.glob(f"{prefix}*.json"))[0], folder)
    return folder


def test_same_figures_as_the_shared_scorer(three_packets: Path, shared_data: Path) -> None:
    script = shared_data.parent / "eval" / "score_events.py"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, str(script), str(three_packets), "--json"], cwd=root,
                          capture_output=True, text=True, check=True)
    theirs = json.loads(proc.stdout.strip().splitlines()[-1])
    ours = evaluate_realnews(three_packets, {})
    assert ours == theirs
    assert ours["gold_facts"] > 0 and ours["predicted_facts"] > 0


def test_splits_are_fixed_and_disjoint(shared_data: Path) -> None:
    gold = load_gold(shared_data / "realnews" / "dev")
    tune, check = split_packets(gold, "tune"), split_packets(gold, "check")
    ids_tune, ids_check = {g["id"] for g in tune}, {g["id"] for g in check}
    assert not ids_tune & ids_check
    assert ids_tune | ids_check == {g["id"] for g in gold}
    assert len(check) == len(gold) // 3


def test_actor_figures_cover_the_type_matched_facts(three_packets: Path) -> None:
    sides = evaluate_actors(three_packets, {})
    assert sides["type_matched_facts"] > 0
    for side in ("source", "target"):
        parts = sides[f"{side}_accuracy"] + sides[f"{side}_missing"] + sides[f"{side}_wrong"]
        assert abs(parts - 1.0) < 0.01
