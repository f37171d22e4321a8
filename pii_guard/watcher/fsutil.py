"""File-system steps the quarantine relies on to lose nothing.

Every write here is "temp name in the same folder, fsync, rename, fsync the
folder", so a crash leaves either the old state or the new one, never half a
file. Files are opened without following links and without blocking, so a FIFO
or a device node dropped into a watched place can never hang the watcher.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Signature:
    """What tells two versions of a file apart without reading it."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, st: os.stat_result) -> Signature:
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)


def regular_signature(path: Path) -> Signature | None:
    """The file's signature if it is a regular file (not a link, FIFO, device), else None."""
    try:
        st = path.lstat()
    except OSError:
        return None
    return Signature.of(st) if stat.S_ISREG(st.st_mode) else None


class NotRegularFileError(OSError):
    """The path turned out to be something other than a regular file."""


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """Open a regular file for reading; refuse links, FIFOs and devices without blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(f"not a regular file: {path}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable (a no-op where the OS has no dir fds)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace `path` with `data` so that readers see the old or the new bytes, never a mix."""
    temp = path.with_name(f".{path.name}.part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


class _HashingRaw(io.RawIOBase):
    def __init__(self, inner: BinaryIO, on_read: Callable[[], None] | None) -> None:
        super().__init__()
        self._inner = inner
        self._on_read = on_read
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._on_read is not None:
            self._on_read()
        view = memoryview(buffer).cast("B")
        data = self._inner.read(len(view))
        view[: len(data)] = data
        self.digest.update(data)
        self.size += len(data)
        return len(data)


class HashingReader:
    """A readable binary stream that hashes exactly the bytes handed on.

    The SHA-256 in a quarantine record must be the hash of the bytes that were
    encrypted, not of a second read that a writer could have changed meanwhile.
    """

    def __init__(self, inner: BinaryIO, on_read: Callable[[], None] | None = None) -> None:
        self._raw = _HashingRaw(inner, on_read)
        self.stream: BinaryIO = io.BufferedReader(self._raw, CHUNK)

    @property
    def size(self) -> int:
        return self._raw.size

    def hexdigest(self) -> str:
        return self._raw.digest.hexdigest()
