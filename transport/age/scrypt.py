"""The scrypt (passphrase) recipient type (age spec "scrypt recipient stanza", `scrypt.go`).

Decryption refuses work factors above `max_work_factor` before computing
anything: a hostile file must not make us spend minutes and gigabytes.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from transport.age._format import Stanza, b64decode, b64encode
from transport.age._interfaces import Identity, Recipient, multi_unwrap
from transport.age._primitives import unwrap_file_key, wrap_file_key
from transport.errors import HeaderError, NoIdentityMatchError

STANZA_TYPE = "scrypt"
LABEL = b"age-encryption.org/v1/scrypt"
SALT_SIZE = 16
DEFAULT_WORK_FACTOR = 18  # log2(N), as age: about a second on a laptop
MAX_WORK_FACTOR = 22  # as age; 2**22 * 1 KiB = 4 GiB of memory would already be absurd

_DECIMAL = re.compile(r"[1-9][0-9]{0,2}")


def _as_bytes(passphrase: str | bytes) -> bytes:
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


def _derive(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase)


class ScryptRecipient:
    """Encrypts to a passphrase; must be the only recipient of a file."""

    def __init__(self, passphrase: str | bytes, *, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        if not 1 <= work_factor <= 30:
            raise ValueError("scrypt work factor must be between 1 and 30")
        self._passphrase = _as_bytes(passphrase)
        if not self._passphrase:
            raise ValueError("empty passphrase")
        self._work_factor = work_factor

    def wrap(self, file_key: bytes) -> Sequence[Stanza]:
        salt = secrets.token_bytes(SALT_SIZE)
        key = _derive(self._passphrase, salt, self._work_factor)
        args = (b64encode(salt), str(self._work_factor))
        return [Stanza(STANZA_TYPE, args, wrap_file_key(key, file_key))]

    def __repr__(self) -> str:
        return f"ScryptRecipient(work_factor={self._work_factor})"


class ScryptIdentity:
    """Opens files encrypted to a passphrase, refusing absurd work factors."""

    def __init__(self, passphrase: str | bytes, *, max_work_factor: int = MAX_WORK_FACTOR) -> None:
        self._passphrase = _as_bytes(passphrase)
        self._max_work_factor = max_work_factor

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes:
        return multi_unwrap(self._unwrap_one, stanzas)

    def _unwrap_one(self, stanza: Stanza) -> bytes:
        if stanza.type != STANZA_TYPE:
            raise NoIdentityMatchError()
        if len(stanza.args) != 2:
            raise HeaderError("malformed age header: scrypt stanza needs exactly two arguments")
        try:
            salt = b64decode(stanza.args[0])
        except ValueError:
            raise HeaderError("malformed age header: scrypt salt is not canonical base64") from None
        if len(salt) != SALT_SIZE:
            raise HeaderError("malformed age header: scrypt salt has the wrong size")
        if _DECIMAL.fullmatch(stanza.args[1]) is None:
            raise HeaderError("malformed age header: scrypt work factor is not a decimal number")
        work_factor = int(stanza.args[1])
        if work_factor > self._max_work_factor:
            raise HeaderError(
                f"scrypt work factor {work_factor} is above the limit of {self._max_work_factor}"
            )
        if len(stanza.body) != 32:
            raise HeaderError("malformed age header: scrypt stanza has a wrong file key size")
        key = _derive(self._passphrase, salt, work_factor)
        return unwrap_file_key(key, stanza.body, STANZA_TYPE)

    def __repr__(self) -> str:
        return "ScryptIdentity(...)"


def _implements(r: ScryptRecipient, i: ScryptIdentity) -> tuple[Recipient, Identity]:
    """For mypy only: these types satisfy the interfaces (x25519.go's `var _ Recipient`)."""
    return r, i
