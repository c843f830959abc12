"""`eventwire panel`: zero-filled country-year, country-month and dyad-month panels from the store.

Thin layer over eventwire.store.panel: the panel is computed in DuckDB and streamed to the output in Arrow
record batches (CSV, Parquet or JSON Lines), so its size never grows the memory of this process; DuckDB's
own memory is capped as for an export (store.db.bounded_memory), its aggregation spilling to disk beyond.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.app import app
from eventwire.cli.checks import check_choice, check_output
from eventwire.cli.store import (
    ActorCountryOption,
    ActorOption,
    AllOption,
    CameoOption,
    CodeOption,
    DbOption,
    EndOption,
    NameOption,
    QuadOption,
    RecipientCountryOption,
    RecipientOption,
    RootCodeOption,
    SectorOption,
    StartOption,
    TypeOption,
    _db_path,
    _print_rows,
    check_filters,
)

PANEL_FORMATS = ("csv", "parquet", "json", "table")


@app.command()
def panel(
    by: Annotated[
        str, typer.Option("--by", help="country-year, country-month or dyad-month (actor country, recipient "
                          "country and month).", metavar="PANEL")
    ] = "country-year",
    country_of: Annotated[
        str, typer.Option("--country-of", help="Whose country makes the unit of a country panel: actor, "
                          "recipient or place.", metavar="SIDE")
    ] = "actor",
    by_type: Annotated[bool, typer.Option("--by-type", help="Add one count per PLOVER event type.")] = False,
    db: DbOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    code: CodeOption = None,
    name: NameOption = None,
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
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, parquet (needs -o), json (JSON Lines) or table.",
                          metavar="FORMAT")
    ] = "csv",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: standard output).", metavar="FILE")
    ] = None,
) -> None:
    """Count events per country (or dyad) and period, zero-filled: one row for every unit and every
    period from the first to the last (or --from to --to), with counts per quad class, the sum and mean
    of the Goldstein scores, and with --by-type a count per PLOVER type. Facts only unless --all.

    An event counts in a period only when its date is that precise: a year-only event counts in its year
    and in no month (never in January). A note on standard error says how many events a panel leaves out
    and why.

    Examples:

        eventwire panel --db news.duckdb --by country-year > country-year.csv

        eventwire panel --db news.duckdb --by dyad-month --from 2018-01-01 --to 2018-12-31 -o dyads.csv

        eventwire panel --db news.duckdb --by country-month --actor-country SYR --by-type -f parquet -o syr.parquet
    """
    from eventwire.store import open_store
    from eventwire.store.db import bounded_memory
    from eventwire.store.panel import PANELS, SIDES, panel_coverage, panel_reader

    by = check_choice(by, PANELS, "--by")
    country_of = check_choice(country_of, SIDES, "--country-of")
    fmt = check_choice(fmt, PANEL_FORMATS, "--format")
    filters = check_filters(
        actor=actor, recipient=recipient, code=code, name=name, actor_country=actor_country,
        recipient_country=recipient_country, sector=sector, type=event_type, cameo=cameo, root_code=root_code,
        quad_class=quad_class, start=start, end=end, all=all_events,
    )
    if fmt == "parquet" and output is None:
        from eventwire.errors import ErrorCode, EventwireError

        raise EventwireError(ErrorCode.ARGUMENT_INVALID, "--format parquet: give a file with -o")
    check_output(output, "-o")
    with open_store(_db_path(db), read_only=True) as store, bounded_memory(store.con):
        coverage = panel_coverage(store.con, by, country_of, **filters)
        reader = panel_reader(store.con, by, country_of, by_type, **filters)
        n = _write(reader, fmt, output, f"{by} panel")
    side = "a dyad (an actor and a recipient country)" if by == "dyad-month" else f"a country of the {country_of}"
    period = "year" if by == "country-year" else "month"
    typer.echo(
        f"{n} rows ({by}); {coverage['counted']} events counted; not counted: {coverage['no_country']} without "
        f"{side}, {coverage['undated']} undated, {coverage['too_coarse']} dated less precisely than a {period}"
        + ("" if all_events else "; facts only (--all to include negated, hypothetical and future events)"),
        err=True,
    )


def _write(reader: Any, fmt: str, output: Path | None, title: str) -> int:
    """Stream the panel's batches to the output; the number of rows written."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    n = 0
    if fmt == "table":
        rows = [row for batch in reader for row in batch.to_pylist()]
        columns = [(k, k) for k in reader.schema.names]
        _print_rows(rows, "table", columns, title)
        return len(rows)
    if fmt == "parquet":
        assert output is not None
        with pq.ParquetWriter(output, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
        return n
    sys.stdout.flush()
    sink = output.open("wb") if output else sys.stdout.buffer
    try:
        if fmt == "csv":
            with pcsv.CSVWriter(sink, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    n += batch.num_rows
        else:
            for batch in reader:
                for row in batch.to_pylist():
                    sink.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
                n += batch.num_rows
    finally:
        if output:
            sink.close()
        else:
            sink.flush()
    return n
