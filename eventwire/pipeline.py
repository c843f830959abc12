"""The Pipeline: builds stages from configuration, checks they fit, and streams records to Documents.

Records are processed in batches: per-article stages run one document at a time, the nlp stage parses a
whole batch with ``nlp.pipe``. Any error in one article becomes a ``Reject`` (stage, code, reason) and the
batch goes on. With ``n_process > 1`` whole batches go to worker processes, each with its own pipeline,
so every stage (not only the parser) runs in parallel.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from eventwire.config import Config, load_config
from eventwire.document import Article, Document, Provenance
from eventwire.errors import ErrorCode, EventwireError, detail_of
from eventwire.records import RawRecord, Reject, normalise_date
from eventwire.registry import stages as stage_registry
from eventwire.stage import Resources, Stage

# The built-in stages, one adapter per capability, in pipeline order; importing them registers each name
# in eventwire.registry.stages (where a plugin registers its own).
from eventwire.text.stage import CleanStage, LanguageStage, NlpStage  # noqa: E402 isort:skip
from eventwire.actors.stage import ActorsStage  # noqa: E402 isort:skip
from eventwire.times.stage import TimesStage  # noqa: E402 isort:skip
from eventwire.places.stage import PlacesStage  # noqa: E402 isort:skip
from eventwire.quotes.stage import QuotesStage  # noqa: E402 isort:skip
from eventwire.events.stage import EventsStage  # noqa: E402 isort:skip

BUILTIN_STAGES: tuple[type[Stage], ...] = (
    CleanStage, LanguageStage, NlpStage, ActorsStage, TimesStage, PlacesStage, QuotesStage, EventsStage,
)

INPUT_ATTRS = ("raw",)
# Errors of the set-up, not of one article: they stop the run with one clear message.
FATAL_CODES = frozenset({ErrorCode.MODEL_NOT_FOUND, ErrorCode.CONFIG_INVALID, ErrorCode.DICTIONARY_INVALID})

Result = Document | Reject


def _normalise_published(value: str | None) -> str | None:
    """Accept a real calendar date YYYY-MM-DD or a longer ISO timestamp; refuse anything else (E112)."""
    return normalise_date(value)


def new_document(record: RawRecord) -> Document:
    """A Document holding the raw text and the reader's metadata, before any stage has run."""
    doc = Document(
        id=record.doc_id(),
        article=Article(
            title=record.title,
            published=_normalise_published(record.published),
            url=record.url,
            outlet=record.outlet,
        ),
    )
    doc.provenance = Provenance(
        raw=record.text, content_hash=record.content_hash(), source=record.source, notes=list(record.notes)
    )
    return doc


