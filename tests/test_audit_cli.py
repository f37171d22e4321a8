"""`pii-guard audit verify|head|show` through click, and once as a real process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pii_guard.audit import AuditLog, EventType, default_log_path, record
from pii_guard.cli import main


def _fill() -> AuditLog:
    record(EventType.POLICY_LOADED, {"policy": "cambridge", "sha256": "00" * 32})
    record(
        EventType.WATCHER_BLOCKED,
        {
            "path": "/media/x/Doe_Jane.csv",
            "action": "quarantined",
            "classes": ["ferpa-student-record"],
        },
    )
    record(EventType.QUARANTINE_RESTORED, {"action": "restored"})
    return AuditLog(default_log_path())


def test_verify_ok_then_head_then_verify_against_head() -> None:
    log = _fill()
    runner = CliRunner()
    verified = runner.invoke(main, ["audit", "verify"])
    assert verified.exit_code == 0, verified.output
    assert "ok: 3 entries" in verified.output
    head = runner.invoke(main, ["audit", "head"])
    assert head.exit_code == 0 and head.output.strip() == log.head().hash  # type: ignore[union-attr]
    as_json = json.loads(runner.invoke(main, ["audit", "head", "--json"]).output)
    assert as_json["seq"] == 3
    anchored = runner.invoke(main, ["audit", "verify", "--expect-head", head.output.strip()])
    assert anchored.exit_code == 0 and "expected head found at seq 3" in anchored.output


def test_verify_fails_with_exit_1_on_a_deleted_entry() -> None:
    log = _fill()
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(lines[0] + lines[2])
    result = CliRunner().invoke(main, ["audit", "verify"])
    assert result.exit_code == 1
    assert "pii-guard: error:" in result.output and "line 2:" in result.output


def test_truncation_fails_against_a_head_kept_elsewhere() -> None:
    log = _fill()
    kept = CliRunner().invoke(main, ["audit", "head"]).output.strip()
    log.path.write_bytes(b"".join(log.path.read_bytes().splitlines(keepends=True)[:2]))
    result = CliRunner().invoke(main, ["audit", "verify", "--expect-head", kept])
    assert result.exit_code == 1 and "cut off the end" in result.output


def test_show_filters_by_type_and_date_and_prints_json() -> None:
    _fill()
    runner = CliRunner()
    shown = runner.invoke(main, ["audit", "show", "--type", "watcher"])
    assert shown.exit_code == 0
    assert "watcher.blocked" in shown.output and "policy.loaded" not in shown.output
    assert "Doe_Jane" not in shown.output
    lines = runner.invoke(main, ["audit", "show", "--json"]).output.splitlines()
    assert [json.loads(x)["seq"] for x in lines] == [1, 2, 3]
    future = runner.invoke(main, ["audit", "show", "--since", "2999-01-01"])
    assert future.exit_code == 0 and future.output == ""


def test_bad_input_is_one_line_and_exit_2() -> None:
    _fill()
    runner = CliRunner()
    for args in (
        ["audit", "show", "--since", "yesterday"],
        ["audit", "show", "--type", "bogus"],
        ["audit", "verify", "--expect-head", "xyz"],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_head_of_an_empty_log_is_an_error() -> None:
    result = CliRunner().invoke(main, ["audit", "head"])
    assert result.exit_code == 2 and "no entries yet" in result.output


def test_real_process_verifies_and_reports_tampering(isolated_home: Path) -> None:
    log = _fill()
    env = {**os.environ, "PII_GUARD_HOME": str(isolated_home)}
    command = [sys.executable, "-m", "pii_guard", "audit", "verify"]
    ok = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: 3 entries")
    log.path.write_bytes(log.path.read_bytes().replace(b"cambridge", b"cambridgf"))
    bad = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr.startswith("pii-guard: error:") and "Traceback" not in bad.stderr


def test_show_syslog_forwards_the_selected_entries(tmp_path: Path) -> None:
    log = _fill()
    sock_path = tmp_path / "dev-log"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(sock_path))
    server.settimeout(5)
    try:
        result = CliRunner().invoke(
            main, ["audit", "show", "--type", "watcher.blocked", "--syslog", str(sock_path)]
        )
        assert result.exit_code == 0, result.output
        message = server.recv(8192).decode().rstrip("\x00")
    finally:
        server.close()
    blocked = next(e for e in log.entries() if e.event == "watcher.blocked")
    assert message.startswith(f"<84>pii-guard: audit seq=2 hash={blocked.hash} ")
    assert message.endswith(log.path.read_bytes().splitlines()[1].decode())


def test_show_syslog_without_a_socket_is_a_clear_error(tmp_path: Path) -> None:
    _fill()
    result = CliRunner().invoke(main, ["audit", "show", "--syslog", str(tmp_path / "missing.sock")])
    assert result.exit_code == 2 and "no syslog socket" in result.output
