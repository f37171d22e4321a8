"""BagIt (RFC 8493) bags as tar streams: written without touching the disk, read back hostile-safe.

A release's payload is a bag. `BagStream` produces the tar of that bag as a
readable stream that the age encryptor pulls from: the records are never
copied to disk in plaintext on the sender's side. Each record is read a second
time while it is written and must match the size and SHA-256 taken in the
first pass, so a file edited between hashing and encrypting aborts the release
(`SourceChangedError`).

`extract_bag` is the other end: it takes the entries of a decrypted tar,
writes them under a fresh directory (refusing links, devices, escaping names
and duplicates), hashes as it writes, and validates the bag's manifests. Every
problem found is collected into one `BagInvalidError`, as bagit-python's
`BagValidationError` does.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from transport._tar import (
    DIRECTORY,
    END_OF_ARCHIVE,
    REGULAR,
    TarEntry,
    TarFormatError,
    file_header,
    padding,
    safe_member_path,
)
from transport.errors import TransportError, VerificationError

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
PAYLOAD_MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
BAG_INFO = "bag-info.txt"
BAG_DECLARATION = "bagit.txt"
_RESERVED_TAGS = frozenset({BAG_DECLARATION, BAG_INFO, PAYLOAD_MANIFEST, TAG_MANIFEST})
MAX_TAG_BYTES = 32 * 1024 * 1024  # tag files are read into memory: bound them
_READ = 1 << 20


class SourceChangedError(TransportError):
    """A record changed between the hashing pass and the encrypting pass."""


class BagInvalidError(VerificationError):
    """A bag that does not validate; `problems` lists everything wrong with it."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("bag does not validate: " + "; ".join(self.problems))


@dataclass(frozen=True, slots=True)
class PayloadFile:
    """A file to put under `data/`, with the size and digest of the hashing pass."""

    path: str  # relative to data/, '/'-separated
    source: Path
    size: int
    sha256: str


def _encode_path(path: str) -> str:
    """RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _decode_path(path: str) -> str:
    return (
        path.replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%25", "%")
    )


def _info_line(label: str, value: str) -> str:
    flat = " ".join(value.split())
    return f"{label}: {flat}\n"


class _RecordReader:
    """One record read straight into the caller's buffer, hashed as it lands there.

    This is the encrypting pass: the bytes hashed are the very bytes the
    encryptor then seals (no copy between them), and at the end they must match
    the size and SHA-256 of the hashing pass.
    """

    def __init__(self, item: PayloadFile) -> None:
        self._item = item
        self._digest = hashlib.sha256()
        self._left = item.size
        try:
            self._handle = item.source.open("rb", buffering=0)
        except OSError as error:
            raise self._unreadable(error) from error

    def _unreadable(self, error: OSError) -> SourceChangedError:
        return SourceChangedError(f"{self._item.source}: cannot be read again: {error.strerror}")

    def readinto(self, target: memoryview) -> int:
        """Fill `target` from the record; 0 once all of it is read and checked."""
        if self._left > 0:
            try:
                got = self._handle.readinto(target[: min(len(target), self._left)])
            except OSError as error:
                self._handle.close()
                raise self._unreadable(error) from error
            if got:
                self._digest.update(target[:got])
                self._left -= got
                return got
        self._finish()
        return 0

    def _finish(self) -> None:
        try:
            grew = bool(self._handle.read(1))
        except OSError as error:
            raise self._unreadable(error) from error
        finally:
            self._handle.close()
        if self._left or grew or self._digest.hexdigest() != self._item.sha256:
            raise SourceChangedError(
                f"{self._item.source}: changed after it was hashed; release aborted"
            )

    def close(self) -> None:
        self._handle.close()


def _member(name: str, data: bytes, mtime: int) -> Iterator[bytes]:
    yield file_header(name, len(data), mtime, pax=True)
    yield data
    yield padding(len(data))


def _segments(
    bag_name: str,
    files: Sequence[PayloadFile],
    *,
    bag_info: Sequence[tuple[str, str]],
    extra_tags: Mapping[str, bytes],
    mtime: int,
) -> Iterator[bytes | PayloadFile]:
    """The bag's tar as small byte strings (headers, tag files, padding) and records."""
    safe_member_path(bag_name)
    if "/" in bag_name:
        raise TransportError(f"bag name {bag_name!r} must be a single path component")
    paths = [f"data/{item.path}" for item in files]
    if len(set(paths)) != len(paths):
        raise TransportError("two payload files would have the same name in the bag")
    for path in paths:
        safe_member_path(path)
    for name in extra_tags:
        if name in _RESERVED_TAGS or name.startswith("data/") or "/" in name:
            raise TransportError(f"extra tag file name {name!r} is reserved or nested")
    tags: dict[str, bytes] = {BAG_DECLARATION: BAGIT_TXT}
    yield from _member(f"{bag_name}/{BAG_DECLARATION}", BAGIT_TXT, mtime)
    for path, item in zip(paths, files, strict=True):
        yield file_header(f"{bag_name}/{path}", item.size, mtime, pax=True)
        yield item
        yield padding(item.size)
    manifest = "".join(
        f"{item.sha256}  {_encode_path(path)}\n" for path, item in zip(paths, files, strict=True)
    ).encode("utf-8")
    octets = sum(item.size for item in files)
    info_lines = [_info_line(label, value) for label, value in bag_info]
    info_lines.append(_info_line("Payload-Oxum", f"{octets}.{len(files)}"))
    info = "".join(info_lines).encode("utf-8")
    tags[PAYLOAD_MANIFEST] = manifest
    tags[BAG_INFO] = info
    tags.update(sorted(extra_tags.items()))
    for name in sorted(tags):
        if name != BAG_DECLARATION:
            yield from _member(f"{bag_name}/{name}", tags[name], mtime)
    tagmanifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {_encode_path(name)}\n"
        for name, data in sorted(tags.items())
    ).encode("utf-8")
    yield from _member(f"{bag_name}/{TAG_MANIFEST}", tagmanifest, mtime)
    yield END_OF_ARCHIVE


