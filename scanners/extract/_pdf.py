"""Text PDFs, page by page.

Page text comes from PDFium (pypdfium2), two to three times faster than pypdf's
pure-Python content-stream interpreter. When PDFium opens the file and finds it
neither encrypted nor a form, PDFium alone reads it: pypdf would only repeat
the same verdicts, at the cost of its import (about 0.08 s) and of parsing the
file a second time. Otherwise pypdf opens the file first, for its encryption
verdict, its page count and the filled-in form fields, as it always has. Either
way pypdf reads a page itself whenever PDFium cannot open the file or the page.

PDFium folds a run of typed spaces into one; the detectors read two or more
spaces as a field separator ("Name: Amara Okafor   DOB: ..."), as pypdf
gives them, so a run is restored where the gap between two words is a whole
number of the font's space advances (a justified line's stretched gaps are not).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from scanners.extract._errors import EncryptedPDFError, NoTextLayerError
from scanners.extract._types import Block, Limits, TextBlock

__all__ = ["EncryptedPDFError", "NoTextLayerError", "pdf_blocks"]

# pypdf reports every repaired cross-reference on its logger; without a handler
# Python's last-resort handler would print them. A library must not print.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _form_fields(reader: object) -> list[str]:
    """Filled-in form fields as `name: value` lines. Fillable PDFs (IEP and
    health forms) keep what was typed in fields, not in the page text."""
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    fields = reader.get_fields() or {}
    lines = []
    for name, field in fields.items():
        value = field.get("/V")
        if value is None:
            continue
        text = str(value).strip()
        if text and text not in ("/Off", "/Yes") and not text.startswith("/"):
            label = str(field.get("/TU") or name)
            lines.append(f"{label}: {text}")
    return lines


def pdf_blocks(stream: BinaryIO, limits: Limits) -> Iterator[Block]:
    """Open eagerly (so a broken or locked file is known before any block) and
    yield one block per page, located "page N"."""
    document = _pdfium_document(stream)
    if document is not None and _plain(document):
        return _pages(_LazyReader(stream), document, len(document), limits)
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # unsupported algorithm, broken dictionary
                raise EncryptedPDFError(f"encrypted PDF ({exc})") from exc
            if opened == PasswordType.NOT_DECRYPTED:
                raise EncryptedPDFError("encrypted PDF: a password is required to read it")
        count = len(reader.pages)
    except BaseException:
        if document is not None:
            document.close()
        raise
    return _pages(lambda: reader, document, count, limits)


def _plain(document: Any) -> bool:
    """Neither encrypted (no security handler) nor a form (no AcroForm or XFA in
    the catalog): nothing pypdf would add to what PDFium reads."""
    import pypdfium2.raw as pdfium_c

    return bool(
        pdfium_c.FPDF_GetSecurityHandlerRevision(document) == -1
        and pdfium_c.FPDF_GetFormType(document) == pdfium_c.FORMTYPE_NONE
    )


class _LazyReader:
    """pypdf's reader of a file PDFium reads, made only if a page needs it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._reader: object = None

    def __call__(self) -> object:
        if self._reader is None:
            from pypdf import PdfReader

            self._reader = PdfReader(self._stream, strict=False)
        return self._reader


def _pdfium_document(stream: BinaryIO) -> Any:
    """PDFium's view of the same bytes, or None (pypdf reads the text then)."""
    if not isinstance(stream, io.BytesIO):
        return None
    try:
        import pypdfium2
    except ImportError:  # an install without the wheel: pypdf alone
        return None
    try:
        return pypdfium2.PdfDocument(stream.getvalue())
    except Exception:  # a file pypdf repairs and PDFium refuses
        return None


def _spaced(textpage: Any, text: str) -> str:
    """`text` with each folded run of spaces restored (see the module docstring).

    A run is restored only on a line that also has an ordinary one-space gap: a
    justified line stretches every gap alike, sometimes to exactly two spaces.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)
    char_box = pdfium_c.FPDFText_GetLooseCharBox
    handle = textpage.raw  # the bare handle: ctypes converts it with no lookup

    def left_right(index: int) -> tuple[float, float]:
        char_box(handle, index, box)
        return rect.left, rect.right

    out: list[str] = []
    start = 0
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        runs: list[tuple[int, int]] = []
        plain = False
        index = text.find(" ", line_start + 1, line_end - 1)
        while index > 0:
            if text[index - 1] not in " \r\n" and text[index + 1] not in " \r\n":
                space_left, space_right = left_right(index)
                width = space_right - space_left
                if width > 0.01:
                    ratio = (left_right(index + 1)[0] - left_right(index - 1)[1]) / width
                    count = round(ratio)
                    if abs(ratio - count) < 0.03:
                        plain = plain or count == 1
                        if count > 1:
                            runs.append((index, min(count, 40)))
            index = text.find(" ", index + 1, line_end - 1)
        if plain:
            for index, count in runs:
                out.append(text[start:index])
                out.append(" " * count)
                start = index + 1
        line_start = line_end
    out.append(text[start:])
    return "".join(out)


def _pdfium_text(document: Any, index: int) -> str | None:
    """A page's text through PDFium, or None when pypdf should read it."""
    if document is None or index >= len(document):
        return None
    try:
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                text = str(textpage.get_text_range())
                if len(text) != textpage.count_chars():
                    return None  # characters and positions would not line up
                text = _spaced(textpage, text)
            finally:
                textpage.close()
        finally:
            page.close()
    except Exception:  # this page only: pypdf tries it
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _pages(
    reader: Callable[[], object], document: Any, count: int, limits: Limits
) -> Iterator[Block]:
    """`reader` gives pypdf's reader, for pages PDFium cannot read; form fields
    are read through it unless PDFium alone reads the file (`document` is
    `_plain`), where there are none."""
    from_pdfium_only = isinstance(reader, _LazyReader)
    found_text = False
    try:
        for index in range(min(count, limits.max_pdf_pages)):
            text = _pdfium_text(document, index)
            if text is None:
                text = _pypdf_page(reader(), index)
            if text.strip():
                found_text = True
                yield TextBlock(text, f"page {index + 1}")
    finally:
        if document is not None:
            document.close()
    fields = [] if from_pdfium_only else _form_fields(reader())
    if fields:
        found_text = True
        yield TextBlock("\n".join(fields), "form fields")
    if count and not found_text:
        raise NoTextLayerError("PDF has no text layer (a scanned image?): nothing to scan")


def _pypdf_page(reader: object, index: int) -> str:
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    return reader.pages[index].extract_text() or ""
