"""Office documents: Word, Excel, PowerPoint (OOXML) and OpenDocument.

Each format is read straight from its XML with lxml (`_docx`, `_xlsx`,
`_pptx`, `_odf`), which gives what its library gives, several times faster
and without the library's import. A file whose outline such a reader does
not know goes to the library itself (`_office_libs`), loaded only then.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from scanners.extract._types import Block, Limits


def cell_text(value: object) -> str:
    """A cell value as the user sees it: dates without a midnight time, integral
    floats without `.0` (an ID typed into Excel is a float)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value).strip()


def docx_blocks(
    stream: BinaryIO, limits: Limits, package: zipfile.ZipFile | None = None
) -> Iterator[Block]:
    """`_docx` over `package` (the zip already open over `stream`, if any);
    python-docx over `stream` when `_docx` declines."""
    from scanners.extract._docx import docx_fast_blocks
    from scanners.extract._ooxml import Unsupported

    try:
        return docx_fast_blocks(stream if package is None else package)
    except Unsupported:
        stream.seek(0)
    from scanners.extract._office_libs import docx_library_blocks

    return docx_library_blocks(stream)


def xlsx_blocks(
    stream: BinaryIO, limits: Limits, package: zipfile.ZipFile | None = None
) -> Iterator[Block]:
    """`_xlsx` (several times faster than openpyxl, and openpyxl takes longer
    to import than most workbooks take to read); openpyxl when it declines."""
    from scanners.extract._ooxml import Unsupported
    from scanners.extract._xlsx import xlsx_fast_blocks

    try:
        return xlsx_fast_blocks(stream if package is None else package)
    except Unsupported:
        stream.seek(0)
    from scanners.extract._office_libs import xlsx_library_blocks

    return xlsx_library_blocks(stream)


def pptx_blocks(
    stream: BinaryIO, limits: Limits, package: zipfile.ZipFile | None = None
) -> Iterator[Block]:
    """`_pptx`; python-pptx when it declines."""
    from scanners.extract._ooxml import Unsupported
    from scanners.extract._pptx import pptx_fast_blocks

    try:
        return pptx_fast_blocks(stream if package is None else package)
    except Unsupported:
        stream.seek(0)
    from scanners.extract._office_libs import pptx_library_blocks

    return pptx_library_blocks(stream)


def odf_blocks(
    stream: BinaryIO, kind: str, limits: Limits, package: zipfile.ZipFile | None = None
) -> Iterator[Block]:
    """content.xml alone through lxml (`_odf`); odfpy's whole document when
    its outline is not the expected one."""
    from scanners.extract._odf import odf_fast_blocks
    from scanners.extract._ooxml import Unsupported

    try:
        return odf_fast_blocks(stream if package is None else package, kind)
    except Unsupported:
        stream.seek(0)
    from scanners.extract._office_libs import odf_library_blocks

    return odf_library_blocks(stream, kind)
