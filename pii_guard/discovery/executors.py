"""Where the scans run: local worker processes, or an existing Dask cluster.

Both executors take a lazy stream of work and yield results as they complete,
with a bounded number of tasks in flight, so the coordinator's memory does not
grow with the size of the share. Neither is home-made scheduling: the local one
is `concurrent.futures.ProcessPoolExecutor`, the other `dask.distributed`.

Failure handling, the part each engine leaves to its user:

* local: a worker that dies (crash, OOM kill, or its own hard time limit)
  breaks the whole pool. Every task then in flight is a suspect; the pool is
  rebuilt and suspects are rerun one at a time, so the file that breaks a
  worker on its own is recorded as an error and the innocent ones just finish.
  A scan that neither finishes nor yields to its soft limit stalls the pool:
  when nothing completes for the hard limit, the workers are terminated.
* Dask: the scheduler reschedules the tasks of a worker that died on other
  workers; a task that kills workers `distributed.scheduler.allowed-failures`
  times comes back as `KilledWorker`. Files travel in batches; a killed batch
  is split into one-file tasks, and a file that still kills workers on its
  own is recorded as an error.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import re
import time
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from pii_guard.discovery.results import FileResult, error_result
from pii_guard.discovery.task import (
    HARD_LIMIT_GRACE_SECONDS,
    ScanTask,
    WorkerSetupError,
    scan_batch,
    warm_up,
)
from pii_guard.discovery.walker import FileEntry
from pii_guard.errors import PiiGuardError

DASK_HINT = "install the extra: pip install 'pii-guard[dask]'"


@dataclass(frozen=True, slots=True)
class WorkItem:
    entry: FileEntry
    known_sha256: str | None = None


class Executor(Protocol):
    """Runs `task` over `work`, yielding each item with its result in completion order."""

    description: str

    def run(
        self, task: ScanTask, work: Iterator[WorkItem]
    ) -> Iterator[tuple[WorkItem, FileResult]]: ...

    def start(self) -> None:
        """Fail fast (unreachable cluster, missing extra) before any walking."""

    def close(self) -> None: ...


class ExecutorSpecError(PiiGuardError):
    """An --executor value we cannot parse or use."""


def parse_executor(spec: str) -> Executor:
    """`processes`, `processes:N` or `dask://HOST:PORT` (also `tcp://`, `tls://`)."""
    if spec == "processes":
        return ProcessExecutor(os.cpu_count() or 1)
    match = re.fullmatch(r"processes:(\d+)", spec)
    if match:
        workers = int(match.group(1))
        if workers < 1:
            raise ExecutorSpecError(f"--executor {spec}: need at least one worker")
        return ProcessExecutor(workers)
    match = re.fullmatch(r"(dask|tcp|tls)://(\S+)", spec)
    if match:
        scheme = "tcp" if match.group(1) == "dask" else match.group(1)
        return DaskExecutor(f"{scheme}://{match.group(2)}")
    raise ExecutorSpecError(
        f"--executor {spec}: not understood",
        hint="use processes, processes:N or dask://HOST:PORT",
    )


class ProcessExecutor:
    """Local worker processes, each loading the model once in its initializer."""

    def __init__(self, workers: int, *, window: int | None = None, poll_seconds: float = 0.5):
        self.workers = workers
        self.window = window or 2 * workers
        self.description = f"processes:{workers}"
        self._poll = poll_seconds
        self._pool: ProcessPoolExecutor | None = None
        self._ready: Any = None  # shared counter of workers whose model has loaded
        # forkserver: workers start from a clean single-threaded process, never a
        # fork of a coordinator that may hold locks in other threads.
        self._context = multiprocessing.get_context("forkserver")

    def start(self) -> None:
        """Workers start with the first run: they need the task to know which model to load."""

    def worker_pids(self) -> tuple[int, ...]:
        """Process ids of the current workers (for monitoring, and for tests that kill one)."""
        pool = self._pool
        if pool is None:
            return ()
        processes = pool._processes or {}  # the stdlib keeps no public handle on them
        return tuple(p.pid for p in processes.values() if p.pid is not None and p.is_alive())

    def _new_pool(self, task: ScanTask) -> ProcessPoolExecutor:
        self._discard_pool()
        # Takes effect only if the fork server is not running yet (one per process).
        self._context.set_forkserver_preload(["pii_guard.discovery.task", *task.loader.preload])
        self._ready = self._context.Value("i", 0)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context,
            initializer=warm_up,
            initargs=(task.loader, self._ready),
        )
        return self._pool

    def _discard_pool(self, *, kill: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            for process in (pool._processes or {}).values():
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    def run(
        self, task: ScanTask, work: Iterator[WorkItem]
    ) -> Iterator[tuple[WorkItem, FileResult]]:
        # A soft limit gets the scan's own error result; the hard one covers the
        # model load of a fresh worker too.
        stall_limit = 2 * task.time_limit + HARD_LIMIT_GRACE_SECONDS
        pool = self._new_pool(task)
        inflight: dict[Future[FileResult], tuple[WorkItem, bool]] = {}
        suspects: deque[WorkItem] = deque()
        refused: deque[WorkItem] = deque()  # never ran: a broken pool would not take them
        exhausted = False
        last_progress = time.monotonic()
        ready_seen = 0
        killed_for_stall = False
        try:
            while True:
                try:
                    exhausted = self._refill(
                        pool, task, work, inflight, suspects, refused, exhausted
                    )
                except BrokenProcessPool:
                    # The pool saw a worker die before we waited on its futures. Those
                    # futures say so below; with none in flight, start afresh here.
                    if not inflight:
                        killed_for_stall, ready_seen = False, 0
                        pool = self._new_pool(task)
                        continue
                if not inflight:
                    if exhausted and not suspects and not refused:
                        return
                    continue
                done, _ = wait(inflight, timeout=self._poll, return_when=FIRST_COMPLETED)
                if not done:
                    # The clock runs only once workers are up: loading the model in a
                    # fresh pool may take longer than a scan's whole allowance.
                    ready = int(self._ready.value)
                    if ready != ready_seen:
                        ready_seen, last_progress = ready, time.monotonic()
                    stalled = time.monotonic() - last_progress > stall_limit
                    if ready_seen and stalled and not killed_for_stall:
                        killed_for_stall = True
                        for process in (pool._processes or {}).values():
                            process.kill()
                    continue
                last_progress = time.monotonic()
                broken = False
                for future in done:
                    item, solo = inflight.pop(future)
                    try:
                        result = future.result()
                    except WorkerSetupError as error:
                        raise PiiGuardError(f"local worker: {error}") from error
                    except BrokenProcessPool:
                        broken = True
                        if solo:
                            cause = (
                                f"timed out: the scan ignored its {task.time_limit:g}s limit"
                                if killed_for_stall
                                else "the worker scanning this file died"
                            )
                            yield item, error_result(item.entry.path, cause)
                        else:
                            suspects.append(item)
                        continue
                    yield item, result
                if broken:
                    suspects.extend(item for item, _ in inflight.values())
                    inflight.clear()
                    killed_for_stall = False
                    ready_seen = 0
                    pool = self._new_pool(task)
        finally:
            self._discard_pool(kill=True)

    def _refill(
        self,
        pool: ProcessPoolExecutor,
        task: ScanTask,
        work: Iterator[WorkItem],
        inflight: dict[Future[FileResult], tuple[WorkItem, bool]],
        suspects: deque[WorkItem],
        refused: deque[WorkItem],
        exhausted: bool,
    ) -> bool:
        """Top up the window; a suspect only ever runs alone. Returns `exhausted`.

        Raises BrokenProcessPool when the pool refuses a file; that file is kept
        (back among the suspects, or in `refused`) for the next pool."""
        if any(solo for _, solo in inflight.values()):
            return exhausted
        if suspects:
            if not inflight:
                _submit(pool, task, suspects.popleft(), True, inflight, suspects)
            return exhausted
        while len(inflight) < self.window:
            if refused:
                next_item: WorkItem | None = refused.popleft()
            elif exhausted:
                break
            else:
                next_item = next(work, None)
            if next_item is None:
                return True
            _submit(pool, task, next_item, False, inflight, refused)
        return exhausted

    def close(self) -> None:
        self._discard_pool(kill=True)


def _submit(
    pool: ProcessPoolExecutor,
    task: ScanTask,
    item: WorkItem,
    solo: bool,
    inflight: dict[Future[FileResult], tuple[WorkItem, bool]],
    keep: deque[WorkItem],
) -> None:
    """Send one file to the pool; a broken pool refuses it, and it goes back to the front
    of `keep` for the next pool."""
    try:
        future = pool.submit(task, item.entry.path, item.known_sha256)
    except BrokenProcessPool:
        keep.appendleft(item)
        raise
    inflight[future] = (item, solo)


class DaskExecutor:
    """An existing Dask cluster, reached through its scheduler's address.

    Files travel in batches (`batch_files` per Dask task): with small files the
    scheduler's per-task cost, not the scan, sets the pace. A batch whose
    workers keep dying comes back as `KilledWorker` (or, its worker killed under
    it, as another error); its files are then sent again one per task, so only
    the file that kills workers, or fails on its own, is recorded as an error.
    """

    def __init__(
        self,
        address: str,
        *,
        window: int | None = None,
        batch_files: int = 16,
        connect_timeout: float = 15.0,
    ):
        self.address = address
        self.description = f"dask:{address}"
        self._window = window
        self._batch_files = batch_files
        self._connect_timeout = connect_timeout
        self._client: Any = None

    def start(self) -> None:
        self._connect()

    def _connect(self) -> Any:
        if self._client is not None:
            return self._client
        try:
            import distributed
        except ImportError as error:
            raise PiiGuardError(
                f"--executor {self.address}: dask.distributed is not installed", hint=DASK_HINT
            ) from error
        try:
            dask: Any = distributed  # untyped library: keep its calls out of mypy's way
            self._client = dask.Client(
                self.address, timeout=self._connect_timeout, set_as_default=False
            )
        except (OSError, TimeoutError) as error:
            raise PiiGuardError(
                f"cannot reach the Dask scheduler at {self.address}: {error}",
                hint="check the address and that the scheduler is running",
            ) from error
        return self._client

    def run(
        self, task: ScanTask, work: Iterator[WorkItem]
    ) -> Iterator[tuple[WorkItem, FileResult]]:
        import distributed
        from distributed.scheduler import KilledWorker

        dask: Any = distributed
        client = self._connect()
        threads = sum(client.nthreads().values()) or 1
        size = self._batch_files
        # Deep enough that no worker idles on a round trip to us; in files.
        window = self._window or max(4 * size, 4 * size * threads)
        inflight: dict[Any, list[WorkItem]] = {}
        files_inflight = 0
        solo: deque[WorkItem] = deque()
        prefix = f"pii-guard-scan-{uuid.uuid4().hex[:8]}"
        # The coordinator may hold other clients (a test's, a notebook's): bind to ours.
        completed: Any = dask.as_completed(loop=client.loop)
        exhausted = False

        def submit(batch: list[WorkItem]) -> None:
            future = client.submit(
                scan_batch,
                task,
                [(item.entry.path, item.known_sha256) for item in batch],
                key=f"{prefix}-{uuid.uuid4().hex}",
                pure=False,
                retries=0,
            )
            inflight[future] = batch
            completed.add(future)

        try:
            while True:
                while solo:
                    submit([solo.popleft()])
                    files_inflight += 1
                if not exhausted and files_inflight <= window // 2:
                    fresh = list(itertools.islice(work, window - files_inflight))
                    exhausted = len(fresh) < window - files_inflight
                    for i in range(0, len(fresh), size):
                        submit(fresh[i : i + size])
                    files_inflight += len(fresh)
                if not inflight:
                    return
                future = next(completed)
                batch = inflight.pop(future)
                files_inflight -= len(batch)
                if future.status == "finished":
                    results: list[FileResult] = future.result()
                    future.release()
                    yield from zip(batch, results, strict=True)
                    continue
                error = future.exception()
                future.release()
                if isinstance(error, WorkerSetupError):
                    raise PiiGuardError(f"dask worker: {error}") from error
                if len(batch) > 1:
                    # find the one file that kills workers; a batch lost with a worker
                    # killed under it may also come back as a closed connection or a
                    # cancelled task, not only as `KilledWorker`: its files run again
                    solo.extend(batch)
                    continue
                if isinstance(error, KilledWorker):
                    cause = "the workers scanning this file died (crash or hang)"
                else:
                    cause = f"dask task failed: {type(error).__name__}"
                for item in batch:
                    yield item, error_result(item.entry.path, cause)
        finally:
            completed.clear()
            if inflight:
                client.cancel(list(inflight), force=True)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
