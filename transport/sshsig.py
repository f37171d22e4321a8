"""OpenSSH signatures (PROTOCOL.sshsig) with Ed25519 keys.

What `ssh-keygen -Y sign` writes and `ssh-keygen -Y verify` checks, so legal
staff can verify a release manifest with stock OpenSSH. Verification raises;
it never returns a bool.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from transport import _wire
from transport.errors import SignatureError
from transport.keys import ED25519_TYPE, parse_public_key_blob, public_key_blob

MAGIC = b"SSHSIG"
VERSION = 1
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
LINE_WIDTH = 70  # as ssh-keygen writes it
DEFAULT_HASH = "sha512"
HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
RELEASE_NAMESPACE = "pii-guard-release"
MAX_ARMORED_CHARS = 16 * 1024  # an Ed25519 signature is ~300 characters


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed, not yet verified, SSHSIG signature."""

    public_key: Ed25519PublicKey
    namespace: str
    hash_algorithm: str
    signature: bytes


def _signed_data(namespace: str, hash_algorithm: str, data: bytes) -> bytes:
    digest = HASHES[hash_algorithm](data).digest()
    return (
        MAGIC
        + _wire.string(namespace.encode("utf-8"))
        + _wire.string(b"")
        + _wire.string(hash_algorithm.encode("ascii"))
        + _wire.string(digest)
    )


def sign(data: bytes, private_key: Ed25519PrivateKey, namespace: str) -> str:
    """The armored signature of `data` in `namespace`, as `ssh-keygen -Y sign` makes it."""
    if not namespace:
        raise ValueError("an SSHSIG namespace must not be empty")
    raw_signature = private_key.sign(_signed_data(namespace, DEFAULT_HASH, data))
    blob = (
        MAGIC
        + VERSION.to_bytes(4, "big")
        + _wire.string(public_key_blob(private_key.public_key()))
        + _wire.string(namespace.encode("utf-8"))
        + _wire.string(b"")
        + _wire.string(DEFAULT_HASH.encode("ascii"))
        + _wire.string(_wire.string(ED25519_TYPE.encode("ascii")) + _wire.string(raw_signature))
    )
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i : i + LINE_WIDTH] for i in range(0, len(text), LINE_WIDTH)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


def _dearmor(armored: str) -> bytes:
    if len(armored) > MAX_ARMORED_CHARS:
        raise SignatureError("malformed signature: too long")
    lines = armored.strip().splitlines()
    if len(lines) < 3 or lines[0].strip() != BEGIN or lines[-1].strip() != END:
        raise SignatureError("malformed signature: not an SSH SIGNATURE block")
    body = "".join(line.strip() for line in lines[1:-1])
    try:
        return base64.b64decode(body.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise SignatureError("malformed signature: bad base64") from None


def parse(armored: str) -> Signature:
    """Parse an armored SSHSIG; raises SignatureError for anything malformed."""
    reader = _wire.WireReader(_dearmor(armored), "signature")
    if reader.raw(len(MAGIC)) != MAGIC:
        raise SignatureError("malformed signature: not SSHSIG")
    if reader.uint32() != VERSION:
        raise SignatureError("malformed signature: unsupported SSHSIG version")
    public_key = parse_public_key_blob(reader.string())
    namespace = reader.text()
    reader.string()  # reserved: ignored, as OpenSSH does
    hash_algorithm = reader.text()
    signature_blob = reader.string()
    reader.end()
    if hash_algorithm not in HASHES:
        raise SignatureError(f"malformed signature: unsupported hash {hash_algorithm[:20]!r}")
    inner = _wire.WireReader(signature_blob, "signature")
    if inner.string() != ED25519_TYPE.encode("ascii"):
        raise SignatureError("malformed signature: not an ssh-ed25519 signature")
    raw_signature = inner.string()
    inner.end()
    if len(raw_signature) != 64:
        raise SignatureError("malformed signature: wrong Ed25519 signature size")
    return Signature(public_key, namespace, hash_algorithm, raw_signature)


def verify(data: bytes, armored: str, namespace: str) -> Ed25519PublicKey:
    """The signer's key if `armored` is a valid signature of `data` in `namespace`.

    Raises SignatureError otherwise. Whether the signer is trusted is the
    caller's question (transport.trust).
    """
    parsed = parse(armored)
    if parsed.namespace != namespace:
        raise SignatureError(
            f"signature is for namespace {parsed.namespace[:64]!r}, not {namespace!r}"
        )
    try:
        parsed.public_key.verify(
            parsed.signature, _signed_data(namespace, parsed.hash_algorithm, data)
        )
    except InvalidSignature:
        raise SignatureError(
            "signature does not verify: the data or signature was altered"
        ) from None
    return parsed.public_key
