"""The age v1 header: parse and serialise, strictly (age `internal/format`).

Parsing is strict so that there is exactly one encoding of every header: the
MAC can then be checked over the bytes as read, and nothing malleable reaches
the recipient code. Sizes are bounded so that hostile input cannot make us
read or hold more than `MAX_HEADER_BYTES`.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from transport.errors import HeaderError

INTRO = b"age-encryption.org/v1\n"
STANZA_PREFIX = b"->"
FOOTER_PREFIX = b"---"
COLUMNS_PER_LINE = 64
BYTES_PER_LINE = COLUMNS_PER_LINE // 4 * 3
MAC_SIZE = 32

MAX_LINE_BYTES = 16 * 1024
MAX_HEADER_BYTES = 1024 * 1024
_READ_SIZE = 64 * 1024

_RAW_B64 = re.compile(rb"[A-Za-z0-9+/]*")


def b64encode(data: bytes) -> str:
    """Unpadded standard base64, as every age header field is written."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: bytes | str) -> bytes:
    """Strict unpadded base64: canonical only, no padding, no whitespace."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else text
    if _RAW_B64.fullmatch(raw) is None or len(raw) % 4 == 1:
        raise ValueError("not canonical unpadded base64")
    try:
        decoded = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except binascii.Error as error:
        raise ValueError("not canonical unpadded base64") from error
    if base64.b64encode(decoded).rstrip(b"=") != raw:
        raise ValueError("not canonical unpadded base64")
    return decoded


def _valid_arg(arg: bytes) -> bool:
    return bool(arg) and all(33 <= c <= 126 for c in arg)


@dataclass(frozen=True, slots=True)
class Stanza:
    """One recipient stanza: a type, its arguments and the wrapped file key."""

    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True, slots=True)
class Header:
    """A parsed header; `mac_input` is the exact bytes the header MAC covers."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    mac_input: bytes


class ByteSource(Protocol):
    """Anything with `read`: the caller's file, or an armor decoder."""

    def read(self, size: int, /) -> bytes: ...


class Source:
    """A buffered reader over the caller's stream that we control exactly.

    The header is read line by line from our own buffer, and the payload code
    then continues from the same buffer, so we never depend on the caller's
    stream having a precise `readline` or `peek`.
    """

    def __init__(self, raw: ByteSource) -> None:
        self._raw = raw
        self._buf = bytearray()
        self._pos = 0
        self._eof = False
        self._readinto: Callable[[memoryview], int | None] | None = getattr(raw, "readinto", None)

    def _fill(self) -> bool:
        if self._eof:
            return False
        chunk = self._raw.read(_READ_SIZE)
        if not chunk:
            self._eof = True
            return False
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += chunk
        return True

    def peek(self, size: int) -> bytes:
        """Up to `size` bytes without consuming them (fewer only at end of input)."""
        while len(self._buf) - self._pos < size and self._fill():
            pass
        return bytes(self._buf[self._pos : self._pos + size])

    def readline(self, limit: int) -> bytes:
        """One line including its LF; without LF when `limit` is hit or input ends."""
        while True:
            end = min(len(self._buf), self._pos + limit)
            newline = self._buf.find(b"\n", self._pos, end)
            if newline >= 0:
                return self._take(newline + 1)
            if end - self._pos >= limit:
                return self._take(end)
            if not self._fill():
                return self._take(len(self._buf))

    def _take(self, end: int) -> bytes:
        data = bytes(self._buf[self._pos : end])
        self._pos = end
        return data

    def read(self, size: int) -> bytes:
        """Up to `size` bytes (fewer only at end of input)."""
        buf = bytearray(size)
        return bytes(buf[: self.readinto(memoryview(buf))])

    def readinto(self, target: memoryview) -> int:
        """Fill `target` as far as possible; returns fewer bytes only at end of input."""
        done = 0
        buffered = len(self._buf) - self._pos
        if buffered:
            done = min(buffered, len(target))
            target[:done] = self._buf[self._pos : self._pos + done]
            self._pos += done
            if self._pos == len(self._buf):
                self._buf.clear()
                self._pos = 0
        while done < len(target) and not self._eof:
            if self._readinto is not None:
                got = self._readinto(target[done:])
            else:
                data = self._raw.read(len(target) - done)
                target[done : done + len(data)] = data
                got = len(data)
            if not got:
                self._eof = True
                break
            done += got
        return int(done)


