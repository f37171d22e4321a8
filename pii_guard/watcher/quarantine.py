"""Quarantine one file without ever losing it, and finish what a crash interrupted.

Order of steps (each recorded in the journal before the next begins):
encrypt into the vault and fsync -> commit the record -> remove the original ->
leave the notice and report. Recovery undoes a quarantine that had not
committed and completes one that had.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from pii_guard.watcher.fsutil import (
    Signature,
    fsync_dir,
    open_regular,
    sha256_file,
    write_atomic,
)
from pii_guard.watcher.journal import Journal, JournalEntry, Step
from pii_guard.watcher.notice import notice_bytes, notice_digest, notice_path
from pii_guard.watcher.ports import Classification, Encryptor, Placement
from pii_guard.watcher.vault import Vault, VaultRecord, new_entry_id

log = logging.getLogger(__name__)

FAULT_ENV = "PII_GUARD_WATCH_FAULT"  # "stage[:n]": SIGKILL ourselves the n-th time (tests)
DELAY_ENV = "PII_GUARD_WATCH_STEP_DELAY"  # seconds to pause at every stage (tests)
STAGES = ("begun", "encrypting", "encrypted", "stored", "removed", "reported")


@dataclass
class FaultPlan:
    """Test hook: crash hard at a chosen point, or slow every step down.

    Lets the crash tests hit each step deterministically and widen the window
    for random external kills; inert unless the environment variables are set.
    """

    stage: str | None = None
    nth: int = 1
    delay: float = 0.0
    _seen: int = 0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FaultPlan:
        env = os.environ if env is None else env
        stage, _, nth = env.get(FAULT_ENV, "").partition(":")
        return cls(
            stage=stage or None,
            nth=int(nth) if nth else 1,
            delay=float(env.get(DELAY_ENV, "0") or 0),
        )

    def reached(self, stage: str) -> None:
        if self.delay:
            time.sleep(self.delay)
        if stage == self.stage:
            self._seen += 1
            if self._seen >= self.nth:
                os.kill(os.getpid(), signal.SIGKILL)


class Outcome(StrEnum):
    QUARANTINED = "quarantined"
    VANISHED = "vanished"  # gone before we could take it: nothing to do
    CHANGED = "changed"  # rewritten since the scan: scan again


@dataclass(frozen=True, slots=True)
class Result:
    outcome: Outcome
    record: VaultRecord | None = None


@dataclass(frozen=True, slots=True)
class Identity:
    """Who and where, recorded with each entry."""

    user: str
    host: str
    policy: str  # "id version" of the policy that blocked it
    contact: str  # whom the notice tells people to ask


class Quarantiner:
    def __init__(
        self,
        vault: Vault,
        journal: Journal,
        encryptor: Encryptor,
        identity: Identity,
        *,
        on_blocked: Callable[[VaultRecord], None] = lambda record: None,
        faults: FaultPlan | None = None,
    ) -> None:
        self.vault = vault
        self.journal = journal
        self.encryptor = encryptor
        self.identity = identity
        self.on_blocked = on_blocked
        self.faults = faults or FaultPlan()

    def quarantine(
        self, path: Path, placement: Placement, classification: Classification
    ) -> Result:
        entry_id = new_entry_id()
        self.journal.write(JournalEntry(entry_id, str(path), Step.BEGUN))
        self.faults.reached("begun")
        try:
            with open_regular(path) as handle:
                before = Signature.of(os.fstat(handle.fileno()))
                sha256, size = self.vault.write_ciphertext(
                    entry_id,
                    handle,
                    self.encryptor.encrypt,
                    on_read=lambda: self.faults.reached("encrypting"),
                )
        except FileNotFoundError:
            self._undo(entry_id)
            return Result(Outcome.VANISHED)
        self.faults.reached("encrypted")
        if classification.sha256 is not None and classification.sha256 != sha256:
            self._undo(entry_id)
            return Result(Outcome.CHANGED)

        record = self._record(entry_id, path, sha256, size, placement, classification)
        self.vault.commit(record)
        self.journal.write(JournalEntry(entry_id, str(path), Step.STORED))
        self.faults.reached("stored")

        if not self._unchanged(path, before, sha256):
            self._undo(entry_id)
            return Result(Outcome.CHANGED)
        self._remove_original(path)
        self.journal.write(JournalEntry(entry_id, str(path), Step.REMOVED))
        self.faults.reached("removed")
        self._report(record)
        return Result(Outcome.QUARANTINED, record)

    def recover(self) -> list[Result]:
        """Complete or undo what an earlier run left half done."""
        results = []
        for entry in self.journal.pending():
            results.append(self._recover_one(entry))
        for partial in self.vault.root.glob(".q-*.part") if self.vault.root.is_dir() else ():
            partial.unlink(missing_ok=True)
        return results

    def _recover_one(self, entry: JournalEntry) -> Result:
        path = Path(entry.path)
        if entry.step is Step.BEGUN:
            log.info("undoing an interrupted quarantine of %s: the file stays in place", path)
            self._undo(entry.id)
            return Result(Outcome.CHANGED)
        record = self.vault.get(entry.id)
        if entry.step is Step.STORED:
            try:
                current = sha256_file(path)
            except FileNotFoundError:
                current = None
            if current is not None and current != record.sha256:
                log.info("%s changed during an interrupted quarantine: scanning it again", path)
                self._undo(entry.id)
                return Result(Outcome.CHANGED)
            if current is not None:
                self._remove_original(path)
            self.journal.write(JournalEntry(entry.id, entry.path, Step.REMOVED))
        if entry.step is not Step.REPORTED:
            self._report(record)
        else:
            self.journal.remove(entry.id)
        log.info("completed an interrupted quarantine of %s as %s", path, entry.id)
        return Result(Outcome.QUARANTINED, record)

    def _record(
        self,
        entry_id: str,
        path: Path,
        sha256: str,
        size: int,
        placement: Placement,
        classification: Classification,
    ) -> VaultRecord:
        record = VaultRecord(
            id=entry_id,
            original_path=str(path),
            size=size,
            sha256=sha256,
            user=self.identity.user,
            host=self.identity.host,
            time=datetime.now(UTC).replace(microsecond=0).isoformat(),
            classes=classification.classes,
            blocking_classes=classification.blocking,
            entity_counts=dict(classification.entity_counts),
            rule_id=placement.rule_id,
            pattern=placement.pattern,
            recipient=self.encryptor.recipient,
            policy=self.identity.policy,
        )
        notice = notice_bytes(record, self.identity.contact)
        return dataclasses.replace(record, notice_sha256=notice_digest(notice))

    def _unchanged(self, path: Path, before: Signature, sha256: str) -> bool:
        """Is the file still exactly what went into the vault? Only then may it go."""
        try:
            now = Signature.of(path.lstat())
        except FileNotFoundError:
            return True  # already gone: the vault copy is all there is
        if now == before:
            return True
        try:
            return sha256_file(path) == sha256
        except FileNotFoundError:
            return True

    def _remove_original(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        fsync_dir(path.parent)

    def _report(self, record: VaultRecord) -> None:
        original = Path(record.original_path)
        notice = notice_path(original)
        data = notice_bytes(record, self.identity.contact)
        try:
            write_atomic(notice, data, mode=0o644)
        except OSError as error:  # the place may have gone (USB pulled): the vault has it
            log.warning("could not leave a notice at %s: %s", notice, error.strerror or error)
        self.on_blocked(record)
        self.journal.write(JournalEntry(record.id, record.original_path, Step.REPORTED))
        self.faults.reached("reported")
        self.journal.remove(record.id)

    def _undo(self, entry_id: str) -> None:
        self.vault.discard(entry_id)
        self.journal.remove(entry_id)
