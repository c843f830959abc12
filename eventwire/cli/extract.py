"""`eventwire extract`: files or standard input -> Documents, rejects to a rejects file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.app import EXIT_ALL_REJECTED, EXIT_SOME_REJECTED, app
from eventwire.cli.checks import check_choice, check_date, check_inputs, check_output
from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.readers import read_paths
from eventwire.records import Reject
from eventwire.registry import writers
from eventwire.writers import get_writer

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
) -> None:
    """Extract events from articles and write one Document (JSON) per article.

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
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    n_docs = n_rejects = 0
    rejects_fh = None
    try:
        writer = get_writer(fmt, out)
        for result in pipeline.pipe(records):
            if isinstance(result, Reject):
                if rejects_fh is None:
                    rejects_fh = rejects_path.open("w", encoding="utf-8")
                result.write(rejects_fh)
                n_rejects += 1
                typer.echo(f"rejected {result.id or result.source}: {result.reason}", err=True)
            else:
                writer.write(result)
                n_docs += 1
        writer.close()
    finally:
        if output:
            out.close()
        if rejects_fh:
            rejects_fh.close()
    if n_rejects:
        typer.echo(f"{n_docs} extracted, {n_rejects} rejected -> {rejects_path}", err=True)
        raise typer.Exit(EXIT_ALL_REJECTED if n_docs == 0 else EXIT_SOME_REJECTED)
