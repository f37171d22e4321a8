"""SSH wire encoding (RFC 4251 §5) shared by keys and SSHSIG: bounded, strict reads."""

from __future__ import annotations

import struct

from transport.errors import SignatureError


def string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class WireReader:
    """Reads SSH wire fields; any shortfall raises SignatureError (its callers' error)."""

    def __init__(self, data: bytes, what: str) -> None:
        self._data = data
        self._pos = 0
        self._what = what

    def _fail(self, why: str) -> SignatureError:
        return SignatureError(f"malformed {self._what}: {why}")

    def raw(self, size: int) -> bytes:
        if size < 0 or self._pos + size > len(self._data):
            raise self._fail("truncated")
        out = self._data[self._pos : self._pos + size]
        self._pos += size
        return out

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.raw(4))[0]
        return value

    def string(self) -> bytes:
        return self.raw(self.uint32())

    def text(self) -> str:
        try:
            return self.string().decode("utf-8")
        except UnicodeDecodeError:
            raise self._fail("text field is not UTF-8") from None

    def end(self) -> None:
        if self._pos != len(self._data):
            raise self._fail("trailing bytes")
