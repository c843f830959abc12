"""The benchmark harness runs end to end on tiny inputs and reports the figures the goals are judged on.

No timing assertions (the machine is shared and noisy): only that each mode runs in its own process and
returns the keys `eventwire bench` reads, with positive numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.actors.stage import ACTOR_KB
from eventwire.bench import load_sentences, summarise
from eventwire.places.stage import GAZETTEER
from eventwire.text.stage import NLP


def _run(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "eventwire.bench", *args], capture_output=True, text=True,
                          check=False, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_coding_mode_codes_parsed_sentences(shared_data: Path) -> None:
    parsed = shared_data / "petrarch2" / "GigaWord.sample.PETR.xml"
    sentences = load_sentences(parsed, limit=6)
    assert len(sentences) == 6 and all(text for text, _ in sentences)
    out = _run("coding", str(parsed), "--limit", "6", "--repeat", "2")
    assert out["unique_sentences"] == 6 and out["sentences"] == 12
    assert out["seconds"] > 0 and out["sentences_per_s"] > 0 and out["cpu_seconds"] > 0
    assert out["events_per_pass"] >= 1  # GigaWord sentences are news events: some must be coded


def test_startup_mode_times_every_phase() -> None:
    out = _run("startup", "--spawned-at", repr(time.time()))
    for key in ("interpreter_and_import", "model", "first_article", "total", "total_cpu"):
        assert out[key] > 0, key
    assert out["total"] >= out["model"] + out["first_article"]
    assert {"nlp", "actors", "events"} <= set(out["first_article_by_stage"])
    assert {NLP.name, GAZETTEER.name, ACTOR_KB.name} <= set(out["resources"])


def test_summary_computes_the_goal_ratios() -> None:
    """The ratios `eventwire bench` prints, from per-mode results of known size."""
    bare = {"articles": 10, "tokens": 5000, "seconds": 2.0, "cpu_seconds": 2.0, "peak_mb": 400.0}
    full1 = {"articles": 10, "seconds": 2.5, "cpu_seconds": 2.5, "peak_mb": 500.0,
             "stage_cpu_seconds": {"nlp": 2.0, "events": 0.5}}
    res = {"bare_1": bare, "bare_2": {**bare, "seconds": 1.5}, "full_1": full1, "full_2": {**full1, "seconds": 1.25},
           "startup": {"total": 1.5, "total_cpu": 1.2}, "coding": {"sentences_per_s": 3920.0}}
    s = summarise(res)
    assert s["full_vs_bare_1"] == 0.8 and s["full_2_vs_full_1"] == 2.0 and s["peak_ratio"] == 1.25
    assert s["coding_vs_petrarch2"] == 2.0 and s["stage_share"] == {"nlp": 0.8, "events": 0.2}
