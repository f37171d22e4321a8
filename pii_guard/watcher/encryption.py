"""Encrypt to the ICTS quarantine key with pii-guard's own age implementation."""

from __future__ import annotations

from typing import BinaryIO

from transport import age


class AgeEncryptor:
    """The vault's `Encryptor`: age v1, X25519, streaming (files of any size)."""

    def __init__(self, recipient: str) -> None:
        self._recipient = age.X25519Recipient.parse(recipient)

    @property
    def recipient(self) -> str:
        return str(self._recipient)

    def encrypt(self, src: BinaryIO, dst: BinaryIO) -> None:
        age.encrypt(src, dst, [self._recipient])
