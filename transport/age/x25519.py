"""The X25519 recipient type (age spec "X25519 recipient stanza", `x25519.go`)."""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from transport.age import _bech32
from transport.age._format import Stanza, b64decode, b64encode
from transport.age._interfaces import Identity, Recipient, multi_unwrap
from transport.age._primitives import hkdf_sha256, unwrap_file_key, wrap_file_key
from transport.errors import HeaderError, KeyFormatError, NoIdentityMatchError

STANZA_TYPE = "X25519"
LABEL = b"age-encryption.org/v1/X25519"
RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"
POINT_SIZE = 32


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


class X25519Recipient:
    """An `age1...` public key; files encrypted to it open with the matching identity."""

    def __init__(self, public_key: X25519PublicKey) -> None:
        self._key = public_key
        self._raw = _raw_public(public_key)

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        try:
            hrp, data = _bech32.decode(text.strip())
        except _bech32.Bech32Error as error:
            raise KeyFormatError(f"not an age recipient (age1...): {error}") from None
        if hrp != RECIPIENT_HRP or len(data) != POINT_SIZE or text.strip() != text.strip().lower():
            raise KeyFormatError("not an age X25519 recipient (age1...)")
        return cls(X25519PublicKey.from_public_bytes(data))

    @property
    def public_key(self) -> X25519PublicKey:
        return self._key

    def wrap(self, file_key: bytes) -> Sequence[Stanza]:
        ephemeral = X25519PrivateKey.generate()
        share = _raw_public(ephemeral.public_key())
        shared = ephemeral.exchange(self._key)
        wrapping_key = hkdf_sha256(shared, share + self._raw, LABEL)
        return [Stanza(STANZA_TYPE, (b64encode(share),), wrap_file_key(wrapping_key, file_key))]

    def __str__(self) -> str:
        return _bech32.encode(RECIPIENT_HRP, self._raw)

    def __repr__(self) -> str:
        return f"X25519Recipient({self})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)


class X25519Identity:
    """An `AGE-SECRET-KEY-1...` private key. Its repr never shows the secret."""

    def __init__(self, private_key: X25519PrivateKey) -> None:
        self._key = private_key
        self._recipient = X25519Recipient(private_key.public_key())

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        stripped = text.strip()
        try:
            hrp, data = _bech32.decode(stripped)
        except _bech32.Bech32Error as error:
            raise KeyFormatError(f"not an age identity (AGE-SECRET-KEY-1...): {error}") from None
        if hrp != IDENTITY_HRP or len(data) != POINT_SIZE or stripped != stripped.upper():
            raise KeyFormatError("not an age X25519 identity (AGE-SECRET-KEY-1...)")
        return cls(X25519PrivateKey.from_private_bytes(data))

    @property
    def recipient(self) -> X25519Recipient:
        return self._recipient

    @property
    def private_key(self) -> X25519PrivateKey:
        return self._key

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes:
        return multi_unwrap(self._unwrap_one, stanzas)

    def _unwrap_one(self, stanza: Stanza) -> bytes:
        if stanza.type != STANZA_TYPE:
            raise NoIdentityMatchError()
        if len(stanza.args) != 1:
            raise HeaderError("malformed age header: X25519 stanza needs exactly one argument")
        try:
            share = b64decode(stanza.args[0])
        except ValueError:
            raise HeaderError(
                "malformed age header: X25519 share is not canonical base64"
            ) from None
        if len(share) != POINT_SIZE:
            raise HeaderError("malformed age header: X25519 share has the wrong size")
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            shared = bytes(POINT_SIZE)
        if shared == bytes(POINT_SIZE):
            raise HeaderError("malformed age header: X25519 share is a low-order point")
        salt = share + self._recipient._raw
        wrapping_key = hkdf_sha256(shared, salt, LABEL)
        return unwrap_file_key(wrapping_key, stanza.body, STANZA_TYPE)

    def __str__(self) -> str:
        raw = self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return _bech32.encode(IDENTITY_HRP, raw).upper()

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self._recipient})"


def _implements(r: X25519Recipient, i: X25519Identity) -> tuple[Recipient, Identity]:
    """For mypy only: these types satisfy the interfaces (x25519.go's `var _ Recipient`)."""
    return r, i
