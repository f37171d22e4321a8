"""The append-only, hash-chained log file: writing, torn-line recovery, reading.

Every append runs under one exclusive OS lock (`_lock.exclusive_lock`): read
the tail to learn the previous entry's seq and hash, write the new line with a
single `write` on an O_APPEND descriptor, fsync, unlock. So concurrent writers
(the watcher and CLI commands) never interleave, and the chain stays linear.

A crash mid-write can leave a torn last line (no newline, or a line that does
not parse, e.g. zero-filled blocks). The next writer, still under the lock,
copies those bytes to the sidecar `<log>.torn` (a JSON line with their offset,
length, SHA-256 and base64 content; fsynced first), only then truncates them
off the log, and appends an `audit.recovered` entry saying where they went.
Nothing is dropped: the bytes live on in the sidecar and the chain records the
move. (A crash between the sidecar write and the truncation leaves a duplicate
sidecar record on the next recovery, never a loss.)
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import json
import os
import socket
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pii_guard.audit._chain import (
    GENESIS,
    Entry,
    MalformedEntry,
    entry_hash,
    format_time,
    make_line,
    parse_line,
)
from pii_guard.audit._events import EventType
from pii_guard.audit._lock import exclusive_lock
from pii_guard.audit.errors import AuditWriteError

LOG_NAME = "audit.jsonl"
_BLOCK = 8 * 1024  # a few entries; the tail read grows when a line is longer
_MAX_BAD_TAIL_LINES = 16
_BINARY = getattr(os, "O_BINARY", 0)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no passwd entry (containers): the uid still identifies
        return f"uid:{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _read_at(fd: int, offset: int, size: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _end_of_last_line(fd: int, size: int) -> int:
    """Offset just after the file's last newline (0 if it has none)."""
    pos = size
    while pos > 0:
        start = max(0, pos - _BLOCK)
        found = _read_at(fd, start, pos - start).rfind(b"\n")
        if found >= 0:
            return start + found + 1
        pos = start
    return 0


def _lines_backwards(fd: int, end: int) -> Iterator[tuple[int, bytes]]:
    """(offset, line) of each complete line before `end` (just after a newline), last first."""
    buffer, buffer_start, pos = b"", end, end
    while pos > 0:
        newline = buffer.rfind(b"\n", 0, pos - 1 - buffer_start)
        while newline < 0 and buffer_start > 0:
            new_start = max(0, buffer_start - _BLOCK)
            buffer = _read_at(fd, new_start, buffer_start - new_start) + buffer
            buffer_start = new_start
            newline = buffer.rfind(b"\n", 0, pos - 1 - buffer_start)
        line_start = buffer_start + newline + 1
        yield line_start, buffer[line_start - buffer_start : pos - 1 - buffer_start]
        pos = line_start


@dataclass(frozen=True, slots=True)
class Tail:
    """What an appender needs to know about the end of the log."""

    last: Entry | None  # the last complete, well-formed entry
    good_size: int  # bytes up to and including that entry's newline
    torn: bytes  # whatever follows it: a torn or unreadable last line, usually b""


