"""Spark benchmark (issue 9): local[1] against local[2], and Spark's overhead against one machine.

`python bench/bench_spark.py [--limit 80]` on ../shared/data/ngec/guardian_sample.jsonl. All three runs
happen in this one invocation (the machine is noisy, so only the ratios mean much). Spark's time includes
its JVM start and each worker's pipeline start-up, as a user would see it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from eventwire import Pipeline, load_config
from eventwire.readers import read_paths

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ngec" / "guardian_sample.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=80)
    args = ap.parse_args()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from eventwire.spark.job import SparkOptions, run

    tmp = Path(tempfile.mkdtemp(prefix="ew-spark-bench-"))
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("\n".join(args.corpus.read_text(encoding="utf-8").splitlines()[: args.limit]) + "\n", "utf-8")

    t = time.perf_counter()
    pipeline = Pipeline(load_config())
    n_events = sum(len(r.events) for r in pipeline.pipe(read_paths([str(corpus)])) if hasattr(r, "events"))
    single = time.perf_counter() - t

    results = {"articles": args.limit, "single_machine_s": single, "single_machine_events": n_events}
    for cores in (1, 2):
        t = time.perf_counter()
        counts = run([str(corpus)], str(tmp / f"out{cores}"), load_config(),
                     SparkOptions(master=f"local[{cores}]", partitions=cores * 2))
        results[f"local_{cores}_s"] = time.perf_counter() - t
        results[f"local_{cores}_event_mentions"] = counts["event_mentions"]
    results["speedup_local2_vs_local1"] = results["local_1_s"] / results["local_2_s"]
    results["overhead_local1_vs_single"] = results["local_1_s"] / single
    for key, value in results.items():
        print(f"{key:32s} {value:.2f}" if isinstance(value, float) else f"{key:32s} {value}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
