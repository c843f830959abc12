"""Every wrong argument a new user tried (issue 19) is refused at the edge: one line with the error code,
exit code 2 (1 only for failures outside the command line), and nothing read, created or written.

Most cases run in-process (CliRunner: the checks come before any model is loaded); one runs the real
`eventwire` process to show the user sees a single line and no traceback.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from eventwire import ErrorCode, EventwireError
from eventwire.cli import app
from eventwire.cli.app import EXIT_FAILED, EXIT_USAGE, exit_code

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "vov-2014-11-27-russia-syria.txt"
ARTICLE = "Russian Foreign Minister Sergei Lavrov met Syrian President Bashar al-Assad in Damascus on Monday.\n"


def invoke(args: list[str], cwd: Path) -> Result:
    """Run a command in ``cwd`` (relative outputs land there, never in the checkout)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, args)
    finally:
        os.chdir(old)


def assert_refused(result: Result, code: str, *words: str, exit: int = EXIT_USAGE) -> None:
    """Refused with ``code`` on one line, said once, and the exit code of the table in docs/reliability.md."""
    assert result.exit_code == exit, (result.exit_code, result.output)
    assert not isinstance(result.exception, EventwireError), "the error must be reported, not raised"
    lines = [line for line in result.output.splitlines() if f"[{code}]" in line]
    assert len(lines) == 1 and lines[0].startswith(f"eventwire: [{code}] "), result.output
    assert result.output.count("[E") == 1, f"error said more than once: {result.output}"
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    """A real (empty) eventwire database."""
    from eventwire.store import open_store

    path = tmp_path / "news.duckdb"
    with open_store(path):
        pass
    return path


# -- dates -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("date", ["2014-13-45", "2014-02-30", "27-11-2014", "yesterday"])
def test_extract_refuses_a_date_that_does_not_exist(tmp_path: Path, date: str) -> None:
    result = invoke(["extract", str(SAMPLE), "--published", date, "-o", "out.jsonl"], tmp_path)
    assert_refused(result, "E112", "--published", repr(date))
    assert not (tmp_path / "out.jsonl").exists()


def test_ingest_refuses_a_bad_date_before_making_the_database(tmp_path: Path) -> None:
    result = invoke(["ingest", str(SAMPLE), "--published", "2014-02-30", "--db", "news.duckdb"], tmp_path)
    assert_refused(result, "E112", "2014-02-30")
    assert list(tmp_path.iterdir()) == []


def test_python_api_refuses_a_bad_date_and_says_it_once() -> None:
    import eventwire

    for date in ("2014-13-45", "2014-02-30"):
        with pytest.raises(EventwireError) as err:
            eventwire.extract("Russia and Syria met in Moscow on Monday.", published=date)
        assert err.value.code is ErrorCode.BAD_DATE
        assert str(err.value).count("[E112]") == 1 and repr(date) in str(err.value), str(err.value)


def test_kb_refuses_a_day_first_date(tmp_path: Path) -> None:
    assert_refused(invoke(["kb", "Lavrov", "--on", "31-12-2001"], tmp_path), "E112", "--on")


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_query_dates_are_checked(tmp_path: Path, db: Path, option: str) -> None:
    assert_refused(invoke(["events", "--db", str(db), option, "2014-02-30"], tmp_path), "E112", option)
    assert_refused(invoke(["dyads", "--db", str(db), option, "2014-13-01"], tmp_path), "E112", option)


# -- known values ------------------------------------------------------------------------------------------
def test_unknown_formats_and_periods(tmp_path: Path, db: Path) -> None:
    assert_refused(invoke(["extract", str(SAMPLE), "--format", "xml"], tmp_path), "E403", "--format", "jsonl")
    assert_refused(invoke(["events", "--db", str(db), "--format", "xml"], tmp_path), "E403", "table")
    assert_refused(invoke(["export", "--db", str(db), "--format", "xls", "-o", "x.xls"], tmp_path), "E403", "gdelt")
    assert_refused(invoke(["dyads", "--db", str(db), "--by", "fortnight"], tmp_path), "E403", "week")
    assert_refused(invoke(["eval", "nosuchsuite", str(SAMPLE)], tmp_path), "E403", "petr")


@pytest.mark.parametrize("quad", ["0", "5", "-1"])
def test_quad_class_is_one_to_four(tmp_path: Path, db: Path, quad: str) -> None:
    result = invoke(["events", "--db", str(db), "--quad-class", quad], tmp_path)
    assert_refused(result, "E403", "--quad-class", "material conflict")


