"""`pii-guard policy show|check|where`, through click and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pii_guard.cli import main
from policies import BUNDLED_POLICY


def test_show_explains_the_district_policy() -> None:
    result = CliRunner().invoke(main, ["policy", "show"])
    assert result.exit_code == 0, result.output
    assert "cps-technology-use" in result.output
    assert "mgl-93h-personal-information" in result.output
    assert "subpoena" in result.output
    assert "(bundled)" in result.output


def test_show_json_is_complete() -> None:
    result = CliRunner().invoke(main, ["policy", "show", "--json"])
    data = json.loads(result.output)
    assert data["origin"] == "bundled"
    assert data["keys"]["max_key_age_days"] == 183
    assert set(data["transfer"]["bases"]) == {
        "consent-release",
        "subpoena",
        "court-order",
        "contract",
        "statute",
    }


def test_check_ok_and_bad(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["policy", "check", str(BUNDLED_POLICY)])
    assert ok.exit_code == 0 and "ok" in ok.output
    bad = tmp_path / "my.toml"
    bad.write_text(
        BUNDLED_POLICY.read_text(encoding="utf-8")
        .replace("max_key_age_days = 183", "max_key_age_days = -1")
        .replace("PERSON = 0.6", "PERSONN = 0.6")
    )
    result = runner.invoke(main, ["policy", "check", str(bad)])
    assert result.exit_code == 2
    assert "'max_key_age_days' must be at least 1, not -1" in result.output
    assert "unknown entity 'PERSONN'" in result.output
    assert "2 problems" in result.output


def test_where_reports_rule() -> None:
    result = CliRunner().invoke(main, ["policy", "where", "/media/alice/USB/roster.csv"])
    assert result.exit_code == 0
    assert "blocked (rule removable-media-linux" in result.output


def test_real_process_bad_policy_is_one_clean_message(tmp_path: Path) -> None:
    env = {**os.environ, "PII_GUARD_HOME": str(tmp_path), "PII_GUARD_POLICY": str(tmp_path / "x")}
    proc = subprocess.run(
        [sys.executable, "-m", "pii_guard", "policy", "show"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert (
        proc.stderr.strip()
        == f"pii-guard: error: {tmp_path / 'x'}: cannot read: No such file or directory"
    )


def test_version_and_help() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("pii-guard, version ")
    for args in (["--help"], ["policy", "--help"], ["policy", "where", "--help"]):
        assert runner.invoke(main, args).exit_code == 0