class BagStream:
    """The tar of a bag as a readable stream (`readinto`), for the age encryptor.

    Records are read straight into the reader's buffer and hashed there, so
    each record byte is read once, hashed once and copied by nobody before the
    cipher sees it. Raises SourceChangedError when a record is not what the
    hashing pass saw (the manifests, written after the records, are never
    produced for bytes that differ).
    """

    def __init__(
        self,
        bag_name: str,
        files: Sequence[PayloadFile],
        *,
        bag_info: Sequence[tuple[str, str]],
        extra_tags: Mapping[str, bytes],
        mtime: int,
    ) -> None:
        self._segments = _segments(
            bag_name, files, bag_info=bag_info, extra_tags=extra_tags, mtime=mtime
        )
        self._pending = memoryview(b"")
        self._record: _RecordReader | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, target: memoryview) -> int:
        """Up to len(target) bytes of the bag; 0 only at its end."""
        view = memoryview(target).cast("B")
        while True:
            if self._pending:
                count = min(len(view), len(self._pending))
                view[:count] = self._pending[:count]
                self._pending = self._pending[count:]
                return count
            if self._record is not None:
                got = self._record.readinto(view)
                if got:
                    return got
                self._record = None
            segment = next(self._segments, None)
            if segment is None:
                return 0
            if isinstance(segment, PayloadFile):
                self._record = _RecordReader(segment)
            else:
                self._pending = memoryview(segment)

    def close(self) -> None:
        if self._record is not None:
            self._record.close()
            self._record = None


def bag_chunks(
    bag_name: str,
    files: Sequence[PayloadFile],
    *,
    bag_info: Sequence[tuple[str, str]],
    extra_tags: Mapping[str, bytes],
    mtime: int,
) -> Iterator[bytes]:
    """The tar of a bag whose base directory is `bag_name`, as a stream of chunks.

    `extra_tags` are tag files beside bagit.txt (e.g. the manifest copy); they
    are listed in the tag manifest. Raises SourceChangedError when a record is not
    what the hashing pass saw. (A convenience over `BagStream`, which packing uses.)
    """
    stream = BagStream(bag_name, files, bag_info=bag_info, extra_tags=extra_tags, mtime=mtime)
    buffer = bytearray(_READ)
    view = memoryview(buffer)
    try:
        while got := stream.readinto(view):
            yield bytes(view[:got])
    finally:
        stream.close()


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Bag:
    """A bag extracted and validated: where it is and what it holds."""

    name: str
    root: Path
    payload: Mapping[str, tuple[int, str]]  # "data/..." -> (size, sha256)
    tags: Mapping[str, bytes]  # tag files at the bag's top, by name

    def bag_info(self) -> list[tuple[str, str]]:
        """bag-info.txt as (label, value) pairs, continuation lines joined."""
        pairs: list[tuple[str, str]] = []
        for line in self.tags.get(BAG_INFO, b"").decode("utf-8").splitlines():
            if line[:1] in (" ", "\t") and pairs:
                label, value = pairs[-1]
                pairs[-1] = (label, f"{value} {line.strip()}")
            elif ":" in line:
                label, _, value = line.partition(":")
                pairs.append((label.strip(), value.strip()))
        return pairs


def _create(path: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o600)


def _write_entry(entry: TarEntry, target: Path, keep: bool) -> tuple[int, str, bytes]:
    """Write one regular entry to a new file; return size, sha256 and (for tags) the bytes."""
    digest = hashlib.sha256()
    kept: list[bytes] = []
    written = 0
    try:
        fd = _create(target)
    except FileExistsError as error:
        raise TarFormatError(f"refusing member {entry.name!r}: it appears twice") from error
    except OSError as error:
        raise TarFormatError(f"refusing member {entry.name!r}: {error.strerror}") from error
    with os.fdopen(fd, "wb") as handle:
        for chunk in entry.chunks():
            handle.write(chunk)
            digest.update(chunk)
            written += len(chunk)
            if keep:
                if written > MAX_TAG_BYTES:
                    raise TarFormatError(f"tag file {entry.name!r} is implausibly large")
                kept.append(chunk)
    return written, digest.hexdigest(), b"".join(kept)


