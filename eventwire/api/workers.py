"""Extraction for the API: worker processes that can be killed, so a timed-out extraction really stops.

Why processes and not threads: a Python thread cannot be stopped, so an extraction that outlived its
timeout used to keep the only pipeline busy long after its client got 504 (a short request waited 12.6 s
behind 16 abandoned ones). Here each extraction runs in a worker process holding its own pipeline; when
the deadline passes the process is killed at once and a replacement is started. ``standby`` warm spares
take the killed worker's place straight away, so the next request does not wait for models to load.

Why a bounded queue: more than ``waiting`` requests queued behind the workers answer 503 with Retry-After
at once, instead of piling up until each times out.

A pipeline handed in by the caller (a notebook, the tests) cannot cross a process boundary; ``InlineExtractor``
runs it in a thread with the same limits and codes, but a timed-out call there finishes in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from eventwire.config import Config
from eventwire.errors import ErrorCode, EventwireError
from eventwire.pipeline import Pipeline
from eventwire.readers.html import html_record
from eventwire.records import RawRecord

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An HTTP error with an eventwire error code (and optional extra headers such as Retry-After)."""

    def __init__(self, status: int, code: ErrorCode, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def busy(what: str, retry_after: int) -> ApiError:
    """503 with Retry-After and its own code: the queue of ``what`` is full."""
    return ApiError(
        503, ErrorCode.SERVER_BUSY, f"too many {what} requests are waiting; retry in {retry_after} s",
        {"Retry-After": str(retry_after)},
    )


def extraction_busy(timeout: float) -> ApiError:
    """503 for a full extraction queue: retry after about the extraction timeout (1 to 10 s)."""
    return busy("extraction", max(1, min(int(timeout), 10)))


T = TypeVar("T")


class ThreadWork:
    """Jobs handed to a thread pool and counted until their thread is done with them: a job whose client
    gave up (a timeout) still holds its place until it ends, so a bound on the count holds under timeouts.
    Shared by the API's reads and its inline extraction."""

    def __init__(self) -> None:
        self.pending = 0
        self._lock = threading.Lock()

    def submit(self, executor: ThreadPoolExecutor, limit: int, refuse: Callable[[], ApiError],
               fn: Callable[..., T], *args: Any) -> tuple[Future[T], asyncio.Future[T]]:
        """Start ``fn(*args)`` unless ``limit`` jobs are pending (then ``refuse()`` is raised): the executor's
        future (cancel it to drop a job still queued) and an asyncio future to await (shield it)."""
        with self._lock:
            if self.pending >= limit:
                raise refuse()
            self.pending += 1
        try:
            work = executor.submit(fn, *args)
        except BaseException:
            self._done()
            raise
        work.add_done_callback(lambda _: self._done())
        future = asyncio.wrap_future(work)
        future.add_done_callback(_consume)  # a result or error no one waits for any more is dropped quietly
        return work, future

    def _done(self) -> None:
        with self._lock:
            self.pending -= 1


def _consume(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


def timed_out(what: str, seconds: float) -> ApiError:
    return ApiError(504, ErrorCode.TIMED_OUT, f"the {what} took longer than {seconds:g} s and was stopped")


def extract_document(pipeline: Pipeline, request: dict[str, Any]) -> dict[str, Any]:
    """One extraction request (the fields of POST /api/extract) through ``pipeline``, as Document JSON."""
    url, title, published, outlet = (request.get(k) for k in ("url", "title", "published", "outlet"))
    if request.get("format") == "html":
        record = html_record(request["text"], "api", {}, url=url, title=title, published=published, outlet=outlet)
    else:
        record = RawRecord(text=request["text"], source="api", url=url, title=title, published=published,
                           outlet=outlet)
    result: dict[str, Any] = pipeline(record).to_dict()
    return result


WARM_UP = "Russia and Syria\nRussian Foreign Minister Sergei Lavrov met Syrian officials in Moscow on Monday."


def _worker_main(conn: Connection, config_data: dict[str, Any]) -> None:
    """A worker process: build the pipeline once, say ready, then answer requests until told to stop."""
    try:
        pipeline = Pipeline(Config.from_data(config_data, ("worker",)))
        # the first text through a fresh pipeline pays for lazy set-up; pay it before saying ready
        extract_document(pipeline, {"text": WARM_UP, "published": "2014-11-27"})
    except EventwireError as exc:
        conn.send(("error", exc.code.value, exc.detail))
        return
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            conn.send(("ok", extract_document(pipeline, request)))
        except EventwireError as exc:
            conn.send(("error", exc.code.value, exc.detail))
        except Exception as exc:  # noqa: BLE001 - reported to the client as E510, the worker goes on
            log.exception("extraction failed")
            conn.send(("fail", type(exc).__name__))


async def _recv(conn: Connection, timeout: float | None) -> Any:
    """The next message on ``conn``, waiting in the event loop (no thread); TimeoutError after ``timeout``."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()
    fd = conn.fileno()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, wake)
    try:
        await asyncio.wait_for(ready, timeout)
    finally:
        loop.remove_reader(fd)
    return conn.recv()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float = field(default_factory=time.monotonic)


class ExtractionPool:
    """``workers`` extractions at a time in killable processes, ``standby`` warm spares, a bounded queue."""

    def __init__(self, config: Config, workers: int, standby: int, waiting: int, timeout: float) -> None:
        self.config_data = config.data
        self.workers = workers
        self.size = workers + standby
        self.waiting = waiting
        self.timeout = timeout
        self.ctx = mp.get_context("spawn")  # never fork a process running threads (uvicorn, DuckDB)
        self.kills = 0
        self._reset()
        self.closed = True  # until ``start``

    def _reset(self) -> None:
        """A fresh pool (the queue and semaphore belong to the event loop that uses them)."""
        self.running = asyncio.Semaphore(self.workers)
        self.ready: asyncio.Queue[_Worker] = asyncio.Queue()
        self.pending = 0
        self.broken: tuple[ErrorCode, str] | None = None  # why no worker can start (code, message)
        self.live: set[asyncio.Task[None]] = set()
        self.procs: list[_Worker] = []
        self.closed = False

    def start(self) -> None:
        """Start the worker processes (call inside the running event loop: readiness is awaited there).

        Again after ``close`` (a server started a second time on the same app) it starts a new pool.
        """
        self._reset()
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        if self.closed:
            return
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, args=(child, self.config_data), daemon=True,
                                   name="eventwire-extract")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.procs.append(worker)
        task = asyncio.get_running_loop().create_task(self._await_ready(worker))
        self.live.add(task)
        task.add_done_callback(self.live.discard)

    async def _await_ready(self, worker: _Worker) -> None:
        try:
            message = await _recv(worker.conn, None)
        except (EOFError, OSError):
            message = ("fail", "the worker process ended while loading")
        if message[0] == "ready":
            log.info("extraction worker %s ready in %.1f s", worker.process.pid, time.monotonic() - worker.started)
            await self.ready.put(worker)
            return
        code = ErrorCode(message[1]) if message[0] == "error" else ErrorCode.INTERNAL
        detail = message[2] if message[0] == "error" else str(message[1])
        self._discard(worker)
        if any(w.process.is_alive() for w in self.procs):
            # others still work (or are loading): one that could not start does not stop extraction
            log.error("an extraction worker could not start (%s: %s); %d others remain", code.value, detail,
                      len(self.procs))
            return
        self.broken = (code, f"no extraction worker could start: {detail}")

    def _discard(self, worker: _Worker) -> None:
        """Kill a worker now (SIGKILL: no cleanup needed, it holds no files) and reap it in the background."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.conn.close()
        if worker in self.procs:
            self.procs.remove(worker)
        threading.Thread(target=worker.process.join, args=(5,), daemon=True).start()

    async def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Extract one request in a worker; 503 when the queue is full, 504 (and a killed worker) on timeout."""
        if self.broken is not None:
            code, why = self.broken
            raise ApiError(503, code, why)  # the server's fault, not the request's; a new error each time
        if self.pending >= self.workers + self.waiting:
            raise extraction_busy(self.timeout)
        self.pending += 1
        deadline = time.monotonic() + self.timeout
        try:
            async with asyncio.timeout(self.timeout):
                await self.running.acquire()
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    worker = await self.ready.get()
                return await self._run_on(worker, request, deadline)
            finally:
                self.running.release()
        except TimeoutError:
            raise timed_out("extraction", self.timeout) from None
        finally:
            self.pending -= 1

    async def _run_on(self, worker: _Worker, request: dict[str, Any], deadline: float) -> dict[str, Any]:
        try:
            worker.conn.send(request)
            message = await _recv(worker.conn, max(0.0, deadline - time.monotonic()))
        except BaseException:
            # timed out, cancelled or the pipe broke: the worker may still be working, so it goes
            self._discard(worker)
            self.kills += 1
            self._spawn()
            raise
        await self.ready.put(worker)
        if message[0] == "ok":
            result: dict[str, Any] = message[1]
            return result
        if message[0] == "error":
            raise EventwireError(ErrorCode(message[1]), message[2])
        raise ApiError(500, ErrorCode.INTERNAL, f"the extraction failed unexpectedly ({message[1]})")

    def pids(self) -> list[int]:
        """Process ids of the live workers (the load test checks a killed one is gone)."""
        return [w.process.pid for w in self.procs if w.process.pid is not None]

    def idle(self) -> int:
        """Workers loaded and waiting for work."""
        return self.ready.qsize()

    def close(self, grace: float = 1.0) -> None:
        """Stop the workers: ask each to finish (None ends its loop), give them ``grace`` seconds in all to
        exit on their own, then kill any still running (one busy with an extraction, or still loading)."""
        self.closed = True
        for task in list(self.live):
            task.cancel()
        workers, self.procs = list(self.procs), []
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + grace
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            self._discard(worker)  # kills it if it is still running, and reaps it


class InlineExtractor:
    """A caller's own pipeline, one extraction at a time in a thread, with the pool's limits and codes."""

    def __init__(self, get_pipeline: Callable[[], Pipeline], waiting: int, timeout: float) -> None:
        self.get_pipeline = get_pipeline
        self.waiting = waiting
        self.timeout = timeout
        self.work = ThreadWork()  # extractions accepted and not yet finished in the thread
        self._executor: ThreadPoolExecutor | None = None  # one thread: one extraction at a time

    def start(self) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-extract")

    async def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Extract in the thread; 503 when it is busy and ``waiting`` more wait, 504 after ``timeout``.

        An extraction counts as pending until the thread is done with it, not until its client gives up
        (a timed-out one goes on running, and holds its place in the bound until it ends); one still
        queued when its client gives up is cancelled and never runs.
        """
        self.start()
        assert self._executor is not None
        work, future = self.work.submit(self._executor, 1 + self.waiting, lambda: extraction_busy(self.timeout),
                                        lambda: extract_document(self.get_pipeline(), request))
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            work.cancel()  # still queued: it never runs (a running one cannot be stopped in a thread)
            raise timed_out("extraction", self.timeout) from None

    @property
    def pending(self) -> int:
        return self.work.pending

    def pids(self) -> list[int]:
        return []

    def idle(self) -> int:
        return 0 if self.pending else 1

    def close(self) -> None:
        """Stop taking work (queued extractions are cancelled); ``start`` makes a new thread."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
