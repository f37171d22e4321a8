"""Desktop notifications: the command chosen per platform, and a real run of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from _watch_support import wait_for

from pii_guard.watcher.notify import DesktopNotifier, notification_command


def test_linux_uses_notify_send_only_with_a_desktop_session() -> None:
    which = {"notify-send": "/usr/bin/notify-send"}.get
    command = notification_command(
        "blocked", "roster.csv", platform="linux", which=which, env={"DISPLAY": ":0"}
    )
    assert command == [
        "/usr/bin/notify-send",
        "--app-name=pii-guard",
        "--urgency=critical",
        "blocked",
        "roster.csv",
    ]
    assert notification_command("t", "b", platform="linux", which=which, env={}) is None
    assert (
        notification_command("t", "b", platform="linux", which={}.get, env={"DISPLAY": ":0"})
        is None
    )


def test_macos_uses_osascript_with_quoted_text() -> None:
    which = {"osascript": "/usr/bin/osascript"}.get
    command = notification_command('say "hi"', "a\\b", platform="darwin", which=which, env={})
    assert command == [
        "/usr/bin/osascript",
        "-e",
        'display notification "a\\\\b" with title "say \\"hi\\""',
    ]


def test_notifier_runs_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "seen.txt"
    script = bin_dir / "notify-send"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{seen}"\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    DesktopNotifier().notify("pii-guard blocked a file", "roster.csv is in quarantine")
    assert wait_for(lambda: seen.exists() and seen.read_text().count("\n") >= 4, timeout=10)
    assert seen.read_text().splitlines()[-2:] == [
        "pii-guard blocked a file",
        "roster.csv is in quarantine",
    ]
