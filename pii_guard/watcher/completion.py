"""When is a file complete? Only then is it worth scanning.

Where the OS reports close-after-write (inotify's IN_CLOSE_WRITE, watchdog's
FileClosedEvent) a closed file is ready at once, and a file seen being written
waits for its close, however slowly it is written. Elsewhere, and for files
that appear without a write being seen (renamed in, or created before their
folder was watched), a file is ready once its size and mtime have stayed the
same for `settle` seconds. Timers run only while files are
pending: an idle watcher sleeps on a condition, it does not poll.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pii_guard.watcher.fsutil import Signature, regular_signature

CLOSED_DEBOUNCE = 0.05


@dataclass(slots=True)
class _Pending:
    due: float
    signature: Signature | None
    closed: bool


class CompletionTracker:
    def __init__(
        self,
        *,
        close_events: bool,
        settle: float = 0.5,
        open_settle: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        stat: Callable[[Path], Signature | None] = regular_signature,
    ) -> None:
        self.close_events = close_events
        self.settle = settle
        self.open_settle = open_settle  # fallback when a close event never comes
        self._clock = clock
        self._stat = stat
        self._pending: dict[Path, _Pending] = {}
        self._cond = threading.Condition()
        self._woken = False

    def changed(self, path: Path, *, writing: bool = False) -> None:
        """Created or renamed into a watched place, or (`writing`) written to.

        A write seen on a platform with close events means a writer has the file
        open: wait for its close (however slow), with a long stability fallback.
        """
        wait = self.open_settle if (writing and self.close_events) else self.settle
        with self._cond:
            self._pending[path] = _Pending(self._clock() + wait, self._stat(path), closed=False)
            self._cond.notify()

    def closed(self, path: Path) -> None:
        """The last writer closed it: complete, barring a new writer."""
        with self._cond:
            self._pending[path] = _Pending(self._clock() + CLOSED_DEBOUNCE, None, closed=True)
            self._cond.notify()

    def forget(self, path: Path) -> None:
        with self._cond:
            self._pending.pop(path, None)

    def pending_count(self) -> int:
        with self._cond:
            return len(self._pending)

    def wake(self) -> None:
        """Make a blocked `wait_ready` return (shutdown)."""
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def wait_ready(self, timeout: float | None = None) -> list[Path]:
        """Block until some files are complete (or `wake`/timeout); return them."""
        deadline = None if timeout is None else self._clock() + timeout
        with self._cond:
            while True:
                ready = self._collect()
                if ready or self._woken:
                    self._woken = False
                    return ready
                now = self._clock()
                waits = [p.due - now for p in self._pending.values()]
                if deadline is not None:
                    waits.append(deadline - now)
                    if deadline <= now:
                        return []
                self._cond.wait(max(0.0, min(waits)) if waits else None)

    def _collect(self) -> list[Path]:
        now = self._clock()
        ready: list[Path] = []
        for path, pending in list(self._pending.items()):
            if pending.due > now:
                continue
            if pending.closed:
                ready.append(path)
                del self._pending[path]
                continue
            current = self._stat(path)
            if current is None:
                del self._pending[path]  # gone, or not a regular file: nothing to scan
            elif current != pending.signature:
                pending.signature = current
                pending.due = now + self.settle
            else:
                ready.append(path)
                del self._pending[path]
        return sorted(ready)
