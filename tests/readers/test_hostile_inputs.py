"""Inputs built to hurt: deeply nested HTML, a gzip bomb, a giant JSON line. Each is a record or a coded
reject within bounded time and memory, never a crash (RecursionError, MemoryError) or a hang."""

from __future__ import annotations

import gzip
import resource
from pathlib import Path

from eventwire.readers import read_paths
from eventwire.records import RawRecord, Reject

SENTENCE = "Russia and Syria agreed on Monday to hold talks in Moscow next week, officials said in Damascus."


def read(path: Path, **options: object) -> list[RawRecord | Reject]:
    return list(read_paths([str(path)], dict(options)))


def test_deeply_nested_html(tmp_path: Path) -> None:
    depth = 100_000
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body></html>")
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text(f"<html><body><article><p>{SENTENCE}</p>" + "<span>" * 200_000 + "x</article></body></html>")
    for path in (deep, unclosed):
        (item,) = read(path)
        assert isinstance(item, (RawRecord, Reject))
        if isinstance(item, Reject):
            assert item.code == "E108"
        else:
            assert "Russia and Syria agreed" in item.text


def test_gzip_bomb_is_cut_at_the_size_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb") as fh:
        fh.write(f"<html><body><p>{SENTENCE}</p>".encode())
        block = b" " * (1 << 20)
        for _ in range(200):  # 200 MB uncompressed, 200 KB on disk
            fh.write(block)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (item,) = read(bomb, max_bytes=2_000_000)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert isinstance(item, Reject) and item.code == "E104"
    assert grown_mb < 100, f"reading the bomb grew memory by {grown_mb:.0f} MB"


def test_giant_json_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "giant.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "giant", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(50):  # one 50 MB line
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(f'{{"id": "next", "text": "{SENTENCE}"}}\n'.encode())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = read(path, max_bytes=100_000)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [type(i).__name__ for i in items] == ["Reject", "RawRecord"]
    assert items[0].code == "E104" and items[1].id == "next"
    assert grown_mb < 20, f"skipping the line grew memory by {grown_mb:.0f} MB"
