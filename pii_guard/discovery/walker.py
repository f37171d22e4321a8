"""Walk the shares lazily: one directory listing in memory at a time.

A district share holds millions of files, so the walk yields as it goes and
keeps only the stack of directories still to visit. Directory symlinks are
followed (shares use them to stitch folders together) but a link back to one of
its own ancestors is reported as a loop instead of being walked forever. A
directory that cannot be read, a dangling link or a FIFO is a `WalkProblem`
for the report, never a reason to stop: an inventory with a hole it names is
useful, one that died on the first locked folder is not.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

ScandirFn = Callable[[str], AbstractContextManager[Iterator[os.DirEntry[str]]]]


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A regular file found under `root`; `path` is absolute."""

    root: str
    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class WalkProblem:
    """Something under `root` that could not be walked or will not be scanned."""

    root: str
    path: str
    message: str


WalkItem = FileEntry | WalkProblem


def _describe(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def walk(roots: Iterable[str], *, scandir: ScandirFn = os.scandir) -> Iterator[WalkItem]:
    """Yield every regular file under each root, depth first, and every problem met.

    `scandir` is a seam for tests (a folder root cannot lock itself out of).
    """
    for raw_root in roots:
        root = str(Path(raw_root).absolute())
        yield from _walk_root(root, scandir)


def _walk_root(root: str, scandir: ScandirFn) -> Iterator[WalkItem]:
    try:
        root_stat = Path(root).stat()
    except OSError as error:
        yield WalkProblem(root, root, _describe(error))
        return
    if stat.S_ISREG(root_stat.st_mode):
        yield FileEntry(root, root, root_stat.st_size, root_stat.st_mtime_ns)
        return
    if not stat.S_ISDIR(root_stat.st_mode):
        yield WalkProblem(root, root, "not a regular file or directory")
        return
    # Each stack item carries the (device, inode) of the directory's ancestors,
    # so a loop is caught however many links deep it closes.
    key = (root_stat.st_dev, root_stat.st_ino)
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [(root, frozenset({key}))]
    while stack:
        directory, ancestors = stack.pop()
        subdirs: list[tuple[str, frozenset[tuple[int, int]]]] = []
        try:
            with scandir(directory) as entries:
                for entry in entries:
                    item = _classify(root, entry, ancestors, subdirs)
                    if item is not None:
                        yield item
        except OSError as error:
            yield WalkProblem(root, directory, f"cannot list directory: {_describe(error)}")
        # Sorted so two runs (and two executors) visit the tree in the same order.
        subdirs.sort(reverse=True)
        stack.extend(subdirs)


def _classify(
    root: str,
    entry: os.DirEntry[str],
    ancestors: frozenset[tuple[int, int]],
    subdirs: list[tuple[str, frozenset[tuple[int, int]]]],
) -> WalkItem | None:
    try:
        info = entry.stat(follow_symlinks=True)
    except OSError as error:
        if entry.is_symlink():
            return WalkProblem(root, entry.path, "dangling symlink")
        return WalkProblem(root, entry.path, _describe(error))
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            return WalkProblem(root, entry.path, "symlink loop: links back to an enclosing folder")
        subdirs.append((entry.path, ancestors | {key}))
        return None
    if stat.S_ISREG(info.st_mode):
        return FileEntry(root, entry.path, info.st_size, info.st_mtime_ns)
    # FIFOs, sockets and devices are not records, and opening a FIFO would hang.
    return WalkProblem(root, entry.path, "not a regular file")
