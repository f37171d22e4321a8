"""`record` (the interface every part calls), path redaction, and syslog forwarding."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

import pii_guard.audit as audit
from pii_guard.audit import (
    AuditForwardError,
    AuditLog,
    EventType,
    default_log_path,
    record,
    redact_path,
    verify_log,
)
from pii_guard.audit._redact import redact_details
from policies import BUNDLED_POLICY

ROSTER = "/media/alice/KINGSTON/Smith_John_IEP.docx"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("plain", ROSTER),
        ("mask", "/media/alice/KINGSTON/**************.docx"),
        ("hash", "sha256:" + hashlib.sha256(ROSTER.encode()).hexdigest()),
        ("nonsense", "sha256:" + hashlib.sha256(ROSTER.encode()).hexdigest()),
    ],
)
def test_redact_path_modes(mode: str, expected: str) -> None:
    assert redact_path(ROSTER, mode) == expected
    assert redact_path(redact_path(ROSTER, mode), mode) == expected  # idempotent


def test_mask_hides_archive_members_and_windows_names() -> None:
    assert redact_path("D:\\Grades\\Doe Jane.xlsx", "mask") == "D:\\Grades\\********.xlsx"
    assert redact_path("/srv/a/roster.zip!Doe_Jane.csv", "mask") == "/srv/a/******.zip!********.csv"
    assert redact_path("/s/x.zip!Doe/J.csv", "mask") == "/s/*.zip!***/*.csv"


def test_details_are_redacted_defensively_by_key_and_type() -> None:
    details = {
        "path": ROSTER,
        "dest_path": ROSTER,
        "paths": [ROSTER],
        "copy": PurePosixPath(ROSTER),
        "classes": {"b", "a"},
        "count": 2,
        "reason": "Smith_John_IEP.docx stays: not a path key",
    }
    out = redact_details(details, "mask")
    masked = "/media/alice/KINGSTON/**************.docx"
    assert out == {
        "path": masked,
        "dest_path": masked,
        "paths": [masked],
        "copy": masked,
        "classes": ["a", "b"],
        "count": 2,
        "reason": details["reason"],
    }
    with pytest.raises(TypeError):
        redact_details({"x": object()}, "hash")


def test_record_appends_to_the_default_log_with_paths_hashed() -> None:
    record(EventType.WATCHER_BLOCKED, {"path": ROSTER, "classes": ["ferpa-student-record"]})
    record(EventType.QUARANTINE_RESTORED, {"path": redact_path(ROSTER, "hash")})
    text = default_log_path().read_text()
    assert "Smith" not in text
    entries = list(AuditLog(default_log_path()).entries())
    assert [e.event for e in entries] == ["watcher.blocked", "quarantine.restored"]
    assert entries[0].details["path"] == entries[1].details["path"] == redact_path(ROSTER, "hash")
    assert verify_log(AuditLog(default_log_path())).entries == 2
    assert default_log_path().stat().st_mode & 0o077 == 0


def test_record_reports_an_unwritable_log(isolated_home: Path) -> None:
    default_log_path().parent.mkdir(parents=True)
    default_log_path().mkdir()  # a folder where the file should be
    with pytest.raises(audit.AuditWriteError):
        record(EventType.KEY_CREATED, {})


@pytest.fixture
def syslog_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, Path]]:
    path = tmp_path / "log.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(5)
    yield server, path
    audit.enable_syslog(None)
    server.close()


def test_syslog_forwarding_sends_each_entry_with_its_hash(
    syslog_socket: tuple[socket.socket, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, path = syslog_socket
    monkeypatch.setenv("PII_GUARD_AUDIT_SYSLOG", str(path))
    record(EventType.SCAN_FOUND, {"classes": ["mgl-93h-personal-information"]})
    record(EventType.WATCHER_BLOCKED, {"path": ROSTER})
    first, second = server.recv(8192).decode(), server.recv(8192).decode()
    entries = list(AuditLog(default_log_path()).entries())
    # <priority> = facility authpriv (10) * 8 + severity: info (6), then warning (4)
    assert first.startswith("<86>pii-guard: audit seq=1 hash=" + entries[0].hash)
    assert second.startswith("<84>pii-guard: audit seq=2 hash=" + entries[1].hash)
    stored = default_log_path().read_bytes().splitlines()[1].decode()
    assert second.rstrip("\x00").endswith(stored)
    assert "Smith" not in second


def test_syslog_without_a_socket_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(AuditForwardError):
        audit.enable_syslog(str(tmp_path / "no-such.sock"))


def test_forwarding_failure_leaves_the_entry_saved(
    syslog_socket: tuple[socket.socket, Path],
) -> None:
    server, path = syslog_socket
    audit.enable_syslog(str(path))
    server.close()
    path.unlink()  # syslog daemon went away after we connected
    with pytest.raises(AuditForwardError, match="saved but was not forwarded"):
        record(EventType.KEY_REVOKED, {"fingerprint": "SHA256:abc"})
    assert [json.loads(x)["event"] for x in default_log_path().read_text().splitlines()] == [
        "key.revoked"
    ]


def _policy_with_privacy(tmp_path: Path, mode: str) -> Path:
    text = BUNDLED_POLICY.read_text(encoding="utf-8")
    assert 'path_privacy = "hash"' in text
    policy = tmp_path / f"policy-{mode}.toml"
    policy.write_text(text.replace('path_privacy = "hash"', f'path_privacy = "{mode}"'))
    return policy


@pytest.mark.parametrize("mode", ["mask", "plain"])
def test_record_follows_the_policy_path_privacy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv("PII_GUARD_POLICY", str(_policy_with_privacy(tmp_path, mode)))
    assert audit.path_privacy() == mode
    record(EventType.WATCHER_BLOCKED, {"path": ROSTER})
    [entry] = AuditLog(default_log_path()).entries()
    assert entry.details["path"] == redact_path(ROSTER, mode)


def test_a_broken_policy_falls_back_to_hashing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[audit]\npath_privacy = 'sideways'\n")
    monkeypatch.setenv("PII_GUARD_POLICY", str(broken))
    assert audit.path_privacy() == "hash"
    record(EventType.POLICY_CHANGED, {"path": ROSTER})
    assert "KINGSTON" not in default_log_path().read_text()


def test_path_privacy_sees_a_policy_edit_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = _policy_with_privacy(tmp_path, "plain")
    monkeypatch.setenv("PII_GUARD_POLICY", str(policy))
    assert audit.path_privacy() == "plain"
    policy.write_text(
        policy.read_text().replace('path_privacy = "plain"', 'path_privacy = "mask" ')
    )
    assert audit.path_privacy() == "mask"
    policy.unlink()
    assert audit.path_privacy() == "hash"


def test_a_missing_syslog_socket_never_costs_the_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PII_GUARD_AUDIT_SYSLOG", str(tmp_path / "gone.sock"))
    with pytest.raises(AuditForwardError, match="entry 1 is saved but was not forwarded"):
        record(EventType.WATCHER_BLOCKED, {"path": ROSTER})
    assert [e.event for e in AuditLog(default_log_path()).entries()] == ["watcher.blocked"]
