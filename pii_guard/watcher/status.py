"""Is a watcher running, what does it watch, how much did it block today?

The running watcher holds an exclusive lock on its pid file (so two cannot run
for one user, and a stale pid file after a crash is told apart from a live one)
and rewrites a small status file whenever its plan of watches changes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from pii_guard.errors import PiiGuardError
from pii_guard.paths import ensure_private_dir, state_dir
from pii_guard.watcher.fsutil import write_atomic
from pii_guard.watcher.plan import WatchSpec
from pii_guard.watcher.vault import Vault

try:
    import fcntl
except ImportError:  # Windows: the pid check falls back to asking the OS about the pid
    fcntl = None  # type: ignore[assignment]


def pid_path() -> Path:
    return state_dir() / "watch.pid"


def status_path() -> Path:
    return state_dir() / "watch-status.json"


class AlreadyRunningError(PiiGuardError):
    pass


class PidLock:
    """Held for the watcher's whole life; the OS drops it if the process dies."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or pid_path()
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        ensure_private_dir(self.path.parent)
        handle = self.path.open("a+", encoding="ascii")
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                pid = handle.read().strip()
                handle.close()
                raise AlreadyRunningError(
                    f"a watcher is already running (pid {pid or '?'})",
                    hint="stop it first, or see `pii-guard watch status`",
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self.path.unlink(missing_ok=True)
            status_path().unlink(missing_ok=True)
            self._handle.close()
            self._handle = None


def running_pid(path: Path | None = None) -> int | None:
    path = path or pid_path()
    try:
        text = path.read_text(encoding="ascii").strip()
    except OSError:
        return None
    if not text.isdigit():
        return None
    pid = int(text)
    if fcntl is not None:
        with path.open("a", encoding="ascii") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return pid  # someone holds the lock: the watcher is alive
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    return pid


def write_status(policy: str, plan: Iterable[WatchSpec], vault: Path) -> None:
    data = {
        "pid": os.getpid(),
        "policy": policy,
        "vault": str(vault),
        "watching": [
            {"path": str(spec.path), "recursive": spec.recursive}
            for spec in sorted(plan, key=lambda s: str(s.path))
        ],
    }
    ensure_private_dir(status_path().parent)
    write_atomic(status_path(), (json.dumps(data, indent=2, sort_keys=True) + "\n").encode())


@dataclass(frozen=True)
class WatchStatus:
    pid: int | None
    policy: str | None
    watching: tuple[tuple[str, bool], ...]
    blocked_today: int

    @property
    def running(self) -> bool:
        return self.pid is not None


def read_status(vault: Vault, today: date | None = None) -> WatchStatus:
    today = today or datetime.now().astimezone().date()
    blocked = sum(1 for r in vault.records() if r.timestamp.astimezone().date() == today)
    pid = running_pid()
    data: dict[str, object] = {}
    if pid is not None:
        try:
            data = json.loads(status_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
    raw = data.get("watching", [])
    watching = tuple(
        (str(item["path"]), bool(item["recursive"]))
        for item in (raw if isinstance(raw, list) else [])
        if isinstance(item, dict)
    )
    policy = data.get("policy")
    return WatchStatus(pid, policy if isinstance(policy, str) else None, watching, blocked)
