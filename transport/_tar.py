"""POSIX tar, written as a stream of chunks and read back as hostile input.

Two readers, because the two tars we handle deserve different suspicion:

* `read_container_index` reads the outer `.pgrel` container. It accepts only
  what pii-guard writes (plain ustar headers, regular files, zero padding, zero
  end blocks) so that any single changed byte outside the signed and hashed
  member data is noticed here rather than ignored by a lenient parser.
* `iter_entries` reads the tar inside the payload from a non-seekable stream.
  It understands pax extended headers (long or non-ASCII names, large sizes),
  and hands back every entry's type so the caller refuses links and devices.

Headers are produced by `tarfile.TarInfo.tobuf`, so stock `tar` reads ours.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from transport.errors import TransportError

BLOCK = 512
END_OF_ARCHIVE = b"\0" * (2 * BLOCK)
USTAR_MAX_SIZE = 8**11 - 1  # the largest size a plain ustar header can state
MAX_PAX_HEADER = 64 * 1024  # real pax records are a few hundred bytes
_COPY = 1 << 20

REGULAR = "file"
DIRECTORY = "directory"
_TYPE_NAMES = {
    b"1": "hard link",
    b"2": "symbolic link",
    b"3": "character device",
    b"4": "block device",
    b"6": "fifo",
    b"7": "contiguous file",
    b"g": "pax global header",
    b"x": "pax extended header",
    b"L": "GNU long name",
    b"K": "GNU long link name",
    b"S": "GNU sparse file",
}


class TarFormatError(TransportError):
    """A tar stream that is malformed, truncated or holds what we refuse to read."""


def padding(size: int) -> bytes:
    """Zero bytes that round `size` up to a whole block."""
    return b"\0" * (-size % BLOCK)


def file_header(name: str, size: int, mtime: int, *, pax: bool) -> bytes:
    """The header block(s) of a regular file: 0644, owned by nobody in particular."""
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = 0o644
    info.type = tarfile.REGTYPE
    if pax:
        return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict")
    if size > USTAR_MAX_SIZE:
        raise TarFormatError(f"{name}: {size} bytes is more than a ustar member can hold")
    return info.tobuf(tarfile.USTAR_FORMAT, "ascii", "strict")


# --------------------------------------------------------------------------- header parsing


def _octal(field: bytes, what: str) -> int:
    """Strict octal: digits, then NUL or space padding only. No base-256, no signs."""
    digits = field.rstrip(b"\0 ")
    if not digits:
        return 0
    if digits.lstrip(b"0123456789") or b"8" in digits or b"9" in digits:
        raise TarFormatError(f"bad {what} field in tar header")
    return int(digits, 8)


def _checksum_ok(block: bytes) -> bool:
    field = block[148:156]
    computed = sum(block[:148]) + 8 * 0x20 + sum(block[156:])
    # What tarfile and GNU tar write: six octal digits, NUL, space.
    if len(field) != 8 or field[6:] != b"\0 " or not field[:6].isdigit():
        return False
    return _octal(field[:6], "checksum") == computed


def _name(block: bytes) -> bytes:
    name = block[0:100].split(b"\0", 1)[0]
    prefix = block[345:500].split(b"\0", 1)[0]
    return prefix + b"/" + name if prefix else name


@dataclass(frozen=True, slots=True)
class ContainerMember:
    """A regular file inside the outer container: where its data starts and how long it is."""

    name: str
    size: int
    offset: int


def _strict_header(block: bytes, position: int) -> tuple[str, int]:
    where = f"tar header at byte {position}"
    if not _checksum_ok(block):
        raise TarFormatError(f"{where}: checksum does not match")
    if block[257:265] != b"ustar\x0000":
        raise TarFormatError(f"{where}: not a POSIX ustar header")
    kind = block[156:157]
    if kind not in (b"0", b"\0"):
        label = _TYPE_NAMES.get(kind, "special entry")
        raise TarFormatError(f"{where}: member is a {label}, not a regular file")
    if block[157:257].strip(b"\0") or block[345:500].strip(b"\0") or block[500:512].strip(b"\0"):
        raise TarFormatError(f"{where}: unexpected link name, prefix or trailing bytes")
    raw = block[0:100]
    name_bytes = raw.split(b"\0", 1)[0]
    if raw[len(name_bytes) :].strip(b"\0"):
        raise TarFormatError(f"{where}: bytes after the member name")
    try:
        name = name_bytes.decode("ascii")
    except UnicodeDecodeError as error:
        raise TarFormatError(f"{where}: member name is not ASCII") from error
    size = _octal(block[124:136], "size")
    return name, size


def _all_zero(stream: BinaryIO, length: int) -> bool:
    while length > 0:
        chunk = stream.read(min(length, _COPY))
        if not chunk or chunk.strip(b"\0"):
            return False
        length -= len(chunk)
    return True


def read_container_index(
    stream: BinaryIO, total: int, *, max_members: int
) -> list[ContainerMember]:
    """Index the members of a seekable container, checking every byte outside member data.

    Raises TarFormatError naming the first thing wrong: a bad header, a special
    member, non-zero padding, truncation, a missing end, or data after the end.
    """
    if total % BLOCK:
        raise TarFormatError(f"size {total} is not a whole number of 512-byte blocks (truncated?)")
    members: list[ContainerMember] = []
    position = 0
    while True:
        stream.seek(position)
        block = stream.read(BLOCK)
        if len(block) < BLOCK:
            raise TarFormatError("archive ends without the end-of-archive marker (truncated?)")
        if not block.strip(b"\0"):
            break
        name, size = _strict_header(block, position)
        data = position + BLOCK
        end = data + size + (-size % BLOCK)
        if end > total:
            raise TarFormatError(f"member {name!r} runs past the end of the file (truncated?)")
        members.append(ContainerMember(name, size, data))
        if len(members) > max_members:
            names = ", ".join(m.name for m in members)
            raise TarFormatError(f"more than {max_members} members: {names}")
        stream.seek(data + size)
        if not _all_zero(stream, -size % BLOCK):
            raise TarFormatError(f"member {name!r} is followed by non-zero padding")
        position = end
    if total - position < 2 * BLOCK:
        raise TarFormatError("archive ends without the end-of-archive marker (truncated?)")
    stream.seek(position)
    if not _all_zero(stream, total - position):
        raise TarFormatError("data after the end-of-archive marker")
    return members


# --------------------------------------------------------------------------- streaming reader


class _Exact:
    """Reads exactly what was asked from a stream, or says it was truncated."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.position = 0

    def read(self, size: int) -> bytes:
        parts: list[bytes] = []
        wanted = size
        while wanted > 0:
            chunk = self._stream.read(min(wanted, _COPY))
            if not chunk:
                raise TarFormatError(f"tar stream truncated at byte {self.position}")
            parts.append(chunk)
            wanted -= len(chunk)
            self.position += len(chunk)
        return b"".join(parts)

    def skip(self, size: int) -> None:
        while size > 0:
            size -= len(self.read(min(size, _COPY)))


