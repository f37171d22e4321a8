"""The quarantine vault: age ciphertext plus a JSON record per blocked file.

An entry is committed when its record exists: the ciphertext is written and
fsynced first, the record last. A ciphertext without a record is debris of an
interrupted quarantine and is removed by the journal's recovery. Records carry
counts of what was found, never the values.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from pii_guard.errors import PiiGuardError
from pii_guard.paths import ensure_private_dir
from pii_guard.watcher.fsutil import HashingReader, fsync_dir, write_atomic

RECORD_SCHEMA = "pii-guard/quarantine/v1"


class UnknownEntryError(PiiGuardError):
    """No quarantine entry has the id asked for."""


@dataclass(frozen=True, slots=True)
class VaultRecord:
    """What was quarantined, from where, why, and by which rule."""

    id: str
    original_path: str
    size: int
    sha256: str
    user: str
    host: str
    time: str  # ISO 8601, UTC
    classes: tuple[str, ...]
    blocking_classes: tuple[str, ...]
    entity_counts: Mapping[str, int]
    rule_id: str | None
    pattern: str | None
    recipient: str
    policy: str
    notice_sha256: str | None = None
    schema: str = field(default=RECORD_SCHEMA)

    def to_json(self) -> bytes:
        data = asdict(self)
        data["entity_counts"] = dict(self.entity_counts)
        return (json.dumps(data, sort_keys=True, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> VaultRecord:
        data = json.loads(raw)
        data["classes"] = tuple(data["classes"])
        data["blocking_classes"] = tuple(data["blocking_classes"])
        return cls(**data)

    @property
    def timestamp(self) -> datetime:
        return datetime.fromisoformat(self.time)


def new_entry_id(now: datetime | None = None) -> str:
    """Sortable by time, unique without coordination."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"q-{moment}-{secrets.token_hex(4)}"


class Vault:
    """One folder, readable by its owner only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ensure(self) -> Vault:
        ensure_private_dir(self.root)
        return self

    def ciphertext_path(self, entry_id: str) -> Path:
        return self.root / f"{entry_id}.age"

    def record_path(self, entry_id: str) -> Path:
        return self.root / f"{entry_id}.json"

    def _partial_path(self, entry_id: str) -> Path:
        return self.root / f".{entry_id}.age.part"

    def write_ciphertext(
        self,
        entry_id: str,
        src: BinaryIO,
        encrypt: Callable[[BinaryIO, BinaryIO], None],
        *,
        on_read: Callable[[], None] | None = None,
    ) -> tuple[str, int]:
        """Encrypt `src` into the vault durably; return (SHA-256, size) of the plaintext."""
        self.ensure()
        partial = self._partial_path(entry_id)
        reader = HashingReader(src, on_read)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            encrypt(reader.stream, out)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(self.ciphertext_path(entry_id))
        fsync_dir(self.root)
        return reader.hexdigest(), reader.size

    def commit(self, record: VaultRecord) -> None:
        """Write the record: from here on the entry exists and the original may go."""
        write_atomic(self.record_path(record.id), record.to_json())

    def discard(self, entry_id: str) -> None:
        """Remove every trace of an entry that was never committed (or is being undone)."""
        for path in (
            self.record_path(entry_id),
            self.ciphertext_path(entry_id),
            self._partial_path(entry_id),
        ):
            path.unlink(missing_ok=True)
        if self.root.is_dir():
            fsync_dir(self.root)

    def has(self, entry_id: str) -> bool:
        return self.record_path(entry_id).is_file() and self.ciphertext_path(entry_id).is_file()

    def get(self, entry_id: str) -> VaultRecord:
        if "/" in entry_id or "\\" in entry_id or not self.has(entry_id):
            raise UnknownEntryError(
                f"no quarantine entry '{entry_id}' in {self.root}",
                hint="run `pii-guard quarantine list` to see the ids",
            )
        return VaultRecord.from_json(self.record_path(entry_id).read_bytes())

    def records(self) -> Iterator[VaultRecord]:
        """Committed entries, oldest first."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("q-*.json")):
            entry_id = path.name.removesuffix(".json")
            if self.ciphertext_path(entry_id).is_file():
                yield VaultRecord.from_json(path.read_bytes())
