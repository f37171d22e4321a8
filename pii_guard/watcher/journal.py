"""Write-ahead journal of quarantines in progress.

One small JSON file per quarantine, replaced atomically at each step. After a
crash (kill -9, power loss) the next start reads what is left and completes or
undoes each step (`quarantine.Quarantiner.recover`), so a file is always either
still in place or committed in the vault.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

from pii_guard.paths import ensure_private_dir
from pii_guard.watcher.fsutil import fsync_dir, write_atomic


class Step(StrEnum):
    """How far a quarantine got; each value is written before the next action starts."""

    BEGUN = "begun"  # vault entry may be partial; the original is untouched -> undo
    STORED = "stored"  # vault entry committed and fsynced; the original may still exist
    REMOVED = "removed"  # original gone; notice and audit may be missing
    REPORTED = "reported"  # notice written and audited; only the journal entry is left


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: str
    path: str
    step: Step

    def to_json(self) -> bytes:
        data = asdict(self)
        data["step"] = self.step.value
        return json.dumps(data, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> JournalEntry:
        data = json.loads(raw)
        return cls(id=str(data["id"]), path=str(data["path"]), step=Step(data["step"]))


class Journal:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, entry_id: str) -> Path:
        return self.root / f"{entry_id}.json"

    def write(self, entry: JournalEntry) -> None:
        ensure_private_dir(self.root)
        write_atomic(self._path(entry.id), entry.to_json())

    def remove(self, entry_id: str) -> None:
        self._path(entry_id).unlink(missing_ok=True)
        fsync_dir(self.root)

    def pending(self) -> Iterator[JournalEntry]:
        """Entries left by an earlier run, oldest first; torn temp files are dropped."""
        if not self.root.is_dir():
            return
        for leftover in self.root.glob(".*.part"):
            leftover.unlink(missing_ok=True)
        for path in sorted(self.root.glob("q-*.json")):
            yield JournalEntry.from_json(path.read_bytes())
