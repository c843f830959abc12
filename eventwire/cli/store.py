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
from eventwire.cli.extract import ConfigOption, MinConfidenceOption, PublishedOption, WorkersOption, estimate_total
from eventwire.config import load_config

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The database file (default: ./eventwire.duckdb, or store.db in the settings).",
                 metavar="FILE"),
]
TABLE_FORMATS = ("table", "csv", "json")
# Rows a terminal table shows by default (a table of every dyad of a large store takes a terminal minutes).
TABLE_ROWS = 1000
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output: table, csv or json.", metavar="FORMAT")
]
# The filters every event command shares (eventwire.store.filters: the same names in the REST API and in
# eventwire.read_events). Structured filters match one field exactly; --name searches names.
ActorOption = Annotated[
    str | None,
    typer.Option(help="Actor: a code, exact (RUSGOV) or a prefix ending in * (RUS*), or whole words of a name "
                 "(Lavrov).", metavar="ACTOR"),
]
RecipientOption = Annotated[
    str | None, typer.Option(help="Recipient: a code (exact, or a prefix ending in *) or whole words of a name.",
                             metavar="ACTOR")
]
PartyOption = Annotated[
    str | None, typer.Option(help="Actor or recipient: a code (exact, or a prefix ending in *) or whole words of "
                             "a name.", metavar="ACTOR")
]
CodeOption = Annotated[
    str | None, typer.Option(help="A code of the actor or the recipient, exact (RUSGOV) or a prefix ending in * "
                             "(RUS*); never a name.", metavar="CODE")
]
NameOption = Annotated[
    str | None, typer.Option(help="Text search: whole words of an actor's or recipient's name (Lavrov, "
                             "'Sergei Lavrov').", metavar="WORDS")
]
CountryOption = Annotated[
    str | None, typer.Option(help="Country code (ISO alpha-3, e.g. SYR) of actor, recipient or place.",
                             metavar="CODE")
]
ActorCountryOption = Annotated[
    str | None, typer.Option("--actor-country", help="Country of an actor (ISO alpha-3, e.g. RUS): only that "
                             "country.", metavar="CODE")
]
RecipientCountryOption = Annotated[
    str | None, typer.Option("--recipient-country", help="Country of a recipient (ISO alpha-3).", metavar="CODE")
]
SectorOption = Annotated[
    str | None, typer.Option(help="Sector of the actor or the recipient: GOV, MIL, REB, COP, CVL ...",
                             metavar="SECTOR")
]
ActorSectorOption = Annotated[str | None, typer.Option("--actor-sector", help="Sector of an actor.", metavar="SECTOR")]
RecipientSectorOption = Annotated[
    str | None, typer.Option("--recipient-sector", help="Sector of a recipient.", metavar="SECTOR")
]
CameoOption = Annotated[
    str | None, typer.Option(help="CAMEO code, exact (042) or a prefix ending in * (04*).", metavar="CODE")
]
RootCodeOption = Annotated[
    str | None, typer.Option("--root-code", help="CAMEO root code, 01 to 20 (19 is fighting).", metavar="NN")
]
QuadOption = Annotated[
    int | None,
    typer.Option("--quad-class", help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                 "4 material conflict.", metavar="1-4"),
]
PlaceOption = Annotated[str | None, typer.Option(help="Place name or GeoNames id.", metavar="PLACE")]
OutletOption = Annotated[str | None, typer.Option(help="Outlet of a reporting article.", metavar="NAME")]
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
            task = progress.add_task("ingest", total=estimate_total(files), events=0)

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


# The option that sets each filter, for messages.
OPTION_NAMES: dict[str, str] = {
    "actor": "--actor", "recipient": "--recipient", "party": "--party", "code": "--code", "name": "--name",
    "country": "--country", "actor_country": "--actor-country", "recipient_country": "--recipient-country",
    "sector": "--sector", "actor_sector": "--actor-sector", "recipient_sector": "--recipient-sector",
    "type": "--type", "cameo": "--cameo", "root_code": "--root-code", "quad_class": "--quad-class",
    "start": "--from", "end": "--to", "place": "--place", "outlet": "--outlet", "article_id": "--article",
    "since": "--since",
}


