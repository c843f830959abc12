"""CPU time of the full pipeline now against an earlier commit, measured in the same run.

    python bench/cpu_vs_commit.py BASE_COMMIT [--limit 120] [--rounds 2] [--corpus FILE]

Why: a goal such as "the full pipeline stays within 1.3x the CPU time of commit X" needs both measured on
the same machine at the same time (this machine is shared and noisy). The base commit is checked out into
a temporary git worktree; each round runs the same articles through `Pipeline.pipe` once with the base
code and once with the current code (alternating, so drift hits both), each in a fresh process, and
counts the CPU seconds of the child's pipeline. Model loading is outside the timed part: a first pass over
five articles warms everything up. Prints one JSON line with per-round figures and the ratio of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ngec" / "guardian_sample.jsonl"

# Run inside the child: read the corpus, warm up, then time the pipeline over the articles (CPU seconds).
CHILD = r"""
import json, sys, time
from eventwire import Pipeline, RawRecord, load_config
corpus, limit = sys.argv[1], int(sys.argv[2])
recs = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()][:limit]
records = [RawRecord(text=r["text"], id=str(r.get("id")), published=r.get("published")) for r in recs]
pipeline = Pipeline(load_config(overrides={"pipeline.n_process": 1}))
list(pipeline.pipe(records[:5]))
start = time.process_time()
n = sum(1 for _ in pipeline.pipe(records))
print(json.dumps({"articles": n, "cpu_s": round(time.process_time() - start, 3)}))
"""


def run_child(tree: Path, corpus: Path, limit: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(limit)], capture_output=True, text=True,
                          env=env, cwd=tree, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"pipeline run in {tree} failed:\n{proc.stderr[-2000:]}")
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["cpu_s"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", help="the commit to compare against (e.g. the commit before a change)")
    ap.add_argument("--limit", type=int, default=120, help="articles of the corpus to run")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    a = ap.parse_args()
    if not a.corpus.is_file():
        raise SystemExit(f"corpus not found: {a.corpus} (the Guardian sample lives in ../shared/data/ngec)")
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base_tree), a.base], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            base, head = [], []
            for _ in range(a.rounds):
                base.append(run_child(base_tree, a.corpus, a.limit))
                head.append(run_child(ROOT, a.corpus, a.limit))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False,
                           capture_output=True)
    ratio = statistics.median(head) / statistics.median(base)
    print(json.dumps({"base": a.base, "articles": a.limit, "base_cpu_s": base, "head_cpu_s": head,
                      "ratio_head_over_base": round(ratio, 3)}))


if __name__ == "__main__":
    main()
