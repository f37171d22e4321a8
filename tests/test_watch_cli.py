"""`pii-guard quarantine list/restore` and `pii-guard watch status` through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from _watch_support import ROSTER, AgeKey, make_age_key, write_policy
from click.testing import CliRunner

from pii_guard.audit import EventType
from pii_guard.cli import main
from pii_guard.paths import data_dir, state_dir
from pii_guard.watcher.encryption import AgeEncryptor
from pii_guard.watcher.journal import Journal
from pii_guard.watcher.locations import PolicyJudge, vault_for
from pii_guard.watcher.plan import WatchSpec
from pii_guard.watcher.ports import Classification
from pii_guard.watcher.quarantine import Identity, Quarantiner
from pii_guard.watcher.status import AlreadyRunningError, PidLock, write_status
from policies import load_policy


@pytest.fixture(scope="module")
def icts(tmp_path_factory: pytest.TempPathFactory) -> AgeKey:
    return make_age_key(tmp_path_factory.mktemp("icts"))


@pytest.fixture()
def setup(tmp_path: Path, icts: AgeKey) -> tuple[Path, Path, str]:
    """A policy, and one roster quarantined from a USB stick; returns (policy, share, id)."""
    usb, share = tmp_path / "usb", tmp_path / "share"
    usb.mkdir()
    share.mkdir()
    policy_file = write_policy(
        tmp_path / "policy.toml",
        icts.recipient,
        blocked={"test-usb": [str(usb)]},
        approved={"test-share": [str(share)]},
    )
    policy = load_policy(policy_file).policy
    roster = usb / "roster.csv"
    roster.write_bytes(ROSTER)
    placement = PolicyJudge(policy).placement(roster)
    result = Quarantiner(
        vault_for(policy),
        Journal(state_dir() / "journal"),
        AgeEncryptor(icts.recipient),
        Identity("alice", "laptop", "test 1", "ICTS"),
    ).quarantine(
        roster, placement, Classification(("ferpa-student-record",), ("ferpa-student-record",))
    )
    assert result.record is not None
    return policy_file, share, result.record.id


def test_list_shows_entries_without_values(setup: tuple[Path, Path, str]) -> None:
    policy_file, _, entry_id = setup
    result = CliRunner().invoke(main, ["quarantine", "list", "--policy", str(policy_file)])
    assert result.exit_code == 0, result.output
    assert entry_id in result.output and "ferpa-student-record" in result.output
    assert "Maria" not in result.output


def test_restore_to_an_approved_place_with_the_icts_key(
    setup: tuple[Path, Path, str], icts: AgeKey
) -> None:
    policy_file, share, entry_id = setup
    result = CliRunner().invoke(
        main,
        [
            "quarantine",
            "restore",
            entry_id,
            "--identity",
            str(icts.identity_file),
            "--to",
            str(share),
            "--policy",
            str(policy_file),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (share / "roster.csv").read_bytes() == ROSTER
    log = (data_dir() / "audit.jsonl").read_text()
    assert EventType.QUARANTINE_RESTORED.value in log and entry_id in log


def test_restore_refused_outside_approved_places(
    setup: tuple[Path, Path, str], icts: AgeKey, tmp_path: Path
) -> None:
    policy_file, _, entry_id = setup
    elsewhere = tmp_path / "desktop"
    elsewhere.mkdir()
    result = CliRunner().invoke(
        main,
        [
            "quarantine",
            "restore",
            entry_id,
            "--identity",
            str(icts.identity_file),
            "--to",
            str(elsewhere),
            "--policy",
            str(policy_file),
        ],
    )
    assert result.exit_code == 2
    assert "not an approved location" in result.output
    assert list(elsewhere.iterdir()) == []


def test_restore_refused_without_the_icts_key(
    setup: tuple[Path, Path, str], tmp_path: Path
) -> None:
    policy_file, share, entry_id = setup
    other = make_age_key(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "quarantine",
            "restore",
            entry_id,
            "--identity",
            str(other.identity_file),
            "--to",
            str(share),
            "--policy",
            str(policy_file),
        ],
    )
    assert result.exit_code == 2
    assert "not the ICTS quarantine key" in result.output
    assert list(share.iterdir()) == []


def test_restore_unknown_id(setup: tuple[Path, Path, str], icts: AgeKey) -> None:
    policy_file, share, _ = setup
    result = CliRunner().invoke(
        main,
        [
            "quarantine",
            "restore",
            "q-nope",
            "--identity",
            str(icts.identity_file),
            "--to",
            str(share),
            "--policy",
            str(policy_file),
        ],
    )
    assert result.exit_code == 2 and "no quarantine entry 'q-nope'" in result.output


def test_status_not_running_then_running(setup: tuple[Path, Path, str], tmp_path: Path) -> None:
    policy_file, _, _ = setup
    runner = CliRunner()
    result = runner.invoke(main, ["watch", "status", "--policy", str(policy_file)])
    assert result.exit_code == 0, result.output
    assert "running: no" in result.output and "blocked today: 1" in result.output

    lock = PidLock()
    lock.acquire()
    try:
        write_status("test 1", [WatchSpec(tmp_path / "usb", True, (0, 0))], tmp_path)
        result = runner.invoke(main, ["watch", "status", "--policy", str(policy_file)])
        assert "running: yes" in result.output
        assert f"watching: {tmp_path / 'usb'} (and below)" in result.output
        with pytest.raises(AlreadyRunningError):
            PidLock().acquire()
    finally:
        lock.release()
    result = runner.invoke(main, ["watch", "status", "--policy", str(policy_file)])
    assert "running: no" in result.output
