"""Readers never raise on any bytes: every input becomes RawRecords or coded Rejects."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import ErrorCode
from eventwire.readers.jsonl import read_json, read_jsonl
from eventwire.readers.stdin import read_stream
from eventwire.readers.text import read_text
from eventwire.records import RawRecord, Reject

from .strategies import mixed_text, scaled

CODES = {c.value for c in ErrorCode}
OPTIONS = {"max_bytes": 4000, "published": "2014-11-27"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-readers")


def check(items: list[RawRecord | Reject]) -> None:
    assert items, "a reader must yield something for every input"
    for item in items:
        assert isinstance(item, (RawRecord, Reject))
        if isinstance(item, Reject):
            assert item.code in CODES and item.reason.startswith(f"[{item.code}]") and item.stage == "read"
        else:
            assert isinstance(item.text, str) and item.text.strip()


binary_ish = st.one_of(
    st.binary(max_size=3000),
    mixed_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    mixed_text.map(lambda t: t.encode("utf-16")),
    st.builds(lambda t, b: t.encode("utf-8", "surrogatepass") + b, mixed_text, st.binary(max_size=20)),
)


@settings(max_examples=scaled(100))
@given(data=binary_ish)
def test_text_reader_never_raises(workdir: Path, data: bytes) -> None:
    path = workdir / "fuzz.txt"
    path.write_bytes(data)
    items = list(read_text(path, OPTIONS))
    assert len(items) == 1
    check(items)


@settings(max_examples=scaled(60))
@given(data=binary_ish)
def test_stdin_reader_never_raises(data: bytes) -> None:
    items = list(read_stream(io.BytesIO(data), "<stdin>", OPTIONS))
    if data.strip():
        check(items)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "text", "title", "published", "url", "outlet", "x"]), inner, max_size=6),
    max_leaves=12,
)
jsonl_line = st.one_of(
    json_value.map(json.dumps).map(str.encode),
    st.binary(max_size=80),
    st.builds(
        lambda i, t: json.dumps({"id": i, "text": t}).encode(), st.text(max_size=10), mixed_text
    ),
)


@settings(max_examples=scaled(100))
@given(lines=st.lists(jsonl_line, max_size=12), sep=st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_reader_never_raises(workdir: Path, lines: list[bytes], sep: bytes) -> None:
    path = workdir / "fuzz.jsonl"
    path.write_bytes(sep.join(lines))
    items = list(read_jsonl(path, OPTIONS))
    check(items)
    as_json = workdir / "fuzz.json"
    as_json.write_bytes(sep.join(lines))
    check(list(read_json(as_json, OPTIONS)))
