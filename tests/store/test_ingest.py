"""Ingest end to end through the real pipeline: idempotent re-runs, WARC and RSS files, the CLI."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

from readers.sources import STORIES, rss_feed, write_warc

from eventwire.pipeline import Pipeline
from eventwire.readers import read_paths
from eventwire.store import open_store
from eventwire.store.ingest import ingest

N_GUARDIAN = 15


def _guardian_slice(shared_data: Path, tmp_path: Path) -> Path:
    src = shared_data / "ngec" / "guardian_sample.jsonl"
    out = tmp_path / "guardian15.jsonl"
    with src.open(encoding="utf-8") as fh:
        out.write_text("".join(itertools.islice(fh, N_GUARDIAN)), encoding="utf-8")
    return out


def test_ingesting_twice_leaves_the_same_counts(pipeline: Pipeline, shared_data: Path, tmp_path: Path) -> None:
    src = _guardian_slice(shared_data, tmp_path)
    db = tmp_path / "g.duckdb"
    rejects = io.StringIO()
    with open_store(db) as store:
        first = ingest(store, read_paths([str(src)]), pipeline, batch_size=4, rejects=rejects)
        counts = store.counts()
    assert first.stored.articles + first.rejected == N_GUARDIAN and first.stored.articles >= N_GUARDIAN - 1
    assert counts["articles"] == first.stored.articles
    with open_store(db) as store:
        second = ingest(store, read_paths([str(src)]), pipeline, batch_size=4)
        assert store.counts() == counts
    assert second.stored.articles == 0 and second.already_stored == first.stored.articles
    # the stored Document is the pipeline's, with the reader's metadata
    with open_store(db, read_only=True) as store:
        doc = store.article("guardian-3")
    assert doc is not None and doc["article"]["outlet"] == "Guardian" and doc["article"]["published"] == "2019-04-10"


def test_warc_and_rss_files_are_ingested_end_to_end(pipeline: Pipeline, tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    cut = tmp_path / "cut.warc"
    write_warc(cut, gzip=False, truncate_last=True)
    rss = tmp_path / "wire.rss"
    rss.write_text(rss_feed(), encoding="utf-8")
    rejects = io.StringIO()
    with open_store(tmp_path / "w.duckdb") as store:
        report = ingest(store, read_paths([str(warc), str(cut), str(rss)]), pipeline, rejects=rejects)
        rows = store.con.execute(
            "SELECT title, url, outlet, published FROM articles ORDER BY published, url"
        ).fetchall()
    # 3 WARC stories; the cut WARC repeats two of them (skipped by hash) and loses its third. The feed's
    # full-text item is the first page's article word for word (skipped by hash too); its summary-only item
    # is other text, so a new article.
    assert [json.loads(line)["code"] for line in rejects.getvalue().splitlines()] == ["E109"]
    assert report.already_stored == 3 and report.stored.articles == 4
    titles = [r[0] for r in rows]
    assert titles.count(STORIES[0][0]) == 1 and titles.count(STORIES[1][0]) == 2 and STORIES[2][0] in titles
    assert {r[2] for r in rows} == {"World Wire"}
    assert ("https://wire.example/news/2") in {r[1] for r in rows}
    assert {str(r[3]) for r in rows} == {s[1] for s in STORIES}


def test_same_event_in_two_articles_is_one_event_end_to_end(pipeline: Pipeline, tmp_path: Path) -> None:
    """Two wire stories written for the purpose: one meeting, reported a day apart."""
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"id": "wire-a", "published": "2014-11-27", "outlet": "VOV", "text":
        "Russian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Walid al-Moualem in Sochi on November 26. "
        "Russia will continue to support Syria, Lavrov said."}) + "\n" + json.dumps({
        "id": "wire-b", "published": "2014-11-28", "outlet": "TASS", "text":
        "Russian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Walid al-Moualem in Sochi on Wednesday. "
        "Lavrov and al-Moualem discussed the fight against Islamic State."}) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        ingest(store, read_paths([str(a)]), pipeline)
        mentions = store.con.execute(
            "SELECT article_id, event_id FROM event_mentions WHERE type = 'CONSULT' AND is_fact").fetchall()
        assert {m[0] for m in mentions} >= {"wire-a", "wire-b"}, mentions
        events = store.events(type="CONSULT")
    merged = [e for e in events if e["article_count"] == 2]
    assert merged, events
    assert merged[0]["place_name"] == "Sochi" and merged[0]["date"] == "2014-11-26"


def test_cli_demo_ingest_then_events(tmp_path: Path) -> None:
    """What `make demo` runs: ingest the sample, then print every coded event as a table."""
    from typer.testing import CliRunner

    from eventwire.cli import app  # the package registers every command

    sample = Path(__file__).resolve().parents[2] / "samples" / "vov-2014-11-27-russia-syria.txt"
    db = tmp_path / "demo.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(sample), "--db", str(db), "--published", "2014-11-27", "-q"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "demo.rejects.jsonl").exists()
    again = runner.invoke(app, ["ingest", str(sample), "--db", str(db), "--published", "2014-11-27", "-q"])
    assert again.exit_code == 0 and "0 articles stored, 1 already stored" in again.output
    table = runner.invoke(app, ["events", "--db", str(db), "--all"])
    assert table.exit_code == 0
    for header in ("type", "actor", "recipient", "date", "place", "aux", "trigger"):
        assert header in table.output
    as_json = runner.invoke(app, ["events", "--db", str(db), "--all", "--format", "json"])
    with open_store(db, read_only=True) as store:
        assert len(json.loads(as_json.output)) == store.counts()["events"]
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(tmp_path / "e.tsv")])
    assert exported.exit_code == 0 and (tmp_path / "e.tsv").exists()


def test_cli_folder_ingest_stores_articles_only(tmp_path: Path) -> None:
    """A corpus folder with a README.md and a .csv beside the articles: only the articles are stored, the
    others are named in a note; the exit code is 0 because nothing was rejected."""
    from typer.testing import CliRunner

    from eventwire.cli import app

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Lavrov meets Syrian envoy\nRussian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Walid "
        "al-Moualem in Sochi on Wednesday, the ministry said.\n", encoding="utf-8")
    (folder / "README.md").write_text("# How this corpus was collected\nScraped in 2014 from wire services.\n")
    (folder / "sources.csv").write_text("id,url\ntalks,http://example.org/talks\n")
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2014-11-27", "-q"])
    assert result.exit_code == 0, result.output
    assert "skipped 2 file(s) that are not articles" in result.output
    with open_store(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()]
    assert ids == ["talks"]
