"""The age payload: ChaCha20-Poly1305 STREAM in 64 KiB chunks (age `internal/stream`).

Both directions run in constant memory: two fixed read buffers of `BATCH`
chunks each, alternated so the chunk held back (we only learn that a chunk is
the last one when the next read finds end of input) is never copied, and one
output buffer that the AEAD writes into (`encrypt_into`/`decrypt_into`, where
the installed `cryptography` has them) and that goes out in one write per
batch. No per-chunk allocation, few system calls.

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
# Chunks per read. Small on purpose: a 128 KiB read stays in the CPU cache for the
# cipher that follows; 2 MiB reads measured ~3x the system time (bench/bench_age.py).
BATCH = 2

_LAST = b"\x01"
_NOT_LAST = b"\x00"
_OPAQUE = "the encrypted payload is damaged or incomplete"
_HAS_INTO = hasattr(ChaCha20Poly1305, "encrypt_into")


class Readable(Protocol):
    def readinto(self, target: memoryview) -> int: ...


class Writable(Protocol):
    def write(self, data: bytes | bytearray | memoryview, /) -> int: ...


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


class _Output:
    """One preallocated output buffer, filled chunk by chunk and written per batch."""

    def __init__(self, aead: ChaCha20Poly1305, dst: Writable, size: int) -> None:
        self._aead = aead
        self._dst = dst
        self._buf = memoryview(bytearray(size))
        self._pos = 0

    def seal(self, counter: int, last: bytes, chunk: memoryview) -> None:
        end = self._pos + len(chunk) + TAG_SIZE
        if _HAS_INTO:
            self._aead.encrypt_into(_nonce(counter, last), chunk, None, self._buf[self._pos : end])
        else:  # pragma: no cover - older cryptography
            self._buf[self._pos : end] = self._aead.encrypt(_nonce(counter, last), chunk, None)
        self._pos = end

    def open(self, counter: int, last: bytes, chunk: memoryview) -> None:
        """Decrypt into the buffer; raises InvalidTag, leaving nothing counted."""
        if len(chunk) < TAG_SIZE:
            raise InvalidTag
        end = self._pos + len(chunk) - TAG_SIZE
        if _HAS_INTO:
            self._aead.decrypt_into(_nonce(counter, last), chunk, None, self._buf[self._pos : end])
        else:  # pragma: no cover - older cryptography
            self._buf[self._pos : end] = self._aead.decrypt(_nonce(counter, last), chunk, None)
        self._pos = end

    def flush(self) -> None:
        if self._pos:
            self._dst.write(self._buf[: self._pos])
            self._pos = 0


def encrypt(key: bytes, src: Readable, dst: Writable) -> None:
    """Encrypt everything `src` yields into STREAM chunks written to `dst`."""
    out = _Output(ChaCha20Poly1305(key), dst, (BATCH + 1) * ENCRYPTED_CHUNK_SIZE)
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
            out.seal(counter, _NOT_LAST, held)
            counter += 1
        if got == 0:
            held = buf[:0]  # empty input: one empty final chunk
            break
        full_end = (got - 1) // CHUNK_SIZE * CHUNK_SIZE  # keep >= 1 byte back
        for start in range(0, full_end, CHUNK_SIZE):
            out.seal(counter, _NOT_LAST, buf[start : start + CHUNK_SIZE])
            counter += 1
        out.flush()
        held = buf[full_end:got]
        which ^= 1
        if got < len(buf):
            break
    out.seal(counter, _LAST, held)
    out.flush()


def decrypt(key: bytes, src: Readable, dst: Writable) -> None:
    """Decrypt STREAM chunks from `src` to `dst`; raises PayloadError, opaque by design.

    Only authenticated chunks are ever written; on failure those before it are
    flushed first, as the reference implementation releases them.
    """
    out = _Output(ChaCha20Poly1305(key), dst, (BATCH + 1) * CHUNK_SIZE)
    try:
        _decrypt(out, src)
    finally:
        out.flush()


def _decrypt(out: _Output, src: Readable) -> None:
    buffers = [memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE)) for _ in range(2)]
    which = 0
    counter = 0
    held: memoryview | None = None  # a full chunk not yet known to be the last one
    while True:
        buf = buffers[which]
        got = src.readinto(buf)
        if held is not None:
            last = _open_full_chunk(out, counter, held)
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
            if _open_full_chunk(out, counter, buf[start : start + ENCRYPTED_CHUNK_SIZE]):
                raise PayloadError(_OPAQUE)  # data after the final chunk
            counter += 1
        out.flush()
        tail = buf[full_end:got]
        which ^= 1
        if got == len(buf):
            held = tail
            continue
        if len(tail) == ENCRYPTED_CHUNK_SIZE:
            if not _open_full_chunk(out, counter, tail):
                raise PayloadError(_OPAQUE)  # truncated: no final chunk
            return
        if counter > 0 and len(tail) == TAG_SIZE:
            raise PayloadError(_OPAQUE)  # only an empty payload may end in an empty chunk
        try:
            out.open(counter, _LAST, tail)
        except InvalidTag:
            raise PayloadError(_OPAQUE) from None
        return


def _open_full_chunk(out: _Output, counter: int, chunk: memoryview) -> bool:
    """Open a full-size chunk, final or not as its tag says (as age does); True if final."""
    try:
        out.open(counter, _NOT_LAST, chunk)
        return False
    except InvalidTag:
        pass
    try:
        out.open(counter, _LAST, chunk)
    except InvalidTag:
        raise PayloadError(_OPAQUE) from None
    return True
