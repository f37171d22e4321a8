"""Excel workbooks read straight from their XML parts.

openpyxl (even read-only) builds an object for every style, cell and string,
which made workbooks the slowest format of a school corpus. Here the parts are
streamed with lxml's iterparse and only values are kept; what a value *means*
is still openpyxl's: its date-format test, its serial-date conversion and its
number casting (copied into `_excel`, so that openpyxl is not imported) are
reused, so a cell renders exactly as the library path renders it. Anything
this reader does not recognise in the workbook's outline raises `Unsupported`
before a block is produced, and the caller falls back to openpyxl rather than
lose content.

Parser safety: no DTD loading, no entity resolution, no network, no huge
trees (what defusedxml guards against).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from itertools import islice
from typing import Any

from lxml import etree

from scanners.extract._excel import (
    MAC_EPOCH,
    WINDOWS_EPOCH,
    builtin_format_code,
    from_excel,
    from_iso8601,
    is_date_format,
    is_timedelta_format,
    range_max_column,
)
from scanners.extract._office import cell_text
from scanners.extract._ooxml import (
    Package,
    Unsupported,
    child_text,
    first_child,
    iterparse,
    main_part,
    open_package,
    parse,
    part_rels,
)
from scanners.extract._text import table_from_rows
from scanners.extract._types import Block

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW, _C, _V, _IS, _T, _R = (_MAIN + n for n in ("row", "c", "v", "is", "t", "r"))
_SI = _MAIN + "si"
_DIMENSION = _MAIN + "dimension"
# A row wider than Excel's own limit is not a spreadsheet this reader trusts.
_MAX_COLUMN = 16_384
# Sheets up to this size (uncompressed XML) are parsed whole, larger ones streamed.
_WHOLE_SHEET_BYTES = 1 << 20


def _rich_text(node: Any) -> str:
    """What openpyxl's `Text.content` gives: the plain run plus formatted runs,
    phonetic hints (`rPh`) left out."""
    parts: list[str] = []
    for child in node:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            for t in child.iterchildren(_T):
                parts.append(t.text or "")
    return "".join(parts)


class _Workbook:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        names = set(zf.namelist())
        book_part = main_part(zf)
        book = parse(zf.read(book_part))
        rels = part_rels(zf, book_part)
        pr = first_child(book, _MAIN + "workbookPr")
        date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
        self.epoch: dt.datetime = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self.sheets: list[tuple[str, str]] = []
        sheets = first_child(book, _MAIN + "sheets")
        for sheet in sheets if sheets is not None else ():
            if sheet.tag != _MAIN + "sheet":
                continue
            rid = sheet.get(_REL_NS + "id")
            if not rid:
                continue  # openpyxl drops such sheets too
            if rid not in rels:
                raise Unsupported(f"sheet relationship {rid} missing")
            typ, target = rels[rid]
            if target not in names or "chartsheet" in typ:
                continue
            self.sheets.append((sheet.get("name") or "", target))
        self.strings: list[str] = []
        self.date_styles: set[int] = set()
        self.timedelta_styles: set[int] = set()
        for typ, target in rels.values():
            if target not in names:
                continue
            if typ.endswith("/sharedStrings"):
                self.strings = self._shared_strings(target)
            elif typ.endswith("/styles"):
                custom, xfs = self._styles(target)
                for idx, fmt_id in enumerate(xfs):
                    fmt = custom[fmt_id] if fmt_id in custom else builtin_format_code(fmt_id)
                    if fmt is None:
                        continue
                    if is_date_format(fmt):
                        self.date_styles.add(idx)
                    if is_timedelta_format(fmt):
                        self.timedelta_styles.add(idx)

    def _shared_strings(self, part: str) -> list[str]:
        strings: list[str] = []
        with self.zf.open(part) as raw:
            for _, node in iterparse(raw, _SI):
                strings.append(_rich_text(node).replace("x005F_", ""))
                node.clear()
        return strings

    def _styles(self, part: str) -> tuple[dict[int, str], list[int]]:
        root = parse(self.zf.read(part))
        custom: dict[int, str] = {}
        fmts = first_child(root, _MAIN + "numFmts")
        for fmt in fmts if fmts is not None else ():
            if fmt.tag == _MAIN + "numFmt":
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
        xfs: list[int] = []
        cell_xfs = first_child(root, _MAIN + "cellXfs")
        for xf in cell_xfs if cell_xfs is not None else ():
            if xf.tag == _MAIN + "xf":
                xfs.append(int(xf.get("numFmtId") or 0))
        return custom, xfs


def _dimension_columns(element: Any) -> int:
    """Width the sheet declares (openpyxl pads every row to it)."""
    try:
        return int(range_max_column(element.get("ref") or "") or 0)
    except (TypeError, ValueError):
        return 0


def _value(cell: Any, book: _Workbook) -> object:
    """A cell's value the way openpyxl's data-only reader produces it."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        child = first_child(cell, _IS)
        return None if child is None else _rich_text(child)
    raw = child_text(cell, _V) or None
    if raw is None:
        return None
    if kind == "n":
        try:
            number: int | float = (
                float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            )
        except ValueError:
            return raw
        style = int(cell.get("s") or 0)
        if style in book.date_styles:
            try:
                return from_excel(number, book.epoch, timedelta=style in book.timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number
    if kind == "s":
        try:
            return book.strings[int(raw)]
        except (IndexError, ValueError):
            return None
    if kind == "b":
        try:
            return bool(int(raw))
        except ValueError:
            return raw
    if kind == "d":
        try:
            return from_iso8601(raw)
        except ValueError:
            return raw
    return raw  # "str" (a formula's text result) and "e" (an error like #N/A)


def _text(cell: Any, book: _Workbook) -> str:
    """`cell_text(_value(cell, book))`, with the kinds nearly every cell is (an
    inline or shared string, a plain number) rendered directly: the same steps
    in the same order, without building the value first."""
    kind = cell.get("t")
    if kind == "inlineStr":
        child = first_child(cell, _IS)
        return "" if child is None else _rich_text(child).strip()
    if kind == "s":
        raw = child_text(cell, _V)
        if not raw:
            return ""
        try:
            return book.strings[int(raw)].strip()
        except (IndexError, ValueError):
            return ""
    if kind is None or kind == "n":
        raw = child_text(cell, _V)
        if not raw:
            return ""
        try:
            number: int | float = (
                float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            )
        except ValueError:
            return str(raw).strip()
        if int(cell.get("s") or 0) in book.date_styles:
            return cell_text(_value(cell, book))
        if isinstance(number, int):
            return str(number)
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
        return str(number)
    return cell_text(_value(cell, book))


def _column(ref: str) -> int:
    letters = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            letters = letters * 26 + ord(ch) - 64
        else:
            break
    return letters


def _sheet_elements(book: _Workbook, part: str) -> Iterator[Any]:
    """The sheet's dimension and row elements, in document order.

    A small sheet is parsed whole: one parse costs half of what the event
    loop of `iterparse` does. A large one is streamed, each row dropped once
    the caller has read it, so memory stays bounded. A small sheet that does
    not parse, or whose rows nest (where the order of end events is not the
    document order), is streamed too: it then reads, and fails, as before.
    """
    if book.zf.getinfo(part).file_size <= _WHOLE_SHEET_BYTES:
        try:
            root = parse(book.zf.read(part))
        except Exception:  # damaged: streamed below, which reads up to the damage
            root = None
        if root is not None and _flat(root):
            yield from root.iter(_DIMENSION, _ROW)
            return
    with book.zf.open(part) as raw:
        for _, element in iterparse(raw, (_DIMENSION, _ROW)):
            yield element
            if element.tag == _ROW:
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]


