"""The extraction interface: what a file's text looks like to the detectors.

Extraction and detection are split so that every format is read in one place
and the detectors see only two shapes: running text (`TextBlock`) and tables
(`TableBlock`). Both carry enough location to name where a finding is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from scanners.findings import ScanStatus


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile or huge input from exhausting time, memory or disk.

    Archive limits apply to the whole tree below one file (zip in zip in email),
    and to the zip containers of Office documents as well.
    """

    max_archive_depth: int = 3
    max_archive_members: int = 10_000
    max_compression_ratio: float = 100.0
    max_archive_total_bytes: int = 1 << 30
    chunk_chars: int = 1_000_000
    overlap_chars: int = 256
    # Formats that are parsed as a whole (Office, PDF, JSON, XML, email) are read
    # into memory; beyond this size they are skipped, or streamed as text when
    # they are text.
    max_document_bytes: int = 256 << 20
    # Members at or below this size are not held to the compression ratio: a small
    # file of repeated values legitimately compresses very well.
    ratio_check_min_bytes: int = 1 << 20
    max_structured_bytes: int = 32 << 20
    max_pdf_pages: int = 5_000
    # Office readers build a whole XML tree (about ten times the XML's size in
    # memory): the XML parts of one document may expand to at most this much.
    # Excel sheets are streamed and not counted; images are never parsed.
    max_office_xml_bytes: int = 64 << 20


@dataclass(frozen=True)
class TextBlock:
    """A run of text. Lines of `text` are numbered from `first_line` on.

    `offset` is the character offset of `text` in the document's whole text
    stream; consecutive chunks of a large text overlap by `Limits.overlap_chars`
    so that a value cut by a chunk boundary is whole in one of them, and a
    finding at the same absolute offset in two chunks is one finding.
    """

    text: str
    location: str
    first_line: int = 1
    offset: int = 0


@dataclass(frozen=True)
class TableBlock:
    """A table: a header that types its columns, and numbered rows of cells.

    `rows` yields `(row number, cells)`; the number is the row as the user sees
    it (spreadsheet row, or CSV record counting the header as row 1). `cells[i]`
    is the column `header[i]` (spreadsheet column letter i, A = 0); an empty
    header name means the column has none. Rows may be lazy (large CSV); iterate
    them once.
    """

    location: str
    header: tuple[str, ...]
    rows: Iterable[tuple[int, tuple[str, ...]]]


Block = TextBlock | TableBlock


def column_letter(index: int) -> str:
    """Spreadsheet column name of cell index `index` in a row (0 -> "A", 26 -> "AA"),
    so a finding in `rows` can be located as e.g. "sheet Pay, cell C4"."""
    if index < 0:
        raise ValueError("column index must be >= 0")
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


@dataclass
class ExtractedDocument:
    """One file or archive member, with its content as a lazy stream of blocks.

    `status`/`error` say what is known when the document is produced (skipped
    image, encrypted PDF, unreadable file). Some damage only shows while the
    blocks are read (a truncated sheet deep in a workbook): then iterating
    `blocks` stops early and sets `status` to ERROR and `error` to the reason,
    so read `status` again after draining `blocks`. Iterating `blocks` never
    raises for bad input.

    `sha256` is the hash of the file's bytes (of the member's, for members).
    A text file larger than `Limits.max_document_bytes` is hashed in the same
    single pass that extracts it, so its `sha256` is None until `blocks` (and
    the rows of its table, for a CSV) are drained; a huge file that is skipped
    is not read at all and has none.
    """

    path: str
    status: ScanStatus
    error: str | None
    sha256: str | None
    kind: str
    blocks: Iterator[Block] = field(default_factory=lambda: iter(()))
