"""The one seam between the coordinator and the workers: `ScanTask`.

A `ScanTask` is a small picklable callable, `(path, known_sha256) -> FileResult`,
shipped to every worker, local process or Dask worker alike. It names how to
build the engine (an `EngineLoader`: the policy file and its expected hash),
not the engine itself, so what travels is a few hundred bytes and each worker
process loads the NLP model once and keeps it in a module-level cache.

Time limits live here because only the worker can interrupt its own scan:
a soft limit raises inside the scan (SIGALRM in a process's main thread, an
asynchronous exception in a Dask worker's task thread) and becomes an error
result for that file; if the scan does not yield to it (stuck in C code or a
dead network mount) a hard limit ends the worker process, and the executor
(process pool or Dask scheduler) retries elsewhere or records the file.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from pii_guard.discovery.results import FileResult, Outcome, error_result
from scanners.findings import FileReport, ScanStatus

if TYPE_CHECKING:
    from policies import Policy

# Exit status of a worker that ended itself because a scan ignored its time limit.
EXIT_HUNG = 86
HARD_LIMIT_GRACE_SECONDS = 10.0


class Engine(Protocol):
    """Scans one file and folds its archive members into one `FileResult`."""

    def scan(self, path: str) -> FileResult: ...


class EngineLoader(Protocol):
    """Builds an `Engine` inside a worker; must be hashable and picklable."""

    def load(self) -> Engine: ...

    @property
    def preload(self) -> tuple[str, ...]:
        """Modules a local worker pool may import once, before forking its workers."""
        ...


class WorkerSetupError(Exception):
    """The worker could not build its engine (model or policy missing there).

    Not a property of any file: the run stops with this message instead of
    recording every file as an error.
    """


class ScanTimeout(BaseException):
    """Raised inside a scan that passed its soft time limit.

    A BaseException so that a scanner's own `except Exception` cannot swallow it.
    """


@dataclass(frozen=True, slots=True)
class PolicyEngineLoader:
    """The production engine: `scanners.Scanner` configured by the district policy.

    `policy_path` must be readable on every worker ("" means the policy bundled
    with pii-guard, wherever the worker has it installed); `policy_sha256`
    makes sure each worker applies the same policy as the coordinator.
    """

    policy_path: str
    policy_sha256: str
    # The scanner imports presidio and spaCy lazily; importing them once in the
    # fork server saves every local worker (and every pool rebuilt after a crash)
    # most of its start-up. A module that is missing is skipped by the fork server.
    preload: tuple[str, ...] = ("pii_guard.scanning", "presidio_analyzer", "spacy")

    @classmethod
    def for_loaded(cls, source: Path, origin: str, sha256: str) -> PolicyEngineLoader:
        """The loader for a policy the coordinator has loaded (`policies.LoadedPolicy`)."""
        return cls("" if origin == "bundled" else str(source.resolve()), sha256)

    def load(self) -> Engine:
        from policies import BUNDLED_POLICY, load_policy

        path = Path(self.policy_path) if self.policy_path else BUNDLED_POLICY
        loaded = load_policy(path)
        if loaded.sha256 != self.policy_sha256:
            raise WorkerSetupError(
                f"{path}: differs on this worker from the coordinator's policy"
                " (install the same pii-guard version and policy file on every worker)"
            )
        from pii_guard.scanning import classify_reports, scanner_for_policy

        scanner = scanner_for_policy(loaded.policy)
        # The scanner loads its model on first use: do it now, outside any file's time limit.
        scanner.scan_text("Jane Roe, 12 Main Street, Cambridge.")
        return _PolicyEngine(loaded.policy, scanner, classify_reports)


class _FileScanner(Protocol):
    """The part of `scanners.Scanner` discovery uses."""

    def scan_file(self, path: Path) -> list[FileReport]: ...


class _PolicyEngine:
    def __init__(
        self,
        policy: Policy,
        scanner: _FileScanner,
        classify: Callable[[Policy, list[FileReport]], tuple[str, ...]],
    ):
        self._policy = policy
        self._scanner = scanner
        self._classify = classify

    def scan(self, path: str) -> FileResult:
        reports = self._scanner.scan_file(Path(path))
        first = reports[0]
        entities = Counter(f.entity for report in reports for f in report.findings)
        outcome = {
            ScanStatus.SCANNED: Outcome.SCANNED,
            ScanStatus.SKIPPED: Outcome.SKIPPED,
            ScanStatus.ERROR: Outcome.ERROR,
        }[first.status]
        return FileResult(
            path=path,
            outcome=outcome,
            error=first.error,
            sha256=first.sha256,
            classes=tuple(self._classify(self._policy, reports)),
            entities=dict(entities),
            members=len(reports) - 1,
        )


_ENGINES: dict[EngineLoader, Engine | WorkerSetupError] = {}
_ENGINES_LOCK = threading.Lock()


def engine_for(loader: EngineLoader) -> Engine:
    """The worker process's engine for `loader`, built on first use and then kept."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(loader)
        if engine is None:
            try:
                engine = loader.load()
            except WorkerSetupError as error:
                engine = error
            except Exception as error:  # any failure to build is the worker's, not a file's
                engine = WorkerSetupError(
                    f"cannot load the scanner: {type(error).__name__}: {error}"
                )
            _ENGINES[loader] = engine
    if isinstance(engine, WorkerSetupError):
        raise engine
    return engine


