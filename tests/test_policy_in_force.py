"""Loading the enforced policy leaves a trace in the audit log, once per change."""

from __future__ import annotations

from pathlib import Path

from pii_guard.audit import default_log
from pii_guard.policy_in_force import enforce_policy
from policies import BUNDLED_POLICY


def events() -> list[str]:
    return [entry.event for entry in default_log().entries()]


def test_first_load_then_change_are_recorded(tmp_path: Path) -> None:
    enforce_policy()
    enforce_policy()
    assert events() == ["policy.loaded"]
    changed = tmp_path / "policy.toml"
    changed.write_text(BUNDLED_POLICY.read_text(encoding="utf-8").replace("2024.1-r3", "2024.2"))
    loaded = enforce_policy(changed)
    assert loaded.policy.meta.version == "2024.2"
    assert events() == ["policy.loaded", "policy.changed"]
    last = list(default_log().entries())[-1]
    assert last.details["version"] == "2024.2"
    assert last.details["previous"]["version"] == "2024.1-r3"  # type: ignore[index]


def test_scan_records_the_policy_it_enforces(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pii_guard.cli import main

    clean = tmp_path / "note.txt"
    clean.write_text("The winter concert is on December 18.\n")
    result = CliRunner().invoke(main, ["scan", str(clean)])
    assert result.exit_code == 0, result.output
    assert events() == ["policy.loaded"]