@dataclass(slots=True)
class TarEntry:
    """One entry of a streamed tar; `chunks()` must be drained before the next entry."""

    name: str
    kind: str  # REGULAR, DIRECTORY or a refused kind's label
    size: int
    _source: _Exact
    _remaining: int

    def chunks(self) -> Iterator[bytes]:
        while self._remaining > 0:
            chunk = self._source.read(min(self._remaining, _COPY))
            self._remaining -= len(chunk)
            yield chunk

    def _finish(self) -> None:
        self._source.skip(self._remaining)
        self._remaining = 0
        self._source.skip(-self.size % BLOCK)


def _parse_pax(data: bytes) -> dict[str, str]:
    records: dict[str, str] = {}
    rest = data
    while rest:
        if not rest.strip(b"\0"):
            break
        length_text, space, _ = rest.partition(b" ")
        if not space or not length_text.isdigit() or len(length_text) > 8:
            raise TarFormatError("malformed pax extended header")
        length = int(length_text)
        record = rest[:length]
        if length <= len(length_text) + 1 or len(record) != length or not record.endswith(b"\n"):
            raise TarFormatError("malformed pax extended header")
        keyword, equals, value = record[len(length_text) + 1 : -1].partition(b"=")
        if not equals:
            raise TarFormatError("malformed pax extended header")
        try:
            records[keyword.decode("utf-8")] = value.decode("utf-8")
        except UnicodeDecodeError as error:
            raise TarFormatError("pax extended header is not UTF-8") from error
        rest = rest[length:]
    return records


def iter_entries(stream: BinaryIO) -> Iterator[TarEntry]:
    """Entries of a tar read front to back, in constant memory.

    Raises TarFormatError for anything malformed or truncated; the caller
    decides what to do with directories and refuses every other kind.
    """
    source = _Exact(stream)
    pax: dict[str, str] = {}
    while True:
        start = source.position
        block = source.read(BLOCK)
        if not block.strip(b"\0"):
            source.read(BLOCK)  # the second end block: its absence means truncation
            if pax:
                raise TarFormatError("pax extended header not followed by an entry")
            return
        if not _checksum_ok(block):
            raise TarFormatError(f"tar header at byte {start}: checksum does not match")
        if block[257:263] != b"ustar\x00":
            raise TarFormatError(f"tar header at byte {start}: not a POSIX ustar/pax header")
        kind = block[156:157]
        size = _octal(block[124:136], "size")
        if kind == b"x":
            if size > MAX_PAX_HEADER:
                raise TarFormatError(f"tar header at byte {start}: oversized pax header")
            pax = _parse_pax(source.read(size))
            source.skip(-size % BLOCK)
            continue
        if "size" in pax:
            if not pax["size"].isdigit():
                raise TarFormatError(f"tar header at byte {start}: bad pax size")
            size = int(pax["size"])
        if "path" in pax:
            name = pax["path"]
        else:
            try:
                name = _name(block).decode("utf-8")
            except UnicodeDecodeError as error:
                raise TarFormatError(f"tar header at byte {start}: name is not UTF-8") from error
        pax = {}
        if kind in (b"0", b"\0"):
            label = REGULAR
        elif kind == b"5":
            label = DIRECTORY
        else:
            label = _TYPE_NAMES.get(kind, f"entry of type {kind!r}")
        entry = TarEntry(name, label, size, source, size if label == REGULAR else 0)
        if label != REGULAR:
            source.skip(size + (-size % BLOCK))
            entry.size = 0
        yield entry
        entry._finish()


def safe_member_path(name: str) -> tuple[str, ...]:
    """The parts of a member name that is safe to create under a fresh directory.

    Refuses absolute names, `..`, `.`, empty parts, NUL and backslashes: a
    member must land inside the destination whatever the platform.
    """
    trimmed = name[:-1] if name.endswith("/") else name
    if not trimmed or trimmed.startswith("/") or "\0" in trimmed or "\\" in trimmed:
        raise TarFormatError(f"refusing member {name!r}: not a plain relative path")
    parts = tuple(trimmed.split("/"))
    if any(part in ("", ".", "..") for part in parts):
        raise TarFormatError(f"refusing member {name!r}: not a plain relative path")
    if len(trimmed.encode("utf-8", "surrogatepass")) > 4096 or any(len(p) > 255 for p in parts):
        raise TarFormatError(f"refusing member {name!r}: name too long")
    return parts