def check_filters(**filters: Any) -> dict[str, Any]:
    """The filters of an event command, each checked before any database is opened (E112 a date, E403 the
    rest), with the None ones dropped; the names are those of eventwire.store.filters."""
    from eventwire.errors import ErrorCode
    from eventwire.store.filters import check_filters as check

    for key in ("start", "end", "since"):
        filters[key] = check_date(filters.get(key), OPTION_NAMES[key])
    filters["type"] = check_event_types(filters.get("type"))
    filters["quad_class"] = check_quad_class(filters.get("quad_class"))
    return check(ErrorCode.ARGUMENT_INVALID, OPTION_NAMES, **filters)


def left_out_note(shown: int, total: int, offset: int, what: str) -> None:
    """Say on standard error how many rows a limit left out (never silently stop at --limit)."""
    left = total - offset - shown
    if left > 0:
        typer.echo(f"note: {shown} of {total} {what} shown; {left} more left out by --limit "
                   f"(use --limit or --offset to see them)", err=True)


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    party: PartyOption = None,
    code: CodeOption = None,
    name: NameOption = None,
    country: CountryOption = None,
    actor_country: ActorCountryOption = None,
    recipient_country: RecipientCountryOption = None,
    sector: SectorOption = None,
    actor_sector: ActorSectorOption = None,
    recipient_sector: RecipientSectorOption = None,
    event_type: TypeOption = None,
    cameo: CameoOption = None,
    root_code: RootCodeOption = None,
    quad_class: QuadOption = None,
    start: StartOption = None,
    end: EndOption = None,
    place: PlaceOption = None,
    outlet: OutletOption = None,
    all_events: AllOption = False,
    limit: Annotated[int, typer.Option(help="At most this many events (the rest are counted and said).",
                                       metavar="N")] = 1000,
    offset: Annotated[int, typer.Option(help="Skip this many events first.", metavar="N")] = 0,
    fmt: FormatOption = "table",
) -> None:
    """List the stored events, each once however many articles report it (facts only unless --all).

    Structured filters match one field (--actor-country RUS: only Russian actors; --code RUS*: codes that
    start with RUS; --cameo 04*); --name searches names as whole words. When --limit cuts the list, a note
    on standard error says how many events were left out.

    Examples:

        eventwire events --db news.duckdb --actor-country RUS --type CONSULT --from 2014-11-01

        eventwire events --db news.duckdb --code 'RUS*' --root-code 19 --format csv > russian-fighting.csv

        eventwire events --db news.duckdb --name Lavrov --all
    """
    from eventwire.store import open_store

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    filters = check_filters(
        actor=actor, recipient=recipient, party=party, code=code, name=name, country=country,
        actor_country=actor_country, recipient_country=recipient_country, sector=sector, actor_sector=actor_sector,
        recipient_sector=recipient_sector, type=event_type, cameo=cameo, root_code=root_code, quad_class=quad_class,
        start=start, end=end, place=place, outlet=outlet, all=all_events,
    )
    check_range(limit, 1, 1_000_000_000, "--limit")
    check_range(offset, 0, 1_000_000_000_000, "--offset")
    with open_store(_db_path(db), read_only=True) as store:
        rows = store.events(limit=limit, offset=offset, **filters)
        total = store.count_events(**filters)
    columns = [
        ("type", "type"), ("actor", "actor"), ("recipient", "recipient"), ("date", "date"), ("place", "place"),
        ("aux", "aux"), ("trigger_text", "trigger"), ("mention_count", "mentions"),
    ]
    facts = "" if all_events else " (facts; --all for every event)"
    _print_rows(rows, fmt, columns, f"{len(rows)} of {total} events{facts}")
    left_out_note(len(rows), total, offset, "events")


