"""Helpers for the extraction tests: drain documents into plain data to assert on."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from scanners.extract import ExtractedDocument, TableBlock, TextBlock
from scanners.findings import ScanStatus


@dataclass
class Drained:
    path: str
    kind: str
    status: ScanStatus
    error: str | None
    sha256: str | None
    texts: list[TextBlock] = field(default_factory=list)
    tables: list[tuple[TableBlock, list[tuple[int, tuple[str, ...]]]]] = field(default_factory=list)

    def all_text(self) -> str:
        parts = [b.text for b in self.texts]
        for table, rows in self.tables:
            parts.append(" ".join(table.header))
            parts.extend(" ".join(cells) for _, cells in rows)
        return "\n".join(parts)


def drain(documents: Iterable[ExtractedDocument]) -> list[Drained]:
    """Consume every document fully (blocks and rows), as a detector would."""
    out = []
    for doc in documents:
        texts: list[TextBlock] = []
        tables: list[tuple[TableBlock, list[tuple[int, tuple[str, ...]]]]] = []
        for block in doc.blocks:
            if isinstance(block, TableBlock):
                tables.append((block, list(block.rows)))
            else:
                texts.append(block)
        out.append(Drained(doc.path, doc.kind, doc.status, doc.error, doc.sha256, texts, tables))
    return out


def by_path(drained: list[Drained]) -> dict[str, Drained]:
    return {d.path: d for d in drained}


# --- a real PKWARE ("ZipCrypto") encrypted zip, which the stdlib cannot write ---


def _crc_table() -> list[int]:
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC = _crc_table()


def _crc_byte(crc: int, byte: int) -> int:
    return (crc >> 8) ^ _CRC[(crc ^ byte) & 0xFF]


def zipcrypto_zip(name: str, plaintext: bytes, password: bytes) -> bytes:
    """One stored member encrypted with traditional PKWARE encryption."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(byte: int) -> None:
        keys[0] = _crc_byte(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = _crc_byte(keys[2], keys[1] >> 24)

    def stream_byte() -> int:
        temp = (keys[2] | 2) & 0xFFFF
        return ((temp * (temp ^ 1)) >> 8) & 0xFF

    for byte in password:
        update(byte)
    crc = zlib.crc32(plaintext) & 0xFFFFFFFF
    header = bytes(range(11)) + bytes([crc >> 24])
    encrypted = bytearray()
    for byte in header + plaintext:
        encrypted.append(byte ^ stream_byte())
        update(byte)
    raw_name = name.encode()
    local = (
        struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0x1,
            0,
            0,
            0,
            crc,
            len(encrypted),
            len(plaintext),
            len(raw_name),
            0,
        )
        + raw_name
        + bytes(encrypted)
    )
    central = (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0x1,
            0,
            0,
            0,
            crc,
            len(encrypted),
            len(plaintext),
            len(raw_name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + raw_name
    )
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end
