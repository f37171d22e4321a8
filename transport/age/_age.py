"""Encrypt and decrypt whole age v1 files (age `age.go`), streaming in constant memory."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Sequence
from typing import BinaryIO

from transport.age import _stream
from transport.age._format import (
    Source,
    Stanza,
    encode_header_without_mac,
    encode_mac_line,
    parse_header,
)
from transport.age._interfaces import Identity, Recipient
from transport.age._primitives import header_mac, new_file_key, payload_key
from transport.age.armor import ArmorReader, ArmorWriter, looks_binary
from transport.age.scrypt import STANZA_TYPE as SCRYPT_TYPE
from transport.errors import (
    EncryptionError,
    HeaderError,
    HeaderMACError,
    NoIdentityMatchError,
)


def encrypt(
    src: BinaryIO, dst: BinaryIO, recipients: Sequence[Recipient], *, armor: bool = False
) -> None:
    """Encrypt all of `src` to `recipients`, writing the age file to `dst`."""
    if not recipients:
        raise EncryptionError("no recipients given")
    file_key = new_file_key()
    stanzas: list[Stanza] = []
    for recipient in recipients:
        stanzas.extend(recipient.wrap(file_key))
    if any(s.type == SCRYPT_TYPE for s in stanzas) and len(stanzas) != 1:
        raise EncryptionError("a passphrase (scrypt) recipient must be the only recipient")
    out: _stream.Writable = ArmorWriter(dst) if armor else dst
    head = encode_header_without_mac(stanzas)
    nonce = secrets.token_bytes(_stream.NONCE_SIZE)
    out.write(head + encode_mac_line(header_mac(file_key, head)) + nonce)
    _stream.encrypt(payload_key(file_key, nonce), _stream.fill_reader(src), out)
    if isinstance(out, ArmorWriter):
        out.close()


def decrypt(src: BinaryIO, dst: BinaryIO, identities: Sequence[Identity]) -> None:
    """Decrypt an age file (binary or armored) from `src` into `dst`.

    Raises a DecryptionError subclass; plaintext written before a PayloadError
    is unauthenticated and the caller must discard it (write to a temporary
    file and rename only on success).
    """
    if not identities:
        raise NoIdentityMatchError("no identities given")
    outer = Source(src)
    source = outer if looks_binary(outer.peek(32)) else Source(ArmorReader(outer))
    header = parse_header(source)
    file_key = _unwrap(header.stanzas, identities)
    if not hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac):
        raise HeaderMACError("the age header MAC is wrong: the header was altered")
    nonce = bytearray(_stream.NONCE_SIZE)
    if source.readinto(memoryview(nonce)) != _stream.NONCE_SIZE:
        raise HeaderError("malformed age file: the payload nonce is missing")
    _stream.decrypt(payload_key(file_key, bytes(nonce)), source, dst)


def _unwrap(stanzas: Sequence[Stanza], identities: Sequence[Identity]) -> bytes:
    if any(s.type == SCRYPT_TYPE for s in stanzas) and len(stanzas) != 1:
        raise HeaderError("malformed age header: an scrypt stanza must be the only one")
    misses: list[Exception] = []
    for identity in identities:
        try:
            return identity.unwrap(stanzas)
        except NoIdentityMatchError as miss:
            misses.append(miss)
    raise NoIdentityMatchError(errors=misses)
