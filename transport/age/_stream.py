"""The age payload: ChaCha20-Poly1305 STREAM in 64 KiB chunks (age `internal/stream`).

Both directions run in constant memory: two fixed read buffers of `BATCH`
chunks each, alternated so the chunk held back (we only learn that a chunk is
the last one when the next read finds end of input) is never copied, and one
output buffer that the AEAD writes into (`encrypt_into`/`decrypt_into`, where
the installed `cryptography` has them) and that goes out in one write per
batch. No per-chunk allocation, few system calls.

`encrypt_pipelined` makes the same bytes for large inputs: reading, sealing
and each consumer of the ciphertext (hashing, writing) run in their own
thread, handing a fixed set of plaintext batches and output pages round (see
`transport._pipeline`); chunks are sealed straight into the output pages.

Decryption releases plaintext chunk by chunk, exactly as the reference
implementation does, so that a truncated or extended file yields the same
released prefix before `PayloadError` (the C2SP vectors check this).
"""

from __future__ import annotations

import mmap
from collections.abc import Callable, Sequence
from functools import partial
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from transport._pipeline import Channel, Pipeline
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


def _seal_into(
    aead: ChaCha20Poly1305, counter: int, last: bytes, chunk: memoryview, dest: memoryview
) -> None:
    """Seal one chunk into `dest` (exactly len(chunk) + TAG_SIZE bytes)."""
    if _HAS_INTO:
        aead.encrypt_into(_nonce(counter, last), chunk, None, dest)
    else:  # pragma: no cover - older cryptography
        dest[:] = aead.encrypt(_nonce(counter, last), chunk, None)


class _Output:
    """One preallocated output buffer, filled chunk by chunk and written per batch."""

    def __init__(self, aead: ChaCha20Poly1305, dst: Writable, size: int) -> None:
        self._aead = aead
        self._dst = dst
        self._buf = memoryview(bytearray(size))
        self._pos = 0

    def seal(self, counter: int, last: bytes, chunk: memoryview) -> None:
        end = self._pos + len(chunk) + TAG_SIZE
        _seal_into(self._aead, counter, last, chunk, self._buf[self._pos : end])
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


# Pipelined encryption. Plaintext moves in batches of SLOT_CHUNKS chunks (1 MiB: large
# enough that a hand-off between threads costs nothing next to the work on it); the
# output is laid out in a ring of RING_PAGES pages of PAGE bytes, page k holding bytes
# [k * PAGE, (k + 1) * PAGE) of the output, so that a sink that writes a file gets
# aligned blocks it can hand to the disk as they are (no copy).
SLOT_CHUNKS = 16
SLOTS = 6
PAGE = 1 << 20
RING_PAGES = 8

Sink = Callable[[int, memoryview], object]
"""Called with (offset of the bytes in the output, the bytes); must be done with them on return."""


class _Slot:
    """One batch of plaintext on its way from the reader to the cipher."""

    __slots__ = ("final", "first", "plain", "size")

    def __init__(self) -> None:
        self.plain = memoryview(bytearray(SLOT_CHUNKS * CHUNK_SIZE))
        self.size = 0  # plaintext bytes in `plain`
        self.first = 0  # the STREAM counter of its first chunk
        self.final = False  # whether its last chunk is the stream's last


class _Page:
    """One page of output on its way through the sinks."""

    __slots__ = ("offset", "view")

    def __init__(self, offset: int, view: memoryview) -> None:
        self.offset = offset
        self.view = view


def _read_stage(src: Readable, free: Channel[_Slot], sealing: Channel[_Slot | None]) -> None:
    """Fill batches from `src`. A full batch is sent on only once the next read
    shows whether more follows, since its last chunk's nonce depends on that."""
    counter = 0
    held: _Slot | None = None
    while True:
        slot = free.get()
        slot.size = src.readinto(slot.plain)
        if held is not None and slot.size == 0:
            free.put(slot)
            held.final = True
            sealing.put(held)
            break
        if held is not None:
            sealing.put(held)
        slot.first = counter
        counter += SLOT_CHUNKS
        if slot.size < len(slot.plain):  # end of input (an empty input: one empty chunk)
            slot.final = True
            sealing.put(slot)
            break
        slot.final = False
        held = slot
    sealing.put(None)


