"""The state directory: what every file looked like when it was last scanned.

One SQLite database (stdlib, crash-safe, one file) keyed by path. A rerun asks
it, file by file, whether the stored result still holds; an interrupted run
simply has no row for the files it never finished, so the next run picks them
up and nothing else. Results are written as they arrive and committed in small
batches, so a crash loses seconds of work, never the inventory.

The database holds paths (which may name students) but no found values; the
directory is created private to its owner. One run at a time: a lock file
keeps a second `discover` off the same state.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.walker import FileEntry, WalkProblem
from pii_guard.errors import PiiGuardError
from pii_guard.paths import ensure_private_dir

DB_NAME = "discover.sqlite3"
LOCK_NAME = "discover.lock"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL, finished TEXT,
    roots TEXT NOT NULL, policy_sha256 TEXT NOT NULL, executor TEXT NOT NULL,
    scanned INTEGER NOT NULL DEFAULT 0, reused INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, root TEXT NOT NULL, folder TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT, outcome TEXT NOT NULL, result TEXT NOT NULL,
    policy_sha256 TEXT NOT NULL, seen_run INTEGER NOT NULL, scanned_run INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_root ON files (root, folder);
CREATE TABLE IF NOT EXISTS file_classes (
    path TEXT NOT NULL REFERENCES files (path) ON DELETE CASCADE,
    class TEXT NOT NULL, PRIMARY KEY (path, class)
);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT PRIMARY KEY, root TEXT NOT NULL, message TEXT NOT NULL, seen_run INTEGER NOT NULL
);
"""


class StateError(PiiGuardError):
    """The state directory cannot be used."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a walked file: reuse the stored result, or scan it.

    `known_sha256` is set when only size or mtime moved: the worker hashes the
    file first and skips the scan if the content is the same.
    """

    reuse: bool
    known_sha256: str | None = None


def folder_of(root: str, path: str) -> str:
    """The file's folder relative to its share, "." for the share's top."""
    relative = os.path.relpath(Path(path).parent, root)
    return relative.replace(os.sep, "/")


