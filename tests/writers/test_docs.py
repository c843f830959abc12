"""docs/formats.md and docs/store.md document every column of every format and table (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.store.panel import QUADS
from eventwire.store.schema import TABLES
from eventwire.writers import csv, gdelt, icews, polecat, rcsv

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(
    "columns",
    [csv.COLUMNS, rcsv.COLUMNS, gdelt.COLUMNS, gdelt.SIDECAR_COLUMNS, icews.COLUMNS, polecat.COLUMNS],
    ids=["csv", "rcsv", "gdelt", "gdelt-companion", "icews", "polecat"],
)
def test_formats_doc_lists_every_column(columns: tuple[str, ...]) -> None:
    doc = (DOCS / "formats.md").read_text(encoding="utf-8")
    missing = [c for c in columns if c not in doc]
    assert not missing, f"docs/formats.md does not describe {missing}"


def test_formats_doc_lists_every_plover_field() -> None:
    import io
    import json

    from eventwire.writers import get_writer

    from .test_writers import _docs

    out = io.StringIO()
    writer = get_writer("plover", out, facts=False)
    for doc in _docs():
        writer.write(doc)
    keys: set[str] = set()
    for record in map(json.loads, out.getvalue().splitlines()):
        keys |= set(record)
        for value in record.values():
            items = value if isinstance(value, list) else [value]
            keys |= {k for item in items if isinstance(item, dict) for k in item}
    words = set(re.findall(r"[A-Za-z_]+", (DOCS / "formats.md").read_text(encoding="utf-8")))
    missing = sorted(keys - words)
    assert not missing, f"docs/formats.md does not describe the PLOVER fields {missing}"


def test_store_doc_lists_every_column_with_its_type() -> None:
    doc = (DOCS / "store.md").read_text(encoding="utf-8")
    missing = [f"{t}.{f.name}" for t, schema in TABLES.items() for f in schema if f.name not in doc]
    assert not missing, f"docs/store.md does not describe {missing}"
    for column in ("goldstein_sum", "goldstein_mean", *QUADS.values(), "read_events", "read_panel"):
        assert column in doc
