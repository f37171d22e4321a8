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
from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
from secretstorage.util import format_secret, open_session

LOGIN_PASSWORD = b"throw-away-login-password"
WAIT_SECONDS = 30
LOGIN_GRACE_SECONDS = 3  # for the daemon to make its login keyring before we make it


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
        daemon = _start_daemon(env)
        _wait_for_service(env)
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
    daemon.stdin.write(LOGIN_PASSWORD)
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

    The daemon answers on the bus before it has made its login keyring, and now and then
    (one start in twenty, here) it makes none, or leaves it locked, though given the
    password; then the keyring is made or unlocked with that password through
    gnome-keyring's own interface, which asks no one.
    """
    started = time.monotonic()
    state = "not on the bus"
    while time.monotonic() < started + WAIT_SECONDS:
        try:
            with closing(open_dbus_connection(bus=env["DBUS_SESSION_BUS_ADDRESS"])) as bus:
                # Collection, not get_default_collection: that one would try to create
                # a collection (a prompt, which fails here) while the daemon is still
                # making its login keyring.
                try:
                    collection = secretstorage.Collection(bus)
                except secretstorage.exceptions.ItemNotFoundException:
                    if time.monotonic() < started + LOGIN_GRACE_SECONDS:
                        raise
                    _create_login_collection(bus)  # the daemon has not made it
                    collection = secretstorage.Collection(bus)
                if collection.is_locked():
                    _unlock_with_password(bus)
                if not collection.is_locked():
                    return
                state = "login collection still locked"
        except (OSError, secretstorage.exceptions.SecretStorageException) as error:
            state = f"{type(error).__name__}: {error}"
        time.sleep(0.2)
    raise RuntimeError(f"gnome-keyring did not come up on the private session bus ({state})")


# gnome-keyring's own calls for a login keyring with a known password (no prompt).
_INTERNAL = DBusAddress(
    "/org/freedesktop/secrets",
    bus_name="org.freedesktop.secrets",
    interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
)
_SERVICE = DBusAddress(
    "/org/freedesktop/secrets",
    bus_name="org.freedesktop.secrets",
    interface="org.freedesktop.Secret.Service",
)


def _master_secret(bus: Any) -> Any:
    return format_secret(open_session(bus), LOGIN_PASSWORD, "text/plain")


def _unlock_with_password(bus: Any) -> None:
    login = "/org/freedesktop/secrets/collection/login"
    call = new_method_call(
        _INTERNAL, "UnlockWithMasterPassword", "o(oayays)", (login, _master_secret(bus))
    )
    bus.send_and_get_reply(call)


def _create_login_collection(bus: Any) -> None:
    label = {"org.freedesktop.Secret.Collection.Label": ("s", "login")}
    call = new_method_call(
        _INTERNAL, "CreateWithMasterPassword", "a{sv}(oayays)", (label, _master_secret(bus))
    )
    (path,) = bus.send_and_get_reply(call).body
    bus.send_and_get_reply(new_method_call(_SERVICE, "SetAlias", "so", ("default", path)))