def _split(line: bytes) -> tuple[bytes, list[bytes]]:
    parts = line.split(b" ")
    return parts[0], parts[1:]


def _read_line(source: Source, budget: list[int]) -> bytes:
    line = source.readline(min(MAX_LINE_BYTES, budget[0]) + 1)
    budget[0] -= len(line)
    if budget[0] < 0:
        raise HeaderError("malformed age header: header too large")
    if not line.endswith(b"\n"):
        raise HeaderError("malformed age header: line too long or unexpected end of input")
    return line[:-1]


def parse_header(source: Source) -> Header:
    """Read exactly the header from `source`, leaving it at the first payload byte."""
    budget = [MAX_HEADER_BYTES]
    intro = source.readline(len(INTRO))
    budget[0] -= len(intro)
    if not intro:
        raise HeaderError("malformed age header: the file is empty")
    if intro != INTRO:
        raise HeaderError("malformed age header: not an age v1 file")
    consumed = [intro]
    stanzas: list[Stanza] = []
    while True:
        peek = source.peek(len(FOOTER_PREFIX))
        if peek == FOOTER_PREFIX:
            line = _read_line(source, budget)
            prefix, args = _split(line)
            if prefix != FOOTER_PREFIX or len(args) != 1:
                raise HeaderError("malformed age header: bad closing line")
            try:
                mac = b64decode(args[0])
            except ValueError:
                raise HeaderError("malformed age header: bad MAC encoding") from None
            if len(mac) != MAC_SIZE:
                raise HeaderError("malformed age header: bad MAC length")
            consumed.append(FOOTER_PREFIX)
            return Header(tuple(stanzas), mac, b"".join(consumed))
        if peek[: len(STANZA_PREFIX)] != STANZA_PREFIX:
            raise HeaderError("malformed age header: unexpected line")
        line = _read_line(source, budget)
        consumed.append(line + b"\n")
        prefix, args = _split(line)
        if prefix != STANZA_PREFIX or not args or not all(_valid_arg(a) for a in args):
            raise HeaderError("malformed age header: bad recipient stanza line")
        body = bytearray()
        while True:
            body_line = _read_line(source, budget)
            consumed.append(body_line + b"\n")
            if len(body_line) > COLUMNS_PER_LINE:
                raise HeaderError("malformed age header: stanza body line too long")
            try:
                chunk = b64decode(body_line)
            except ValueError:
                raise HeaderError("malformed age header: bad stanza body encoding") from None
            body += chunk
            if len(chunk) < BYTES_PER_LINE:
                break
        stanzas.append(
            Stanza(args[0].decode("ascii"), tuple(a.decode("ascii") for a in args[1:]), bytes(body))
        )


def encode_header_without_mac(stanzas: Sequence[Stanza]) -> bytes:
    """The header up to and including `---`: what the MAC covers."""
    out = [INTRO]
    for stanza in stanzas:
        out.append(
            b" ".join([STANZA_PREFIX, *(a.encode("ascii") for a in (stanza.type, *stanza.args))])
        )
        out.append(b"\n")
        encoded = b64encode(stanza.body).encode("ascii")
        for i in range(0, len(encoded), COLUMNS_PER_LINE):
            out.append(encoded[i : i + COLUMNS_PER_LINE] + b"\n")
        if len(encoded) % COLUMNS_PER_LINE == 0:
            out.append(b"\n")  # every body ends with a short line, even an empty one
    out.append(FOOTER_PREFIX)
    return b"".join(out)


def encode_mac_line(mac: bytes) -> bytes:
    return b" " + b64encode(mac).encode("ascii") + b"\n"
