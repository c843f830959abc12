"""`eventwire ingest | events | dyads | actors | export`: the store from the command line.

Thin layer: every command calls eventwire.store and prints what it returns.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from eventwire.cli.app import EXIT_ALL_REJECTED, EXIT_SOME_REJECTED, app
from eventwire.cli.checks import (
    check_choice,
    check_database,
    check_date,
    check_event_types,
    check_inputs,
    check_output,
    check_quad_class,
    check_range,
)
from eventwire.cli.extract import ConfigOption, MinConfidenceOption, PublishedOption, WorkersOption
from eventwire.config import load_config

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The database file (default: ./eventwire.duckdb, or store.db in the settings).",
                 metavar="FILE"),
]
TABLE_FORMATS = ("table", "csv", "json")
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output: table, csv or json.", metavar="FORMAT")
]
ActorOption = Annotated[str | None, typer.Option(help="Actor code (RUSGOV) or part of a name.", metavar="ACTOR")]
RecipientOption = Annotated[
    str | None, typer.Option(help="Recipient code or part of a name.", metavar="ACTOR")
]
CountryOption = Annotated[
    str | None, typer.Option(help="Country code (ISO alpha-3, e.g. SYR) of actor, recipient or place.",
                             metavar="CODE")
]
StartOption = Annotated[str | None, typer.Option("--from", help="First date.", metavar="YYYY-MM-DD")]
EndOption = Annotated[str | None, typer.Option("--to", help="Last date.", metavar="YYYY-MM-DD")]
AllOption = Annotated[
    bool, typer.Option("--all", help="Include negated, hypothetical and future events (facts only without).")
]


def _db_path(db: Path | None, must_exist: bool = True) -> Path:
    """The database to use, checked: an existing DuckDB file for queries, or a new file ingest may create."""
    path = db or Path(load_config().store.db)
    check_database(path, must_exist=must_exist)
    return path


class RateColumn(ProgressColumn):
    """Articles per second so far (rich's speed column shows bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        events = task.fields.get("events", 0)
        return Text(f"{rate:.2f} articles/s, {events} event mentions", style="progress.data.speed")


def _estimate_total(paths: list[str]) -> int | None:
    """A cheap count for the bar: lines of JSON Lines files, one per text or HTML file; None if unknown."""
    from eventwire.readers import suffix_of

    if "-" in paths:
        return None
    total = 0
    for path in map(Path, paths):
        key = suffix_of(path)
        if key in (".jsonl", ".ndjson"):
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                return None
        elif key in (".txt", ".html", ".htm", ".html.gz"):
            total += 1
        else:
            return None
    return total


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Articles to read: files, folders (read recursively), quoted glob patterns such as "
                       "'news/*.html', or - for standard input.", metavar="PATH", show_default=False),
    ],
    db: DbOption = None,
    rejects: Annotated[
        Path | None,
        typer.Option(help="Where rejected inputs are listed (default: DB.rejects.jsonl beside the database).",
                     metavar="FILE"),
    ] = None,
    published: PublishedOption = None,
    workers: WorkersOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per transaction.", metavar="N")] = None,
    config: ConfigOption = None,
    min_confidence: MinConfidenceOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract events from articles into the database; articles already stored are skipped.

    One transaction per batch, so a killed ingest resumes where it stopped when run again. Files in
    folders that are not articles (README.md, .csv ...) are skipped with a note. Exit codes: 0 every
    article stored (or already stored); 3 some inputs rejected (listed in the rejects file); 4 every input
    rejected; 2 a wrong argument; 1 the database could not be written.

    Examples:

        eventwire ingest corpus/ feeds/*.rss --db news.duckdb --workers 2

        eventwire ingest samples/vov-2014-11-27-russia-syria.txt --published 2014-11-27
    """
    from eventwire.pipeline import Pipeline
    from eventwire.readers import read_paths
    from eventwire.store import open_store
    from eventwire.store.ingest import ingest as run_ingest

    published = check_date(published, "--published")
    db_path = _db_path(db, must_exist=False)
    rejects_path = rejects or db_path.with_suffix(".rejects.jsonl")
    check_output(rejects_path, "--rejects")
    files = check_inputs(paths)
    cfg = load_config(config, {"pipeline.n_process": workers, "events.min_confidence": min_confidence})
    size = batch_size or cfg.store.batch_size
    err = Console(stderr=True)
    pipeline = Pipeline(cfg)
    store = open_store(db_path, dedup_days=cfg.store.dedup_days)
    records = read_paths(files, {"published": published, "max_bytes": cfg.io.max_bytes})
    with store, rejects_path.open("w", encoding="utf-8") as rejects_fh:
        progress = Progress(
            SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
            console=err, disable=quiet or not err.is_terminal and False, transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=_estimate_total(files), events=0)

            def advance(articles: int, events: int) -> None:
                current = progress.tasks[0].fields.get("events", 0)
                progress.update(task, advance=articles, events=current + events)

            report = run_ingest(store, records, pipeline, batch_size=size, rejects=rejects_fh, progress=advance,
                                n_process=workers)
        counts = store.counts()
    if report.rejected == 0:
        rejects_path.unlink(missing_ok=True)
    summary = report.as_dict()
    err.print(
        f"{summary['stored']} articles stored, {summary['already_stored']} already stored, "
        f"{summary['rejected']} rejected; {summary['event_mentions']} event mentions, "
        f"{summary['new_events']} new events; {summary['articles_per_second']} articles/s -> {db_path} "
        f"({counts['articles']} articles, {counts['events']} events in total)"
    )
    if report.rejected:
        err.print(f"rejects: {rejects_path}")
        nothing_taken = summary["stored"] == 0 and summary["already_stored"] == 0
        raise typer.Exit(EXIT_ALL_REJECTED if nothing_taken else EXIT_SOME_REJECTED)


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        keys = list(rows[0]) if rows else [k for k, _ in columns]
        out = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
        out.writeheader()
        for row in rows:
            out.writerow({k: (";".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()})
        return
    table = Table(title=title, show_lines=False, expand=False)
    for _key, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row, key) for key, _ in columns])
    Console(width=max(Console().width, 160) if not sys.stdout.isatty() else None).print(table)


def _cell(row: dict[str, Any], key: str) -> str:
    if key in ("actor", "recipient"):
        name, code = row.get(f"{key}_name"), row.get(f"{key}_code")
        return f"{name} ({code})" if name and code and name != code else str(name or code or "")
    if key == "date":
        value = row.get("date_value") or row.get("date")
        precision = row.get("date_precision")
        return f"{value} ({precision})" if value and precision and precision != "day" else str(value or "")
    if key == "place":
        name, country = row.get("place_name"), row.get("place_country")
        return f"{name}, {country}" if name and country and name != country else str(name or "")
    if key == "aux":
        return ", ".join(row.get("aux") or [])
    if key == "type":
        return f"{row['type']}:{row['mode']}" if row.get("mode") else str(row.get("type") or "")
    value = row.get(key)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


TypeOption = Annotated[
    str | None,
    typer.Option("--type", help="PLOVER event type(s), comma separated, e.g. CONSULT,AGREE.", metavar="TYPES"),
]


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    party: Annotated[str | None, typer.Option(help="Actor or recipient: code or part of a name.",
                                              metavar="ACTOR")] = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    quad_class: Annotated[
        int | None,
        typer.Option("--quad-class", help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                     "4 material conflict.", metavar="1-4"),
    ] = None,
    start: StartOption = None,
    end: EndOption = None,
    place: Annotated[str | None, typer.Option(help="Place name or GeoNames id.", metavar="PLACE")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet of a reporting article.", metavar="NAME")] = None,
    all_events: AllOption = False,
    limit: Annotated[int, typer.Option(help="At most this many events.", metavar="N")] = 1000,
    fmt: FormatOption = "table",
) -> None:
    """List the stored events, each once however many articles report it (facts only unless --all).

    Examples:

        eventwire events --db news.duckdb --actor RUS --type CONSULT --from 2014-11-01

        eventwire events --db news.duckdb --quad-class 4 --all --format csv > conflict.csv
    """
    from eventwire.store import open_store

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    start, end = check_date(start, "--from"), check_date(end, "--to")
    event_type = check_event_types(event_type)
    quad_class = check_quad_class(quad_class)
    check_range(limit, 1, 1_000_000_000, "--limit")
    with open_store(_db_path(db), read_only=True) as store:
        rows = store.events(
            actor=actor, recipient=recipient, party=party, country=country, type=event_type, quad_class=quad_class,
            start=start, end=end, place=place, outlet=outlet, all=all_events, limit=limit,
        )
    columns = [
        ("type", "type"), ("actor", "actor"), ("recipient", "recipient"), ("date", "date"), ("place", "place"),
        ("aux", "aux"), ("trigger_text", "trigger"), ("mention_count", "mentions"),
    ]
    _print_rows(rows, fmt, columns, f"{len(rows)} events" + ("" if all_events else " (facts; --all for every event)"))


@app.command()
def dyads(
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month or year.", metavar="PERIOD")] = "day",
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    start: StartOption = None,
    end: EndOption = None,
    all_events: AllOption = False,
    fmt: FormatOption = "table",
) -> None:
    """Count events per actor-recipient pair and period, with sums of Goldstein and PLOVER scores.

    Example:

        eventwire dyads --db news.duckdb --by week --country SYR
    """
    from eventwire.store import open_store
    from eventwire.store.queries import INTERVALS

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    by = check_choice(by, INTERVALS, "--by")
    start, end = check_date(start, "--from"), check_date(end, "--to")
    event_type = check_event_types(event_type)
    with open_store(_db_path(db), read_only=True) as store:
        rows = store.dyads(by, actor=actor, recipient=recipient, country=country, type=event_type, start=start,
                           end=end, all=all_events)
    columns = [
        ("period", by), ("actor", "actor"), ("recipient", "recipient"), ("events", "events"),
        ("mentions", "mentions"), ("goldstein_sum", "Goldstein"), ("plover_sum", "PLOVER"),
        ("cooperative", "coop"), ("conflictual", "conflict"),
    ]
    shown = [{**r, "actor_code": r["actor"], "recipient_code": r["recipient"]} for r in rows]
    _print_rows(shown if fmt == "table" else rows, fmt, columns, f"dyads by {by}")


@app.command()
def actors(
    name: Annotated[
        str | None, typer.Argument(help="Part of a name or a code to look for (default: every actor).",
                                   metavar="NAME", show_default=False)
    ] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many actors.", metavar="N")] = 100,
    fmt: FormatOption = "table",
) -> None:
    """List the stored actors, with how many articles and events each appears in.

    Example:

        eventwire actors Lavrov --db news.duckdb
    """
    from eventwire.store import open_store

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    check_range(limit, 1, 1_000_000_000, "--limit")
    with open_store(_db_path(db), read_only=True) as store:
        rows = store.actors(name, limit)
    columns = [
        ("code", "code"), ("name", "name"), ("country", "country"), ("sector", "sector"), ("articles", "articles"),
        ("mentions", "mentions"), ("events_as_actor", "as actor"), ("events_as_recipient", "as recipient"),
    ]
    _print_rows(rows, fmt, columns, f"{len(rows)} actors")


@app.command("export")
def export_cmd(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Output file; for parquet a folder (one file per table) or a .parquet "
                     "file (the events table). Its folder must exist.", metavar="PATH"),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, gdelt, plover, graphml or geojson.", metavar="FORMAT")
    ] = "csv",
    db: DbOption = None,
    facts: Annotated[bool, typer.Option("--facts", help="Leave out negated, hypothetical and future events.")] = False,
) -> None:
    """Export the database: Parquet tables, one row per event (csv, GDELT 2.0, PLOVER), the actor graph
    (GraphML) or the events on a map (GeoJSON).

    Examples:

        eventwire export --db news.duckdb --format gdelt -o events.tsv

        eventwire export --db news.duckdb --format parquet -o tables/
    """
    from eventwire.store import open_store
    from eventwire.store.export import FORMATS, export

    fmt = check_choice(fmt, FORMATS, "--format")
    if fmt == "parquet" and output.suffix != ".parquet":
        if not output.is_dir():
            check_output(output, "-o")  # the folder itself may be made, inside an existing one
    else:
        check_output(output, "-o")
    with open_store(_db_path(db), read_only=True) as store:
        result = export(store.con, fmt, output, all=not facts)
    for path, n in result["files"].items():
        typer.echo(f"{path}: {n} rows", err=True)
