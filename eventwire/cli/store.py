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

from eventwire.cli.app import app
from eventwire.config import load_config
from eventwire.errors import EventwireError

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: store.db, ./eventwire.duckdb)")]
EXIT_SOME_REJECTED = 3


def _db_path(db: Path | None) -> Path:
    return db or Path(load_config().store.db)


def _fail(exc: EventwireError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error[/red] {exc}")
    return typer.Exit(1)


class RateColumn(ProgressColumn):
    """Articles per second so far (rich's speed column shows bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        events = task.fields.get("events", 0)
        return Text(f"{rate:.2f} articles/s, {events} event mentions", style="progress.data.speed")


def _estimate_total(paths: list[str]) -> int | None:
    """A cheap count for the bar: lines of JSON Lines files, one per text or HTML file; None if unknown."""
    from eventwire.readers import expand, suffix_of

    if "-" in paths:
        return None
    total = 0
    for path in expand(paths):
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
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
    db: DbOption = None,
    rejects: Annotated[Path | None, typer.Option(help="rejects JSON Lines (default: beside the database)")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for inputs without one")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="worker processes")] = None,
    batch_size: Annotated[int | None, typer.Option(help="articles per transaction")] = None,
    config: Annotated[Path | None, typer.Option(help="user TOML configuration")] = None,
    min_confidence: Annotated[
        float | None, typer.Option(help="drop facts below this confidence (0-1; default: the event model's threshold)")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Extract events from articles into the DuckDB store, idempotently (already stored articles are skipped).

    One transaction per batch: a killed ingest resumes where it stopped. Exit code 3 if some were rejected.
    """
    from eventwire.pipeline import Pipeline
    from eventwire.readers import read_paths
    from eventwire.store import open_store
    from eventwire.store.ingest import ingest as run_ingest

    cfg = load_config(config, {"pipeline.n_process": workers, "events.min_confidence": min_confidence})
    db_path = _db_path(db)
    rejects_path = rejects or db_path.with_suffix(".rejects.jsonl")
    size = batch_size or cfg.store.batch_size
    err = Console(stderr=True)
    try:
        pipeline = Pipeline(cfg)
        store = open_store(db_path, dedup_days=cfg.store.dedup_days)
    except EventwireError as exc:
        raise _fail(exc) from exc
    records = read_paths(paths, {"published": published, "max_bytes": cfg.io.max_bytes})
    with store, rejects_path.open("w", encoding="utf-8") as rejects_fh:
        progress = Progress(
            SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
            console=err, disable=quiet or not err.is_terminal and False, transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=_estimate_total(paths), events=0)

            def advance(articles: int, events: int) -> None:
                current = progress.tasks[0].fields.get("events", 0)
                progress.update(task, advance=articles, events=current + events)

            try:
                report = run_ingest(store, records, pipeline, batch_size=size, rejects=rejects_fh, progress=advance,
                                    n_process=workers)
            except EventwireError as exc:
                raise _fail(exc) from exc
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
        raise typer.Exit(EXIT_SOME_REJECTED)


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


TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma separated")]


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="actor code or name")] = None,
    recipient: Annotated[str | None, typer.Option(help="recipient code or name")] = None,
    party: Annotated[str | None, typer.Option(help="actor or recipient, code or name")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of actor, recipient or place")] = None,
    event_type: TypeOption = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", help="1-4")] = None,
    start: Annotated[str | None, typer.Option("--from", help="first date YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option("--to", help="last date YYYY-MM-DD")] = None,
    place: Annotated[str | None, typer.Option(help="place name or GeoNames id")] = None,
    outlet: Annotated[str | None, typer.Option(help="outlet of a reporting article")] = None,
    all_events: Annotated[bool, typer.Option("--all", help="include negated, hypothetical and future events")] = False,
    limit: Annotated[int, typer.Option(help="at most N events")] = 1000,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|csv|json")] = "table",
) -> None:
    """List deduplicated events from the store (facts only unless --all)."""
    from eventwire.store import open_store

    try:
        with open_store(_db_path(db), read_only=True) as store:
            rows = store.events(
                actor=actor, recipient=recipient, party=party, country=country, type=event_type, quad_class=quad_class,
                start=start, end=end, place=place, outlet=outlet, all=all_events, limit=limit,
            )
    except EventwireError as exc:
        raise _fail(exc) from exc
    columns = [
        ("type", "type"), ("actor", "actor"), ("recipient", "recipient"), ("date", "date"), ("place", "place"),
        ("aux", "aux"), ("trigger_text", "trigger"), ("mention_count", "mentions"),
    ]
    _print_rows(rows, fmt, columns, f"{len(rows)} events" + ("" if all_events else " (facts; --all for every event)"))


@app.command()
def dyads(
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="day|week|month|year")] = "day",
    actor: Annotated[str | None, typer.Option(help="actor code or name")] = None,
    recipient: Annotated[str | None, typer.Option(help="recipient code or name")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of actor, recipient or place")] = None,
    event_type: TypeOption = None,
    start: Annotated[str | None, typer.Option("--from", help="first date YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option("--to", help="last date YYYY-MM-DD")] = None,
    all_events: Annotated[bool, typer.Option("--all", help="include negated, hypothetical and future events")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|csv|json")] = "table",
) -> None:
    """Dyad counts per period, with sums of Goldstein and PLOVER scores."""
    from eventwire.store import open_store

    try:
        with open_store(_db_path(db), read_only=True) as store:
            rows = store.dyads(by, actor=actor, recipient=recipient, country=country, type=event_type, start=start,
                               end=end, all=all_events)
    except EventwireError as exc:
        raise _fail(exc) from exc
    columns = [
        ("period", by), ("actor", "actor"), ("recipient", "recipient"), ("events", "events"),
        ("mentions", "mentions"), ("goldstein_sum", "Goldstein"), ("plover_sum", "PLOVER"),
        ("cooperative", "coop"), ("conflictual", "conflict"),
    ]
    shown = [{**r, "actor_code": r["actor"], "recipient_code": r["recipient"]} for r in rows]
    _print_rows(shown if fmt == "table" else rows, fmt, columns, f"dyads by {by}")


@app.command()
def actors(
    name: Annotated[str | None, typer.Argument(help="name or code to look for")] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="at most N actors")] = 100,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|csv|json")] = "table",
) -> None:
    """Actors in the store, with how many articles and events they appear in."""
    from eventwire.store import open_store

    try:
        with open_store(_db_path(db), read_only=True) as store:
            rows = store.actors(name, limit)
    except EventwireError as exc:
        raise _fail(exc) from exc
    columns = [
        ("code", "code"), ("name", "name"), ("country", "country"), ("sector", "sector"), ("articles", "articles"),
        ("mentions", "mentions"), ("events_as_actor", "as actor"), ("events_as_recipient", "as recipient"),
    ]
    _print_rows(rows, fmt, columns, f"{len(rows)} actors")


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="output file (a folder for parquet)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet|csv|gdelt|plover|graphml|geojson")] = "csv",
    db: DbOption = None,
    facts: Annotated[bool, typer.Option("--facts", help="leave out negated, hypothetical and future events")] = False,
) -> None:
    """Export the store: Parquet tables, one row per event (csv, GDELT 2.0, PLOVER), the actor graph, GeoJSON."""
    from eventwire.store import open_store
    from eventwire.store.export import export

    try:
        with open_store(_db_path(db), read_only=True) as store:
            result = export(store.con, fmt, output, all=not facts)
    except EventwireError as exc:
        raise _fail(exc) from exc
    for path, n in result["files"].items():
        typer.echo(f"{path}: {n} rows", err=True)