class _Ring:
    """The output pages, filled front to back by the cipher thread.

    A page is taken from `free` (which hands them back in order, every stage
    being first in, first out) before anything is written into it, and passed
    to `out` once full. Only a chunk that would wrap round the ring's end is
    sealed aside and copied; every other chunk is sealed in place.
    """

    def __init__(self, free: Channel[int], out: Channel[_Page | None]) -> None:
        # mmap: page-aligned memory, which direct disk writes of the pages require
        self._memory = memoryview(mmap.mmap(-1, RING_PAGES * PAGE))
        self._scratch = memoryview(bytearray(ENCRYPTED_CHUNK_SIZE))
        self._free = free
        self._out = out
        self.position = 0  # output bytes so far
        self._taken = 0  # pages taken so far
        self._sent = 0  # pages passed on so far

    def _take_through(self, end: int) -> None:
        while self._taken * PAGE < end:
            if self._free.get() != self._taken % RING_PAGES:  # pragma: no cover - a bug
                raise AssertionError("output pages came back out of order")
            self._taken += 1

    def _send_full(self) -> None:
        while (self._sent + 1) * PAGE <= self.position:
            self._send(PAGE)

    def _send(self, size: int) -> None:
        start = self._sent % RING_PAGES * PAGE
        self._out.put(_Page(self._sent * PAGE, self._memory[start : start + size]))
        self._sent += 1

    def append(self, data: memoryview) -> None:
        """Copy `data` in (for the few bytes before the payload)."""
        while data:
            self._take_through(self.position + 1)
            at = self.position % (RING_PAGES * PAGE)
            take = min(len(data), PAGE - at % PAGE)
            self._memory[at : at + take] = data[:take]
            data = data[take:]
            self.position += take
            self._send_full()

    def target(self, size: int) -> memoryview:
        """Where the next `size` output bytes go; `commit` once they are there."""
        self._take_through(self.position + size)
        at = self.position % (RING_PAGES * PAGE)
        if at + size <= len(self._memory):
            return self._memory[at : at + size]
        return self._scratch[:size]

    def commit(self, written: memoryview) -> None:
        size = len(written)
        at = self.position % (RING_PAGES * PAGE)
        if at + size > len(self._memory):  # sealed aside: split round the ring's end
            head = len(self._memory) - at
            self._memory[at:] = written[:head]
            self._memory[: size - head] = written[head:]
        self.position += size
        self._send_full()

    def close(self) -> None:
        """Pass on the last, partly filled page."""
        if self._sent * PAGE < self.position:
            self._send(self.position - self._sent * PAGE)
        self._out.put(None)


def _seal_stage(
    aead: ChaCha20Poly1305,
    prefix: bytes,
    sealing: Channel[_Slot | None],
    free_slots: Channel[_Slot],
    ring: _Ring,
) -> None:
    """Seal each batch's chunks into the output pages, in order, and give the
    batch back to the reader at once."""
    ring.append(memoryview(prefix))
    while (slot := sealing.get()) is not None:
        chunks = max(1, -(-slot.size // CHUNK_SIZE))
        for index in range(chunks):
            start = index * CHUNK_SIZE
            end = min(start + CHUNK_SIZE, slot.size)
            last = _LAST if slot.final and index == chunks - 1 else _NOT_LAST
            dest = ring.target(end - start + TAG_SIZE)
            _seal_into(aead, slot.first + index, last, slot.plain[start:end], dest)
            ring.commit(dest)
        free_slots.put(slot)
    ring.close()


def _sink_stage(
    sink: Sink,
    inbox: Channel[_Page | None],
    outbox: Channel[_Page | None] | None,
    free_pages: Channel[int],
) -> None:
    """Hand every page to `sink`, then on to the next sink (or back to be refilled)."""
    while (page := inbox.get()) is not None:
        sink(page.offset, page.view)
        if outbox is None:
            free_pages.put(page.offset // PAGE % RING_PAGES)
        else:
            outbox.put(page)
    if outbox is not None:
        outbox.put(None)


def encrypt_pipelined(
    key: bytes, src: Readable, sinks: Sequence[Sink], *, prefix: bytes = b""
) -> None:
    """Encrypt everything `src` yields; hand `prefix` + the STREAM chunks to each sink in turn.

    The same chunks as `encrypt`, but spread over threads so that the work
    uses every core: the calling thread reads (and so runs whatever `src` does
    on read, such as hashing), one thread seals, and each sink runs in its own
    thread. Every sink sees the whole output, in order, in pages of PAGE bytes
    at offsets that are multiples of PAGE (the last page may be shorter). The
    first exception of any of them stops all of them and is raised here; no
    thread outlives the call.
    """
    if not sinks:
        raise ValueError("encrypting to no sink at all")
    aead = ChaCha20Poly1305(key)
    with Pipeline() as pipe:
        free_slots: Channel[_Slot] = pipe.channel(SLOTS)
        for _ in range(SLOTS):
            free_slots.put(_Slot())
        free_pages: Channel[int] = pipe.channel(RING_PAGES)
        for index in range(RING_PAGES):
            free_pages.put(index)
        sealing: Channel[_Slot | None] = pipe.channel(SLOTS + 1)
        queues: list[Channel[_Page | None]] = [pipe.channel(RING_PAGES + 1) for _ in sinks]
        ring = _Ring(free_pages, queues[0])
        pipe.spawn("age-seal", partial(_seal_stage, aead, prefix, sealing, free_slots, ring))
        for index, sink in enumerate(sinks):
            outbox = queues[index + 1] if index + 1 < len(queues) else None
            pipe.spawn(
                f"age-sink-{index}", partial(_sink_stage, sink, queues[index], outbox, free_pages)
            )
        _read_stage(src, free_slots, sealing)


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
