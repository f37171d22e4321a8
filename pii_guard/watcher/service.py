"""The watcher: observers on blocked places, a worker that scans and quarantines.

Threads: watchdog's observer turns OS events into `CompletionTracker` entries;
one worker scans complete files in turn (the scanner is not shared between
threads); a planner re-plans the watches when a drive is mounted or a cloud
folder appears. Stopping finishes the file in hand, then returns.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from pii_guard.watcher.completion import CompletionTracker
from pii_guard.watcher.fsutil import Signature, regular_signature, sha256_file
from pii_guard.watcher.mounts import MountMonitor
from pii_guard.watcher.notice import MAX_NOTICE_BYTES, SUFFIX
from pii_guard.watcher.plan import WatchSpec, plan_watches
from pii_guard.watcher.ports import Classifier, LocationJudge, Notifier
from pii_guard.watcher.quarantine import Outcome, Quarantiner
from pii_guard.watcher.reporting import audit_blocked, audit_observed
from pii_guard.watcher.vault import VaultRecord

log = logging.getLogger("pii_guard.watcher")

_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
_REMEMBERED = 10_000  # (path, signature) verdicts kept, so a clean file is scanned once


@dataclass(frozen=True)
class WatchSettings:
    settle: float = 0.5
    open_settle: float = 10.0
    close_events: bool = sys.platform.startswith("linux")
    extra_roots: tuple[Path, ...] = ()
    replan_delays: tuple[float, ...] = (1.0, 3.0)  # re-check after a new directory (mounts)


@dataclass
class Counters:
    blocked: int = 0
    audited: int = 0
    clean: int = 0
    errors: int = 0


class Watcher:
    def __init__(
        self,
        judge: LocationJudge,
        classifier: Classifier,
        quarantiner: Quarantiner,
        notifier: Notifier,
        *,
        path_privacy: str = "hash",
        settings: WatchSettings | None = None,
        on_plan: Callable[[frozenset[WatchSpec]], None] = lambda plan: None,
    ) -> None:
        self.judge = judge
        self.classifier = classifier
        self.quarantiner = quarantiner
        self.notifier = notifier
        self.settings = settings or WatchSettings()
        self.tracker = CompletionTracker(
            close_events=self.settings.close_events,
            settle=self.settings.settle,
            open_settle=self.settings.open_settle,
        )
        self.counters = Counters()
        self._privacy = path_privacy
        self._on_plan = on_plan
        self._observer: BaseObserver | None = None
        self._watches: dict[WatchSpec, ObservedWatch] = {}
        self._decided: OrderedDict[Path, Signature] = OrderedDict()
        self._notices: set[str] = set()
        self._stop = threading.Event()
        self._replan = threading.Event()
        self._busy = False
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._mounts: MountMonitor | None = None
        quarantiner.on_blocked = self._blocked

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        """Finish interrupted quarantines, watch, and sweep what arrived meanwhile."""
        for record in self.quarantiner.vault.records():
            if record.notice_sha256:
                self._notices.add(record.notice_sha256)
        self.quarantiner.recover()
        self._observer = Observer()
        self._observer.start()
        self._apply_plan(sweep_all=True)
        for target, name in ((self._work, "pii-guard-worker"), (self._plan, "pii-guard-planner")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._mounts = MountMonitor(self.request_replan)
        self._mounts.start()

    def stop(self) -> None:
        """Finish the file in hand, then stop every thread."""
        if self._stop.is_set():
            return
        self._stop.set()
        self.tracker.wake()
        self._replan.set()
        if self._mounts is not None:
            self._mounts.stop()
        for thread in self._threads:
            thread.join()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join()

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def watched(self) -> tuple[WatchSpec, ...]:
        with self._lock:
            return tuple(sorted(self._watches, key=lambda s: str(s.path)))

    def request_replan(self) -> None:
        self._replan.set()

    def wait_idle(self, timeout: float, quiet: float = 0.3) -> bool:
        """Tests and benchmarks: wait until nothing has been pending or in hand for `quiet` s."""
        deadline = time.monotonic() + timeout
        calm_since: float | None = None
        while time.monotonic() < deadline:
            if self.tracker.pending_count() == 0 and not self._busy:
                calm_since = calm_since or time.monotonic()
                if time.monotonic() - calm_since >= quiet:
                    return True
            else:
                calm_since = None
            time.sleep(0.02)
        return False

    # -- planning ---------------------------------------------------------------------

    def _roots(self) -> tuple[Path, ...]:
        return tuple(dict.fromkeys((*self.judge.watch_roots(), *self.settings.extra_roots)))

    def _plan(self) -> None:
        while not self._stop.is_set():
            self._replan.wait()
            self._replan.clear()
            if self._stop.is_set():
                return
            self._apply_plan(sweep_all=False)
            for delay in self.settings.replan_delays:  # a mount lands just after its mkdir
                if self._stop.wait(delay):
                    return
                self._apply_plan(sweep_all=False)

    def _apply_plan(self, *, sweep_all: bool) -> None:
        assert self._observer is not None
        plan = plan_watches(self._roots(), self.judge)
        handler = _Handler(self)
        with self._lock:
            for spec in [s for s in self._watches if s not in plan]:
                with contextlib.suppress(KeyError, OSError):
                    self._observer.unschedule(self._watches.pop(spec))
            added = [s for s in plan if s not in self._watches]
            for spec in added:
                try:
                    self._watches[spec] = self._observer.schedule(
                        handler, str(spec.path), recursive=spec.recursive, event_filter=_EVENTS
                    )
                except OSError as error:
                    log.warning("cannot watch %s: %s", spec.path, error.strerror or error)
            current = frozenset(self._watches)
        for spec in added:
            log.info("watching %s%s", spec.path, " (and below)" if spec.recursive else "")
        self._on_plan(current)
        for spec in current if sweep_all else added:
            self._sweep(spec)

    def _sweep(self, spec: WatchSpec) -> None:
        for path in _files_under(spec.path, recursive=spec.recursive):
            self.tracker.changed(path)

    # -- events -----------------------------------------------------------------------

    def _event(self, event: FileSystemEvent) -> None:
        src = Path(os.fsdecode(event.src_path))
        if isinstance(event, FileClosedEvent):
            self.tracker.closed(src)
        elif isinstance(event, FileModifiedEvent):
            self.tracker.changed(src, writing=True)
        elif isinstance(event, FileCreatedEvent):  # also a file renamed in from elsewhere
            self.tracker.changed(src)
        elif isinstance(event, FileMovedEvent):
            self.tracker.forget(src)
            self.tracker.changed(Path(os.fsdecode(event.dest_path)))
        elif isinstance(event, FileDeletedEvent):
            self.tracker.forget(src)
        elif isinstance(event, DirCreatedEvent | DirMovedEvent):
            target = Path(os.fsdecode(event.dest_path)) if event.dest_path else src
            for path in _files_under(target, recursive=True):
                self.tracker.changed(path)
            self._maybe_replan(target)
        elif isinstance(event, DirDeletedEvent):
            self._maybe_replan(src)

    def _maybe_replan(self, directory: Path) -> None:
        with self._lock:
            shallow = {s.path for s in self._watches if not s.recursive}
            watched = {s.path for s in self._watches}
        if directory.parent in shallow or directory in watched:
            self.request_replan()

    # -- work -------------------------------------------------------------------------

    def _work(self) -> None:
        while not self._stop.is_set():
            for path in self.tracker.wait_ready():
                if self._stop.is_set():
                    return
                self._busy = True
                try:
                    self.handle(path)
                except Exception:  # one bad file must not stop the watcher
                    self.counters.errors += 1
                    log.exception("unexpected error handling %s", path)
                finally:
                    self._busy = False

    def handle(self, path: Path) -> None:
        signature = regular_signature(path)
        if signature is None:
            return  # gone, a link, a FIFO or a device: nothing to scan, never opened
        placement = self.judge.placement(path)
        if not placement.blocked or self._own_notice(path, signature):
            return
        if self._decided.get(path) == signature:
            return
        classification = self.classifier.classify(path)
        if classification.error is not None:
            if regular_signature(path) is not None:  # still there: say so, once
                self.counters.errors += 1
                self._remember(path, signature)
                log.warning("%s: not scanned: %s", path, classification.error)
            return
        if not classification.blocking:
            self.counters.clean += 1
            self._remember(path, signature)
            return
        if placement.action == "audit":
            self._remember(path, signature)
            log.warning(
                "%s holds %s; policy rule %s audits only: left in place",
                path,
                ", ".join(classification.blocking),
                placement.rule_id,
            )
            audit_observed(path, placement, classification, self._privacy)
            self.counters.audited += 1
            return
        try:
            result = self.quarantiner.quarantine(path, placement, classification)
        except OSError as error:  # e.g. the drive was pulled: finish or undo what we began
            self.counters.errors += 1
            log.warning("%s: could not quarantine: %s", path, error.strerror or error)
            self.quarantiner.recover()
            return
        if result.outcome is Outcome.CHANGED:
            self.tracker.changed(path)

    def _blocked(self, record: VaultRecord) -> None:
        """Called by the quarantine (also on crash recovery) once a file is in the vault."""
        if record.notice_sha256:
            self._notices.add(record.notice_sha256)
        name = Path(record.original_path).name
        classes = ", ".join(record.blocking_classes)
        log.warning(
            "blocked %s (%s): moved to the encrypted quarantine as %s",
            record.original_path,
            classes,
            record.id,
        )
        audit_blocked(record, self._privacy)
        self.counters.blocked += 1
        self.notifier.notify(
            "pii-guard blocked a file",
            f"{name} holds personal records ({classes}) and may not be kept here. "
            f"It is safe in the district quarantine; see {name}{SUFFIX}.",
        )

    def _own_notice(self, path: Path, signature: Signature) -> bool:
        if not path.name.endswith(SUFFIX) or signature.size > MAX_NOTICE_BYTES:
            return False
        try:
            return sha256_file(path) in self._notices
        except OSError:
            return False

    def _remember(self, path: Path, signature: Signature) -> None:
        self._decided[path] = signature
        self._decided.move_to_end(path)
        while len(self._decided) > _REMEMBERED:
            self._decided.popitem(last=False)


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        self._watcher._event(event)


def _files_under(directory: Path, *, recursive: bool) -> Iterable[Path]:
    """Every regular-looking entry below `directory`, without following links."""
    if not recursive:
        try:
            yield from (p for p in directory.iterdir() if p.is_file() and not p.is_symlink())
        except OSError:
            return
        return
    for top, _dirs, files in os.walk(directory, followlinks=False):
        for name in files:
            yield Path(top) / name
