"""The JSON Lines reader: good lines become records, each bad line a coded reject, and the file goes on."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.readers import read_paths
from eventwire.readers.jsonl import read_json, read_jsonl
from eventwire.records import RawRecord, Reject

GOOD = {"id": "g1", "text": "Russia and Ukraine agreed on a gas deal on Friday.", "title": "Gas deal", "outlet": "AFP"}


def lines(*rows: object) -> bytes:
    out = []
    for row in rows:
        out.append(row if isinstance(row, bytes) else json.dumps(row).encode())
    return b"\n".join(out) + b"\n"


def read(tmp_path: Path, data: bytes, name: str = "in.jsonl", **options: object) -> list[RawRecord | Reject]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_paths([str(path)], dict(options)))


def codes(items: list[RawRecord | Reject]) -> list[str | None]:
    return [i.code if isinstance(i, Reject) else None for i in items]


def test_good_and_bad_lines(tmp_path: Path) -> None:
    data = lines(
        GOOD,
        b"",
        b'{"id": "broken", "text": "no closing quote}',
        b"[1, 2, 3]",
        {"id": "nt", "title": "no text"},
        {"id": "num", "text": 42},
        {"id": "blank", "text": "   "},
        b"[" * 5000 + b"]" * 5000,
        {"id": "g2", "text": "Talks resumed.", "published": "2014-11-26", "url": "http://x/y"},
    )
    items = read(tmp_path, data, published="2014-11-27")
    assert codes(items) == [None, "E105", "E105", "E106", "E106", "E106", "E105", None]
    first, last = items[0], items[-1]
    assert isinstance(first, RawRecord) and isinstance(last, RawRecord)
    assert (first.id, first.title, first.outlet, first.published) == ("g1", "Gas deal", "AFP", "2014-11-27")
    assert (last.id, last.published, last.url) == ("g2", "2014-11-26", "http://x/y")
    # Rejects name the file and line, and the record id when there is one.
    broken = items[1]
    assert isinstance(broken, Reject) and broken.source.endswith("in.jsonl:3") and broken.stage == "read"
    assert [i.id for i in items[3:6]] == ["nt", "num", "blank"]
    assert "not a string" in items[4].reason


def test_overlong_line_is_rejected_and_the_next_is_read(tmp_path: Path) -> None:
    data = lines(GOOD, {"id": "huge", "text": "x" * 5000}, {"id": "after", "text": "Still read."})
    items = read(tmp_path, data, max_bytes=1000)
    assert codes(items) == [None, "E104", None]
    assert items[2].id == "after"


def test_invalid_utf8_line_is_kept_with_a_note(tmp_path: Path) -> None:
    data = b'{"id": "bad", "text": "Caf\xe9 owners protested in Paris on Monday."}\n'
    (item,) = read(tmp_path, data)
    assert isinstance(item, RawRecord) and item.text.startswith("Caf\ufffd owners")
    assert "not valid UTF-8" in item.notes[0] and "in.jsonl:1" in item.notes[0]


def test_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n" + json.dumps(GOOD | {"id": "g2"}).encode() + b"\r\n"
    items = read(tmp_path, data)
    assert [i.id for i in items] == ["g1", "g2"] and all(isinstance(i, RawRecord) for i in items)


def test_empty_files(tmp_path: Path) -> None:
    assert codes(read(tmp_path, b"")) == ["E101"]
    assert codes(read(tmp_path, b"\n\n  \n", "blank.jsonl")) == ["E101"]


def test_json_file_with_array_or_object(tmp_path: Path) -> None:
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([GOOD, {"id": "x"}], indent=2))
    items = list(read_json(arr, {}))
    assert codes(items) == [None, "E106"] and items[1].source.endswith("a.json[1]")
    obj = tmp_path / "o.json"
    obj.write_text(json.dumps(GOOD, indent=2))
    assert [i.id for i in read_json(obj, {})] == ["g1"]
    empty = tmp_path / "e.json"
    empty.write_text("[]")
    assert codes(list(read_json(empty, {}))) == ["E101"]
    # A .json file that is really JSON Lines still reads line by line.
    jl = tmp_path / "l.json"
    jl.write_bytes(lines(GOOD, b"{oops"))
    assert codes(list(read_json(jl, {}))) == [None, "E105"]


def test_metadata_of_odd_types(tmp_path: Path) -> None:
    (item,) = read(tmp_path, lines({"id": 7, "text": "Talks.", "title": ["x"], "published": None, "outlet": ""}))
    assert isinstance(item, RawRecord) and item.id == "7" and item.title is None and item.outlet is None


def test_reader_is_lazy(tmp_path: Path) -> None:
    """Records stream: the first record is available before the whole file is parsed."""
    path = tmp_path / "many.jsonl"
    path.write_bytes(lines(*({"id": str(i), "text": f"Record {i}."} for i in range(2000))))
    it = read_jsonl(path, {})
    assert next(it).id == "0"