def test_event_types_are_plover_types(tmp_path: Path, db: Path) -> None:
    assert_refused(invoke(["events", "--db", str(db), "--type", "CONSULT,FOO"], tmp_path), "E403", "'FOO'", "ASSAULT")
    cameo = invoke(["events", "--db", str(db), "--type", "042"], tmp_path)
    assert_refused(cameo, "E403", "CAMEO", "CONSULT")
    assert_refused(invoke(["dyads", "--db", str(db), "--type", "fight"], tmp_path), "E403", "'FIGHT'")
    ok = invoke(["events", "--db", str(db), "--type", "consult, agree", "--format", "json"], tmp_path)
    assert ok.exit_code == 0 and ok.output.strip() == "[]", ok.output


# -- inputs ------------------------------------------------------------------------------------------------
def test_missing_input_file(tmp_path: Path) -> None:
    assert_refused(invoke(["extract", "nofile.txt"], tmp_path), "E111", "nofile.txt")
    result = invoke(["ingest", "nofile.txt", "--db", "news.duckdb"], tmp_path)
    assert_refused(result, "E111", "nofile.txt")
    assert list(tmp_path.iterdir()) == [], "a failed ingest must not leave an empty database or rejects file"


def test_glob_matching_nothing(tmp_path: Path) -> None:
    assert_refused(invoke(["extract", "nomatch*.txt"], tmp_path), "E113", "'nomatch*.txt'")
    assert_refused(invoke(["ingest", "news/*.html", "--db", "news.duckdb"], tmp_path), "E113")
    assert list(tmp_path.iterdir()) == []


def test_folder_without_articles_is_skipped_with_a_note(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "README.md").write_text("# about this corpus\n")
    (corpus / "sources.csv").write_text("id,url\n1,http://example.org\n")
    result = invoke(["ingest", "corpus", "--db", "news.duckdb"], tmp_path)
    assert_refused(result, "E113", "corpus")
    assert "note: skipped 2 file(s) that are not articles" in result.output and "README.md" in result.output
    assert not (tmp_path / "news.duckdb").exists()


def test_a_file_named_on_its_own_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    from eventwire.readers import resolve_inputs

    (tmp_path / "notes.md").write_text(ARTICLE)
    assert resolve_inputs([str(tmp_path / "notes.md")]).paths == [str(tmp_path / "notes.md")]
    inputs = resolve_inputs([str(tmp_path)])
    assert inputs.paths == [] and inputs.skipped == [tmp_path / "notes.md"] and inputs.empty == [str(tmp_path)]


# -- databases and outputs -----------------------------------------------------------------------------
def test_ingest_refuses_a_database_path_that_is_not_a_database(tmp_path: Path) -> None:
    csv = tmp_path / "existing.csv"
    csv.write_text("a,b\n1,2\n")
    result = invoke(["ingest", str(SAMPLE), "--db", "existing.csv"], tmp_path)
    assert_refused(result, "E503", "existing.csv")
    assert csv.read_text() == "a,b\n1,2\n" and sorted(p.name for p in tmp_path.iterdir()) == ["existing.csv"]
    (tmp_path / "folder").mkdir()
    assert_refused(invoke(["ingest", str(SAMPLE), "--db", "folder"], tmp_path), "E503", "folder")
    assert_refused(invoke(["events", "--db", "existing.csv"], tmp_path), "E503")


def test_store_refuses_a_non_database_file_too(tmp_path: Path) -> None:
    from eventwire.store import open_store

    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(EventwireError) as err:
        open_store(tmp_path / "x.csv")
    assert err.value.code is ErrorCode.NOT_A_DATABASE


def test_query_on_a_missing_database(tmp_path: Path) -> None:
    for command in (["events"], ["dyads"], ["actors"], ["export", "-o", "x.csv"]):
        result = invoke([*command, "--db", "nope.duckdb"], tmp_path)
        assert_refused(result, "E503", "no database at nope.duckdb", "eventwire ingest")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_export_never_creates_folders_from_a_typo(tmp_path: Path, db: Path) -> None:
    result = invoke(["export", "--db", str(db), "-o", "typo/dir/x.csv"], tmp_path)
    assert_refused(result, "E403", "typo/dir")
    assert not (tmp_path / "typo").exists()
    assert_refused(invoke(["export", "--db", str(db), "--format", "parquet", "-o", "a/b"], tmp_path), "E403")
    assert not (tmp_path / "a").exists()
    ok = invoke(["export", "--db", str(db), "--format", "parquet", "-o", "tables"], tmp_path)  # one new folder
    assert ok.exit_code == 0 and (tmp_path / "tables" / "events.parquet").exists(), ok.output


