"""Start the watcher at log-in: a systemd user unit, a launchd agent, a scheduled task.

The service files are generated here (and tested for their contents); enabling
them is left to the platform's own tool, run only when it is present.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pii_guard.paths import HOME_ENV, data_dir

Platform = Literal["linux", "macos", "windows"]
UNIT_NAME = "pii-guard-watch.service"
AGENT_LABEL = "org.pii-guard.watch"
TASK_NAME = "pii-guard-watch"
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
_PASS_ENV = (HOME_ENV, "PII_GUARD_POLICY", "PII_GUARD_SPACY_MODEL")


def this_platform() -> Platform:
    if sys.platform == "darwin":
        return "macos"
    if os.name == "nt":
        return "windows"
    return "linux"


def watch_command(policy: Path | None = None) -> list[str]:
    """How the service starts the watcher: this very interpreter, so its packages match."""
    command = [sys.executable, "-m", "pii_guard", "watch"]
    if policy is not None:
        command += ["--policy", str(policy.resolve())]
    return command


def _passed_env(env: Mapping[str, str]) -> dict[str, str]:
    return {k: env[k] for k in _PASS_ENV if env.get(k)}


def systemd_unit(command: Sequence[str], env: Mapping[str, str]) -> str:
    lines = [
        "[Unit]",
        "Description=pii-guard watcher: keeps student and employee records off USB drives"
        " and personal cloud folders",
        "After=default.target",
        "",
        "[Service]",
        "Type=simple",
        "ExecStart=" + " ".join(_systemd_quote(part) for part in command),
        *(f"Environment={_systemd_quote(f'{k}={v}')}" for k, v in _passed_env(env).items()),
        "Restart=on-failure",
        "RestartSec=5",
        "KillSignal=SIGTERM",
        "TimeoutStopSec=120",
        "Nice=10",
        "",
        "[Install]",
        "WantedBy=default.target",
        "",
    ]
    return "\n".join(lines)


def _systemd_quote(word: str) -> str:
    if word and not any(ch in word for ch in " \t\"'\\$%;"):
        return word
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def launchd_plist(command: Sequence[str], env: Mapping[str, str], home: Path) -> bytes:
    logs = home / "Library" / "Logs" / "pii-guard-watch.log"
    agent: dict[str, object] = {
        "Label": AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ProcessType": "Background",
        "ExitTimeOut": 120,
        "StandardOutPath": str(logs),
        "StandardErrorPath": str(logs),
    }
    passed = _passed_env(env)
    if passed:
        agent["EnvironmentVariables"] = passed
    return plistlib.dumps(agent)


def task_xml(command: Sequence[str], env: Mapping[str, str]) -> bytes:
    ET.register_namespace("", TASK_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{TASK_NS}}}{tag}")
        if text is not None:
            element.text = text
        return element

    task = ET.Element(f"{{{TASK_NS}}}Task", {"version": "1.2"})
    info = sub(task, "RegistrationInfo")
    sub(info, "Description", "pii-guard watcher: keeps records off USB drives and personal clouds")
    trigger = sub(sub(task, "Triggers"), "LogonTrigger")
    sub(trigger, "Enabled", "true")
    principal = sub(sub(task, "Principals"), "Principal")
    principal.set("id", "Author")
    sub(principal, "LogonType", "InteractiveToken")
    sub(principal, "RunLevel", "LeastPrivilege")
    settings = sub(task, "Settings")
    sub(settings, "MultipleInstancesPolicy", "IgnoreNew")
    sub(settings, "DisallowStartIfOnBatteries", "false")
    sub(settings, "StopIfGoingOnBatteries", "false")
    sub(settings, "ExecutionTimeLimit", "PT0S")
    restart = sub(settings, "RestartOnFailure")
    sub(restart, "Interval", "PT1M")
    sub(restart, "Count", "999")
    actions = sub(task, "Actions", None)
    actions.set("Context", "Author")
    exec_ = sub(actions, "Exec")
    sub(exec_, "Command", command[0])
    sub(exec_, "Arguments", subprocess.list2cmdline(list(command[1:])))
    passed = _passed_env(env)
    if passed:  # Task Scheduler has no environment block: set it through cmd
        inner = " ".join(f'set "{k}={v}" &&' for k, v in passed.items())
        exec_[0].text = "cmd.exe"
        exec_[1].text = f"/c {inner} {subprocess.list2cmdline(list(command))}"
    ET.indent(task)
    body = ET.tostring(task, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n").encode("utf-16")


@dataclass(frozen=True)
class ServiceFile:
    platform: Platform
    path: Path
    content: bytes
    enable: tuple[tuple[str, ...], ...]  # commands that register and start it
    disable: tuple[tuple[str, ...], ...]


def service_file(
    platform: Platform,
    *,
    policy: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> ServiceFile:
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home())
    command = watch_command(policy)
    if platform == "linux":
        config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
        path = config / "systemd" / "user" / UNIT_NAME
        return ServiceFile(
            platform,
            path,
            systemd_unit(command, env).encode(),
            (
                ("systemctl", "--user", "daemon-reload"),
                ("systemctl", "--user", "enable", "--now", UNIT_NAME),
            ),
            (("systemctl", "--user", "disable", "--now", UNIT_NAME),),
        )
    if platform == "macos":
        path = home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        return ServiceFile(
            platform,
            path,
            launchd_plist(command, env, home),
            (("launchctl", "load", "-w", str(path)),),
            (("launchctl", "unload", "-w", str(path)),),
        )
    path = data_dir() / f"{TASK_NAME}.xml"
    return ServiceFile(
        platform,
        path,
        task_xml(command, env),
        (("schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(path), "/F"),),
        (("schtasks", "/Delete", "/TN", TASK_NAME, "/F"),),
    )


@dataclass(frozen=True)
class Applied:
    command: str
    ok: bool
    detail: str


def run_tools(commands: Sequence[Sequence[str]]) -> list[Applied]:
    """Run the platform tool where it exists; report rather than fail where it does not."""
    done: list[Applied] = []
    for command in commands:
        shown = shlex.join(command)
        if shutil.which(command[0]) is None:
            done.append(Applied(shown, False, f"{command[0]} not found"))
            break
        result = subprocess.run(list(command), capture_output=True, text=True, check=False)
        detail = (result.stderr or result.stdout).strip().splitlines()
        done.append(Applied(shown, result.returncode == 0, detail[-1] if detail else ""))
        if result.returncode != 0:
            break
    return done


def install(service: ServiceFile, *, enable: bool) -> list[Applied]:
    service.path.parent.mkdir(parents=True, exist_ok=True)
    temp = service.path.with_name(f".{service.path.name}.part")
    temp.write_bytes(service.content)
    temp.replace(service.path)
    return run_tools(service.enable) if enable else []


def uninstall(service: ServiceFile, *, disable: bool) -> list[Applied]:
    applied = run_tools(service.disable) if disable and service.path.exists() else []
    service.path.unlink(missing_ok=True)
    return applied
