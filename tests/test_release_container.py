"""The outer .pgrel tar: only what pii-guard writes is accepted, byte for byte."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transport._tar import (
    BLOCK,
    END_OF_ARCHIVE,
    TarFormatError,
    file_header,
    padding,
    read_container_index,
)

MEMBERS = {"payload.age": b"P" * 700, "manifest.json": b'{"a":1}', "manifest.json.sig": b"S" * 300}


def container(members: dict[str, bytes] = MEMBERS, tail: bytes = END_OF_ARCHIVE) -> bytes:
    parts = []
    for name, data in members.items():
        parts += [file_header(name, len(data), 1_700_000_000, pax=False), data, padding(len(data))]
    return b"".join(parts) + tail


def index(raw: bytes) -> list[tuple[str, bytes]]:
    stream = io.BytesIO(raw)
    found = read_container_index(stream, len(raw), max_members=3)
    return [(m.name, raw[m.offset : m.offset + m.size]) for m in found]


def _data_positions(raw: bytes) -> set[int]:
    stream = io.BytesIO(raw)
    found = read_container_index(stream, len(raw), max_members=3)
    return {p for m in found for p in range(m.offset, m.offset + m.size)}


def test_index_finds_each_member_and_stock_tar_agrees(tmp_path: Path) -> None:
    raw = container()
    assert index(raw) == list(MEMBERS.items())
    path = tmp_path / "x.pgrel"
    path.write_bytes(raw)
    listing = subprocess.run(
        ["tar", "-t", "-f", str(path)], capture_output=True, text=True, check=True
    )
    assert listing.stdout.split() == list(MEMBERS)


def test_every_byte_outside_member_data_is_checked() -> None:
    raw = container()
    data = _data_positions(raw)
    unchecked = []
    for position in range(len(raw)):
        if position in data:
            continue
        for flip in (0x01, 0x80):
            changed = bytearray(raw)
            changed[position] ^= flip
            try:
                index(bytes(changed))
            except TarFormatError:
                continue
            unchecked.append((position, flip))
    assert unchecked == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (container()[:-BLOCK], "end-of-archive"),
        (container()[: 3 * BLOCK], "truncated|end-of-archive"),
        (container()[:1000], "whole number of 512-byte blocks"),
        (container(tail=END_OF_ARCHIVE + b"\0" * 511 + b"x"), "after the end-of-archive"),
        (container({**MEMBERS, "extra": b"x"}), "more than 3 members"),
        (container()[BLOCK:], "checksum|ustar"),
    ],
)
def test_truncation_trailing_data_and_extra_members_are_named(raw: bytes, message: str) -> None:
    with pytest.raises(TarFormatError, match=message):
        index(raw)


def test_links_and_pax_headers_are_refused() -> None:
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        link = tarfile.TarInfo("manifest.json")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    with pytest.raises(TarFormatError, match="symbolic link"):
        index(buffer.getvalue())
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info = tarfile.TarInfo("é" * 10)
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(TarFormatError, match="pax extended header"):
        index(buffer.getvalue())


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=4096),
    st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 255)), max_size=6),
)
def test_fuzzed_containers_give_only_clear_errors(
    junk: bytes, flips: list[tuple[int, int]]
) -> None:
    raw = bytearray(container() if len(junk) % 2 else junk)
    for position, value in flips:
        if raw:
            raw[position % len(raw)] = value
    try:
        index(bytes(raw))
    except TarFormatError as error:
        assert str(error)