def test_extract_output_folder_must_exist(tmp_path: Path) -> None:
    assert_refused(invoke(["extract", str(SAMPLE), "-o", "typo/out.jsonl"], tmp_path), "E403", "typo")
    assert_refused(invoke(["extract", str(SAMPLE), "--rejects", "typo/r.jsonl"], tmp_path), "E403", "--rejects")
    assert not (tmp_path / "typo").exists()


# -- other commands ----------------------------------------------------------------------------------------
def test_eval_missing_gold_file_is_a_coded_error(tmp_path: Path) -> None:
    result = invoke(["eval", "petr", "nofile.xml"], tmp_path)
    assert_refused(result, "E111", "nofile.xml")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_eval_language_has_the_expect_option_it_documents(tmp_path: Path) -> None:
    texts = tmp_path / "texts.jsonl"
    texts.write_text('{"text": "The minister said on Monday that talks would resume in Geneva next week."}\n')
    result = invoke(["eval", "language", str(texts), "--expect", "en", "--json"], tmp_path)
    assert result.exit_code == 0, result.output
    assert '"expected_language": "en"' in result.output


def test_bench_outside_the_repository_says_what_to_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.bench

    monkeypatch.setattr(eventwire.bench, "SOURCE_ROOT", tmp_path)  # as if installed, not run from a checkout
    result = invoke(["bench"], tmp_path)
    assert_refused(result, "E111", "--corpus", "guardian_sample.jsonl")
    assert_refused(invoke(["bench", "--corpus", "none.jsonl"], tmp_path), "E111", "none.jsonl")


def test_serve_on_a_taken_port_fails_before_printing_its_address(tmp_path: Path, db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke(["serve", "--db", str(db), "--port", str(port)], tmp_path)
    assert_refused(result, "E504", str(port))
    assert "http://" not in result.output


def test_serve_refuses_a_database_path_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello\n")
    assert_refused(invoke(["serve", "--db", "notes.txt", "--port", "1"], tmp_path), "E503")
    assert_refused(invoke(["serve", "--port", "70000"], tmp_path), "E403", "--port")


# -- the exit-code table -----------------------------------------------------------------------------------
def test_exit_codes_follow_one_rule() -> None:
    assert exit_code(ErrorCode.STORE_ERROR) == EXIT_FAILED == 1
    assert exit_code(ErrorCode.STAGE_FAILED) == EXIT_FAILED
    for code in ErrorCode:
        if code not in (ErrorCode.STORE_ERROR, ErrorCode.STAGE_FAILED):
            assert exit_code(code) == EXIT_USAGE == 2, code


def test_reliability_doc_lists_every_error_code() -> None:
    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    missing = [code.value for code in ErrorCode if code.value not in doc]
    assert not missing, f"docs/reliability.md does not list {missing}"


def test_the_real_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(SAMPLE), "--published", "2014-13-45"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "eventwire: [E112] the date is not a real calendar date in the form YYYY-MM-DD: --published '2014-13-45'"
    ]


# -- help -----------------------------------------------------------------------------------------------------
COMMANDS = ["extract", "ingest", "events", "dyads", "actors", "export", "kb", "serve", "spark", "eval", "bench"]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_in_plain_words(command: str, tmp_path: Path) -> None:
    result = invoke([command, "--help"] if command else ["--help"], tmp_path)
    assert result.exit_code == 0, result.output
    for python_ish in ("<list", "<str>", "<int>", "<float>", "<path>", "<bool>", "{paths}", "{", "}"):
        assert python_ish not in result.output, (python_ish, result.output)
    if command and command not in ("spark",):
        assert "Example" in result.output, f"`eventwire {command} --help` shows no example"


@pytest.mark.parametrize(
    "args", [["extract", "--format"], ["events", "--limit", "abc"], ["extract", "--bogus"], ["nosuchcommand"]]
)
def test_parse_errors_carry_the_argument_code_too(tmp_path: Path, args: list[str]) -> None:
    result = invoke(args, tmp_path)
    assert result.exit_code == EXIT_USAGE and "[E403] a command-line argument is invalid" in result.output


def test_ingest_never_creates_the_database_folder_from_a_typo(tmp_path: Path) -> None:
    result = invoke(["ingest", str(SAMPLE), "--db", "typo/news.duckdb"], tmp_path)
    assert_refused(result, "E503", "typo")
    assert list(tmp_path.iterdir()) == []
