"""`eventwire extract`: files or standard input -> Documents, rejects to a rejects file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.app import app
from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.readers import read_paths
from eventwire.records import Reject
from eventwire.writers import get_writer

EXIT_OK = 0
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="files, folders, globs, or - for stdin")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for inputs without one")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl|json|csv|gdelt|plover")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="output file (default stdout)")] = None,
    rejects: Annotated[
        Path | None, typer.Option(help="rejects JSON Lines (default: OUTPUT.rejects.jsonl or ./rejects.jsonl)")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="user TOML configuration")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package name")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="worker processes")] = None,
    batch_size: Annotated[int | None, typer.Option(help="articles per batch")] = None,
    min_confidence: Annotated[
        float | None, typer.Option(help="drop facts below this confidence (0-1; default: the event model's threshold)")
    ] = None,
) -> None:
    """Extract events from articles; write one Document per article.

    Exit codes: 0 all articles extracted, 3 some rejected (see the rejects file), 4 every input rejected,
    2 usage error.
    """
    cfg = load_config(
        config,
        {"pipeline.model": model, "pipeline.n_process": workers, "pipeline.batch_size": batch_size,
         "events.min_confidence": min_confidence},
    )
    pipeline = Pipeline(cfg)
    read_opts = {"published": published, "max_bytes": cfg.io.max_bytes}
    records = read_paths(paths or ["-"], read_opts)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    rejects_path = rejects or (output.with_suffix(".rejects.jsonl") if output else Path("rejects.jsonl"))
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
