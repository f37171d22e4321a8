"""A user's key pair set and the OpenSSH text forms of Ed25519 public keys.

A user holds two keys: an Ed25519 key that signs release manifests (checked
with stock `ssh-keygen -Y verify`) and an X25519 age identity that opens
releases sent to them. `UserKeys` keeps them together with who they belong to.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from transport import _wire
from transport.age import X25519Identity, X25519Recipient
from transport.errors import KeyFormatError, SignatureError

ED25519_TYPE = "ssh-ed25519"
_BUNDLE_FORMAT = "pii-guard/user-keys/v1"


def public_key_blob(key: Ed25519PublicKey) -> bytes:
    """The SSH wire form of the key: what fingerprints and signatures are computed over."""
    return _wire.string(ED25519_TYPE.encode()) + _wire.string(
        key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def parse_public_key_blob(blob: bytes) -> Ed25519PublicKey:
    """Inverse of public_key_blob; raises SignatureError (it arrives inside signatures)."""
    reader = _wire.WireReader(blob, "public key")
    key_type = reader.string()
    if key_type != ED25519_TYPE.encode():
        raise SignatureError(f"unsupported key type {key_type[:40]!r}: only ssh-ed25519")
    raw = reader.string()
    reader.end()
    if len(raw) != 32:
        raise SignatureError("malformed public key: wrong Ed25519 key size")
    return Ed25519PublicKey.from_public_bytes(raw)


def ssh_fingerprint(key: Ed25519PublicKey) -> str:
    """`SHA256:...` exactly as `ssh-keygen -l` prints it."""
    digest = hashlib.sha256(public_key_blob(key)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def public_ssh_line(key: Ed25519PublicKey) -> str:
    """`ssh-ed25519 AAAA...`, the form authorized_keys and allowed_signers use."""
    return f"{ED25519_TYPE} {base64.b64encode(public_key_blob(key)).decode('ascii')}"


def parse_public_ssh(text: str) -> Ed25519PublicKey:
    """Parse `ssh-ed25519 AAAA... [comment]`; raises KeyFormatError."""
    parts = text.split()
    if len(parts) < 2 or parts[0] != ED25519_TYPE:
        raise KeyFormatError("not an ssh-ed25519 public key")
    try:
        blob = base64.b64decode(parts[1], validate=True)
        return parse_public_key_blob(blob)
    except (ValueError, SignatureError):
        raise KeyFormatError("not an ssh-ed25519 public key: bad key data") from None


def openssh_private_pem(key: Ed25519PrivateKey) -> bytes:
    """The unencrypted OpenSSH private key file (for handing to ssh-keygen in tests/tools)."""
    return key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())


@dataclass(frozen=True)
class UserKeys:
    """One person's signing key and age identity; reprs never show private parts."""

    name: str
    email: str
    created: datetime
    signing_key: Ed25519PrivateKey = field(repr=False)
    age_identity: X25519Identity = field(repr=False)
    # Identities replaced by `keys rotate`, kept so older releases still open.
    previous_age_identities: tuple[X25519Identity, ...] = field(default=(), repr=False)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key.public_key()

    @property
    def fingerprint(self) -> str:
        return ssh_fingerprint(self.public_key)

    @property
    def recipient(self) -> X25519Recipient:
        return self.age_identity.recipient

    @property
    def principal(self) -> str:
        return self.email

    def to_bundle(self) -> bytes:
        """The private bundle as stored in the keyring or in the passphrase file."""
        seed = self.signing_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        document = {
            "format": _BUNDLE_FORMAT,
            "name": self.name,
            "email": self.email,
            "created": self.created.isoformat(),
            "ed25519_seed": base64.b64encode(seed).decode("ascii"),
            "age_identity": str(self.age_identity),
            "previous_age_identities": [str(i) for i in self.previous_age_identities],
        }
        return json.dumps(document, sort_keys=True, indent=1).encode("utf-8") + b"\n"

    @classmethod
    def from_bundle(cls, data: bytes) -> UserKeys:
        try:
            document = json.loads(data.decode("utf-8"))
            if document.get("format") != _BUNDLE_FORMAT:
                raise KeyFormatError("not a pii-guard key bundle")
            seed = base64.b64decode(document["ed25519_seed"], validate=True)
            return cls(
                name=str(document["name"]),
                email=str(document["email"]),
                created=datetime.fromisoformat(document["created"]),
                signing_key=Ed25519PrivateKey.from_private_bytes(seed),
                age_identity=X25519Identity.parse(document["age_identity"]),
                previous_age_identities=tuple(
                    X25519Identity.parse(i) for i in document.get("previous_age_identities", [])
                ),
            )
        except KeyFormatError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeyFormatError(f"damaged pii-guard key bundle ({type(error).__name__})") from None