def _flat(root: Any) -> bool:
    """No row or dimension inside another."""
    for element in root.iter(_DIMENSION, _ROW):
        if next(islice(element.iter(_DIMENSION, _ROW), 1, None), None) is not None:
            return False
    return True


def _sheet_rows(book: _Workbook, part: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    counter = 0
    width = 0
    for row in _sheet_elements(book, part):
        if row.tag == _DIMENSION:
            width = _dimension_columns(row) if counter == 0 else width
            continue
        r = row.get("r")
        number = int(float(r)) if r else counter + 1
        column = 0
        values: dict[int, str] = {}
        for cell in row.iterchildren(_C):
            ref = cell.get("r")
            column = _column(ref) if ref else column + 1
            if not 1 <= column <= _MAX_COLUMN:
                continue
            values[column] = _text(cell, book)
        if number <= counter:
            continue  # a row out of order: openpyxl skips it too
        counter = number
        size = max(width, max(values, default=0))
        yield number, tuple(values.get(i, "") for i in range(1, size + 1))


def xlsx_fast_blocks(source: Package) -> Iterator[Block]:
    """Blocks of a workbook; raises `Unsupported` (before any block) when the
    outline is unexpected, so the caller can use openpyxl instead. The sheets
    are streamed from the package as the blocks are read: it stays open."""
    zf = open_package(source)
    try:
        book = _Workbook(zf)
    except Unsupported:
        raise
    except (KeyError, ValueError, TypeError, etree.XMLSyntaxError) as exc:
        raise Unsupported(str(exc)) from exc
    return _blocks(book)


def _blocks(book: _Workbook) -> Iterator[Block]:
    for title, part in book.sheets:
        yield from table_from_rows(f"sheet {title}", _sheet_rows(book, part))
