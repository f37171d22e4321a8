"""Fixtures for key tests: no keyring (file store) or a real private Secret Service."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import SecretService, fail
from keys_data import GOOD_PASSPHRASE  # noqa: F401 - re-exported for tests
from secret_service import secret_service

from pii_guard import identity
from policies import Policy, load_policy


@pytest.fixture
def policy() -> Policy:
    return load_policy().policy


@pytest.fixture
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Key files at scrypt 2**12 instead of 2**18, so the suite stays quick."""
    monkeypatch.setattr(identity, "KEY_FILE_WORK_FACTOR", 12)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch, fast_scrypt: None) -> Iterator[None]:
    """A headless machine: keyring has only its fail backend."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    identity.UNLOCKED.clear()
    yield
    keyring.set_keyring(previous)
    identity.UNLOCKED.clear()


@pytest.fixture(scope="module")
def secret_service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("secret-service-home")) as env:
        yield env


@pytest.fixture
def real_keyring(
    secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """keyring talking to gnome-keyring over our private session bus."""
    for name, value in secret_service_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    previous = keyring.get_keyring()
    # keyring picks its backend once per process; point it at the service explicitly
    # (a fresh `pii-guard` process finds it by itself: see test_keys_cli.py).
    keyring.set_keyring(SecretService.Keyring())
    yield secret_service_env
    keyring.set_keyring(previous)
