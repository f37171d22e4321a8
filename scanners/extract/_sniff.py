"""Typing by content: magic bytes, zip member names, and the shape of text.

File names lie (a roster saved as `notes.txt`, a workbook renamed `.dat`), so
the extension is never consulted. What is decided here is only the kind; the
format modules parse.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from scanners.extract._sql import DATA_STATEMENT as SQL_DATA_STATEMENT
from scanners.extract._text import looks_like_header
from scanners.extract._x12 import looks_like_x12

HEAD_BYTES = 64 * 1024

# Kinds that are recognised but carry no text we read: skipped with a reason.
_SKIPPED_MAGIC: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image", "PNG image: no text layer to scan"),
    (b"\xff\xd8\xff", 0, "image", "JPEG image: no text layer to scan"),
    (b"GIF87a", 0, "image", "GIF image: no text layer to scan"),
    (b"GIF89a", 0, "image", "GIF image: no text layer to scan"),
    (b"II*\x00", 0, "image", "TIFF image: no text layer to scan"),
    (b"MM\x00*", 0, "image", "TIFF image: no text layer to scan"),
    (b"BM", 0, "image", "BMP image: no text layer to scan"),
    (b"\x00\x00\x01\x00", 0, "image", "icon image: no text layer to scan"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        "ole2",
        "legacy Office (OLE2 .doc/.xls/.ppt/.msg) format is not supported",
    ),
    (b"\x1f\x8b", 0, "gzip", "gzip-compressed data is not supported"),
    (b"BZh", 0, "bzip2", "bzip2-compressed data is not supported"),
    (b"\xfd7zXZ\x00", 0, "xz", "xz-compressed data is not supported"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z", "7-Zip archive is not supported"),
    (b"Rar!\x1a\x07", 0, "rar", "RAR archive is not supported"),
    (b"\x7fELF", 0, "binary", "executable (ELF): no text to scan"),
    (b"MZ", 0, "binary", "executable (PE): no text to scan"),
    (b"SQLite format 3\x00", 0, "sqlite", "SQLite database is not supported"),
    (b"ustar", 257, "tar", "tar archive is not supported"),
    (b"OggS", 0, "media", "audio/video file: no text to scan"),
    (b"ID3", 0, "media", "audio file: no text to scan"),
    (b"fLaC", 0, "media", "audio file: no text to scan"),
)

# A magic this short is also how text may begin ("BMI screening" is no BMP image, "MZ
# Smith" no executable): the file must not read as text too.
_SHORT_MAGIC = 3

_TEXT_HEAD_CHARS = 16 * 1024
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:(?:[ \t]|$)")  # "From:" may fold
# LDIF (RFC 2849) opens, after any comment lines, with its version or a first entry's dn
_LDIF_START = re.compile(r"(?:#[^\n]*\n\s*)*(?:version:[ \t]*1\s*\n|dn::?[ \t])", re.IGNORECASE)
_MAIL_HEADERS = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "received",
        "return-path",
        "message-id",
        "mime-version",
        "delivered-to",
        "cc",
        "reply-to",
        "content-type",
    }
)
_DELIMITERS = (",", "\t", ";", "|")


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes say: a kind, and for skipped kinds the reason."""

    kind: str
    reason: str | None = None


def sniff_bytes(head: bytes) -> Sniffed:
    """Kind from the first bytes: `pdf`, `zip`, a skipped binary kind, `text` or `binary`."""
    if not head:
        return Sniffed("empty", "empty file")
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return Sniffed("zip")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Sniffed("image", "WebP image: no text layer to scan")
    if head[4:8] == b"ftyp":
        return Sniffed("media", "ISO media file (HEIC/MP4): no text to scan")
    for magic, at, kind, reason in _SKIPPED_MAGIC:
        if head[at : at + len(magic)] == magic and (
            len(magic) > _SHORT_MAGIC or looks_binary(head)
        ):
            return Sniffed(kind, reason)
    if looks_binary(head):
        return Sniffed("binary", "unknown binary format")
    return Sniffed("text")


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 or b == 127))


def looks_binary(head: bytes) -> bool:
    """True when the bytes are not text in any encoding we can decode."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if _utf16_without_bom(head) is not None:
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > len(sample) * 0.1


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def detect_encoding(head: bytes) -> str:
    """The text encoding of a file, from its first bytes.

    A BOM wins; then UTF-8 if the head decodes (a multi-byte character cut at
    the end of the head is fine); then charset-normalizer's best guess; then
    cp1252, which decodes any byte, so a wrong guess degrades text instead of
    failing the file.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    guessed = _utf16_without_bom(head)
    if guessed is not None:
        return guessed
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    import charset_normalizer  # only text that is not UTF-8 pays for its import

    results = charset_normalizer.from_bytes(head[:_TEXT_HEAD_CHARS])
    best = results.best()
    if best is not None and any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in results):
        return "cp1252"  # a tie among Latin code pages: Windows Western is what offices write
    if best is not None and best.encoding:
        try:
            codecs.lookup(best.encoding)
        except LookupError:
            return "cp1252"
        return str(best.encoding)
    return "cp1252"


