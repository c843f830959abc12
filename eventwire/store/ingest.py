"""Ingest: inputs -> pipeline -> store, in committed batches, skipping what is stored already.

Why skip before the pipeline: the content hash of a raw record is known before any NLP runs, so a
re-run (or a resumed, killed run) costs one lookup per batch for what is already stored instead of a
full parse. Rejected articles are never stored, so each run re-tries them and lists them again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TextIO

from eventwire.document import Document
from eventwire.pipeline import Pipeline
from eventwire.records import RawRecord, Reject
from eventwire.store.db import Store, WriteStats

Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    """Counts for one ingest run; ``seconds`` is wall time of the whole run."""

    read: int = 0
    stored: WriteStats = field(default_factory=WriteStats)
    already_stored: int = 0
    rejected: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.stored.articles / self.seconds if self.seconds else 0.0

    @property
    def events_per_second(self) -> float:
        return self.stored.mentions / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "read": self.read, "stored": self.stored.articles, "already_stored": self.already_stored,
            "rejected": self.rejected, "event_mentions": self.stored.mentions, "new_events": self.stored.new_events,
            "merged_mentions": self.stored.merged_mentions, "seconds": round(self.seconds, 3),
            "store_seconds": round(self.store_seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
            "events_per_second": round(self.events_per_second, 2),
        }


def _unstored(store: Store, items: Iterable[RawRecord | Reject], report: IngestReport,
              progress: Progress | None, chunk: int = 256) -> Iterator[RawRecord | Reject]:
    """Drop records whose content hash is stored (or repeated in this input); pass rejects through."""
    seen: set[str] = set()
    it = iter(items)
    while batch := list(islice(it, chunk)):
        hashes = {i: r.content_hash() for i, r in enumerate(batch) if isinstance(r, RawRecord)}
        t0 = time.perf_counter()
        known = store.known_hashes(list(set(hashes.values())))
        report.store_seconds += time.perf_counter() - t0
        for i, item in enumerate(batch):
            if isinstance(item, RawRecord):
                report.read += 1
                h = hashes[i]
                if h in known or h in seen:
                    report.already_stored += 1
                    if progress:
                        progress(1, 0)
                    continue
                seen.add(h)
            yield item


def ingest(
    store: Store,
    records: Iterable[RawRecord | Reject],
    pipeline: Pipeline,
    batch_size: int | None = None,
    n_process: int | None = None,
    rejects: TextIO | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Run ``records`` through ``pipeline`` into ``store``, one transaction per ``batch_size`` articles.

    ``batch_size`` defaults to the pipeline's ``store.batch_size``.
    """
    batch_size = batch_size or pipeline.config.store.batch_size
    report = IngestReport()
    start = time.perf_counter()
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        t0 = time.perf_counter()
        stats = store.write(pending)
        report.store_seconds += time.perf_counter() - t0
        report.stored.add(stats)
        report.already_stored += stats.skipped
        if progress:
            progress(len(pending), stats.mentions)
        pending.clear()

    for result in pipeline.pipe(_unstored(store, records, report, progress), n_process=n_process):
        if isinstance(result, Reject):
            report.rejected += 1
            if rejects is not None:
                result.write(rejects)
            if progress:
                progress(1, 0)
            continue
        pending.append(result)
        if len(pending) >= batch_size:
            flush()
    flush()
    report.seconds = time.perf_counter() - start
    return report
