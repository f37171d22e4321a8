"""age v1 file encryption (https://age-encryption.org/v1), built on `cryptography`.

X25519 and scrypt (passphrase) recipients, binary and ASCII-armored files,
streaming in constant memory. Files interoperate with the `age` command both
ways. Every failure to decrypt raises `transport.errors.DecryptionError`.
"""

from transport.age._age import (
    AgeReader,
    AgeWriter,
    decrypt,
    decrypt_reader,
    encrypt,
    encrypt_pipelined,
    encrypt_writer,
)
from transport.age._format import Stanza
from transport.age._interfaces import Identity, Recipient
from transport.age.scrypt import ScryptIdentity, ScryptRecipient
from transport.age.x25519 import X25519Identity, X25519Recipient

__all__ = [
    "AgeReader",
    "AgeWriter",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_reader",
    "encrypt",
    "encrypt_pipelined",
    "encrypt_writer",
]
