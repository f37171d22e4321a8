"""Key derivations and the file-key wrap every recipient type shares (age `primitives.go`)."""

from __future__ import annotations

import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from transport.errors import HeaderError, NoIdentityMatchError

FILE_KEY_SIZE = 16
_ZERO_NONCE = bytes(12)
_HEADER_INFO = b"header"
_PAYLOAD_INFO = b"payload"


def hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def new_file_key() -> bytes:
    return secrets.token_bytes(FILE_KEY_SIZE)


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    key = hkdf_sha256(file_key, b"", _HEADER_INFO)
    return hmac.new(key, mac_input, "sha256").digest()


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    return hkdf_sha256(file_key, nonce, _PAYLOAD_INFO)


def wrap_file_key(wrapping_key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(wrapping_key).encrypt(_ZERO_NONCE, file_key, None)


def unwrap_file_key(wrapping_key: bytes, body: bytes, stanza_type: str) -> bytes:
    """Open a stanza body: wrong size is malformed; a failed tag means "not my key"."""
    # The size is fixed before decrypting, against partitioning-oracle attacks.
    if len(body) != FILE_KEY_SIZE + 16:
        raise HeaderError(f"malformed age header: {stanza_type} stanza has a wrong file key size")
    try:
        return ChaCha20Poly1305(wrapping_key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        raise NoIdentityMatchError() from None
