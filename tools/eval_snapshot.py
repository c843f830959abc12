"""Run every `eventwire eval` suite (and the real-news scorer) and save or compare their figures.

    python -m tools.eval_snapshot run OUT.json [SUITE ...]     # all suites, or the named ones
    python -m tools.eval_snapshot diff BEFORE.json AFTER.json  # figures that differ (timings ignored)

Why: a refactoring must leave every accuracy figure identical; this records them before and checks after.
Needs ../shared beside the checkout (development data, never shipped).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SUITES: dict[str, list[str]] = {
    "petr202": ["petr", str(DATA / "universalpetrarch/PETR_Validate_records_2_02.xml")],
    "petrunit": ["petr", str(DATA / "petrarch2/PETR.UnitTest.records.xml")],
    "quad": ["quad", str(DATA / "conflibert/cameo_class__train.tsv")],
    "actorspans": ["actor-spans", str(DATA / "conflibert/cameo_ner__train.txt")],
    "names": ["names", str(DATA / "names/variant_pairs_derived.json")],
    "timeml": ["timeml", str(DATA / "temporal/tbaq-cleaned")],
    "timemlp": ["timeml-parsed", str(DATA / "temporal/tbaq-cleaned")],
    "geo_lgl": ["geo", str(DATA / "geoparsing/lgl.xml")],
    "geo_tr": ["geo", str(DATA / "geoparsing/TR-News.xml")],
    "geo_gv": ["geo", str(DATA / "geoparsing/GeoVirus.xml")],
    "quotes": ["quotes", str(DATA / "quotes")],
    "lang_guardian": ["language", str(DATA / "ngec/guardian_sample.jsonl")],
    "lang_html": ["language", str(DATA / "html/ground-truth.json")],
    "html": ["html", str(DATA / "html")],
}
# Throughput figures change from run to run; they are not accuracy.
TIMING = ("per_s", "per_second", "seconds", "ms_per", "_time")


def _cli() -> str:
    exe = Path(sys.executable).parent / "eventwire"
    return str(exe) if exe.exists() else "eventwire"


def run_suite(name: str) -> dict[str, object]:
    if name == "realnews":
        cmd = [sys.executable, str(SHARED / "eval/score_events.py"), str(DATA / "realnews/dev"), "--json"]
    else:
        cmd = [_cli(), "eval", *SUITES[name], "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-300:]}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _flat(value: object, prefix: str = "") -> dict[str, object]:
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for k, v in value.items():
            out.update(_flat(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix: value}


def diff(before: dict[str, object], after: dict[str, object]) -> list[str]:
    lines = []
    for suite in sorted(set(before) & set(after)):
        a, b = _flat(before[suite]), _flat(after[suite])
        for key in sorted(set(a) | set(b)):
            if any(t in key for t in TIMING):
                continue
            if a.get(key) != b.get(key):
                lines.append(f"{suite}.{key}: {a.get(key)!r} -> {b.get(key)!r}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "run":
        names = argv[2:] or [*SUITES, "realnews"]
        out = Path(argv[1])
        snap = json.loads(out.read_text()) if out.exists() else {}
        for name in names:
            snap[name] = run_suite(name)
            print(name, json.dumps(snap[name])[:200], flush=True)
            out.write_text(json.dumps(snap, indent=1, sort_keys=True))
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        before, after = (json.loads(Path(p).read_text()) for p in argv[1:])
        lines = diff(before, after)
        print("\n".join(lines) if lines else f"identical ({len(set(before) & set(after))} suites compared)")
        return 1 if lines else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
