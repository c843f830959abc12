"""Path arguments: folders and globs yield article files only; missing paths and empty globs are named."""

from __future__ import annotations

from pathlib import Path

from eventwire.readers import expand, is_article, read_paths, resolve_inputs
from eventwire.records import RawRecord, Reject

ARTICLE = b"Russian Foreign Minister Sergei Lavrov met Syrian officials in Sochi on Wednesday.\n"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(ARTICLE)
    (folder / "sub" / "b.jsonl").write_text('{"id": "b", "text": "Turkey\'s president visited Baghdad."}\n')
    (folder / "c").write_bytes(ARTICLE)  # no suffix: plain text, as a file named on its own would be
    (folder / "README.md").write_text("# corpus\n")
    (folder / "meta.csv").write_text("id,url\n")
    (folder / "tool.py").write_text("print(1)\n")
    (folder / ".hidden.txt").write_bytes(ARTICLE)
    return folder


def test_article_suffixes() -> None:
    for name in ("a.txt", "a.html", "a.htm", "a.html.gz", "a.jsonl", "a.ndjson", "a.json", "a.warc", "a.warc.gz",
                 "a.rss", "a.atom", "a.xml", "a"):
        assert is_article(Path(name)), name
    for name in ("README.md", "a.csv", "a.py", "a.pdf", "a.docx"):
        assert not is_article(Path(name)), name


def test_folder_reads_articles_and_lists_what_it_skipped(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    skipped: list[Path] = []
    items = list(read_paths([str(folder)], {}, skipped))
    assert [i.id for i in items if isinstance(i, RawRecord)] == ["a", "c", "b"]
    assert sorted(p.name for p in skipped) == ["README.md", "meta.csv", "tool.py"]


def test_glob_matches_are_filtered_like_a_folder(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    assert [p.name for p in expand([str(folder / "*")])] == ["a.txt", "c", "b.jsonl"]


def test_missing_paths_and_empty_globs_are_rejects_for_the_library(tmp_path: Path) -> None:
    items = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.html")]))
    assert [(type(i), getattr(i, "code", None)) for i in items] == [(Reject, "E111"), (Reject, "E113")]


def test_resolve_inputs_sorts_out_every_case(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    (tmp_path / "empty").mkdir()
    named = tmp_path / "notes.md"
    named.write_bytes(ARTICLE)
    inputs = resolve_inputs([str(folder), str(named), "-", str(tmp_path / "nope.txt"), str(tmp_path / "x*.rss"),
                             str(tmp_path / "empty")])
    assert [Path(p).name if p != "-" else p for p in inputs.paths] == ["a.txt", "c", "b.jsonl", "notes.md", "-"]
    assert sorted(p.name for p in inputs.skipped) == ["README.md", "meta.csv", "tool.py"]
    assert inputs.missing == [str(tmp_path / "nope.txt")]
    assert inputs.unmatched == [str(tmp_path / "x*.rss")]
    assert inputs.empty == [str(tmp_path / "empty")]


def test_a_file_whose_name_looks_like_a_glob_is_a_file(tmp_path: Path) -> None:
    odd = tmp_path / "report[1].txt"
    odd.write_bytes(ARTICLE)
    assert resolve_inputs([str(odd)]).paths == [str(odd)]
    (item,) = list(read_paths([str(odd)]))
    assert isinstance(item, RawRecord)
