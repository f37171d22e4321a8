"""What ICTS reads: where each class of record lives, how much, and how old.

The report is built by aggregate queries over the state database, so its size
follows the number of folders that hold records, not the number of files.

Privacy decision (documented in the README): the report never lists the files
that hold records, only per-folder counts: folders are what ICTS acts on, and
a file name ("Jane Doe IEP 2024.docx") may itself be personal information.
Folder paths are shown relative to their share, because a folder nobody can
find cannot be cleaned up. The only file names that appear are those of files
that could not be scanned (someone must look at them), and those follow the
policy's `audit.path_privacy` (hash, mask or plain). No found value is stored
anywhere in discovery, so none can appear here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import PurePath

from pii_guard.audit import redact_path
from pii_guard.discovery.state import StateStore

SCHEMA = "pii-guard/discover/v1"
STALE_DAYS = 365  # R7: records untouched this long are the first candidates for destruction
MAX_LISTED_ERRORS = 1000


@dataclass(slots=True)
class Bucket:
    """Files of one class (or of any class) in one place."""

    files: int = 0
    bytes: int = 0
    oldest_ns: int | None = None
    newest_ns: int | None = None
    stale_files: int = 0

    def add(self, files: int, size: int, oldest: int, newest: int, stale: int) -> None:
        self.files += files
        self.bytes += size
        self.oldest_ns = oldest if self.oldest_ns is None else min(self.oldest_ns, oldest)
        self.newest_ns = newest if self.newest_ns is None else max(self.newest_ns, newest)
        self.stale_files += stale

    def to_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "bytes": self.bytes,
            "oldest_modified": _iso(self.oldest_ns),
            "newest_modified": _iso(self.newest_ns),
            "stale_files": self.stale_files,
        }


@dataclass(slots=True)
class FolderReport:
    folder: str
    any_class: Bucket = field(default_factory=Bucket)
    classes: dict[str, Bucket] = field(default_factory=dict)


@dataclass(slots=True)
class ShareReport:
    share: str
    files: int = 0
    bytes: int = 0
    errors: int = 0
    any_class: Bucket = field(default_factory=Bucket)
    classes: dict[str, Bucket] = field(default_factory=dict)
    folders: list[FolderReport] = field(default_factory=list)


@dataclass(slots=True)
class ErrorEntry:
    share: str
    folder: str
    name: str  # redacted per path_privacy
    error: str


@dataclass(slots=True)
class ProblemEntry:
    share: str
    where: str  # folder relative to the share, with the last part redacted
    message: str


@dataclass(slots=True)
class DiscoveryReport:
    generated: datetime
    policy: Mapping[str, str]
    class_titles: Mapping[str, str]
    path_privacy: str
    shares: list[ShareReport]
    errors: list[ErrorEntry]
    errors_total: int
    problems: list[ProblemEntry]
    last_run: int | None
    last_run_completed: bool

    def to_json(self) -> dict[str, object]:
        totals = Bucket()
        for share in self.shares:
            if share.any_class.files:
                b = share.any_class
                totals.add(b.files, b.bytes, b.oldest_ns or 0, b.newest_ns or 0, b.stale_files)
        return {
            "schema": SCHEMA,
            "generated": self.generated.isoformat(timespec="seconds"),
            "policy": dict(self.policy),
            "path_privacy": self.path_privacy,
            "stale_after_days": STALE_DAYS,
            "last_run": {"id": self.last_run, "completed": self.last_run_completed},
            "totals": {
                "files": sum(s.files for s in self.shares),
                "bytes": sum(s.bytes for s in self.shares),
                "errors": self.errors_total,
                "problems": len(self.problems),
                "with_classes": totals.to_json(),
            },
            "classes": {cid: {"title": title} for cid, title in sorted(self.class_titles.items())},
            "shares": [
                {
                    "share": s.share,
                    "files": s.files,
                    "bytes": s.bytes,
                    "errors": s.errors,
                    "with_classes": s.any_class.to_json(),
                    "classes": {c: b.to_json() for c, b in sorted(s.classes.items())},
                    "folders": [
                        {
                            "folder": f.folder,
                            "with_classes": f.any_class.to_json(),
                            "classes": {c: b.to_json() for c, b in sorted(f.classes.items())},
                        }
                        for f in s.folders
                    ],
                }
                for s in self.shares
            ],
            "errors": [
                {"share": e.share, "folder": e.folder, "file": e.name, "error": e.error}
                for e in self.errors
            ],
            "problems": [
                {"share": p.share, "where": p.where, "message": p.message} for p in self.problems
            ],
        }

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n"


def build_report(
    store: StateStore,
    *,
    policy: Mapping[str, str],
    class_titles: Mapping[str, str],
    path_privacy: str,
    now: datetime | None = None,
) -> DiscoveryReport:
    """Aggregate the state into the report; `now` fixes the clock for the stale count."""
    now = now or datetime.now(UTC)
    stale_before = int((now - timedelta(days=STALE_DAYS)).timestamp() * 1e9)
    shares: dict[str, ShareReport] = {}
    for root, files, size, errors in store.query(
        "SELECT root, COUNT(*), SUM(size), SUM(outcome = 'error') FROM files GROUP BY root"
    ):
        shares[str(root)] = ShareReport(str(root), int(files), int(size), int(errors))

    folders: dict[tuple[str, str], FolderReport] = {}
    for root, folder, files, size, oldest, newest, stale in store.query(
        "SELECT root, folder, COUNT(*), SUM(size), MIN(mtime_ns), MAX(mtime_ns),"
        " SUM(mtime_ns < ?) FROM files"
        " WHERE EXISTS (SELECT 1 FROM file_classes c WHERE c.path = files.path)"
        " GROUP BY root, folder",
        (stale_before,),
    ):
        share = shares[str(root)]
        entry = FolderReport(str(folder))
        counts = (int(files), int(size), int(oldest), int(newest), int(stale))
        entry.any_class.add(*counts)
        share.any_class.add(*counts)
        share.folders.append(entry)
        folders[(share.share, entry.folder)] = entry

    for root, folder, cls, files, size, oldest, newest, stale in store.query(
        "SELECT f.root, f.folder, c.class, COUNT(*), SUM(f.size), MIN(f.mtime_ns),"
        " MAX(f.mtime_ns), SUM(f.mtime_ns < ?) FROM files f"
        " JOIN file_classes c ON c.path = f.path GROUP BY f.root, f.folder, c.class",
        (stale_before,),
    ):
        counts = (int(files), int(size), int(oldest), int(newest), int(stale))
        folders[(str(root), str(folder))].classes.setdefault(str(cls), Bucket()).add(*counts)
        shares[str(root)].classes.setdefault(str(cls), Bucket()).add(*counts)

    for share in shares.values():
        # Largest concentrations first: most files holding records, then most bytes.
        share.folders.sort(key=lambda f: (-f.any_class.files, -f.any_class.bytes, f.folder))

    errors = [
        ErrorEntry(
            str(root), str(folder), _redact_name(str(path), path_privacy), _error_of(str(result))
        )
        for root, folder, path, result in store.query(
            "SELECT root, folder, path, result FROM files WHERE outcome = 'error'"
            " ORDER BY root, folder, path LIMIT ?",
            (MAX_LISTED_ERRORS,),
        )
    ]
    errors_total = sum(s.errors for s in shares.values())
    problems = [
        ProblemEntry(str(root), _where(str(root), str(path), path_privacy), str(message))
        for root, path, message in store.query(
            "SELECT root, path, message FROM problems ORDER BY root, path LIMIT ?",
            (MAX_LISTED_ERRORS,),
        )
    ]
    last = store.query("SELECT id, finished FROM runs ORDER BY id DESC LIMIT 1")
    last_row = next(last, None)
    ordered = sorted(shares.values(), key=lambda s: (-s.any_class.files, s.share))
    return DiscoveryReport(
        generated=now,
        policy=policy,
        class_titles=class_titles,
        path_privacy=path_privacy,
        shares=ordered,
        errors=errors,
        errors_total=errors_total,
        problems=problems,
        last_run=None if last_row is None else int(last_row[0]),
        last_run_completed=last_row is not None and last_row[1] is not None,
    )


def _iso(ns: int | None) -> str | None:
    if ns is None:
        return None
    return datetime.fromtimestamp(ns / 1e9, UTC).date().isoformat()


def _redact_name(path: str, mode: str) -> str:
    return redact_path(PurePath(path).name, mode)


def _where(root: str, path: str, mode: str) -> str:
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    if relative == ".":
        return "."
    head, _, name = relative.rpartition("/")
    name = redact_path(name, mode)
    return f"{head}/{name}" if head else name


def _error_of(result_json: str) -> str:
    error = json.loads(result_json).get("error")
    return str(error) if error else "error"
