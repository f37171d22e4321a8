"""The watcher end to end: real watchdog observers on real temp folders that a test
policy blocks, the real scanner, real age. Each evasion of issue 5 is one test."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from _watch_support import (
    CLEAN,
    ROSTER,
    AgeKey,
    age_decrypt,
    make_age_key,
    policy_text,
    wait_for,
    write_policy,
)

from pii_guard.paths import data_dir, state_dir
from pii_guard.scanning import scanner_for_policy
from pii_guard.watcher.encryption import AgeEncryptor
from pii_guard.watcher.journal import Journal
from pii_guard.watcher.locations import PolicyJudge, vault_for
from pii_guard.watcher.notice import notice_path
from pii_guard.watcher.ports import Classifier
from pii_guard.watcher.quarantine import Identity, Quarantiner
from pii_guard.watcher.service import Watcher, WatchSettings
from pii_guard.watcher.vault import Vault
from pii_guard.watcher.wiring import PolicyClassifier
from policies import load_policy, parse_policy


class RecordingNotifier:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.calls.append((title, body))


@pytest.fixture(scope="module")
def icts(tmp_path_factory: pytest.TempPathFactory) -> AgeKey:
    return make_age_key(tmp_path_factory.mktemp("icts"))


@pytest.fixture(scope="module")
def classifier(icts: AgeKey) -> Classifier:
    """One real scanner for the module (the NLP model loads once), classes of the policy."""
    policy = parse_policy(policy_text(icts.recipient, blocked={"none": ["/nonexistent"]}))
    scanner = scanner_for_policy(policy)
    scanner.warm_up()
    return PolicyClassifier(policy, scanner)


class Place:
    """A pretend laptop: a USB drive, a personal Dropbox, a pilot Box, a district share."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.media = root / "media" / "alice"
        self.usb = self.media / "STICK"
        self.home = root / "home"
        self.dropbox = self.home / "Dropbox"
        self.box = self.home / "Box"
        self.share = root / "share"
        for folder in (self.usb, self.home, self.box, self.share):
            folder.mkdir(parents=True)


@pytest.fixture()
def place(tmp_path: Path) -> Place:
    return Place(tmp_path)


@pytest.fixture()
def running(
    place: Place, icts: AgeKey, classifier: Classifier
) -> Iterator[tuple[Watcher, RecordingNotifier]]:
    watcher, notifier = make_watcher(place, icts, classifier)
    with watcher:
        yield watcher, notifier
    assert watcher.counters.errors == 0
    leaked = [t.name for t in threading.enumerate() if t.name.startswith("pii-guard-")]
    assert leaked == [], "the watcher left threads running after stop()"


def make_watcher(
    place: Place, icts: AgeKey, classifier: Classifier
) -> tuple[Watcher, RecordingNotifier]:
    policy_file = write_policy(
        place.root / "policy.toml",
        icts.recipient,
        blocked={
            "test-usb": [f"{place.root}/media/*/*"],
            "test-dropbox": [str(place.dropbox)],
            "test-box": [str(place.box)],
        },
        approved={"test-share": [str(place.share)]},
        audit=("test-box",),
    )
    policy = load_policy(policy_file).policy
    notifier = RecordingNotifier()
    quarantiner = Quarantiner(
        vault_for(policy),
        Journal(state_dir() / "journal"),
        AgeEncryptor(icts.recipient),
        Identity("alice", "laptop", "test-policy 1", "ICTS"),
    )
    settings = WatchSettings(settle=0.3, open_settle=10.0, replan_delays=(0.5,))
    watcher = Watcher(
        PolicyJudge(policy),
        classifier,
        quarantiner,
        notifier,
        settings=settings,
        path_privacy=policy.audit.path_privacy,
    )
    return watcher, notifier


def vault() -> Vault:
    return Vault(data_dir() / "quarantine")


def quarantined(path: Path) -> bool:
    return not path.exists() and notice_path(path).exists()


def vault_bytes(icts: AgeKey) -> list[bytes]:
    return [age_decrypt(vault().ciphertext_path(r.id), icts) for r in vault().records()]


