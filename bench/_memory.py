"""Peak resident memory of one child process, and of it alone.

`wait4`'s `ru_maxrss` for a child looks like the answer and is not: Linux keeps
the larger of the program's own peak and the resident size of the process it
was forked from (the copy of the parent's memory that `exec` replaced), so every
child of a 300 MB benchmark process "peaks" at 300 MB whatever it does. `VmHWM`
in `/proc/<pid>/status` is the peak of the running program's own memory: a
child reads its own at the end, and a program we cannot change (`age`) is
watched from outside while it runs.
"""

from __future__ import annotations

import threading
from pathlib import Path


def vm_hwm_bytes(pid: int | str = "self") -> int:
    """The peak resident memory of a running process so far (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024  # kB
    return 0


class PeakWatcher:
    """Polls a child's VmHWM until `stop()`; the peak only grows, so the last reading
    before the child exits is its peak (short of growth in the final poll interval)."""

    def __init__(self, pid: int, interval: float = 0.002) -> None:
        self.peak = 0
        self._pid = pid
        self._interval = interval
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, vm_hwm_bytes(self._pid))
            self._done.wait(self._interval)

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak
