"""A real, private Secret Service for tests: a session D-Bus plus gnome-keyring.

The login keyring is created and unlocked non-interactively with a throw-away
password; everything lives in a temporary HOME and stops with the fixture.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import secretstorage
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

DAEMON_ATTEMPTS = 3
WAIT_SECONDS = 15


@contextmanager
def secret_service(home: Path) -> Iterator[dict[str, str]]:
    """Yields the environment variables a process needs to reach the service."""
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"),
               XDG_RUNTIME_DIR=str(runtime))  # fmt: skip
    env.pop("PYTHON_KEYRING_BACKEND", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        # On a loaded machine the daemon has, now and then, left its new login keyring
        # locked; a fresh daemon given the same password unlocks the keyring on disk.
        for attempt in range(1, DAEMON_ATTEMPTS + 1):
            daemon = _start_daemon(env)
            try:
                _wait_for_service(env)
                break
            except RuntimeError:
                _stop(daemon)
                daemon = None
                if attempt == DAEMON_ATTEMPTS:
                    raise
        yield {k: env[k] for k in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
                                   "DBUS_SESSION_BUS_ADDRESS")}  # fmt: skip
    finally:
        for process in (daemon, bus):
            if process is not None:
                _stop(process)


def _start_daemon(env: dict[str, str]) -> subprocess.Popen[bytes]:
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    assert daemon.stdin is not None
    daemon.stdin.write(b"throw-away-login-password")
    daemon.stdin.close()
    return daemon


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_for_service(env: dict[str, str]) -> None:
    """Waits until the login collection is the default and unlocked, not merely on the bus.

    The daemon answers on the bus before it has read the password and unlocked the
    login keyring; on a loaded machine a store in that window fails as "locked".
    """
    deadline = time.monotonic() + WAIT_SECONDS
    state = "not on the bus"
    while time.monotonic() < deadline:
        try:
            with closing(open_dbus_connection(bus=env["DBUS_SESSION_BUS_ADDRESS"])) as bus:
                # Collection, not get_default_collection: that one would try to create
                # a collection (a prompt, which fails here) while the daemon is still
                # making its login keyring.
                if not secretstorage.Collection(bus).is_locked():
                    return
                state = "login collection still locked"
        except (OSError, secretstorage.exceptions.SecretStorageException) as error:
            state = f"{type(error).__name__}: {error}"
        time.sleep(0.2)
    raise RuntimeError(f"gnome-keyring did not come up on the private session bus ({state})")
