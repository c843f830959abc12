"""The plain-text reader on good and bad files: every input becomes a record or a coded reject."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

import pytest

from eventwire.errors import ErrorCode
from eventwire.readers import read_paths
from eventwire.readers.stdin import read_stream
from eventwire.readers.text import decode_bytes, read_text
from eventwire.records import RawRecord, Reject

ARTICLE = (
    "Turkey summons Dutch envoy\n"
    "Turkey summoned the Dutch ambassador on Sunday after the Netherlands barred a Turkish minister from a rally."
)


def one(path: Path, **options: object) -> RawRecord | Reject:
    (item,) = list(read_text(path, dict(options)))
    return item


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_file_is_read_with_its_name_as_id(tmp_path: Path) -> None:
    item = one(write(tmp_path, "turkey-1.txt", ARTICLE.encode()), published="2017-03-12")
    assert isinstance(item, RawRecord)
    assert item.id == "turkey-1" and item.text == ARTICLE and item.published == "2017-03-12" and item.notes == []


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    item = one(write(tmp_path, "empty.txt", data))
    assert isinstance(item, Reject) and item.code == ErrorCode.EMPTY_INPUT.value and item.stage == "read"
    assert item.id == "empty" and "empty.txt" in item.reason


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"some text\x00\x00\x00\x01\x02 more", "NUL"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, kind: str) -> None:
    item = one(write(tmp_path, "file.txt", data))
    assert isinstance(item, Reject) and item.code == ErrorCode.BINARY_INPUT.value and kind in item.reason


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    item = one(write(tmp_path, "noise.txt", data))
    assert isinstance(item, Reject) and item.code in {ErrorCode.BINARY_INPUT.value, ErrorCode.DECODE_ERROR.value}


def test_latin1_file_is_decoded_and_noted(tmp_path: Path) -> None:
    text = "Le président Hollande a rencontré M. Poutine à l'Élysée; the café owners protested in Orléans."
    item = one(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert isinstance(item, RawRecord)
    assert item.text == text
    assert len(item.notes) == 1 and "not valid UTF-8" in item.notes[0] and "cp1252" in item.notes[0]


def test_windows_1252_quotes(tmp_path: Path) -> None:
    text = "\u201cWe will respond,\u201d the minister said \u2013 and he meant it."
    item = one(write(tmp_path, "cp.txt", text.encode("cp1252")))
    assert isinstance(item, RawRecord) and item.text == text and item.notes


def test_mostly_utf8_with_a_bad_byte_keeps_utf8(tmp_path: Path) -> None:
    text = "S\u00e3o Paulo and K\u00f6ln and Z\u00fcrich and Bogot\u00e1 sent envoys"
    data = text.encode() + b" \xff to the summit."
    item = one(write(tmp_path, "mixed.txt", data))
    assert isinstance(item, RawRecord)
    assert item.text.startswith(text) and "\ufffd" in item.text
    assert "1 invalid byte sequence(s) replaced" in item.notes[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    item = one(write(tmp_path, "bom.txt", ARTICLE.encode(encoding)))
    assert isinstance(item, RawRecord) and item.text == ARTICLE
    assert bool(item.notes) == (encoding == "utf-16")


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", ARTICLE.encode() * 100)
    item = one(path, max_bytes=1000)
    assert isinstance(item, Reject) and item.code == ErrorCode.TOO_LARGE.value and "io.max_bytes" in item.reason
    assert isinstance(one(path, max_bytes=1_000_000), RawRecord)


def test_decode_bytes_contract() -> None:
    assert decode_bytes(ARTICLE.encode(), "x") == (ARTICLE, [])


def test_read_paths_folder_missing_file_and_hidden(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE.encode())
    write(tmp_path, ".hidden.txt", ARTICLE.encode())
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.txt", b"")
    items = list(read_paths([str(tmp_path), str(tmp_path / "nope.txt")]))
    kinds = [(type(i).__name__, getattr(i, "code", None)) for i in items]
    assert kinds == [("RawRecord", None), ("Reject", "E101"), ("Reject", "E111")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", ARTICLE.encode())
    path.chmod(0)
    item = one(path)
    assert isinstance(item, Reject) and item.code == ErrorCode.UNREADABLE.value


def test_stdin_text_and_limit() -> None:
    (item,) = list(read_stream(io.BytesIO(ARTICLE.encode()), "<stdin>", {}))
    assert isinstance(item, RawRecord) and item.text == ARTICLE
    (item,) = list(read_stream(io.BytesIO(ARTICLE.encode() * 50), "<stdin>", {"max_bytes": 500}))
    assert isinstance(item, Reject) and item.code == ErrorCode.TOO_LARGE.value
    (item,) = list(read_stream(io.BytesIO(b""), "<stdin>", {}))
    assert isinstance(item, Reject) and item.code == ErrorCode.EMPTY_INPUT.value


def test_stdin_json_lines_are_streamed() -> None:
    data = b'\n{"id": "a", "text": "Talks resumed on Monday."}\n{"id": "b"\n' + b'{"text": "' + b"x" * 900 + b'"}\n'
    data += b'{"id": "c", "text": "Talks ended on Friday."}\n'
    items = list(read_stream(io.BytesIO(data), "<stdin>", {"max_bytes": 500}))
    summary = [(i.id, getattr(i, "code", None)) for i in items]
    assert summary == [("a", None), (None, "E105"), (None, "E104"), ("c", None)]
    assert items[1].source == "<stdin>:3"


def test_markup_heavy_text_is_not_mistaken_for_binary() -> None:
    """Pages whose first kilobytes are scripts and tags (few letters) are text, in UTF-8 or a legacy encoding."""
    head = '<script>var a={"x":[1,2,3],"y":{"z":[4,5,6]}};if(a&&b){c(1,2)}</script>\n' * 80
    page = f"<html><head>{head}</head><body><p>Caf\u00e9 talks in Paris ended on Monday.</p></body></html>"
    assert decode_bytes(page.encode(), "p.html")[0] == page
    text, notes = decode_bytes(page.encode("cp1252"), "p.html")
    assert text == page and "cp1252" in notes[0]