def warm_up(loader: EngineLoader, ready: Any = None) -> None:
    """Process-pool initializer: load the model before the first file arrives.

    Never raises (a failing initializer would break the pool over and over);
    the error is kept and raised by the first task instead. `ready`, a shared
    counter, tells the coordinator when to start timing this worker's scans.
    """
    with suppress(WorkerSetupError):
        engine_for(loader)
    if ready is not None:
        with ready.get_lock():
            ready.value += 1


@dataclass(frozen=True, slots=True)
class ScanTask:
    """`(path, known_sha256) -> FileResult`, the unit of work of a discovery run."""

    loader: EngineLoader
    time_limit: float = 300.0

    def __call__(self, path: str, known_sha256: str | None = None) -> FileResult:
        engine = engine_for(self.loader)
        started = time.monotonic()
        try:
            with _time_limit(self.time_limit):
                result = self._scan(engine, path, known_sha256)
        except ScanTimeout:
            result = error_result(path, f"timed out after {self.time_limit:g}s")
        except Exception as error:
            result = error_result(path, f"scanner failed: {type(error).__name__}")
        seconds = time.monotonic() - started
        return FileResult(
            path=result.path,
            outcome=result.outcome,
            error=result.error,
            sha256=result.sha256,
            classes=result.classes,
            entities=result.entities,
            members=result.members,
            seconds=seconds,
        )

    @staticmethod
    def _scan(engine: Engine, path: str, known_sha256: str | None) -> FileResult:
        if known_sha256 is not None:
            try:
                with Path(path).open("rb") as handle:
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError as error:
                return error_result(path, f"cannot read: {(error.strerror or '').lower()}")
            if digest == known_sha256:
                return FileResult(path=path, outcome=Outcome.UNCHANGED, sha256=digest)
        return engine.scan(path)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _async_raise(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A process pool worker runs tasks on its main thread: SIGALRM interrupts even a
    blocked read (PEP 475 runs the handler, which raises)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ScanTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_raise(seconds: float) -> Iterator[None]:
    """A Dask worker runs tasks on a pool thread: raise in that thread from a timer,
    and end the whole worker if the scan does not give in (the nanny restarts it)."""
    target = threading.get_ident()
    guard = threading.Lock()
    finished = False

    def expire() -> None:
        with guard:
            if not finished:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(ScanTimeout)
                )

    def kill_worker() -> None:
        with guard:
            if not finished:
                os._exit(EXIT_HUNG)

    soft = threading.Timer(seconds, expire)
    hard = threading.Timer(seconds + max(HARD_LIMIT_GRACE_SECONDS, seconds), kill_worker)
    for timer in (soft, hard):
        timer.daemon = True
        timer.start()
    try:
        yield
    finally:
        while True:
            try:
                with guard:
                    finished = True
                    # Withdraw an exception the timer queued but the thread has not raised.
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
                break
            except ScanTimeout:  # it fired in this very cleanup: the scan had finished
                continue
        soft.cancel()
        hard.cancel()


def scan_batch(task: ScanTask, items: list[tuple[str, str | None]]) -> list[FileResult]:
    """Several files in one Dask task, each under its own time limit."""
    return [task(path, known_sha256) for path, known_sha256 in items]
