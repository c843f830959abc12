"""`eventwire extract`: files or standard input -> Documents, rejects to a rejects file.

Progress shows on standard error while a terminal watches (articles read, events found), and one summary
line ends every run there: articles extracted and rejected, events and facts, where the output went.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire.cli.app import EXIT_ALL_REJECTED, EXIT_SOME_REJECTED, app
from eventwire.cli.checks import check_choice, check_date, check_inputs, check_output
from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.readers import read_paths
from eventwire.records import Reject
from eventwire.registry import writers
from eventwire.writers import get_writer, is_event_format

PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Articles to read: files, folders (read recursively), quoted glob patterns such as 'news/*.html', "
        "or - for standard input (the default).",
        metavar="PATH",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        help="Publication date for articles that do not carry one; relative dates ('yesterday') are read "
        "against it.",
        metavar="YYYY-MM-DD",
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option(help="Settings file (TOML); see eventwire/defaults.toml for every key.", metavar="FILE")
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", "-j", help="Worker processes (default: 1).", metavar="N")
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        help="Drop facts whose confidence is below this number from 0 to 1 (default: the event model's own "
        "threshold).",
        metavar="NUMBER",
    ),
]


def estimate_total(paths: list[str]) -> int | None:
    """A cheap count for a progress bar: lines of JSON Lines files, one per text or HTML file; None if unknown."""
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
def extract(
    paths: PathsArgument = None,
    published: PublishedOption = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: jsonl, json, csv, gdelt or plover.", metavar="FORMAT"),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: standard output).", metavar="FILE")
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option(
            help="Where rejected inputs are listed, one JSON object a line (default: OUTPUT.rejects.jsonl, "
            "or ./rejects.jsonl when writing to standard output).",
            metavar="FILE",
        ),
    ] = None,
    config: ConfigOption = None,
    model: Annotated[
        str | None, typer.Option(help="Installed spaCy pipeline to parse with.", metavar="NAME")
    ] = None,
    workers: WorkersOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch.", metavar="N")] = None,
    min_confidence: MinConfidenceOption = None,
    all_events: Annotated[
        bool, typer.Option("--all", help="csv, rcsv, gdelt, plover, icews, polecat: include negated, hypothetical "
                           "and future events (facts only without; jsonl and json keep every event, with its aux).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Extract events from articles and write one Document (JSON) per article, or one row per event.

    The event formats (csv, rcsv, gdelt, plover, icews, polecat) keep facts only unless --all;
    docs/formats.md describes them. A summary line on standard error ends every run.

    Exit codes: 0 every article extracted; 3 some inputs rejected (listed in the rejects file); 4 every
    input rejected; 2 a wrong argument (the message says which, with its error code).

    Examples:

        eventwire extract samples/vov-2014-11-27-russia-syria.txt --published 2014-11-27

        eventwire extract corpus/ -o docs.jsonl            (rejects in docs.rejects.jsonl)

        cat articles.jsonl | eventwire extract - --format csv > events.csv
    """
    published = check_date(published, "--published")
    fmt = check_choice(fmt, writers.names(), "--format")
    check_output(output, "-o")
    rejects_path = rejects or (output.with_suffix(".rejects.jsonl") if output else Path("rejects.jsonl"))
    check_output(rejects_path, "--rejects")
    files = check_inputs(paths or ["-"])
    cfg = load_config(
        config,
        {"pipeline.model": model, "pipeline.n_process": workers, "pipeline.batch_size": batch_size,
         "events.min_confidence": min_confidence},
    )
    pipeline = Pipeline(cfg)
    read_opts = {"published": published, "max_bytes": cfg.io.max_bytes}
    records = read_paths(files, read_opts)
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    n_docs = n_rejects = n_events = n_facts = 0
    rejects_fh = None
    err = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(), TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
        console=err, disable=quiet or not err.is_terminal, transient=True,
    )
    try:
        writer = get_writer(fmt, out, facts=not all_events, path=output)
        with progress:
            task = progress.add_task("extract", total=estimate_total(files), events=0)
            for result in pipeline.pipe(records):
                if isinstance(result, Reject):
                    if rejects_fh is None:
                        rejects_fh = rejects_path.open("w", encoding="utf-8")
                    result.write(rejects_fh)
                    n_rejects += 1
                    progress.console.print(f"rejected {result.id or result.source}: {result.reason}",
                                           markup=False, highlight=False, soft_wrap=True)
                else:
                    writer.write(result)
                    n_docs += 1
                    n_events += len(result.events)
                    n_facts += sum(1 for ev in result.events if ev.is_fact)
                progress.update(task, advance=1, events=n_events)
        writer.close()
    finally:
        if output:
            out.close()
        if rejects_fh:
            rejects_fh.close()
    left_out = "" if all_events or not is_event_format(fmt) else (
        f", {n_events - n_facts} not facts left out (--all to include them)" if n_events > n_facts else "")
    summary = (f"{n_docs} extracted, {n_rejects} rejected; {n_events} events ({n_facts} facts{left_out}) "
               f"-> {output or 'standard output'}")
    typer.echo(summary + (f"; rejects in {rejects_path}" if n_rejects else ""), err=True)
    if n_rejects:
        raise typer.Exit(EXIT_ALL_REJECTED if n_docs == 0 else EXIT_SOME_REJECTED)
