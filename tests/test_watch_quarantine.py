"""Quarantine steps and crash recovery, one interruption point at a time.

A crash is simulated in-process by a fault plan that raises at a chosen stage
(the subprocess kill -9 tests are in test_watch_crash.py); a fresh Quarantiner
then recovers, and the file must be in place or in the vault, byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _watch_support import ROSTER, AgeKey, age_decrypt, make_age_key

from pii_guard.watcher.encryption import AgeEncryptor
from pii_guard.watcher.journal import Journal
from pii_guard.watcher.notice import notice_path
from pii_guard.watcher.ports import Classification, Placement
from pii_guard.watcher.quarantine import STAGES, FaultPlan, Identity, Outcome, Quarantiner
from pii_guard.watcher.vault import Vault, VaultRecord

PLACEMENT = Placement(True, "personal-usb", "/media/*/**", "block")
CLASSIFICATION = Classification(
    classes=("ferpa-student-record", "mgl-93h-personal-information"),
    blocking=("ferpa-student-record", "mgl-93h-personal-information"),
    entity_counts={"PERSON": 4, "US_SSN": 4},
)
WHO = Identity("alice", "laptop-17", "cambridge-tech-use 2024-01-25", "ICTS at x4000")


class Crash(Exception):
    pass


class CrashAt(FaultPlan):
    def reached(self, stage: str) -> None:
        if stage == self.stage:
            raise Crash(stage)


@pytest.fixture(scope="module")
def icts(tmp_path_factory: pytest.TempPathFactory) -> AgeKey:
    return make_age_key(tmp_path_factory.mktemp("icts"))


def quarantiner(tmp_path: Path, key: AgeKey, faults: FaultPlan | None = None) -> Quarantiner:
    return Quarantiner(
        Vault(tmp_path / "vault"),
        Journal(tmp_path / "journal"),
        AgeEncryptor(key.recipient),
        WHO,
        faults=faults,
    )


def test_quarantine_encrypts_records_removes_and_leaves_notice(
    tmp_path: Path, icts: AgeKey
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    roster = usb / "roster.csv"
    roster.write_bytes(ROSTER)
    blocked: list[VaultRecord] = []
    q = quarantiner(tmp_path, icts)
    q.on_blocked = blocked.append

    result = q.quarantine(roster, PLACEMENT, CLASSIFICATION)

    assert result.outcome is Outcome.QUARANTINED and result.record is not None
    entry = result.record
    assert not roster.exists()
    assert age_decrypt(q.vault.ciphertext_path(entry.id), icts) == ROSTER
    saved = json.loads(q.vault.record_path(entry.id).read_text())
    assert saved["original_path"] == str(roster)
    assert saved["size"] == len(ROSTER)
    assert saved["entity_counts"] == {"PERSON": 4, "US_SSN": 4}
    assert saved["rule_id"] == "personal-usb" and saved["user"] == "alice"
    assert "123-45-6789" not in q.vault.record_path(entry.id).read_text()
    notice = notice_path(roster).read_text()
    assert entry.id in notice and "ICTS at x4000" in notice
    assert blocked == [entry]
    assert list(q.journal.pending()) == []


def test_file_vanished_before_quarantine_is_no_error(tmp_path: Path, icts: AgeKey) -> None:
    q = quarantiner(tmp_path, icts)
    result = q.quarantine(tmp_path / "gone.csv", PLACEMENT, CLASSIFICATION)
    assert result.outcome is Outcome.VANISHED
    assert list(q.vault.records()) == [] and list(q.journal.pending()) == []


def test_file_changed_since_scan_is_not_removed(tmp_path: Path, icts: AgeKey) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(ROSTER)
    q = quarantiner(tmp_path, icts)
    stale = Classification(CLASSIFICATION.classes, CLASSIFICATION.blocking, {}, sha256="0" * 64)
    assert q.quarantine(roster, PLACEMENT, stale).outcome is Outcome.CHANGED
    assert roster.read_bytes() == ROSTER
    assert list(q.vault.records()) == []


@pytest.mark.parametrize("stage", STAGES)
def test_recovery_after_a_crash_at_each_stage_loses_nothing(
    tmp_path: Path, icts: AgeKey, stage: str
) -> None:
    roster = tmp_path / "usb" / "roster.csv"
    roster.parent.mkdir()
    roster.write_bytes(ROSTER)
    with pytest.raises(Crash):
        quarantiner(tmp_path, icts, CrashAt(stage=stage)).quarantine(
            roster, PLACEMENT, CLASSIFICATION
        )

    fresh = quarantiner(tmp_path, icts)
    reported: list[VaultRecord] = []
    fresh.on_blocked = reported.append
    fresh.recover()

    records = list(fresh.vault.records())
    assert list(fresh.journal.pending()) == []
    assert sorted(p.name for p in fresh.vault.ensure().root.iterdir()) == sorted(
        n for r in records for n in (f"{r.id}.age", f"{r.id}.json")
    ), "no debris left in the vault"
    if stage in ("begun", "encrypting", "encrypted"):
        assert roster.read_bytes() == ROSTER and records == []
    else:
        assert not roster.exists() and len(records) == 1
        assert age_decrypt(fresh.vault.ciphertext_path(records[0].id), icts) == ROSTER
        assert notice_path(roster).is_file()
        # the block is reported exactly by whichever run had not reported it yet
        assert reported == ([] if stage == "reported" else records)


def test_recovery_keeps_a_file_rewritten_after_the_crash(tmp_path: Path, icts: AgeKey) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(ROSTER)
    with pytest.raises(Crash):
        quarantiner(tmp_path, icts, CrashAt(stage="stored")).quarantine(
            roster, PLACEMENT, CLASSIFICATION
        )
    roster.write_bytes(ROSTER + b"Extra Row,1078901236,2011-02-02,8,567-89-1234,617-555-0100\n")
    fresh = quarantiner(tmp_path, icts)
    fresh.recover()
    assert roster.read_bytes().startswith(ROSTER) and len(roster.read_bytes()) > len(ROSTER)
    assert list(fresh.vault.records()) == []