class StateStore:
    """The progress of discovery runs in STATE_DIR; use as a context manager."""

    def __init__(self, state_dir: Path, *, commit_every: int = 500, commit_seconds: float = 2.0):
        self.state_dir = state_dir
        self._commit_every = commit_every
        self._commit_seconds = commit_seconds
        self._pending = 0
        self._last_commit = time.monotonic()
        try:
            ensure_private_dir(state_dir)
            self._lock = (state_dir / LOCK_NAME).open("a")
        except OSError as error:
            raise StateError(
                f"{state_dir}: cannot use as state directory: {error.strerror}"
            ) from error
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StateError(
                f"{state_dir}: another discover run is using this state directory",
                hint="wait for it to finish, or give a different --state",
            ) from None
        try:
            self._db = sqlite3.connect(state_dir / DB_NAME, isolation_level="DEFERRED")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise StateError(f"{state_dir}: state written by another version (schema {row[0]})")
            self._db.commit()
        except sqlite3.DatabaseError as error:
            self._lock.close()
            raise StateError(
                f"{state_dir / DB_NAME}: not a usable state database: {error}"
            ) from error

    def __enter__(self) -> StateStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._db.commit()
            self._db.close()
        finally:
            self._lock.close()

    # -- runs -------------------------------------------------------------------------------

    def begin_run(self, roots: Iterable[str], policy_sha256: str, executor: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO runs (started, roots, policy_sha256, executor) VALUES (?, ?, ?, ?)",
            (_now(), json.dumps(list(roots)), policy_sha256, executor),
        )
        self._db.commit()
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run: int, roots: Iterable[str], *, scanned: int, reused: int) -> int:
        """Close a run whose walk completed; forget files and problems no longer there.

        Only a finished walk may forget anything: an interrupted one has not
        looked everywhere. Returns how many vanished files were dropped.
        """
        roots = list(roots)
        marks = ",".join("?" * len(roots))
        dropped = self._db.execute(
            f"DELETE FROM files WHERE seen_run < ? AND root IN ({marks})",  # noqa: S608
            (run, *roots),
        ).rowcount
        self._db.execute(
            f"DELETE FROM problems WHERE seen_run < ? AND root IN ({marks})",  # noqa: S608
            (run, *roots),
        )
        self._db.execute(
            "UPDATE runs SET finished = ?, scanned = ?, reused = ? WHERE id = ?",
            (_now(), scanned, reused, run),
        )
        self._db.commit()
        return dropped

    def last_finished_run(self) -> int | None:
        row = self._db.execute("SELECT MAX(id) FROM runs WHERE finished IS NOT NULL").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    # -- files ------------------------------------------------------------------------------

    def decide(self, entry: FileEntry, policy_sha256: str, run: int) -> Decision:
        """Reuse the stored result if the file and the policy are unchanged."""
        row = self._db.execute(
            "SELECT size, mtime_ns, sha256, outcome, policy_sha256 FROM files WHERE path = ?",
            (entry.path,),
        ).fetchone()
        if row is None:
            return Decision(reuse=False)
        size, mtime_ns, sha256, outcome, policy = row
        if outcome == Outcome.ERROR.value or policy != policy_sha256:
            return Decision(reuse=False)
        if size == entry.size and mtime_ns == entry.mtime_ns:
            self._db.execute("UPDATE files SET seen_run = ? WHERE path = ?", (run, entry.path))
            self._maybe_commit()
            return Decision(reuse=True)
        return Decision(reuse=False, known_sha256=sha256)

    def record(self, entry: FileEntry, result: FileResult, policy_sha256: str, run: int) -> None:
        """Store a worker's result for `entry` (an UNCHANGED one refreshes size and mtime)."""
        if result.outcome is Outcome.UNCHANGED:
            self._db.execute(
                "UPDATE files SET size = ?, mtime_ns = ?, seen_run = ? WHERE path = ?",
                (entry.size, entry.mtime_ns, run, entry.path),
            )
        else:
            self._db.execute("DELETE FROM file_classes WHERE path = ?", (entry.path,))
            self._db.execute(
                "INSERT OR REPLACE INTO files (path, root, folder, size, mtime_ns, sha256, outcome,"
                " result, policy_sha256, seen_run, scanned_run)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.path,
                    entry.root,
                    folder_of(entry.root, entry.path),
                    entry.size,
                    entry.mtime_ns,
                    result.sha256,
                    result.outcome.value,
                    result.to_json(),
                    policy_sha256,
                    run,
                    run,
                ),
            )
            self._db.executemany(
                "INSERT INTO file_classes (path, class) VALUES (?, ?)",
                [(entry.path, c) for c in result.classes],
            )
        self._maybe_commit()

    def record_problem(self, problem: WalkProblem, run: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO problems (path, root, message, seen_run) VALUES (?, ?, ?, ?)",
            (problem.path, problem.root, problem.message, run),
        )
        self._maybe_commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0
        self._last_commit = time.monotonic()

    def _maybe_commit(self) -> None:
        self._pending += 1
        if (
            self._pending >= self._commit_every
            or time.monotonic() - self._last_commit >= self._commit_seconds
        ):
            self.commit()

    # -- reading back -----------------------------------------------------------------------

    def results(self) -> Iterator[FileResult]:
        """Every stored result, in path order (streamed from the database)."""
        for path, text in self._db.execute("SELECT path, result FROM files ORDER BY path"):
            yield FileResult.from_json(path, text)

    def scanned_in_run(self, run: int) -> int:
        sql = "SELECT COUNT(*) FROM files WHERE scanned_run = ?"
        row = self._db.execute(sql, (run,)).fetchone()
        return int(row[0])

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """Read-only aggregate queries for the report."""
        yield from self._db.execute(sql, params)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
