"""Dispatch: read a file or buffer once for its hash and head, type it by content,
and hand it to the format's reader; archives and e-mails recurse into members.

Every failure of a reader becomes a document with a status and a one-line
reason. Third-party parsers raise whatever they like on hostile input
(IndexError, KeyError, zlib.error, lxml errors...), so the boundary here
catches Exception on purpose: nothing a file contains may stop the scan.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from scanners.extract import _ldif, _office, _sniff, _sql, _text, _x12
from scanners.extract._errors import (
    EncryptedPDFError,
    NoTextLayerError,
    describe,
    os_reason,
)
from scanners.extract._types import (
    Block,
    ExtractedDocument,
    Limits,
    TableBlock,
    TextBlock,
)
from scanners.findings import MEMBER_SEPARATOR, ScanStatus

_READ = 1 << 20
_MiB = 1 << 20
# A file up to this size is read once, whole, and then typed, hashed and parsed
# from memory: one read instead of one per step (head, hash, content).
_IN_MEMORY = 8 << 20


class _Source(Protocol):
    """Something that can be read from the start as often as needed."""

    @property
    def size(self) -> int: ...

    def open(self) -> BinaryIO: ...


@dataclass
class _BytesSource:
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data)


@dataclass
class _FdSource:
    """A file opened once: later reads go through that descriptor, so a file that
    is removed or renamed during the scan is still read whole and consistently."""

    fd: int
    size: int

    def open(self) -> BinaryIO:
        os.lseek(self.fd, 0, os.SEEK_SET)
        return os.fdopen(os.dup(self.fd), "rb")


@dataclass
class _Context:
    limits: Limits
    budget: int  # archive bytes that may still be expanded below this file


def extract_path(path: Path, limits: Limits = Limits()) -> Iterator[ExtractedDocument]:  # noqa: B008
    """The file, then one document per archive member or attachment.

    The file is checked with stat before it is opened, and opened non-blocking,
    so a FIFO or device is reported without ever waiting on it.
    """
    display = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield _failed(display, _stat_reason(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield _skipped(display, "directory", "is a directory")
        return
    if not stat.S_ISREG(info.st_mode):
        yield _skipped(display, "special", f"not a regular file ({_file_type(info.st_mode)})")
        return
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        yield _failed(display, os_reason(exc))
        return
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else since stat
            yield _skipped(display, "special", f"not a regular file ({_file_type(opened.st_mode)})")
            return
        context = _Context(limits, limits.max_archive_total_bytes)
        source: _Source = _FdSource(fd, opened.st_size)
        if opened.st_size <= min(_IN_MEMORY, limits.max_document_bytes):
            try:
                data = _read_whole(fd, min(_IN_MEMORY, limits.max_document_bytes))
            except OSError as exc:
                yield _failed(display, os_reason(exc))
                return
            if data is not None:
                source = _BytesSource(data)
        yield from _never_raise(_extract(source, display, 0, context), display)
    finally:
        os.close(fd)


def _read_whole(fd: int, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than `limit` of them (it
    grew since it was measured: it is then streamed like any large file)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, limit + 1 - total):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)


def extract_bytes(data: bytes, name: str, limits: Limits = Limits()) -> Iterator[ExtractedDocument]:  # noqa: B008
    """Like `extract_path` for content already in memory; `name` is the display path."""
    context = _Context(limits, limits.max_archive_total_bytes)
    yield from _never_raise(_extract(_BytesSource(data), name, 0, context), name)


def _never_raise(
    documents: Iterator[ExtractedDocument], display: str
) -> Iterator[ExtractedDocument]:
    """The last net: every reader is guarded, but a bug in the glue must still
    end as a reported document, not as a traceback that stops the scan."""
    try:
        yield from documents
    except Exception as exc:
        yield _failed(display, f"cannot extract: {describe('file', exc)}")


def _stat_reason(path: Path, exc: OSError) -> str:
    reason = os_reason(exc)
    if isinstance(exc, FileNotFoundError):
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return "broken symlink (its target does not exist)"
        except OSError:
            pass
    return reason


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def _failed(
    display: str, reason: str, kind: str = "unknown", sha: str | None = None
) -> ExtractedDocument:
    return ExtractedDocument(display, ScanStatus.ERROR, reason, sha, kind)


def _skipped(display: str, kind: str, reason: str, sha: str | None = None) -> ExtractedDocument:
    return ExtractedDocument(display, ScanStatus.SKIPPED, reason, sha, kind)


def _read_head(source: _Source) -> bytes:
    if isinstance(source, _BytesSource):
        return source.data[: _sniff.HEAD_BYTES]
    with source.open() as raw:
        return raw.read(_sniff.HEAD_BYTES)


def _read_all(source: _Source) -> bytes:
    if isinstance(source, _BytesSource):
        return source.data
    with source.open() as raw:
        return raw.read()


def _hash(source: _Source) -> str:
    if isinstance(source, _BytesSource):
        return hashlib.sha256(source.data).hexdigest()
    digest = hashlib.sha256()
    with source.open() as raw:
        while chunk := raw.read(_READ):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingRaw(io.RawIOBase):
    """Reads through to a stream and hashes what passes, so a huge text file is
    hashed in the same single pass that extracts it."""

    def __init__(self, inner: BinaryIO, digest: hashlib._Hash) -> None:
        super().__init__()
        self._inner = inner
        self._digest = digest
        self.at_eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        if not data:
            self.at_eof = True
        self._digest.update(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


@dataclass
class _HashingSource:
    """A source whose next full read also yields its SHA-256."""

    inner: _Source
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)
    raw: _HashingRaw | None = None

    @property
    def size(self) -> int:
        return self.inner.size

    def open(self) -> BinaryIO:
        self.digest = hashlib.sha256()
        self.raw = _HashingRaw(self.inner.open(), self.digest)
        return io.BufferedReader(self.raw, _READ)

    def hexdigest(self) -> str | None:
        return self.digest.hexdigest() if self.raw is not None and self.raw.at_eof else None


def _hash_when_drained(document: ExtractedDocument, source: _HashingSource) -> None:
    blocks = document.blocks

    def drained() -> Iterator[Block]:
        yield from blocks
        document.sha256 = source.hexdigest()

    document.blocks = drained()


def _extract(
    source: _Source, display: str, depth: int, ctx: _Context
) -> Iterator[ExtractedDocument]:
    try:
        head = _read_head(source)
        sniffed = _sniff.sniff_bytes(head)
        huge = source.size > ctx.limits.max_document_bytes
        # a huge text file is hashed while it is extracted (one pass, not two);
        # a huge file that is skipped anyway is not read at all
        sha = None if huge and (sniffed.kind == "text" or sniffed.reason) else _hash(source)
    except OSError as exc:
        yield _failed(display, os_reason(exc))
        return
    if sniffed.kind == "ole2" and _ole2_encrypted(source, head):
        reason = "encrypted Office document: a password is required to read it"
        yield _skipped(display, "encrypted-office", reason, sha)
    elif sniffed.kind == "empty":
        yield ExtractedDocument(display, ScanStatus.SCANNED, None, _hash(source), "empty")
    elif sniffed.reason is not None:
        yield _skipped(display, sniffed.kind, sniffed.reason, sha)
    elif sniffed.kind == "zip":
        yield from _extract_zip(source, display, depth, sha, ctx)
    elif sniffed.kind == "pdf":
        yield _pdf_document(source, display, sha, ctx)
    else:
        yield from _extract_text(source, head, display, depth, sha, ctx)


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _ole2_encrypted(source: _Source, head: bytes) -> bool:
    """A password-protected .docx/.xlsx/.pptx is an OLE2 file holding an
    `EncryptedPackage` stream: look for that name in the directory sector the
    header points to (and in the head, where small files keep it)."""
    if _ENCRYPTED_PACKAGE in head:
        return True
    if len(head) < 0x34:
        return False
    shift = int.from_bytes(head[0x1E:0x20], "little")
    first = int.from_bytes(head[0x30:0x34], "little")
    if not 7 <= shift <= 16 or first >= 0xFFFFFFFA:
        return False
    offset = (first + 1) << shift
    if offset >= source.size:
        return False
    with source.open() as raw:
        raw.seek(offset)
        return _ENCRYPTED_PACKAGE in raw.read(4096)


def _document(
    display: str, kind: str, sha: str | None, opener: Callable[[], Iterable[Block]]
) -> ExtractedDocument:
    """A document whose reader is opened now (so a broken file is known at once)
    and whose blocks are guarded (so damage found later ends them with a reason)."""
    try:
        blocks = opener()
    except EncryptedPDFError as exc:
        return _skipped(display, kind, str(exc), sha)
    except Exception as exc:
        return _failed(display, describe(kind, exc), kind, sha)
    document = ExtractedDocument(display, ScanStatus.SCANNED, None, sha, kind)
    document.blocks = _guard(document, blocks)
    return document


def _guard(document: ExtractedDocument, blocks: Iterable[Block]) -> Iterator[Block]:
    try:
        for block in blocks:
            if isinstance(block, TableBlock):
                block = TableBlock(block.location, block.header, _guard_rows(document, block.rows))
            yield block
            if document.status is not ScanStatus.SCANNED:
                return
    except NoTextLayerError as exc:
        document.status, document.error = ScanStatus.SKIPPED, str(exc)
    except Exception as exc:
        document.status, document.error = ScanStatus.ERROR, describe(document.kind, exc)


def _guard_rows(
    document: ExtractedDocument, rows: Iterable[tuple[int, tuple[str, ...]]]
) -> Iterator[tuple[int, tuple[str, ...]]]:
    try:
        yield from rows
    except Exception as exc:
        document.status, document.error = ScanStatus.ERROR, describe(document.kind, exc)


def _streamed(source: _Source, reader: Callable[[BinaryIO], Iterator[Block]]) -> Iterator[Block]:
    with source.open() as raw:
        yield from reader(raw)


def _too_big(kind: str, size: int, limit: int) -> str:
    return f"{kind} too large to open ({size // _MiB} MiB; limit {limit // _MiB} MiB)"


# --- text formats -----------------------------------------------------------


def _extract_text(
    source: _Source, head: bytes, display: str, depth: int, sha: str | None, ctx: _Context
) -> Iterator[ExtractedDocument]:
    if sha is None:
        hashing = _HashingSource(source)
        for document in _extract_text_known(hashing, head, display, depth, None, ctx):
            _hash_when_drained(document, hashing)
            yield document
        return
    yield from _extract_text_known(source, head, display, depth, sha, ctx)


def _extract_text_known(
    source: _Source, head: bytes, display: str, depth: int, sha: str | None, ctx: _Context
) -> Iterator[ExtractedDocument]:
    limits = ctx.limits
    encoding = _sniff.detect_encoding(head)
    kind, delimiter = _sniff.sniff_text(head.decode(encoding, errors="replace"))
    # a JSON/XML/HTML tree costs several times the file in memory: past
    # max_structured_bytes these are streamed as text (nothing is lost but keys)
    in_memory = source.size <= (
        limits.max_document_bytes if kind == "eml" else limits.max_structured_bytes
    )

    def plain(raw: BinaryIO) -> Iterator[Block]:
        return _text.text_blocks(raw, encoding, limits)

    if kind in ("csv", "tsv") and delimiter is not None:
        sep = delimiter

        def table(raw: BinaryIO) -> Iterator[Block]:
            return _text.csv_blocks(raw, encoding, sep, limits)

        yield _document(display, kind, sha, lambda: _streamed(source, table))
        return
    if kind == "text" or not in_memory:
        yield _document(display, "text", sha, lambda: _streamed(source, plain))
        return
    data = _read_all(source)
    if kind == "eml":
        if not _ascii_compatible(encoding):
            # a message saved as UTF-16 text (Outlook's "Save as" .txt): the mail parser
            # reads bytes as ASCII headers, so it is given the text as UTF-8
            data = _text.decode(data, encoding).lstrip("\ufeff").encode("utf-8")
        yield from _extract_mail(data, display, depth, sha, ctx)
        return
    text = _text.decode(data, encoding)
    if kind == "sql":
        yield _document(display, "sql", sha, lambda: _sql.sql_blocks(text, limits))
        return
    if kind == "ldif":
        yield _document(display, "ldif", sha, lambda: _ldif.ldif_blocks(text))
        return
    if kind == "x12":
        yield _document(display, "x12", sha, lambda: _x12.x12_blocks(text))
        return
    # JSON, XML and HTML readers (json, html.parser) load only with such a file
    from scanners.extract import _structured

    if kind == "html":
        yield _document(display, "html", sha, lambda: _structured.html_blocks(text, limits))
        return
    try:
        blocks = list(
            _structured.json_blocks(text, limits)
            if kind == "json"
            else _structured.xml_blocks(data, limits)
        )
    except Exception:  # not well-formed after all, or refused entities: read the raw text
        yield _document(display, "text", sha, lambda: _streamed(source, plain))
        return
    yield _document(display, kind, sha, lambda: iter(blocks))


def _ascii_compatible(encoding: str) -> bool:
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _extract_mail(
    data: bytes, display: str, depth: int, sha: str | None, ctx: _Context
) -> Iterator[ExtractedDocument]:
    from scanners.extract._email import parse_mail  # the email package is slow to import

    try:
        parsed = parse_mail(data)
    except Exception as exc:
        yield _failed(display, describe("e-mail", exc), "eml", sha)
        return
    yield _document(display, "eml", sha, lambda: iter(parsed.blocks))
    for name, payload in parsed.attachments:
        member = f"{display}{MEMBER_SEPARATOR}{_safe_name(name)}"
        problem = _member_limit(len(payload), len(payload), depth, ctx)
        if problem is not None:
            yield _skipped(member, "unknown", problem)
            continue
        ctx.budget -= len(payload)
        yield from _extract(_BytesSource(payload), member, depth + 1, ctx)


def _safe_name(name: str) -> str:
    """Member names are display text: no line breaks that could forge report lines."""
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:255] or "?"


# --- PDF --------------------------------------------------------------------


def _pdf_document(
    source: _Source, display: str, sha: str | None, ctx: _Context
) -> ExtractedDocument:
    limits = ctx.limits
    if source.size > limits.max_document_bytes:
        reason = _too_big("PDF", source.size, limits.max_document_bytes)
        return _skipped(display, "pdf", reason, sha)

    def opener() -> Iterator[Block]:
        from scanners.extract import _pdf  # PDFium loads with the first PDF

        return _pdf.pdf_blocks(io.BytesIO(_read_all(source)), limits)

    return _document(display, "pdf", sha, opener)


# --- zip and zip-based formats ---------------------------------------------


def _member_limit(size: int, compressed: int, depth: int, ctx: _Context) -> str | None:
    """Why a member must not be expanded, or None: the zip-bomb bounds."""
    limits = ctx.limits
    if depth + 1 > limits.max_archive_depth:
        return f"nested deeper than {limits.max_archive_depth} archive levels (zip bomb?)"
    if size > ctx.budget:
        return (
            f"archive expands beyond the {limits.max_archive_total_bytes // _MiB} MiB limit "
            "(zip bomb?)"
        )
    if size > limits.ratio_check_min_bytes:
        ratio = size / max(1, compressed)
        if ratio > limits.max_compression_ratio:
            return (
                f"compression ratio {ratio:.0f}:1 exceeds the limit "
                f"{limits.max_compression_ratio:.0f}:1 (zip bomb?)"
            )
    if size > limits.max_document_bytes:
        return _too_big("member", size, limits.max_document_bytes)
    return None


def _container_limit(zf: zipfile.ZipFile, ctx: _Context) -> str | None:
    infos = zf.infolist()
    limits = ctx.limits
    if len(infos) > limits.max_archive_members:
        return f"archive has {len(infos)} members (limit {limits.max_archive_members})"
    return None


def _extract_zip(
    source: _Source, display: str, depth: int, sha: str | None, ctx: _Context
) -> Iterator[ExtractedDocument]:
    try:
        raw = source.open()
        zf = zipfile.ZipFile(raw)
    except Exception as exc:  # the central directory itself is unreadable
        yield _failed(display, describe("zip", exc), "zip", sha)
        return
    # An Office document in memory keeps this zip open for its reader (which
    # may stream sheets from it later): the bytes are in memory, nothing leaks.
    handed_over = False
    try:
        kind = _sniff.zip_kind(zf)
        problem = _container_limit(zf, ctx)
        if problem is None and kind != "zip":
            problem = _office_limit(zf, ctx)
        if problem is not None:
            yield _skipped(display, kind, problem, sha)
            return
        if kind != "zip":
            handed_over = isinstance(source, _BytesSource)
            package = zf if handed_over else None
            yield _office_document(source, display, kind, sha, ctx, package)
            return
        yield from _zip_members(zf, display, depth, sha, ctx)
    except Exception as exc:  # the central directory itself is unreadable
        yield _failed(display, describe("zip", exc), "zip", sha)
    finally:
        if not handed_over:
            zf.close()
            raw.close()


def _office_limit(zf: zipfile.ZipFile, ctx: _Context) -> str | None:
    """An Office file is a zip its library expands: hold it to the same bounds."""
    total = 0
    if "META-INF/manifest.xml" in zf.namelist():
        manifest = zf.getinfo("META-INF/manifest.xml")
        if manifest.file_size < (1 << 20) and b"encryption-data" in zf.read(manifest):
            return "encrypted document: a password is required to read it"
    parsed = 0
    limit = ctx.limits.max_office_xml_bytes
    for info in zf.infolist():
        if info.flag_bits & 0x1:
            return "encrypted document: a password is required to read it"
        total += info.file_size
        problem = _member_limit(info.file_size, info.compress_size, 0, ctx)
        if problem is None and total > ctx.budget:
            problem = _member_limit(total, total, 0, ctx)
        if problem is not None:
            return f"member {_safe_name(info.filename)}: {problem}"
        if _parsed_whole(info.filename):
            parsed += info.file_size
            if parsed > limit:
                where = _safe_name(info.filename)
                return (
                    f"XML parts expand beyond {limit // _MiB} MiB (at {where}): "
                    "too large to parse in memory"
                )
    ctx.budget -= total
    return None


def _parsed_whole(name: str) -> bool:
    """XML the Office readers build whole trees of; excel sheets are streamed
    (openpyxl read-only) and media is never parsed."""
    lowered = name.lower()
    if not lowered.endswith((".xml", ".rels")):
        return False
    return not lowered.startswith("xl/worksheets/")


def _office_document(
    source: _Source,
    display: str,
    kind: str,
    sha: str | None,
    ctx: _Context,
    package: zipfile.ZipFile | None,
) -> ExtractedDocument:
    """`package` is the zip already open over the same bytes (None when the file
    was too large to hold in memory: the reader then opens its own)."""
    limits = ctx.limits

    def opener() -> Iterable[Block]:
        stream = io.BytesIO(_read_all(source))  # what the library fallbacks read
        if kind == "docx":
            return _office.docx_blocks(stream, limits, package)
        if kind in ("xlsx", "xlsm"):
            return _office.xlsx_blocks(stream, limits, package)
        if kind == "pptx":
            return _office.pptx_blocks(stream, limits, package)
        return _office.odf_blocks(stream, kind, limits, package)

    return _document(display, kind, sha, opener)


def _zip_members(
    zf: zipfile.ZipFile, display: str, depth: int, sha: str | None, ctx: _Context
) -> Iterator[ExtractedDocument]:
    infos = [info for info in zf.infolist() if not info.is_dir()]
    names = "\n".join(_safe_name(info.filename) for info in infos)
    listing: list[Block] = [TextBlock(names, "member names")] if names else []
    yield _document(display, "zip", sha, lambda: iter(listing))
    for info in infos:
        member = f"{display}{MEMBER_SEPARATOR}{_safe_name(info.filename)}"
        if info.flag_bits & 0x1:
            yield _skipped(member, "encrypted", "encrypted archive member: a password is required")
            continue
        problem = _member_limit(info.file_size, info.compress_size, depth, ctx)
        if problem is not None:
            yield _skipped(member, "unknown", problem)
            continue
        ctx.budget -= info.file_size
        try:
            data = zf.read(info)
        except Exception as exc:
            yield _failed(member, describe("zip member", exc))
            continue
        yield from _extract(_BytesSource(data), member, depth + 1, ctx)