def sniff_text(text: str) -> tuple[str, str | None]:
    """Subtype of decoded text: (`eml`|`json`|`xml`|`html`|`ldif`|`x12`|`sql`|`csv`|`text`,
    csv delimiter)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if _looks_like_mail(stripped):
        return "eml", None
    lowered = stripped[:512].lower()
    if lowered.startswith(("<!doctype html", "<html")) or (
        lowered.startswith("<") and ("<body" in lowered or "<table" in lowered)
    ):
        return "html", None
    if lowered.startswith("<?xml") or re.match(r"<[A-Za-z_][\w.:-]*[\s/>]", stripped[:256]):
        if "<html" in lowered:
            return "html", None
        return "xml", None
    if stripped[:1] in ("{", "[") and not _NUMBERED_FIELD.match(stripped):
        return "json", None
    if _LDIF_START.match(stripped):
        return "ldif", None
    if looks_like_x12(stripped):
        return "x12", None
    if SQL_DATA_STATEMENT.search(text):
        return "sql", None
    delimiter = sniff_delimiter(stripped)
    if delimiter is not None:
        return ("tsv" if delimiter == "\t" else "csv"), delimiter
    return "text", None


# A PowerSchool export's header opens with its table's number ("[1]Student_Number,..."):
# a bracket, but no JSON array
_NUMBERED_FIELD = re.compile(r"\[\d{1,3}\][A-Za-z_]")


def _looks_like_mail(text: str) -> bool:
    lines = text.splitlines()[:40]
    names: set[str] = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t"):
            continue  # folded header continuation
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(":", 1)[0].lower())
    known = names & _MAIL_HEADERS
    return len(known) >= 2 and bool(known & {"from", "to", "subject", "received", "message-id"})


# lines of other widths above an export's header, at most: a gradebook's title, school,
# teacher and course lines ("Course:,AP Chemistry (SCI451),Section:,3,Term:,S1 / Q2")
PREAMBLE_ROWS = 6
SENTENCE_WORDS = 8  # a column of cells this many words long, on average, holds sentences


def sniff_delimiter(text: str) -> str | None:
    """The delimiter when the text is a table: every early line splits into the
    same number (at least two) of fields. Prose with commas does not."""
    lines = [ln for ln in text[:_TEXT_HEAD_CHARS].splitlines() if ln.strip()]
    if len(text) >= _TEXT_HEAD_CHARS and lines:
        lines = lines[:-1]  # the last line of a cut head is partial
    lines = lines[:25]
    if len(lines) < 2:
        return None
    best: tuple[int, str] | None = None
    sample = "\n".join(lines)
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue  # every row would be one field: not this delimiter
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))
        except csv.Error:
            continue
        if not rows or _reads_like_prose(rows, delimiter) or _fixed_width(rows):
            continue
        width = table_width([len(row) for row in rows])
        if width is not None and (best is None or width > best[0]):
            best = (width, delimiter)
    return None if best is None else best[1]


def table_width(counts: list[int]) -> int | None:
    """The number of fields of a table whose rows have `counts` fields, or None when
    they do not agree on one (at least two).

    An export may open with a title or a course line of another width above its header
    ("Course,BIO-201-03,Teacher,..."): up to PREAMBLE_ROWS such lines are passed over.
    """
    width = Counter(counts).most_common(1)[0][0]
    skip = 0
    while skip < min(PREAMBLE_ROWS, len(counts) - 2) and counts[skip] != width:
        skip += 1
    counts = counts[skip:]
    if counts[0] != width or width < 2:
        return None
    agreeing = sum(1 for c in counts if c == width)
    needed = max(3 if width == 2 else 2, int(len(counts) * 0.9))
    return width if agreeing >= needed else None


def _fixed_width(rows: list[list[str]]) -> bool:
    """A fixed-width report is padded with runs of spaces inside what a comma splits
    ("1016780132 175114  ACEVEDO   ...   BRANDT,L"): a delimited file's fields are not."""
    padded = sum(1 for row in rows if any("   " in cell.strip() for cell in row))
    return padded * 2 > len(rows)


_LOG_STAMP = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")


def _stamped(row: list[str]) -> bool:
    """A row split at a log time stamp's comma: the date and time, then milliseconds."""
    return len(row) > 1 and bool(_LOG_STAMP.fullmatch(row[0])) and row[1][:3].isdigit()


def _reads_like_prose(rows: list[list[str]], delimiter: str) -> bool:
    """Commas in sentences are followed by a space; exported tables are not.
    Long cells full of words are sentences, not fields. A log's time stamps have a
    comma before their milliseconds ("2025-02-11 07:32:21,134 INFO ..."): its lines
    are lines of text."""
    if delimiter == "," and sum(1 for row in rows if _stamped(row)) * 2 > len(rows):
        return True
    later = [cell for row in rows for cell in row[1:] if cell]
    if delimiter == "," and later and sum(c.startswith(" ") for c in later) * 2 > len(later):
        return True
    cells = [cell for row in rows for cell in row if cell.strip()]
    if cells and sum(len(c.split()) for c in cells) / len(cells) > 8:
        return True
    # A log of dated sentences ("9/18<TAB>called guardian (Erin Nakamura) - ...") is
    # prose with a tab in it: no header names its columns, and one holds sentences.
    if any(looks_like_header(tuple(row)) for row in rows[: PREAMBLE_ROWS + 1]):
        return False
    widths = Counter(len(row) for row in rows)
    width = widths.most_common(1)[0][0]
    columns = [[row[i] for row in rows if len(row) == width] for i in range(width)]
    return any(
        sum(len(c.split()) for c in column) / len(column) > SENTENCE_WORDS for column in columns
    )


_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def zip_kind(zf: zipfile.ZipFile) -> str:
    """Office formats are zips: tell them apart by their member names."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        try:
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        except Exception:
            types = b""
        return "xlsm" if b"macroEnabled" in types else "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        info = zf.getinfo("mimetype")
        if info.file_size < 200 and not info.flag_bits & 0x1:
            try:
                mime = zf.read("mimetype").decode("ascii", "replace").strip()
            except Exception:
                mime = ""
            if mime in _ODF_KINDS:
                return _ODF_KINDS[mime]
    return "zip"
