"""Service files that start the watcher at log-in, checked by content (and by
`systemd-analyze verify`, plistlib and an XML parser)."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as DefusedET

from pii_guard.cli import main
from pii_guard.watcher import install

NS = {"t": install.TASK_NS}


def env_for(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "PII_GUARD_HOME": str(tmp_path / "pg home"),
    }


def test_systemd_unit(tmp_path: Path) -> None:
    policy = tmp_path / "district policy.toml"
    policy.write_text("")
    service = install.service_file("linux", policy=policy, env=env_for(tmp_path))
    assert service.path == tmp_path / "xdg" / "systemd" / "user" / "pii-guard-watch.service"
    text = service.content.decode()
    exec_line = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    assert exec_line.startswith(f"ExecStart={sys.executable} -m pii_guard watch --policy ")
    assert f'"{policy}"' in exec_line  # a path with a space is quoted
    assert f'Environment="PII_GUARD_HOME={tmp_path}/pg home"' in text
    assert "Restart=on-failure" in text and "KillSignal=SIGTERM" in text
    assert "WantedBy=default.target" in text
    assert ("systemctl", "--user", "enable", "--now", "pii-guard-watch.service") in service.enable


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    service = install.service_file("linux", env=env_for(tmp_path))
    install.install(service, enable=False)
    result = subprocess.run(
        ["systemd-analyze", "verify", str(service.path)], capture_output=True, text=True
    )
    problems = [line for line in result.stderr.splitlines() if "pii-guard-watch.service" in line]
    assert result.returncode == 0 and problems == [], result.stderr


def test_launchd_plist(tmp_path: Path) -> None:
    service = install.service_file("macos", env=env_for(tmp_path))
    assert service.path == tmp_path / "home/Library/LaunchAgents/org.pii-guard.watch.plist"
    agent = plistlib.loads(service.content)
    assert agent["Label"] == "org.pii-guard.watch"
    assert agent["ProgramArguments"] == [sys.executable, "-m", "pii_guard", "watch"]
    assert agent["RunAtLoad"] is True and agent["KeepAlive"] == {"SuccessfulExit": False}
    assert agent["EnvironmentVariables"] == {"PII_GUARD_HOME": f"{tmp_path}/pg home"}
    assert ("launchctl", "load", "-w", str(service.path)) in service.enable


def test_task_scheduler_xml(tmp_path: Path) -> None:
    service = install.service_file("windows", env={"HOME": str(tmp_path)})
    assert service.content.startswith(b"\xff\xfe")  # UTF-16 with BOM, as schtasks wants
    root = DefusedET.fromstring(service.content.decode("utf-16"))
    assert root.tag == f"{{{install.TASK_NS}}}Task"
    assert root.find("t:Triggers/t:LogonTrigger/t:Enabled", NS).text == "true"  # type: ignore[union-attr]
    assert root.find("t:Settings/t:ExecutionTimeLimit", NS).text == "PT0S"  # type: ignore[union-attr]
    assert root.find("t:Settings/t:MultipleInstancesPolicy", NS).text == "IgnoreNew"  # type: ignore[union-attr]
    assert root.find("t:Actions/t:Exec/t:Command", NS).text == sys.executable  # type: ignore[union-attr]
    assert root.find("t:Actions/t:Exec/t:Arguments", NS).text == "-m pii_guard watch"  # type: ignore[union-attr]


def test_cli_install_and_uninstall_write_and_remove_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env_for(tmp_path).items():
        monkeypatch.setenv(key, value)
    runner = CliRunner()
    result = runner.invoke(main, ["watch", "install", "--platform", "macos"])
    plist = tmp_path / "home/Library/LaunchAgents/org.pii-guard.watch.plist"
    assert result.exit_code == 0, result.output
    assert f"wrote {plist}" in result.output and plist.is_file()
    assert "launchctl" not in result.output  # another platform's file is only written
    result = runner.invoke(main, ["watch", "uninstall", "--platform", "macos"])
    assert result.exit_code == 0 and not plist.exists()


def test_cli_install_here_reports_a_missing_service_manager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env_for(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = CliRunner().invoke(main, ["watch", "install", "--platform", "linux"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "xdg/systemd/user/pii-guard-watch.service").is_file()
    assert "failed: systemctl --user daemon-reload: systemctl not found" in result.output
