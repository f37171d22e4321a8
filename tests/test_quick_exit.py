"""`pii-guard scan` leaves without the interpreter's teardown, and loses nothing by it.

The quick exit (`pii_guard.cli._quick_exit`) skips what an ordinary exit does; these
run the real program in a process of its own and check that its report is whole, its
exit code is the scan's, and its audit entries are in the log.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pii_guard.audit import AuditLog, default_log_path

ROSTER = "Student ID,Last Name,First Name,DOB\n{sid},Rivera,Ana,03/14/2011\n"


def _scan(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PII_GUARD_HOME": str(home)}
    command = [sys.executable, "-m", "pii_guard", "scan", "--no-cache", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_a_quick_exit_keeps_the_whole_report_the_exit_code_and_the_audit_entries(
    isolated_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    rosters = 150  # more than one audit batch (AUDIT_SYNC_EVERY), and a report of ~100 KB
    for n in range(rosters):
        (folder / f"roster_{n:03}.csv").write_text(ROSTER.format(sid=1000000 + n))
    (folder / "lunch.txt").write_text("Pizza on Friday.\n")

    done = _scan(isolated_home, "--format", "jsonl", str(folder))

    assert done.returncode == 1, done.stderr  # records found: the policy blocks them
    assert "Traceback" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == rosters + 1
    assert sum(1 for line in lines if "ferpa-student-record" in line["classes"]) == rosters
    entries = [e for e in AuditLog(default_log_path()).entries() if e.event == "scan.found"]
    assert len(entries) == rosters


def test_a_scan_that_finds_nothing_still_exits_0_with_its_report(
    isolated_home: Path, tmp_path: Path
) -> None:
    (tmp_path / "lunch.txt").write_text("Pizza on Friday.\n")

    done = _scan(isolated_home, str(tmp_path / "lunch.txt"))

    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("1 file scanned: 0 with protected classes, 0 skipped or in error\n")


def test_a_command_that_did_not_allow_it_exits_as_usual(isolated_home: Path) -> None:
    """A usage error never reaches the point where scan allows the quick exit."""
    done = _scan(isolated_home, "--fail-on", "no-such-class", str(isolated_home))

    assert done.returncode == 2
    assert "no-such-class" in done.stderr


_PROGRAM = """
import atexit, sys

class Teardown:
    def __del__(self):
        sys.stdout.write("torn down\\n")

kept = Teardown()  # freed only by the interpreter's teardown
atexit.register(lambda: sys.stdout.write("atexit ran\\n"))
sys.argv = ["pii-guard", "scan", "--no-cache", sys.argv[1]]
from pii_guard.cli import run
run()
"""


def test_the_scan_skips_the_teardown_but_runs_the_atexit_handlers(
    isolated_home: Path, tmp_path: Path
) -> None:
    (tmp_path / "lunch.txt").write_text("Pizza on Friday.\n")
    env = {**os.environ, "PII_GUARD_HOME": str(isolated_home)}
    command = [sys.executable, "-c", _PROGRAM, str(tmp_path / "lunch.txt")]

    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("0 skipped or in error\natexit ran\n")  # not "torn down"
