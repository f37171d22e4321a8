"""Plain text and delimited tables, streamed so a 2 GB file needs bounded memory."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from scanners.extract._types import Block, Limits, TableBlock, TextBlock

_READ_BYTES = 1 << 20
# Three digits in a row make a cell data, not a column name; "504" (a Section 504 plan),
# the tax code's retirement plans ("403B", "457(b)", "401k") and the IRS's form 1099
# ("NAME_1099") are numbers a school's headers use as words.
_DATA_LIKE = re.compile(
    r"(?<!\d)(?!(?:504|911|1099)(?!\d)|40[13] ?\(?[bBkK]|457 ?\(?[bB])\d{3}|(?!1099(?!\d))\d{4}"
)
# A state report's element codes are column names, digits and all: "DOE001", "SCS01",
# "DOE002_FIRST", and with the element's name after it, "DOE033 Nighttime Res", "DOE039
# 504Plan" (a name's word may start with a digit, but has letters; or be the 504 plan's
# number alone, "DOE032_504")
_HEADER_CODE = re.compile(
    r"[A-Za-z]{2,5}_?\d{2,3}(?:_[A-Za-z]\w*|_504)?"
    r"|[A-Z]{2,5}\d{3}(?: (?=[\w/&.-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9/&.-]*)+"
)
# (dotted or camel-cased, as a system names its fields: no value is written so)
_FIELD_CODE = re.compile(
    r"[A-Za-z]+[._][A-Za-z_.]*[A-Za-z]\d{2,4}|[a-z]+[A-Z][A-Za-z]*[A-Z]\d{2,4}"
)
_YEAR_IN_WORDS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:-\d\d(?:\d\d)?)?(?!\d)")
# three or more numbers of 3-5 digits joined by slashes: units (Hz), never a date
_SLASHED_UNITS = re.compile(r"(?<!\d)\d{3,5}(?:/\d{3,5}){2,}(?!\d)")
_BRACKETED = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
# a law or regulation cited in a column's name: "Reason / 603 CMR 28.04(4) basis",
# "Notice per M.G.L. c. 71 s. 37H", "20 U.S.C. 1232g"
_CITATION = re.compile(
    r"(?<!\d)\d{1,3} CMR \d+(?:\.\d+)*|\bc\. ?\d{1,3}[A-Z]{0,2}(?!\d)(?:,? (?:s\.|§) ?\d+\w*)?"
    r"|(?<!\d)\d{1,2} U\.S\.C\.? (?:§ ?)?\d+\w*|§ ?\d+(?:\.\d+)*"
)
_SCHOOL_YEAR_SUFFIX = re.compile(r"(?<=[A-Za-z]_)(\d\d)(\d\d)(?![\w.])")
_HEADER_SEARCH_ROWS = 10
_DAY_COLUMN = re.compile(r"(?:[A-Za-z]{2,4}\.?\s*)?\d{1,2}/\d{1,2}")
CALENDAR_COLUMNS = 3  # day columns, at least, of a header of a calendar's days
SCHOOL_WEEK_DAYS = 5  # days of a month, at least, that head a month's grid by number
MAX_DAYS_BETWEEN = 4  # from one school day to the next, at most (a long weekend)


def decode(data: bytes, encoding: str) -> str:
    """Whole-buffer decoding that never fails: undecodable bytes become U+FFFD."""
    return data.decode(encoding, errors="replace")


def iter_chars(raw: BinaryIO, encoding: str) -> Iterator[str]:
    """Decoded text of a binary stream, piece by piece, never failing on bad bytes."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    while True:
        data = raw.read(_READ_BYTES)
        if not data:
            tail = decoder.decode(b"", final=True)
            if tail:
                yield tail
            return
        text = decoder.decode(data)
        if text:
            yield text


