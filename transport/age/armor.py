"""ASCII armor for age files (age `armor/armor.go`, the spec's "ASCII armor").

Strict like the reference reader: canonical padded base64 in lines of exactly
64 columns but the last, LF or CRLF line ends, whitespace only around the
armor (bounded), and nothing else.
"""

from __future__ import annotations

import base64
import binascii
from typing import BinaryIO

from transport.age._format import ByteSource, Source
from transport.errors import ArmorError

HEADER = b"-----BEGIN AGE ENCRYPTED FILE-----"
FOOTER = b"-----END AGE ENCRYPTED FILE-----"
COLUMNS_PER_LINE = 64
BYTES_PER_LINE = COLUMNS_PER_LINE // 4 * 3
MAX_WHITESPACE = 1024
_MAX_LINE = max(len(HEADER), COLUMNS_PER_LINE) + 2


class ArmorReader:
    """A binary reader of the bytes inside an armored age file, decoded line by line."""

    def __init__(self, raw: ByteSource) -> None:
        self._src = Source(raw)
        self._pending = memoryview(b"")
        self._started = False
        self._done = False

    def _line(self) -> bytes:
        line = self._src.readline(_MAX_LINE)
        if not line:
            raise ArmorError("armored age file: unexpected end of input")
        if line.endswith(b"\n"):
            line = line[:-1]
        elif len(line) == _MAX_LINE:
            raise ArmorError("armored age file: line too long")
        return line[:-1] if line.endswith(b"\r") else line

    def _start(self) -> None:
        skipped = 0
        while True:
            line = self._line()
            if not line.strip():
                skipped += len(line) + 1
                if skipped > MAX_WHITESPACE:
                    raise ArmorError("armored age file: too much leading whitespace")
                continue
            if line != HEADER:
                raise ArmorError("not an age file: neither binary age nor its ASCII armor")
            self._started = True
            return

    def _drain(self) -> None:
        rest = self._src.peek(MAX_WHITESPACE + 1)
        if rest.strip():
            raise ArmorError("armored age file: data after the end line")
        if len(rest) > MAX_WHITESPACE:
            raise ArmorError("armored age file: too much trailing whitespace")
        self._done = True

    def _next_line(self) -> bytes:
        if not self._started:
            self._start()
        line = self._line()
        if line == FOOTER:
            self._drain()
            return b""
        if not line:
            raise ArmorError("armored age file: empty line")
        if len(line) > COLUMNS_PER_LINE:
            raise ArmorError("armored age file: line longer than 64 columns")
        try:
            data = base64.b64decode(line, validate=True)
        except (binascii.Error, ValueError):
            raise ArmorError("armored age file: invalid base64") from None
        if base64.b64encode(data) != line:
            raise ArmorError("armored age file: base64 is not canonical")
        if len(data) < BYTES_PER_LINE:
            if self._line() != FOOTER:
                raise ArmorError("armored age file: a short line must be the last")
            self._drain()
        return data

    def readinto(self, target: memoryview) -> int:
        done = 0
        while done < len(target):
            if not self._pending:
                if self._done:
                    break
                self._pending = memoryview(self._next_line())
                continue
            n = min(len(self._pending), len(target) - done)
            target[done : done + n] = self._pending[:n]
            self._pending = self._pending[n:]
            done += n
        return done

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = 1 << 20
        buf = bytearray(size)
        n = self.readinto(memoryview(buf))
        return bytes(buf[:n])


class ArmorWriter:
    """Writes armored output; `close()` writes the final line and the end line."""

    def __init__(self, dst: BinaryIO) -> None:
        self._dst = dst
        self._pending = bytearray()
        dst.write(HEADER + b"\n")

    def write(self, data: bytes | bytearray | memoryview, /) -> int:
        self._pending += data
        whole = len(self._pending) // BYTES_PER_LINE * BYTES_PER_LINE
        if whole:
            encoded = base64.b64encode(self._pending[:whole])
            lines = [encoded[i : i + COLUMNS_PER_LINE] for i in range(0, len(encoded), 64)]
            self._dst.write(b"\n".join(lines) + b"\n")
            del self._pending[:whole]
        return len(data)

    def close(self) -> None:
        if self._pending:
            self._dst.write(base64.b64encode(self._pending) + b"\n")
            self._pending.clear()
        self._dst.write(FOOTER + b"\n")


def looks_binary(start: bytes) -> bool:
    """True for input that starts like a binary age file (or is empty or truncated)."""
    prefix = b"age-encryption.org/"
    return start[: len(prefix)] == prefix[: len(start)]
