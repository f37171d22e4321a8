"""Encrypt and decrypt whole age v1 files (age `age.go`), streaming in constant memory."""

from __future__ import annotations

import hmac
import io
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

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

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


def _write_header(out: _stream.Writable, recipients: Sequence[Recipient]) -> bytes:
    """Write header and payload nonce; returns the payload key."""
    if not recipients:
        raise EncryptionError("no recipients given")
    file_key = new_file_key()
    stanzas: list[Stanza] = []
    for recipient in recipients:
        stanzas.extend(recipient.wrap(file_key))
    if any(s.type == SCRYPT_TYPE for s in stanzas) and len(stanzas) != 1:
        raise EncryptionError("a passphrase (scrypt) recipient must be the only recipient")
    head = encode_header_without_mac(stanzas)
    nonce = secrets.token_bytes(_stream.NONCE_SIZE)
    out.write(head + encode_mac_line(header_mac(file_key, head)) + nonce)
    return payload_key(file_key, nonce)


def encrypt(
    src: BinaryIO, dst: BinaryIO, recipients: Sequence[Recipient], *, armor: bool = False
) -> None:
    """Encrypt all of `src` to `recipients`, writing the age file to `dst`."""
    out: _stream.Writable = ArmorWriter(dst) if armor else dst
    key = _write_header(out, recipients)
    _stream.encrypt(key, _stream.fill_reader(src), out)
    if isinstance(out, ArmorWriter):
        out.close()


def encrypt_pipelined(
    src: BinaryIO,
    recipients: Sequence[Recipient],
    sinks: Sequence[_stream.Sink],
    *,
    lead: bytes = b"",
) -> None:
    """Encrypt all of `src` to `recipients`, handing `lead` + the age file to each sink in turn.

    For large inputs: reading `src`, the cipher and each sink run in their own
    thread (see `_stream.encrypt_pipelined`), so a sink that hashes and one
    that writes do not wait for each other. Each sink is called with (offset,
    bytes) for consecutive pages of `_stream.PAGE` bytes at offsets that are
    multiples of it, counted from the start of `lead`: a caller whose file
    holds `lead` at offset 0 gets blocks aligned for direct disk writes. The
    first exception of any stage is raised here.
    """
    header = io.BytesIO()
    header.write(lead)
    key = _write_header(header, recipients)
    _stream.encrypt_pipelined(key, _stream.fill_reader(src), sinks, prefix=header.getvalue())


class AgeWriter:
    """A writable age file: `write` plaintext, then `close` (or leave the `with`).

    Closing writes the final chunk; it does not close `dst`. Leaving a `with`
    block by an exception does not seal the file, so a half-written stream
    never looks complete.
    """

    def __init__(self, dst: BinaryIO, recipients: Sequence[Recipient], *, armor: bool) -> None:
        self._armor = ArmorWriter(dst) if armor else None
        out: _stream.Writable = self._armor or dst
        self._payload = _stream.PayloadWriter(_write_header(out, recipients), out)

    def write(self, data: bytes | bytearray | memoryview, /) -> int:
        return self._payload.write(data)

    def close(self) -> None:
        self._payload.close()
        if self._armor is not None:
            self._armor.close()
            self._armor = None

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()


def encrypt_writer(
    dst: BinaryIO, recipients: Sequence[Recipient], *, armor: bool = False
) -> AgeWriter:
    """Push-style `encrypt`: the header is written now, plaintext as it comes."""
    return AgeWriter(dst, recipients, armor=armor)


class AgeReader(io.RawIOBase):
    """A readable stream of an age file's plaintext (wrap in io.BufferedReader as needed).

    Bytes are returned only once their chunk authenticated; a damaged file
    raises PayloadError on the read that reaches the damage.
    """

    def __init__(self, payload: _stream.PayloadReader) -> None:
        super().__init__()
        self._payload = payload

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        return self._payload.readinto(memoryview(buffer).cast("B"))


def _open(src: BinaryIO, identities: Sequence[Identity]) -> _stream.PayloadReader:
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
    return _stream.PayloadReader(payload_key(file_key, bytes(nonce)), source)


def decrypt(src: BinaryIO, dst: BinaryIO, identities: Sequence[Identity]) -> None:
    """Decrypt an age file (binary or armored) from `src` into `dst`.

    Raises a DecryptionError subclass. Chunks are written as they authenticate,
    so on a PayloadError `dst` already holds the authentic part before the
    damage: write to a temporary file and rename only on success.
    """
    reader = _open(src, identities)
    buf = memoryview(bytearray(_stream.CHUNK_SIZE))
    while got := reader.readinto(buf):
        dst.write(buf[:got])


def decrypt_reader(src: BinaryIO, identities: Sequence[Identity]) -> AgeReader:
    """Pull-style `decrypt`: the header is checked now, the payload as it is read."""
    return AgeReader(_open(src, identities))


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
