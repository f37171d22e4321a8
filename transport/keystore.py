"""Where private keys live: the OS keyring, or else a passphrase-protected age file.

The file is age's own scrypt passphrase format, so a user can always open it
with stock `age -d` too. Nothing here ever writes private key material to
disk unencrypted; the file is written 0600 through a temporary file and a
rename. Which store to use, and the passphrase rules, are the caller's
business (the application layer knows the policy).
"""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from transport.age import ScryptIdentity, ScryptRecipient, decrypt, encrypt
from transport.age.scrypt import DEFAULT_WORK_FACTOR
from transport.atomic import atomic_write_bytes
from transport.errors import (
    DecryptionError,
    KeyStoreError,
    NoIdentityMatchError,
    WrongPassphraseError,
)

SERVICE = "pii-guard"
MAX_BUNDLE_BYTES = 64 * 1024


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    if type(backend).__module__ == "keyring.backends.null":
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(b) for b in backend.backends)
    return True


def keyring_available() -> bool:
    """True when the OS offers a real keyring (not keyring's fail or null backends)."""
    try:
        return _usable(keyring.get_keyring())
    except Exception:  # a broken backend plugin must not take the CLI down
        return False


class KeyringStore:
    """A bundle in the OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    def __init__(self, account: str) -> None:
        self.account = account

    def describe(self) -> str:
        return f"OS keyring ({type(keyring.get_keyring()).__name__}, {SERVICE}/{self.account})"

    def save(self, bundle: bytes) -> None:
        if not keyring_available():
            raise KeyStoreError("no usable OS keyring on this machine")
        try:
            keyring.set_password(SERVICE, self.account, bundle.decode("utf-8"))
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(f"the OS keyring refused to store the key: {error}") from None

    def load(self) -> bytes:
        try:
            value = keyring.get_password(SERVICE, self.account)
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(f"the OS keyring refused to give the key: {error}") from None
        if value is None:
            raise KeyStoreError(f"no key {SERVICE}/{self.account} in the OS keyring")
        return value.encode("utf-8")

    def delete(self) -> None:
        try:
            keyring.delete_password(SERVICE, self.account)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(f"the OS keyring refused to delete the key: {error}") from None


class PassphraseFileStore:
    """A bundle encrypted to a passphrase in age's scrypt format (`age -d` opens it)."""

    def __init__(self, path: Path, *, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        self.path = path
        self._work_factor = work_factor

    def describe(self) -> str:
        return f"passphrase-protected file {self.path}"

    def exists(self) -> bool:
        return self.path.is_file()

    def save(self, bundle: bytes, passphrase: str) -> None:
        sealed = io.BytesIO()
        encrypt(
            io.BytesIO(bundle), sealed, [ScryptRecipient(passphrase, work_factor=self._work_factor)]
        )
        atomic_write_bytes(self.path, sealed.getvalue(), mode=0o600)

    def load(self, passphrase: str) -> bytes:
        try:
            with self.path.open("rb") as handle:
                sealed = handle.read(MAX_BUNDLE_BYTES + 1)
        except FileNotFoundError:
            raise KeyStoreError(f"{self.path}: no key file") from None
        except OSError as error:
            raise KeyStoreError(f"{self.path}: cannot read key file: {error.strerror}") from None
        if len(sealed) > MAX_BUNDLE_BYTES:
            raise KeyStoreError(f"{self.path}: not a pii-guard key file (too large)")
        plain = io.BytesIO()
        try:
            decrypt(io.BytesIO(sealed), plain, [ScryptIdentity(passphrase)])
        except NoIdentityMatchError:
            raise WrongPassphraseError(f"{self.path}: wrong passphrase") from None
        except DecryptionError as error:
            raise KeyStoreError(f"{self.path}: damaged key file ({error})") from None
        return plain.getvalue()

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)