@app.command()
def dyads(
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month or year.", metavar="PERIOD")] = "day",
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    code: CodeOption = None,
    name: NameOption = None,
    country: CountryOption = None,
    actor_country: ActorCountryOption = None,
    recipient_country: RecipientCountryOption = None,
    sector: SectorOption = None,
    event_type: TypeOption = None,
    cameo: CameoOption = None,
    root_code: RootCodeOption = None,
    quad_class: QuadOption = None,
    start: StartOption = None,
    end: EndOption = None,
    all_events: AllOption = False,
    limit: Annotated[
        int | None, typer.Option(help="At most this many rows (default: 1000 for a table, every row for csv and "
                                 "json; the rest are counted and said).", metavar="N")
    ] = None,
    offset: Annotated[int, typer.Option(help="Skip this many rows first.", metavar="N")] = 0,
    fmt: FormatOption = "table",
) -> None:
    """Count events per actor-recipient pair and period, with sums of Goldstein and PLOVER scores.

    A pair is of codes; an actor without a code shows its name and no code. An event goes in a period
    only when its date is that precise: a year-only event is in no week or month (the rows without a
    period hold those and the undated ones).

    Example:

        eventwire dyads --db news.duckdb --by week --country SYR
    """
    from eventwire.store import open_store
    from eventwire.store.queries import INTERVALS, dyads_page

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    by = check_choice(by, INTERVALS, "--by")
    filters = check_filters(
        actor=actor, recipient=recipient, code=code, name=name, country=country, actor_country=actor_country,
        recipient_country=recipient_country, sector=sector, type=event_type, cameo=cameo, root_code=root_code,
        quad_class=quad_class, start=start, end=end, all=all_events,
    )
    if limit is None and fmt == "table":
        limit = TABLE_ROWS
    if limit is not None:
        check_range(limit, 1, 1_000_000_000, "--limit")
    check_range(offset, 0, 1_000_000_000_000, "--offset")
    with open_store(_db_path(db), read_only=True) as store:
        # Counted and paged in DuckDB by one aggregation: only the rows shown reach Python.
        rows, totals = dyads_page(store.con, by, limit=limit, offset=offset, **filters)
    columns = [
        ("period", by), ("actor", "actor"), ("recipient", "recipient"), ("events", "events"),
        ("mentions", "mentions"), ("goldstein_sum", "Goldstein"), ("plover_sum", "PLOVER"),
        ("cooperative", "coop"), ("conflictual", "conflict"),
    ]
    shown = [{**r, "actor_code": r["actor"], "recipient_code": r["recipient"]} for r in rows]
    _print_rows(shown if fmt == "table" else rows, fmt, columns, f"dyads by {by}")
    left_out_note(len(rows), totals["rows"], offset, "dyad rows")
    unplaced = totals["unplaced"]
    if unplaced:
        typer.echo(f"note: {unplaced} events have no date as precise as a {by} (or none at all); they are in the "
                   "rows without a period", err=True)


@app.command()
def actors(
    name: Annotated[
        str | None, typer.Argument(help="A code, exact (RUSGOV) or a prefix ending in * (RUS*), or whole words of a "
                                   "name (Lavrov); default: every actor.", metavar="NAME", show_default=False)
    ] = None,
    db: DbOption = None,
    all_events: Annotated[
        bool, typer.Option("--all", help="Count negated, hypothetical and future events too (facts only without).")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many actors (the rest are counted and said).",
                                       metavar="N")] = 100,
    fmt: FormatOption = "table",
) -> None:
    """List the stored actors, with how many articles and events (facts unless --all) each appears in.

    Examples:

        eventwire actors Lavrov --db news.duckdb

        eventwire actors 'RUS*' --db news.duckdb
    """
    from eventwire.store import open_store

    fmt = check_choice(fmt, TABLE_FORMATS, "--format")
    check_range(limit, 1, 1_000_000_000, "--limit")
    with open_store(_db_path(db), read_only=True) as store:
        rows = store.actors(name, limit, all=all_events)
    total = int(rows[0]["total"]) if rows else 0
    rows = [{k: v for k, v in r.items() if k != "total"} for r in rows]
    columns = [
        ("code", "code"), ("name", "name"), ("country", "country"), ("sector", "sector"), ("articles", "articles"),
        ("mentions", "mentions"), ("events_as_actor", "as actor"), ("events_as_recipient", "as recipient"),
    ]
    _print_rows(rows, fmt, columns, f"{len(rows)} of {total} actors")
    left_out_note(len(rows), total, 0, "actors")