def chunk_text(pieces: Iterable[str], limits: Limits, location: str = "") -> Iterator[TextBlock]:
    """Cut a text stream into overlapping blocks of at most `limits.chunk_chars`.

    Each block but the last ends at a line break when one is near the end, so
    lines are rarely cut; the next block repeats the last `overlap_chars`
    characters so a value on a cut is still whole in one block.
    """
    size = max(1, limits.chunk_chars)
    overlap = max(0, min(limits.overlap_chars, size // 2))
    pending = ""
    pos = 0  # absolute offset of pending[0]
    line = 1  # line number at pending[0]
    emitted = 0  # absolute offset up to which text has been yielded
    for piece in pieces:
        pending += piece
        while len(pending) > size:
            cut = pending.rfind("\n", size - size // 10, size)
            cut = size if cut <= 0 else cut + 1
            yield TextBlock(pending[:cut], location, first_line=line, offset=pos)
            emitted = pos + cut
            advance = max(1, cut - overlap)
            line += pending.count("\n", 0, advance)
            pos += advance
            pending = pending[advance:]
    if pending and pos + len(pending) > emitted:
        yield TextBlock(pending, location, first_line=line, offset=pos)


def text_blocks(raw: BinaryIO, encoding: str, limits: Limits) -> Iterator[Block]:
    yield from chunk_text(iter_chars(raw, encoding), limits)


# Speed: the same rows are judged again and again. The sniffer reads a delimited file's
# first rows for prose, then the table reader reads them again for its header, and the
# exports of one system share one header. The verdict depends on the cells alone, so it
# is remembered for short rows (bounded in entries, and in cells and characters per row).
_HEADER_MEMO: dict[tuple[str, ...], bool] = {}
_HEADER_MEMO_ENTRIES = 2048
_HEADER_MEMO_CELLS = 64
_HEADER_MEMO_CHARS = 1024


def looks_like_header(cells: tuple[str, ...]) -> bool:
    """A header row names columns: words, not data such as IDs, dates or amounts."""
    if len(cells) > _HEADER_MEMO_CELLS or sum(map(len, cells)) > _HEADER_MEMO_CHARS:
        return _looks_like_header(cells)
    verdict = _HEADER_MEMO.get(cells)
    if verdict is None:
        if len(_HEADER_MEMO) >= _HEADER_MEMO_ENTRIES:
            _HEADER_MEMO.clear()
        verdict = _HEADER_MEMO[cells] = _looks_like_header(cells)
    return verdict


def _looks_like_header(cells: tuple[str, ...]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) < 2 and len(cells) > 1:
        return False
    if not filled:
        return False
    # a month's grid headed by its school days alone, after the words ("Name | DOB | Med
    # | Time | 4 | 5 | 6 | 7 | 8 | 12", a medication record's)
    days_of_month = _days_of_month(filled)
    if any(_data_like(c) for c in filled[: len(filled) - days_of_month]):
        return False
    with_letters = sum(1 for c in filled if any(ch.isalpha() for ch in c))
    if days_of_month and with_letters >= 2:
        with_letters += days_of_month
    # a calendar's columns ("10/01", "Tue 10/8"), as an attendance grid is headed
    days = sum(1 for c in filled if _DAY_COLUMN.fullmatch(c))
    if days >= CALENDAR_COLUMNS and with_letters >= 2:
        with_letters += days
    return with_letters * 2 >= len(filled)


def _days_of_month(filled: list[str]) -> int:
    """How many cells at the row's end are a month's school days in order (each 1 to 31,
    at most a long weekend after the one before), where they are a school week's or more;
    else 0. A row of scores is rarely so."""
    count = 0
    later = 0
    for cell in reversed(filled):
        day = int(cell) if cell.isdigit() and len(cell) <= 2 else 0
        if not (1 <= day <= 31 and (count == 0 or 1 <= later - day <= MAX_DAYS_BETWEEN)):
            break
        later = day
        count += 1
    return count if count >= SCHOOL_WEEK_DAYS else 0


def _data_like(cell: str) -> bool:
    """A value rather than a column's name: digits, unless they are an element code
    ("DOE001") or a year beside words ("Spring 2024 ELA Scaled", "FY2025 Budget")."""
    if _HEADER_CODE.fullmatch(cell):
        return False
    # an LMS names an assignment column with its own number, "Vocab Unit 4 (10251)"; a
    # bulk-upload template explains a column in brackets, "Recovery Phone [MUST BE IN THE
    # E.164 FORMAT]"
    if "CMR" in cell or "c." in cell or "§" in cell or "U.S.C" in cell:
        cell = _CITATION.sub(" ", cell)
    words = _BRACKETED.sub(" ", cell)
    if any(ch.isalpha() for ch in words):
        cell = words
    if _FIELD_CODE.fullmatch(cell.strip()):
        return False  # an SIS's own field name, numbered: Aspen's "std.stdFieldB012"
    # a screening's frequencies beside its word: "Hearing 1000/2000/4000 R"
    cell = _SLASHED_UNITS.sub(" ", cell) if any(ch.isalpha() for ch in cell) else cell
    # a field named for its school year, two years run together: "DaysAbs_2324", "Gr_2324"
    if "_" in cell:
        cell = _SCHOOL_YEAR_SUFFIX.sub(_without_school_year, cell)
    without_years = _YEAR_IN_WORDS.sub(" ", cell)
    if without_years != cell and not any(ch.isalpha() for ch in without_years):
        return True  # a bare year is a value
    return bool(_DATA_LIKE.search(without_years))


def _without_school_year(match: re.Match[str]) -> str:
    """A field name's "_2324" if its years follow one another (23-24), else as it is."""
    first, second = int(match.group(1)), int(match.group(2))
    return "" if second == (first + 1) % 100 else match.group()


def csv_blocks(raw: BinaryIO, encoding: str, delimiter: str, limits: Limits) -> Iterator[Block]:
    """The table of a delimited file, its header found as in a sheet (an export may open
    with a title or a course line); rows are numbered from the file's first record.

    Rows are read lazily from the stream, so a huge CSV is never in memory.
    """
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    numbered = ((n, tuple(row)) for n, row in enumerate(reader, 1) if row)
    yield from table_from_rows("", numbered, labels_above=True)
    stream.detach()


def _filled(cells: tuple[str, ...]) -> int:
    return sum(1 for c in cells if c.strip())


# a cell that is a label, colon and all ("Teacher:"), or a label and its value ("Run:
# 01/08/2025 07:42 AM", "School: Oak Hill Elementary (0187-0045)")
_LABEL_CELL = re.compile(r"[^\W\d_][\w ./#()-]{0,30}:(?:[ \t]+\S.*)?", re.DOTALL)


def _labels_a_value(cells: tuple[str, ...]) -> bool:
    """Whether a row's first filled cell is a label (`_LABEL_CELL`)."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return _LABEL_CELL.fullmatch(first) is not None


_NOTES_UNDER_A_TITLE = 2  # one-cell lines between a title and the header, at most
_RECORDS_ABOVE_A_TRAILER = 2  # wider rows above a short one, at least, that make it no header


def table_from_rows(
    location: str, rows: Iterable[tuple[int, tuple[str, ...]]], *, labels_above: bool = False
) -> Iterator[Block]:
    """Find the header row (titles above it become a text block) and yield the table.

    A sheet often opens with a title ("Grade 5 roster, fall 2026") above the real
    header; the header is the first of the first rows that names columns, unless the
    row after it is wider and names more ("Newcomer Roster 2024-25 | Brookmere HS"
    above "Name | DOB | Country | Home language | ...": a title in two cells).
    With `labels_above` (a delimited export), lines of a label and its value above the
    table ("Teacher:,...") are passed over too, to the text above it.
    """
    iterator = iter(rows)
    before: list[tuple[int, tuple[str, ...]]] = []
    found: tuple[int, tuple[str, ...]] | None = None  # the header row: number, cells
    notes: list[tuple[int, tuple[str, ...]]] = []  # one-cell lines under it
    data: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in iterator:
        filled = _filled(cells)
        if not filled:
            continue
        if (
            labels_above
            and found is not None
            and _labels_a_value(found[1])
            and _labels_a_value(cells)
        ):
            # an export's lines of a label and its value above its table ("School:,
            # Pemberton", "Teacher:,...", "Course:,AP Chemistry,Section:,3"): no header
            # (in a delimited file: a Word or a sheet's table of such lines is a form)
            before.append(found)
            found = (number, cells) if filled >= 2 and looks_like_header(cells) else None
            if found is None:
                before.append((number, cells))
            if len(before) >= _HEADER_SEARCH_ROWS:
                break
            continue
        if found is not None:
            # a row of more cells, as in a delimited file whose title line is shorter, or
            # of twice the filled cells, under a sheet's group headings ("Student" over
            # "Last | First | DOB")
            named = _filled(found[1])
            wider = filled > named and (len(cells) > len(found[1]) or filled >= 2 * named)
            # (or any row of column names under an export's last line of labels and values)
            if (wider or (labels_above and _labels_a_value(found[1]))) and looks_like_header(cells):
                before.extend([found, *notes])
                found = (number, cells)
            elif filled == 1 < named and len(notes) < _NOTES_UNDER_A_TITLE:
                # a line of one cell under a title ("Sent via secure share - DO NOT
                # email"): the header may come under it
                notes.append((number, cells))
                continue
            else:
                data.extend([*notes, (number, cells)])
            break
        # (not a row narrower than the rows above it: a headerless file's trailer,
        # "T1|20" under its records, is no header of theirs)
        wider_above = sum(1 for _, above in before if len(above) > len(cells))
        if filled >= 2 and looks_like_header(cells) and wider_above < _RECORDS_ABOVE_A_TRAILER:
            found = (number, cells)
            continue
        before.append((number, cells))
        if len(before) >= _HEADER_SEARCH_ROWS:
            break
    header = None if found is None else tuple(c.strip() for c in found[1])
    if header is None:
        data = before
        width = max((len(c) for _, c in before), default=0)
        header = ("",) * width
        before_text: list[tuple[int, tuple[str, ...]]] = []
    else:
        before_text = before
    if before_text:
        first = before_text[0][0]
        lines = [""] * (before_text[-1][0] - first + 1)
        for number, cells in before_text:
            lines[number - first] = " ".join(c for c in cells if c.strip())
        yield TextBlock("\n".join(lines), location, first_line=first)

    def body() -> Iterator[tuple[int, tuple[str, ...]]]:
        yield from data
        for number, cells in iterator:
            if any(c.strip() for c in cells):
                yield number, cells

    yield TableBlock(location, header, body())
