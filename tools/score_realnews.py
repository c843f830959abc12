"""Score the product on the real-news dev gold, on all of it or on a fixed split, with an error listing.

    python -m tools.score_realnews [--split all|tune|check] [--errors FILE] [--gold DIR]

Why beside `eventwire eval realnews`: error analysis reads the tune split only, and figures are reported
for both, so that a gain that only holds on the articles read is seen (eventwire/eval/realnews.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.eval.realnews import evaluate_realnews

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "realnews" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=("all", "tune", "check"))
    ap.add_argument("--errors", help="write misses and false positives as JSON Lines here")
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    a = ap.parse_args()
    print(json.dumps({"split": a.split, **evaluate_realnews(Path(a.gold), {"split": a.split, "errors": a.errors})}))


if __name__ == "__main__":
    main()