def row_progress(label: str, quiet: bool = False) -> tuple[Progress, Any]:
    """A progress display of rows written so far on standard error, and the callback that advances it."""
    progress = Progress(SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:,} rows"), TimeElapsedColumn(),
                        console=Console(stderr=True), disable=quiet, transient=True)
    task = progress.add_task(label, total=None)
    return progress, lambda n: progress.update(task, advance=n)


@app.command("export")
def export_cmd(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Output file; for parquet a folder (one file per table) or a .parquet "
                     "file (the events table). Its folder must exist.", metavar="PATH"),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, rcsv (for R, with a codebook), gdelt, plover, icews, "
                          "polecat, graphml or geojson.", metavar="FORMAT")
    ] = "csv",
    db: DbOption = None,
    all_events: Annotated[
        bool, typer.Option("--all", help="Include negated, hypothetical and future events (every format keeps "
                           "facts only without it).")
    ] = False,
    facts: Annotated[bool, typer.Option("--facts", hidden=True, help="Facts only (the default).")] = False,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    code: CodeOption = None,
    name: NameOption = None,
    country: CountryOption = None,
    actor_country: ActorCountryOption = None,
    recipient_country: RecipientCountryOption = None,
    sector: SectorOption = None,
    event_type: TypeOption = None,
    cameo: CameoOption = None,
    root_code: RootCodeOption = None,
    quad_class: QuadOption = None,
    start: StartOption = None,
    end: EndOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Incremental export: only events stored or updated (a new report "
                                 "merged in) on or after this day.", metavar="YYYY-MM-DD")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Export the database: Parquet tables, one row per event (csv, rcsv, GDELT 2.0, PLOVER JSON, ICEWS-
    and POLECAT-style TSV), the actor graph (GraphML) or the events on a map (GeoJSON). Facts only unless
    --all; the filters of `eventwire events` narrow it. docs/formats.md describes every column.

    gdelt also writes NAME.eventwire.tsv (each event's date precision and aux modes, which GDELT has no
    column for); rcsv also writes NAME.codebook.csv. parquet writes the selected events with their mentions
    and evidence; with a filter or --since its per-article tables (articles, actors, mentions, places,
    times, quotes) hold only the articles that report a selected event, without one every stored article.

    Examples:

        eventwire export --db news.duckdb --format gdelt -o events.tsv

        eventwire export --db news.duckdb --format rcsv --actor-country RUS -o russia.csv

        eventwire export --db news.duckdb --format parquet --all -o tables/

        eventwire export --db news.duckdb --format gdelt --since 2026-12-01 -o new-events.tsv

    DuckDB's memory is capped for an export. The row formats and geojson stream events in batches, so their
    memory stays about flat however large the store; parquet writes each table in batches but buffers a
    row group (more memory on large stores); graphml holds the whole actor network in memory, its size that
    of the graph, not of the store (docs/performance.md, docs/scaling.md).
    """
    from eventwire.store import open_store
    from eventwire.store.export import FORMATS, export

    fmt = check_choice(fmt, FORMATS, "--format")
    filters = check_filters(
        actor=actor, recipient=recipient, code=code, name=name, country=country, actor_country=actor_country,
        recipient_country=recipient_country, sector=sector, type=event_type, cameo=cameo, root_code=root_code,
        quad_class=quad_class, start=start, end=end, since=since, all=all_events and not facts,
    )
    if fmt == "parquet" and output.suffix != ".parquet":
        if not output.is_dir():
            check_output(output, "-o")  # the folder itself may be made, inside an existing one
    else:
        check_output(output, "-o")
    progress, advance = row_progress(f"export {fmt}", quiet)
    with open_store(_db_path(db), read_only=True) as store, progress:
        result = export(store.con, fmt, output, progress=advance, **filters)
    for path, n in result["files"].items():
        typer.echo(f"{path}: {n} rows", err=True)
    if not filters["all"]:
        typer.echo("facts only: negated, hypothetical and future events left out (--all to include them)", err=True)