def audit_events() -> list[dict[str, object]]:
    log = data_dir() / "audit.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_roster_copied_to_usb_is_quarantined_and_clean_file_untouched(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey, tmp_path: Path
) -> None:
    watcher, notifier = running
    source = tmp_path / "roster.csv"
    source.write_bytes(ROSTER)
    (tmp_path / "notes.txt").write_bytes(CLEAN)
    shutil.copy(tmp_path / "notes.txt", place.usb / "notes.txt")
    clean_before = (place.usb / "notes.txt").stat()
    shutil.copy(source, place.usb / "roster.csv")

    assert wait_for(lambda: quarantined(place.usb / "roster.csv"))
    assert watcher.wait_idle(10)
    assert vault_bytes(icts) == [ROSTER]
    clean_after = (place.usb / "notes.txt").stat()
    assert (clean_after.st_mtime_ns, clean_after.st_ino) == (
        clean_before.st_mtime_ns,
        clean_before.st_ino,
    )
    assert (place.usb / "notes.txt").read_bytes() == CLEAN
    blocked = [e for e in audit_events() if e["event"] == "watcher.blocked"]
    assert len(blocked) == 1
    details = blocked[0]["details"]
    assert isinstance(details, dict)
    assert str(details["path"]).startswith("sha256:")  # the policy hashes paths
    assert notifier.calls and "roster.csv" in notifier.calls[0][1]
    assert watcher.counters.blocked == 1


