"""Which directories to watch, and how.

Blocked locations are found under the policy's watch roots (plus the mount
roots where removable drives appear). A root that is itself blocked is watched
recursively; otherwise it is watched shallowly, to notice new entries, and each
blocked child (a mounted drive, a cloud folder) recursively. A root that does
not exist yet is noticed through its nearest existing parent. Each watch keeps
the identity (device, inode) of its directory, so a drive mounted on top of an
already-watched empty mount point shows up as a change of plan.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pii_guard.watcher.ports import LocationJudge

PROBE = "pii-guard-probe"


@dataclass(frozen=True, slots=True)
class WatchSpec:
    path: Path
    recursive: bool
    identity: tuple[int, int]


def mount_roots(env: Mapping[str, str] | None = None) -> tuple[Path, ...]:
    """Where removable drives appear for this user on this platform."""
    env = os.environ if env is None else env
    if sys.platform == "darwin":
        return (Path("/Volumes"),)
    if os.name == "nt":
        return ()  # drive letters: no directory to watch; swept on start
    user = env.get("USER") or getpass.getuser()
    return (Path("/media") / user, Path("/run/media") / user)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def is_blocked_dir(directory: Path, judge: LocationJudge) -> bool:
    """Would a file placed directly in `directory` be blocked?"""
    return judge.placement(directory / PROBE).blocked


def _nearest_existing(path: Path) -> Path | None:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return None


def plan_watches(roots: Iterable[Path], judge: LocationJudge) -> frozenset[WatchSpec]:
    specs: dict[Path, WatchSpec] = {}

    def add(path: Path, recursive: bool) -> None:
        identity = _identity(path)
        if identity is None:
            return
        old = specs.get(path)
        if old is None or (recursive and not old.recursive):
            specs[path] = WatchSpec(path, recursive, identity)

    def add_mounts_below(directory: Path) -> None:
        """A drive mounted inside a recursive watch needs its own (inotify stays below)."""
        parent = _identity(directory)
        for child in _subdirs(directory):
            identity = _identity(child)
            if parent and identity and identity[0] != parent[0]:
                add(child, recursive=True)

    for root in roots:
        if not root.is_dir():
            parent = _nearest_existing(root.parent)
            if parent is not None:
                add(parent, recursive=False)
            continue
        if is_blocked_dir(root, judge):
            add(root, recursive=True)
            add_mounts_below(root)
            continue
        add(root, recursive=False)
        for child in _subdirs(root):
            if is_blocked_dir(child, judge):
                add(child, recursive=True)
                add_mounts_below(child)
    return _drop_covered(specs.values())


def _subdirs(directory: Path) -> list[Path]:
    try:
        return sorted(c for c in directory.iterdir() if c.is_dir() and not c.is_symlink())
    except OSError:
        return []


def _drop_covered(specs: Iterable[WatchSpec]) -> frozenset[WatchSpec]:
    """A recursive watch covers everything below it on the same device (not mounts)."""
    items = list(specs)
    recursive = [s for s in items if s.recursive]
    kept = [
        s
        for s in items
        if not any(r.path in s.path.parents and r.identity[0] == s.identity[0] for r in recursive)
    ]
    return frozenset(kept)
