"""`eventwire extract` as a user runs it: a real subprocess over a folder of good and bad files.

Every good article must come out as a Document, every bad input must be in the rejects file with its
code and reason, and the exit code must say which case happened (0 all ok, 3 some rejected, 4 all
rejected; see eventwire/commands/extract.py and docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"
EVENTWIRE = [sys.executable, "-m", "eventwire"]
if (Path(sys.executable).parent / "eventwire").exists():
    EVENTWIRE = [str(Path(sys.executable).parent / "eventwire")]

ENGLISH_LATIN1 = (
    "Caf\u00e9 owners protest tax rise in Paris\n"
    "PARIS, Nov 26 (Reuters) - Caf\u00e9 and restaurant owners protested in Paris on Wednesday against a planned "
    "tax rise, and Prime Minister Manuel Valls said the government would not back down.\n"
    "Photo: AFP\n"
    "The finance ministry said the measure would raise 2 billion euros a year."
)
FRENCH = (
    "La France appelle \u00e0 un cessez-le-feu en Syrie\n"
    "Le ministre fran\u00e7ais des Affaires \u00e9trang\u00e8res a appel\u00e9 mercredi \u00e0 un cessez-le-feu "
    "imm\u00e9diat en Syrie, lors d'une conf\u00e9rence de presse \u00e0 Paris avec son homologue russe."
)
GOOD_RECORD = {
    "id": "iran-talks",
    "title": "Iran nuclear talks extended",
    "published": "2014-11-24",
    "outlet": "AFP",
    "text": "VIENNA, Nov 24 (AFP) - Iran and six world powers agreed on Monday to extend talks on Tehran's nuclear "
    "programme by seven months after failing to meet a deadline, Foreign Secretary Philip Hammond said.",
}


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONUTF8="1")
    return subprocess.run(
        EVENTWIRE + args, cwd=cwd, input=stdin, capture_output=True, timeout=600, env=env, check=False
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("mixed")
    folder = base / "in"
    folder.mkdir()
    (folder / "good-sample.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(random.Random(3).randrange(256) for _ in range(2000)) + b"\x00")
    (folder / "latin1.txt").write_bytes(ENGLISH_LATIN1.encode("latin-1"))
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps(GOOD_RECORD)
        + "\n"
        + '{"id": "broken", "text": "never closed\n'
        + json.dumps({"id": "textless", "title": "A record without text"})
        + "\n",
        encoding="utf-8",
    )
    out, rejects = base / "out.jsonl", base / "rejects.jsonl"
    proc = run(["extract", str(folder), "--published", "2014-11-27", "-o", str(out), "--rejects", str(rejects)], base)
    return {"proc": proc, "docs": read_jsonl(out), "rejects": read_jsonl(rejects), "base": base}


def test_mixed_folder_exit_code_is_some_rejected(mixed_run: dict[str, Any]) -> None:
    proc = mixed_run["proc"]
    assert proc.returncode == 3, proc.stderr.decode()[-2000:]
    assert b"3 extracted, 5 rejected" in proc.stderr


def test_every_good_article_is_extracted(mixed_run: dict[str, Any]) -> None:
    docs = {d["id"]: d for d in mixed_run["docs"]}
    assert set(docs) == {"good-sample", "latin1", "iran-talks"}
    sample = docs["good-sample"]["article"]
    assert sample["title"] == "Russia calls for end to Syria crisis to focus on fighting IS"
    assert sample["outlet"] == "VOV" and sample["published"] == "2014-11-27"
    latin = docs["latin1"]["article"]
    assert (
        latin["title"] == "Caf\u00e9 owners protest tax rise in Paris" and "Caf\u00e9 and restaurant" in latin["text"]
    )
    assert any("decoded as cp1252" in n for n in latin["notes"]), latin["notes"]
    assert latin["outlet"] == "Reuters" and "Photo: AFP" not in latin["text"]
    iran = docs["iran-talks"]["article"]
    assert (iran["title"], iran["outlet"], iran["published"]) == ("Iran nuclear talks extended", "AFP", "2014-11-24")


def test_every_bad_input_is_rejected_with_code_and_reason(mixed_run: dict[str, Any]) -> None:
    rejects = mixed_run["rejects"]
    by_source = {Path(r["source"]).name: r for r in rejects}
    expected = {
        "empty.txt": ("E101", "read"),
        "binary.txt": ("E102", "read"),
        "french.txt": ("E107", "language"),
        "records.jsonl:2": ("E105", "read"),
        "records.jsonl:3": ("E106", "read"),
    }
    assert {k: (v["code"], v["stage"]) for k, v in by_source.items()} == expected
    for r in rejects:
        assert r["reason"].startswith(f"[{r['code']}] ") and len(r["reason"]) > 20
        assert set(r) == {"id", "source", "stage", "code", "reason"}
    assert by_source["records.jsonl:3"]["id"] == "textless"
    assert "'fr'" in by_source["french.txt"]["reason"]


def test_all_rejected_exit_code_and_stdin(tmp_path: Path) -> None:
    rejects = tmp_path / "r.jsonl"
    proc = run(["extract", "-", "--rejects", str(rejects)], tmp_path, stdin=FRENCH.encode())
    assert proc.returncode == 4, proc.stderr.decode()[-2000:]
    assert proc.stdout.strip() == b""
    (reject,) = read_jsonl(rejects)
    assert reject["code"] == "E107" and reject["source"] == "<stdin>"


def test_usage_error_exit_code(tmp_path: Path) -> None:
    proc = run(["extract", "--format"], tmp_path)
    assert proc.returncode == 2


def test_mixed_folder_ingests_in_one_run(mixed_run: dict[str, Any]) -> None:
    """The same folder into the store: every good article stored, every bad one in the rejects file."""
    import duckdb

    base = mixed_run["base"]
    db, rejects = base / "mixed.duckdb", base / "ingest-rejects.jsonl"
    proc = run(
        ["ingest", str(base / "in"), "--db", str(db), "--published", "2014-11-27", "--rejects", str(rejects)], base
    )
    assert proc.returncode == 3, proc.stderr.decode()[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        n_events = con.execute("SELECT count(*) FROM event_mentions WHERE article_id = 'good-sample'").fetchone()[0]
    assert stored == {"good-sample", "latin1", "iran-talks"}
    assert n_events > 5
    assert sorted(r["code"] for r in read_jsonl(rejects)) == ["E101", "E102", "E105", "E106", "E107"]


def test_min_confidence_flag_drops_facts_below_it(tmp_path: Path) -> None:
    """`--min-confidence` is the analyst's precision knob: a higher floor never adds facts."""
    counts = []
    for floor in ("0.0", "0.9"):
        out = tmp_path / f"out-{floor}.jsonl"
        proc = subprocess.run([*EVENTWIRE, "extract", str(SAMPLE), "--published", "2014-11-27",
                               "--min-confidence", floor, "-o", str(out)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        events = json.loads(out.read_text().splitlines()[0])["events"]
        facts = [e for e in events if not {"negation", "hypothetical", "future"} & set(e["aux"])]
        assert all(e["confidence"] >= float(floor) for e in facts)
        counts.append(len(facts))
    assert counts[1] < counts[0]
    bad = subprocess.run([*EVENTWIRE, "extract", str(SAMPLE), "--min-confidence", "1.5"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "min_confidence" in bad.stderr
