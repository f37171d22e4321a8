"""Learn of mounts and unmounts from the kernel, without polling.

Linux marks /proc/self/mountinfo with POLLPRI whenever the mount table changes;
a thread blocked in poll() costs nothing while nothing happens. Elsewhere the
planner relies on the directory events of the mount roots.
"""

from __future__ import annotations

import logging
import os
import select
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

MOUNTINFO = Path("/proc/self/mountinfo")


class MountMonitor:
    def __init__(self, on_change: Callable[[], None]) -> None:
        self._on_change = on_change
        self._stop_r, self._stop_w = os.pipe()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if not hasattr(select, "poll") or not MOUNTINFO.exists():
            return
        self._thread = threading.Thread(target=self._run, name="pii-guard-mounts", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        os.write(self._stop_w, b"x")
        if self._thread is not None:
            self._thread.join()
        os.close(self._stop_r)
        os.close(self._stop_w)

    def _run(self) -> None:
        try:
            with MOUNTINFO.open("rb") as mounts:
                poller = select.poll()
                poller.register(mounts.fileno(), select.POLLPRI | select.POLLERR)
                poller.register(self._stop_r, select.POLLIN)
                mounts.read()
                while True:
                    events = poller.poll()
                    if any(fd == self._stop_r for fd, _ in events):
                        return
                    mounts.seek(0)
                    mounts.read()
                    self._on_change()
        except OSError as error:
            log.info("mount changes not monitored: %s", error)
