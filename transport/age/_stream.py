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


class PayloadWriter:
    """Push-style encryption: `write` any amount, `close` seals the final chunk.

    One full chunk is always held back until more data (or `close`) says
    whether it is the last one.
    """

    def __init__(self, key: bytes, dst: Writable) -> None:
        self._out = _Output(ChaCha20Poly1305(key), dst, ENCRYPTED_CHUNK_SIZE)
        self._chunk = memoryview(bytearray(CHUNK_SIZE))
        self._filled = 0
        self._counter = 0
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview, /) -> int:
        if self._closed:
            raise ValueError("write to a closed age writer")
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            if self._filled == CHUNK_SIZE:  # more data follows: the held chunk is not last
                self._out.seal(self._counter, _NOT_LAST, self._chunk)
                self._out.flush()
                self._counter += 1
                self._filled = 0
            take = min(CHUNK_SIZE - self._filled, len(view))
            self._chunk[self._filled : self._filled + take] = view[:take]
            self._filled += take
            view = view[take:]
        return size

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._out.seal(self._counter, _LAST, self._chunk[: self._filled])
            self._out.flush()


class PayloadReader:
    """Pull-style decryption; the one implementation of STREAM's decryption rules.

    A chunk's plaintext is released only once its tag checks. Errors found
    after a chunk authenticated (data after the final chunk, no final chunk)
    are raised on the read that follows its release, as age does.
    """

    def __init__(self, key: bytes, src: Readable) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._src = src
        self._in = memoryview(bytearray(ENCRYPTED_CHUNK_SIZE + 1))  # a chunk + 1 look-ahead byte
        self._have = 0
        self._plain = memoryview(bytearray(CHUNK_SIZE))
        self._pending = memoryview(b"")
        self._counter = 0
        self._done = False
        self._error: PayloadError | None = None

    def readinto(self, target: memoryview) -> int:
        """Plaintext into `target`; 0 only at the authenticated end of the stream."""
        while not self._pending:
            if self._error is not None:
                raise self._error
            if self._done:
                return 0
            if len(target) >= CHUNK_SIZE:  # room for a whole chunk: no extra copy
                got = self._next_chunk(target)
                if got:
                    return got
                continue
            self._pending = self._plain[: self._next_chunk(self._plain)]
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            out = bytearray()
            while chunk := self.read(CHUNK_SIZE):
                out += chunk
            return bytes(out)
        buf = bytearray(size)
        return bytes(buf[: self.readinto(memoryview(buf))])

    def _open(self, dest: memoryview, chunk: memoryview, last: bytes) -> int:
        size = len(chunk) - TAG_SIZE
        if size < 0:
            raise InvalidTag
        nonce = _nonce(self._counter, last)
        if _HAS_INTO:
            self._aead.decrypt_into(nonce, chunk, None, dest[:size])
        else:  # pragma: no cover - older cryptography
            dest[:size] = self._aead.decrypt(nonce, chunk, None)
        return size

    def _open_full(self, dest: memoryview, chunk: memoryview) -> tuple[int, bool]:
        """A full-size chunk may be final or not; its tag tells which (as age does)."""
        try:
            return self._open(dest, chunk, _NOT_LAST), False
        except InvalidTag:
            pass
        try:
            return self._open(dest, chunk, _LAST), True
        except InvalidTag:
            raise PayloadError(_OPAQUE) from None

    def _next_chunk(self, dest: memoryview) -> int:
        """Decrypt the next chunk into `dest`; sets `_done` or `_error` when the stream ends."""
        got = self._src.readinto(self._in[self._have :])
        total = self._have + got
        if total == len(self._in):  # a full chunk, and more data after it
            size, last = self._open_full(dest, self._in[:ENCRYPTED_CHUNK_SIZE])
            self._counter += 1
            if last:
                self._error = PayloadError(_OPAQUE)  # data after the final chunk
            self._in[0] = self._in[ENCRYPTED_CHUNK_SIZE]
            self._have = 1
            return size
        self._done = True
        chunk = self._in[:total]
        if total == 0:
            raise PayloadError(_OPAQUE)  # no final chunk (or no chunk at all)
        if total == ENCRYPTED_CHUNK_SIZE:
            size, last = self._open_full(dest, chunk)
            if not last:
                self._error = PayloadError(_OPAQUE)  # truncated: no final chunk
            return size
        if self._counter > 0 and total == TAG_SIZE:
            raise PayloadError(_OPAQUE)  # only an empty payload may end in an empty chunk
        try:
            return self._open(dest, chunk, _LAST)
        except InvalidTag:
            raise PayloadError(_OPAQUE) from None