def read_tail(fd: int) -> Tail:
    """The last good entry and anything torn after it, reading only the end of the file."""
    size = os.fstat(fd).st_size
    end = _end_of_last_line(fd, size)
    for checked, (offset, line) in enumerate(_lines_backwards(fd, end)):
        if checked >= _MAX_BAD_TAIL_LINES:
            break
        try:
            entry = parse_line(line)
        except MalformedEntry:
            continue
        good_size = offset + len(line) + 1
        return Tail(entry, good_size, _read_at(fd, good_size, size - good_size))
    else:
        return Tail(None, 0, _read_at(fd, 0, size))
    raise AuditWriteError(
        f"the last {_MAX_BAD_TAIL_LINES} lines of the audit log are not audit entries",
        hint="run `pii-guard audit verify`; keep the file as evidence and move it aside",
    )


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class AuditLog:
    """One log file. Cheap to construct; every method opens, locks and closes the file."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = _utcnow,
        host: str | None = None,
        user: str | None = None,
        on_append: Callable[[Entry, bytes], None] | None = None,
    ) -> None:
        self.path = path
        self.sidecar = path.with_name(path.name + ".torn")
        self.lock_path = path.with_name(path.name + ".lock")
        self._clock = clock
        self._host = host if host is not None else socket.gethostname()
        self._user = user if user is not None else current_user()
        self.on_append = on_append
        # The file as our last append left it (device, inode, size, mtime) and that entry.
        self._written: tuple[tuple[int, int, int, int], Entry] | None = None

    def append(
        self, event: EventType | str, details: Mapping[str, object], *, sync: bool = True
    ) -> Entry:
        """Append one entry (details must already be JSON-ready and redacted).

        `sync=False` leaves the entry in the kernel's cache (it survives the process
        being killed, not a power cut) until `sync()`: a scan that finds hundreds of
        records pays one fsync, not one per record.
        """
        name = event.value if isinstance(event, EventType) else event
        try:
            created = not self.path.exists()
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with exclusive_lock(self.lock_path):
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | _BINARY, 0o600)
                try:
                    if created:
                        _fsync_dir(self.path.parent)
                    tail = self._tail(fd)
                    last = tail.last
                    if tail.torn:
                        last = self._set_aside(fd, tail)
                    entry = self._write(fd, last, name, details, sync=sync)
                    self._written = (_stamp(os.fstat(fd)), entry)
                finally:
                    os.close(fd)
        except OSError as error:
            raise self._cannot_write(error) from error
        return entry

    def _tail(self, fd: int) -> Tail:
        """The end of the log, read from the file unless it is exactly as our last append
        left it (same file, size and modification time: nobody has written since), when
        the entry we wrote is the last one. A scan that finds hundreds of records then
        reads the log's tail once, not once per record."""
        if self._written is not None:
            stamp, entry = self._written
            if _stamp(os.fstat(fd)) == stamp:
                return Tail(entry, stamp[2], b"")
        return read_tail(fd)

    def _cannot_write(self, error: OSError) -> AuditWriteError:
        return AuditWriteError(
            f"{self.path}: cannot write the audit log: {error.strerror or error}",
            hint="check the disk and the permissions of the data folder",
        )

    def sync(self) -> None:
        """Make every entry appended so far durable (see `append`)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _BINARY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as error:
            raise self._cannot_write(error) from error

    def _write(
        self,
        fd: int,
        last: Entry | None,
        event: str,
        details: Mapping[str, object],
        *,
        sync: bool = True,
    ) -> Entry:
        seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
        moment = self._clock()
        line = make_line(
            seq=seq,
            moment=moment,
            host=self._host,
            user=self._user,
            event=event,
            details=details,
            prev=prev,
        )
        _write_all(fd, line + b"\n")
        if sync:
            os.fsync(fd)
        entry = Entry(
            seq=seq,
            time=format_time(moment),
            host=self._host,
            user=self._user,
            event=event,
            details=dict(details),
            prev=prev,
            hash=entry_hash(line),
        )
        if self.on_append is not None:
            self.on_append(entry, line)
        return entry

    def _set_aside(self, fd: int, tail: Tail) -> Entry:
        """Move a torn tail to the sidecar, then record that in the chain."""
        digest = hashlib.sha256(tail.torn).hexdigest()
        record = {
            "time": _utcnow().isoformat(),
            "offset": tail.good_size,
            "length": len(tail.torn),
            "sha256": digest,
            "after_seq": tail.last.seq if tail.last else 0,
            "bytes_b64": base64.b64encode(tail.torn).decode("ascii"),
        }
        side = os.open(self.sidecar, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _BINARY, 0o600)
        try:
            _write_all(side, json.dumps(record, sort_keys=True).encode("ascii") + b"\n")
            os.fsync(side)
        finally:
            os.close(side)
        os.ftruncate(fd, tail.good_size)
        os.fsync(fd)
        return self._write(
            fd,
            tail.last,
            EventType.AUDIT_RECOVERED.value,
            {
                "reason": "torn last line (interrupted write) set aside",
                "offset": tail.good_size,
                "length": len(tail.torn),
                "sha256": digest,
                "sidecar": self.sidecar.name,
            },
        )

    def head(self) -> Entry | None:
        """The last good entry, read from the end of the file (no full scan)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _BINARY)
        except FileNotFoundError:
            return None
        try:
            return read_tail(fd).last
        finally:
            os.close(fd)

    def lines(self) -> Iterator[tuple[int, bytes, bool]]:
        """(line number, line without newline, complete?) for the whole file, streaming."""
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            return
        with handle:
            for number, raw in enumerate(handle, start=1):
                complete = raw.endswith(b"\n")
                yield number, raw[:-1] if complete else raw, complete

    def entries(self) -> Iterator[Entry]:
        """Every well-formed entry in file order (unverified: `verify` says if they are true)."""
        for _, line, complete in self.lines():
            if not complete:
                continue
            try:
                yield parse_line(line, check_canonical=False)
            except MalformedEntry:
                continue
