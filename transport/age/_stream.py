"""The age payload: ChaCha20-Poly1305 STREAM in 64 KiB chunks (age `internal/stream`).

Both directions run in constant memory: two fixed read buffers of `BATCH`
chunks each, alternated so the chunk held back (we only learn that a chunk is
the last one when the next read finds end of input) is never copied. Reads are
large and go straight into those buffers through memoryviews.

Decryption releases plaintext chunk by chunk, exactly as the reference
implementation does, so that a truncated or extended file yields the same
released prefix before `PayloadError` (the C2SP vectors check this).
"""

from __future__ import annotations

from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from transport.errors import PayloadError

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16  # the payload nonce that salts the payload key
BATCH = 32  # chunks per read: 2 MiB reads, 2 buffers -> ~4 MiB resident

_LAST = b"\x01"
_NOT_LAST = b"\x00"
_OPAQUE = "the encrypted payload is damaged or incomplete"


class Readable(Protocol):
    def readinto(self, target: memoryview) -> int: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _RawReadable:
    """Adapts a caller's stream to "fill this buffer unless at end of input"."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def readinto(self, target: memoryview) -> int:
        done = 0
        readinto = getattr(self._raw, "readinto", None)
        while done < len(target):
            if readinto is not None:
                got = readinto(target[done:])
            else:
                data = self._raw.read(len(target) - done)
                target[done : done + len(data)] = data
                got = len(data)
            if not got:
                break
            done += got
        return done


def fill_reader(raw: BinaryIO) -> Readable:
    return _RawReadable(raw)


def _nonce(counter: int, last: bytes) -> bytes:
    return counter.to_bytes(11, "big") + last


def encrypt(key: bytes, src: Readable, dst: Writable) -> None:
    """Encrypt everything `src` yields into STREAM chunks written to `dst`."""
    aead = ChaCha20Poly1305(key)
    buffers = [memoryview(bytearray(BATCH * CHUNK_SIZE)) for _ in range(2)]
    which = 0
    counter = 0
    held: memoryview | None = None  # the last chunk read, not yet known to be final
    while True:
        buf = buffers[which]
        got = src.readinto(buf)
        if held is not None:
            if got == 0:
                break
            dst.write(aead.encrypt(_nonce(counter, _NOT_LAST), held, None))
            counter += 1
        if got == 0:
            held = buf[:0]  # empty input: one empty final chunk
            break
        full_end = (got - 1) // CHUNK_SIZE * CHUNK_SIZE  # keep >= 1 byte back
        for start in range(0, full_end, CHUNK_SIZE):
            dst.write(
                aead.encrypt(_nonce(counter, _NOT_LAST), buf[start : start + CHUNK_SIZE], None)
            )
            counter += 1
        held = buf[full_end:got]
        which ^= 1
        if got < len(buf):
            break
    dst.write(aead.encrypt(_nonce(counter, _LAST), held, None))


def decrypt(key: bytes, src: Readable, dst: Writable) -> None:
    """Decrypt STREAM chunks from `src` to `dst`; raises PayloadError, opaque by design."""
    aead = ChaCha20Poly1305(key)
    buffers = [memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE)) for _ in range(2)]
    which = 0
    counter = 0
    held: memoryview | None = None  # a full chunk not yet known to be the last one
    while True:
        buf = buffers[which]
        got = src.readinto(buf)
        if held is not None:
            last = _open_full_chunk(aead, counter, held, dst)
            counter += 1
            if got == 0:
                if not last:
                    raise PayloadError(_OPAQUE)  # truncated: no final chunk
                return
            if last:
                raise PayloadError(_OPAQUE)  # data after the final chunk
        if got == 0:
            raise PayloadError(_OPAQUE)  # no chunk at all
        full_end = (got - 1) // ENCRYPTED_CHUNK_SIZE * ENCRYPTED_CHUNK_SIZE
        for start in range(0, full_end, ENCRYPTED_CHUNK_SIZE):
            if _open_full_chunk(aead, counter, buf[start : start + ENCRYPTED_CHUNK_SIZE], dst):
                raise PayloadError(_OPAQUE)  # data after the final chunk
            counter += 1
        tail = buf[full_end:got]
        which ^= 1
        if got == len(buf):
            held = tail
            continue
        if len(tail) == ENCRYPTED_CHUNK_SIZE:
            if not _open_full_chunk(aead, counter, tail, dst):
                raise PayloadError(_OPAQUE)  # truncated: no final chunk
            return
        if counter > 0 and len(tail) == TAG_SIZE:
            raise PayloadError(_OPAQUE)  # only an empty payload may end in an empty chunk
        _open(aead, counter, tail, dst, _LAST)
        return


def _open(
    aead: ChaCha20Poly1305, counter: int, chunk: memoryview, dst: Writable, flag: bytes
) -> None:
    try:
        plain = aead.decrypt(_nonce(counter, flag), chunk, None)
    except InvalidTag:
        raise PayloadError(_OPAQUE) from None
    dst.write(plain)


def _open_full_chunk(
    aead: ChaCha20Poly1305, counter: int, chunk: memoryview, dst: Writable
) -> bool:
    """Open a full-size chunk, final or not as its tag says (as age does); True if final."""
    try:
        plain = aead.decrypt(_nonce(counter, _NOT_LAST), chunk, None)
    except InvalidTag:
        _open(aead, counter, chunk, dst, _LAST)
        return True
    dst.write(plain)
    return False
