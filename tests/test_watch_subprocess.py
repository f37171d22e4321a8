"""`pii-guard watch` as a real process, as an ordinary user: a file it cannot read
costs one log line and never stops it; a roster copied afterwards is blocked and
the notice left behind says what happened and whom to ask; SIGTERM exits 0."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from _watch_support import ROSTER, make_age_key, wait_for, write_policy

NOBODY = 65534


@pytest.fixture()
def world() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    root = Path(tempfile.mkdtemp(prefix="pii-guard-watch-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def as_user(root: Path) -> list[str]:
    """Run the watcher as `nobody` when we are root: root could read anything."""
    if os.geteuid() != 0:
        return []
    for path in [root, *root.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def test_watch_process_blocks_survives_unreadable_file_and_stops_on_sigterm(world: Path) -> None:
    key = make_age_key(world)
    usb, home = world / "usb", world / "home"
    usb.mkdir()
    home.mkdir()
    policy = write_policy(world / "policy.toml", key.recipient, blocked={"test-usb": [str(usb)]})
    prefix = as_user(world)
    secret = usb / "secret.csv"
    secret.write_bytes(ROSTER)
    if prefix:
        os.chown(secret, 0, 0)  # root's own file in the user's folder
    secret.chmod(0)
    log = world / "watch.log"
    env = {**os.environ, "PII_GUARD_HOME": str(home)}
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [*prefix, sys.executable, "-m", "pii_guard", "watch", "--policy", str(policy)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        assert wait_for(lambda: "running with policy" in log.read_text(), 180), log.read_text()
        assert wait_for(lambda: "secret.csv" in log.read_text(), 30), log.read_text()
        (usb / "roster.csv").write_bytes(ROSTER)
        notice = usb / "roster.csv.blocked.txt"
        assert wait_for(lambda: notice.exists() and not (usb / "roster.csv").exists(), 60), (
            log.read_text()
        )
        text = notice.read_text()
        assert "roster.csv" in text and "ICTS" in text and "q-" in text
        assert "Maria" not in text
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    assert code == 0, log.read_text()
    secret.chmod(0o600)
    assert secret.read_bytes() == ROSTER  # what it could not read, it left alone
    lines = [line for line in log.read_text().splitlines() if "secret.csv" in line]
    assert len(lines) == 1 and "Traceback" not in log.read_text()