def _parse_manifest(name: str, data: bytes, problems: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{name} is not UTF-8")
        return entries
    for number, line in enumerate(text.splitlines(), 1):
        digest, sep, path = line.partition(" ")
        path = _decode_path(path.lstrip(" *"))
        if not sep or len(digest) != 64 or digest.strip("0123456789abcdefABCDEF") or not path:
            problems.append(f"{name} line {number} is malformed")
            continue
        if path in entries:
            problems.append(f"{name} lists {path!r} twice")
        entries[path] = digest.lower()
    return entries


def _validate(files: Mapping[str, tuple[int, str]], tags: Mapping[str, bytes]) -> list[str]:
    problems: list[str] = []
    declaration = tags.get(BAG_DECLARATION)
    if declaration is None:
        return [f"{BAG_DECLARATION} is missing: not a bag"]
    if (
        not declaration.startswith(b"BagIt-Version: ")
        or b"Tag-File-Character-Encoding: UTF-8" not in declaration
    ):
        problems.append(f"{BAG_DECLARATION} does not declare a UTF-8 BagIt bag")
    if PAYLOAD_MANIFEST not in tags:
        return [*problems, f"{PAYLOAD_MANIFEST} is missing"]
    listed = _parse_manifest(PAYLOAD_MANIFEST, tags[PAYLOAD_MANIFEST], problems)
    payload = {path: value for path, value in files.items() if path.startswith("data/")}
    for path in sorted(set(files) - set(payload) - set(tags)):
        problems.append(f"{path} is outside data/ and not a tag file")
    for path, digest in sorted(listed.items()):
        if path not in payload:
            problems.append(f"{path} is listed in {PAYLOAD_MANIFEST} but missing")
        elif payload[path][1] != digest:
            problems.append(f"{path} does not match its SHA-256 in {PAYLOAD_MANIFEST}")
    for path in sorted(set(payload) - set(listed)):
        problems.append(f"{path} is in the payload but not in {PAYLOAD_MANIFEST}")
    if TAG_MANIFEST not in tags:
        problems.append(f"{TAG_MANIFEST} is missing")
    else:
        tag_listed = _parse_manifest(TAG_MANIFEST, tags[TAG_MANIFEST], problems)
        for name in sorted(set(tags) - {TAG_MANIFEST}):
            if name not in tag_listed:
                problems.append(f"tag file {name} is not in {TAG_MANIFEST}")
        for name, digest in sorted(tag_listed.items()):
            if name not in tags:
                problems.append(f"{name} is listed in {TAG_MANIFEST} but missing")
            elif hashlib.sha256(tags[name]).hexdigest() != digest:
                problems.append(f"tag file {name} does not match its SHA-256 in {TAG_MANIFEST}")
    for line in tags.get(BAG_INFO, b"").decode("utf-8", "replace").splitlines():
        if line.startswith("Payload-Oxum:"):
            expected = f"{sum(size for size, _ in payload.values())}.{len(payload)}"
            if line.partition(":")[2].strip() != expected:
                problems.append(f"Payload-Oxum in {BAG_INFO} does not match the payload")
    return problems


def extract_bag(entries: Iterable[TarEntry], dest: Path) -> Bag:
    """Write a streamed bag under `dest` (which must be empty) and validate it.

    Raises TarFormatError for a member we refuse to write (link, device,
    escaping or duplicate name, a second base directory) and BagInvalidError for a
    bag whose manifests do not hold.
    """
    bag_name: str | None = None
    files: dict[str, tuple[int, str]] = {}
    tags: dict[str, bytes] = {}
    for entry in entries:
        parts = safe_member_path(entry.name)
        if bag_name is None:
            bag_name = parts[0]
        elif parts[0] != bag_name:
            raise TarFormatError(f"refusing member {entry.name!r}: outside the bag {bag_name!r}")
        target = dest.joinpath(*parts)
        if entry.kind == DIRECTORY:
            try:
                target.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise TarFormatError(f"refusing member {entry.name!r}: {error.strerror}") from error
            continue
        if entry.kind != REGULAR:
            raise TarFormatError(f"refusing member {entry.name!r}: it is a {entry.kind}")
        if len(parts) < 2:
            raise TarFormatError(f"refusing member {entry.name!r}: a file in place of the bag")
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise TarFormatError(f"refusing member {entry.name!r}: {error.strerror}") from error
        inner = "/".join(parts[1:])
        is_tag = len(parts) == 2
        size, digest, data = _write_entry(entry, target, keep=is_tag)
        if is_tag:
            tags[inner] = data
        files[inner] = (size, digest)
    if bag_name is None:
        raise BagInvalidError(["the payload holds no bag"])
    problems = _validate(files, tags)
    if problems:
        raise BagInvalidError(problems)
    payload = {path: value for path, value in files.items() if path.startswith("data/")}
    return Bag(bag_name, dest / bag_name, payload, tags)
