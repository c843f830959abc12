"""The committed JSON Schema is the one the model generates, and real output validates against it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from eventwire.document import json_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "schema" / "document.schema.json"
SAMPLE = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"


def committed_schema() -> dict:  # type: ignore[type-arg]
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_committed_schema_is_generated_from_the_model() -> None:
    assert committed_schema() == json_schema(), (
        "docs/schema/document.schema.json is stale: run `.venv/bin/python -m eventwire.schema` and commit it"
    )


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(committed_schema())


def test_cli_output_for_the_sample_validates() -> None:
    """`eventwire extract samples/... --published 2014-11-27` prints one valid Document (exit 0)."""
    exe = Path(sys.executable).parent / "eventwire"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire.cli"]
    proc = subprocess.run(
        cmd + ["extract", str(SAMPLE), "--published", "2014-11-27"],
        capture_output=True,
        timeout=600,
        check=False,
        env=dict(os.environ, PYTHONUTF8="1"),
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    (line,) = [x for x in proc.stdout.decode("utf-8").splitlines() if x.strip()]
    doc = json.loads(line)
    jsonschema.validate(doc, committed_schema(), cls=jsonschema.Draft202012Validator)
    art = doc["article"]
    assert doc["schema"] == "eventwire.document/1"
    assert art["title"] == "Russia calls for end to Syria crisis to focus on fighting IS"
    assert art["outlet"] == "VOV" and art["published"] == "2014-11-27" and art["language"] == "en"
    for debris in ("![]()", "FreaBeacon", "Syria in flames", "/.", "According to VOV.VN"):
        assert debris not in art["text"]
    # Offsets point into article.text.
    text = art["text"]
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for t in doc["times"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_a_document_breaking_the_contract_fails_validation() -> None:
    """The schema has teeth: a wrong type or an unknown field is caught."""
    schema = committed_schema()
    bad = {"schema": "eventwire.document/1", "id": "x", "article": {"text": 5}}
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)
    extra = {"schema": "eventwire.document/1", "id": "x", "surprise": 1}
    assert not jsonschema.Draft202012Validator(schema).is_valid(extra)
