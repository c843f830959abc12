"""Pipeline benchmark (issue 10): `python bench/bench_pipeline.py [--limit N]` or `eventwire bench`.

Prints throughput against bare spaCy (1 and 2 processes), start-up, peak memory and the coding stage's
sentences/s, all measured in the same run. See docs/performance.md.
"""

from __future__ import annotations

import sys

from eventwire.bench import main

if __name__ == "__main__":
    main(["all", *sys.argv[1:]])