def test_copy_then_rename(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    partial = place.usb / "download.part"
    partial.write_bytes(ROSTER)
    partial.rename(place.usb / "roster.csv")
    assert wait_for(
        lambda: (
            not any(p.is_file() and p.read_bytes() == ROSTER for p in place.usb.iterdir())
            and len(vault_bytes(icts)) >= 1
        )
    )
    assert ROSTER in vault_bytes(icts)


def test_copy_of_a_whole_folder_tree(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey, tmp_path: Path
) -> None:
    tree = tmp_path / "grade8"
    (tree / "homeroom" / "deep").mkdir(parents=True)
    (tree / "roster.csv").write_bytes(ROSTER)
    (tree / "homeroom" / "deep" / "contacts.csv").write_bytes(ROSTER.replace(b"Maria", b"Marie"))
    (tree / "homeroom" / "trip.txt").write_bytes(CLEAN)
    shutil.copytree(tree, place.usb / "grade8")
    copied = place.usb / "grade8"
    assert wait_for(
        lambda: (
            quarantined(copied / "roster.csv")
            and quarantined(copied / "homeroom" / "deep" / "contacts.csv")
        )
    )
    assert (copied / "homeroom" / "trip.txt").read_bytes() == CLEAN
    assert sorted(vault_bytes(icts)) == sorted([ROSTER, ROSTER.replace(b"Maria", b"Marie")])


def test_mv_from_an_approved_place(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    on_share = place.share / "roster.csv"
    on_share.write_bytes(ROSTER)
    time.sleep(0.5)
    assert on_share.exists()  # the approved share is left alone
    on_share.rename(place.usb / "roster.csv")
    assert wait_for(lambda: quarantined(place.usb / "roster.csv"))
    assert vault_bytes(icts) == [ROSTER]


def test_file_written_slowly_over_seconds_is_taken_whole(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    lines = ROSTER.splitlines(keepends=True)
    target = place.usb / "slow.csv"
    with target.open("wb") as handle:
        for line in lines:
            handle.write(line)
            handle.flush()
            time.sleep(0.8)
    assert wait_for(lambda: quarantined(target))
    assert vault_bytes(icts) == [ROSTER]


def test_record_inside_a_zip(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey, tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("docs/readme.txt", CLEAN)
        z.writestr("docs/roster.csv", ROSTER)
    shutil.copy(archive, place.usb / "backup.zip")
    assert wait_for(lambda: quarantined(place.usb / "backup.zip"))
    assert vault_bytes(icts) == [archive.read_bytes()]


def test_extension_changed_to_jpg(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    (place.usb / "holiday.jpg").write_bytes(ROSTER)
    assert wait_for(lambda: quarantined(place.usb / "holiday.jpg"))
    assert vault_bytes(icts) == [ROSTER]


def test_same_file_copied_twice(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey, tmp_path: Path
) -> None:
    source = tmp_path / "roster.csv"
    source.write_bytes(ROSTER)
    shutil.copy(source, place.usb / "a.csv")
    shutil.copy(source, place.usb / "b.csv")
    assert wait_for(lambda: quarantined(place.usb / "a.csv") and quarantined(place.usb / "b.csv"))
    shutil.copy(source, place.usb / "a.csv")  # again, after the first was taken
    assert wait_for(lambda: len(vault_bytes(icts)) == 3)
    assert not (place.usb / "a.csv").exists()
    assert vault_bytes(icts) == [ROSTER] * 3


def test_file_deleted_before_its_scan_is_no_error(
    running: tuple[Watcher, RecordingNotifier], place: Place
) -> None:
    watcher, _ = running
    for i in range(20):
        path = place.usb / f"brief-{i}.csv"
        path.write_bytes(ROSTER)
        path.unlink()
    assert watcher.wait_idle(10)
    assert watcher.counters.errors == 0 and list(vault().records()) == []


def test_fifo_device_and_huge_files_never_hang(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    os.mkfifo(place.usb / "pipe.csv")
    try:
        os.mknod(place.usb / "null.csv", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:  # not root: a link to a device is what a user can make
        (place.usb / "null.csv").symlink_to("/dev/null")
    with (place.usb / "huge.csv").open("wb") as handle:
        handle.truncate(3 << 30)  # sparse 3 GiB of zeros
    (place.usb / "after.csv").write_bytes(ROSTER)
    assert wait_for(lambda: quarantined(place.usb / "after.csv"), timeout=60)
    assert stat.S_ISFIFO((place.usb / "pipe.csv").lstat().st_mode)
    assert (place.usb / "huge.csv").stat().st_size == 3 << 30
    assert vault_bytes(icts) == [ROSTER]


def test_audit_action_logs_and_leaves_the_file(
    running: tuple[Watcher, RecordingNotifier], place: Place
) -> None:
    watcher, _ = running
    (place.box / "roster.csv").write_bytes(ROSTER)
    assert wait_for(lambda: watcher.counters.audited == 1)
    assert (place.box / "roster.csv").read_bytes() == ROSTER
    assert [e["event"] for e in audit_events()] == ["watcher.audited"]
    assert list(vault().records()) == []


def test_personal_cloud_folder_created_after_start(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey
) -> None:
    place.dropbox.mkdir()
    assert wait_for(lambda: any(s.path == place.dropbox for s in running[0].watched))
    (place.dropbox / "roster.csv").write_bytes(ROSTER)
    assert wait_for(lambda: quarantined(place.dropbox / "roster.csv"))
    assert vault_bytes(icts) == [ROSTER]


def _can_mount(directory: Path) -> bool:
    probe = directory / "probe"
    probe.mkdir()
    ok = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "none", str(probe)], capture_output=True
        ).returncode
        == 0
    )
    if ok:
        subprocess.run(["umount", str(probe)], check=True)
    probe.rmdir()
    return ok


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")
def test_usb_drive_mounted_after_start(
    running: tuple[Watcher, RecordingNotifier], place: Place, icts: AgeKey, tmp_path: Path
) -> None:
    assert _can_mount(tmp_path), "root, yet a tmpfs cannot be mounted here"
    drive = place.media / "KINGSTON"
    drive.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "none", str(drive)], check=True)
    try:
        assert wait_for(
            lambda: any(
                s.path == drive and s.identity[0] != place.media.stat().st_dev
                for s in running[0].watched
            )
        )
        (drive / "roster.csv").write_bytes(ROSTER)
        assert wait_for(lambda: quarantined(drive / "roster.csv"))
        assert vault_bytes(icts) == [ROSTER]
    finally:
        running[0].stop()
        subprocess.run(["umount", str(drive)], check=True)


def test_sweep_on_start_takes_what_arrived_while_not_running(
    place: Place, icts: AgeKey, classifier: Classifier
) -> None:
    (place.usb / "old").mkdir()
    (place.usb / "old" / "roster.csv").write_bytes(ROSTER)
    (place.usb / "notes.txt").write_bytes(CLEAN)
    watcher, _ = make_watcher(place, icts, classifier)
    with watcher:
        assert wait_for(lambda: quarantined(place.usb / "old" / "roster.csv"))
    assert (place.usb / "notes.txt").read_bytes() == CLEAN
    assert vault_bytes(icts) == [ROSTER]
