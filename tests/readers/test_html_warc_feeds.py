"""HTML, WARC and RSS/Atom readers on inputs written for the purpose, and their failure modes."""

from __future__ import annotations

import gzip
from pathlib import Path

from eventwire.readers import read_paths
from eventwire.records import RawRecord, Reject

from .sources import STORIES, atom_feed, news_page, rss_feed, write_warc


def _records(*paths: Path) -> tuple[list[RawRecord], list[Reject]]:
    items = list(read_paths([str(p) for p in paths], {"published": "2000-01-01"}))
    return [i for i in items if isinstance(i, RawRecord)], [i for i in items if isinstance(i, Reject)]


def test_html_page_gives_body_and_metadata_without_boilerplate(tmp_path: Path) -> None:
    title, date, body = STORIES[0]
    page = tmp_path / "lavrov.html"
    page.write_text(news_page(title, date, body, url="https://wire.example/lavrov"), encoding="utf-8")
    zipped = tmp_path / "lavrov2.html.gz"
    zipped.write_bytes(gzip.compress(page.read_bytes()))
    records, rejects = _records(page, zipped)
    assert not rejects and len(records) == 2
    for rec in records:
        assert rec.title == title
        assert rec.published == date  # the page's own date wins over --published
        assert rec.outlet == "World Wire"
        assert rec.url == "https://wire.example/lavrov"
        assert "met Syrian Foreign Minister Walid al-Moualem in Sochi" in rec.text
        for debris in ("Most read", "Privacy policy", "All rights reserved", "Celebrity chef"):
            assert debris not in rec.text
        assert not rec.text.startswith(title)  # the headline is the title, not repeated in the body


def test_html_without_article_is_a_bad_html_reject(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    records, rejects = _records(page)
    assert records == [] and [r.code for r in rejects] == ["E108"]


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = tmp_path / name
        write_warc(path, gzip=gz)
        records, rejects = _records(path)
        assert not rejects
        assert [r.title for r in records] == [s[0] for s in STORIES]
        assert [r.url for r in records] == [f"https://wire.example/news/{i}" for i in range(3)]
        assert [r.published for r in records] == [s[1] for s in STORIES]


def test_truncated_warc_keeps_whole_records_and_rejects_the_cut_one(tmp_path: Path) -> None:
    for name, gz in (("cut.warc.gz", True), ("cut.warc", False)):
        path = tmp_path / name
        write_warc(path, gzip=gz, truncate_last=True)
        good = tmp_path / f"after-{name}.html"
        good.write_text(news_page(*STORIES[2]), encoding="utf-8")
        records, rejects = _records(path, good)
        assert [r.title for r in records] == [STORIES[0][0], STORIES[1][0], STORIES[2][0]]  # the batch goes on
        assert [r.code for r in rejects] == ["E109"]


def test_rss_and_atom_entries_become_records(tmp_path: Path) -> None:
    rss = tmp_path / "wire.rss"
    rss.write_text(rss_feed(), encoding="utf-8")
    atom = tmp_path / "desk.atom"
    atom.write_text(atom_feed(), encoding="utf-8")
    records, rejects = _records(rss, atom)
    assert not rejects
    assert [(r.title, r.published, r.outlet) for r in records] == [
        (STORIES[0][0], "2014-11-26", "World Wire"),
        (STORIES[1][0], "2014-11-25", "World Wire"),
        (STORIES[2][0], "2014-11-24", "Diplomatic Desk"),
    ]
    assert records[0].url == "https://wire.example/news/0"
    assert "Walid al-Moualem in Sochi" in records[0].text and "<p>" not in records[0].text
    assert "airstrikes on Islamic State" in records[1].text  # a summary-only item still has its text


def test_broken_feed_is_a_bad_feed_reject(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><title>x</title>", encoding="utf-8")
    records, rejects = _records(path)
    assert records == [] and [r.code for r in rejects] == ["E110"]


def test_legacy_encoded_page_is_decoded_by_its_declared_charset(tmp_path: Path) -> None:
    title, date, body = STORIES[1]
    html = news_page(title, date, body + " Le ministre a déclaré que Damas n'était pas informé.")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = tmp_path / "legacy.html"
    page.write_bytes(html.encode("cp1252"))
    records, rejects = _records(page)
    assert not rejects and "déclaré que Damas n'était" in records[0].text


def test_oversized_warc_record_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = list(read_paths([str(path)], {"max_bytes": 1000}))  # every page is about 1,150 bytes
    # each oversized page is refused (not truncated), and reading goes on to the next record
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [("Reject", "E104")] * 3
