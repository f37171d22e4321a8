"""Desktop notifications where the desktop offers them; a log line always.

The command runs in the background and is never waited for by the worker, so a
missing or hung notification daemon cannot slow the next quarantine.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence

log = logging.getLogger(__name__)

TIMEOUT = 10.0


def notification_command(
    title: str,
    body: str,
    *,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
    env: Mapping[str, str] | None = None,
) -> list[str] | None:
    """The command that shows a notification here, or None when there is no desktop."""
    env = os.environ if env is None else env
    if platform == "darwin":
        tool = which("osascript")
        if tool is None:
            return None
        script = f"display notification {_applescript(body)} with title {_applescript(title)}"
        return [tool, "-e", script]
    if platform.startswith("linux") or "bsd" in platform:
        tool = which("notify-send")
        if tool is None or not (
            env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("DBUS_SESSION_BUS_ADDRESS")
        ):
            return None
        return [tool, "--app-name=pii-guard", "--urgency=critical", title, body]
    return None


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class DesktopNotifier:
    def notify(self, title: str, body: str) -> None:
        command = notification_command(title, body)
        if command is None:
            return
        threading.Thread(target=_run, args=(command,), name="pii-guard-notify", daemon=True).start()


def _run(command: Sequence[str]) -> None:
    try:
        subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.info("desktop notification failed: %s", error)