class Pipeline:
    """An ordered list of stages over one shared set of resources."""

    def __init__(self, config: Config | None = None, stages: list[str] | None = None) -> None:
        self.config = config or load_config()
        self.resources = Resources(self.config)
        names = stages if stages is not None else list(self.config.pipeline.stages)
        self.stages: list[Stage] = [stage_registry.get(n)(self.config, self.resources) for n in names]
        self.check()
        self._frozen_pid = -1  # the process whose heap freeze_heap() has frozen

    def check(self) -> None:
        """Every stage's requirements must be assigned by the input or an earlier stage."""
        available = set(INPUT_ATTRS)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise EventwireError(
                    ErrorCode.PIPELINE_INVALID,
                    f"stage {stage.name!r} requires {missing}, which no earlier stage assigns "
                    f"(order: {[s.name for s in self.stages]})",
                )
            available.update(stage.assigns)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    # -- processing -------------------------------------------------------------------------------
    def _run_batch(self, records: list[RawRecord | Reject]) -> list[Result]:
        results: list[Result | None] = [None] * len(records)
        live: list[tuple[int, Document]] = []
        for i, rec in enumerate(records):
            if isinstance(rec, Reject):
                results[i] = rec
                continue
            try:
                live.append((i, new_document(rec)))
            except EventwireError as exc:
                results[i] = Reject.from_error(exc, "read", rec.id, rec.source)
        for stage in self.stages:
            live = self._run_stage(stage, live, results)
        for i, doc in live:
            doc.spacy = None
            results[i] = doc
        return [r for r in results if r is not None]

    def _run_stage(
        self, stage: Stage, live: list[tuple[int, Document]], results: list[Result | None]
    ) -> list[tuple[int, Document]]:
        if type(stage).pipe is not Stage.pipe:
            try:
                docs = list(stage.pipe(d for _, d in live))
                return list(zip((i for i, _ in live), docs, strict=True))
            except Exception:  # noqa: BLE001 - fall back to one article at a time to find the culprit
                pass
        kept: list[tuple[int, Document]] = []
        for i, doc in live:
            try:
                stage(doc)
            except EventwireError as exc:
                if exc.code in FATAL_CODES:
                    raise  # the set-up is wrong, not the article: rejecting every article would hide it
                results[i] = Reject.from_error(exc, stage.name, doc.id, doc.provenance.source)
                continue
            except Exception as exc:  # noqa: BLE001 - one article never stops a batch
                err = EventwireError(ErrorCode.STAGE_FAILED, f"{type(exc).__name__}: {exc}")
                results[i] = Reject.from_error(err, stage.name, doc.id, doc.provenance.source)
                continue
            kept.append((i, doc))
        return kept

    def pipe(
        self,
        records: Iterable[RawRecord | Reject],
        batch_size: int | None = None,
        n_process: int | None = None,
    ) -> Iterator[Result]:
        """Stream Documents and Rejects, in input order."""
        size = batch_size or self.config.pipeline.batch_size
        procs = n_process or self.config.pipeline.n_process
        if procs <= 1:
            for batch in _batched(records, size):
                yield from self._run_batch(batch)
                self.freeze_heap()
            return
        yield from self._pipe_parallel(records, size, procs)

    def freeze_heap(self) -> None:
        """Once per process, after the first batch has loaded every resource: ``gc.freeze()``.

        Why: the KB, gazetteer and patterns are over half a million long-lived objects that every full
        garbage collection would walk again (about 5% of the pipeline's CPU); frozen, they are skipped,
        and forked workers do not touch (copy) their pages. Off with ``pipeline.gc_freeze = false`` for
        a host application that relies on collecting its own cycles made before the first batch.
        """
        if self._frozen_pid == os.getpid() or not self.config.pipeline.gc_freeze:
            return
        gc.collect()
        gc.freeze()
        self._frozen_pid = os.getpid()

    def _pipe_parallel(self, records: Iterable[RawRecord | Reject], size: int, procs: int) -> Iterator[Result]:
        """Whole batches run in worker processes; results come back in input order.

        Why these choices: with ``fork`` each worker inherits this pipeline (and whatever model, KB and
        gazetteer it has already loaded, shared copy-on-write) instead of loading its own; tasks are
        smaller than the parse batch so the last ones do not leave a core idle; at most two tasks per
        worker are in flight, so a long input is read as it is processed, not all at once. Only Documents
        travel back (``doc.spacy`` is dropped in ``_run_batch``), never spaCy Docs.
        """
        fork = "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork" if fork else "spawn")
        if fork:
            init: Any = _adopt_worker
            args: tuple[Any, ...] = (self,)  # not pickled: a forked child inherits it
        else:
            init, args = _init_worker, (self.config.data, self.stage_names)
        self.freeze_heap()  # what this process has loaded is shared with the workers, not copied by GC
        task = max(4, size // procs)
        pending: deque[Any] = deque()
        with ctx.Pool(procs, initializer=init, initargs=args) as pool:
            for batch in _batched(records, task):
                pending.append(pool.apply_async(_work, (batch,)))
                if len(pending) >= 2 * procs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def __call__(self, record: RawRecord) -> Document:
        """Process one record; raise its error instead of returning a reject."""
        (result,) = self._run_batch([record])
        if isinstance(result, Reject):
            code = ErrorCode(result.code)
            raise EventwireError(code, f"{detail_of(code, result.reason)} (stage {result.stage})")
        return result

    def extract(self, text: str, published: str | None = None, **meta: Any) -> Document:
        return self(RawRecord(text=text, published=published, **meta))


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# Worker-process state: one pipeline per process, built by the pool initializer.
_WORKER: dict[str, Pipeline] = {}


def _init_worker(config_data: dict[str, Any], stage_names: list[str]) -> None:
    _WORKER["pipeline"] = Pipeline(Config.from_data(config_data, ("worker",)), stage_names)


def _adopt_worker(pipeline: Pipeline) -> None:
    _WORKER["pipeline"] = pipeline


def _work(batch: list[RawRecord | Reject]) -> list[Result]:
    pipeline = _WORKER["pipeline"]
    out = pipeline._run_batch(batch)
    pipeline.freeze_heap()
    return out


@functools.lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, published: str | None = None, **meta: Any) -> Document:
    """Run the default pipeline on one text. For many texts build a ``Pipeline`` once and use ``.pipe``."""
    return _default_pipeline().extract(text, published=published, **meta)
