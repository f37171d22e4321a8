"""`pii-guard discover` as users run it: reports, bad input, the Dask extra, Ctrl-C and resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pii_guard.cli import main
from pii_guard.discovery.executors import DaskExecutor
from pii_guard.errors import PiiGuardError

ROSTER = "name,ssn\nJane Roe,512-34-1234\nSamuel Poe,431-72-9051\n"


def _share(root: Path, files: int = 3) -> Path:
    (root / "rosters").mkdir(parents=True)
    (root / "rosters" / "grade5.csv").write_text(ROSTER)
    (root / "notes").mkdir()
    for i in range(files - 1):
        (root / "notes" / f"plan{i}.txt").write_text(f"Lesson plan {i}: fractions.\n")
    return root


def test_discover_writes_json_and_html_reports(tmp_path: Path) -> None:
    share = _share(tmp_path / "share")
    result = CliRunner().invoke(
        main,
        [
            "discover",
            str(share),
            "--state",
            str(tmp_path / "state"),
            "--executor",
            "processes:1",
            "--json",
            str(tmp_path / "r.json"),
            "--report",
            str(tmp_path / "r.html"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 files walked, 3 scanned" in result.stderr
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["schema"] == "pii-guard/discover/v1"
    (entry,) = data["shares"]
    assert entry["share"] == str(share) and entry["files"] == 3
    assert [f["folder"] for f in entry["folders"]] == ["rosters"]
    assert "mgl-93h-personal-information" in entry["folders"][0]["classes"]
    html = (tmp_path / "r.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    for output in (html, json.dumps(data)):
        assert "Jane Roe" not in output and "512-34-1234" not in output and "grade5" not in output
    assert not list(tmp_path.glob(".r.*.tmp"))  # no half-written report left behind


def test_missing_root_is_named_and_the_other_roots_are_still_scanned(tmp_path: Path) -> None:
    share = _share(tmp_path / "share", files=1)
    result = CliRunner().invoke(
        main,
        [
            "discover",
            str(tmp_path / "nope"),
            str(share),
            "--state",
            str(tmp_path / "state"),
            "--executor",
            "processes:1",
            "--json",
            str(tmp_path / "r.json"),
        ],
    )
    assert result.exit_code == 2
    assert f"pii-guard: error: {tmp_path / 'nope'}: no such file or directory" in result.stderr
    assert json.loads((tmp_path / "r.json").read_text())["shares"][0]["files"] == 1


@pytest.mark.parametrize("spec", ["threads:4", "processes:0", "dask:/x"])
def test_bad_executor_is_a_one_line_usage_error(tmp_path: Path, spec: str) -> None:
    result = CliRunner().invoke(
        main, ["discover", str(tmp_path), "--state", str(tmp_path / "s"), "--executor", spec]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"pii-guard: error: --executor {spec}:")
    assert "Traceback" not in result.output


def test_dask_executor_without_dask_installed_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an absent package looks like
    result = CliRunner().invoke(
        main,
        [
            "discover",
            str(tmp_path),
            "--state",
            str(tmp_path / "s"),
            "--executor",
            "dask://127.0.0.1:8786",
        ],
    )
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "pii-guard: error: --executor tcp://127.0.0.1:8786: dask.distributed is not installed"
    )
    assert lines[1] == "pii-guard: hint: install the extra: pip install 'pii-guard[dask]'"
    assert not (tmp_path / "s").exists()  # failed before touching anything


def test_unreachable_scheduler_is_a_clear_error() -> None:
    executor = DaskExecutor("tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(
        PiiGuardError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        executor.start()


def _rows(state: Path) -> int:
    db = state / "discover.sqlite3"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute("SELECT COUNT(*) FROM files").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_keeps_progress_and_the_same_command_resumes(tmp_path: Path) -> None:
    total = 1500  # seconds of scanning left after the first result is committed
    share = _share(tmp_path / "share", files=total)
    state = tmp_path / "state"
    command = [
        sys.executable,
        "-m",
        "pii_guard",
        "discover",
        str(share),
        "--state",
        str(state),
        "--executor",
        "processes:1",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # A shell's background job (`make test &`) ignores SIGINT, and a child inherits
    # that: give the command the terminal's Ctrl-C, as a user running it has.
    process = subprocess.Popen(
        command,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 240
    # The first result is committed at once (the model load took longer than the
    # commit interval); later ones in batches every two seconds.
    while _rows(state) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted; progress is kept in" in stderr and "Traceback" not in stderr
    finished = _rows(state)
    assert 1 <= finished < total

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total} files walked, {total - finished} scanned, {finished} unchanged" in rerun.stderr
